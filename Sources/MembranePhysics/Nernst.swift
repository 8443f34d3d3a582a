import MembraneUnits
import MembraneChemistry
import RealModule

/// The Nernst (equilibrium, reversal) potential of one ion.
///
///     E = (RT / zF) · ln(a_out / a_in),      a = γ·c
///
/// with V_m = φ_in − φ_out. Derived from μ̃_in = μ̃_out (Nernst 1889, Z. Phys. Chem. 4:129; Hille, *Ion
/// Channels of Excitable Membranes*, 3rd ed. 2001, eq. 1-8).
/// E is proportional to T at fixed activities, so its temperature coefficient is
/// dE/dT = E/T = (R / zF)·ln(a_out/a_in).
///
/// The logarithm is taken of the ratio when that ratio is a normal floating-point number and as
/// ln a_out − ln a_in otherwise, so extreme but valid inputs (1e-300 against 1e5 mM) give the exact
/// finite potential instead of ln(∞) or ln(0).
///
/// No Nernst potential exists for a neutral solute (z = 0: no voltage can balance a concentration
/// gradient) nor for an ion absent on one side (ln 0): both throw ``MembraneError/undefined(field:reason:)``.
public enum Nernst {
    /// E in volts for valence `z` and activities (or concentrations) on each side, without checks.
    /// The caller guarantees z ≠ 0 and both activities finite and > 0.
    @inlinable
    public static func volts(z: Int, inside: Double, outside: Double, thermalVoltage vt: Double) -> Double {
        vt / Double(z) * logRatio(outside, inside)
    }

    /// ln(a/b) for finite a, b > 0: from the ratio when it is a normal number (one logarithm, the common
    /// case), else as ln a − ln b (no overflow or underflow of a/b).
    @inlinable
    public static func logRatio(_ a: Double, _ b: Double) -> Double {
        let r = a / b
        return r.isNormal ? Double.log(r) : Double.log(a) - Double.log(b)  // isNormal: not 0, subnormal, inf or NaN
    }

    /// E for valence `z` and activities `inside`, `outside` (in any common unit).
    public static func potential(z: Int, inside: Concentration, outside: Concentration,
                                 name: String = "ion", conditions: Conditions) throws -> Voltage {
        try check(z: z, inside: inside.millimolar, outside: outside.millimolar, name: name)
        return .volts(volts(z: z, inside: inside.millimolar, outside: outside.millimolar,
                            thermalVoltage: conditions.thermalVoltage))
    }

    /// Validates the inputs of a Nernst potential and says why none exists when it does not.
    public static func check(z: Int, inside: Double, outside: Double, name: String) throws {
        try MembraneError.requireConcentration(inside, field: "inside")
        try MembraneError.requireConcentration(outside, field: "outside")
        guard z != 0 else {
            throw MembraneError.undefined(field: "ion",
                reason: "\(name) is neutral (z = 0): no membrane voltage can balance its concentration gradient, so it has no Nernst potential; it is at equilibrium only when its activities inside and outside are equal")
        }
        guard inside > 0 && outside > 0 else {
            let side = inside == 0 && outside == 0 ? "on both sides" : (inside == 0 ? "inside" : "outside")
            throw MembraneError.undefined(field: inside == 0 ? "inside" : "outside",
                reason: "\(name) is absent \(side) (0 mM): an ion present on one side only cannot reach equilibrium, so it has no Nernst potential (ln of 0 is undefined); if it cannot cross the membrane it is impermeant and only enters a Donnan or GHK calculation")
        }
    }

    /// The largest activity coefficient accepted (γ of concentrated LiBr or HCl solutions reaches tens to
    /// hundreds; Robinson & Stokes 1959, Appendix 8.10).
    public static let maximumActivityCoefficient = 1000.0

    /// The full Nernst calculation for a catalog or custom ion, with optional activity coefficients.
    public static func calculate(ion: Ion, inside: Concentration, outside: Concentration,
                                 gammaInside: Double = 1, gammaOutside: Double = 1,
                                 conditions: Conditions) throws -> NernstResult {
        for (gamma, field) in [(gammaInside, "gamma-inside"), (gammaOutside, "gamma-outside")] {
            guard gamma.isFinite, gamma > 0, gamma <= maximumActivityCoefficient else {
                throw MembraneError.invalidValue(field: field, value: "\(gamma)",
                    allowed: "an activity coefficient > 0 and ≤ 1000 (typically 0.3–1; the largest measured, in saturated solutions, are hundreds)")
            }
        }
        try check(z: ion.charge, inside: inside.millimolar, outside: outside.millimolar, name: ion.name)
        let aIn = gammaInside * inside.millimolar, aOut = gammaOutside * outside.millimolar
        let vt = conditions.thermalVoltage
        let e = volts(z: ion.charge, inside: aIn, outside: aOut, thermalVoltage: vt)
        let ideal = volts(z: ion.charge, inside: inside.millimolar, outside: outside.millimolar, thermalVoltage: vt)
        return NernstResult(ion: ion, insideConcentration: inside, outsideConcentration: outside,
                            gammaInside: gammaInside, gammaOutside: gammaOutside,
                            potential: .volts(e), idealPotential: .volts(ideal),
                            temperatureCoefficient: e / conditions.temperature.kelvin,
                            conditions: conditions)
    }
}

/// The result of ``Nernst/calculate(ion:inside:outside:gammaInside:gammaOutside:conditions:)``.
public struct NernstResult: Sendable, Hashable {
    /// The ion; E = (RT/zF)·ln(a_out/a_in).
    public var ion: Ion
    /// Concentration inside.
    public var insideConcentration: Concentration
    /// Concentration outside.
    public var outsideConcentration: Concentration
    /// Activity coefficient γ inside (1 when ideal).
    public var gammaInside: Double
    /// Activity coefficient γ outside (1 when ideal).
    public var gammaOutside: Double
    /// E from activities γ·c.
    public var potential: Voltage
    /// E from concentrations alone (γ = 1); equals `potential` when both γ are 1.
    public var idealPotential: Voltage
    /// dE/dT in V/K at fixed activities (= E/T).
    public var temperatureCoefficient: Double
    /// Temperature and constants.
    public var conditions: Conditions
    /// True when the given values were activities themselves (γ = 1 by construction).
    public var inputsAreActivities = false

    /// The activity correction (RT/zF)·ln(γ_out/γ_in), in volts.
    public var activityCorrection: Voltage { potential - idealPotential }
    /// The activity inside, a = γ·c.
    public var activityInside: Concentration { gammaInside * insideConcentration }
    /// The activity outside, a = γ·c.
    public var activityOutside: Concentration { gammaOutside * outsideConcentration }
}
