import MembraneUnits

/// Osmotic pressure of a concentration difference by van 't Hoff's law.
///
///     ΔΠ = R·T·Δc            (c in mol/m³ = mM, Π in Pa)
///
/// for ideal dilute solutions, every solute particle counted once (osmotic coefficient φ = 1).
/// Source: J. H. van 't Hoff, Z. physik. Chem. 1:481 (1887); Nelson, *Biological Physics* (2004) §7.2.
/// At 37 °C, 1 mOsm/L of imbalance is 2.58 kPa (≈ 19 mmHg). Real cytoplasm and saline have φ ≈ 0.93: callers
/// with an activity model pass φ·Σc (the Donnan solver under `--activity-model`); the pump–leak cell's water
/// balance uses φ = 1 and says so.
public enum VantHoff {
    /// ΔΠ in pascals for an osmolarity difference in mOsm/L (= mol/m³).
    @inlinable
    public static func pressure(osmolarityDifference mOsm: Double, conditions: Conditions) -> Double {
        conditions.rt * mOsm
    }

    /// The osmolarity difference (mOsm/L) that a pressure (Pa) balances.
    @inlinable
    public static func osmolarity(balancing pascals: Double, conditions: Conditions) -> Double {
        pascals / conditions.rt
    }
}
