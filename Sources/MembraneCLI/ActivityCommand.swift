import ArgumentParser
import Membrane
import MembraneReport

struct ActivityCommand: CalculationCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity",
        abstract: "Activity coefficients, activities and ionic strength of a solution under an activity model.",
        discussion: """
        Examples:
          membrane activity --solution "Na=145, K=5, Cl=120, Ca=2, HCO3=25" --model davies
          membrane activity --solution "K-gluconate 135, KCl 5, HEPES 10, MgATP 4, pH 7.3 KOH" --model pitzer --temperature 25
        Models: ideal, debye-huckel, extended-debye-huckel, guntelberg, davies, davies-0.2, truesdell-jones, pitzer.
        γ is the model's single-ion, molal-scale coefficient (Pitzer on the MacInnes scale); activity_mM = γ·c.
        """)

    @Option(parsing: .unconditional, help: "Solution (ion list or recipe).") var solution: String
    @Option(help: "Activity model (default davies).") var model: String = "davies"
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func execute() throws -> any Renderable {
        let c = try conditions.conditions()
        let s = try SolutionParser(recipeTemperature: c.temperature).parse(solution, field: "solution")
        let m = try ActivityModel.named(model)
        return ActivityReport(result: try ActivityCalculator(model: m, temperature: c.temperature).analyze(s), conditions: c)
    }
}

struct OsmolarityCommand: CalculationCommand {
    static let configuration = CommandConfiguration(
        commandName: "osmolarity",
        abstract: "Osmolarity, osmolality, osmotic coefficient and osmotic pressure of a solution.",
        discussion: """
        Example: membrane osmolarity --solution "NaCl 150" --target-osmolarity 290±10
        φ is Pitzer's osmotic coefficient with --model pitzer (default), 1 with ideal; Π = φRTΣc (van 't Hoff).
        """)

    @Option(parsing: .unconditional, help: "Solution (ion list or recipe).") var solution: String
    @Option(help: "Activity model for φ (default pitzer).") var model: String = "pitzer"
    @Option(name: .customLong("target-osmolarity"), help: "Warn outside this range, e.g. 290±10 (mOsm).") var targetOsmolarity: String?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func execute() throws -> any Renderable {
        let c = try conditions.conditions()
        let s = try SolutionParser(recipeTemperature: c.temperature).parse(solution, field: "solution")
        let target = try targetOsmolarity.map { try OsmolarityTarget($0) }
        return OsmolarityReport(result: try OsmoticResult(solution: s, model: ActivityModel.named(model), conditions: c),
                                conditions: c, target: target)
    }
}

struct RecipeCommand: CalculationCommand {
    static let configuration = CommandConfiguration(
        commandName: "recipe",
        abstract: "A solution recipe → free ions, titrant to reach the pH, free Ca/Mg, ionic strength and osmolarity.",
        discussion: """
        Example:
          membrane recipe "K-gluconate 135, KCl 5, HEPES 10, MgATP 4, Na2GTP 0.3, EGTA 0.5, pH 7.3 KOH" --target-osmolarity 290±10
        Amounts in mM unless a unit is written. `pH X TITRANT` computes the KOH/NaOH/CsOH/HCl/NMDG/Tris needed.
        pKa's and binding constants are evaluated at --temperature (default 25 °C: the pH is set at room temperature).
        """)

    @Argument(help: "The recipe, e.g. \"KCl 140, HEPES 10, pH 7.3 KOH\".") var recipe: String
    @Option(help: "Activity model for γ and the osmotic coefficient (default davies: the Pitzer set of Harvie, Møller & Weare has no parameters for organic pipette ions).") var model: String = "davies"
    @Option(name: .customLong("target-osmolarity"), help: "Warn outside this range, e.g. 290±10 (mOsm).") var targetOsmolarity: String?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func execute() throws -> any Renderable {
        let c = try conditions.conditions(defaultTemperature: .standard)
        let r = try SolutionParser(recipeTemperature: c.temperature).parseRecipe(recipe, field: "recipe")
        let target = try targetOsmolarity.map { try OsmolarityTarget($0) }
        let osm = try OsmoticResult(solution: r.solution, model: ActivityModel.named(model), conditions: c)
        return RecipeReport(recipe: r, osmotic: osm, conditions: c, target: target)
    }
}
