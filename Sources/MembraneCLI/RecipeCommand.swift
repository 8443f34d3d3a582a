import ArgumentParser
import MembraneRequests

struct RecipeCommand: RequestCommand {
    static let configuration = CommandConfiguration(
        commandName: "recipe",
        abstract: "A solution recipe → free ions, titrant to reach the pH, free Ca/Mg, ionic strength and osmolarity.",
        discussion: """
        Example:
          membrane recipe "K-gluconate 135, KCl 5, HEPES 10, MgATP 4, Na2GTP 0.3, EGTA 0.5, pH 7.3 KOH" --target-osmolarity 290±10
        Amounts in mM unless a unit is written. `pH X TITRANT` computes the KOH/NaOH/CsOH/HCl/NMDG/Tris needed.
        pKa's and binding constants are evaluated at --temperature (default 25 °C: the pH is set at room temperature).
        """)

    @Argument(help: "The recipe, e.g. \"KCl 140, HEPES 10, pH 7.3 KOH\" (the request's `recipe`).") var recipe: String
    @Option(help: "Activity model for γ and the osmotic coefficient (default davies: the Pitzer set of Harvie, Møller & Weare has no parameters for organic pipette ions).") var model: String?
    @Option(name: .customLong("target-osmolarity"), help: "Warn outside this range, e.g. 290±10 (mOsm).") var targetOsmolarity: String?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func request() -> RecipeRequest {
        var r = RecipeRequest(recipe: recipe)
        r.model = model
        r.targetOsmolarity = targetOsmolarity
        r.temperature = conditions.temperature
        r.constants = conditions.constants
        return r
    }
}
