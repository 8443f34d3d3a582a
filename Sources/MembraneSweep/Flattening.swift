import MembraneReport

/// A leaf of a flattened JSON result: the text `--json` prints for it, and its JSON kind.
public enum FlatValue: Sendable, Equatable {
    /// A number exactly as `--json` prints it (shortest round-trip form: `-70.42073299840355`, `140`, `1e-05`).
    case number(String)
    case string(String)
    case bool(Bool)
    case null

    /// The CSV cell: numbers and strings as they are, `true`/`false`, and nothing for null.
    public var cell: String {
        switch self {
        case .number(let n): return n
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        }
    }

    /// The JSON text.
    public var json: String {
        switch self {
        case .number(let n): return n
        case .string(let s): return JSONValue.string(s).render(pretty: false)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }
}

/// Flattens a command's JSON result into named columns:
///
/// - object members join their keys with dots: `final.vm_mV`, `inside_mM.Na`;
/// - an array whose elements are all objects with distinct string `name`s (without dots) is keyed by name, the
///   `name` member itself being the key: `ions.Na.gamma`; any other array by position from 0: `cells.0.spike_count`,
///   `spike_times_ms.2`;
/// - numbers keep the text `--json` prints; `null` is a column with no value; empty objects and arrays give no
///   column;
/// - run timings (keys named `wall_time_s`) are left out: they differ between identical runs, and a sweep's
///   output must not (`--jobs`, shards).
///
/// A top-level array is flattened like a member's; a top-level scalar is the column `value`.
public enum Flattening {
    /// Keys left out wherever they appear (see above).
    public static let volatileKeys: Set<String> = ["wall_time_s"]

    public static func flatten(_ json: JSONValue) -> [FlatColumn] {
        var out: [FlatColumn] = []
        switch json {
        case .object, .array: walk(json, prefix: "", into: &out)
        default: walk(json, prefix: "value", into: &out)
        }
        return out
    }

    static func walk(_ json: JSONValue, prefix: String, into out: inout [FlatColumn]) {
        func join(_ key: String) -> String { prefix.isEmpty ? key : prefix + "." + key }
        switch json {
        case .number(let x): out.append(FlatColumn(key: prefix, value: .number(JSONValue.number(x).render(pretty: false))))
        case .integer(let n): out.append(FlatColumn(key: prefix, value: .number(String(n))))
        case .string(let s): out.append(FlatColumn(key: prefix, value: .string(s)))
        case .bool(let b): out.append(FlatColumn(key: prefix, value: .bool(b)))
        case .null: out.append(FlatColumn(key: prefix, value: .null))
        case .object(let pairs):
            for (key, value) in pairs where !volatileKeys.contains(key) { walk(value, prefix: join(key), into: &out) }
        case .array(let items):
            if let names = elementNames(items) {
                for (name, item) in zip(names, items) {
                    guard case .object(let pairs) = item else { continue }
                    walk(.object(pairs.filter { $0.0 != "name" }), prefix: join(name), into: &out)
                }
            } else {
                for (i, item) in items.enumerated() { walk(item, prefix: join(String(i)), into: &out) }
            }
        }
    }

    /// The elements' names when every element is an object with a distinct string `name` free of dots.
    static func elementNames(_ items: [JSONValue]) -> [String]? {
        guard !items.isEmpty else { return nil }
        var names: [String] = []
        var seen = Set<String>()
        for item in items {
            guard case .string(let name)? = item["name"], !name.isEmpty, !name.contains("."), seen.insert(name).inserted else {
                return nil
            }
            names.append(name)
        }
        return names
    }

    /// The order of columns that no rule places otherwise: key by key (split at dots), segments of digits by their
    /// value (`spike_times_ms.2` before `spike_times_ms.10`), other segments by their Unicode scalars, a key before
    /// its extensions.
    public static func naturalOrder(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: ".", omittingEmptySubsequences: false)
        let y = b.split(separator: ".", omittingEmptySubsequences: false)
        for (s, t) in zip(x, y) where s != t {
            let sd = !s.isEmpty && s.allSatisfy(\.isASCIIDigit), td = !t.isEmpty && t.allSatisfy(\.isASCIIDigit)
            if sd && td {
                let sv = s.drop { $0 == "0" }, tv = t.drop { $0 == "0" }
                if sv.count != tv.count { return sv.count < tv.count }
                if sv != tv { return sv.unicodeScalars.lexicographicallyPrecedes(tv.unicodeScalars) }
                return s.count < t.count
            }
            if sd != td { return sd }
            return s.unicodeScalars.lexicographicallyPrecedes(t.unicodeScalars)
        }
        return x.count < y.count
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
