import Foundation
import Membrane
import MembraneReport

/// Maps core errors to stderr messages and exit statuses.
///
/// Exit statuses: 64 (EX_USAGE) for invalid input (a value out of its domain, an unknown name);
/// 65 (EX_DATAERR) when the quantity asked for does not exist for valid inputs (a Nernst potential of
/// a neutral solute); 70 (EX_SOFTWARE) when an iterative method fails to converge.
enum ErrorReporter {
    static func exitCode(for error: MembraneError) -> Int32 {
        switch error {
        case .invalidValue, .unknownName: return 64
        case .undefined: return 65
        case .noConvergence: return 70
        }
    }

    static func report(_ error: MembraneError, json: Bool) {
        if json {
            writeError(JSONValue.object([("error", .object([
                ("field", .string(error.field)), ("value", .string(error.value)), ("message", .string(error.message)),
            ]))]).render(pretty: false))
        } else {
            writeError("error: " + error.message)
        }
    }

    static func reportParseError(message: String) {
        let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
        writeError(JSONValue.object([("error", .object([
            ("field", .string("arguments")), ("value", .string("")), ("message", .string(firstLine)),
        ]))]).render(pretty: false))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
