import ArgumentParser
import MembraneRequests

struct ActivityCommand: RequestCommand {
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

    @Option(parsing: .unconditional, help: "Solution (ion list or recipe).") var solution: Assignments
    @Option(help: "Activity model (default davies).") var model: String?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func request() -> ActivityRequest {
        var r = ActivityRequest(solution: solution)
        r.model = model
        r.temperature = conditions.temperature
        r.constants = conditions.constants
        return r
    }
}
