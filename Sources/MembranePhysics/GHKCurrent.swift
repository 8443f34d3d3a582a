import MembraneUnits
import MembraneChemistry
import RealModule

/// The Goldman–Hodgkin–Katz current equation (constant-field flux).
///
///     I = P·z²·(F²V/RT) · (c_in − c_out·e^(−u)) / (1 − e^(−u)),     u = zFV/RT
///
/// (Goldman 1943, J. Gen. Physiol. 27:37; Hodgkin & Katz 1949, J. Physiol. 108:37; Hille 2001 eq. 14-4),
/// outward positive. Written with g(u) = u / (1 − e^(−u)) it becomes
///
///     I = P·z·F · [c_in·g(u) − c_out·g(−u)]
///
/// because g(u)·e^(−u) = g(−u). g is smooth with g(0) = 1, so V → 0 is computed exactly
/// (I(0) = P·z·F·(c_in − c_out), Fick's law) instead of as 0/0, and large |u| neither overflows
/// nor loses precision. NEURON's `ghk()` computes the same quantity (FIELD-NOTES).
public enum GHKCurrent {
    /// g(u) = u / (1 − e^(−u)), the Langevin-like kernel of the GHK flux; g(0) = 1, g(u) → u for u → +∞,
    /// g(u) → 0 for u → −∞. Uses a Taylor series near 0 and `expm1` elsewhere (relative error ~1 ulp).
    @inlinable
    public static func kernel(_ u: Double) -> Double {
        if abs(u) < 1e-4 {
            // u/(1 − e^{−u}) = 1 + u/2 + u²/12 − u⁴/720 + …
            let u2 = u * u
            return 1 + u / 2 + u2 / 12 - u2 * u2 / 720
        }
        if u < -700 { return u < -750 ? 0 : -u * Double.exp(u) }  // below −750 the value (< 1e-322) underflows to 0
        return u / -Double.expMinusOne(-u)
    }

    /// k′(u) = d/du [u/(1 − e^(−u))] = (1 − e^(−u) − u·e^(−u))/(1 − e^(−u))², with k′(0) = 1/2: the Taylor series
    /// 1/2 + u/6 − u³/180 for |u| < 10⁻⁴ (next term O(u⁵)); for u > 0 the form above with m = 1 − e^(−u) =
    /// −expm1(−u) ∈ (0, 1); for u < 0, multiplied through by e^(2u), p·(p − 1 − u)/(p − 1)² with p = e^u and
    /// p − 1 = expm1(u) computed separately, which neither overflows nor cancels (k′ → 1 for u → +∞, → 0 for
    /// u → −∞).
    @inlinable
    public static func kernelDerivative(_ u: Double) -> Double {
        if abs(u) < 1e-4 {
            return 0.5 + u / 6 - u * u * u / 180
        }
        if u > 0 {
            let m = -Double.expMinusOne(-u)
            return (m - u * (1 - m)) / (m * m)
        }
        let p = Double.exp(u), q = Double.expMinusOne(u)  // p and p − 1, each to full precision
        return p * (q - u) / (q * q)
    }

    /// The current density per unit permeability and concentration scale, in units of
    /// P·F·(mol/m³): z·[c_in·g(u) − c_out·g(−u)]. Multiply by P (m/s) and F for A/m².
    @inlinable
    public static func normalized(z: Int, inside: Double, outside: Double, u: Double) -> Double {
        Double(z) * (inside * kernel(u) - outside * kernel(-u))
    }

    /// The GHK current density of one ion at membrane potential `v`.
    public static func currentDensity(z: Int, permeability: Permeability, inside: Concentration, outside: Concentration,
                                      at v: Voltage, conditions: Conditions) -> CurrentDensity {
        let u = Double(z) * v.volts / conditions.thermalVoltage
        let n = normalized(z: z, inside: inside.molesPerCubicMetre, outside: outside.molesPerCubicMetre, u: u)
        return .amperesPerSquareMetre(permeability.metresPerSecond * conditions.faraday * n)
    }

    /// The molar flux (positive = efflux) of one ion at `v`: J = I / (zF), or Fick's P·(c_in − c_out) for z = 0.
    public static func flux(z: Int, permeability: Permeability, inside: Concentration, outside: Concentration,
                            at v: Voltage, conditions: Conditions) -> MolarFlux {
        if z == 0 {
            return .molesPerSquareMetreSecond(permeability.metresPerSecond
                                              * (inside.molesPerCubicMetre - outside.molesPerCubicMetre))
        }
        let i = currentDensity(z: z, permeability: permeability, inside: inside, outside: outside,
                               at: v, conditions: conditions)
        return .molesPerSquareMetreSecond(i.amperesPerSquareMetre / (Double(z) * conditions.faraday))
    }

    /// Validated single-ion GHK current and flux (the `ghk-current` command): concentrations and V_m within
    /// ``Domain``, and a permeability small enough that the current is a finite number.
    public static func calculate(ion: Ion, permeability: Permeability, inside: Concentration, outside: Concentration,
                                 at v: Voltage, conditions: Conditions) throws -> GHKCurrentResult {
        try MembraneError.requireNonNegative(permeability.metresPerSecond, field: "permeability",
                                             allowed: "a finite permeability ≥ 0 in cm/s, e.g. 1e-6")
        try MembraneError.requireConcentration(inside.millimolar, field: "inside")
        try MembraneError.requireConcentration(outside.millimolar, field: "outside")
        try MembraneError.requireMembranePotential(v, field: "voltage")
        let i = currentDensity(z: ion.charge, permeability: permeability, inside: inside, outside: outside,
                               at: v, conditions: conditions)
        let j = flux(z: ion.charge, permeability: permeability, inside: inside, outside: outside,
                     at: v, conditions: conditions)
        guard i.amperesPerSquareMetre.isFinite, j.molesPerSquareMetreSecond.isFinite else {
            throw MembraneError.invalidValue(field: "permeability", value: "\(permeability.metresPerSecond * 100) cm/s",
                allowed: "a permeability for which the current density is a finite number (the largest membrane permeabilities are about 1 cm/s)")
        }
        let reversal: Voltage? = (ion.charge != 0 && inside.millimolar > 0 && outside.millimolar > 0)
            ? .volts(Nernst.volts(z: ion.charge, inside: inside.millimolar, outside: outside.millimolar,
                                  thermalVoltage: conditions.thermalVoltage))
            : nil
        return GHKCurrentResult(ion: ion, permeability: permeability, inside: inside, outside: outside,
                                voltage: v, currentDensity: i, flux: j, reversal: reversal, conditions: conditions)
    }

    /// I–V relation of one ion over `voltages`.
    public static func curve(z: Int, permeability: Permeability, inside: Concentration, outside: Concentration,
                             voltages: [Voltage], conditions: Conditions) -> [CurrentDensity] {
        voltages.map { currentDensity(z: z, permeability: permeability, inside: inside, outside: outside,
                                      at: $0, conditions: conditions) }
    }
}

/// The result of ``GHKCurrent/calculate(ion:permeability:inside:outside:at:conditions:)``.
public struct GHKCurrentResult: Sendable, Hashable {
    /// The permeating ion.
    public var ion: Ion
    /// Its permeability P.
    public var permeability: Permeability
    /// Concentration inside (activity when an activity model was applied).
    public var inside: Concentration
    /// Concentration outside.
    public var outside: Concentration
    /// The membrane potential V_m the current is evaluated at.
    public var voltage: Voltage
    /// Outward positive, A/m².
    public var currentDensity: CurrentDensity
    /// Efflux positive, mol/(m²·s).
    public var flux: MolarFlux
    /// The ion's Nernst potential, where one exists (the current's zero).
    public var reversal: Voltage?
    /// Temperature and constants.
    public var conditions: Conditions

    /// The direction of the current (outward when positive).
    public var currentDirection: CurrentDirection {
        currentDensity.amperesPerSquareMetre > 0 ? .outward : (currentDensity.amperesPerSquareMetre < 0 ? .inward : .none)
    }
    /// The direction of the ions' net movement (efflux when positive).
    public var fluxDirection: FluxDirection {
        flux.molesPerSquareMetreSecond > 0 ? .efflux : (flux.molesPerSquareMetreSecond < 0 ? .influx : .none)
    }
}
