import Foundation
import Hummingbird
import NIOCore
import Membrane
import MembraneReport
import MembraneRequests

/// The JSON API: one `POST /api/<command>` and one `POST /api/plot/<command>` per request type of
/// ``RequestCatalog`` (generated from it, so a new command is served without a line here), `GET /api/presets` and
/// `GET /api/ions` (query parameters as the request's keys), and `GET /openapi.json`.
///
/// Every calculation runs on the ``ComputeLane`` under the request's deadline; its answer is exactly what
/// `membrane <command> --json` prints, or the error object with the status of docs/CLI-CONTRACT.md, section 8.
struct APIRoutes: Sendable {
    let lane: ComputeLane
    let limits: WorkbenchLimits

    /// Commands whose runs can take seconds: they poll their stop request and run on the pool for long runs.
    static func isLong(_ command: String) -> Bool {
        command.hasPrefix("simulate/") || command == "steady-state" || command == "sweep"
    }

    /// The figure formats of `POST /api/plot/<command>?format=…`.
    enum FigureFormat: String, CaseIterable, Sendable { case json, svg }

    func add(to router: Router<WorkbenchRequestContext>) {
        for type in RequestCatalog.all {
            let command = type.command
            router.post(RouterPath("api/\(command)")) { request, _ in
                try await answer(command, request: request, figure: nil).response
            }
            router.post(RouterPath("api/plot/\(command)")) { request, _ in
                let format = request.uri.queryParameters["format"].map(String.init) ?? "json"
                guard let figure = FigureFormat(rawValue: format) else {
                    return APIAnswer.error(.badRequest, field: "format", value: format,
                                           message: "the figure format: json (the figure spec, the default) or svg").response
                }
                return try await answer(command, request: request, figure: figure).response
            }
        }
        for list in ["presets", "ions"] {
            router.get(RouterPath("api/\(list)")) { request, _ in
                let members = request.uri.queryParameters.map { (String($0.key), JSONValue.string(String($0.value))) }
                return await compute(list, body: JSONValue.object(members).render(pretty: false), figure: nil,
                                     arrival: .now).response
            }
        }
        let openAPI = OpenAPIDocument.json.render() + "\n"
        router.get("openapi.json") { _, _ in
            APIAnswer(status: .ok, contentType: APIAnswer.json, body: openAPI).response
        }
    }

    /// Reads the body (bounded), then computes.
    func answer(_ command: String, request: Request, figure: FigureFormat?) async throws -> APIAnswer {
        let arrival = ContinuousClock.now
        if let refusal = refusal(ofContentType: request.headers[.contentType]) { return refusal }
        var request = request
        let bytes: ByteBuffer
        do {
            bytes = try await request.collectBody(upTo: limits.maximumBodyBytes)
        } catch is NIOTooManyBytesError {
            return APIAnswer.error(.contentTooLarge, field: "request", value: "",
                                   message: "the body is larger than the server's limit of \(limits.maximumBodyBytes / 1024) KiB")
        }
        guard let text = String(validating: bytes.readableBytesView, as: UTF8.self) else {
            return APIAnswer.error(.badRequest, field: "request", value: "", message: "the body is not UTF-8 text; send a JSON object")
        }
        let body = text.allSatisfy(\.isWhitespace) ? "{}" : text
        return await compute(command, body: body, figure: figure, arrival: arrival)
    }

    /// Runs the request on the lane under the time limit and renders its answer there.
    func compute(_ command: String, body: String, figure: FigureFormat?, arrival: ContinuousClock.Instant) async -> APIAnswer {
        let limit = limits.timeLimit
        let lane = self.lane
        let outcome = await lane.run(isLong: Self.isLong(command), deadline: arrival + limit) { shouldStop in
            Self.run(command, body: body, figure: figure, shouldStop: shouldStop,
                     stopReason: { lane.isStopping ? "the server is shutting down" : Self.timeLimitMessage(command, limit) })
        }
        switch outcome {
        case .finished(let answer): return answer
        case .busy:
            return APIAnswer.error(.serviceUnavailable, field: "request", value: command,
                                   message: "the server is busy with other calculations; try again in a moment")
        case .timedOut:
            return APIAnswer.error(.serviceUnavailable, field: "request", value: command,
                                   message: Self.timeLimitMessage(command, limit))
        }
    }

    static func timeLimitMessage(_ command: String, _ limit: Duration) -> String {
        "the calculation did not finish within the server's time limit of \(Format.significant(limit / .seconds(1), 3)) s per request "
            + "(`membrane serve --time-limit`); ask for less (a shorter `duration`, fewer points) or run `membrane "
            + command.replacingOccurrences(of: "/", with: " ") + "`, which has no time limit"
    }

    /// Decodes, runs and renders one request (on a worker thread).
    static func run(_ command: String, body: String, figure: FigureFormat?,
                    shouldStop: @escaping @Sendable () -> Bool, stopReason: () -> String) -> APIAnswer {
        var context = MembraneRequests.RequestContext(shouldStop: shouldStop)
        context.wantsFigure = figure != nil
        do {
            let result = try RequestCatalog.run(command: command, body: body, context: &context)
            switch result.status {
            case .success: break
            case .interrupted:
                return APIAnswer.error(.serviceUnavailable, field: "request", value: command,
                                       message: stopReason() + "; `result` holds what was computed",
                                       result: result.json)
            default:
                let f = result.failure ?? RunFailure(field: "request", value: command,
                                                     message: "the calculation did not finish normally (see `result`)")
                return APIAnswer.error(HTTPResponse.Status(code: result.status.httpStatus), field: f.field, value: f.value,
                                       message: f.message, result: result.json)
            }
            guard let figure else { return APIAnswer.document(result.json) }
            guard let drawing = result.figure else {
                return APIAnswer.error(.badRequest, field: "request", value: command,
                                       message: "this result has no figure (figures: ghk-current with a range `from`/`to`, ljp with `profile-points`, steady-state with `sweep`, simulations, microdomain)")
            }
            switch figure {
            case .json: return APIAnswer.document(drawing.spec.json)
            case .svg: return APIAnswer(status: .ok, contentType: "image/svg+xml; charset=utf-8", body: drawing.render())
            }
        } catch let error as MembraneError {
            // A run that gave up because it was asked to stop (a lesson's setup) is the time limit, not bad input.
            if shouldStop() {
                return APIAnswer.error(.serviceUnavailable, field: "request", value: command, message: stopReason() + " (\(error.message))")
            }
            return APIAnswer.error(error)
        } catch {
            return APIAnswer.error(.internalServerError, field: "request", value: command, message: "internal error: \(error)")
        }
    }

    /// The body types a cross-site form can send without a CORS preflight are refused (415): a JSON body is the
    /// API's, and this closes the door to forged form posts even from a browser that sends no `Origin`.
    func refusal(ofContentType value: String?) -> APIAnswer? {
        guard let value else { return nil }
        let type = value.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"].contains(type) else { return nil }
        return APIAnswer.error(.unsupportedMediaType, field: "Content-Type", value: value,
                               message: "the body must be JSON: send it with Content-Type: application/json")
    }
}
