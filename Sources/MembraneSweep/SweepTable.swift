import Foundation
import Membrane
import MembraneRequests
import Synchronization

/// A CSV table as cells: what `merge` rebuilds from shards and `--plot` draws. Its text is written by the same
/// functions as a sweep's own output (``OutputBytes``, ``SweepLayout``), so the two agree to the byte.
public struct SweepTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]

    /// The table of `records` (in index order) laid out by `layout`.
    init(records: [SweepRecord], varyNames: [String], layout: SweepLayout) {
        header = ["index"] + varyNames + layout.columns + ["error"]
        rows = records.map(layout.cells)
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
        var out: [UInt8] = []
        OutputBytes.appendCSVLine(header, to: &out)
        for chunk in inChunks(rows.count, threads: threads, { range in
            var out: [UInt8] = []
            for row in rows[range] { OutputBytes.appendCSVLine(row, to: &out) }
            return out
        }) { out += chunk }
        return String(decoding: out, as: UTF8.self)
    }
}

/// `body` over contiguous chunks of 0..<count, on up to `threads` threads; the results in chunk order (so the output
/// does not depend on the threads).
func inChunks<T: Sendable>(_ count: Int, threads: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
    let chunk = 512
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
