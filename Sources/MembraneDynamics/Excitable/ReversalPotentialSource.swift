import MembraneUnits

/// Where a scenario's reversal potential of an ion comes from (the demand: NEURON's implicit `ion_style`
/// rules leave its users guessing; Membrane says it per ion).
public enum ReversalPotentialSource: Sendable, Hashable, CustomStringConvertible {
    /// A number the channels use whatever the concentrations (NEURON's `ena`, `ek` for `hh`).
    case fixed(Voltage)
    /// The Nernst potential of concentrations held constant.
    case heldConcentrations
    /// The Nernst potential of concentrations that change with the currents (or GHK currents of them).
    case changingConcentrations
    /// Several of the above (different channels of the same ion treat it differently).
    case mixed([ReversalPotentialSource])

    public var description: String {
        switch self {
        case .fixed(let e): "fixed at \(e.millivolts) mV (concentrations do not enter)"
        case .heldConcentrations: "Nernst potential of held concentrations"
        case .changingConcentrations: "follows the concentrations, which change with the currents"
        case .mixed(let list): "mixed: " + list.map(\.description).joined(separator: "; ")
        }
    }
}

extension Scenario {
    /// For each ion carried by a mechanism, where its reversal potential comes from, in ion order.
    public var reversalPotentialSources: [(ion: String, source: ReversalPotentialSource)] {
        ions.compactMap { ion in
            var sources: [ReversalPotentialSource] = []
            func add(_ s: ReversalPotentialSource) { if !sources.contains(s) { sources.append(s) } }
            let concentrations: ReversalPotentialSource = fixedIons.contains(ion.name) ? .heldConcentrations : .changingConcentrations
            for m in membraneMechanisms where m.ions.contains(ion.name) {
                if let channel = m as? HodgkinHuxleyChannel, case .ohmic(_, .fixed(let e)) = channel.permeation {
                    add(.fixed(e))
                } else {
                    add(concentrations)
                }
            }
            if sources.isEmpty { return nil }
            return (ion.name, sources.count == 1 ? sources[0] : .mixed(sources))
        }
    }
}
