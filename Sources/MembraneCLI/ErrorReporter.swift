import Foundation
import Membrane
import MembraneRequests

/// Writes errors to stderr: a message with the options named as flags, or with --json the error object that
/// the API answers too (MembraneRequests' `ErrorDocument`; exit statuses in `ExitStatus`).
enum ErrorReporter {
    static func report(_ error: MembraneError, json: Bool) {
        if json {
            writeError(ErrorDocument.json(for: error).render(pretty: false))
        } else {
            writeError("error: " + ErrorDocument.commandLineMessage(error.message))
        }
    }

    /// A command-line syntax error (unknown option, missing value) as a JSON error object.
    static func reportParseError(message: String) {
        let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
        writeError(ErrorDocument.json(field: "arguments", value: "", message: firstLine).render(pretty: false))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
