import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MembraneTestSupport
import Testing

/// `membrane serve` as users run it: the built binary prints the URL, answers it, and stops cleanly on Ctrl-C.
@Suite("membrane serve")
struct ServeCommandTests {
    @Test func printsTheURLServesThePageAndStopsOnSIGINT() async throws {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("membrane")
        process.arguments = ["serve", "--port", "0"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // "Membrane workbench: open http://127.0.0.1:PORT/ in a browser (Ctrl-C stops the server)"
        var printed = ""
        let deadline = Date().addingTimeInterval(30)
        while !printed.contains("\n"), Date() < deadline {
            printed += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        }
        let match = try #require(printed.firstMatch(of: /open http:\/\/127\.0\.0\.1:(\d+)\//), "\(printed)")
        let port = try #require(Int(match.1))

        // On a loaded machine (CI builds beside the tests) the first connection can be closed before the server's
        // event loop takes it; a user's browser retries, so the test does too (at most three times).
        var attempt = 0
        let page = try await { () async throws -> TestClient.Response in
            while true {
                attempt += 1
                do {
                    return try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
                        try await client.execute(TestClient.Request("/", method: .get, authority: "127.0.0.1:\(port)"))
                    }
                } catch where attempt < 3 {
                    try await Task.sleep(for: .seconds(1))
                }
            }
        }()
        #expect(page.head.status == .ok)
        #expect(page.body.map { String(buffer: $0) }?.contains("Membrane workbench") == true)

        process.interrupt() // SIGINT, as Ctrl-C
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        printed += String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(printed.contains("stopped"))
    }

    @Test func aBadPortOrTimeLimitIsAnErrorNamingIt() throws {
        let bad = try runMembrane(["serve", "--port", "70000", "--time-limit", "1"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("port"))
        let limit = try runMembrane(["serve", "--time-limit", "0"])
        #expect(limit.status == 64)
        #expect(limit.stderr.contains("time-limit"))
    }
}
