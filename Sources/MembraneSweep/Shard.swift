import Foundation
import Membrane
import MembraneRequests

/// `--shard I/N`: the points k with k mod N = I (round robin, so that shards of a sweep whose cost grows along an
/// axis get equal shares).
public struct ShardSpec: Sendable, Equatable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    public init(_ text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw MembraneError.invalidValue(field: "shard", value: text, allowed: "I/N with integers 0 ≤ I < N (e.g. 0/4 … 3/4)")
        }
        guard n >= 1 else {
            throw MembraneError.invalidValue(field: "shard", value: text, allowed: "a number of shards N ≥ 1")
        }
        guard (0..<n).contains(i) else {
            throw MembraneError.invalidValue(field: "shard", value: text, allowed: "a shard index I from 0 to \(n - 1) (0 ≤ I < N)")
        }
        index = i
        count = n
    }

    /// The points of this shard among `total`, in index order.
    public func points(of total: Int) -> [Int] { Array(stride(from: index, to: total, by: count)) }

    public var description: String { "\(index)/\(count)" }
}

/// The first line of a shard file: which sweep, which shard, how many points, whether the shard finished, and the
/// keys of point 0 (the column order, ``ColumnRule``). CSV shards write it as a comment (`#{"membrane_sweep": …}`),
/// JSON Lines shards as a JSON line (`{"membrane_sweep": …}`). Only shard files carry it: an unsharded sweep and the
/// merge of its shards print the same bytes, without it.
public struct ShardMetadata: Sendable, Equatable {
    public static let version = 1
    public var shard: ShardSpec
    public var points: Int
    /// False when the shard was stopped (Ctrl-C, SIGTERM) before all its points were computed.
    public var complete: Bool
    public var format: SweepFormat
    /// The sweep's identity: command, request, specs as written, `--columns`.
    public var sweep: JSONInput
    public var point0Keys: [String]

    public init(shard: ShardSpec, points: Int, complete: Bool, format: SweepFormat, sweep: JSONInput, point0Keys: [String]) {
        self.shard = shard
        self.points = points
        self.complete = complete
        self.format = format
        self.sweep = sweep
        self.point0Keys = point0Keys
    }

    public var line: String {
        let body = JSONInput.object([
            .init("version", .number(String(Self.version))), .init("format", .string(format.rawValue)),
            .init("shard", .number(String(shard.index))), .init("shards", .number(String(shard.count))),
            .init("points", .number(String(points))), .init("complete", .bool(complete)),
            .init("sweep", sweep), .init("point0_keys", .array(point0Keys.map { .string($0) })),
        ])
        let text = JSONInput.object([.init("membrane_sweep", body)]).compactText
        return (format == .csv ? "#" : "") + text + "\n"
    }

    /// Reads a shard file's first line; nil when it is not one.
    public init?(line: Substring) {
        let text = line.hasPrefix("#") ? line.dropFirst() : line
        guard case .object(let top)? = try? JSONInput.parse(String(text), field: "metadata"),
              case .object(let m)? = top.first(where: { $0.key == "membrane_sweep" })?.value else { return nil }
        func value(_ key: String) -> JSONInput? { m.first { $0.key == key }?.value }
        func int(_ key: String) -> Int? { if case .number(let n)? = value(key) { return Int(n) } else { return nil } }
        guard int("version") == Self.version, let i = int("shard"), let n = int("shards"), let points = int("points"),
              case .bool(let complete)? = value("complete"), case .string(let f)? = value("format"),
              let format = SweepFormat(rawValue: f), let sweep = value("sweep"),
              case .array(let keys)? = value("point0_keys") else { return nil }
        self.shard = ShardSpec(index: i, count: n)
        self.points = points
        self.complete = complete
        self.format = format
        self.sweep = sweep
        self.point0Keys = keys.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
    }
}
