import ArgumentParser
import Membrane
import MembraneReport

struct GHKCommand: CalculationCommand {
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

    @Option(help: "Inside solution, e.g. \"K=140,Na=12,Cl=7\".") var inside: String
    @Option(parsing: .unconditional, help: "Outside solution.") var outside: String
    @Option(help: "Relative permeabilities, e.g. \"K=1,Na=0.04,Cl=0.45\".") var permeability: String
    @Option(name: .customLong("pump-ratio"), parsing: .unconditional, help: "Na/K pump coupling ratio r (Mullins–Noda); 1.5 for 3:2.") var pumpRatio: String?
    @OptionGroup var activity: ActivityOptions
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func execute() throws -> any Renderable {
        var inside = try Inputs.solution(inside, field: "inside")
        var outside = try Inputs.solution(outside, field: "outside")
        let c = try conditions.conditions()
        let aIn = try activity.activities(of: inside, conditions: c), aOut = try activity.activities(of: outside, conditions: c)
        if let aIn, let aOut { inside = aIn.0; outside = aOut.0 }
        let ps = try NamedValues.parse(permeability, field: "permeability")
        let permeants = try Permeant.list(inside: inside, outside: outside, permeabilities: ps)
        let r = try pumpRatio.map { try Inputs.number($0, field: "pump-ratio") }
        return try activity.annotate(GHKVoltage.potential(permeants, pumpRatio: r, conditions: c),
                                     inside: aIn?.1, outside: aOut?.1, concentrationsAreActivities: true)
    }
}
