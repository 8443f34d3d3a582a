import Foundation
import Membrane

/// NAME=VALUE pairs as an option holds them (`"K=140, Na=12, Cl=7"`, `"K=1,Na=0.04"`, a custom ion
/// `"X(z=+1,D=1.33e-9)=10"`): their entries, found where they are written so that ``PairsTemplate`` can replace a
/// value or append an entry and leave everything else byte for byte as the user wrote it — a swept point is the
/// command line the user would have typed.
///
/// Entries are separated by commas or semicolons outside parentheses (the solution syntax of `SolutionParser`);
/// an entry's name is the text before its last `=`, its attributes `(z=…,D=…)` aside.
struct PairsText: Sendable {
    var text: String

    struct Entry {
        /// The name as written, attributes included.
        var name: String
        /// Where the value is in `text` (after the entry's last `=`, white space excluded).
        var value: Range<String.Index>
    }

    /// The entries; nil when an entry is not of the NAME=VALUE form (a recipe such as `KCl 140, pH 7.3 KOH`).
    var entries: [Entry]? {
        var out: [Entry] = []
        var depth = 0
        var start = text.startIndex
        var i = text.startIndex
        func close(_ end: String.Index) -> Bool {
            let span = text[start..<end]
            guard !span.allSatisfy(\.isWhitespace) else { return true }
            guard let equals = span.lastIndex(of: "=") else { return false }
            var valueStart = span.index(after: equals), valueEnd = end
            while valueStart < valueEnd, text[valueStart].isWhitespace { valueStart = text.index(after: valueStart) }
            while valueEnd > valueStart, text[text.index(before: valueEnd)].isWhitespace { valueEnd = text.index(before: valueEnd) }
            let name = text[start..<equals].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { return false }
            out.append(Entry(name: name, value: valueStart..<valueEnd))
            return true
        }
        while i < text.endIndex {
            switch text[i] {
            case "(": depth += 1
            case ")": depth -= 1
            case ",", ";":
                if depth == 0 {
                    guard close(i) else { return nil }
                    start = text.index(after: i)
                }
            default: break
            }
            i = text.index(after: i)
        }
        guard close(text.endIndex) else { return nil }
        return out
    }

    /// The name without attributes: `X(z=+1,D=1e-9)` → `X`.
    static func bareName(_ name: String) -> String {
        guard let open = name.firstIndex(of: "("), name.hasSuffix(")") else { return name }
        return name[..<open].trimmingCharacters(in: .whitespaces)
    }

    /// Whether two names denote the same entry: the same catalog ion under any alias (`K`, `K+`, `potassium`), or,
    /// for names the catalog does not know, the same text ignoring case.
    static func sameIon(_ a: String, _ b: String) -> Bool {
        let a = bareName(a), b = bareName(b)
        let catalog = IonCatalog.standard
        if let x = catalog.ion(named: a), let y = catalog.ion(named: b) { return x.name == y.name }
        return a.lowercased() == b.lowercased()
    }
}

/// The edits of several axes to one NAME=VALUE option, prepared once: the option's text cut into literal pieces and
/// slots, one slot per axis — the entry's value where the entry is (`matches` decides), or `NAME=` and the value
/// appended after the text (after `, `, or a space when the text ends with a separator; the text's ends trimmed), in
/// the order of the axes.
struct PairsTemplate: Sendable {
    enum Piece: Sendable {
        case literal(String)
        case slot(Int)
    }
    var pieces: [Piece]

    init(pieces: [Piece]) { self.pieces = pieces }

    init(_ text: String, names: [String], matches: (String, String) -> Bool) {
        let present = PairsText(text: text).entries ?? []
        let appending = names.contains { name in !present.contains { matches($0.name, name) } }
        // Appending trims the text's ends; entries' values never touch them.
        let base = appending ? text.trimmingCharacters(in: .whitespaces) : text
        let entries = PairsText(text: base).entries ?? []
        var replaced: [(range: Range<String.Index>, slot: Int)] = []
        var appended: [(name: String, slot: Int)] = []
        for (slot, name) in names.enumerated() {
            if let entry = entries.first(where: { matches($0.name, name) }) {
                replaced.append((entry.value, slot))
            } else {
                appended.append((name, slot))
            }
        }
        replaced.sort { $0.range.lowerBound < $1.range.lowerBound }
        var pieces: [Piece] = []
        var cursor = base.startIndex
        for r in replaced {
            pieces.append(.literal(String(base[cursor..<r.range.lowerBound])))
            pieces.append(.slot(r.slot))
            cursor = r.range.upperBound
        }
        pieces.append(.literal(String(base[cursor...])))
        var separator = base.isEmpty ? "" : (base.hasSuffix(",") || base.hasSuffix(";") ? " " : ", ")
        for a in appended {
            pieces.append(.literal(separator + a.name + "="))
            pieces.append(.slot(a.slot))
            separator = ", "
        }
        self.pieces = pieces
    }

    func fill(_ values: [String]) -> String {
        var out = ""
        for p in pieces {
            switch p {
            case .literal(let s): out += s
            case .slot(let i): out += values[i]
            }
        }
        return out
    }
}
