import ArgumentParser
import MembraneRequests

struct GHKCommand: RequestCommand {
    static let configuration = CommandConfiguration(
        commandName: "ghk",
        abstract: "The GHK voltage equation: V_m where the GHK currents of all permeant ions sum to zero.",
        discussion: """
        Example:
          membrane ghk --inside "K=140,Na=12,Cl=7" --outside "K=5,Na=145,Cl=120" --permeability "K=1,Na=0.04,Cl=0.45"
        Permeabilities are relative. Every permeant ion must be listed in both solutions (write Na=0 where it
        is absent). With only monovalent ions the closed form is used; with Ca2+, Mg2+ or SO4 2- the root of
        the summed GHK currents. --pump-ratio r adds an electrogenic Na/K pump (Mullins–Noda, 3:2 is 1.5).
        """)

    @Option(help: "Inside solution, e.g. \"K=140,Na=12,Cl=7\".") var inside: Assignments
    @Option(parsing: .unconditional, help: "Outside solution.") var outside: Assignments
    @Option(help: "Relative permeabilities, e.g. \"K=1,Na=0.04,Cl=0.45\".") var permeability: Assignments
    @Option(name: .customLong("pump-ratio"), parsing: .unconditional, help: "Na/K pump coupling ratio r (Mullins–Noda); 1.5 for 3:2.") var pumpRatio: Scalar?
    @OptionGroup var activity: ActivityOptions
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func request() -> GHKRequest {
        var r = GHKRequest(inside: inside, outside: outside, permeability: permeability)
        r.pumpRatio = pumpRatio
        r.activityModel = activity.activityModel
        r.temperature = conditions.temperature
        r.constants = conditions.constants
        return r
    }
}
