import Membrane
import MembraneReport

/// `noise`: membrane current and voltage noise — Johnson–Nyquist 4kTG and kT/C (Johnson 1928; Nyquist 1928), GHK
/// shot noise from the one-way fluxes beside the thermal noise of the slope conductance, and binomial gating
/// noise with its Lorentzian spectrum (DeFelice 1981, *Introduction to Membrane Noise*). Any of the three may be
/// combined.
public struct NoiseRequest: MembraneRequest {
    public static let command = "noise"

    /// Membrane conductance G, nS (thermal noise).
    public var conductanceNS: Scalar?
    /// Recording bandwidth B, Hz (the RMS over 0…B).
    public var bandwidthHz: Scalar?
    /// Membrane capacitance C, pF (kT/C voltage noise; with `conductance-nS`).
    public var capacitancePF: Scalar?
    /// A GHK channel population (shot noise): the ion, its concentrations, permeability (cm/s), area (µm²) and V_m.
    public var ion: String?
    public var inside: Scalar?
    public var outside: Scalar?
    public var permeability: Scalar?
    public var areaUm2: Scalar?
    public var vm: Scalar?
    /// N channels (binomial gating noise), open probability p, unitary current i (pA), relaxation time τ (ms).
    public var channels: Int?
    public var openProbability: Scalar?
    public var unitaryCurrentPA: Scalar?
    public var channelTauMs: Scalar?
    public var temperature: Scalar?
    public var constants: String?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case ion, inside, outside, permeability, vm, channels, temperature, constants
        case conductanceNS = "conductance-nS", bandwidthHz = "bandwidth-Hz", capacitancePF = "capacitance-pF", areaUm2 = "area-um2"
        case openProbability = "open-probability", unitaryCurrentPA = "unitary-current-pA", channelTauMs = "channel-tau-ms"
    }

    public init() {}

    public func run(in context: inout RequestContext) throws -> NoiseReport {
        let c = try Defaults.conditions(temperature: temperature, constants: constants)
        let b = try bandwidthHz.map { try $0.number(field: "bandwidth-Hz") }
        var thermal: ThermalNoise?, ghk: GHKNoise?, gating: ChannelNoise?
        if let conductanceNS {
            guard let b else {
                throw MembraneError.invalidValue(field: "bandwidth-Hz", value: "",
                                                 allowed: "a bandwidth > 0 Hz with `conductance-nS` (the RMS current needs it)")
            }
            thermal = try ThermalNoise(conductance: try conductanceNS.number(field: "conductance-nS") * 1e-9, bandwidth: b,
                                       capacitance: try capacitancePF.map { try $0.number(field: "capacitance-pF") * 1e-12 }, conditions: c)
        } else if let capacitancePF {
            throw MembraneError.invalidValue(field: "capacitance-pF", value: capacitancePF.text, allowed: "a capacitance together with `conductance-nS`")
        }
        if let ion {
            guard let inside, let outside, let permeability, let areaUm2, let vm else {
                throw MembraneError.invalidValue(field: "ion", value: ion,
                                                 allowed: "`ion` with `inside`, `outside`, `permeability` (cm/s), `area-um2` and `vm`")
            }
            ghk = try GHKNoise(ion: try InputParsing.ion(ion, valence: nil),
                               permeability: .centimetresPerSecond(try permeability.number(field: "permeability")),
                               inside: try inside.concentration(field: "inside"), outside: try outside.concentration(field: "outside"),
                               area: try areaUm2.number(field: "area-um2") * 1e-12, voltage: try vm.voltage(field: "vm"),
                               bandwidth: b, conditions: c)
        }
        if let channels {
            guard let openProbability, let unitaryCurrentPA else {
                throw MembraneError.invalidValue(field: "channels", value: "\(channels)",
                                                 allowed: "`channels` with `open-probability` and `unitary-current-pA`")
            }
            gating = try ChannelNoise(count: channels, openProbability: try openProbability.number(field: "open-probability"),
                                      unitaryCurrent: try unitaryCurrentPA.number(field: "unitary-current-pA") * 1e-12,
                                      relaxationTime: try channelTauMs.map { try $0.number(field: "channel-tau-ms") * 1e-3 }, bandwidth: b)
        }
        guard thermal != nil || ghk != nil || gating != nil else {
            throw MembraneError.invalidValue(field: "conductance-nS", value: "",
                                             allowed: "`conductance-nS` (thermal noise), `ion` … (GHK shot noise) or `channels` … (gating noise)")
        }
        return NoiseReport(thermal: thermal, ghk: ghk, channels: gating, conditions: c)
    }
}
