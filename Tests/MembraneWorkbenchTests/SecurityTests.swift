import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MembraneWorkbench
import Testing

/// The guards of a local server, against a live server on a loopback port: each refusal has its status and the
/// error object, and the next ordinary request is answered.
@Suite("API: security")
struct SecurityTests {
    static let nernst = #"{"ion": "K", "inside": 140, "outside": 5}"#

    /// Sends `request` on a connection of its own (so it can carry any Host).
    static func send(port: Int, _ request: TestClient.Request) async throws -> Answer {
        try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
            let r = try await client.execute(request)
            return Answer(status: r.head.status, headers: r.head.headerFields, body: r.body.map { String(buffer: $0) } ?? "")
        }
    }

    /// Sends `request`, then an ordinary request as a browser on this server would (Host with the port).
    static func refusedThenServed(port: Int, _ request: TestClient.Request) async throws -> (refused: Answer, next: Answer) {
        let refused = try await send(port: port, request)
        let next = try await send(port: port, TestClient.Request("/api/nernst", method: .post, authority: "127.0.0.1:\(port)",
                                                                 headers: [.contentType: "application/json"], body: ByteBuffer(string: nernst)))
        return (refused, next)
    }

    @Test(arguments: ["evil.example", "evil.example:8080", "localhost.evil.example", "127.0.0.1.nip.io", "", "[::1"])
    func foreignHostIs421(host: String) async throws {
        try await workbench().test(.live) { client in
            let (refused, next) = try await Self.refusedThenServed(port: client.port!, TestClient.Request("/", method: .get, authority: host))
            #expect(refused.status == .misdirectedRequest)
            #expect(refused.errorField == "Host")
            #expect(refused.header("Content-Security-Policy") != nil)
            #expect(next.status == .ok)
        }
    }

    @Test(arguments: ["localhost", "127.0.0.1", "[::1]"])
    func loopbackHostsAreServed(host: String) async throws {
        try await workbench().test(.live) { client in
            let a = try await Self.send(port: client.port!, TestClient.Request("/api/presets", method: .get, authority: "\(host):\(client.port!)"))
            #expect(a.status == .ok)
        }
    }

    @Test func crossOriginPostIs403() async throws {
        try await workbench().test(.live) { client in
            let port = client.port!
            for headers: HTTPFields in [[HTTPField.Name("Origin")!: "http://evil.example"],
                                        [HTTPField.Name("Origin")!: "null"],
                                        [HTTPField.Name("Origin")!: "http://localhost:\(port + 1)"],
                                        [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"]] {
                var h = headers
                h[.contentType] = "application/json"
                let (refused, next) = try await Self.refusedThenServed(port: port, TestClient.Request(
                    "/api/nernst", method: .post, authority: "127.0.0.1:\(port)", headers: h, body: ByteBuffer(string: Self.nernst)))
                #expect(refused.status == .forbidden, "\(headers)")
                #expect(refused.errorField == "Origin")
                #expect(next.status == .ok)
            }
            // The page's own requests: same origin.
            let same = try await Self.send(port: port, TestClient.Request(
                "/api/nernst", method: .post, authority: "localhost:\(port)",
                headers: [.contentType: "application/json", HTTPField.Name("Origin")!: "http://localhost:\(port)", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"],
                body: ByteBuffer(string: Self.nernst)))
            #expect(same.status == .ok)
        }
    }

    @Test func oversizedBodyIs413() async throws {
        try await workbench().test(.live) { client in
            let body = #"{"solution": ""# + String(repeating: "K=1, ", count: 100_000) + #""}"#
            let (refused, next) = try await Self.refusedThenServed(port: client.port!, TestClient.Request(
                "/api/activity", method: .post, authority: "localhost", headers: [.contentType: "application/json"], body: ByteBuffer(string: body)))
            #expect(refused.status == .contentTooLarge)
            #expect(refused.errorField == "request")
            #expect(next.status == .ok)
        }
    }

    @Test(arguments: ["/../Package.swift", "/%2e%2e/Package.swift", "/..%2fPackage.swift", "/Page/../../Package.swift", "//etc/passwd",
                      "/index.html/../../../etc/passwd", "/api/../../etc/passwd", "/%2F%2Fetc%2Fpasswd", "/app.js%00.txt", "/.build/debug/membrane",
                      "/Sources/MembraneWorkbench/Page/app.js", "/api/presets/..%2f..%2fPackage.swift"])
    func pathTraversalIs404(path: String) async throws {
        try await workbench().test(.live) { client in
            let (refused, next) = try await Self.refusedThenServed(port: client.port!, TestClient.Request(path, method: .get, authority: "localhost"))
            #expect(refused.status == .notFound, "\(path): \(refused.body)")
            #expect(refused.errorField == "path")
            #expect(!refused.body.contains("import PackageDescription") && !refused.body.contains("root:"))
            #expect(next.status == .ok)
        }
    }

    /// A simulation that cannot finish within the time limit is stopped: 503 with the error object and what was
    /// computed; the server answers the next request at once.
    @Test func simulationPastItsTimeLimitIs503() async throws {
        var limits = WorkbenchLimits()
        limits.timeLimit = .milliseconds(300)
        try await workbench(limits: limits).test(.live) { client in
            let started = ContinuousClock.now
            let a = try await client.post("/api/simulate/pump-leak", #"{"preset": "kay-2017", "duration": 1e7, "max-step": 0.001}"#)
            // Unstopped, the run (10¹⁰ steps) would not end for hours; 15 s leaves a loaded machine its margin.
            #expect(ContinuousClock.now - started < .seconds(15))
            #expect(a.status == .serviceUnavailable)
            #expect(a.errorField == "request")
            #expect((a.error?["message"] as? String)?.contains("time limit") == true)
            #expect(((a.object?["result"] as? [String: Any])?["termination"] as? String) == "interrupted")
            #expect(a.header("Retry-After") != nil)
            #expect(try await client.post("/api/nernst", Self.nernst).status == .ok)
        }
    }

    /// Every answer carries the security headers and the version.
    @Test func securityHeadersOnEveryAnswer() async throws {
        try await workbench().test(.router) { client in
            for a in [try await client.get("/"), try await client.get("/app.js"), try await client.get("/nope"),
                      try await client.post("/api/nernst", Self.nernst), try await client.post("/api/nernst", "{")] {
                let csp = a.header("Content-Security-Policy") ?? ""
                #expect(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe"))
                #expect(a.header("X-Content-Type-Options") == "nosniff")
                #expect(a.header("Referrer-Policy") == "no-referrer")
                #expect(a.header("X-Membrane-Version")?.isEmpty == false)
            }
        }
    }
}

@Suite("compute lane")
struct ComputeLaneTests {
    /// Work that ignores its stop request is answered `timedOut` once the limit and the grace have passed, not
    /// when it finally returns (its result, 1, is dropped).
    @Test func workThatDoesNotStopIsAnsweredAtTheDeadline() async throws {
        let lane = ComputeLane(limits: WorkbenchLimits(timeLimit: .milliseconds(100), stopGrace: .milliseconds(100)))
        let outcome = await lane.run(isLong: false, deadline: .now + .milliseconds(100)) { _ in
            Thread.sleep(forTimeInterval: 1.5)
            return 1
        }
        guard case .timedOut = outcome else { Issue.record("expected timedOut, got \(outcome)"); return }
        try await lane.shutdown()
    }

    /// Work that polls its stop request sees it turn true at the deadline.
    @Test func shouldStopTurnsTrueAtTheDeadline() async throws {
        let lane = ComputeLane(limits: WorkbenchLimits())
        let outcome = await lane.run(isLong: true, deadline: .now + .milliseconds(50)) { shouldStop in
            var polls = 0
            while !shouldStop() { polls += 1 }
            return polls
        }
        guard case .finished(let polls) = outcome else { Issue.record("expected finished, got \(outcome)"); return }
        #expect(polls > 0)
        try await lane.shutdown()
    }

    @Test func beyondThePendingLimitIsBusy() async throws {
        let lane = ComputeLane(limits: WorkbenchLimits(maximumPendingComputations: 0))
        guard case .busy = await lane.run(isLong: false, deadline: .now + .seconds(1), { _ in 1 }) else {
            Issue.record("expected busy"); return
        }
        try await lane.shutdown()
    }
}
