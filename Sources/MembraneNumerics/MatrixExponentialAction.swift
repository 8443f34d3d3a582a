import RealModule

/// The action of a matrix exponential on a vector, exp(t·B)·v, for small dense B.
///
/// Scaling and truncated Taylor series: exp(tB)v = (exp(tB/s))^s v, each factor applied as
/// Σ_{m} (tB/s)^m v / m! until the term falls below 2⁻⁵³ of the partial sum, with s chosen so that
/// the scaled norm is small (Al-Mohy & Higham, SIAM J. Sci. Comput. 33:488 (2011), "Computing the action of the
/// matrix exponential", in its simplest form; here ‖tB/s‖₁ ≤ 2). Only matrix–vector products are used, so the cost is
/// O(s·m·n²) rather than the O(n³) of forming exp(B).
public enum MatrixExponentialAction {
    /// exp(t·B)·v with B row-major n×n; nil when ‖tB‖₁ is not finite or exceeds `maximumNorm`
    /// (the result would overflow or cost more than `maximumNorm` scaling steps).
    public static func apply(_ b: [Double], n: Int, t: Double = 1, to v: [Double],
                             maximumNorm: Double = 1e5) -> [Double]? {
        precondition(b.count == n * n && v.count == n, "MatrixExponentialAction: dimension mismatch")
        var norm1 = 0.0
        for c in 0..<n {
            var col = 0.0
            for r in 0..<n { col += abs(b[r * n + c]) }
            norm1 = max(norm1, col)
        }
        let size = abs(t) * norm1
        guard size.isFinite, size <= maximumNorm, v.allSatisfy(\.isFinite) else { return nil }
        // ‖hB‖₁ ≤ 2 per step: few steps, and at most a factor e⁴ of cancellation in the alternating series.
        let steps = max(1, Int((size / 2).rounded(.up)))
        let h = t / Double(steps)
        var x = v
        var term = [Double](repeating: 0, count: n)
        var next = [Double](repeating: 0, count: n)
        for _ in 0..<steps {
            term = x
            var sum = x
            var m = 1
            while m < 80 {
                var termNorm = 0.0, sumNorm = 0.0
                for r in 0..<n {
                    var acc = 0.0
                    let row = r * n
                    for c in 0..<n { acc += b[row + c] * term[c] }
                    next[r] = acc * h / Double(m)
                }
                swap(&term, &next)
                for r in 0..<n {
                    sum[r] += term[r]
                    termNorm = max(termNorm, abs(term[r]))
                    sumNorm = max(sumNorm, abs(sum[r]))
                }
                if termNorm <= 0x1p-53 * sumNorm { break }
                m += 1
            }
            x = sum
        }
        return x.allSatisfy(\.isFinite) ? x : nil
    }
}
