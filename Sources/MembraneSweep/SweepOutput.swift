import Foundation
import Synchronization
import Membrane
import MembraneReport
import MembraneRequests

/// The output formats of `membrane sweep`.
public enum SweepFormat: String, Sendable, CaseIterable {
    /// A header row, then one row per point: `index`, the varied options as written, the result's columns, `error`.
    case csv
    /// One JSON object per point and line, with the same names as the CSV's columns (values typed; `error` is the
    /// error object `{"field", "value", "message"}`, present only for a failed point).
    case jsonl

    public init(_ text: String) throws {
        guard let f = SweepFormat(rawValue: text.lowercased()) else {
            throw MembraneError.invalidValue(field: "format", value: text, allowed: "csv or jsonl")
        }
        self = f
    }
}

/// The order of the result columns, the same for a whole sweep and for every shard of it:
///
/// 1. the keys of point 0's result, in the order its JSON prints them (every shard computes point 0 for this);
/// 2. then every other key any point has, in ``Flattening/naturalOrder(_:_:)``;
/// 3. with `--columns`, only keys equal to a listed name or under it (`state` takes `state.vm_mV` …), grouped in the
///    order listed.
public struct ColumnRule: Sendable, Equatable {
    public var point0Keys: [String]
    public var patterns: [String]?

    public init(point0Keys: [String], patterns: [String]?) {
        self.point0Keys = point0Keys
        self.patterns = patterns
    }

    public func columns(of keys: Set<String>) -> [String] {
        let first = Set(point0Keys)
        let ordered = point0Keys.filter { keys.contains($0) }
            + keys.filter { !first.contains($0) }.sorted(by: Flattening.naturalOrder)
        guard let patterns else { return ordered }
        var taken = Set<String>()
        var out: [String] = []
        for p in patterns {
            for key in ordered where (key == p || key.hasPrefix(p + ".")) && taken.insert(key).inserted { out.append(key) }
        }
        return out
    }

    /// The patterns that select no key (for a warning).
    public func unmatched(by keys: Set<String>) -> [String] {
        (patterns ?? []).filter { p in !keys.contains { $0 == p || $0.hasPrefix(p + ".") } }
    }
}

/// One computed point: its index, its varied values as written, its outcome.
public struct SweepRecord: Sendable, Equatable {
    public var index: Int
    public var values: [String]
    public var outcome: PointOutcome

    public init(index: Int, values: [String], outcome: PointOutcome) {
        self.index = index
        self.values = values
        self.outcome = outcome
    }
}

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

/// The JSON Lines of a sweep: one object per point, standing alone (no header), so shards merge by concatenation in
/// index order.
public enum SweepLines {
    public static func line(_ record: SweepRecord, varyNames: [String], rule: ColumnRule) -> String {
        var members = ["\"index\":\(record.index)"]
        for (name, value) in zip(varyNames, record.values) {
            members.append(quote(name) + ":" + (isJSONNumber(value) ? value : quote(value)))
        }
        switch record.outcome {
        case .success(let flat):
            var byKey: [String: FlatValue] = [:]
            for c in flat { byKey[c.key] = c.value }
            for key in rule.columns(of: Set(byKey.keys)) { members.append(quote(key) + ":" + byKey[key]!.json) }
        case .failure(let field, let value, let message):
            let error = JSONValue.object([("field", .string(field)), ("value", .string(value)), ("message", .string(message))])
            members.append("\"error\":" + error.render(pretty: false))
        }
        return "{" + members.joined(separator: ",") + "}\n"
    }

    static func quote(_ s: String) -> String { JSONValue.string(s).render(pretty: false) }

    /// Whether `text` is a JSON number as written (`-70`, `0.5`, `1e-05`): then it is written as a number.
    static func isJSONNumber(_ text: String) -> Bool {
        var s = Substring(text)
        if s.first == "-" { s = s.dropFirst() }
        let intPart = s.prefix { $0.isASCIIDigit }
        guard !intPart.isEmpty, intPart == "0" || intPart.first != "0" else { return false }
        s = s.dropFirst(intPart.count)
        if s.first == "." {
            let frac = s.dropFirst().prefix { $0.isASCIIDigit }
            guard !frac.isEmpty else { return false }
            s = s.dropFirst(1 + frac.count)
        }
        if s.first == "e" || s.first == "E" {
            s = s.dropFirst()
            if s.first == "+" || s.first == "-" { s = s.dropFirst() }
            let exp = s.prefix { $0.isASCIIDigit }
            guard !exp.isEmpty else { return false }
            s = s.dropFirst(exp.count)
        }
        return s.isEmpty
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
