import Membrane
import MembraneReport

/// `report`: a cell at rest on one screen — every ion's E, the GHK V_m, driving forces, ΔG, and the charge that
/// holds V_m — for a preset (the default mammalian neuron) or for given solutions and permeabilities.
public struct ReportRequest: MembraneRequest {
    public static let command = "report"
    /// The cell radius for the charge when no preset gives one, µm.
    public static let defaultRadius: Scalar = "10"

    public var preset: String?
    public var inside: Assignments?
    public var outside: Assignments?
    public var permeability: Assignments?
    /// Evaluate driving forces at this V_m (mV) instead of the GHK potential.
    public var vm: Scalar?
    public var pumpRatio: Scalar?
    public var radiusUm: Scalar?
    public var activityModel: String?
    public var temperature: Scalar?
    public var constants: String?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case preset, inside, outside, permeability, vm, temperature, constants
        case pumpRatio = "pump-ratio", radiusUm = "radius-um", activityModel = "activity-model"
    }

    public init() {}

    public func run(in context: inout RequestContext) throws -> ActivityAnnotated {
        let vm = try self.vm.map { try $0.voltage(field: "vm") }
        let r = try pumpRatio.map { try $0.number(field: "pump-ratio") }
        let activity = ActivityInputs(activityModel: activityModel)
        if inside != nil || outside != nil || permeability != nil {
            guard preset == nil else {
                throw MembraneError.invalidValue(field: "preset", value: preset!,
                                                 allowed: "either `preset` or `inside`/`outside`/`permeability`, not both")
            }
            guard let inside, let outside, let permeability else {
                throw MembraneError.invalidValue(field: "inside", value: "", allowed: "`inside`, `outside` and `permeability` together")
            }
            let radius = try (radiusUm ?? Self.defaultRadius).positive(field: "radius-um", allowed: "a radius > 0 in µm")
            let c = try Defaults.conditions(temperature: temperature, constants: constants)
            var sIn = try InputParsing.solution(inside, field: "inside", context: &context)
            var sOut = try InputParsing.solution(outside, field: "outside", context: &context)
            let aIn = try activity.activities(of: sIn, conditions: c), aOut = try activity.activities(of: sOut, conditions: c)
            if let aIn, let aOut { sIn = aIn.0; sOut = aOut.0 }
            let analysis = try RestingAnalysis(inside: sIn, outside: sOut, permeabilities: InputParsing.namedValues(permeability, field: "permeability", context: context),
                                               vm: vm, pumpRatio: r, radius: .micrometres(radius), conditions: c)
            return try activity.annotate(RestingReport(analysis: analysis, preset: nil), inside: aIn?.1, outside: aOut?.1,
                                         concentrationsAreActivities: true)
        }
        var cell = try preset.map { try CellPreset.named($0) } ?? CellPreset.defaultPreset
        if let radiusUm {
            cell.radius = .micrometres(try radiusUm.positive(field: "radius-um", allowed: "a radius > 0 in µm"))
        }
        let c = try Defaults.conditions(temperature: temperature, constants: constants, fallback: cell.temperature)
        let aIn = try activity.activities(of: cell.inside, conditions: c), aOut = try activity.activities(of: cell.outside, conditions: c)
        if let aIn, let aOut { cell.inside = aIn.0; cell.outside = aOut.0 }
        let analysis = try RestingAnalysis(preset: cell, temperature: c.temperature, constants: c.constants, vm: vm, pumpRatio: r)
        return try activity.annotate(RestingReport(analysis: analysis, preset: cell), inside: aIn?.1, outside: aOut?.1,
                                     concentrationsAreActivities: true)
    }
}
