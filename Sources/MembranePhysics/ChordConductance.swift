import MembraneUnits

/// The chord-conductance (parallel-conductance) equation for the resting potential.
///
///     V = Σ g_i·E_i / Σ g_i
///
/// the potential at which the ohmic currents g_i·(V − E_i) sum to zero (Hodgkin & Huxley 1952,
/// J. Physiol. 117:500, eq. 2; Hille 2001, eq. 14-11). Conductances may be on any common scale.
public enum ChordConductance {
    /// One conductance pathway: a named conductance g_i with its reversal potential E_i.
    public struct Branch: Sendable, Hashable {
        /// The pathway's name (an ion, or a channel).
        public var name: String
        /// Its conductance g_i, on any scale common to all branches.
        public var conductance: Double
        /// Its reversal potential E_i.
        public var reversal: Voltage
        /// A branch of conductance `conductance` reversing at `reversal`.
        public init(name: String, conductance: Double, reversal: Voltage) {
            self.name = name
            self.conductance = conductance
            self.reversal = reversal
        }
    }

    /// The weighted mean of the reversal potentials. Each branch is one ion (a name given twice is an
    /// error, not two parallel branches); conductances and potentials are divided by their largest
    /// magnitudes before they are summed, so any finite values (1e308 next to 1e-308) give the mean.
    public static func potential(_ branches: [Branch]) throws -> Voltage {
        var seen = Set<String>()
        for b in branches {
            try MembraneError.requireNonNegative(b.conductance, field: "conductance.\(b.name)",
                                                 allowed: "a finite conductance ≥ 0")
            try MembraneError.requireFinite(b.reversal.volts, field: "reversal.\(b.name)")
            guard seen.insert(b.name.lowercased()).inserted else {
                throw MembraneError.invalidValue(field: "conductance", value: "\(b.name) listed twice",
                                                 allowed: "each ion once (one conductance per ion)")
            }
        }
        let gMax = branches.map(\.conductance).max() ?? 0
        guard gMax > 0 else {
            throw MembraneError.invalidValue(field: "conductance", value: "all zero",
                                             allowed: "at least one conductance > 0")
        }
        let eMax = max(branches.map { abs($0.reversal.volts) }.max() ?? 0, .leastNormalMagnitude)
        var gSum = 0.0, geSum = 0.0
        for b in branches {
            let w = b.conductance / gMax
            gSum += w
            geSum += w * (b.reversal.volts / eMax)
        }
        return .volts(geSum / gSum * eMax)
    }
}
