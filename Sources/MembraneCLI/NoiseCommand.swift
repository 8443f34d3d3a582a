import ArgumentParser
import MembraneRequests

struct NoiseCommand: RequestCommand {
    static let configuration = CommandConfiguration(
        commandName: "noise",
        abstract: "Membrane current and voltage noise: Johnson–Nyquist 4kTG and kT/C, GHK shot noise, binomial gating noise.",
        discussion: """
        Examples:
          membrane noise --conductance-nS 1 --bandwidth-Hz 1000 --capacitance-pF 10
          membrane noise --ion K --inside 140 --outside 5 --permeability 1e-6 --area-um2 100 --vm -50
          membrane noise --channels 1000 --open-probability 0.2 --unitary-current-pA 1 --channel-tau-ms 5 --bandwidth-Hz 1000
        Any of the three may be combined. Spectral densities are one-sided (A²/Hz). Shot noise is
        2·(z·e)²·N_A·(J_in + J_out)·area from the GHK one-way fluxes; it equals the thermal noise 4·k_B·T·dI/dV
        at the reversal potential and tends to 2·|z|·e·|I| far from it.
        """)

    @Option(name: .customLong("conductance-nS"), parsing: .unconditional, help: "Membrane conductance G in nS (Johnson–Nyquist).") var conductance: Scalar?
    @Option(name: .customLong("bandwidth-Hz"), parsing: .unconditional, help: "Recording bandwidth B in Hz (RMS over 0…B).") var bandwidth: Scalar?
    @Option(name: .customLong("capacitance-pF"), parsing: .unconditional, help: "Membrane capacitance C in pF (kT/C voltage noise).") var capacitance: Scalar?
    @Option(parsing: .unconditional, help: "Ion of a GHK channel population (shot noise).") var ion: String?
    @Option(parsing: .unconditional, help: "Inside concentration of the ion.") var inside: Scalar?
    @Option(parsing: .unconditional, help: "Outside concentration of the ion.") var outside: Scalar?
    @Option(parsing: .unconditional, help: "Permeability in cm/s.") var permeability: Scalar?
    @Option(name: .customLong("area-um2"), parsing: .unconditional, help: "Membrane area in µm².") var area: Scalar?
    @Option(parsing: .unconditional, help: "Membrane potential in mV.") var vm: Scalar?
    @Option(parsing: .unconditional, help: "Number of channels N (binomial gating noise).") var channels: Int?
    @Option(name: .customLong("open-probability"), parsing: .unconditional, help: "Open probability p.") var openProbability: Scalar?
    @Option(name: .customLong("unitary-current-pA"), parsing: .unconditional, help: "Single-channel current i in pA.") var unitaryCurrent: Scalar?
    @Option(name: .customLong("channel-tau-ms"), parsing: .unconditional, help: "Gating relaxation time τ in ms (Lorentzian spectrum).") var tau: Scalar?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func request() -> NoiseRequest {
        var r = NoiseRequest()
        r.conductanceNS = conductance
        r.bandwidthHz = bandwidth
        r.capacitancePF = capacitance
        r.ion = ion
        r.inside = inside
        r.outside = outside
        r.permeability = permeability
        r.areaUm2 = area
        r.vm = vm
        r.channels = channels
        r.openProbability = openProbability
        r.unitaryCurrentPA = unitaryCurrent
        r.channelTauMs = tau
        r.temperature = conditions.temperature
        r.constants = conditions.constants
        return r
    }
}
