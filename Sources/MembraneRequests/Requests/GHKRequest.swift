import Membrane
import MembraneReport

/// `ghk`: the GHK voltage equation (Goldman 1943; Hodgkin & Katz 1949), V_m where the GHK currents of all
/// permeant ions sum to zero, optionally with an electrogenic Na/K pump (Mullins & Noda 1963).
public struct GHKRequest: MembraneRequest {
    public static let command = "ghk"

    public var inside: Assignments
    public var outside: Assignments
    /// Relative permeabilities.
    public var permeability: Assignments
    public var pumpRatio: Scalar?
    public var activityModel: String?
    public var temperature: Scalar?
    public var constants: String?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case inside, outside, permeability, temperature, constants
        case pumpRatio = "pump-ratio", activityModel = "activity-model"
    }

    public init(inside: Assignments, outside: Assignments, permeability: Assignments) {
        self.inside = inside
        self.outside = outside
        self.permeability = permeability
    }

    public func run(in context: inout RequestContext) throws -> ActivityAnnotated {
        var inside = try InputParsing.solution(self.inside, field: "inside", context: &context)
        var outside = try InputParsing.solution(self.outside, field: "outside", context: &context)
        let c = try Defaults.conditions(temperature: temperature, constants: constants)
        let activity = ActivityInputs(activityModel: activityModel)
        let aIn = try activity.activities(of: inside, conditions: c), aOut = try activity.activities(of: outside, conditions: c)
        if let aIn, let aOut { inside = aIn.0; outside = aOut.0 }
        let permeants = try Permeant.list(inside: inside, outside: outside,
                                          permeabilities: InputParsing.namedValues(permeability, field: "permeability", context: context))
        let r = try pumpRatio.map { try $0.number(field: "pump-ratio") }
        return try activity.annotate(GHKVoltage.potential(permeants, pumpRatio: r, conditions: c),
                                     inside: aIn?.1, outside: aOut?.1, concentrationsAreActivities: true)
    }
}
