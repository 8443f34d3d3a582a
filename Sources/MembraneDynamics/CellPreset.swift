import MembraneUnits
import MembraneChemistry

/// A named cell: ion concentrations on both sides, its natural temperature, a measured resting
/// potential and typical relative permeabilities, each with its source.
///
/// Presets are values: copy and modify one to explore (`var p = CellPreset.named("squid-giant-axon")`).
public struct CellPreset: Sendable {
    /// Command-line name (`mammalian-neuron`).
    public var name: String
    /// One line for listings.
    public var description: String
    /// The temperature the numbers belong to.
    public var temperature: Temperature
    /// Cytosol (or matrix, for the mitochondrion).
    public var inside: Solution
    /// Extracellular fluid (or cytosol, for the mitochondrion).
    public var outside: Solution
    /// The measured resting potential the literature reports.
    public var restingPotential: Voltage
    /// Relative permeabilities for the GHK voltage equation, by canonical ion name.
    public var permeabilities: [(name: String, value: Double)]
    /// Radius of a typical cell (for the charge that holds V_m).
    public var radius: Length
    /// Source of each group of numbers: concentrations, temperature, resting potential, permeabilities, size.
    public var sources: [(field: String, source: String)]
    /// Caveats a user should read.
    public var notes: [String]

    /// A preset from its fields (see each property); every number should come with its source in `sources`.
    public init(name: String, description: String, temperature: Temperature, inside: Solution, outside: Solution,
                restingPotential: Voltage, permeabilities: [(name: String, value: Double)], radius: Length,
                sources: [(field: String, source: String)], notes: [String] = []) {
        self.name = name
        self.description = description
        self.temperature = temperature
        self.inside = inside
        self.outside = outside
        self.restingPotential = restingPotential
        self.permeabilities = permeabilities
        self.radius = radius
        self.sources = sources
        self.notes = notes
    }

    /// All sources joined, for one-line listings.
    public var sourceSummary: String { sources.map { "\($0.field): \($0.source)" }.joined(separator: "; ") }

    /// A warning when `t` is more than 10 K from the preset's natural temperature, else nil.
    public func temperatureWarning(at t: Temperature) -> String? {
        let delta = t.kelvin - temperature.kelvin
        guard abs(delta) > 10 else { return nil }
        return "\(name) is a preparation at \(formatCelsius(temperature)); running it at \(formatCelsius(t)) "
            + "changes RT/F by \(Format.number((delta / temperature.kelvin * 100).rounded())) % but not the concentrations, "
            + "which a real cell at that temperature would not keep"
    }

    private func formatCelsius(_ t: Temperature) -> String {
        "\(Format.number((t.celsius * 10).rounded() / 10)) °C"
    }
}

extension CellPreset {
    /// The preset called `name`, or an error listing the known ones.
    public static func named(_ name: String) throws -> CellPreset {
        let key = name.lowercased()
        if let preset = all.first(where: { $0.name == key }) { return preset }
        let aliases: [String: String] = ["neuron": "mammalian-neuron", "squid": "squid-giant-axon",
                                         "squid-axon": "squid-giant-axon", "frog-muscle": "frog-skeletal-muscle",
                                         "myocyte": "ventricular-myocyte", "cardiac-myocyte": "ventricular-myocyte",
                                         "rbc": "red-blood-cell", "erythrocyte": "red-blood-cell",
                                         "plant": "plant-cell", "chara": "plant-cell", "mitochondria": "mitochondrion"]
        if let target = aliases[key], let preset = all.first(where: { $0.name == target }) { return preset }
        throw MembraneError.unknownName(field: "preset", value: name, suggestions: closestNames(to: name, among: all.map(\.name), limit: all.count))
    }

    /// The default cell of `membrane report`.
    public static var defaultPreset: CellPreset { mammalianNeuron }

    /// Every built-in cell preset.
    public static var all: [CellPreset] {
        [mammalianNeuron, squidGiantAxon, frogSkeletalMuscle, ventricularMyocyte, redBloodCell, plantCell, mitochondrion]
    }
}
