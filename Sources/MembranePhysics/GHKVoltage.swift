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
        /// The closed form of the GHK voltage equation (monovalent permeants only; Goldman 1943, Hodgkin & Katz 1949).
        case closedForm = "closed-form"
        /// The zero of the summed GHK currents, bracketed and found by Brent's method (any valences).
        case root = "root"
    }

    /// Solves for the reversal (resting) potential of `permeants`.
    /// - Parameter pumpRatio: Mullins–Noda pump coupling ratio r (Na⁺ out per K⁺ in), or nil for no pump.
    ///
    /// Relative permeabilities may have any scale and any spread (1e-308 next to 1e308): weights and
    /// concentrations are rescaled by their largest values before they are summed, and the closed form
    /// falls back to ln Σ by log-sum-exp when a plain sum would overflow or underflow.
    public static func potential(_ permeants: [Permeant], pumpRatio: Double? = nil,
                                 conditions: Conditions) throws -> GHKVoltageResult {
        try validate(permeants, pumpRatio: pumpRatio)
        let vt = conditions.thermalVoltage
        if permeants.allSatisfy({ abs($0.ion.charge) == 1 || $0.permeability == 0 }) {
            // The closed form, the hot path: plain sums with the raw weights (P, r·P for K⁺), no allocation. The
            // ratio is homogeneous in the weights, so they need rescaling only when a sum overflows or underflows.
            var numerator = 0.0, denominator = 0.0
            for p in permeants where p.permeability > 0 {
                let w = (pumpRatio != nil && p.ion.name == "K") ? pumpRatio! * p.permeability : p.permeability
                if p.ion.charge > 0 {
                    numerator += w * p.outside.millimolar; denominator += w * p.inside.millimolar
                } else {
                    numerator += w * p.inside.millimolar; denominator += w * p.outside.millimolar
                }
            }
            let logRatio: Double
            if numerator.isNormal && denominator.isNormal {
                logRatio = Nernst.logRatio(numerator, denominator)
            } else {
                try requireReversal(permeants)
                logRatio = closedFormLogRatio(scaledTerms(permeants, pumpRatio: pumpRatio))
            }
            return GHKVoltageResult(potential: .volts(vt * logRatio), method: .closedForm, iterations: 0, residual: 0,
                                    permeants: permeants, pumpRatio: pumpRatio, conditions: conditions)
        }
        try requireReversal(permeants)
        let terms = scaledTerms(permeants, pumpRatio: pumpRatio)
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
            let e = Nernst.logRatio(t.outside, t.inside) / Double(t.z)
            lower = min(lower, e); upper = max(upper, e)
        }
        if lower > upper { lower = -1; upper = 1 }
        // ±400 V_T (about ±10 V) bounds any physiological potential, widened to enclose every Nernst potential.
        let expander = BracketExpander(lowerLimit: min(-400, lower - 40), upperLimit: max(400, upper + 40))
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

    /// Throws ``noReversal(_:)`` unless some permeant ion can carry outward current and some inward current (a
    /// cation present inside, or an anion outside; and the converse): otherwise the summed current has one sign
    /// at every voltage (this also refuses Ca = 0 on both sides).
    static func requireReversal(_ permeants: [Permeant]) throws {
        var outward = false, inward = false
        for p in permeants where p.permeability > 0 {
            let z = p.ion.charge, cIn = p.inside.millimolar, cOut = p.outside.millimolar
            if (z > 0 && cIn > 0) || (z < 0 && cOut > 0) { outward = true }
            if (z > 0 && cOut > 0) || (z < 0 && cIn > 0) { inward = true }
        }
        guard outward, inward else { throw noReversal(permeants) }
    }

    /// The permeant ions with weights and concentrations divided by their largest values (the GHK current sum and
    /// the closed form are homogeneous in both). Weights are P/P_max first (times r for K⁺ with a pump), which is
    /// finite for any finite r and P, then divided by their own maximum.
    static func scaledTerms(_ permeants: [Permeant], pumpRatio: Double?) -> [Term] {
        var pMax = 0.0, cMax = 0.0
        for p in permeants where p.permeability > 0 {
            pMax = max(pMax, p.permeability)
            cMax = max(cMax, p.inside.millimolar, p.outside.millimolar)
        }
        var terms = permeants.filter { $0.permeability > 0 }.map { p in
            Term(z: p.ion.charge, inside: p.inside.millimolar / cMax, outside: p.outside.millimolar / cMax,
                 weight: p.permeability / pMax * ((pumpRatio != nil && p.ion.name == "K") ? pumpRatio! : 1))
        }
        let wMax = terms.reduce(0) { max($0, $1.weight) }
        for i in terms.indices { terms[i].weight /= wMax }
        return terms
    }

    /// ln(N/D) of the monovalent closed form, N = Σ_cations w·c_out + Σ_anions w·c_in and D likewise with the
    /// sides exchanged, for when a plain sum overflows or underflows: ln N − ln D with each logarithm by
    /// log-sum-exp over ln w + ln c.
    static func closedFormLogRatio(_ terms: [Term]) -> Double {
        func logSum(_ pairs: [(Double, Double)]) -> Double {
            let logs = pairs.filter { $0.0 > 0 && $0.1 > 0 }.map { Double.log($0.0) + Double.log($0.1) }
            let m = logs.max()!
            return m + Double.log(logs.reduce(0) { $0 + Double.exp($1 - m) })
        }
        return logSum(terms.map { ($0.weight, $0.z > 0 ? $0.outside : $0.inside) })
            - logSum(terms.map { ($0.weight, $0.z > 0 ? $0.inside : $0.outside) })
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
            try MembraneError.requireConcentration(p.inside.millimolar, field: "inside.\(p.ion.name)")
            try MembraneError.requireConcentration(p.outside.millimolar, field: "outside.\(p.ion.name)")
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
            try MembraneError.requirePositive(r, field: "pump-ratio", allowed: "a finite coupling ratio > 0 (3:2 Na/K pump: 1.5)")
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
    /// The reversal (resting) potential V_m at which the GHK currents sum to zero (with the pump, to the pump current).
    public var potential: Voltage
    /// How it was obtained.
    public var method: GHKVoltage.Method
    /// Brent iterations (0 for the closed form).
    public var iterations: Int
    /// Normalised current sum at the root.
    public var residual: Double
    /// The permeants it was computed for.
    public var permeants: [Permeant]
    /// The Mullins–Noda coupling ratio r of an electrogenic pump (Na⁺ out per K⁺ in, 3/2 for the Na⁺/K⁺-ATPase), or nil.
    public var pumpRatio: Double?
    /// Temperature and constants.
    public var conditions: Conditions
}
