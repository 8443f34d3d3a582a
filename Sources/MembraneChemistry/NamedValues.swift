import MembraneUnits

/// Parses `NAME=NUMBER` lists such as permeabilities `"K=1, Na=0.04, Cl=0.45"` or conductances.
public enum NamedValues {
    /// The pairs in order; numbers must be finite and each name may appear once (compared without case:
    /// `K=1,k=2` is refused, not summed nor overwritten). Names are returned as written (trimmed).
    public static func parse(_ text: String, field: String, example: String = "K=1,Na=0.04,Cl=0.45") throws -> [(name: String, value: Double)] {
        let entries = text.split(whereSeparator: { $0 == "," || $0 == ";" })
            .map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !entries.isEmpty else {
            throw MembraneError.invalidValue(field: field, value: text, allowed: "NAME=NUMBER pairs, e.g. \"\(example)\"")
        }
        var seen = Set<String>()
        return try entries.map { entry in
            let parts = entry.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw MembraneError.invalidValue(field: field, value: entry, allowed: "NAME=NUMBER, e.g. \"\(example)\"")
            }
            guard seen.insert(parts[0].lowercased()).inserted else {
                throw MembraneError.invalidValue(field: "\(field).\(parts[0])", value: text,
                                                 allowed: "each name once, e.g. \"\(example)\"")
            }
            let value = try QuantityParser.number(parts[1], field: "\(field).\(parts[0])")
            return (parts[0], value)
        }
    }
}
