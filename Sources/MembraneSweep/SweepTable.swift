import Foundation
import Membrane
import MembraneRequests
import Synchronization

/// A CSV table as cells: what an unsharded sweep prints and what `merge` rebuilds from shards, written by one
/// function so that the two agree to the byte.
public struct SweepTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]

    /// Builds the table of `records` (in index order) with the result columns that `rule` orders among `keys`
    /// (the union of the records' keys and point 0's).
    public init(records: [SweepRecord], varyNames: [String], rule: ColumnRule, threads: Int = 1) {
        var keys = Set(rule.point0Keys)
        for r in records { if case .success(let columns) = r.outcome { for c in columns { keys.insert(c.key) } } }
        let columns = rule.columns(of: keys)
        header = ["index"] + varyNames + columns + ["error"]
        let first = 1 + varyNames.count
        let position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, first + $0) })
        let width = columns.count + 1
        rows = inChunks(records.count, threads: threads) { range in
            records[range].map { r in
                var cells = [String(r.index)] + r.values + Array(repeating: "", count: width)
                switch r.outcome {
                case .success(let flat):
                    for c in flat { if let i = position[c.key] { cells[i] = c.value.cell } }
                case .failure(_, _, let message):
                    cells[cells.count - 1] = ErrorDocument.commandLineMessage(message)
                }
                return cells
            }
        }.flatMap { $0 }
    }

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// RFC 4180 with `\n` line ends: a cell holding a comma, quote, CR or LF is quoted, its quotes doubled.
    public var csv: String { csv(threads: 1) }

    /// The CSV, rendered on up to `threads` threads (the text does not depend on them).
    public func csv(threads: Int) -> String {
        let rows = self.rows
        return Self.line(header) + inChunks(rows.count, threads: threads) { range in
            var out = ""
            for row in rows[range] { out += Self.line(row) }
            return out
        }.joined()
    }

    static func line(_ cells: [String]) -> String {
        var out = ""
        for (i, c) in cells.enumerated() {
            if i > 0 { out += "," }
            if c.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
                out += "\"" + c.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            } else {
                out += c
            }
        }
        return out + "\n"
    }
}

/// `body` over contiguous chunks of 0..<count, on up to `threads` threads; the results in chunk order (so the output
/// does not depend on the threads).
func inChunks<T: Sendable>(_ count: Int, threads: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
    let chunk = 2048
    let n = (count + chunk - 1) / chunk
    guard n > 1, threads > 1 else { return [body(0..<count)] }
    let results = Mutex<[T?]>(Array(repeating: nil, count: n))
    let workers = min(threads, n)
    DispatchQueue.concurrentPerform(iterations: workers) { w in
        for i in stride(from: w, to: n, by: workers) {
            let value = body(i * chunk..<min(count, (i + 1) * chunk))
            results.withLock { $0[i] = value }
        }
    }
    return results.withLock { $0.map { $0! } }
}
