/// The Jacobian ∂f/∂y of an ``ODESystem`` in the form an integrator fills, shifts and factors.
///
/// A stiff integrator solves with the iteration matrix E = d·I − s·J (Rosenbrock: d = 1/(hγ), s = 1; BDF: d = 1,
/// s = h/αₖ). How J is stored decides what that costs: ``DenseMatrix`` (one n × n LU, the fastest choice for one
/// cell's few unknowns) or ``BlockDiagonalMatrix`` (N independent blocks of size b, N small LUs: N·b³ instead of
/// (N·b)³, for a population of independent cells). A system picks its form with ``ODESystem/Jacobian`` and
/// ``ODESystem/makeJacobian()``; the integrators are generic over it.
public protocol JacobianMatrix: Sendable {
    /// The workspace that factors shifted copies d·I − s·J of this matrix.
    associatedtype Factorization: IterationMatrixFactorization where Factorization.Matrix == Self
    /// n (the matrix is n × n).
    var dimension: Int { get }
    /// Sets every stored entry to zero.
    mutating func setZero()
    /// Groups of the first `activeDimension` columns whose structurally non-zero rows are disjoint: finite
    /// differences perturb a whole group at once (one evaluation of f per group). Dense: one column per group;
    /// block diagonal: the k-th column of every block together, b groups in all.
    func differenceGroups(activeDimension: Int) -> [[Int]]
    /// Sets column j, in the rows its structure holds, to (perturbed − base)/step (forward differences).
    mutating func setColumn(_ j: Int, perturbed: UnsafePointer<Double>, base: UnsafePointer<Double>, step: Double)
    /// A workspace in which shifted copies of this matrix are factored (the leading `activeDimension` components are
    /// active; see ``ODESystem/activeDimension``).
    func makeFactorization(activeDimension: Int) -> Factorization
}

/// A factorisation of the iteration matrix E = d·I − s·J of an integrator, refreshed in place without allocating.
public protocol IterationMatrixFactorization: Sendable {
    /// The matrix type whose shifted copies it factors.
    associatedtype Matrix
    /// Factors E = d·I − s·J. Passive components (zero Jacobian columns) are not factored: their rows are kept,
    /// and ``solve(_:)`` gets them from the active block, x_p = (b_p + s·J_pa·x_a)/d, an exact shortcut (E is block
    /// lower triangular).
    mutating func factor(_ j: Matrix, diagonal d: Double, scale s: Double)
    /// True when a pivot was zero or not finite (then ``solve(_:)`` must not be trusted).
    var isSingular: Bool { get }
    /// Solves E·x = b in place at `x` (all n components).
    func solve(_ x: UnsafeMutablePointer<Double>)
    /// The same, told n (the caller's constant, so that a small system's loops can unroll).
    func solve(_ x: UnsafeMutablePointer<Double>, dimension n: Int)
}

extension IterationMatrixFactorization {
    @inlinable @inline(__always)
    public func solve(_ x: UnsafeMutablePointer<Double>, dimension n: Int) { solve(x) }
}

extension DenseMatrix: JacobianMatrix {
    public var dimension: Int { rows }

    public mutating func setZero() {
        storage.withUnsafeMutableBufferPointer { s in
            for i in 0..<s.count { s[i] = 0 }
        }
    }

    public func differenceGroups(activeDimension: Int) -> [[Int]] { (0..<activeDimension).map { [$0] } }

    @inlinable
    public mutating func setColumn(_ j: Int, perturbed: UnsafePointer<Double>, base: UnsafePointer<Double>, step: Double) {
        let n = rows, columns = self.columns
        storage.withUnsafeMutableBufferPointer { s in
            for i in 0..<n { s[i * columns + j] = (perturbed[i] - base[i]) / step }
        }
    }

    public func makeFactorization(activeDimension: Int) -> DenseIterationMatrix {
        DenseIterationMatrix(dimension: rows, activeDimension: activeDimension)
    }
}

/// The iteration matrix E = d·I − s·J of a dense Jacobian: partial-pivoting LU of the active block
/// (``LUDecomposition``) and the passive rows J_pa.
public struct DenseIterationMatrix: IterationMatrixFactorization {
    public typealias Matrix = DenseMatrix
    /// The LU of the active block E_aa.
    @inlinable public var lu: LUDecomposition { _lu }
    @usableFromInline var _lu: LUDecomposition
    @usableFromInline let n: Int
    @usableFromInline let na: Int
    /// J_pa, (n − na) × na, row-major, and d and s of the last factorisation.
    @usableFromInline var passive: [Double]
    @usableFromInline var diagonal = 1.0
    @usableFromInline var scale = 0.0

    /// A matrix for a system of `n` components whose first `na` are active (the rest passive).
    public init(dimension n: Int, activeDimension na: Int) {
        self.n = n
        self.na = na
        _lu = LUDecomposition(size: na)
        passive = [Double](repeating: 0, count: (n - na) * na)
    }

    @inlinable public var isSingular: Bool { _lu.isSingular }

    @inlinable
    public mutating func factor(_ j: DenseMatrix, diagonal d: Double, scale s: Double) {
        let n = self.n, na = self.na
        j.storage.withUnsafeBufferPointer { src in
            _lu.setFactors { a in
                for r in 0..<na {
                    for c in 0..<na { a[r * na + c] = -s * src[r * n + c] }
                    a[r * na + r] += d
                }
            }
            if na < n {
                passive.withUnsafeMutableBufferPointer { p in
                    for i in na..<n {
                        for k in 0..<na { p[(i - na) * na + k] = src[i * n + k] }
                    }
                }
            }
        }
        _lu.factorInPlace()
        diagonal = d
        scale = s
    }

    @inlinable
    public func solve(_ x: UnsafeMutablePointer<Double>) {
        _lu.solve(x)
        solvePassive(x)
    }

    @inlinable @inline(__always)
    public func solve(_ x: UnsafeMutablePointer<Double>, dimension n: Int) {
        precondition(n == self.n, "the iteration matrix has dimension \(self.n), not \(n)")
        if na == n {
            _lu.solve(x, size: n)
        } else {
            _lu.solve(x)
            solvePassive(x)
        }
    }

    /// The passive rows, x_p = (b_p + s·J_pa·x_a)/d, after the active block is solved.
    @inlinable
    func solvePassive(_ x: UnsafeMutablePointer<Double>) {
        if na == n { return }
        let na = self.na, s = scale, d = diagonal
        passive.withUnsafeBufferPointer { p in
            guard let p = p.baseAddress else { return }
            var row = p
            for i in na..<n {
                var v = 0.0
                for k in 0..<na { v += row[k] * x[k] }
                x[i] = (x[i] + s * v) / d
                row += na
            }
        }
    }
}
