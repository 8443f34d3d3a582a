import RealModule

/// The errors the core throws. The command line maps them to messages and exit codes,
/// the server to 400 responses; the core knows nothing of either.
///
/// Every case names what was wrong so that a user can fix it without reading code:
/// the field, the value given and what is allowed, or the reason a quantity does not exist.
public enum MembraneError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An input is out of its domain: `field` got `value`, `allowed` says what would do.
    case invalidValue(field: String, value: String, allowed: String)
    /// A name is not known: `field` got `value`; `suggestions` are the closest known names.
    case unknownName(field: String, value: String, suggestions: [String])
    /// The quantity asked for does not exist for these inputs (e.g. the Nernst potential of a neutral solute).
    case undefined(field: String, reason: String)
    /// An iterative method stopped without meeting its tolerance.
    case noConvergence(method: String, iterations: Int, residual: Double, detail: String)

    /// The input field the error is about (used as the `field` key of JSON errors), bounded as ``quoted(_:)``
    /// bounds a value (a field named after an unknown key of 100 kB).
    public var field: String {
        switch self {
        case .invalidValue(let field, _, _), .unknownName(let field, _, _), .undefined(let field, _):
            return Self.quoted(field)
        case .noConvergence(let method, _, _, _):
            return method
        }
    }

    /// The offending value, as the user wrote it (empty when there is none), at most
    /// ``maximumQuotedLength`` characters (``quoted(_:)``): a pasted file is not echoed back whole.
    public var value: String {
        switch self {
        case .invalidValue(_, let value, _), .unknownName(_, let value, _):
            return Self.quoted(value)
        case .undefined, .noConvergence:
            return ""
        }
    }

    /// The longest value an error quotes, in characters; a longer one is cut (``quoted(_:)``).
    public static let maximumQuotedLength = 80

    /// `text` as an error quotes it: whole up to ``maximumQuotedLength`` characters, otherwise its start, an
    /// ellipsis and its length ("XXXX… (120000 characters)"), so that a 120 kB paste gives a one-line message.
    public static func quoted(_ text: String) -> String {
        guard let end = text.index(text.startIndex, offsetBy: maximumQuotedLength, limitedBy: text.endIndex),
              end < text.endIndex else { return text }
        return String(text[..<end]) + "… (\(text.count) characters)"
    }

    /// A number as a user would have typed it: the shortest text that reads back as `x`, without a trailing
    /// `.0` or an exponent's `+` and leading zeros (`-5`, `1e308`, `1e-7`, `0.25`; `nan`, `inf` as Swift writes
    /// them). For messages that quote a value given as a number (a configuration file's key, a core input).
    public static func plain(_ x: Double) -> String {
        var text = "\(x)"
        guard x.isFinite else { return text }
        var exponent = ""
        if let e = text.firstIndex(of: "e") {
            var digits = text[text.index(after: e)...]
            var sign = ""
            if let first = digits.first, first == "+" || first == "-" {
                sign = first == "-" ? "-" : ""
                digits = digits.dropFirst()
            }
            while digits.count > 1, digits.first == "0" { digits = digits.dropFirst() }
            exponent = "e" + sign + digits
            text = String(text[..<e])
        }
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text + exponent
    }

    /// One sentence saying what is wrong and what would be right.
    public var message: String {
        switch self {
        case .invalidValue(_, _, let allowed):
            return "\(field): '\(value)' is not allowed; expected \(allowed)"
        case .unknownName(_, _, let suggestions):
            if suggestions.isEmpty { return "\(field): unknown name '\(value)'" }
            return "\(field): unknown name '\(value)'; did you mean \(suggestions.joined(separator: ", "))?"
        case .undefined(_, let reason):
            return "\(field): \(reason)"
        case .noConvergence(let method, let iterations, let residual, let detail):
            return "\(method) did not converge after \(iterations) iterations (residual \(residual)): \(detail)"
        }
    }

    public var description: String { message }
}

extension MembraneError {
    /// Checks that `x` is a finite real number.
    @inlinable
    public static func requireFinite(_ x: Double, field: @autoclosure () -> String,
                                     allowed: @autoclosure () -> String = "a finite number") throws {
        guard x.isFinite else { throw MembraneError.invalidValue(field: field(), value: plain(x), allowed: allowed()) }
    }

    /// Checks that `x` is finite and ≥ 0. For a value stored in SI but typed in another unit (pA, nS, nm, µm²),
    /// `scale` converts it to the field's unit, so that the message shows the value as typed
    /// (`current-pA: '-0.5'`), not in amperes.
    @inlinable
    public static func requireNonNegative(_ x: Double, field: @autoclosure () -> String, scale: Double = 1,
                                          allowed: @autoclosure () -> String = "a finite number ≥ 0") throws {
        guard x.isFinite, x >= 0 else {
            throw MembraneError.invalidValue(field: field(), value: valueText(x, scale: scale), allowed: allowed())
        }
    }

    /// Checks that `x` is finite and > 0; `scale` as for ``requireNonNegative(_:field:scale:allowed:)``.
    @inlinable
    public static func requirePositive(_ x: Double, field: @autoclosure () -> String, scale: Double = 1,
                                       allowed: @autoclosure () -> String = "a finite number > 0") throws {
        guard x.isFinite, x > 0 else {
            throw MembraneError.invalidValue(field: field(), value: valueText(x, scale: scale), allowed: allowed())
        }
    }

    /// x·scale as an error message shows it. Scaled values are rounded to 12 significant digits, so the round-off
    /// of a unit conversion does not show (0.5 pA stored as 5e-13 A reads "-0.5", not "-0.49999999999999994").
    @usableFromInline
    static func valueText(_ x: Double, scale: Double) -> String {
        let v = x * scale
        guard scale != 1, v.isFinite, v != 0 else { return plain(v) }
        let shift = 11 - Int(Double.log10(abs(v)).rounded(.down))
        var p = 1.0
        for _ in 0..<min(abs(shift), 308) { p *= 10 }
        return plain(shift >= 0 ? (v * p).rounded() / p : (v / p).rounded() * p)
    }
}
