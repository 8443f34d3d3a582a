import Membrane

/// A number as the user gave it: `140`, `"140"`, `"100nM"`, `"310.15K"`, `"-70mV"`, `"none"` where a word is
/// allowed. It is kept as text and parsed when the request runs, by the parsers the command line has always
/// used, so that an error names the field, quotes the value as written and says what is allowed.
///
/// From JSON: a number (kept as written, `1e-4` stays `1e-4`) or a string.
public struct Scalar: Sendable, Hashable, Codable, CustomStringConvertible, RequestValueDescription,
                      ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    public var text: String

    public init(_ text: String) { self.text = text }
    public init(stringLiteral value: String) { text = value }
    public init(integerLiteral value: Int) { text = String(value) }
    public init(floatLiteral value: Double) { text = String(value) }

    public static let expectation = "a number, or a string with a unit (e.g. 140, \"100nM\", \"-70mV\", \"310.15K\")"

    public init(from decoder: any Decoder) throws {
        if let d = decoder as? JSONInputDecoder {
            switch d.json {
            case .number(let n): text = n
            case .string(let s): text = s
            default: throw d.typeError(Self.expectation)
            }
            return
        }
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) { text = s } else { text = String(try c.decode(Double.self)) }
    }

    /// Encoded as a string, so that decoding gives back exactly this text.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }

    public var description: String { text }

    /// A finite decimal number.
    public func number(field: String) throws -> Double { try QuantityParser.number(text, field: field) }

    /// A finite number > 0; otherwise an error quoting the text as written.
    public func positive(field: String, allowed: String = "a finite number > 0") throws -> Double {
        let x = try QuantityParser.number(text, field: field, allowed: allowed)
        guard x > 0 else { throw MembraneError.invalidValue(field: field, value: text, allowed: allowed) }
        return x
    }

    /// A finite number ≥ 0; otherwise an error quoting the text as written.
    public func nonNegative(field: String, allowed: String = "a finite number ≥ 0") throws -> Double {
        let x = try QuantityParser.number(text, field: field, allowed: allowed)
        guard x >= 0 else { throw MembraneError.invalidValue(field: field, value: text, allowed: allowed) }
        return x
    }

    /// A concentration ≥ 0, in mM unless a unit is written.
    public func concentration(field: String) throws -> Concentration { try QuantityParser.concentration(text, field: field) }

    /// A voltage in mV unless a unit is written.
    public func voltage(field: String) throws -> Voltage { try QuantityParser.voltage(text, field: field) }

    /// A temperature in °C, or in kelvin with a K suffix.
    public func temperature(field: String = "temperature") throws -> Temperature { try QuantityParser.temperature(text, field: field) }
}
