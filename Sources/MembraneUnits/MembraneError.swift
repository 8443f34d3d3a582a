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

    /// The input field the error is about (used as the `field` key of JSON errors).
    public var field: String {
        switch self {
        case .invalidValue(let field, _, _), .unknownName(let field, _, _), .undefined(let field, _):
            return field
        case .noConvergence(let method, _, _, _):
            return method
        }
    }

    /// The offending value, as the user wrote it (empty when there is none).
    public var value: String {
        switch self {
        case .invalidValue(_, let value, _), .unknownName(_, let value, _):
            return value
        case .undefined, .noConvergence:
            return ""
        }
    }

    /// One sentence saying what is wrong and what would be right.
    public var message: String {
        switch self {
        case .invalidValue(let field, let value, let allowed):
            return "\(field): '\(value)' is not allowed; expected \(allowed)"
        case .unknownName(let field, let value, let suggestions):
            if suggestions.isEmpty { return "\(field): unknown name '\(value)'" }
            return "\(field): unknown name '\(value)'; did you mean \(suggestions.joined(separator: ", "))?"
        case .undefined(let field, let reason):
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
        guard x.isFinite else { throw MembraneError.invalidValue(field: field(), value: "\(x)", allowed: allowed()) }
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
        guard scale != 1, v.isFinite, v != 0 else { return "\(v)" }
        let shift = 11 - Int(Double.log10(abs(v)).rounded(.down))
        var p = 1.0
        for _ in 0..<min(abs(shift), 308) { p *= 10 }
        return "\(shift >= 0 ? (v * p).rounded() / p : (v / p).rounded() * p)"
    }
}
