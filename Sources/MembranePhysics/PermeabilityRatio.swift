import MembraneUnits
import MembraneChemistry
import RealModule

/// Permeability ratios from measured reversal potentials: the inverse of the GHK voltage equation.
///
/// The total GHK current is linear in each permeability, so with every permeability known but one,
/// the unknown follows exactly from the zero-current condition at the measured E_rev:
///
///     P_X = − Σ_{j≠X} P_j·i_j(E_rev) / i_X(E_rev),      i_j = z_j·[c_in,j·g(u_j) − c_out,j·g(−u_j)]
///
/// This covers bi-ionic conditions and ion-substitution experiments for any valences. It reduces to
/// the textbook closed forms (Hille 2001, eqs. 14-9 and 14-12; Lewis 1979, J. Physiol. 286:417):
///
///     monovalent bi-ionic:   P_B/P_A = ([A]_i / [B]_o)·exp(F·E_rev/RT)
///     divalent B²⁺ outside, monovalent A⁺ inside:
///                            P_B/P_A = [A]_i·exp(F·E/RT)·(1 + exp(F·E/RT)) / (4·[B]_o)
public enum PermeabilityRatio {
    /// The permeability of `unknown` (on the scale of the known ones) that makes the GHK current of
    /// `known` + `unknown` vanish at `reversal`.
    public static func solve(unknown: Permeant, known: [Permeant], reversal: Voltage,
                             conditions: Conditions) throws -> Double {
        try MembraneError.requireFinite(reversal.volts, field: "reversal")
        guard unknown.ion.charge != 0 else {
            throw MembraneError.undefined(field: "ion", reason: "\(unknown.ion.name) is neutral and carries no current")
        }
        let x = reversal.volts / conditions.thermalVoltage
        func current(_ p: Permeant) -> Double {
            GHKCurrent.normalized(z: p.ion.charge, inside: p.inside.millimolar, outside: p.outside.millimolar,
                                  u: Double(p.ion.charge) * x)
        }
        let knownSum = known.reduce(0) { $0 + $1.permeability * current($1) }
        let unit = current(unknown)
        guard unit != 0, knownSum != 0 else {
            throw MembraneError.undefined(field: "reversal",
                reason: "the ratio is undetermined: at \(reversal.millivolts) mV the \(unit == 0 ? "test ion" : "reference ions") carry no current")
        }
        let p = -knownSum / unit
        guard p >= 0 else {
            throw MembraneError.undefined(field: "reversal",
                reason: "no non-negative permeability of \(unknown.ion.name) reverses the current at \(reversal.millivolts) mV: the measured reversal potential lies outside the range these ions can produce")
        }
        return p
    }

    /// Bi-ionic conditions: ion `a` only inside at `aInside`, ion `b` only outside at `bOutside`;
    /// returns P_b / P_a from the reversal potential (any valences).
    public static func biIonic(a: Ion, aInside: Concentration, b: Ion, bOutside: Concentration,
                               reversal: Voltage, conditions: Conditions) throws -> Double {
        try MembraneError.requirePositive(aInside.millimolar, field: "inside")
        try MembraneError.requirePositive(bOutside.millimolar, field: "outside")
        let reference = Permeant(ion: a, inside: aInside, outside: .zero, permeability: 1)
        let test = Permeant(ion: b, inside: .zero, outside: bOutside, permeability: 0)
        return try solve(unknown: test, known: [reference], reversal: reversal, conditions: conditions)
    }

    /// Ion substitution outside (monovalent, the classic form): replacing reference ion Y (at `yOutside`)
    /// by test ion X (at `xOutside`) shifts E_rev by ΔE = E_X − E_Y; then
    /// P_X/P_Y = ([Y]_o / [X]_o)·exp(z·F·ΔE/RT) for cations (Hille 2001, eq. 14-12), assuming the other
    /// permeant ions contribute negligibly outside. For anions the sign of the exponent flips.
    public static func substitution(charge z: Int, yOutside: Concentration, xOutside: Concentration,
                                    shift: Voltage, conditions: Conditions) throws -> Double {
        guard abs(z) == 1 else {
            throw MembraneError.invalidValue(field: "charge", value: "\(z)",
                allowed: "±1 for the closed substitution form; use the general solver (full compositions) for other valences")
        }
        try MembraneError.requirePositive(yOutside.millimolar, field: "reference-outside")
        try MembraneError.requirePositive(xOutside.millimolar, field: "test-outside")
        try MembraneError.requireFinite(shift.volts, field: "shift")
        return yOutside / xOutside * Double.exp(Double(z) * shift.volts / conditions.thermalVoltage)
    }
}
