import Foundation
import Membrane
import MembraneReport

/// The hostile inputs of the fuzz suites (``RequestFuzzTests``; `scripts/fuzz-cli.py` draws from the same kinds):
/// numbers at the edges of Double, non-numbers, malformed and huge strings, duplicate and aliased names,
/// Unicode, and JSON values of the wrong shape. Each is a JSON literal, put in place of one member of a
/// valid body.
enum FuzzInputs {
    /// Numbers: ±0, subnormals, the extremes of Double, just beyond them, and ordinary values of the wrong sign.
    static let numbers = [
        "0", "-0", "-0.0", "5e-324", "-5e-324", "2.2250738585072014e-308", "1e-300", "-1e-300", "1e-30",
        "1e308", "-1e308", "1.7976931348623157e308", "-1.7976931348623157e308", "1e999", "-1", "-70", "1e10", "100",
        "0.5", "3", "1e-9",
    ]

    /// Strings a user might paste: words for non-numbers, numbers with units at the extremes, lists with
    /// duplicated or aliased names, ranges with infinite tolerances, empty and blank text.
    static let strings = [
        "nan", "NaN", "-nan", "inf", "-inf", "Infinity", "", " ", ",", "=", "==", "K=", "=1", "K=1,", ",K=1",
        "1e308V", "-1e308mV", "1e-300K", "9.3e18", "139.9K", "1e400", "0x1p-1074", "1_000", "1,5", "+-1", "--1",
        "K=1e308,Na=1e-308", "K=1e308,Na=1e308", "K=0,Na=0", "K=1,K=2", "K=5,potassium=6", "K=nan", "K=-1", "K=inf",
        "Ca=0", "X(z=+100)=1", "X(z=0)=1", "NaCl 1e308", "KCl 150, KCl 150", "NaCl 150, pH 99 NaOH", "pH -5 HCl",
        "290±inf", "290±nan", "-290±10", "300-200", "1:1e308:3", "0:1:1", "1e308:1:2", "none", "true",
        "Κ=1", "K⁺=140", "Ca²⁺=2", "🧪=1", "K\u{0}=1", "K\n=1", "'K'=1", "\"K\"=1", "K=1;Na=2", "K = 140 , Cl = 140",
    ]

    /// JSON values of other shapes than a field takes.
    static let shapes = [
        "null", "true", "false", "[]", "{}", "[1,2]", "[\"K\",\"K\"]", "{\"K\":1e308}", "{\"K\":-1}", "{\"K\":1,\"potassium\":2}",
        "{\"\":1}", "[[[[[[]]]]]]", "{\"K\":{\"K\":1}}",
    ]

    /// A long string (a file pasted into a field), as a JSON literal.
    static let huge = JSONValue.string(String(repeating: "X", count: 120_000)).render(pretty: false)

    /// Every input as a JSON literal.
    static let all: [String] = numbers + strings.map { JSONValue.string($0).render(pretty: false) } + shapes + [huge]
}

/// SplitMix64 (Steele, Lea & Flood 2014): a small deterministic generator, so that every run tries the same cases.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension JSONValue {
    /// The first non-finite number in the document (its path), or nil: what the JSON output must never hold.
    func firstNonFinite(at path: String = "") -> String? {
        switch self {
        case .number(let x): return x.isFinite ? nil : "\(path) = \(x)"
        case .array(let items):
            for (i, v) in items.enumerated() { if let p = v.firstNonFinite(at: "\(path)[\(i)]") { return p } }
            return nil
        case .object(let pairs):
            for (k, v) in pairs { if let p = v.firstNonFinite(at: "\(path).\(k)") { return p } }
            return nil
        default: return nil
        }
    }
}

/// Whether `text` shows a non-finite number as a word (`nan`, `inf`, `-nan`, `infinity`), the way Swift prints them.
func showsNonFinite(_ text: String) -> Bool {
    let words = text.lowercased().split { !$0.isLetter }
    return words.contains { $0 == "nan" || $0 == "inf" || $0 == "infinity" }
}
