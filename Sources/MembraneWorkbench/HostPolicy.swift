/// Which `Host` headers the server answers: the defence against DNS rebinding, where a page from another site
/// points its own domain name at 127.0.0.1 and so talks to a local server as if same-origin. Such a request
/// carries the attacker's name in `Host`; names are therefore refused unless they are `localhost` or the name the
/// server was bound to. IP literals cannot be rebound: loopback addresses are always accepted, other addresses when
/// the server was deliberately bound to a non-loopback address (`--host 0.0.0.0`).
public struct HostPolicy: Sendable {
    /// The `--host` the server was bound to, lower-cased.
    public let boundHost: String
    let acceptsAnyAddress: Bool

    public init(boundHost: String) {
        self.boundHost = Self.normalized(boundHost)
        acceptsAnyAddress = !Self.isLoopback(boundHost)
    }

    /// Whether a request whose `Host` (the HTTP/1.1 header; `:authority` in HTTP/2) is `authority` may be answered.
    public func allows(authority: String?) -> Bool {
        guard let authority, let host = Self.hostName(ofAuthority: authority) else { return false }
        if host == "localhost" || host == boundHost || Self.isLoopback(host) { return true }
        return acceptsAnyAddress && (Self.isIPv4(host) || host.contains(":"))
    }

    /// The host of an authority (`localhost:8080` → `localhost`, `[::1]:8080` → `::1`), lower-cased, without a
    /// trailing dot; nil when it is malformed (empty, a user part, a bad port).
    static func hostName(ofAuthority authority: String) -> String? {
        var host = Substring(authority)
        guard !host.isEmpty, !host.contains("@"), !host.contains(where: { $0 == " " || $0 == "/" }) else { return nil }
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            let rest = host[host.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && isPort(rest.dropFirst())) else { return nil }
            host = host[host.index(after: host.startIndex)..<close]
        } else if let colon = host.lastIndex(of: ":") {
            guard isPort(host[host.index(after: colon)...]) else { return nil }
            host = host[..<colon]
        }
        let name = normalized(String(host))
        return name.isEmpty ? nil : name
    }

    static func isPort(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 5 && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber)
    }

    static func normalized(_ host: String) -> String {
        var h = host.lowercased()
        if h.hasPrefix("["), h.hasSuffix("]") { h = String(h.dropFirst().dropLast()) }
        while h.hasSuffix(".") { h.removeLast() }
        return h
    }

    /// `localhost`, `127.x.y.z`, `::1`.
    public static func isLoopback(_ host: String) -> Bool {
        let h = normalized(host)
        if h == "localhost" || h == "::1" || h == "0:0:0:0:0:0:0:1" { return true }
        return isIPv4(h) && h.hasPrefix("127.")
    }

    /// A dotted quad of numbers 0…255.
    static func isIPv4(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { p in
            !p.isEmpty && p.count <= 3 && p.allSatisfy { $0.isASCII && $0.isNumber } && Int(p)! <= 255
        }
    }
}
