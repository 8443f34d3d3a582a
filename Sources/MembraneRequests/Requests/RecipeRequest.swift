import Membrane
import MembraneReport

/// `recipe`: a solution recipe → free ions, the titrant that sets the pH, protonation states and Ca/Mg
/// complexes of the buffers and chelators, free Ca²⁺/Mg²⁺, ionic strength and osmolarity, at 25 °C unless a
/// temperature is given (pH is adjusted at room temperature).
public struct RecipeRequest: MembraneRequest {
    public static let command = "recipe"
    /// Davies: the Pitzer set of Harvie, Møller & Weare has no parameters for organic pipette ions.
    public static let defaultModel = "davies"

    public var recipe: String
    public var model: String?
    public var targetOsmolarity: String?
    public var temperature: Scalar?
    public var constants: String?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case recipe, model, temperature, constants
        case targetOsmolarity = "target-osmolarity"
    }

    public init(recipe: String) { self.recipe = recipe }

    public func run(in context: inout RequestContext) throws -> RecipeReport {
        let c = try Defaults.conditions(temperature: temperature, constants: constants, fallback: Defaults.recipeTemperature)
        let r = try SolutionParser(recipeTemperature: c.temperature).parseRecipe(recipe, field: "recipe")
        let target = try targetOsmolarity.map { try OsmolarityTarget($0) }
        let osm = try OsmoticResult(solution: r.solution, model: ActivityModel.named(model ?? Self.defaultModel), conditions: c)
        return RecipeReport(recipe: r, osmotic: osm, conditions: c, target: target)
    }
}
