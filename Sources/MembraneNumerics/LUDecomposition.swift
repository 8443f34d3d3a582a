/// LU factorisation with partial (row) pivoting, P·A = L·U, of a square matrix.
///
/// Doolittle's algorithm with the largest-magnitude pivot in each column (Golub & Van Loan,
/// *Matrix Computations*, 4th ed. 2013, Algorithm 3.4.1). L (unit lower) and U share one array.
/// A factorisation can be refreshed in place (``factor(_:)``) so that an integrator refactoring
/// its iteration matrix every step allocates nothing.
public struct LUDecomposition: Sendable {
    /// The dimension n of the factored n×n matrix.
    public let size: Int
    /// L below the diagonal (unit diagonal implied) and U on and above it, row-major.
    @inlinable public var factors: [Double] { _factors }
    /// Row i of P·A is row `pivots[i]` of A, as successive swaps: step k swapped rows k and pivots[k].
    @inlinable public var pivots: [Int] { _pivots }
    @usableFromInline var _factors: [Double]
    @usableFromInline var _pivots: [Int]
    /// 1/Uᵢᵢ, so that back substitution multiplies (a division's latency, on the critical path of every solve,
    /// is several multiplications'; the quotient differs by at most one rounding).
    @usableFromInline var _inverseDiagonal: [Double]
    /// True when a pivot was exactly zero or not finite: the matrix is singular (or nearly so
    /// beyond what double precision can represent) and `solve(_:)` must not be trusted.
    @inlinable public var isSingular: Bool { _isSingular }
    /// The smallest |pivot| divided by the largest, a cheap indicator of ill-conditioning.
    @inlinable public var pivotRatio: Double { _pivotRatio }
    @usableFromInline var _isSingular: Bool
    @usableFromInline var _pivotRatio: Double

    /// An unfactored workspace of size n (call ``factor(_:)`` before solving).
    public init(size n: Int) {
        self.size = n
        self._factors = [Double](repeating: 0, count: n * n)
        self._pivots = Array(0..<n)
        self._inverseDiagonal = [Double](repeating: 0, count: n)
        self._isSingular = true
        self._pivotRatio = 0
    }

    /// Factors `a` (square).
    public init(_ a: DenseMatrix) {
        precondition(a.rows == a.columns, "LU needs a square matrix")
        self.init(size: a.rows)
        factor(a)
    }

    /// Refactors with the entries of `a` (same size), reusing this value's storage.
    public mutating func factor(_ a: DenseMatrix) {
        precondition(a.rows == size && a.columns == size, "LU size mismatch")
        a.storage.withUnsafeBufferPointer { src in
            _factors.withUnsafeMutableBufferPointer { dst in
                for i in 0..<(size * size) { dst[i] = src[i] }
            }
        }
        factorInPlace()
    }

    /// Fills the factor storage directly (then call ``factorInPlace()``).
    @inlinable
    public mutating func setFactors(_ fill: (UnsafeMutableBufferPointer<Double>) -> Void) {
        _factors.withUnsafeMutableBufferPointer { fill($0) }
    }

    /// Factors whatever `factors` holds (used after filling it directly).
    @inlinable
    public mutating func factorInPlace() {
        let n = size
        var result = (singular: false, smallest: Double.infinity, largest: 0.0)
        _factors.withUnsafeMutableBufferPointer { a in
            _inverseDiagonal.withUnsafeMutableBufferPointer { inv in
                _pivots.withUnsafeMutableBufferPointer { piv in
                    guard n > 0 else { return }
                    result = Self.factor(a.baseAddress!, pivots: piv.baseAddress!, inverseDiagonal: inv.baseAddress!, size: n)
                }
            }
        }
        _isSingular = result.singular
        _pivotRatio = result.singular || result.largest == 0 ? 0 : result.smallest / result.largest
    }

    /// Factors the n × n row-major matrix at `a` in place (L below the diagonal, U on and above), writing the
    /// pivots and the reciprocals of U's diagonal: the algorithm of ``factorInPlace()`` on raw storage, for callers
    /// that keep many small matrices in one array (``BlockDiagonalIterationMatrix``). Returns whether a pivot was zero
    /// or not finite, and the smallest and largest |pivot|.
    @inlinable @discardableResult
    public static func factor(_ a: UnsafeMutablePointer<Double>, pivots piv: UnsafeMutablePointer<Int>,
                              inverseDiagonal inv: UnsafeMutablePointer<Double>,
                              size n: Int) -> (singular: Bool, smallest: Double, largest: Double) {
        // The size as a constant for the small systems Membrane solves (the loops unrolled), else as a variable.
        switch n {
        case 3: return factor(a, pivots: piv, inverseDiagonal: inv, constantSize: 3)
        case 4: return factor(a, pivots: piv, inverseDiagonal: inv, constantSize: 4)
        case 5: return factor(a, pivots: piv, inverseDiagonal: inv, constantSize: 5)
        default: return factor(a, pivots: piv, inverseDiagonal: inv, constantSize: n)
        }
    }

    @inlinable @inline(__always)
    static func factor(_ a: UnsafeMutablePointer<Double>, pivots piv: UnsafeMutablePointer<Int>,
                       inverseDiagonal inv: UnsafeMutablePointer<Double>,
                       constantSize n: Int) -> (singular: Bool, smallest: Double, largest: Double) {
        var singular = false
        var smallest = Double.infinity, largest = 0.0
        for k in 0..<n {
            var p = k
            var best = abs(a[k * n + k])
            for i in (k + 1)..<n where abs(a[i * n + k]) > best {
                best = abs(a[i * n + k]); p = i
            }
            piv[k] = p
            if p != k {
                for j in 0..<n { let t = a[k * n + j]; a[k * n + j] = a[p * n + j]; a[p * n + j] = t }
            }
            let pivot = a[k * n + k]
            if pivot == 0 || !pivot.isFinite { singular = true; inv[k] = .nan; continue }
            smallest = min(smallest, abs(pivot)); largest = max(largest, abs(pivot))
            let inverse = 1 / pivot
            inv[k] = inverse
            for i in (k + 1)..<n {
                let l = a[i * n + k] * inverse
                a[i * n + k] = l
                if l != 0 {
                    for j in (k + 1)..<n { a[i * n + j] -= l * a[k * n + j] }
                }
            }
        }
        return (singular, smallest, largest)
    }

    /// Solves A·x = b in place (b becomes x).
    @inlinable
    public func solve(_ b: inout [Double]) {
        precondition(b.count == size, "right-hand side size mismatch")
        if size == 0 { return }
        b.withUnsafeMutableBufferPointer { x in
            // The size as a constant for small systems (the substitutions unrolled).
            switch size {
            case 3: solve(x.baseAddress!, size: 3)
            case 4: solve(x.baseAddress!, size: 4)
            case 5: solve(x.baseAddress!, size: 5)
            default: solve(x.baseAddress!)
            }
        }
    }

    /// Solves A·x = b in place for b at `x` (`size` values): for callers that keep their vectors in one
    /// workspace (an integrator's step), no array traffic.
    @inlinable
    public func solve(_ x: UnsafeMutablePointer<Double>) {
        let n = size
        _factors.withUnsafeBufferPointer { a in
            _pivots.withUnsafeBufferPointer { piv in
                _inverseDiagonal.withUnsafeBufferPointer { inv in
                    guard let a = a.baseAddress, let piv = piv.baseAddress, let inv = inv.baseAddress else { return }
                    Self.solve(factors: a, pivots: piv, inverseDiagonal: inv, size: n, x)
                }
            }
        }
    }

    /// ``solve(_:)-(UnsafeMutablePointer<Double>)`` told the size (`size`, a constant the caller knows).
    @inlinable @inline(__always)
    public func solve(_ x: UnsafeMutablePointer<Double>, size n: Int) {
        _factors.withUnsafeBufferPointer { a in
            _pivots.withUnsafeBufferPointer { piv in
                _inverseDiagonal.withUnsafeBufferPointer { inv in
                    guard let a = a.baseAddress, let piv = piv.baseAddress, let inv = inv.baseAddress else { return }
                    Self.solve(factors: a, pivots: piv, inverseDiagonal: inv, size: n, x)
                }
            }
        }
    }

    /// The substitutions of ``solve(_:)-(UnsafeMutablePointer<Double>)`` on raw storage (factors row-major n×n,
    /// pivots as in ``pivots``, the reciprocals of U's diagonal).
    @inlinable
    public static func solve(factors a: UnsafePointer<Double>, pivots piv: UnsafePointer<Int>,
                             inverseDiagonal inv: UnsafePointer<Double>, size n: Int, _ x: UnsafeMutablePointer<Double>) {
        for k in 0..<n {
            let p = piv[k]
            if p != k { let t = x[k]; x[k] = x[p]; x[p] = t }
        }
        // Forward substitution with unit L (row pointers; the same operations in the same order).
        for i in 0..<n {
            let row = a + i * n
            var s = x[i]
            for j in 0..<i { s -= row[j] * x[j] }
            x[i] = s
        }
        // Back substitution with U.
        var i = n - 1
        while i >= 0 {
            let row = a + i * n
            var s = x[i]
            var j = i + 1
            while j < n { s -= row[j] * x[j]; j += 1 }
            x[i] = s * inv[i]
            i -= 1
        }
    }

    /// The solution of A·x = b (b unchanged).
    public func solving(_ b: [Double]) -> [Double] {
        var x = b
        solve(&x)
        return x
    }
}
