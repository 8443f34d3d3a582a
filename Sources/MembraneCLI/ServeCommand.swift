import ArgumentParser
import Foundation
import Hummingbird
import Membrane
import MembraneWorkbench

/// `membrane serve`: the workbench page and the JSON API on a local port, until Ctrl-C (or SIGTERM) stops it
/// gracefully: requests in progress are answered (long runs are asked to stop), then the process exits 0.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "The workbench: a web page at http://127.0.0.1:8080/ and the JSON API (POST /api/COMMAND).",
        discussion: """
        Every calculation of the command line, in a browser: panels with sliders, plots, equations and the \
        equivalent command. The API answers POST /api/COMMAND (a JSON object with the command's long options as \
        keys) with exactly what `membrane COMMAND --json` prints; /openapi.json describes it. The server binds \
        loopback by default and refuses other Host names and cross-origin requests. Ctrl-C stops it.
        """)

    @Option(name: .long, parsing: .unconditional, help: "The address to listen on: 127.0.0.1 (this machine only), or 0.0.0.0 to be reachable from other machines.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The TCP port (0: any free port).")
    var port = 8080

    @Option(name: .long, help: "Seconds one request may compute before it is stopped (503).")
    var timeLimit: Double = 30

    /// Checked in `run`, so that a bad value is a `MembraneError` (exit 64, the error object with `--json`).
    func checkOptions() throws {
        guard (0...65535).contains(port) else {
            throw MembraneError.invalidValue(field: "port", value: String(port), allowed: "a TCP port 0…65535 (0: any free port)")
        }
        guard timeLimit.isFinite, timeLimit > 0, timeLimit <= 86_400 else {
            throw MembraneError.invalidValue(field: "time-limit", value: String(timeLimit), allowed: "seconds, > 0 and ≤ 86400")
        }
    }

    func run() throws {
        try checkOptions()
        var configuration = WorkbenchConfiguration(host: host, port: port)
        configuration.limits.timeLimit = .milliseconds(Int64((timeLimit * 1000).rounded()))
        if !configuration.bindsLoopbackOnly {
            FileHandle.standardError.write(Data("""
            warning: --host \(host) makes the workbench reachable from other machines; it has no authentication, so \
            anyone who can reach this address can run calculations on this computer. Use --host 127.0.0.1 to keep it local.

            """.utf8))
        }
        let host = self.host
        let app = buildApplication(configuration: configuration) { port in
            let line = "Membrane workbench: open \(Self.url(host: host, port: port)) in a browser (Ctrl-C stops the server)\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await app.runService() } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            throw MembraneError.invalidValue(field: "port", value: "\(host):\(port)",
                                             allowed: "an address and port this process can listen on (\(error))")
        }
        print("Membrane workbench stopped.")
    }

    /// The address to open in a browser: loopback when the server listens on every address.
    static func url(host: String, port: Int) -> String {
        let shown = host == "0.0.0.0" ? "127.0.0.1" : host == "::" ? "::1" : host
        return "http://\(shown.contains(":") ? "[\(shown)]" : shown):\(port)/"
    }
}

/// The error the server task ended with, read after it has signalled.
final class ServeOutcome: @unchecked Sendable {
    var error: (any Error)?
}
