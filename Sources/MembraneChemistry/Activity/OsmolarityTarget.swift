import MembraneUnits

/// An osmolarity target such as `290±10` (mOsm), for warnings.
///
/// Both numbers must be finite decimals (`290±inf` and `nan` are refused, naming the option), the centre
/// > 0 and at most 1e6 mOsm (ten times the osmolarity of the most concentrated solution ``Domain`` admits
/// would still be below it), the tolerance ≥ 0.
public struct OsmolarityTarget: Sendable {
    /// The target osmolarity, mOsm.
    public var center: Double
    /// The half-width of the accepted range, mOsm (≥ 0).
    public var tolerance: Double
    /// center ± tolerance, mOsm.
    public var range: ClosedRange<Double> { (center - tolerance)...(center + tolerance) }

    static let allowed = "mOsm as CENTER±TOL (290±10), LOW-HIGH (280-300) or CENTER (±10), finite numbers with 0 < CENTER ≤ 1e6"

    /// Parses `290±10`, `290+-10`, `290+/-10`, `280-300` or `290` (±10 assumed).
    public init(_ text: String, field: String = "target-osmolarity") throws {
        let t = String(text.filter { !$0.isWhitespace })
        func number(_ s: Substring) -> Double? {
            guard !s.isEmpty, s.allSatisfy({ "0123456789.eE+-".contains($0) }), let x = Double(s), x.isFinite else { return nil }
            return x
        }
        func valid(_ c: Double, _ d: Double) -> Bool { c > 0 && c <= 1e6 && d >= 0 && d <= 1e6 }
        for sep in ["±", "+/-", "+-"] {
            if let (head, tail) = Self.split(t, at: sep) {
                guard let c = number(head), let d = number(tail), valid(c, d) else {
                    throw MembraneError.invalidValue(field: field, value: text, allowed: Self.allowed)
                }
                center = c; tolerance = d; return
            }
        }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, let a = number(parts[0]), let b = number(parts[1]), a > 0, b >= a, valid((a + b) / 2, (b - a) / 2) {
            center = (a + b) / 2; tolerance = (b - a) / 2; return
        }
        if let c = number(Substring(t)), valid(c, 10) { center = c; tolerance = 10; return }
        throw MembraneError.invalidValue(field: field, value: text, allowed: Self.allowed)
    }

    /// The text before and after the first occurrence of `separator` (standard library only).
    static func split(_ text: String, at separator: String) -> (Substring, Substring)? {
        let sep = Array(separator)
        let chars = Array(text)
        guard chars.count >= sep.count else { return nil }
        for i in 0...(chars.count - sep.count) where Array(chars[i..<(i + sep.count)]) == sep {
            let start = text.index(text.startIndex, offsetBy: i)
            return (text[..<start], text[text.index(start, offsetBy: sep.count)...])
        }
        return nil
    }

    /// A warning when `value` is outside the target, nil inside.
    public func warning(for value: Double, what: String) -> String? {
        guard !range.contains(value) else { return nil }
        func r(_ x: Double) -> String {
            let s = "\((x * 10).rounded() / 10)"
            return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
        }
        return "\(what) \(r(value)) mOsm is outside the target \(r(center))±\(r(tolerance)) mOsm"
    }
}
