/// Solves a banded linear system A·x = b by Gaussian elimination with partial pivoting
/// (the algorithm of LAPACK's `dgbsv`: Golub & Van Loan, *Matrix Computations*, 4th ed., §4.3.5).
///
/// A has `lower` sub-diagonals and `upper` super-diagonals; it is given as a closure of (row, column)
/// for entries inside the band. Pivoting widens the upper band to `lower + upper`. Cost O(n·l·(l + u)).
public struct BandedMatrix: Sendable {
    /// The dimension n of the n×n matrix.
    public let size: Int
    /// Number of sub-diagonals.
    public let lower: Int
    /// Number of super-diagonals.
    public let upper: Int
    /// Row-major band storage: row r holds columns r − lower … r + lower + upper.
    var storage: [Double]
    let width: Int

    /// A zero matrix of the given size and bandwidths.
    public init(size: Int, lower: Int, upper: Int) {
        self.size = size
        self.lower = lower
        self.upper = upper
        width = 2 * lower + upper + 1
        storage = [Double](repeating: 0, count: size * width)
    }

    @inline(__always) func index(_ r: Int, _ c: Int) -> Int { r * width + (c - r + lower) }

    /// Adds `value` to entry (r, c), which must lie within the band.
    public mutating func add(_ r: Int, _ c: Int, _ value: Double) {
        precondition(c - r >= -lower && c - r <= upper, "BandedMatrix: (\(r), \(c)) outside the band")
        storage[index(r, c)] += value
    }

    /// The element at row `r`, column `c` (zero outside the band; setting one there is a programming error).
    public subscript(r: Int, c: Int) -> Double {
        get { (c - r >= -lower && c - r <= lower + upper) ? storage[index(r, c)] : 0 }
    }

    /// x with A·x = b, or nil when A is singular to working precision.
    public func solve(_ b: [Double]) -> [Double]? {
        precondition(b.count == size, "BandedMatrix.solve: dimension mismatch")
        var a = storage, x = b
        let n = size, kl = lower, ku = lower + upper
        var scale = 0.0
        for v in a { scale = max(scale, abs(v)) }
        guard scale > 0, scale.isFinite else { return nil }
        func at(_ r: Int, _ c: Int) -> Int { r * width + (c - r + kl) }
        for k in 0..<n {
            // Pivot among rows k … k + kl.
            let last = min(n - 1, k + kl)
            var pivot = k, best = abs(a[at(k, k)])
            if k < last {
                for r in (k + 1)...last where abs(a[at(r, k)]) > best { best = abs(a[at(r, k)]); pivot = r }
            }
            guard best > scale * 1e-300, best.isFinite else { return nil }
            let lastColumn = min(n - 1, k + ku)
            if pivot != k {
                for c in k...lastColumn { a.swapAt(at(k, c), at(pivot, c)) }
                x.swapAt(k, pivot)
            }
            let d = a[at(k, k)]
            if k < last {
                for r in (k + 1)...last {
                    let f = a[at(r, k)] / d
                    if f == 0 { continue }
                    a[at(r, k)] = 0
                    if k < lastColumn { for c in (k + 1)...lastColumn { a[at(r, c)] -= f * a[at(k, c)] } }
                    x[r] -= f * x[k]
                }
            }
        }
        for k in stride(from: n - 1, through: 0, by: -1) {
            var s = x[k]
            let lastColumn = min(n - 1, k + ku)
            if k < lastColumn { for c in (k + 1)...lastColumn { s -= a[at(k, c)] * x[c] } }
            x[k] = s / a[at(k, k)]
        }
        return x.allSatisfy(\.isFinite) ? x : nil
    }
}
