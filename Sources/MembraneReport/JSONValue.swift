/// A JSON document with ordered object keys, so output reads in a stable, meaningful order.
///
/// Non-finite numbers cannot be represented in JSON; the core never produces them, and
/// ``render(pretty:)`` writes `null` for them rather than invalid JSON.
///
/// Not `indirect`: arrays and objects hold their elements in array storage already, so a value is stored in place
/// (one allocation per array or object, none per number or string).
public enum JSONValue: Sendable, Equatable {
    case number(Double)
    case integer(Int)
    case string(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.render() == b.render() }

    /// Serialises the value; `pretty` indents by two spaces.
    public func render(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func write(into out: inout String, indent: Int?) {
        switch self {
        case .number(let x):
            out += x.isFinite ? JSONValue.format(x) : "null"
        case .integer(let n): out += String(n)
        case .string(let s): out += JSONValue.quote(s)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent.map { $0 + 1 })
                item.write(into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent.map { $0 + 1 })
                out += JSONValue.quote(key) + (indent == nil ? ":" : ": ")
                value.write(into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out += "}"
        }
    }

    private func newline(_ out: inout String, _ indent: Int?) {
        guard let indent else { return }
        out += "\n" + String(repeating: "  ", count: indent)
    }

    /// A number as ``render(pretty:)`` writes it: ``format(_:)``, or `null` when not finite.
    public static func numberText(_ x: Double) -> String { x.isFinite ? format(x) : "null" }

    /// Shortest round-trip decimal form; integral values keep a ".0"-free form when exact and small.
    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Looks a key up in an object (nil for other values).
    public subscript(key: String) -> JSONValue? {
        if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }
}

extension JSONValue {
    /// An optional number: `null` when absent.
    public static func number(_ x: Double?) -> JSONValue { x.map { .number($0) } ?? .null }
}
