import Testing
import Foundation
import MembraneTestSupport

/// The error contract of docs/CLI-CONTRACT.md section 8 on the paths issue 14 (item 6) found broken: every
/// failure exits with its documented status, writes its message (or with `--json` the error object naming the
/// option and quoting the value) on stderr, and leaves stdout empty.
@Suite("Error contract: failed runs, files, option syntax")
struct ErrorContractCLITests {
    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
    }

    /// The error object's field, value and message (nil when stderr is not one).
    static func error(_ run: CLIRun) -> (field: String, value: String, message: String)? {
        guard let e = run.errorObject?["error"] as? [String: Any], let field = e["field"] as? String,
              let value = e["value"] as? String, let message = e["message"] as? String else { return nil }
        return (field, value, message)
    }

    /// `--max-steps 1` on a 10 000 s run does not exit 0: exit 70, field `max-steps`, the time reached.
    @Test func stepLimitIsAnError() throws {
        let run = try runMembrane(["simulate", "pump-leak", "--preset", "kay-2017", "--duration", "10000", "--max-steps", "1", "--json"])
        #expect(run.status == 70)
        #expect(run.stdout.isEmpty)
        let e = try #require(Self.error(run), "stderr: \(run.stderr)")
        #expect(e.field == "max-steps" && e.value == "1")
        #expect(e.message.contains("t = ") && e.message.contains("of 10000 s"))
        let text = try runMembrane(["simulate", "pump-leak", "--preset", "kay-2017", "--duration", "10000", "--max-steps", "1"])
        #expect(text.status == 70 && text.stdout.isEmpty)
        #expect(text.stderr.hasPrefix("error: ") && text.stderr.contains("--max-steps"))
    }

    /// A step limit below 1 is refused as input (64), naming the option.
    @Test func nonPositiveStepLimitIsRefused() throws {
        let run = try runMembrane(["simulate", "pump-leak", "--preset", "kay-2017", "--max-steps", "-5", "--json"])
        #expect(run.status == 64 && run.stdout.isEmpty)
        let e = try #require(Self.error(run), "stderr: \(run.stderr)")
        #expect(e.field == "max-steps" && e.value == "-5")
    }

    /// `simulate` without a model is a usage error (64) naming the models, not the help with 0.
    @Test func simulateWithoutModel() throws {
        let run = try runMembrane(["simulate"])
        #expect(run.status == 64 && run.stdout.isEmpty)
        #expect(run.stderr.contains("pump-leak") && run.stderr.contains("hh"))
    }

    /// A CSV in a directory that does not exist: exit 64 before the run, field `csv`, the path as typed.
    @Test func unwritableFileNamesOptionAndPath() throws {
        let run = try runMembrane(["simulate", "pump-leak", "--preset", "kay-2017", "--duration", "100",
                                   "--csv", "/nonexistent/x.csv", "--json"])
        #expect(run.status == 64 && run.stdout.isEmpty)
        let e = try #require(Self.error(run), "stderr: \(run.stderr)")
        #expect(e.field == "csv" && e.value == "/nonexistent/x.csv")
        #expect(e.message.contains("does not exist"))
        let plot = try runMembrane(["ljp", "--pipette", "K=140,Cl=140", "--bath", "K=4,Cl=4", "--plot", "/nonexistent/p.svg"])
        #expect(plot.status == 64 && plot.stdout.isEmpty)
        #expect(plot.stderr.hasPrefix("error: ") && plot.stderr.contains("/nonexistent/p.svg"))
    }

    /// Negative numbers reach numeric options as values: `--valence -1` means what `--valence=-1` means.
    @Test func negativeNumbersAreValues() throws {
        let spaced = try runMembrane(["nernst", "--ion", "Cl", "--inside", "10", "--outside", "100", "--valence", "-1", "--json"])
        let joined = try runMembrane(["nernst", "--ion", "Cl", "--inside", "10", "--outside", "100", "--valence=-1", "--json"])
        #expect(spaced.status == joined.status && spaced.stdout == joined.stdout, "\(spaced.stderr)")
        let grid = try runMembrane(["ljp", "--pipette", "K=140,Cl=140", "--bath", "K=4,Cl=4", "--method", "npp",
                                    "--grid-intervals", "-1", "--json"])
        #expect(grid.status == 64 && grid.stdout.isEmpty)
        #expect(Self.error(grid)?.field == "grid-intervals", "stderr: \(grid.stderr)")
        let sweep = try runMembrane(["steady-state", "--preset", "keener-sneyd", "--sweep", "-1:1:3", "--json"])
        #expect(sweep.status == 64 && sweep.stdout.isEmpty)
        #expect(Self.error(sweep)?.field != "arguments", "stderr: \(sweep.stderr)")
    }

    /// A value ArgumentParser cannot read names the option and quotes the value in `--json` mode.
    @Test func syntaxErrorsNameTheOption() throws {
        let run = try runMembrane(["nernst", "--ion", "K", "--inside", "140", "--outside", "5", "--valence", "abc", "--json"])
        #expect(run.status == 64 && run.stdout.isEmpty)
        let e = try #require(Self.error(run), "stderr: \(run.stderr)")
        #expect(e.field == "valence" && e.value == "abc")
        let unknown = try runMembrane(["nernst", "--ion", "K", "--inside", "140", "--outside", "5", "--frobnicate", "--json"])
        #expect(unknown.status == 64)
        #expect(Self.error(unknown)?.field == "frobnicate", "stderr: \(unknown.stderr)")
    }

    /// `ljp --batch` where every row fails is an error (64, field `batch`), not a table of errors with 0; with
    /// `--json` a batch prints one JSON document.
    @Test func batchOfFailures() throws {
        let bad = Self.temporary("bad.csv")
        try "pipette,bath\n\"K=140,Cl=140\",\"Xx=4\"\n\"Na=-1\",\"K=4,Cl=4\"\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let run = try runMembrane(["ljp", "--batch", bad, "--json"])
        #expect(run.status == 64 && run.stdout.isEmpty)
        let e = try #require(Self.error(run), "stderr: \(run.stderr)")
        #expect(e.field == "batch" && e.value == bad)
        let mixed = Self.temporary("mixed.csv")
        try "pipette,bath\n\"K=140,Cl=140\",\"K=4,Cl=4\"\n\"Na=-1\",\"K=4,Cl=4\"\n".write(toFile: mixed, atomically: true, encoding: .utf8)
        let partly = try runMembrane(["ljp", "--batch", mixed, "--json"])
        #expect(partly.status == 0, "\(partly.stderr)")
        let rows = try #require(partly.object?["rows"] as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["ljp_mV"] is Double && rows[0]["error"] is NSNull)
        #expect((rows[1]["error"] as? [String: Any])?["field"] is String)
    }

    /// Memory (item 2): a sampling interval that would record more than 10⁶ points is refused naming `interval`, the
    /// value as typed and the smallest allowed; without a CSV or plot nothing is stored per step: the run keeps only
    /// its initial and final states.
    @Test func samplingIsBounded() throws {
        let csv = Self.temporary("tiny.csv")
        let refused = try runMembrane(["simulate", "pump-leak", "--preset", "kay-2017", "--duration", "10000",
                                       "--interval", "1e-300", "--csv", csv, "--json"])
        #expect(refused.status == 64 && refused.stdout.isEmpty)
        let e = try #require(Self.error(refused), "stderr: \(refused.stderr)")
        #expect(e.field == "interval" && e.value == "1e-300")
        #expect(e.message.contains("0.01 s"))  // 10000 s / 10⁶ points
        let unused = try runMembrane(["simulate", "pump-leak", "--preset", "kay-2017", "--duration", "10000",
                                      "--interval", "1e-3", "--json"])
        #expect(unused.status == 64 && Self.error(unused)?.field == "interval")
        let run = try runMembrane(["simulate", "pump-leak", "--preset", "kay-2017", "--duration", "10000", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try #require(run.object)
        #expect(o["samples"] as? Int == 2)
        #expect((o["final"] as? [String: Any])?["time_s"] as? Double == 10000)
    }
}
