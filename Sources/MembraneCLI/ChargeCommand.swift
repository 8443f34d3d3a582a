import ArgumentParser
import MembraneRequests

struct ChargeCommand: RequestCommand {
    static let configuration = CommandConfiguration(
        commandName: "charge",
        abstract: "The charge that holds V_m on a spherical cell, in coulombs and in ions.",
        discussion: """
        Example: membrane charge --vm -80 --radius-um 10 --ion K --inside 140
        Q = C_m·4πr²·V_m; ions = |Q|/(|z|e); with --inside, the fraction of the cell's ions of that species.
        """)

    @Option(parsing: .unconditional, help: "Membrane potential in mV.") var vm: Scalar
    @Option(name: .customLong("radius-um"), parsing: .unconditional, help: "Cell radius in µm.") var radiusUm: Scalar
    @Option(name: .customLong("capacitance-uF-per-cm2"), parsing: .unconditional, help: "Specific capacitance (default 1 µF/cm²).") var capacitance: Scalar?
    @Option(parsing: .unconditional, help: "The ion that moves (default K).") var ion: String?
    @Option(parsing: .unconditional, help: "Its concentration inside, for the fraction of the cell's ions.") var inside: Scalar?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func request() -> ChargeRequest {
        var r = ChargeRequest(vm: vm, radiusUm: radiusUm)
        r.capacitance = capacitance
        r.ion = ion
        r.inside = inside
        r.temperature = conditions.temperature
        r.constants = conditions.constants
        return r
    }
}
