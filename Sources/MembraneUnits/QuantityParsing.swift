/// Parsing of quantities written by people: "140", "140mM", "100 nM", "37", "310.15K", "-70mV".
///
/// Units live at the edge: the command line and the server call these functions, which
/// name the field in every error. Only the standard library is used (no Foundation).
public enum QuantityParser {
    /// Parses a finite decimal number (`1e-4`, `-70`, `0.5`). Rejects NaN, infinities,
    /// hexadecimal floats and trailing garbage.
    public static func number(_ text: String, field: String, allowed: String = "a finite decimal number") throws -> Double {
        let trimmed = text.trimmingWhitespace()
        // Every character one of these ASCII ones: the same as asking of each byte.
        let isDecimal = !trimmed.isEmpty && trimmed.utf8.allSatisfy { b in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "e")
                || b == UInt8(ascii: "E") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
        }
        guard isDecimal, let x = Double(trimmed), x.isFinite else {
            throw MembraneError.invalidValue(field: field, value: text, allowed: allowed)
        }
        return x
    }

    /// Splits "140mM" into ("140", "mM"): the longest numeric prefix and the rest, trimmed.
    static func splitUnit(_ text: String) -> (number: String, unit: String) {
        let trimmed = text.trimmingWhitespace()
        if let end = asciiNumericPrefix(trimmed) {
            return (String(trimmed[..<end]), end == trimmed.endIndex ? "" : String(trimmed[end...]).trimmingWhitespace())
        }
        var end = trimmed.startIndex
        var previous: Character? = nil
        for index in trimmed.indices {
            let c = trimmed[index]
            let numeric = c.isNumber && c.isASCII || c == "." || c == "+" || c == "-"
                || ((c == "e" || c == "E") && previous.map { $0.isNumber || $0 == "." } == true
                    && trimmed.index(after: index) < trimmed.endIndex
                    && "0123456789+-".contains(trimmed[trimmed.index(after: index)]))
            if !numeric { break }
            previous = c
            end = trimmed.index(after: index)
        }
        return (String(trimmed[..<end]), String(trimmed[end...]).trimmingWhitespace())
    }

    /// The end of ``splitUnit(_:)``'s numeric prefix, read byte by byte, when the prefix is ASCII and ends at the end
    /// of the text or at an ASCII character: then each byte is a character, and the bytes give the characters' answer.
    /// Nil (read by characters) when the prefix ends at a non-ASCII byte, which may belong to the character before it.
    static func asciiNumericPrefix(_ text: String) -> String.Index? {
        let bytes = text.utf8
        func isDigit(_ b: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) }
        var i = bytes.startIndex
        var previous: UInt8? = nil
        while i < bytes.endIndex {
            let b = bytes[i]
            guard b < 0x80 else { return nil }
            var numeric = isDigit(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
            if !numeric, b == UInt8(ascii: "e") || b == UInt8(ascii: "E"), let p = previous, isDigit(p) || p == UInt8(ascii: ".") {
                let next = bytes.index(after: i)
                if next < bytes.endIndex {
                    let n = bytes[next]
                    numeric = isDigit(n) || n == UInt8(ascii: "+") || n == UInt8(ascii: "-")
                }
            }
            if !numeric { break }
            previous = b
            i = bytes.index(after: i)
        }
        return i
    }

    /// The units a concentration may be written in, with their factor to mM.
    public static let concentrationUnits: [(String, Double)] = [
        ("mM", 1), ("mm", 1), ("mmol/l", 1), ("uM", 1e-3), ("µM", 1e-3), ("μM", 1e-3), ("um", 1e-3),
        ("nM", 1e-6), ("nm", 1e-6), ("pM", 1e-9), ("M", 1e3), ("mol/l", 1e3),
    ]

    /// Parses a concentration in 0…``Domain/maximumMillimolar``; a bare number is in mM.
    public static func concentration(_ text: String, field: String) throws -> Concentration {
        let allowed = Domain.concentrationDescription
        let (numberText, unit) = splitUnit(text)
        guard let value = try? number(numberText, field: field, allowed: allowed) else {
            throw MembraneError.invalidValue(field: field, value: text, allowed: allowed)
        }
        let factor: Double
        if unit.isEmpty {
            factor = 1
        } else if let match = concentrationUnits.first(where: { $0.0 == unit })
                    ?? concentrationUnits.first(where: { $0.0.lowercased() == unit.lowercased() && unit != "M" && unit != "m" }) {
            factor = match.1
        } else {
            throw MembraneError.invalidValue(field: field, value: text, allowed: allowed)
        }
        let millimolar = value * factor
        guard value >= 0, millimolar <= Domain.maximumMillimolar else {
            throw MembraneError.invalidValue(field: field, value: text, allowed: allowed)
        }
        return .millimolar(millimolar)
    }

    /// Parses a temperature: °C by default (`37`, `37C`, `37°C`), kelvin with a `K` suffix (`310.15K`).
    public static func temperature(_ text: String, field: String = "temperature") throws -> Temperature {
        let allowed = "a temperature in °C (e.g. 37) or in kelvin with a K suffix (e.g. 310.15K): " + Domain.celsiusDescription
        let (numberText, unit) = splitUnit(text)
        let value = try number(numberText, field: field, allowed: allowed)
        do {
            switch unit {
            case "", "C", "c", "°C", "degC", "celsius": return try .celsius(value)
            case "K", "k", "kelvin": return try .kelvin(value)
            default: throw MembraneError.invalidValue(field: field, value: text, allowed: allowed)
            }
        } catch MembraneError.invalidValue {
            throw MembraneError.invalidValue(field: field, value: text, allowed: allowed)
        }
    }

    /// Parses a voltage: mV by default (`-70`, `-70mV`), volts with a `V` suffix.
    public static func voltage(_ text: String, field: String) throws -> Voltage {
        let allowed = "a finite voltage in mV (e.g. -70) or with a unit (mV, V)"
        let (numberText, unit) = splitUnit(text)
        guard let value = try? number(numberText, field: field, allowed: allowed) else {
            throw MembraneError.invalidValue(field: field, value: text, allowed: allowed)
        }
        switch unit {
        case "", "mV", "mv": return .millivolts(value)
        case "V", "v": return .volts(value)
        default: throw MembraneError.invalidValue(field: field, value: text, allowed: allowed)
        }
    }
}

extension String {
    /// The string without leading and trailing white space (standard library only).
    public func trimmingWhitespace() -> String {
        // ASCII ends: trim ASCII white space bytes. Where the trimming stops at an ASCII byte, the bytes trimmed were
        // whole characters (two ASCII bytes are one character only as CR LF, both white space), so the result is the
        // characters' one; where it stops at a non-ASCII byte, the characters decide.
        let bytes = utf8
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { start = bytes.index(after: start) }
        while end > start, isSpace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        if start == end { return start == bytes.startIndex ? self : "" }
        if bytes[start] < 0x80 && bytes[bytes.index(before: end)] < 0x80 {
            return start == bytes.startIndex && end == bytes.endIndex ? self : String(self[start..<end])
        }
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
