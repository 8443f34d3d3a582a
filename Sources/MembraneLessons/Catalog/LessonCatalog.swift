import Membrane

/// The lessons that ship with membrane: the files of `Sources/MembraneLessons/Lessons/`, embedded in the binary
/// at build time (SwiftPM `.embedInCode`), so they never depend on the working directory. The files stay the
/// editable source; a test checks that this list names every file once.
public enum LessonCatalog {
    /// Name and text of each built-in lesson, in teaching order.
    static let embedded: [(name: String, bytes: [UInt8])] = [
        ("nernst-valence", PackageResources.nernst_valence_yaml),
        ("temperature-hypothermia", PackageResources.temperature_hypothermia_yaml),
        ("activities", PackageResources.activities_yaml),
        ("driving-force", PackageResources.driving_force_yaml),
        ("ghk-toxin", PackageResources.ghk_toxin_yaml),
        ("electrogenic-pump", PackageResources.electrogenic_pump_yaml),
        ("few-ions", PackageResources.few_ions_yaml),
        ("donnan-dead-cell", PackageResources.donnan_dead_cell_yaml),
        ("pump-leak-atp", PackageResources.pump_leak_atp_yaml),
        ("ljp-correction", PackageResources.ljp_correction_yaml),
        ("calcium-microdomain", PackageResources.calcium_microdomain_yaml),
        ("proton-motive-force", PackageResources.proton_motive_force_yaml),
        ("action-potential-cost", PackageResources.action_potential_cost_yaml),
    ]

    /// The built-in lessons' names, in teaching order.
    public static var names: [String] { embedded.map(\.name) }

    /// The text of the built-in lesson `name`.
    public static func text(of name: String) -> String? {
        embedded.first { $0.name == name }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// Reads the built-in lesson `name`; an unknown name is an error with the closest names.
    public static func lesson(named name: String) throws -> Lesson {
        guard let text = text(of: name) else {
            throw MembraneError.unknownName(field: "name", value: name, suggestions: closestNames(to: name, among: names, limit: 3))
        }
        return try LessonReader.read(text, file: "\(name).yaml")
    }

    /// Every built-in lesson, read (and checked for shape; ``PreparedLesson`` checks the rest).
    public static func all() throws -> [Lesson] { try names.map(lesson(named:)) }
}
