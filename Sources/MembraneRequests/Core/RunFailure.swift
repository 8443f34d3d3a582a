import Membrane
import MembraneReport

/// Why a run that computed something did not finish (exit status 70, HTTP 422): the integrator failed, or the
/// step limit (`max-steps`) was reached before the end. It reads as an error object — the option to change
/// (`method`, `max-steps`), its value and a message giving the reason and the time reached — so that the command
/// line prints it on stderr (stdout empty) and the API answers it with the partial result beside it
/// (docs/CLI-CONTRACT.md, section 8).
public struct RunFailure: Sendable, Equatable {
    /// The option that would change the outcome (`method` for a failed integration, `max-steps` for the limit).
    public var field: String
    /// That option's value in force, as typed or its default.
    public var value: String
    /// The reason, the simulated time reached and what to try.
    public var message: String

    /// A failure naming `field`, its `value` and the `message`.
    public init(field: String, value: String, message: String) {
        self.field = field
        self.value = value
        self.message = message
    }

    /// The error object `{"error": {"field", "value", "message"}}`.
    public var json: JSONValue { ErrorDocument.json(field: field, value: value, message: message) }
}
