import MembraneReport

/// The bytes of a sweep's output, appended to a buffer: CSV cells (RFC 4180) and JSON values written exactly as
/// ``SweepTable`` and ``JSONValue`` write them, without building a string per cell.
enum OutputBytes {
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// A CSV cell: quoted when it holds a comma, quote, CR or LF, its quotes doubled.
    static func appendCSV(_ cell: String, to out: inout [UInt8]) {
        let needsQuotes = cell.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        guard needsQuotes else { return append(cell, to: &out) }
        out.append(UInt8(ascii: "\""))
        for byte in cell.utf8 {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A value's CSV cell (``FlatValue/cell``).
    static func appendCSV(_ value: FlatValue, to out: inout [UInt8]) {
        switch value {
        case .number(let x): appendNumber(x, to: &out)
        case .integer(let n): append(String(n), to: &out)
        case .string(let s): appendCSV(s, to: &out)
        case .bool(let b): append(b ? "true" : "false", to: &out)
        case .null: break
        }
    }

    /// A CSV line: the cells separated by commas, then LF.
    static func appendCSVLine(_ cells: [String], to out: inout [UInt8]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendCSV(cell, to: &out)
        }
        out.append(UInt8(ascii: "\n"))
    }

    /// A number as `--json` prints it (``JSONValue/numberText(_:)``).
    static func appendNumber(_ x: Double, to out: inout [UInt8]) { append(JSONValue.numberText(x), to: &out) }

    /// A value as JSON.
    static func appendJSON(_ value: FlatValue, to out: inout [UInt8]) {
        switch value {
        case .number(let x): appendNumber(x, to: &out)
        case .integer(let n): append(String(n), to: &out)
        case .string(let s): appendJSONString(s, to: &out)
        case .bool(let b): append(b ? "true" : "false", to: &out)
        case .null: append("null", to: &out)
        }
    }

    /// A JSON string as ``JSONValue`` quotes it: `"` and `\` escaped, LF, CR and tab as `\n`, `\r`, `\t`, other
    /// control characters as `\u00XX`; everything else as it is.
    static func appendJSONString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(byte)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(byte)
            case UInt8(ascii: "\n"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
