import ArgumentParser
import MembraneRequests

struct GHKCurrentCommand: RequestCommand {
    static let configuration = CommandConfiguration(
        commandName: "ghk-current",
        abstract: "The GHK current density and flux of one ion at a voltage (or an I–V curve).",
        discussion: """
        Example: membrane ghk-current --ion Ca --inside 1e-4 --outside 2 --permeability 1e-6 --voltage -20
        The permeability is in cm/s; current is outward positive, flux efflux positive. With --from/--to/--step
        the I–V curve is printed (and drawn with --plot FILE.svg).
        """)

    @Option(parsing: .unconditional, help: "Ion name or custom ion NAME(z=..).") var ion: String
    @Option(parsing: .unconditional, help: "Inside concentration.") var inside: Scalar
    @Option(parsing: .unconditional, help: "Outside concentration.") var outside: Scalar
    @Option(parsing: .unconditional, help: "Permeability in cm/s.") var permeability: Scalar
    @Option(parsing: .unconditional, help: "Membrane potential in mV (default 0).") var voltage: Scalar?
    @Option(parsing: .unconditional, help: "Valence override / custom ion valence.") var valence: Int?
    @Option(parsing: .unconditional, help: "I–V curve start, mV (default -100).") var from: Scalar?
    @Option(parsing: .unconditional, help: "I–V curve end, mV (default 100).") var to: Scalar?
    @Option(parsing: .unconditional, help: "I–V curve step, mV (default 5).") var step: Scalar?
    @Option(parsing: .unconditional, help: "Write the I–V curve as an SVG plot.") var plot: String?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func request() -> GHKCurrentRequest {
        var r = GHKCurrentRequest(ion: ion, inside: inside, outside: outside, permeability: permeability)
        r.voltage = voltage
        r.valence = valence
        r.from = from
        r.to = to
        r.step = step
        // A plot is of the I–V curve, over its default range unless one is given.
        if plot != nil && from == nil && to == nil { r.from = GHKCurrentRequest.defaultFrom }
        r.temperature = conditions.temperature
        r.constants = conditions.constants
        return r
    }
}
