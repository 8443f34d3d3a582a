import Foundation
import Membrane
import MembraneRequests

/// `membrane sweep` without the command line: a plan, an output format, an optional column selection and shard.
/// ``run(with:progress:)`` computes the points (of the shard) and renders the output.
public struct Sweep: Sendable {
    public var plan: SweepPlan
    public var format: SweepFormat
    /// `--columns`: result keys or prefixes to keep, in this order (nil: every key).
    public var columns: [String]?
    public var shard: ShardSpec?

    public init(plan: SweepPlan, format: SweepFormat = .csv, columns: [String]? = nil, shard: ShardSpec? = nil) {
        self.plan = plan
        self.format = format
        self.columns = columns
        self.shard = shard
    }

    /// Parses `--columns`: names separated by commas.
    public static func columns(_ text: String) throws -> [String] {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else {
            throw MembraneError.invalidValue(field: "columns", value: text, allowed: "result keys or prefixes separated by commas (e.g. potential_mV,nernst_mV)")
        }
        return names
    }

    /// The output column of each varied option: the option as written.
    public var varyNames: [String] { plan.axes.map(\.spec.option) }

    /// Names a result key may not take (it is then prefixed `result.`).
    var reserved: Set<String> { Set(["index", "error"] + varyNames) }

    /// What identifies the sweep in shard files: `merge` joins only shards whose identities are equal.
    public var identity: JSONInput {
        guard case .object(var members) = plan.identity else { return plan.identity }
        members.append(.init("columns", columns.map { .array($0.map { .string($0) }) } ?? .null))
        return .object(members)
    }

    public struct Result: Sendable {
        /// The output: the file's bytes.
        public var text: String
        /// The points computed, in index order (a stopped sweep has fewer than it should).
        public var records: [SweepRecord]
        /// False when the sweep was stopped before every point of it (of its shard) was computed.
        public var complete: Bool
        public var rule: ColumnRule
        let format: SweepFormat
        let varyNames: [String]
        let layout: SweepLayout

        /// Every result key of the points computed (before `--columns` selects).
        public var keys: Set<String> { layout.keys }

        /// The number of points that failed.
        public var failures: Int { records.count(where: { if case .failure = $0.outcome { return true } else { return false } }) }

        /// The CSV table as cells (nil for JSON Lines), for `--plot`.
        public var table: SweepTable? {
            format == .csv ? SweepTable(records: records, varyNames: varyNames, layout: layout) : nil
        }
    }

    /// Runs the points of the sweep (or of its shard; a shard also computes point 0, which fixes the column order) and
    /// renders them. A stopped sweep renders the points it finished.
    public func run(with runner: SweepRunner, progress: ((_ done: Int, _ total: Int) -> Void)? = nil) -> Result {
        let mine = shard?.points(of: plan.count) ?? Array(0..<plan.count)
        let work = mine.first == 0 ? mine : [0] + mine
        let outcomes = runner.run(plan, points: work, reserved: reserved, progress: progress)
        var point0: [String] = []
        if case .success(let flat)? = outcomes.first ?? nil { point0 = flat.keys.names }
        let skip0 = mine.first != 0
        var records: [SweepRecord] = []
        records.reserveCapacity(mine.count)
        for (i, (k, outcome)) in zip(work, outcomes).enumerated() where !(skip0 && i == 0) {
            guard let outcome else { continue }
            records.append(SweepRecord(index: k, values: plan.values(at: k), outcome: outcome))
        }
        let rule = ColumnRule(point0Keys: point0, patterns: columns)
        let complete = records.count == mine.count
        var out: [UInt8] = []
        if let shard {
            OutputBytes.append(ShardMetadata(shard: shard, points: plan.count, complete: complete, format: format,
                                             sweep: identity, point0Keys: point0).line, to: &out)
        }
        let layout = SweepLayout(records: records, rule: rule)
        let done = records
        let chunks: [[UInt8]]
        switch format {
        case .csv:
            OutputBytes.appendCSVLine(["index"] + varyNames + layout.columns + ["error"], to: &out)
            chunks = inChunks(done.count, threads: runner.jobs) { layout.csvRows(done[$0]) }
        case .jsonl:
            let lines = SweepLines(records: done, varyNames: varyNames, rule: rule)
            chunks = inChunks(done.count, threads: runner.jobs) { lines.lines(done[$0]) }
        }
        for chunk in chunks { out += chunk }
        return Result(text: String(decoding: out, as: UTF8.self), records: records, complete: complete, rule: rule,
                      format: format, varyNames: varyNames, layout: layout)
    }
}

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
