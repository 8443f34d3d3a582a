import MembraneReport

/// A leaf of a flattened JSON result, as `--json` holds it.
public enum FlatValue: Sendable, Equatable {
    /// A number; printed as `--json` prints it (``JSONValue``: shortest round-trip form, `-70.42073299840355`, `140`,
    /// `1e-05`; `null` if not finite).
    case number(Double)
    case integer(Int)
    case string(String)
    case bool(Bool)
    case null

    /// The CSV cell: numbers as `--json` prints them, strings as they are, `true`/`false`, and nothing for null.
    public var cell: String {
        switch self {
        case .number, .integer: return json
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        }
    }

    /// The JSON text.
    public var json: String {
        var bytes: [UInt8] = []
        OutputBytes.appendJSON(self, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Flattens a command's JSON result into named columns:
///
/// - object members join their keys with dots: `final.vm_mV`, `inside_mM.Na`;
/// - an array whose elements are all objects with distinct string `name`s (without dots) is keyed by name, the
///   `name` member itself being the key: `ions.Na.gamma`; any other array by position from 0: `cells.0.spike_count`,
///   `spike_times_ms.2`;
/// - numbers keep the value `--json` prints; `null` is a column with no value; empty objects and arrays give no
///   column;
/// - run timings (keys named `wall_time_s`) are left out: they differ between identical runs, and a sweep's
///   output must not (`--jobs`, shards).
///
/// A top-level array is flattened like a member's; a top-level scalar is the column `value`. ``Flattener`` walks
/// the results of a sweep; ``flatten(_:)`` is one result's columns.
public enum Flattening {
    /// Keys left out wherever they appear (see above).
    public static let volatileKeys = ["wall_time_s"]

    static func isVolatile(_ key: String) -> Bool { volatileKeys.contains(key) }

    /// The columns of one result, in the order its JSON prints them.
    public static func flatten(_ json: JSONValue) -> [FlatColumn] {
        var flattener = Flattener(reserved: [])
        let result = flattener.flatten(json)
        return zip(result.keys.names, result.values).map { FlatColumn(key: $0, value: $1) }
    }

    /// The elements' names when every element is an object with a distinct string `name` free of dots.
    static func elementNames(_ items: [JSONValue]) -> [String]? {
        guard !items.isEmpty else { return nil }
        var names: [String] = []
        names.reserveCapacity(items.count)
        for item in items {
            guard case .string(let name)? = item["name"], !name.isEmpty, !name.utf8.contains(UInt8(ascii: ".")) else { return nil }
            names.append(name)
        }
        // Distinct: pairwise for the short lists results hold (ions, cells), a set beyond.
        if names.count <= 16 {
            for i in names.indices { for j in names.indices[..<i] where names[i] == names[j] { return nil } }
        } else if Set(names).count != names.count {
            return nil
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

/// One column of a flattened result.
public struct FlatColumn: Sendable, Equatable {
    public var key: String
    public var value: FlatValue
    public init(key: String, value: FlatValue) {
        self.key = key
        self.value = value
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
