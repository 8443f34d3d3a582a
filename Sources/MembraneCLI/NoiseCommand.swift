import ArgumentParser
import Membrane
import MembraneReport

struct NoiseCommand: CalculationCommand {
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

    @Option(name: .customLong("conductance-nS"), parsing: .unconditional, help: "Membrane conductance G in nS (Johnson–Nyquist).") var conductance: String?
    @Option(name: .customLong("bandwidth-Hz"), parsing: .unconditional, help: "Recording bandwidth B in Hz (RMS over 0…B).") var bandwidth: String?
    @Option(name: .customLong("capacitance-pF"), parsing: .unconditional, help: "Membrane capacitance C in pF (kT/C voltage noise).") var capacitance: String?
    @Option(parsing: .unconditional, help: "Ion of a GHK channel population (shot noise).") var ion: String?
    @Option(parsing: .unconditional, help: "Inside concentration of the ion.") var inside: String?
    @Option(parsing: .unconditional, help: "Outside concentration of the ion.") var outside: String?
    @Option(parsing: .unconditional, help: "Permeability in cm/s.") var permeability: String?
    @Option(name: .customLong("area-um2"), parsing: .unconditional, help: "Membrane area in µm².") var area: String?
    @Option(parsing: .unconditional, help: "Membrane potential in mV.") var vm: String?
    @Option(help: "Number of channels N (binomial gating noise).") var channels: Int?
    @Option(name: .customLong("open-probability"), parsing: .unconditional, help: "Open probability p.") var openProbability: String?
    @Option(name: .customLong("unitary-current-pA"), parsing: .unconditional, help: "Single-channel current i in pA.") var unitaryCurrent: String?
    @Option(name: .customLong("channel-tau-ms"), parsing: .unconditional, help: "Gating relaxation time τ in ms (Lorentzian spectrum).") var tau: String?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func execute() throws -> any Renderable {
        let c = try conditions.conditions()
        let b = try bandwidth.map { try Inputs.number($0, field: "bandwidth-Hz") }
        var thermal: ThermalNoise?, ghk: GHKNoise?, gating: ChannelNoise?
        if let conductance {
            guard let b else {
                throw MembraneError.invalidValue(field: "bandwidth-Hz", value: "", allowed: "a bandwidth > 0 Hz with --conductance-nS (the RMS current needs it)")
            }
            thermal = try ThermalNoise(conductance: try Inputs.number(conductance, field: "conductance-nS") * 1e-9, bandwidth: b,
                                       capacitance: try capacitance.map { try Inputs.number($0, field: "capacitance-pF") * 1e-12 }, conditions: c)
        } else if capacitance != nil {
            throw MembraneError.invalidValue(field: "capacitance-pF", value: capacitance!, allowed: "a capacitance together with --conductance-nS")
        }
        if let ion {
            guard let inside, let outside, let permeability, let area, let vm else {
                throw MembraneError.invalidValue(field: "ion", value: ion, allowed: "--ion with --inside, --outside, --permeability (cm/s), --area-um2 and --vm")
            }
            ghk = try GHKNoise(ion: try Inputs.ion(ion, valence: nil),
                               permeability: .centimetresPerSecond(try Inputs.number(permeability, field: "permeability")),
                               inside: try Inputs.concentration(inside, field: "inside"), outside: try Inputs.concentration(outside, field: "outside"),
                               area: try Inputs.number(area, field: "area-um2") * 1e-12, voltage: try Inputs.voltage(vm, field: "vm"),
                               bandwidth: b, conditions: c)
        }
        if let channels {
            guard let openProbability, let unitaryCurrent else {
                throw MembraneError.invalidValue(field: "channels", value: "\(channels)", allowed: "--channels with --open-probability and --unitary-current-pA")
            }
            gating = try ChannelNoise(count: channels, openProbability: try Inputs.number(openProbability, field: "open-probability"),
                                      unitaryCurrent: try Inputs.number(unitaryCurrent, field: "unitary-current-pA") * 1e-12,
                                      relaxationTime: try tau.map { try Inputs.number($0, field: "channel-tau-ms") * 1e-3 }, bandwidth: b)
        }
        guard thermal != nil || ghk != nil || gating != nil else {
            throw MembraneError.invalidValue(field: "conductance-nS", value: "",
                                             allowed: "--conductance-nS (thermal noise), --ion … (GHK shot noise) or --channels … (gating noise)")
        }
        return NoiseReport(thermal: thermal, ghk: ghk, channels: gating, conditions: c)
    }
}
