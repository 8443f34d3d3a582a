import RealModule

/// The scaled complementary error function erfcx(z) = e^{z²}·erfc(z), for products such as e^{a}·erfc(b)
/// whose factors overflow and underflow separately (the transient of diffusion with a first-order sink).
///
/// For z ≤ 26 it is exp(z²)·erfc(z) with the C library's erfc, which keeps full relative precision down to
/// erfc(26) ≈ 6e-296 (exp(676) does not overflow); the relative error is that of exp at z², about z²·ε.
/// Beyond, the asymptotic series erfcx(z) = 1/(z√π)·Σ_k (−1)^k (2k−1)!!/(2z²)^k (Abramowitz & Stegun
/// 7.1.23) is summed to 8 terms, whose truncation error (≈ 15!!/(2z²)^8 < 1e-20) is far below round-off.
/// Negative z: erfcx(z) = 2·e^{z²} − erfcx(−z) (finite for z > −26).
public enum ScaledErrorFunction {
    /// erfcx(z) = exp(z²)·erfc(z), to full relative precision for z > −26.
    public static func erfcx(_ z: Double) -> Double {
        if z <= 26 { return Double.exp(z * z) * Double.erfc(z) }
        let inverse2z2 = 1 / (2 * z * z)
        var term = 1.0, sum = 1.0
        for k in 1...8 {
            term *= -Double(2 * k - 1) * inverse2z2
            sum += term
        }
        return sum / (z * Double.sqrt(.pi))
    }
}
