import MembraneReport

/// The column names of a flattened result: the same object for every result of one shape that a ``Flattener``
/// flattened, so that a sweep stores and lays out each shape once, not once per point.
public final class FlatKeys: Sendable {
    /// The columns, in the order the JSON prints them (a reserved name already written `result.KEY`).
    public let names: [String]
    /// The path of each column (its keys and positions), to recognise the shape without building names.
    let paths: [[String]]

    init(paths: [[String]], reserved: Set<String>) {
        self.paths = paths
        names = paths.map { path in
            // Keys joined with dots (an empty prefix adds none).
            let name = path.reduce("") { $0.isEmpty ? $1 : $0 + "." + $1 }
            return reserved.contains(name) ? "result." + name : name
        }
    }
}

/// A flattened result: its shape (column names) and its values, one per name.
public struct FlatResult: Sendable, Equatable {
    public var keys: FlatKeys
    public var values: [FlatValue]

    public static func == (a: FlatResult, b: FlatResult) -> Bool {
        (a.keys === b.keys || a.keys.names == b.keys.names) && a.values == b.values
    }
}

/// Flattens results by ``Flattening``'s rules, one after another. A result with the columns of the previous one
/// reuses its ``FlatKeys`` (the walk compares paths; it builds no names), so the points of a sweep share their
/// shape. One flattener per thread: it keeps the last shape it saw.
public struct Flattener {
    /// Result keys that name a column of the sweep (`index`, `error`, a varied option): written `result.KEY`.
    let reserved: Set<String>
    private var last: FlatKeys?

    public init(reserved: Set<String>) { self.reserved = reserved }

    public mutating func flatten(_ json: JSONValue) -> FlatResult {
        var walk = Walk(template: last?.paths ?? [])
        walk.values.reserveCapacity(last?.paths.count ?? 16)
        switch json {
        case .object, .array: walk.visit(json)
        default:
            walk.path.append("value")
            walk.visit(json)
        }
        let keys: FlatKeys
        if let last, walk.built == nil, walk.matched == last.paths.count {
            keys = last
        } else {
            keys = FlatKeys(paths: walk.built ?? Array(walk.template[..<walk.matched]), reserved: reserved)
            last = keys
        }
        return FlatResult(keys: keys, values: walk.values)
    }

    /// One walk over a result: values in order; paths compared with the template's until one differs, built from then on.
    private struct Walk {
        let template: [[String]]
        var path: [String] = []
        var values: [FlatValue] = []
        /// Leaves whose path equals the template's, while no path has differed.
        var matched = 0
        /// Every path so far, once one differed from the template (or the template ran out).
        var built: [[String]]?

        init(template: [[String]]) { self.template = template }

        mutating func leaf(_ value: FlatValue) {
            values.append(value)
            if built == nil {
                if matched < template.count && template[matched] == path {
                    matched += 1
                    return
                }
                built = Array(template[..<matched])
            }
            built!.append(path)
        }

        mutating func visit(_ json: JSONValue) {
            switch json {
            case .number(let x): leaf(.number(x))
            case .integer(let n): leaf(.integer(n))
            case .string(let s): leaf(.string(s))
            case .bool(let b): leaf(.bool(b))
            case .null: leaf(.null)
            case .object(let pairs):
                for (key, value) in pairs where !Flattening.volatileKeys.contains(key) {
                    path.append(key)
                    visit(value)
                    path.removeLast()
                }
            case .array(let items):
                if let names = Flattening.elementNames(items) {
                    for (name, item) in zip(names, items) {
                        guard case .object(let pairs) = item else { continue }
                        path.append(name)
                        for (key, value) in pairs where key != "name" && !Flattening.volatileKeys.contains(key) {
                            path.append(key)
                            visit(value)
                            path.removeLast()
                        }
                        path.removeLast()
                    }
                } else {
                    for (i, item) in items.enumerated() {
                        path.append(String(i))
                        visit(item)
                        path.removeLast()
                    }
                }
            }
        }
    }
}
