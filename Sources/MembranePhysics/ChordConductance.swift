import MembraneUnits

/// The chord-conductance (parallel-conductance) equation for the resting potential.
///
///     V = Σ g_i·E_i / Σ g_i
///
/// the potential at which the ohmic currents g_i·(V − E_i) sum to zero (Hodgkin & Huxley 1952,
/// J. Physiol. 117:500, eq. 2; Hille 2001, eq. 14-11). Conductances may be on any common scale.
public enum ChordConductance {
    public struct Branch: Sendable, Hashable {
        public var name: String
        public var conductance: Double
        public var reversal: Voltage
        public init(name: String, conductance: Double, reversal: Voltage) {
            self.name = name
            self.conductance = conductance
            self.reversal = reversal
        }
    }

    /// The weighted mean of the reversal potentials.
    public static func potential(_ branches: [Branch]) throws -> Voltage {
        var gSum = 0.0, geSum = 0.0
        for b in branches {
            try MembraneError.requireNonNegative(b.conductance, field: "conductance.\(b.name)",
                                                 allowed: "a conductance ≥ 0")
            try MembraneError.requireFinite(b.reversal.volts, field: "reversal.\(b.name)")
            gSum += b.conductance
            geSum += b.conductance * b.reversal.volts
        }
        guard gSum > 0 else {
            throw MembraneError.invalidValue(field: "conductance", value: "all zero",
                                             allowed: "at least one conductance > 0")
        }
        return .volts(geSum / gSum)
    }
}
