import HTTPTypes
import Hummingbird
import MembraneReport

/// The guard in front of every route (docs/CLI-CONTRACT.md, section 7, "Security"):
/// - a `Host` the server does not answer to (DNS rebinding: ``HostPolicy``) → 421;
/// - a `POST` from another origin (an `Origin` that is not this server's, or a browser's
///   `Sec-Fetch-Site: cross-site`/`same-site`) → 403;
/// - errors of the router and of Hummingbird (no such route: 404; a body over the limit: 413) become the API's error
///   object, so no answer leaks a stack or an unexpected shape;
/// - every answer carries the security headers (``SecurityHeaders``) and `X-Membrane-Version`.
struct SecurityMiddleware: RouterMiddleware {
    typealias Context = WorkbenchRequestContext
    let hosts: HostPolicy

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        if !hosts.allows(authority: request.head.authority) {
            response = APIAnswer.error(.misdirectedRequest, field: "Host", value: request.head.authority ?? "",
                                       message: "this server answers only requests addressed to \(hosts.boundHost) or localhost (a guard against DNS rebinding); start it with `--host NAME` to be reached by another name").response
        } else if request.method != .get, request.method != .head, let refusal = crossSiteRefusal(request) {
            response = refusal.response
        } else {
            do {
                response = try await next(request, context)
            } catch let error as any HTTPResponseError {
                response = Self.answer(for: error.status, request: request).response
            } catch {
                response = APIAnswer.error(.internalServerError, field: "request", value: request.uri.path,
                                           message: "internal error: \(error)").response
            }
        }
        SecurityHeaders.apply(to: &response.headers)
        return response
    }

    /// A POST from a page of another origin: its `Origin` differs from this server's, or the browser says it is
    /// cross-site. (A client that is not a browser sends neither header and is answered.)
    func crossSiteRefusal(_ request: Request) -> APIAnswer? {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!]?.lowercased(), site == "cross-site" || site == "same-site" {
            return APIAnswer.error(.forbidden, field: "Origin", value: request.headers[HTTPField.Name("Origin")!] ?? site,
                                   message: "requests from other web sites are refused; open the workbench from this server")
        }
        guard let origin = request.headers[HTTPField.Name("Origin")!] else { return nil }
        guard Self.isSameOrigin(origin, authority: request.head.authority) else {
            return APIAnswer.error(.forbidden, field: "Origin", value: origin,
                                   message: "requests from other origins are refused; open the workbench from this server")
        }
        return nil
    }

    /// `Origin: http://HOST[:PORT]` names the server the request was sent to (scheme http, same host and port).
    static func isSameOrigin(_ origin: String, authority: String?) -> Bool {
        let prefix = "http://"
        guard let authority, origin.lowercased().hasPrefix(prefix) else { return false }
        let originAuthority = String(origin.dropFirst(prefix.count))
        guard let originHost = HostPolicy.hostName(ofAuthority: originAuthority),
              let host = HostPolicy.hostName(ofAuthority: authority) else { return false }
        return originHost == host && port(of: originAuthority) == port(of: authority)
    }

    /// The port of an authority, 80 when none is written.
    static func port(of authority: String) -> Int {
        if let close = authority.lastIndex(of: "]") {
            let rest = authority[authority.index(after: close)...]
            return rest.hasPrefix(":") ? Int(rest.dropFirst()) ?? -1 : 80
        }
        guard let colon = authority.lastIndex(of: ":") else { return 80 }
        return Int(authority[authority.index(after: colon)...]) ?? -1
    }

    /// The error object for a status raised by the router or by Hummingbird.
    static func answer(for status: HTTPResponse.Status, request: Request) -> APIAnswer {
        switch status {
        case .notFound:
            return APIAnswer.error(.notFound, field: "path", value: request.uri.path,
                                   message: "no page or endpoint \(request.method.rawValue) \(request.uri.path); the API is described at /openapi.json")
        case .contentTooLarge:
            return APIAnswer.error(.contentTooLarge, field: "request", value: "", message: "the body is larger than the server accepts")
        default:
            return APIAnswer.error(status, field: "request", value: request.uri.path, message: status.reasonPhrase)
        }
    }
}

/// The headers of every answer: the page may load only its own scripts, styles and images and talk only to this
/// server (no inline script or style, no frames, no plugins), is never framed, never sniffed, and sends no referrer.
enum SecurityHeaders {
    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    static let fields: [(HTTPField.Name, String)] = [
        (HTTPField.Name("Content-Security-Policy")!, contentSecurityPolicy),
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (HTTPField.Name("Cross-Origin-Opener-Policy")!, "same-origin"),
        (HTTPField.Name("Cross-Origin-Resource-Policy")!, "same-origin"),
        (HTTPField.Name("X-Membrane-Version")!, MembraneVersion.current),
    ]

    static func apply(to headers: inout HTTPFields) {
        for (name, value) in fields { headers[name] = value }
    }
}
