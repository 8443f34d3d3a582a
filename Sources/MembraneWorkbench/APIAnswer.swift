import Hummingbird
import Membrane
import MembraneReport
import MembraneRequests

/// One answer of the API, built on a worker thread and turned into a `Response` on the way out.
public struct APIAnswer: Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var contentType: String
    public var body: String

    static let json = "application/json; charset=utf-8"

    /// A JSON document, rendered as `membrane … --json` prints it (two-space indent, a final newline).
    static func document(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> APIAnswer {
        APIAnswer(status: status, contentType: json, body: value.render() + "\n")
    }

    /// The error object of the command line (`{"error": {"field", "value", "message"}}`), with `result` — what a
    /// stopped or failed run computed — beside it when there is one.
    static func error(_ status: HTTPResponse.Status, field: String, value: String, message: String, result: JSONValue? = nil) -> APIAnswer {
        var document = ErrorDocument.json(field: field, value: value, message: message)
        if let result, case .object(let pairs) = document { document = .object(pairs + [("result", result)]) }
        return APIAnswer(status: status, contentType: json, body: document.render(pretty: false) + "\n")
    }

    static func error(_ error: MembraneError) -> APIAnswer {
        let status = HTTPResponse.Status(code: ExitStatus(for: error).httpStatus)
        return APIAnswer.error(status, field: error.field, value: error.value, message: error.message)
    }

    var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        if status == .serviceUnavailable { headers[.retryAfter] = "1" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
