import MembraneUnits

/// How a gated channel's open pore passes its ion (issue 9: "currents ohmic with E recomputed every step, or GHK,
/// chosen per ion"): ohmic ḡ·(V − E) as the preset has it, or the GHK current equation with the permeability of
/// ``PermeationLaw/ghkPermeability(chordConductance:at:valence:inside:outside:thermalVoltage:faraday:)``.
public enum ChannelPermeation: String, Sendable, Hashable, CaseIterable {
    /// ḡ·(V − E), E fixed or the Nernst potential of the concentrations (recomputed at every evaluation).
    case ohmic
    /// GHK: P·zF·[c_in·k(u) − c_out·k(−u)], P matching ḡ as the chord conductance at the resting potential.
    case ghk
}

extension Scenario {
    /// The scenario with the ``HodgkinHuxleyChannel``s of each ion in `modes` switched to that permeation. A channel
    /// switched to GHK gets P from its ḡ as the chord conductance at the scenario's initial potential V_rest with its
    /// starting concentrations (``PermeationLaw/ghkPermeability(chordConductance:at:valence:inside:outside:thermalVoltage:faraday:)``),
    /// so that at rest it passes the ohmic channel's current and the resting state is unchanged. GHK needs the
    /// concentrations to set E: a channel with a fixed E (NEURON's `hh`, `concentrations` fixed) is refused, naming
    /// `field`, as is an ion no gated channel passes.
    public func permeation(_ modes: [(ion: String, mode: ChannelPermeation)], field: String = "permeation") throws -> Scenario {
        var s = self
        let vRest = initialPotential?.volts ?? -0.065
        for (ion, mode) in modes {
            guard let j = index(of: ion) else {
                throw MembraneError.unknownName(field: field, value: ion, suggestions: ions.map(\.name))
            }
            var found = false
            for (k, m) in s.mechanisms.enumerated() {
                guard var channel = m as? HodgkinHuxleyChannel, channel.ion == ion else { continue }
                found = true
                switch (mode, channel.permeation) {
                case (.ohmic, _), (.ghk, .ghk): continue
                case (.ghk, .ohmic(let g, let reversal)):
                    if case .fixed(let e) = reversal {
                        throw MembraneError.invalidValue(field: field, value: "\(ion)=ghk",
                                                         allowed: "ohmic for \(ion) while E_\(ion) is fixed (\(e.millivolts) mV: concentrations do not enter); GHK needs concentrations held or dynamic")
                    }
                    let p = PermeationLaw.ghkPermeability(
                        chordConductance: g.siemensPerSquareMetre, at: vRest, valence: Double(ions[j].charge),
                        inside: inside[j].millimolar, outside: outside[j].millimolar,
                        thermalVoltage: conditions.thermalVoltage, faraday: conditions.faraday)
                    channel.permeation = .ghk(.metresPerSecond(p))
                    s.mechanisms[k] = channel
                }
            }
            guard found else {
                throw MembraneError.invalidValue(field: field, value: ion,
                                                 allowed: "an ion a gated channel passes (\(gatedIons.joined(separator: ", ")))")
            }
        }
        return s
    }

    /// The ions the scenario's ``HodgkinHuxleyChannel``s pass, in ion order.
    public var gatedIons: [String] {
        ions.map(\.name).filter { ion in mechanisms.contains { ($0 as? HodgkinHuxleyChannel)?.ion == ion } }
    }

    /// For each ion a gated channel passes, its permeation: `ohmic` or `ghk`, with ḡ (mS/cm²) or P (cm/s).
    public var channelPermeations: [(ion: String, mode: ChannelPermeation, magnitude: Double, unit: String)] {
        gatedIons.compactMap { ion in
            guard let channel = mechanisms.lazy.compactMap({ $0 as? HodgkinHuxleyChannel }).first(where: { $0.ion == ion }) else {
                return nil
            }
            switch channel.permeation {
            case .ohmic(let g, _): return (ion, .ohmic, g.millisiemensPerSquareCentimetre, "mS/cm²")
            case .ghk(let p): return (ion, .ghk, p.metresPerSecond * 100, "cm/s")
            }
        }
    }
}
