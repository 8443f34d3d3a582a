import MembraneUnits

/// The set of species the parser knows, with a case-insensitive name and alias lookup.
///
/// The built-in catalog (``IonCatalog/standard``) holds every ion INTERFACE.md names and
/// the organic species pipette solutions use; each datum cites its source
/// (see `IonCatalog+Inorganic.swift` and `IonCatalog+Organic.swift`).
public struct IonCatalog: Sendable {
    /// All species in catalog order (cations, anions, neutral solutes).
    public let ions: [Ion]
    private let index: [String: Int]

    /// A catalog of `ions`, in that order; a name or alias shared by two species finds the first.
    public init(_ ions: [Ion]) {
        self.ions = ions
        var index: [String: Int] = [:]
        for (i, ion) in ions.enumerated() {
            for key in IonCatalog.lookupKeys(for: ion) where index[key] == nil {
                index[key] = i
            }
        }
        self.index = index
    }

    /// The built-in catalog.
    public static let standard = IonCatalog(inorganicIons + organicIons + estimatedIons + neutralSolutes)

    /// Normalises a name for lookup: lower case, without white space, `^`, `_`, `[`, `]` and `·`.
    static func normalize(_ name: String) -> String {
        if let ascii = normalizeASCII(name) { return ascii }
        return String(name.lowercased().filter { !$0.isWhitespace && !"^_[]·".contains($0) })
    }

    /// ``normalize(_:)`` of an ASCII name, byte by byte (each byte a character but CR LF, which both rules drop), or
    /// nil for other names.
    static func normalizeASCII(_ name: String) -> String? {
        let bytes = name.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var n = 0
            for b in bytes where !(b == 0x20 || (0x09...0x0D).contains(b) || b == UInt8(ascii: "^") || b == UInt8(ascii: "_")
                                   || b == UInt8(ascii: "[") || b == UInt8(ascii: "]")) {
                buffer[n] = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b) ? b + 32 : b
                n += 1
            }
            return n
        }
    }

    /// The keys under which `ion` is found: its name, long name, aliases, and the same with charge
    /// suffixes (`Na+`, `Na1+`, `Ca2+`, `Ca++`, `SO4 2-`, `SO4--`).
    static func lookupKeys(for ion: Ion) -> [String] {
        var bases = [ion.name, ion.longName] + ion.aliases
        if ion.charge != 0 {
            let sign = ion.charge > 0 ? "+" : "-"
            let n = abs(ion.charge)
            var suffixed: [String] = []
            for base in bases {
                suffixed.append(base + sign)
                suffixed.append(base + "\(n)" + sign)
                suffixed.append(base + String(repeating: sign, count: n))
                suffixed.append(base + "(\(n)" + sign + ")")
                suffixed.append(base + "(" + sign + ")")
            }
            bases += suffixed
        }
        return bases.map(normalize)
    }

    /// The species called `name` (any alias, any case), or nil.
    public func ion(named name: String) -> Ion? {
        index[IonCatalog.normalize(name)].map { ions[$0] }
    }

    /// The species called `name`, or an error naming the field and listing the closest known names.
    public func lookup(_ name: String, field: String) throws -> Ion {
        if let ion = ion(named: name) { return ion }
        throw MembraneError.unknownName(field: field, value: name, suggestions: suggestions(for: name))
    }

    /// Up to `limit` canonical names closest to `name` (edit distance on the normalised keys).
    public func suggestions(for name: String, limit: Int = 4) -> [String] {
        let key = IonCatalog.normalize(name)
        guard !key.isEmpty else { return [] }
        var best: [String: Int] = [:]
        for (alias, i) in index {
            let d = alias.hasPrefix(key) || key.hasPrefix(alias) ? 1 : editDistance(key, alias)
            let canonical = ions[i].name
            if d <= max(2, key.count / 3), d < best[canonical, default: Int.max] { best[canonical] = d }
        }
        return best.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(limit).map(\.key)
    }
}
