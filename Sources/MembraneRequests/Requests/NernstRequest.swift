import Membrane
import MembraneReport

/// `nernst`: the equilibrium potential of one ion, E = (RT/zF)·ln(a_out/a_in) (Nernst 1889), from
/// concentrations, activity coefficients, activities or an activity model.
public struct NernstRequest: MembraneRequest {
    public static let command = "nernst"

    public var ion: String
    public var inside: Scalar
    public var outside: Scalar
    public var valence: Int?
    public var gammaInside: Scalar?
    public var gammaOutside: Scalar?
    /// `inside` and `outside` are activities, not concentrations.
    public var activities: Bool?
    public var activityModel: String?
    public var insideSolution: Assignments?
    public var outsideSolution: Assignments?
    public var temperature: Scalar?
    public var constants: String?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case ion, inside, outside, valence, activities, temperature, constants
        case gammaInside = "gamma-inside", gammaOutside = "gamma-outside", activityModel = "activity-model"
        case insideSolution = "inside-solution", outsideSolution = "outside-solution"
    }

    public init(ion: String, inside: Scalar, outside: Scalar) {
        self.ion = ion
        self.inside = inside
        self.outside = outside
    }

    public func run(in context: inout RequestContext) throws -> ActivityAnnotated {
        let ion = try InputParsing.ion(self.ion, valence: valence)
        let cIn = try inside.concentration(field: "inside")
        let cOut = try outside.concentration(field: "outside")
        let activities = self.activities ?? false
        if activities && (gammaInside != nil || gammaOutside != nil) {
            throw MembraneError.invalidValue(field: "activities", value: "with gamma",
                                             allowed: "either `activities` or activity coefficients, not both")
        }
        var gIn = try gammaInside.map { try $0.number(field: "gamma-inside") } ?? 1
        var gOut = try gammaOutside.map { try $0.number(field: "gamma-outside") } ?? 1
        let c = try Defaults.conditions(temperature: temperature, constants: constants)
        let activity = ActivityInputs(activityModel: activityModel, insideSolution: insideSolution, outsideSolution: outsideSolution)
        let model = try activity.singleIon(ion, inside: cIn, outside: cOut, conditions: c,
                                           explicitGammas: gammaInside != nil || gammaOutside != nil || activities)
        if let model { gIn = model.gammaInside; gOut = model.gammaOutside }
        var result = try Nernst.calculate(ion: ion, inside: cIn, outside: cOut, gammaInside: gIn, gammaOutside: gOut, conditions: c)
        result.inputsAreActivities = activities
        return try activity.annotate(result, inside: model?.inside, outside: model?.outside,
                                     backgrounds: model.map { ($0.insideBackground, $0.outsideBackground) })
    }
}
