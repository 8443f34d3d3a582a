/// Cubic Hermite interpolation on [t₀, t₁] from the values and derivatives at both ends:
///
///     y(t₀ + θh) = h₀₀(θ)·y₀ + h₁₀(θ)·h·f₀ + h₀₁(θ)·y₁ + h₁₁(θ)·h·f₁,
///     h₀₀ = (1 + 2θ)(1 − θ)², h₁₀ = θ(1 − θ)², h₀₁ = θ²(3 − 2θ), h₁₁ = θ²(θ − 1),
///
/// third-order accurate (error O(h⁴)), matching y and y′ at both ends (Hairer, Nørsett & Wanner, *Solving ODEs I*,
/// §II.6). The dense output a simulation records between accepted steps, resamples at fixed intervals and locates
/// state events on.
public enum CubicHermite {
    /// Writes y(t) and, if `derivative` is given, y′(t) for the `count` components at y₀, f₀, y₁, f₁
    /// (θ = (t − t₀)/h clamped to [0, 1]).
    @inlinable
    public static func interpolate(at t: Double, from t0: Double, to t1: Double, count: Int,
                                   y0: UnsafePointer<Double>, f0: UnsafePointer<Double>,
                                   y1: UnsafePointer<Double>, f1: UnsafePointer<Double>,
                                   into y: UnsafeMutablePointer<Double>, derivative: UnsafeMutablePointer<Double>? = nil) {
        let h = t1 - t0
        let theta = h > 0 ? max(0, min(1, (t - t0) / h)) : 1
        let u = 1 - theta
        let h00 = (1 + 2 * theta) * u * u, h10 = theta * u * u
        let h01 = theta * theta * (3 - 2 * theta), h11 = theta * theta * (theta - 1)
        for c in 0..<count {
            y[c] = h00 * y0[c] + h10 * h * f0[c] + h01 * y1[c] + h11 * h * f1[c]
        }
        guard let derivative else { return }
        if h <= 0 {
            for c in 0..<count { derivative[c] = f1[c] }
            return
        }
        // d/dt: h₀₀′ = 6θ(θ − 1)/h, h₁₀′·h = (1 − θ)(1 − 3θ), h₀₁′ = 6θ(1 − θ)/h, h₁₁′·h = θ(3θ − 2).
        let d00 = 6 * theta * (theta - 1) / h, d10 = u * (1 - 3 * theta)
        let d01 = -d00, d11 = theta * (3 * theta - 2)
        for c in 0..<count {
            derivative[c] = d00 * y0[c] + d10 * f0[c] + d01 * y1[c] + d11 * f1[c]
        }
    }
}
