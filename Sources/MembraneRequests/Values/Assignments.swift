import Membrane

/// NAME=VALUE pairs as the command line writes them: a solution (`"K=140, Cl=140"`, or a recipe such as
/// `"KCl 140, HEPES 10, pH 7.3 KOH"`), relative permeabilities (`"K=1,Na=0.04"`), conductances, reversal
/// potentials, an impermeant (`"charge=-1.2,concentration=120"`).
///
/// From JSON: that string, or an object whose values are numbers or strings with units —
/// `{"K": 140, "Cl": "10uM"}` stands for `"K=140, Cl=10uM"` (members in the order sent).
public struct Assignments: Sendable, Hashable, Codable, CustomStringConvertible, RequestValueDescription,
                           ExpressibleByStringLiteral, ExpressibleByDictionaryLiteral {
    public var text: String

    public init(_ text: String) { self.text = text }
    public init(stringLiteral value: String) { text = value }
    public init(dictionaryLiteral elements: (String, Scalar)...) { text = Self.written(elements) }

    /// The pairs written as `"A=1, B=2"`.
    public init(pairs: [(String, Scalar)]) { text = Self.written(pairs) }

    static func written(_ pairs: [(String, Scalar)]) -> String {
        pairs.map { "\($0.0)=\($0.1.text)" }.joined(separator: ", ")
    }

    public static let expectation = "NAME=VALUE pairs as a string (\"K=140, Cl=140\") or an object ({\"K\": 140, \"Cl\": \"10uM\"})"

    public init(from decoder: any Decoder) throws {
        if let d = decoder as? JSONInputDecoder {
            switch d.json {
            case .string(let s): text = s
            case .object(let members):
                text = Self.written(try members.map { m in (m.key, try d.child(m.value, PathKey(stringValue: m.key)).decodeValue(Scalar.self)) })
            default: throw d.typeError(Self.expectation)
            }
            return
        }
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) {
            text = s
        } else {
            text = Self.written(try c.decode([String: Scalar].self).sorted { $0.key < $1.key })
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }

    public var description: String { text }

    /// The pairs as numbers (`K=1,Na=0.04`), each name once.
    public func namedValues(field: String, example: String = "K=1,Na=0.04,Cl=0.45") throws -> [(name: String, value: Double)] {
        try NamedValues.parse(text, field: field, example: example)
    }
}

/// A list of names: `"K,Cl"` or, from JSON, `["K", "Cl"]`.
public struct NameList: Sendable, Hashable, Codable, CustomStringConvertible, RequestValueDescription,
                        ExpressibleByStringLiteral, ExpressibleByArrayLiteral {
    public var text: String

    public init(_ text: String) { self.text = text }
    public init(stringLiteral value: String) { text = value }
    public init(arrayLiteral elements: String...) { text = elements.joined(separator: ",") }

    public static let expectation = "names separated by commas (\"K,Cl\") or an array of names ([\"K\", \"Cl\"])"

    public init(from decoder: any Decoder) throws {
        if let d = decoder as? JSONInputDecoder, case .array = d.json {
            text = try d.decodeValue([String].self).joined(separator: ",")
            return
        }
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) { text = s } else { text = try c.decode([String].self).joined(separator: ",") }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }

    public var description: String { text }

    /// The names, trimmed, empty entries dropped.
    public var names: [String] { text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty } }
}
