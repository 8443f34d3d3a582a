/// Solves a small dense linear system A·x = b by LU decomposition with partial pivoting.
///
/// Golub & Van Loan, *Matrix Computations*, 4th ed. (2013), Algorithm 3.4.1. Intended for the
/// handful of unknowns of Newton iterations (n ≲ 50); A is stored row-major as `[Double]` of n·n.
public enum DenseLinearSolve {
    /// x with A·x = b, or nil if A is singular to working precision.
    public static func solve(_ a: [Double], _ b: [Double], n: Int) -> [Double]? {
        precondition(a.count == n * n && b.count == n, "DenseLinearSolve: dimension mismatch")
        var m = a, x = b
        var scale = 0.0
        for v in m { scale = max(scale, abs(v)) }
        guard scale > 0, scale.isFinite else { return nil }
        for k in 0..<n {
            var pivot = k
            var best = abs(m[k * n + k])
            for r in (k + 1)..<max(k + 1, n) where abs(m[r * n + k]) > best {
                best = abs(m[r * n + k]); pivot = r
            }
            guard best > scale * 1e-14 else { return nil }
            if pivot != k {
                for c in 0..<n { m.swapAt(k * n + c, pivot * n + c) }
                x.swapAt(k, pivot)
            }
            let d = m[k * n + k]
            for r in (k + 1)..<max(k + 1, n) {
                let f = m[r * n + k] / d
                if f == 0 { continue }
                m[r * n + k] = f
                for c in (k + 1)..<n { m[r * n + c] -= f * m[k * n + c] }
                x[r] -= f * x[k]
            }
        }
        for k in stride(from: n - 1, through: 0, by: -1) {
            var s = x[k]
            for c in (k + 1)..<max(k + 1, n) { s -= m[k * n + c] * x[c] }
            x[k] = s / m[k * n + k]
        }
        return x.allSatisfy(\.isFinite) ? x : nil
    }
}
