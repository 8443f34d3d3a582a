import Testing
@testable import MembraneUnits
import MembraneTestSupport

/// The byte-by-byte paths for ASCII text give what the character rules give, on every text (ASCII or not).
@Suite("ASCII fast paths: quantities")
struct ASCIIPathTests {
    /// Trimming by characters (the rule).
    static func trimmedByCharacters(_ s: String) -> String {
        var slice = Substring(s)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }

    /// The numeric prefix by characters (the rule of `splitUnit`).
    static func splitByCharacters(_ text: String) -> (String, String) {
        let trimmed = trimmedByCharacters(text)
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
        return (String(trimmed[..<end]), trimmedByCharacters(String(trimmed[end...])))
    }

    @Test func trimmingAndUnits() {
        var checked = 0
        for text in TextSamples(count: 40_000) + ["", " ", "\r\n", " \u{301}a ", "a\u{301} ", "\u{600}1 ", " 140 mM ", "1e5\u{301}", "5\u{301}mM"] {
            #expect(text.trimmingWhitespace() == Self.trimmedByCharacters(text), "\(Array(text.unicodeScalars))")
            let split = QuantityParser.splitUnit(text), reference = Self.splitByCharacters(text)
            #expect(split.number == reference.0 && split.unit == reference.1, "\(Array(text.unicodeScalars))")
            checked += 1
        }
        #expect(checked > 40_000)
    }

    /// A number is accepted when every character is one of 0-9 . e E + - and Double reads it.
    @Test func numbers() {
        let digits = ["0", "1", "5", ".", "e", "E", "+", "-", " ", "\u{301}", "x", "µ"]
        for text in TextSamples(count: 20_000, pieces: digits) {
            let trimmed = Self.trimmedByCharacters(text)
            let expected = !trimmed.isEmpty && trimmed.allSatisfy({ "0123456789.eE+-".contains($0) }) ? Double(trimmed).flatMap { $0.isFinite ? $0 : nil } : nil
            #expect((try? QuantityParser.number(text, field: "x")) == expected, "\(Array(text.unicodeScalars))")
        }
    }
}
