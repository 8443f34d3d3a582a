import MembraneReport
import MembraneRequests

/// The JSON Lines of a sweep: one object per point, standing alone (no header), so shards merge by concatenation in
/// index order.
public enum SweepLines {
    public static func line(_ record: SweepRecord, varyNames: [String], rule: ColumnRule) -> String {
        var members = ["\"index\":\(record.index)"]
        for (name, value) in zip(varyNames, record.values) {
            members.append(quote(name) + ":" + (isJSONNumber(value) ? value : quote(value)))
        }
        switch record.outcome {
        case .success(let flat):
            var byKey: [String: FlatValue] = [:]
            for c in flat { byKey[c.key] = c.value }
            for key in rule.columns(of: Set(byKey.keys)) { members.append(quote(key) + ":" + byKey[key]!.json) }
        case .failure(let field, let value, let message):
            let error = JSONValue.object([("field", .string(field)), ("value", .string(value)), ("message", .string(message))])
            members.append("\"error\":" + error.render(pretty: false))
        }
        return "{" + members.joined(separator: ",") + "}\n"
    }

    static func quote(_ s: String) -> String { JSONValue.string(s).render(pretty: false) }

    /// Whether `text` is a JSON number as written (`-70`, `0.5`, `1e-05`): then it is written as a number.
    static func isJSONNumber(_ text: String) -> Bool {
        var s = Substring(text)
        if s.first == "-" { s = s.dropFirst() }
        let intPart = s.prefix { $0.isASCIIDigit }
        guard !intPart.isEmpty, intPart == "0" || intPart.first != "0" else { return false }
        s = s.dropFirst(intPart.count)
        if s.first == "." {
            let frac = s.dropFirst().prefix { $0.isASCIIDigit }
            guard !frac.isEmpty else { return false }
            s = s.dropFirst(1 + frac.count)
        }
        if s.first == "e" || s.first == "E" {
            s = s.dropFirst()
            if s.first == "+" || s.first == "-" { s = s.dropFirst() }
            let exp = s.prefix { $0.isASCIIDigit }
            guard !exp.isEmpty else { return false }
            s = s.dropFirst(exp.count)
        }
        return s.isEmpty
    }
}
