import MembraneNumerics
import RealModule

/// The closed-form electroneutral steady state of Keener & Sneyd's pump–leak model (*Mathematical
/// Physiology*, 3rd ed., ch. 2, Fig. 2.17; code `chap02_homeostasis/pump_leak1.m` of
/// jsneyd/Math-Physiol-3rd-Edition-code).
///
/// With a constant pump of dimensionless rate P = F·J/(g_Na·RT/F), γ = g_Na/g_K and an electroneutral bath
/// C_e = Na_e + K_e = Cl_e, flux balance gives Na_i = Na_e·e^{−3P}·y, K_i = K_e·e^{2γP}·y, Cl_i = Cl_e/y with
/// y = e^{−FV/RT}; intracellular electroneutrality and osmotic balance then give
///
///     α(P) = (Na_e·e^{−3P} + K_e·e^{2γP}) / (Na_e + K_e)
///     μ    = [1 + √(α + (1 − α)·z²)] / [2(1 − α)]         (scaled volume μ = w·C_e/N_X)
///     y    = [−z + √(z² + 4αμ²)] / (2αμ)
///
/// A steady state exists exactly when α(P) < 1: α(0) = 1 (no pump: the Donnan catastrophe) and α grows
/// again like e^{2γP} for large P, so 0 < P < P_max with α(P_max) = 1 (P_max ≈ 14.22 for the squid
/// values Na_e = 437, K_e = 20 mM, γ = 0.11; the code notes "pump rate values could go to 14.3").
public enum KeenerSneyd {
    /// The electroneutral steady state at one pump rate, in the model's dimensionless variables.
    public struct SteadyState: Sendable, Hashable {
        /// P = F·J/(g_Na·RT/F): the dimensionless pump rate.
        public var pumpRate: Double
        /// α(P) = (Na_e·e^{−3P} + K_e·e^{2γP})/(Na_e + K_e) (< 1 at a steady state).
        public var alpha: Double
        /// Scaled volume μ = w·C_e/N_X.
        public var mu: Double
        /// y = e^{−FV/RT}.
        public var y: Double
        /// FV/RT.
        public var scaledPotential: Double { -Double.log(y) }
        /// Na_i/C_e = (Na_e/C_e)·e^{−3P}·y (inside concentrations are scaled by C_e).
        public var sodium: Double
        /// K_i/C_e = (K_e/C_e)·e^{2γP}·y.
        public var potassium: Double
        /// Cl_i/C_e = 1/y.
        public var chloride: Double
    }

    /// α(P).
    public static func alpha(pumpRate p: Double, sodiumOutside nae: Double, potassiumOutside ke: Double, gamma: Double) -> Double {
        (nae * Double.exp(-3 * p) + ke * Double.exp(2 * gamma * p)) / (nae + ke)
    }

    /// The steady state at P, or nil when none exists (α ≥ 1).
    public static func steadyState(pumpRate p: Double, sodiumOutside nae: Double, potassiumOutside ke: Double,
                                   gamma: Double, impermeantCharge z: Double) -> SteadyState? {
        let a = alpha(pumpRate: p, sodiumOutside: nae, potassiumOutside: ke, gamma: gamma)
        guard a < 1, a > 0 else { return nil }
        let mu = (1 + (a + (1 - a) * z * z).squareRoot()) / (2 * (1 - a))
        let y = (-z + (z * z + 4 * a * mu * mu).squareRoot()) / (2 * a * mu)
        let ce = nae + ke
        return SteadyState(pumpRate: p, alpha: a, mu: mu, y: y,
                           sodium: nae * Double.exp(-3 * p) * y / ce, potassium: ke * Double.exp(2 * gamma * p) * y / ce,
                           chloride: 1 / y)
    }

    /// P_max, where α(P_max) = 1 (Brent's method between the minimum of α and a point beyond it).
    public static func maximumPumpRate(sodiumOutside nae: Double, potassiumOutside ke: Double, gamma: Double) -> Double? {
        guard nae > 0, ke > 0, gamma > 0 else { return nil }
        // α′(P) = 0 at P* = ln(3·Na_e/(2γ·K_e))/(3 + 2γ); α(P*) < 1; α > 1 once K_e·e^{2γP} > Na_e + K_e.
        let pStar = max(Double.log(3 * nae / (2 * gamma * ke)) / (3 + 2 * gamma), 1e-9)
        let pHigh = Double.log((nae + ke) / ke) / (2 * gamma) + 1
        let f = { (p: Double) in alpha(pumpRate: p, sodiumOutside: nae, potassiumOutside: ke, gamma: gamma) - 1 }
        guard f(pStar) < 0, f(pHigh) > 0 else { return nil }
        return BrentRootFinder().root(in: pStar, pHigh, of: f)?.root
    }
}
