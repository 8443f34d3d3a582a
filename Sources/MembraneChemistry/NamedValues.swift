import MembraneUnits

/// Parses `NAME=NUMBER` lists such as permeabilities `"K=1, Na=0.04, Cl=0.45"` or conductances.
public enum NamedValues {
    /// The pairs in order; numbers must be finite and each name may appear once (compared without case:
    /// `K=1,k=2` is refused, not summed nor overwritten). Names are returned as written (trimmed).
    public static func parse(_ text: String, field: String, example: String = "K=1,Na=0.04,Cl=0.45") throws -> [(name: String, value: Double)] {
        let entries = split(text)
        guard !entries.isEmpty else {
            throw MembraneError.invalidValue(field: field, value: text, allowed: "NAME=NUMBER pairs, e.g. \"\(example)\"")
        }
        var seen: [String] = []
        seen.reserveCapacity(entries.count)
        return try entries.map { entry in
            let parts = pair(entry)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw MembraneError.invalidValue(field: field, value: entry, allowed: "NAME=NUMBER, e.g. \"\(example)\"")
            }
            let key = parts[0].lowercased()
            guard !seen.contains(key) else {
                throw MembraneError.invalidValue(field: "\(field).\(parts[0])", value: text,
                                                 allowed: "each name once, e.g. \"\(example)\"")
            }
            seen.append(key)
            // The entry's field name is written only for an error.
            guard let value = try? QuantityParser.number(parts[1], field: field) else {
                return (parts[0], try QuantityParser.number(parts[1], field: "\(field).\(parts[0])"))
            }
            return (parts[0], value)
        }
    }

    /// The entries, split at commas and semicolons, trimmed, empty ones dropped. ASCII text is split byte by byte
    /// (the same pieces: each byte is a character, and CR LF is neither separator).
    static func split(_ text: String) -> [String] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        let bytes = text.utf8
        var entries: [String] = []
        var start = bytes.startIndex, i = start
        func take() {
            let piece = trimmed(bytes, start, i)
            if !piece.isEmpty { entries.append(String(text[piece])) }
        }
        while i < bytes.endIndex {
            if bytes[i] == UInt8(ascii: ",") || bytes[i] == UInt8(ascii: ";") {
                take()
                start = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        take()
        return entries
    }

    /// NAME and VALUE of `NAME=VALUE`: `split(separator: "=", maxSplits: 1)` (empty pieces omitted, so a leading
    /// "=" is skipped), each trimmed. ASCII text byte by byte, the same pieces.
    static func pair(_ entry: String) -> [String] {
        guard entry.utf8.allSatisfy({ $0 < 0x80 }) else {
            return entry.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
        }
        let bytes = entry.utf8
        var parts: [String] = []
        var start = bytes.startIndex, i = start
        while i < bytes.endIndex {
            if bytes[i] == UInt8(ascii: "=") {
                let empty = start == i
                if !empty { parts.append(String(entry[trimmed(bytes, start, i)])) }
                start = bytes.index(after: i)
                if !empty { break }
            }
            i = bytes.index(after: i)
        }
        if start < bytes.endIndex { parts.append(String(entry[trimmed(bytes, start, bytes.endIndex)])) }
        return parts
    }

    /// `start..<end` of ASCII text without the white space at its ends.
    static func trimmed(_ bytes: String.UTF8View, _ start: String.Index, _ end: String.Index) -> Range<String.Index> {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
        var a = start, b = end
        while a < b, isSpace(bytes[a]) { a = bytes.index(after: a) }
        while b > a, isSpace(bytes[bytes.index(before: b)]) { b = bytes.index(before: b) }
        return a..<b
    }
}
