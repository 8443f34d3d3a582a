import Membrane
import MembraneReport

/// `osmolarity`: osmolarity, osmolality, the osmotic coefficient φ and the osmotic pressure Π = φRTΣc
/// (van 't Hoff 1887; φ from Pitzer 1973), with a warning outside a target range.
public struct OsmolarityRequest: MembraneRequest {
    public static let command = "osmolarity"
    public static let defaultModel = "pitzer"

    public var solution: Assignments
    public var model: String?
    /// A target such as `290±10` (mOsm), for a warning outside it.
    public var targetOsmolarity: String?
    public var temperature: Scalar?
    public var constants: String?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case solution, model, temperature, constants
        case targetOsmolarity = "target-osmolarity"
    }

    public init(solution: Assignments) { self.solution = solution }

    public func run(in context: inout RequestContext) throws -> OsmolarityReport {
        let c = try Defaults.conditions(temperature: temperature, constants: constants)
        let s = try SolutionParser(recipeTemperature: c.temperature).parse(solution.text, field: "solution")
        let target = try targetOsmolarity.map { try OsmolarityTarget($0) }
        return OsmolarityReport(result: try OsmoticResult(solution: s, model: ActivityModel.named(model ?? Self.defaultModel), conditions: c),
                                conditions: c, target: target)
    }
}
