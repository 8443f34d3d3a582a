import MembraneNumerics
import RealModule

/// Diffusion from a point source of σ mol/s at the mouth of a pore in a flat, impermeable membrane: the source
/// emits into a half space, so the flux that would spread over a sphere spreads over a hemisphere and every
/// concentration is twice the full-space one (the method of images; Neher 1986, in *Calcium Electrogenesis and
/// Neuronal Functioning*, Exp. Brain Res. Ser. 14:80; Smith 1996, Biophys. J. 71:3064).
///
/// Steady state, unbuffered (Laplace's equation, c → c∞ far away):
///
///     Δc(r) = σ / (2π·D·r)
///
/// with a first-order sink of rate k (Ca²⁺ captured by an excess of mobile buffer, k = Σ k_on·B_free(c∞): the
/// excess-buffer approximation, Neher 1986; Naraghi & Neher 1997, J. Neurosci. 17:6961):
///
///     Δc(r) = σ / (2π·D·r) · e^{−r/λ},      λ = √(D/k)
///
/// Transient after the source is switched on at t = 0 (c = c∞ everywhere before), x = r/√(4Dt), y = √(k·t):
///
///     Δc(r,t) = σ / (4π·D·r) · [e^{−r/λ}·erfc(x − y) + e^{r/λ}·erfc(x + y)]
///
/// (the continuous point source of Carslaw & Jaeger, *Conduction of Heat in Solids*, 2nd ed. 1959, ch. 10, with the
/// first-order loss handled by Danckwerts' substitution, Trans. Faraday Soc. 47:1014 (1951): integrating the
/// instantaneous source times e^{−kt} over the switch-on history gives the two erfc terms; the tests check that it
/// solves ∂c/∂t = D∇²c − k·c. For k = 0 both terms are erfc(x): Δc = σ/(2πDr)·erfc(r/√(4Dt)), the classical
/// continuous point source.) r/λ = 2xy, so the second term is e^{−x²−y²}·erfcx(x + y), and for x ≥ y
/// the first is e^{−x²−y²}·erfcx(x − y): nothing overflows at any distance or time.
public enum HalfSpaceSource {
    /// Δc in mol/m³ at distance r (m) of a source of σ mol/s, diffusion coefficient D (m²/s), sink rate k (s⁻¹, 0: none).
    @inlinable
    public static func steady(flux sigma: Double, diffusivity d: Double, distance r: Double, captureRate k: Double = 0) -> Double {
        let base = sigma / (2 * .pi * d * r)
        return k > 0 ? base * Double.exp(-r * Double.sqrt(k / d)) : base
    }

    /// Δc(r, t) in mol/m³, t in s after the source is switched on.
    public static func transient(flux sigma: Double, diffusivity d: Double, distance r: Double, time t: Double,
                                 captureRate k: Double = 0) -> Double {
        guard t > 0 else { return 0 }
        let x = r / Double.sqrt(4 * d * t), y = Double.sqrt(k * t)
        let first: Double = x >= y ? Double.exp(-x * x - y * y) * ScaledErrorFunction.erfcx(x - y)
                                   : Double.exp(-2 * x * y) * Double.erfc(x - y)
        let second = Double.exp(-x * x - y * y) * ScaledErrorFunction.erfcx(x + y)
        return sigma / (4 * .pi * d * r) * (first + second)
    }
}
