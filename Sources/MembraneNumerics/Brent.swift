/// Brent's method for a root of a continuous scalar function on a bracketing interval.
///
/// Combines bisection, the secant method and inverse quadratic interpolation; it never
/// leaves the bracket and converges superlinearly for smooth functions.
/// Source: R. P. Brent, *Algorithms for Minimization without Derivatives* (1973), ch. 4,
/// procedure `zero`; the same algorithm as `scipy.optimize.brentq` and Numerical Recipes §9.3.
public struct BrentRootFinder: Sendable {
    /// Absolute tolerance on the root.
    public var absoluteTolerance: Double
    /// Relative tolerance on the root (scaled by |x|).
    public var relativeTolerance: Double
    /// Maximum number of iterations before the result reports non-convergence.
    public var maximumIterations: Int

    /// A root finder with the given tolerances (defaults: to round-off) and iteration limit.
    public init(absoluteTolerance: Double = 1e-15, relativeTolerance: Double = 4 * Double.ulpOfOne,
                maximumIterations: Int = 200) {
        self.absoluteTolerance = absoluteTolerance
        self.relativeTolerance = relativeTolerance
        self.maximumIterations = maximumIterations
    }

    /// The outcome of a root search.
    public struct Result: Sendable, Equatable {
        /// The root found (the best point of the final bracket).
        public var root: Double
        /// f at the root.
        public var residual: Double
        /// Iterations used.
        public var iterations: Int
        /// Whether the tolerance was met.
        public var converged: Bool
    }

    /// Finds x in [a, b] with f(x) = 0, given that f(a) and f(b) differ in sign (or one is zero).
    /// Returns `nil` when the interval does not bracket a sign change.
    public func root(in a: Double, _ b: Double, of f: (Double) -> Double) -> Result? {
        var a = a, b = b
        var fa = f(a), fb = f(b)
        if fa == 0 { return Result(root: a, residual: 0, iterations: 0, converged: true) }
        if fb == 0 { return Result(root: b, residual: 0, iterations: 0, converged: true) }
        guard fa.sign != fb.sign, fa.isFinite, fb.isFinite else { return nil }
        var c = a, fc = fa
        var d = b - a, e = d
        for iteration in 1...maximumIterations {
            if fb.sign == fc.sign {
                c = a; fc = fa; d = b - a; e = d
            }
            if abs(fc) < abs(fb) {
                a = b; b = c; c = a
                fa = fb; fb = fc; fc = fa
            }
            let tol = 2 * relativeTolerance * abs(b) + 0.5 * absoluteTolerance
            let m = 0.5 * (c - b)
            if abs(m) <= tol || fb == 0 {
                return Result(root: b, residual: fb, iterations: iteration, converged: true)
            }
            if abs(e) >= tol && abs(fa) > abs(fb) {
                // Interpolate: secant when a == c, inverse quadratic otherwise.
                let s = fb / fa
                var p: Double, q: Double
                if a == c {
                    p = 2 * m * s
                    q = 1 - s
                } else {
                    let qq = fa / fc, r = fb / fc
                    p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1))
                    q = (qq - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < min(3 * m * q - abs(tol * q), abs(e * q)) {
                    e = d; d = p / q
                } else {
                    d = m; e = m
                }
            } else {
                d = m; e = m
            }
            a = b; fa = fb
            b += abs(d) > tol ? d : (m > 0 ? tol : -tol)
            fb = f(b)
        }
        return Result(root: b, residual: fb, iterations: maximumIterations, converged: false)
    }
}
