import Foundation
import Membrane
import MembraneReport
import MembraneRequests

/// `membrane merge`: the shards of one sweep joined into the output an unsharded run prints, byte for byte.
///
/// Refused, with the files named: a file without the shard line of `--shard`; shards of different sweeps (command,
/// request, specs, `--columns`, format, number of shards or points); a shard given twice; a missing shard; a shard that
/// was stopped before it finished, or whose rows are not exactly its points.
public enum SweepMerge {
    public struct Merged: Sendable {
        public var text: String
        public var metadata: ShardMetadata
        /// The CSV table (nil for JSON Lines).
        public var table: SweepTable?
        /// The specs of the sweep, as written.
        public var vary: [VarySpec]
        /// The swept command.
        public var command: String {
            guard case .object(let m) = metadata.sweep, case .string(let c)? = m.first(where: { $0.key == "command" })?.value else { return "" }
            return c
        }
    }

    static func refuse(_ what: String, _ allowed: String) -> MembraneError {
        MembraneError.invalidValue(field: "files", value: what, allowed: allowed)
    }

    /// Merges the shard files given as (path, content).
    public static func merge(_ files: [(path: String, text: String)]) throws -> Merged {
        guard !files.isEmpty else { throw refuse("", "the shard files of one sweep (membrane sweep --shard I/N --output FILE)") }
        var shards: [(path: String, metadata: ShardMetadata, body: Substring)] = []
        for (path, text) in files {
            let newline = text.firstIndex(of: "\n") ?? text.endIndex
            guard let metadata = ShardMetadata(line: text[..<newline]) else {
                throw refuse(path, "a shard file written by membrane sweep --shard I/N (its first line is {\"membrane_sweep\": …})")
            }
            shards.append((path, metadata, text[newline...].dropFirst()))
        }
        let reference = shards[0]
        let n = reference.metadata.shard.count
        for s in shards.dropFirst() {
            let a = reference.metadata, b = s.metadata
            var differences: [String] = []
            if a.sweep != b.sweep { differences.append(sweepDifference(a.sweep, b.sweep)) }
            if a.shard.count != b.shard.count { differences.append("shards: \(a.shard.count) and \(b.shard.count)") }
            if a.points != b.points { differences.append("points: \(a.points) and \(b.points)") }
            if a.format != b.format { differences.append("format: \(a.format.rawValue) and \(b.format.rawValue)") }
            if differences.isEmpty && a.point0Keys != b.point0Keys { differences.append("the result of point 0") }
            guard differences.isEmpty else {
                throw refuse(s.path, "shards of one sweep; \(s.path) and \(reference.path) differ in \(differences.joined(separator: "; "))")
            }
        }
        var byIndex: [Int: Int] = [:]
        for (i, s) in shards.enumerated() {
            if let j = byIndex[s.metadata.shard.index] {
                throw refuse(s.path, "each shard once; \(shards[j].path) and \(s.path) are both shard \(s.metadata.shard)")
            }
            byIndex[s.metadata.shard.index] = i
        }
        let missing = (0..<n).filter { byIndex[$0] == nil }
        guard missing.isEmpty else {
            throw refuse(shards.map(\.path).joined(separator: " "),
                         "all \(n) shards of the sweep (0/\(n) … \(n - 1)/\(n)); missing: " + missing.map { "\($0)/\(n)" }.joined(separator: ", "))
        }
        for s in shards where !s.metadata.complete {
            throw refuse(s.path, "complete shards; shard \(s.metadata.shard) was stopped before all its points were computed: run it again")
        }
        let metadata = reference.metadata
        let vary = try varySpecs(metadata.sweep)
        let ordered = (0..<n).map { shards[byIndex[$0]!] }
        switch metadata.format {
        case .csv:
            let table = try mergeCSV(ordered, vary: vary.map(\.option), metadata: metadata)
            return Merged(text: table.csv, metadata: metadata, table: table, vary: vary)
        case .jsonl:
            return Merged(text: try mergeLines(ordered, total: metadata.points), metadata: metadata, table: nil, vary: vary)
        }
    }

    static func sweepDifference(_ a: JSONInput, _ b: JSONInput) -> String {
        guard case .object(let x) = a, case .object(let y) = b else { return "the sweep" }
        let keys = x.map(\.key).filter { k in x.first { $0.key == k }?.value != y.first { $0.key == k }?.value }
        return keys.isEmpty ? "the sweep" : keys.joined(separator: ", ")
    }

    static func varySpecs(_ sweep: JSONInput) throws -> [VarySpec] {
        guard case .object(let m) = sweep, case .array(let items)? = m.first(where: { $0.key == "vary" })?.value else { return [] }
        return try items.compactMap { if case .string(let s) = $0 { return try VarySpec(s) } else { return nil } }
    }

    /// Checks that a shard holds exactly its points.
    static func checkRows(_ indices: [Int], of s: (path: String, metadata: ShardMetadata, body: Substring)) throws {
        let expected = s.metadata.shard.points(of: s.metadata.points)
        guard indices != expected else { return }
        let have = Set(indices), want = Set(expected)
        let lacking = expected.filter { !have.contains($0) }, extra = Set(indices.filter { !want.contains($0) }).sorted()
        var what: [String] = []
        if !lacking.isEmpty { what.append("lacks point\(lacking.count > 1 ? "s" : "") " + list(lacking)) }
        if !extra.isEmpty { what.append("has point\(extra.count > 1 ? "s" : "") " + list(extra) + " of other shards") }
        if what.isEmpty { what.append("has points repeated or out of order") }
        throw refuse(s.path, "the rows of shard \(s.metadata.shard) (points k with k mod \(s.metadata.shard.count) = \(s.metadata.shard.index)); it \(what.joined(separator: " and "))")
    }

    static func list(_ xs: [Int]) -> String {
        xs.prefix(8).map(String.init).joined(separator: ", ") + (xs.count > 8 ? " … (\(xs.count) in all)" : "")
    }

    static func mergeCSV(_ shards: [(path: String, metadata: ShardMetadata, body: Substring)], vary: [String],
                         metadata: ShardMetadata) throws -> SweepTable {
        var keys = Set(metadata.point0Keys)
        var parsed: [(header: [String], rows: [[String]])] = []
        for s in shards {
            let rows = CSV.parse(String(s.body))
            guard let header = rows.first, header.count >= vary.count + 2, header.first == "index", header.last == "error",
                  Array(header[1...vary.count]) == vary else {
                throw refuse(s.path, "a CSV shard whose header is index, \(vary.joined(separator: ", ")), the result's columns, error")
            }
            let body = Array(rows.dropFirst())
            guard body.allSatisfy({ $0.count == header.count }) else {
                throw refuse(s.path, "a CSV shard with as many cells in each row as in its header")
            }
            try checkRows(body.map { Int($0[0]) ?? -1 }, of: s)
            for k in header[(vary.count + 1)..<(header.count - 1)] { keys.insert(k) }
            parsed.append((header, body))
        }
        let rule = ColumnRule(point0Keys: metadata.point0Keys, patterns: patterns(metadata.sweep))
        let header = ["index"] + vary + rule.columns(of: keys) + ["error"]
        var rows: [(Int, [String])] = []
        for p in parsed {
            var position: [String: Int] = [:]
            for (i, name) in p.header.enumerated() { position[name] = i }
            for row in p.rows { rows.append((Int(row[0])!, header.map { position[$0].map { row[$0] } ?? "" })) }
        }
        rows.sort { $0.0 < $1.0 }
        return SweepTable(header: header, rows: rows.map(\.1))
    }

    static func patterns(_ sweep: JSONInput) -> [String]? {
        guard case .object(let m) = sweep, case .array(let items)? = m.first(where: { $0.key == "columns" })?.value else { return nil }
        return items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
    }

    static func mergeLines(_ shards: [(path: String, metadata: ShardMetadata, body: Substring)], total: Int) throws -> String {
        var lines: [(Int, Substring)] = []
        for s in shards {
            var indices: [Int] = []
            for line in s.body.split(separator: "\n") {
                guard case .object(let m)? = try? JSONInput.parse(String(line), field: "line"),
                      case .number(let n)? = m.first?.value, m.first?.key == "index", let k = Int(n) else {
                    throw refuse(s.path, "JSON Lines whose objects begin with \"index\"")
                }
                indices.append(k)
                lines.append((k, line))
            }
            try checkRows(indices, of: s)
        }
        lines.sort { $0.0 < $1.0 }
        return lines.map { $0.1 + "\n" }.joined()
    }
}
