/// Values that runs differing only in some fields may compute once: the points of a sweep share one per thread.
///
/// Two kinds, each exactly what a run would compute by itself:
/// - the result of a pure function of its inputs (reading a solution's text), kept by its key — the function's name
///   and inputs — for as long as it is among the latest ``capacity`` results;
/// - a value a run names and says which fields it does not depend on: kept only when every field that differs between
///   the runs (``varied``) is one of those, computed afresh otherwise.
///
/// One memo belongs to one thread (a class, not `Sendable`): nothing is shared between threads, so nothing waits on
/// a lock.
public final class RunMemo {
    /// The coding keys whose values differ between the runs that share this memo.
    public let varied: Set<String>
    private var values: [String: Any] = [:]
    /// The latest results of pure functions, oldest first: the inputs of a sweep's points repeat from point to
    /// point (all but the varied ones), so a few suffice, and comparing a few keys costs less than hashing one.
    private var results: [(key: [String], value: AnyObject)] = []
    /// The most results of pure functions kept.
    public static let capacity = 16

    /// A kept result.
    private final class Box<T> {
        let value: T
        init(_ value: T) { self.value = value }
    }

    public init(varied: Set<String>) { self.varied = varied }

    /// The result of a pure function of `key` (the function's name and inputs: the same key always gives the same
    /// value, whatever the run), kept from a recent run when there was one.
    public func value<T>(of key: [String], _ compute: () throws -> T) rethrows -> T {
        for r in results.reversed() where r.key == key {
            if let box = r.value as? Box<T> { return box.value }
        }
        let value = try compute()
        if results.count == Self.capacity { results.removeFirst() }
        results.append((key, Box(value)))
        return value
    }

    /// The value `name`: kept from an earlier run when it depends on none of the varied fields (`varied` ⊆
    /// `independentOf`), else computed now (and not kept).
    public func value<T>(_ name: String, independentOf fields: Set<String>, _ compute: () throws -> T) rethrows -> T {
        guard varied.isSubset(of: fields) else { return try compute() }
        if let kept = values[name] { return kept as! T }
        let value = try compute()
        values[name] = value
        return value
    }
}

extension RequestContext {
    /// The value `name` through ``memo`` (when the caller gave one), else computed now.
    func value<T>(_ name: String, independentOf fields: Set<String>, _ compute: () throws -> T) rethrows -> T {
        guard let memo else { return try compute() }
        return try memo.value(name, independentOf: fields, compute)
    }

    /// The result of a pure function of `key` through ``memo`` (when the caller gave one), else computed now.
    func value<T>(of key: [String], _ compute: () throws -> T) rethrows -> T {
        guard let memo else { return try compute() }
        return try memo.value(of: key, compute)
    }
}
