import MembraneUnits
import MembraneChemistry
import RealModule

/// The generalized Henderson equation for a liquid junction (Henderson 1907, Z. Phys. Chem. 59:118;
/// generalized to any valences and written for patch clamp by Barry & Lynch 1991, J. Membr. Biol.
/// 121:101, eq. 5; the equation of JPCalc):
///
///     V_L = φ_bath − φ_pipette = (RT/F)·S·ln(X_P/X_S),   S = N / (X_S − X_P)
///     N   = Σ z_i·u_i·(a_i^S − a_i^P),     X = Σ z_i²·u_i·a_i
///
/// with u_i ∝ D_i, the mobility of the ion itself (λ°/|z|·1/|z|), not its conductivity λ. Written with
/// the logarithmic mean L(X_S, X_P) = (X_S − X_P)/ln(X_S/X_P) it becomes
///
///     V_L = −(RT/F)·N / L(X_S, X_P)
///
/// which has no 0/0 when X_S = X_P (L(x, x) = x) and splits exactly into per-ion shares
/// −(RT/F)·z_i·u_i·(a_i^S − a_i^P)/L. Henderson assumes linear mixing through the junction; for a single
/// binary salt it equals Planck's exact result and the textbook formula
/// V_L = (RT/F)·(u₊ − u₋)/(u₊ + u₋)·ln(c_P/c_S) (Nernst 1888, Z. Phys. Chem. 2:613; Planck 1890).
public enum HendersonJunction {
    /// V_L by the Henderson equation (closed form; never fails).
    public static func solve(_ junction: LiquidJunction) -> JunctionResult {
        let vt = junction.conditions.thermalVoltage
        var n = 0.0, xP = 0.0, xS = 0.0
        for s in junction.species {
            let z = Double(s.ion.charge)
            n += z * s.diffusion * (s.bath - s.pipette)
            xP += z * z * s.diffusion * s.pipette
            xS += z * z * s.diffusion * s.bath
        }
        let l = logarithmicMean(xS, xP)
        let contributions = junction.species.map { s -> (name: String, potential: Voltage) in
            let z = Double(s.ion.charge)
            return (s.ion.name, .volts(-vt * z * s.diffusion * (s.bath - s.pipette) / l))
        }
        return JunctionResult(method: .henderson, potential: .volts(-vt * n / l), contributions: contributions,
                              iterations: 0, residual: 0, profile: nil, notes: junction.notes,
                              conditions: junction.conditions)
    }

    /// L(a, b) = (a − b)/ln(a/b), with L(a, a) = a (series near a = b).
    static func logarithmicMean(_ a: Double, _ b: Double) -> Double {
        let r = a / b - 1
        if abs(r) < 1e-4 {
            return b * (1 + r / 2 - r * r / 12 + r * r * r / 24)
        }
        return (a - b) / Double.log(a / b)
    }
}
