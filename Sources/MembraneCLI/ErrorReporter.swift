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

    /// A run that did not finish (exit 70): its error object, or `error: <message>`.
    static func report(_ failure: RunFailure, json: Bool) {
        if json {
            writeError(failure.json.render(pretty: false))
        } else {
            writeError("error: " + ErrorDocument.commandLineMessage(failure.message))
        }
    }

    /// A command-line syntax error (unknown option, missing value) as a JSON error object, naming the option
    /// where ArgumentParser's message does (``parseErrorFields(_:)``).
    static func reportParseError(message: String) {
        let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
        let (field, value) = parseErrorFields(firstLine)
        writeError(ErrorDocument.json(field: field, value: value, message: firstLine).render(pretty: false))
    }

    /// The option (without its dashes) and the value an ArgumentParser message is about: "The value 'x' is invalid
    /// for '--max-steps <max-steps>'" → (`max-steps`, `x`); "Missing value for '--valence <valence>'" →
    /// (`valence`, ""); "Unknown option '--foo'" → (`foo`, `--foo`). Field `arguments` when no option is named.
    static func parseErrorFields(_ message: String) -> (field: String, value: String) {
        let quoted = message.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        guard let optionIndex = quoted.firstIndex(where: { $0.hasPrefix("-") }) else { return ("arguments", "") }
        let option = quoted[optionIndex]
        let name = String(option.split(separator: " ").first ?? Substring(option)).drop { $0 == "-" }
        if message.hasPrefix("Unknown option") { return (String(name), option) }
        let value = optionIndex > 0 ? quoted[optionIndex - 1] : ""
        return (String(name), value)
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
