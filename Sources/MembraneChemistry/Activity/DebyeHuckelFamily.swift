import RealModule

/// The Debye–Hückel family of single-ion activity-coefficient equations, log₁₀ γ as functions of
/// the molal ionic strength I (equations and sources in ``ActivityModel``).
public enum DebyeHuckelFamily {
    /// Limiting law: log γ = −A z² √I.
    @inlinable public static func limitingLaw(z: Int, sqrtI: Double, a: Double) -> Double {
        -a * Double(z * z) * sqrtI
    }

    /// Extended Debye–Hückel (and Truesdell–Jones with `bDot` ≠ 0):
    /// log γ = −A z² √I / (1 + B å √I) + ḃ I, å in Å, B in Å⁻¹(kg/mol)^½.
    @inlinable public static func extended(z: Int, sqrtI: Double, a: Double, b: Double,
                                           ionSize: Double, bDot: Double = 0) -> Double {
        -a * Double(z * z) * sqrtI / (1 + b * ionSize * sqrtI) + bDot * sqrtI * sqrtI
    }

    /// Güntelberg: log γ = −A z² √I / (1 + √I).
    @inlinable public static func guntelberg(z: Int, sqrtI: Double, a: Double) -> Double {
        -a * Double(z * z) * sqrtI / (1 + sqrtI)
    }

    /// Davies: log γ = −A z² (√I/(1 + √I) − c I) with c = 0.3 (1962) or 0.2 (1938).
    @inlinable public static func davies(z: Int, sqrtI: Double, a: Double, coefficient c: Double = 0.3) -> Double {
        -a * Double(z * z) * (sqrtI / (1 + sqrtI) - c * sqrtI * sqrtI)
    }
}
