import MembraneReport

/// The column names of a flattened result: the same object for every result of one shape that a ``Flattener``
/// flattened, so that a sweep stores and lays out each shape once, not once per point.
public final class FlatKeys: Sendable {
    /// The columns, in the order the JSON prints them (a reserved name already written `result.KEY`).
    public let names: [String]
    /// The walk that gave them (keys entered and left, leaves), to recognise the shape without building names.
    let steps: [FlatStep]

    init(steps: [FlatStep], reserved: Set<String>) {
        self.steps = steps
        var path: [String] = []
        var names: [String] = []
        for step in steps {
            switch step {
            case .enter(let key): path.append(key)
            case .exit: path.removeLast()
            case .leaf:
                // Keys joined with dots (an empty prefix adds none).
                let name = path.reduce("") { $0.isEmpty ? $1 : $0 + "." + $1 }
                names.append(reserved.contains(name) ? "result." + name : name)
            }
        }
        self.names = names
    }
}

/// One step of a walk over a result: into a key (or position), a value, out again.
enum FlatStep: Sendable, Equatable {
    case enter(String)
    case leaf
    case exit
}

/// A flattened result: its shape (column names) and its values, one per name.
public struct FlatResult: Sendable, Equatable {
    public var keys: FlatKeys
    public var values: [FlatValue]

    public static func == (a: FlatResult, b: FlatResult) -> Bool {
        (a.keys === b.keys || a.keys.names == b.keys.names) && a.values == b.values
    }
}

/// Flattens results by ``Flattening``'s rules, one after another. A result walked in the same steps as the previous
/// one reuses its ``FlatKeys`` (the walk compares steps; it builds no names), so the points of a sweep share their
/// shape. One flattener per thread: it keeps the last shape it saw.
public struct Flattener {
    /// Result keys that name a column of the sweep (`index`, `error`, a varied option): written `result.KEY`.
    let reserved: Set<String>
    private var last: FlatKeys?

    public init(reserved: Set<String>) { self.reserved = reserved }

    public mutating func flatten(_ json: JSONValue) -> FlatResult {
        var walk = Walk(template: last?.steps ?? [])
        walk.values.reserveCapacity(last?.names.count ?? 16)
        switch json {
        case .object, .array: walk.visit(json)
        default:
            walk.step(.enter("value"))
            walk.visit(json)
            walk.step(.exit)
        }
        if let last, walk.steps == nil, walk.cursor == last.steps.count {
            return FlatResult(keys: last, values: walk.values)
        }
        let keys = FlatKeys(steps: walk.steps ?? Array(walk.template[..<walk.cursor]), reserved: reserved)
        last = keys
        return FlatResult(keys: keys, values: walk.values)
    }

    /// One walk over a result: the values in order; the steps compared with the template's until one differs, and
    /// kept from then on.
    private struct Walk {
        let template: [FlatStep]
        var cursor = 0
        /// Every step so far, once one differed from the template's (or the template ran out).
        var steps: [FlatStep]?
        var values: [FlatValue] = []

        init(template: [FlatStep]) { self.template = template }

        mutating func step(_ s: FlatStep) {
            if steps == nil {
                if cursor < template.count && template[cursor] == s {
                    cursor += 1
                    return
                }
                steps = Array(template[..<cursor])
            }
            steps!.append(s)
        }

        mutating func leaf(_ value: FlatValue) {
            values.append(value)
            step(.leaf)
        }

        mutating func member(_ key: String, _ value: JSONValue) {
            step(.enter(key))
            visit(value)
            step(.exit)
        }

        mutating func visit(_ json: JSONValue) {
            switch json {
            case .number(let x): leaf(.number(x))
            case .integer(let n): leaf(.integer(n))
            case .string(let s): leaf(.string(s))
            case .bool(let b): leaf(.bool(b))
            case .null: leaf(.null)
            case .object(let pairs):
                for (key, value) in pairs where !Flattening.isVolatile(key) { member(key, value) }
            case .array(let items):
                if let names = Flattening.elementNames(items) {
                    for (name, item) in zip(names, items) {
                        guard case .object(let pairs) = item else { continue }
                        step(.enter(name))
                        for (key, value) in pairs where key != "name" && !Flattening.isVolatile(key) { member(key, value) }
                        step(.exit)
                    }
                } else {
                    for (i, item) in items.enumerated() { member(String(i), item) }
                }
            }
        }
    }
}
