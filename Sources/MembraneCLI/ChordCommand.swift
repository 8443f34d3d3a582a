import ArgumentParser
import MembraneRequests

struct ChordCommand: RequestCommand {
    static let configuration = CommandConfiguration(
        commandName: "chord",
        abstract: "Chord-conductance resting potential V = Σ g·E / Σ g.",
        discussion: """
        Either give reversal potentials directly:
          membrane chord --conductance "K=1,Na=0.05,Cl=0.2" --reversal "K=-89,Na=61,Cl=-76"
        or compute them (Nernst) from solutions:
          membrane chord --conductance "K=1,Na=0.05" --inside "K=140,Na=12" --outside "K=5,Na=145"
        Conductances may be on any common scale.
        """)

    @Option(help: "Conductances, e.g. \"K=1,Na=0.05,Cl=0.2\".") var conductance: Assignments
    @Option(parsing: .unconditional, help: "Reversal potentials in mV, e.g. \"K=-89,Na=61\".") var reversal: Assignments?
    @Option(help: "Inside solution (to compute E by Nernst).") var inside: Assignments?
    @Option(help: "Outside solution (to compute E by Nernst).") var outside: Assignments?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func request() -> ChordRequest {
        var r = ChordRequest(conductance: conductance)
        r.reversal = reversal
        r.inside = inside
        r.outside = outside
        r.temperature = conditions.temperature
        r.constants = conditions.constants
        return r
    }
}
