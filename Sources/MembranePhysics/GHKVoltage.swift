import MembraneUnits
import MembraneChemistry
import MembraneNumerics
import RealModule

/// The Goldman–Hodgkin–Katz voltage equation: the membrane potential at which the GHK currents
/// of all permeant ions sum to zero.
///
/// For monovalent ions only, the closed form (Goldman 1943, J. Gen. Physiol. 27:37; Hodgkin & Katz 1949, J. Physiol. 108:37)
///
///     V = (RT/F) · ln( (Σ_cations P·c_out + Σ_anions P·c_in) / (Σ_cations P·c_in + Σ_anions P·c_out) )
///
/// When any permeant is di- or trivalent (Ca²⁺, Mg²⁺, SO₄²⁻) no closed form exists in general;
/// V is the root of Σ_i P_i·z_i·[c_in,i·g(u_i) − c_out,i·g(−u_i)] = 0 (see ``GHKCurrent``). Every
/// term increases strictly with V, so the root is unique; it is bracketed (between the extreme
/// Nernst potentials when every ion is present on both sides, by outward expansion otherwise)
/// and found by Brent's method to ~1e-15 relative.
///
/// The electrogenic Na⁺/K⁺ pump enters in the Mullins & Noda (1963, J. Gen. Physiol. 47:117) form:
/// at steady state the passive Na⁺ influx is r times the passive K⁺ efflux (r = 3/2 for 3 Na⁺ : 2 K⁺),
/// which weights K⁺ by r: V = (RT/F)·ln((r·P_K·K_o + P_Na·Na_o + P_Cl·Cl_i)/(r·P_K·K_i + P_Na·Na_i + P_Cl·Cl_o)),
/// and in general Σ w_i·I_i(V) = 0 with w_K = r.
public enum GHKVoltage {
    /// How the potential was obtained.
    public enum Method: String, Sendable, Hashable, Codable {
        case closedForm = "closed-form"
        case root = "root"
    }

    /// Solves for the reversal (resting) potential of `permeants`.
    /// - Parameter pumpRatio: Mullins–Noda pump coupling ratio r (Na⁺ out per K⁺ in), or nil for no pump.
    public static func potential(_ permeants: [Permeant], pumpRatio: Double? = nil,
                                 conditions: Conditions) throws -> GHKVoltageResult {
        try validate(permeants, pumpRatio: pumpRatio)
        let vt = conditions.thermalVoltage
        if permeants.allSatisfy({ abs($0.ion.charge) == 1 || $0.permeability == 0 }) {
            var numerator = 0.0, denominator = 0.0
            for p in permeants where p.permeability > 0 {
                let w = (pumpRatio != nil && p.ion.name == "K") ? pumpRatio! * p.permeability : p.permeability
                if p.ion.charge > 0 {
                    numerator += w * p.outside.millimolar; denominator += w * p.inside.millimolar
                } else {
                    numerator += w * p.inside.millimolar; denominator += w * p.outside.millimolar
                }
            }
            guard numerator > 0, denominator > 0 else { throw noReversal(permeants) }
            return GHKVoltageResult(potential: .volts(vt * Double.log(numerator / denominator)),
                                    method: .closedForm, iterations: 0, residual: 0,
                                    permeants: permeants, pumpRatio: pumpRatio, conditions: conditions)
        }
        // Plain numbers for the inner loop: valence, concentrations (mM) and weight (P, or r·P_K).
        let terms = permeants.filter { $0.permeability > 0 }.map { p in
            Term(z: p.ion.charge, inside: p.inside.millimolar, outside: p.outside.millimolar,
                 weight: (pumpRatio != nil && p.ion.name == "K") ? pumpRatio! * p.permeability : p.permeability)
        }
        // Sum of normalised GHK currents as a function of x = V / V_T.
        let totalCurrent: (Double) -> Double = { x in
            var sum = 0.0
            for t in terms {
                sum += t.weight * GHKCurrent.normalized(z: t.z, inside: t.inside, outside: t.outside, u: Double(t.z) * x)
            }
            return sum
        }
        var lower = Double.infinity, upper = -Double.infinity
        for t in terms where t.inside > 0 && t.outside > 0 {
            let e = Double.log(t.outside / t.inside) / Double(t.z)
            lower = min(lower, e); upper = max(upper, e)
        }
        if lower > upper { lower = -1; upper = 1 }
        // ±400 V_T (about ±10 V) bounds any physiological potential; beyond it no reversal exists.
        let expander = BracketExpander(lowerLimit: -400, upperLimit: 400)
        guard let (a, b) = expander.bracket(around: lower, upper, of: totalCurrent) else {
            throw noReversal(permeants)
        }
        guard let result = BrentRootFinder().root(in: a, b, of: totalCurrent) else { throw noReversal(permeants) }
        guard result.converged else {
            throw MembraneError.noConvergence(method: "GHK voltage (Brent)", iterations: result.iterations,
                                              residual: result.residual, detail: "bracket [\(a * vt * 1e3), \(b * vt * 1e3)] mV")
        }
        return GHKVoltageResult(potential: .volts(result.root * vt), method: .root,
                                iterations: result.iterations, residual: result.residual,
                                permeants: permeants, pumpRatio: pumpRatio, conditions: conditions)
    }

    /// One permeant ion reduced to the numbers the equations use.
    struct Term {
        var z: Int
        var inside: Double
        var outside: Double
        var weight: Double
    }

    static func validate(_ permeants: [Permeant], pumpRatio: Double?) throws {
        guard !permeants.isEmpty else {
            throw MembraneError.invalidValue(field: "permeability", value: "", allowed: "at least one permeant ion")
        }
        for p in permeants {
            try MembraneError.requireNonNegative(p.permeability, field: "permeability.\(p.ion.name)")
            try MembraneError.requireNonNegative(p.inside.millimolar, field: "inside.\(p.ion.name)")
            try MembraneError.requireNonNegative(p.outside.millimolar, field: "outside.\(p.ion.name)")
            guard p.ion.charge != 0 else {
                throw MembraneError.undefined(field: "permeability.\(p.ion.name)",
                    reason: "\(p.ion.name) is neutral (z = 0) and carries no current")
            }
        }
        guard permeants.contains(where: { $0.permeability > 0 }) else {
            throw MembraneError.invalidValue(field: "permeability", value: "all zero",
                                             allowed: "at least one permeability > 0")
        }
        if let r = pumpRatio {
            try MembraneError.requirePositive(r, field: "pump-ratio", allowed: "a coupling ratio > 0 (3:2 Na/K pump: 1.5)")
            guard permeants.contains(where: { $0.ion.name == "K" && $0.permeability > 0 }) else {
                throw MembraneError.invalidValue(field: "pump-ratio", value: "\(r)",
                    allowed: "a pump ratio only together with a K permeability > 0 (the Mullins–Noda form weights P_K)")
            }
        }
    }

    static func noReversal(_ permeants: [Permeant]) -> MembraneError {
        .undefined(field: "permeability",
                   reason: "no finite reversal potential: the permeant ions carry net current in the same direction at every voltage (e.g. a permeant cation present on one side only with no opposing ion); add the missing concentrations or permeabilities")
    }
}

/// The result of ``GHKVoltage/potential(_:pumpRatio:conditions:)``.
public struct GHKVoltageResult: Sendable, Hashable {
    public var potential: Voltage
    public var method: GHKVoltage.Method
    /// Brent iterations (0 for the closed form).
    public var iterations: Int
    /// Normalised current sum at the root.
    public var residual: Double
    public var permeants: [Permeant]
    public var pumpRatio: Double?
    public var conditions: Conditions
}
