import ArgumentParser
import MembraneRequests

struct NernstCommand: RequestCommand {
    static let configuration = CommandConfiguration(
        commandName: "nernst",
        abstract: "The Nernst (equilibrium) potential of one ion: E = (RT/zF)·ln(a_out/a_in).",
        discussion: """
        Examples:
          membrane nernst --ion K --inside 140 --outside 5
          membrane nernst --ion Ca --inside 100nM --outside 2 --temperature 34
          membrane nernst --ion K --inside 140 --outside 4 --gamma-inside 0.85 --gamma-outside 0.70
        A neutral solute, or an ion absent on one side, has no Nernst potential: the command says why.
        """)

    @Option(parsing: .unconditional, help: "Ion name (K, Na, Cl, Ca, ...) or a custom ion NAME(z=+2).") var ion: String
    @Option(parsing: .unconditional, help: "Inside concentration (mM unless a unit is written).") var inside: Scalar
    @Option(parsing: .unconditional, help: "Outside concentration (mM unless a unit is written).") var outside: Scalar
    @Option(parsing: .unconditional, help: "Valence, to override the catalog's or to define a custom ion.") var valence: Int?
    @Option(name: .customLong("gamma-inside"), parsing: .unconditional, help: "Activity coefficient inside (default 1).") var gammaInside: Scalar?
    @Option(name: .customLong("gamma-outside"), parsing: .unconditional, help: "Activity coefficient outside (default 1).") var gammaOutside: Scalar?
    @Flag(help: "Treat --inside and --outside as activities rather than concentrations.") var activities = false
    @OptionGroup var activity: ActivityOptions
    @OptionGroup var background: BackgroundOptions
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func request() -> NernstRequest {
        var r = NernstRequest(ion: ion, inside: inside, outside: outside)
        r.valence = valence
        r.gammaInside = gammaInside
        r.gammaOutside = gammaOutside
        r.activities = activities
        r.activityModel = activity.activityModel
        r.insideSolution = background.insideSolution
        r.outsideSolution = background.outsideSolution
        r.temperature = conditions.temperature
        r.constants = conditions.constants
        return r
    }
}
