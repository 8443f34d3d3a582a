import Membrane
import RealModule

/// How a number is written in a sentence: `{{x}}` (4 significant digits), `{{x:.1f}}` (1 decimal), `{{x:.3g}}`
/// (3 significant digits), `{{x:.2e}}` (scientific), each with an optional `+` (`{{x:+.1f}}` writes the sign of
/// positive numbers too). Negative numbers are written with the minus sign − (U+2212), as in print.
public enum NumberStyle: Sendable, Equatable {
    case automatic
    case fixed(Int, sign: Bool)
    case significant(Int, sign: Bool)
    case scientific(Int, sign: Bool)

    /// Parses the part after the colon (`.1f`, `+.3g`); nil when it is not one of the forms.
    init?(spec: String) {
        var s = Substring(spec.trimmingSpaces())
        let sign = s.first == "+"
        if sign { s = s.dropFirst() }
        guard s.first == ".", let kind = s.last, let n = Int(s.dropFirst().dropLast()), (0...15).contains(n) else { return nil }
        switch kind {
        case "f": self = .fixed(n, sign: sign)
        case "g": guard n >= 1 else { return nil }; self = .significant(n, sign: sign)
        case "e": self = .scientific(n, sign: sign)
        default: return nil
        }
    }

    public func format(_ x: Double) -> String {
        let body: String
        let sign: Bool
        switch self {
        case .automatic:
            body = Self.significant(abs(x), 4)
            sign = false
        case .fixed(let n, let s):
            body = Self.fixed(abs(x), n)
            sign = s
        case .significant(let n, let s):
            body = Self.significant(abs(x), n)
            sign = s
        case .scientific(let n, let s):
            body = Self.scientific(abs(x), n)
            sign = s
        }
        let isZero = body.allSatisfy { $0 == "0" || $0 == "." }
        if x < 0 && !isZero { return "\u{2212}" + body }
        return sign && !isZero ? "+" + body : body
    }

    /// As ``format(_:)``, with `d.dde±n` written `d.dd\times 10^{±n}` for an equation.
    func texFormat(_ x: Double) -> String {
        let s = format(x)
        guard let e = s.firstIndex(of: "e") else { return s }
        return "\(s[..<e])\\times 10^{\(s[s.index(after: e)...])}"
    }

    /// x ≥ 0 rounded to n decimals.
    static func fixed(_ x: Double, _ n: Int) -> String {
        var scale = 1.0
        for _ in 0..<n { scale *= 10 }
        let r = (x * scale).rounded() / scale
        guard r < 1e15 else { return scientific(x, max(n, 3)) }
        let whole = r.rounded(.down)
        var out = String(Int64(whole))
        if n > 0 {
            let frac = Int64(((r - whole) * scale).rounded())
            let digits = String(frac)
            out += "." + String(repeating: "0", count: max(0, n - digits.count)) + digits
        }
        return out
    }

    /// x ≥ 0 to n significant digits, trailing zeros dropped; scientific outside 1e-4 … 1e9.
    static func significant(_ x: Double, _ n: Int) -> String {
        guard x != 0 else { return "0" }
        let exponent = Int(Double.log10(x).rounded(.down))
        if exponent < -4 || exponent >= 9 { return scientific(x, n - 1, trim: true) }
        // Digits beyond the n-th are rounded off, also left of the point: 1568662 → 1569000.
        var y = x
        if exponent >= n { let unit = Double.pow(10, Double(exponent - n + 1)); y = (x / unit).rounded() * unit }
        var s = fixed(y, max(0, n - 1 - exponent))
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    /// x ≥ 0 as d.ddd × 10ⁿ written `d.ddde±n`.
    static func scientific(_ x: Double, _ n: Int, trim: Bool = false) -> String {
        guard x != 0 else { return "0" }
        var exponent = Int(Double.log10(x).rounded(.down))
        var mantissa = x / Double.pow(10, Double(exponent))
        var scale = 1.0
        for _ in 0..<n { scale *= 10 }
        mantissa = (mantissa * scale).rounded() / scale
        if mantissa >= 10 { mantissa /= 10; exponent += 1 }
        var m = fixed(mantissa, n)
        if trim, m.contains(".") {
            while m.hasSuffix("0") { m.removeLast() }
            if m.hasSuffix(".") { m.removeLast() }
        }
        return "\(m)e\(exponent)"
    }
}
