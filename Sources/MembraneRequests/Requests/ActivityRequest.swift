import Membrane
import MembraneReport

/// `activity`: single-ion activity coefficients, activities and the ionic strength of a solution under an
/// activity model (Debye & Hückel 1923; Davies 1938; Truesdell & Jones 1974; Pitzer 1973 with the parameters
/// of Harvie, Møller & Weare 1984).
public struct ActivityRequest: MembraneRequest {
    public static let command = "activity"
    public static let defaultModel = "davies"

    public var solution: Assignments
    public var model: String?
    public var temperature: Scalar?
    public var constants: String?

    public enum CodingKeys: String, CodingKey, CaseIterable { case solution, model, temperature, constants }

    public init(solution: Assignments) { self.solution = solution }

    public func run(in context: inout RequestContext) throws -> ActivityReport {
        let c = try Defaults.conditions(temperature: temperature, constants: constants)
        let s = try SolutionParser(recipeTemperature: c.temperature).parse(solution.text, field: "solution")
        let m = try ActivityModel.named(model ?? Self.defaultModel)
        return ActivityReport(result: try ActivityCalculator(model: m, temperature: c.temperature).analyze(s), conditions: c)
    }
}
