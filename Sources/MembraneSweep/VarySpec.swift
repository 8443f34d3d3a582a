import Foundation
import Membrane
import MembraneReport

/// One `--vary` of `membrane sweep`, as written:
///
///     OPTION=FROM:TO:COUNT          COUNT values evenly spaced, FROM and TO included
///     OPTION=FROM:TO:COUNT:log      COUNT values evenly spaced in log, FROM and TO included
///     OPTION=V1,V2,...              the values as written (units allowed: 100nM,1uM); "…" quotes a value
///                                   holding commas or colons ("K=140, Cl=140")
///
/// `OPTION` is a long option of the swept command (`temperature`, `pump-rate`), one entry of an option holding
/// NAME=VALUE pairs (`outside.K`, `permeability.Na`), or a model parameter (`set.g_ClL`). Which of these it
/// addresses is settled against the command by ``SweepPlan``; this type is the syntax only.
///
/// Range values are the IEEE-754 double results of
/// - linear: `FROM + (TO − FROM)·k/(COUNT − 1)`,
/// - log: `FROM·(TO/FROM)^(k/(COUNT − 1))` (FROM and TO non-zero, of one sign),
/// for k = 0 … COUNT − 1, with the last value TO exactly (COUNT = 1 gives FROM alone), written as the shortest
/// decimal text that reads back as the same double, integers without a decimal point (`JSONValue`'s number
/// format: `0.1`, `1e-05`, `140`). That text is both what the command receives and what the output's column holds,
/// so shards and merges agree to the byte.
public struct VarySpec: Sendable, Equatable {
    public enum Scale: String, Sendable, Equatable {
        /// Values as listed.
        case list
        case linear
        case log
    }

    /// The whole spec as typed (quoted in errors and recorded in shard files).
    public var written: String
    /// The option as written, before `=`: the output column's name.
    public var option: String
    public var scale: Scale
    /// The values in order, as the command receives them.
    public var values: [String]

    /// The field named in every error about a spec.
    public static let field = "vary"

    static let grammar = "OPTION=FROM:TO:COUNT[:log] or OPTION=V1,V2,... (e.g. temperature=20:40:5, outside.K=1:100:20:log, method=henderson,planck)"

    public init(_ text: String) throws {
        written = text
        guard let equals = text.firstIndex(of: "="), !text[..<equals].trimmingCharacters(in: .whitespaces).isEmpty else {
            throw MembraneError.invalidValue(field: Self.field, value: text, allowed: Self.grammar)
        }
        option = text[..<equals].trimmingCharacters(in: .whitespaces)
        let valueText = String(text[text.index(after: equals)...])
        let items = try Self.splitList(valueText, spec: text)
        if items.count == 1, !items[0].quoted, items[0].text.contains(":") {
            let parts = items[0].text.split(separator: ":", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard parts.count == 3 || (parts.count == 4 && ["log", "lin"].contains(parts[3].lowercased())) else {
                throw MembraneError.invalidValue(field: Self.field, value: text,
                                                 allowed: "a range FROM:TO:COUNT or FROM:TO:COUNT:log; quote a single value that holds a colon (\"…\")")
            }
            scale = parts.count == 4 && parts[3].lowercased() == "log" ? .log : .linear
            values = try SweepRange(from: parts[0], to: parts[1], count: parts[2], scale: scale, spec: text).values
        } else {
            scale = .list
            values = items.map(\.text)
        }
    }

    /// Splits `V1,V2,...` on commas outside double quotes and parentheses; quotes are removed, white space around
    /// unquoted values trimmed. Empty values are refused.
    static func splitList(_ text: String, spec: String) throws -> [(text: String, quoted: Bool)] {
        var items: [(text: String, quoted: Bool)] = []
        var current = "", quoted = false, inQuotes = false, depth = 0
        func finish() throws {
            let value = quoted ? current : current.trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else {
                throw MembraneError.invalidValue(field: field, value: spec, allowed: "no empty values; " + grammar)
            }
            items.append((value, quoted))
            current = ""
            quoted = false
        }
        for c in text {
            if inQuotes {
                if c == "\"" { inQuotes = false } else { current.append(c) }
                continue
            }
            switch c {
            case "\"":
                guard current.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw MembraneError.invalidValue(field: field, value: spec, allowed: "quotes around whole values only; " + grammar)
                }
                current = ""
                inQuotes = true
                quoted = true
            case "(": depth += 1; current.append(c)
            case ")": depth -= 1; current.append(c)
            case "," where depth == 0: try finish()
            default:
                if quoted && !c.isWhitespace {
                    throw MembraneError.invalidValue(field: field, value: spec, allowed: "quotes around whole values only; " + grammar)
                }
                if !quoted { current.append(c) }
            }
        }
        guard !inQuotes else {
            throw MembraneError.invalidValue(field: field, value: spec, allowed: "a closing quote; " + grammar)
        }
        try finish()
        return items
    }
}

/// The values of a range `FROM:TO:COUNT[:log]` (see ``VarySpec``).
public struct SweepRange: Sendable {
    public var values: [String]
    public var numbers: [Double]

    init(from fromText: String, to toText: String, count countText: String, scale: VarySpec.Scale, spec: String) throws {
        let field = VarySpec.field
        func bound(_ text: String, _ name: String) throws -> Double {
            guard let x = Double(text), x.isFinite else {
                throw MembraneError.invalidValue(field: field, value: spec,
                                                 allowed: "a number for \(name) (got '\(text)'); ranges take plain numbers in the option's default unit (mM, mV, °C); write values with units as a list (100nM,1uM)")
            }
            return x
        }
        let from = try bound(fromText, "FROM"), to = try bound(toText, "TO")
        guard let count = Int(countText), count >= 1 else {
            throw MembraneError.invalidValue(field: field, value: spec,
                                             allowed: "an integer COUNT ≥ 1 (the number of values; got '\(countText)')")
        }
        numbers = try Self.numbers(from: from, to: to, count: count, log: scale == .log, spec: spec)
        values = numbers.map(Self.format)
    }

    /// The points of the range; the last is `to` exactly.
    public static func numbers(from: Double, to: Double, count: Int, log: Bool, spec: String = "") throws -> [Double] {
        if log {
            guard from != 0, to != 0, (from > 0) == (to > 0) else {
                throw MembraneError.invalidValue(field: VarySpec.field, value: spec,
                                                 allowed: "non-zero FROM and TO of one sign for a log range")
            }
        }
        guard count > 1 else { return [from] }
        let n = Double(count - 1)
        return (0..<count).map { k in
            if k == count - 1 { return to }
            return log ? from * Foundation.pow(to / from, Double(k) / n) : from + (to - from) * Double(k) / n
        }
    }

    /// The shortest text that reads back as `x`, integers without a decimal point (the JSON output's format).
    public static func format(_ x: Double) -> String { JSONValue.number(x).render(pretty: false) }
}
