import Membrane
import MembraneReport

/// A JSON document as a client sent it (RFC 8259): object members in their order, numbers as their literal
/// text, so that a solution sent as `{"K": 140, "Cl": "10uM"}` keeps its order and an error quotes `1e-4` as
/// written.
public indirect enum JSONInput: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number as written (`-70`, `1e-4`); it always matches JSON's number grammar.
    case number(String)
    case string(String)
    case array([JSONInput])
    case object([Member])

    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONInput
        public init(_ key: String, _ value: JSONInput) {
            self.key = key
            self.value = value
        }
    }

    /// The deepest nesting accepted (a request is a few levels deep; this bounds the parser's recursion).
    public static let maximumDepth = 64

    /// Parses `text`; a syntax error names `field` (the request, or `config` for a configuration file) and
    /// says where and what is wrong.
    public static func parse(_ text: String, field: String) throws -> JSONInput {
        var parser = JSONInputParser(bytes: Array(text.utf8), field: field)
        return try parser.document()
    }

    /// The value as compact JSON, for error messages (numbers as written).
    public var compactText: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return JSONValue.string(s).render(pretty: false)
        case .array(let items): return "[" + items.map(\.compactText).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { JSONValue.string($0.key).render(pretty: false) + ":" + $0.value.compactText }
                .joined(separator: ",") + "}"
        }
    }
}

/// A recursive-descent JSON parser over UTF-8 bytes (standard library only).
struct JSONInputParser {
    let bytes: [UInt8]
    let field: String
    var position = 0
    var depth = 0

    init(bytes: [UInt8], field: String) {
        self.bytes = bytes
        self.field = field
    }

    mutating func document() throws -> JSONInput {
        skipWhitespace()
        let value = try self.value()
        skipWhitespace()
        guard position == bytes.count else { throw error("unexpected text after the JSON value") }
        return value
    }

    mutating func value() throws -> JSONInput {
        guard position < bytes.count else { throw error("unexpected end of input") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("unexpected character")
        }
    }

    mutating func object() throws -> JSONInput {
        try enter()
        defer { depth -= 1 }
        position += 1
        var members: [JSONInput.Member] = []
        skipWhitespace()
        if peek(UInt8(ascii: "}")) { position += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw error("expected a quoted key") }
            let keyStart = position
            let key = try string()
            if members.contains(where: { $0.key == key }) {
                position = keyStart
                throw error("the key \"\(key)\" appears twice")
            }
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw error("expected ':' after a key") }
            position += 1
            skipWhitespace()
            members.append(.init(key, try value()))
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { position += 1; continue }
            if peek(UInt8(ascii: "}")) { position += 1; return .object(members) }
            throw error("expected ',' or '}' in an object")
        }
    }

    mutating func array() throws -> JSONInput {
        try enter()
        defer { depth -= 1 }
        position += 1
        var items: [JSONInput] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) { position += 1; return .array(items) }
        while true {
            skipWhitespace()
            items.append(try value())
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { position += 1; continue }
            if peek(UInt8(ascii: "]")) { position += 1; return .array(items) }
            throw error("expected ',' or ']' in an array")
        }
    }

    mutating func enter() throws {
        depth += 1
        guard depth <= JSONInput.maximumDepth else { throw error("nesting deeper than \(JSONInput.maximumDepth) levels") }
    }

    mutating func string() throws -> String {
        position += 1  // the opening quote
        var scalars = String.UnicodeScalarView()
        var runStart = position
        func flush(_ parser: JSONInputParser, upTo end: Int) {
            scalars.append(contentsOf: String(decoding: parser.bytes[runStart..<end], as: UTF8.self).unicodeScalars)
        }
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                flush(self, upTo: position)
                position += 1
                return String(scalars)
            }
            if b < 0x20 { throw error("a control character inside a string (write it as an escape)") }
            if b != UInt8(ascii: "\\") { position += 1; continue }
            flush(self, upTo: position)
            position += 1
            guard position < bytes.count else { break }
            let e = bytes[position]
            position += 1
            switch e {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"): scalars.append(try unicodeEscape())
            default:
                position -= 2
                throw error("an invalid escape in a string")
            }
            runStart = position
        }
        throw error("a string without its closing quote")
    }

    /// `\uXXXX`, with surrogate pairs joined; a lone surrogate is an error.
    mutating func unicodeEscape() throws -> Unicode.Scalar {
        let high = try hex4()
        if (0xD800..<0xDC00).contains(high) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                throw error("a lone UTF-16 surrogate in a \\u escape")
            }
            position += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw error("a lone UTF-16 surrogate in a \\u escape") }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        }
        guard let scalar = Unicode.Scalar(high) else { throw error("a lone UTF-16 surrogate in a \\u escape") }
        return scalar
    }

    mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count,
              let v = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
            throw error("\\u must be followed by four hexadecimal digits")
        }
        position += 4
        return v
    }

    /// A number per RFC 8259: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    mutating func number() throws -> String {
        let start = position
        func digits(_ p: inout JSONInputParser) -> Int {
            let s = p.position
            while p.position < p.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.bytes[p.position]) { p.position += 1 }
            return p.position - s
        }
        if peek(UInt8(ascii: "-")) { position += 1 }
        if peek(UInt8(ascii: "0")) {
            position += 1
        } else if digits(&self) == 0 {
            throw error("a number needs digits")
        }
        if peek(UInt8(ascii: ".")) {
            position += 1
            guard digits(&self) > 0 else { throw error("a number needs digits after the decimal point") }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            position += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { position += 1 }
            guard digits(&self) > 0 else { throw error("a number needs digits in its exponent") }
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    mutating func literal(_ word: String) throws {
        let w = Array(word.utf8)
        guard position + w.count <= bytes.count, Array(bytes[position..<position + w.count]) == w else {
            throw error("unexpected character (strings need double quotes; NaN and Infinity are not JSON)")
        }
        position += w.count
    }

    func peek(_ b: UInt8) -> Bool { position < bytes.count && bytes[position] == b }

    mutating func skipWhitespace() {
        while position < bytes.count,
              [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t")].contains(bytes[position]) {
            position += 1
        }
    }

    /// A syntax error: the field, a short excerpt from where it happened, the line and column.
    func error(_ problem: String) -> MembraneError {
        let at = min(position, bytes.count)
        var line = 1, column = 1
        for b in bytes[..<at] where b & 0xC0 != 0x80 {
            if b == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        let excerpt = String(decoding: bytes[at..<min(bytes.count, at + 24)], as: UTF8.self)
        return MembraneError.invalidValue(field: field, value: excerpt,
                                          allowed: "valid JSON (\(problem) at line \(line), column \(column))")
    }
}
