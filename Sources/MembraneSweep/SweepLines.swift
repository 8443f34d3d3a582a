import MembraneReport
import MembraneRequests

/// The JSON Lines of a sweep: one object per point, standing alone (no header), so shards merge by concatenation in
/// index order. Members: `index`, the varied options (a value that reads as a JSON number is written as one), the
/// result's columns in ``ColumnRule`` order, or `error`: the error object `{"field", "value", "message"}`.
struct SweepLines {
    let varyNames: [String]
    let rule: ColumnRule
    /// Per shape of result: each member's `"key":` and the index of its value, in output order.
    private var members: [ObjectIdentifier: [(key: [UInt8], value: Int)]] = [:]

    init(records: [SweepRecord], varyNames: [String], rule: ColumnRule) {
        self.varyNames = varyNames
        self.rule = rule
        for r in records {
            guard case .success(let flat) = r.outcome, members[ObjectIdentifier(flat.keys)] == nil else { continue }
            let index = Dictionary(flat.keys.names.enumerated().map { ($1, $0) }, uniquingKeysWith: { _, last in last })
            members[ObjectIdentifier(flat.keys)] = rule.columns(of: Set(flat.keys.names)).map { name in
                var key: [UInt8] = []
                OutputBytes.appendJSONString(name, to: &key)
                key.append(UInt8(ascii: ":"))
                return (key, index[name]!)
            }
        }
    }

    func lines(_ records: ArraySlice<SweepRecord>) -> [UInt8] {
        var out: [UInt8] = []
        for r in records {
            OutputBytes.append("{\"index\":", to: &out)
            OutputBytes.append(String(r.index), to: &out)
            for (name, value) in zip(varyNames, r.values) {
                out.append(UInt8(ascii: ","))
                OutputBytes.appendJSONString(name, to: &out)
                out.append(UInt8(ascii: ":"))
                if Self.isJSONNumber(value) { OutputBytes.append(value, to: &out) } else { OutputBytes.appendJSONString(value, to: &out) }
            }
            switch r.outcome {
            case .success(let flat):
                for m in members[ObjectIdentifier(flat.keys)]! {
                    out.append(UInt8(ascii: ","))
                    out += m.key
                    OutputBytes.appendJSON(flat.values[m.value], to: &out)
                }
            case .failure(let field, let value, let message):
                let error = JSONValue.object([("field", .string(field)), ("value", .string(value)), ("message", .string(message))])
                OutputBytes.append(",\"error\":" + error.render(pretty: false), to: &out)
            }
            OutputBytes.append("}\n", to: &out)
        }
        return out
    }

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
