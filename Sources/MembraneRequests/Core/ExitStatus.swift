import Membrane
import MembraneReport

/// How a run ended, as the command line's exit status (sysexits.h) and the server's HTTP status.
///
/// | exit | meaning | HTTP |
/// |---|---|---|
/// | 0 | success | 200 |
/// | 64 | invalid input: a value out of its domain, an unknown name or key, a missing field, malformed JSON | 400 |
/// | 65 | the quantity asked for does not exist for these (valid) inputs: E of a neutral solute, no steady state | 400 |
/// | 70 | an iterative method did not converge, or an integration failed | 422 |
/// | 130 | stopped on request (Ctrl-C, a time limit): what was computed is returned | 503 |
public enum ExitStatus: Int32, Sendable, CaseIterable {
    case success = 0
    case invalidInput = 64
    case undefined = 65
    case noConvergence = 70
    case interrupted = 130

    public init(for error: MembraneError) {
        switch error {
        case .invalidValue, .unknownName: self = .invalidInput
        case .undefined: self = .undefined
        case .noConvergence: self = .noConvergence
        }
    }

    /// The HTTP status of the JSON API for this outcome.
    public var httpStatus: Int {
        switch self {
        case .success: return 200
        case .invalidInput, .undefined: return 400
        case .noConvergence: return 422
        case .interrupted: return 503
        }
    }
}

/// The error object of `--json` and of the API: `{"error": {"field", "value", "message"}}`.
public enum ErrorDocument {
    public static func json(for error: MembraneError) -> JSONValue {
        json(field: error.field, value: error.value, message: error.message)
    }

    public static func json(field: String, value: String, message: String) -> JSONValue {
        .object([("error", .object([("field", .string(field)), ("value", .string(value)), ("message", .string(message))]))])
    }

    /// The message as the command line prints it: field names written `` `name` `` in messages become the
    /// option `--name`. (The JSON keeps the neutral wording, the same for the command line and the API.)
    public static func commandLineMessage(_ message: String) -> String {
        var out = ""
        var inName = false
        for c in message {
            if c == "`" {
                if !inName { out += "--" }
                inName.toggle()
            } else {
                out.append(c)
            }
        }
        return out
    }
}
