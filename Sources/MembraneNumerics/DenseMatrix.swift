/// A dense square or rectangular matrix of `Double`, stored row-major in one flat array.
///
/// Small by design: the systems Membrane solves (a cell's ions, volume and voltage) have tens of
/// unknowns at most, where a dense LU factorisation is both the simplest and the fastest choice.
public struct DenseMatrix: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Entries in row-major order: element (i, j) is `storage[i * columns + j]`.
    public var storage: [Double]

    /// A rows×columns matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be ≥ 0")
        self.rows = rows
        self.columns = columns
        self.storage = [Double](repeating: value, count: rows * columns)
    }

    /// A square matrix of zeros.
    public init(size n: Int) { self.init(rows: n, columns: n) }

    /// A matrix from its rows (all of equal length).
    public init(_ rowArrays: [[Double]]) {
        let r = rowArrays.count, c = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == c }, "rows of unequal length")
        self.rows = r
        self.columns = c
        self.storage = rowArrays.flatMap { $0 }
    }

    /// The n × n identity.
    public static func identity(_ n: Int) -> DenseMatrix {
        var m = DenseMatrix(size: n)
        for i in 0..<n { m.storage[i * n + i] = 1 }
        return m
    }

    /// The element at row `i`, column `j` (row-major storage).
    @inlinable public subscript(i: Int, j: Int) -> Double {
        get { storage[i * columns + j] }
        set { storage[i * columns + j] = newValue }
    }

    /// The product A·x.
    public func multiplied(by x: [Double]) -> [Double] {
        precondition(x.count == columns, "dimension mismatch")
        var y = [Double](repeating: 0, count: rows)
        for i in 0..<rows {
            var s = 0.0
            for j in 0..<columns { s += storage[i * columns + j] * x[j] }
            y[i] = s
        }
        return y
    }
}
