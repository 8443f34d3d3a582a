import ArgumentParser
import MembraneRequests

struct DriveCommand: RequestCommand {
    static let configuration = CommandConfiguration(
        commandName: "drive",
        abstract: "Driving force V_m − E, current and flux direction, Ussing flux ratio and ΔG of one ion.",
        discussion: """
        Example: membrane drive --ion Na --inside 12 --outside 145 --vm -70
        ΔG is for moving one mole from outside to inside: ΔG = RT·ln(a_in/a_out) + zF·V_m.
        """)

    @Option(parsing: .unconditional, help: "Ion name or custom ion NAME(z=..).") var ion: String
    @Option(parsing: .unconditional, help: "Inside concentration.") var inside: Scalar
    @Option(parsing: .unconditional, help: "Outside concentration.") var outside: Scalar
    @Option(parsing: .unconditional, help: "Membrane potential V_m in mV.") var vm: Scalar
    @Option(parsing: .unconditional, help: "Valence override / custom ion valence.") var valence: Int?
    @Option(name: .customLong("gamma-inside"), parsing: .unconditional, help: "Activity coefficient inside (default 1).") var gammaInside: Scalar?
    @Option(name: .customLong("gamma-outside"), parsing: .unconditional, help: "Activity coefficient outside (default 1).") var gammaOutside: Scalar?
    @OptionGroup var activity: ActivityOptions
    @OptionGroup var background: BackgroundOptions
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func request() -> DriveRequest {
        var r = DriveRequest(ion: ion, inside: inside, outside: outside, vm: vm)
        r.valence = valence
        r.gammaInside = gammaInside
        r.gammaOutside = gammaOutside
        r.activityModel = activity.activityModel
        r.insideSolution = background.insideSolution
        r.outsideSolution = background.outsideSolution
        r.temperature = conditions.temperature
        r.constants = conditions.constants
        return r
    }
}
