import Foundation

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
