/// A block-diagonal square matrix: `blockCount` blocks of `blockSize` × `blockSize` on the diagonal, zero elsewhere.
///
/// The Jacobian of N independent subsystems of b unknowns each (a population of cells): factoring the iteration
/// matrix costs N small LUs, O(N·b³), instead of one dense O((N·b)³) LU, and finite differences need b evaluations
/// of f instead of N·b (the k-th columns of all blocks share no row, so they are perturbed together: Curtis, Powell &
/// Reid 1974, J. Inst. Math. Appl. 13:117).
public struct BlockDiagonalMatrix: Sendable, Equatable {
    /// The size b of each block.
    public let blockSize: Int
    /// The number N of blocks.
    public let blockCount: Int
    /// Block k, entry (i, j) is `storage[(k·b + i)·b + j]` (blocks one after another, each row-major).
    public var storage: [Double]

    /// A zero matrix of `blockCount` blocks of `blockSize`×`blockSize`.
    public init(blockSize: Int, blockCount: Int) {
        precondition(blockSize >= 0 && blockCount >= 0, "block dimensions must be ≥ 0")
        self.blockSize = blockSize
        self.blockCount = blockCount
        storage = [Double](repeating: 0, count: blockCount * blockSize * blockSize)
    }

    /// Entry (i, j) of the whole matrix (zero off the blocks; setting one there is a programming error).
    public subscript(i: Int, j: Int) -> Double {
        get {
            let b = blockSize
            return i / b == j / b ? storage[i * b + j % b] : 0
        }
        set {
            let b = blockSize
            precondition(i / b == j / b, "(\(i), \(j)) is outside the diagonal blocks")
            storage[i * b + j % b] = newValue
        }
    }
}

extension BlockDiagonalMatrix: JacobianMatrix {
    public var dimension: Int { blockSize * blockCount }

    public mutating func setZero() {
        storage.withUnsafeMutableBufferPointer { s in
            for i in 0..<s.count { s[i] = 0 }
        }
    }

    public func differenceGroups(activeDimension: Int) -> [[Int]] {
        precondition(activeDimension == dimension, "block-diagonal Jacobians have no passive components")
        return (0..<blockSize).map { k in (0..<blockCount).map { $0 * blockSize + k } }
    }

    @inlinable
    public mutating func setColumn(_ j: Int, perturbed: UnsafePointer<Double>, base: UnsafePointer<Double>, step: Double) {
        let b = blockSize, first = (j / b) * b, column = j % b
        storage.withUnsafeMutableBufferPointer { s in
            for i in first..<(first + b) { s[i * b + column] = (perturbed[i] - base[i]) / step }
        }
    }

    public func makeFactorization(activeDimension: Int) -> BlockDiagonalIterationMatrix {
        precondition(activeDimension == dimension, "block-diagonal Jacobians have no passive components")
        return BlockDiagonalIterationMatrix(blockSize: blockSize, blockCount: blockCount)
    }
}

/// E = d·I − s·J of a block-diagonal J, factored block by block (partial-pivoting LU of each,
/// ``LUDecomposition/factor(_:pivots:inverseDiagonal:size:)``).
public struct BlockDiagonalIterationMatrix: IterationMatrixFactorization {
    public typealias Matrix = BlockDiagonalMatrix
    /// The size b of each block.
    public let blockSize: Int
    /// The number N of blocks.
    public let blockCount: Int
    @usableFromInline var factors: [Double]
    @usableFromInline var pivots: [Int]
    @usableFromInline var inverseDiagonal: [Double]
    public private(set) var isSingular = true

    /// A workspace for `blockCount` blocks of `blockSize`×`blockSize`.
    public init(blockSize: Int, blockCount: Int) {
        self.blockSize = blockSize
        self.blockCount = blockCount
        factors = [Double](repeating: 0, count: blockCount * blockSize * blockSize)
        pivots = [Int](repeating: 0, count: blockCount * blockSize)
        inverseDiagonal = [Double](repeating: 0, count: blockCount * blockSize)
    }

    public mutating func factor(_ j: BlockDiagonalMatrix, diagonal d: Double, scale s: Double) {
        let b = blockSize, count = blockCount
        var singular = false
        j.storage.withUnsafeBufferPointer { src in
            factors.withUnsafeMutableBufferPointer { a in
                pivots.withUnsafeMutableBufferPointer { p in
                    inverseDiagonal.withUnsafeMutableBufferPointer { inv in
                        for i in 0..<a.count { a[i] = -s * src[i] }
                        for k in 0..<count {
                            let block = a.baseAddress! + k * b * b
                            for i in 0..<b { block[i * b + i] += d }
                            let r = LUDecomposition.factor(block, pivots: p.baseAddress! + k * b,
                                                           inverseDiagonal: inv.baseAddress! + k * b, size: b)
                            if r.singular { singular = true }
                        }
                    }
                }
            }
        }
        isSingular = singular
    }

    @inlinable
    public func solve(_ x: UnsafeMutablePointer<Double>) {
        let b = blockSize
        factors.withUnsafeBufferPointer { a in
            pivots.withUnsafeBufferPointer { p in
                inverseDiagonal.withUnsafeBufferPointer { inv in
                    guard let a = a.baseAddress, let p = p.baseAddress, let inv = inv.baseAddress else { return }
                    for k in 0..<blockCount {
                        LUDecomposition.solve(factors: a + k * b * b, pivots: p + k * b, inverseDiagonal: inv + k * b,
                                              size: b, x + k * b)
                    }
                }
            }
        }
    }
}
