import Testing
import Foundation
import MembraneTestSupport

/// The command-line contract of INTERFACE.md for donnan, steady-state and simulate pump-leak.
@Suite("membrane donnan / steady-state / simulate pump-leak")
struct PumpLeakCLITests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
    }

    /// `donnan` prints potential_mV, inside (ion → mM) and donnan_ratio; the values are the quadratic's
    /// (one impermeant of charge −1.2 at 120 mM in 100 mM KCl: a = 144, r = (a + √(a² + 4c²))/(2c)).
    @Test func donnanKeysAndValues() throws {
        let run = try runMembrane(["donnan", "--outside", "K=100,Cl=100", "--inside-impermeant", "charge=-1.2,concentration=120",
                                   "--permeant", "K,Cl", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try #require(run.object)
        let r = (144 + (144.0 * 144 + 40000).squareRoot()) / 200
        #expect(isRelativelyClose(try #require(o["donnan_ratio"] as? Double), r, relative: 1e-9))
        let inside = try #require(o["inside"] as? [String: Double])
        #expect(isRelativelyClose(try #require(inside["K"]), 100 * r, relative: 1e-9))
        #expect(isRelativelyClose(try #require(inside["Cl"]), 100 / r, relative: 1e-9))
        #expect(o["potential_mV"] is Double)
    }

    @Test func donnanSwellingIsStated() throws {
        let run = try runMembrane(["donnan", "--outside", "K=100,Cl=100", "--inside-impermeant", "charge=-1,concentration=50",
                                   "--permeant", "K,Cl", "--compartment", "osmotic", "--json"])
        #expect(run.status == 65)
        let error = try #require(run.errorObject?["error"] as? [String: Any])
        #expect((error["message"] as? String)?.contains("swells without bound") == true)
    }

    static let stateKeys = ["time_s", "vm_mV", "inside_mM", "outside_mM", "volume_um3", "volume_relative"]

    @Test func steadyStateKeys() throws {
        let run = try runMembrane(["steady-state", "--preset", "kay-2017", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try #require(run.object)
        #expect(o["converged"] as? Bool == true)
        let state = try #require(o["state"] as? [String: Any])
        for key in Self.stateKeys { #expect(state[key] != nil, "state has \(key)") }
        // Kay 2017's steady state (PLM_CD.m run to steady state, Tests/Reference/kay2017): −94.14 mV.
        #expect(isClose(try #require(state["vm_mV"] as? Double), -94.14, within: 0.01))
        let energy = try #require(o["energy"] as? [String: Any])
        #expect(energy["atp_per_s"] is Double && energy["work_per_cycle_kJ_per_mol"] is Double)
    }

    /// keener-sneyd with --pump-rate: the existence range's upper end is P_max = 14.2225 (α(P_max) = 1).
    @Test func keenerSneydPumpRate() throws {
        let run = try runMembrane(["steady-state", "--preset", "keener-sneyd", "--pump-rate", "3", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try #require(run.object)
        #expect(o["pump_rate"] as? Double == 3)
        let range = try #require((o["existence"] as? [[String: Any]])?.first)
        #expect(isClose(try #require(range["pump_rate_max"] as? Double), 14.2225, within: 1e-4))
        let ks = try #require(o["keener_sneyd"] as? [String: Any])
        let state = try #require(o["state"] as? [String: Any])
        #expect(isClose(try #require(ks["vm_mV"] as? Double), try #require(state["vm_mV"] as? Double), within: 1e-8))
    }

    @Test func noSteadyStateNamesTheLimit() throws {
        let run = try runMembrane(["steady-state", "--preset", "keener-sneyd", "--pump-rate", "15", "--json"])
        #expect(run.status == 65)
        let error = try #require(run.errorObject?["error"] as? [String: Any])
        #expect(error["field"] as? String == "pump-rate")
        #expect((error["message"] as? String)?.contains("14.2225") == true)
    }

    @Test func newtonFailureReportsResidual() throws {
        let run = try runMembrane(["steady-state", "--preset", "kay-2017", "--max-iterations", "1", "--json"])
        #expect(run.status == 70)
        let error = try #require(run.errorObject?["error"] as? [String: Any])
        #expect((error["message"] as? String)?.contains("residual") == true)
    }

    @Test func sweepWritesCSVAndPlot() throws {
        let csv = Self.temporary("sweep.csv"), svg = Self.temporary("sweep.svg")
        let run = try runMembrane(["steady-state", "--preset", "keener-sneyd", "--sweep", "1:15:8", "--csv", csv, "--plot", svg, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let sweep = try #require(run.object?["sweep"] as? [[String: Any]])
        #expect(sweep.count == 8)
        #expect(sweep.last?["exists"] as? Bool == false)  // P = 15 > P_max
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(text.hasPrefix("pump_rate,exists,vm_mV,inside_mM.Na"))
        #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("polyline"))
    }

    @Test func simulateKeysCSVAndPlot() throws {
        let csv = Self.temporary("kay.csv"), svg = Self.temporary("kay.svg")
        let run = try runMembrane(["simulate", "pump-leak", "--preset", "kay-2017", "--duration", "6000", "--csv", csv, "--plot", svg,
                                   "--interval", "100", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try #require(run.object)
        #expect(o["termination"] as? String == "finished")
        let final = try #require(o["final"] as? [String: Any])
        for key in Self.stateKeys { #expect(final[key] != nil, "final has \(key)") }
        #expect(final["time_s"] as? Double == 6000)
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 62)
        let header = lines[0].split(separator: ",").map(String.init)
        for key in ["time_s", "vm_mV", "inside_mM.Na", "inside_mM.K", "inside_mM.Cl", "outside_mM.Na", "volume_um3", "volume_relative"] {
            #expect(header.contains(key), "CSV has \(key)")
        }
        let plot = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(plot.components(separatedBy: "<svg").count - 1 == 4)  // a figure of three panels
        let drift = try #require((o["conservation"] as? [String: Any])?["max_relative_drift"] as? [String: Double])
        #expect(drift.values.allSatisfy { $0 < 1e-12 })
    }

    @Test func pumpBlockFromSteadyState() throws {
        let run = try runMembrane(["simulate", "pump-leak", "--preset", "kay-2017", "--start", "steady-state", "--pump-block-at", "0",
                                   "--duration", "600", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try #require(run.object)
        let events = try #require(o["events"] as? [[String: Any]])
        #expect(events.count == 1 && events[0]["time_s"] as? Double == 0)
        let final = try #require(o["final"] as? [String: Any])
        #expect(try #require(final["volume_relative"] as? Double) > 1.05)
    }

    /// `--method bdf` runs the BDF integrator (named in `solver.method`) and agrees with the default Rodas4 run:
    /// both are solutions at rtol 1e-8 whose global errors are below 1e-6 mV and 1e-8 in relative volume (BENCHMARKS.md
    /// measures 1.6e-7 mV and 6e-9 for BDF over an hour of block), and both conserve every amount to round-off.
    @Test func methodChoice() throws {
        let common = ["simulate", "pump-leak", "--preset", "kay-2017", "--start", "steady-state", "--pump-block-at", "0",
                      "--duration", "3600", "--json"]
        let bdf = try runMembrane(common + ["--method", "bdf"])
        let rodas = try runMembrane(common + ["--method", "rodas4"])
        #expect(bdf.status == 0 && rodas.status == 0, "\(bdf.stderr) \(rodas.stderr)")
        let b = try #require(bdf.object), r = try #require(rodas.object)
        #expect((b["solver"] as? [String: Any])?["method"] as? String == "BDF")
        #expect((r["solver"] as? [String: Any])?["method"] as? String == "Rodas4")
        let fb = try #require(b["final"] as? [String: Any]), fr = try #require(r["final"] as? [String: Any])
        let vb = try #require(fb["vm_mV"] as? Double), vr = try #require(fr["vm_mV"] as? Double)
        let wb = try #require(fb["volume_relative"] as? Double), wr = try #require(fr["volume_relative"] as? Double)
        #expect(isClose(vb, vr, within: 1e-6))
        #expect(isRelativelyClose(wb, wr, relative: 1e-8))
        let drift = try #require((b["conservation"] as? [String: Any])?["max_relative_drift"] as? [String: Double])
        #expect(drift.values.allSatisfy { $0 < 1e-12 })
    }

    @Test func configFile() throws {
        let path = Self.repo.appendingPathComponent("docs/examples/kay-2017-extracellular-impermeant.json").path
        let run = try runMembrane(["simulate", "pump-leak", "--preset", "kay-2017", "--config", path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let final = try #require(run.object?["final"] as? [String: Any])
        #expect(try #require(final["impermeant_outside_mM"] as? Double) == 100)
        let bad = Self.temporary("bad.json")
        try #"{"inside_mM": {"Na": -5}}"#.write(toFile: bad, atomically: true, encoding: .utf8)
        let negative = try runMembrane(["steady-state", "--config", bad, "--json"])
        #expect(negative.status == 64)
        #expect((negative.errorObject?["error"] as? [String: Any])?["field"] as? String == "config.inside_mM.Na")
        try #"{"temprature_C": 30}"#.write(toFile: bad, atomically: true, encoding: .utf8)
        let typo = try runMembrane(["steady-state", "--config", bad, "--json"])
        #expect(typo.status == 64)
        #expect((typo.errorObject?["error"] as? [String: Any])?["field"] as? String == "config")
    }

    @Test(arguments: [
        (["donnan", "--outside", "K=100,Cl=100", "--inside-impermeant", "charge=-1,concentration=-5", "--permeant", "K,Cl"], "inside-impermeant"),
        (["donnan", "--outside", "K=100,Cl=80", "--inside-impermeant", "charge=-1,concentration=5", "--permeant", "K,Cl"], "outside"),
        (["steady-state", "--preset", "hodgkin-huxley-99"], "preset"),
        (["steady-state", "--preset", "kay-2017", "--pump-rate", "-1"], "pump-rate"),
        (["simulate", "pump-leak", "--preset", "kay-2017", "--duration", "-5"], "duration"),
        (["simulate", "pump-leak", "--preset", "kay-2017", "--duration", "10", "--rtol", "2"], "rtol"),
        (["simulate", "pump-leak", "--preset", "kay-2017", "--duration", "10", "--method", "euler"], "method"),
    ])
    func badInput(arguments: [String], field: String) throws {
        let run = try runMembrane(arguments + ["--json"])
        #expect(run.status != 0)
        #expect(run.stdout.isEmpty)
        let error = try #require(run.errorObject?["error"] as? [String: Any], "\(arguments): \(run.stderr)")
        #expect(error["field"] as? String == field, "\(arguments): \(error)")
    }

    /// Ctrl-C during a long run writes what was computed: JSON with termination "interrupted", the CSV, exit 130.
    @Test func interruptWritesWhatWasComputed() throws {
        let csv = Self.temporary("interrupted.csv")
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("membrane")
        process.arguments = ["simulate", "pump-leak", "--preset", "kay-2017", "--duration", "1e7", "--max-step", "1e-3",
                             "--csv", csv, "--json"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        process.interrupt()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let o = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(o["termination"] as? String == "interrupted")
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").count
        #expect(rows > 10)
    }

    /// `--atp-mM/--adp-mM/--phosphate-mM`: the pump's rate factor is Cortassa et al.'s [ATP]/([ATP] + K_m(1 +
    /// [ADP]/K_i)) = 0.02/(0.02 + 0.008·1.5) = 0.625, and ΔG_ATP = −30.5 kJ/mol + RT·ln([ADP][Pi]/[ATP]) (1 M standard
    /// state); inconsistent or negative inputs are errors naming the option (exit 64).
    @Test func pumpNucleotides() throws {
        let run = try runMembrane(["steady-state", "--preset", "kay-2017", "--atp-mM", "0.02", "--adp-mM", "0.05",
                                   "--phosphate-mM", "4", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try #require(run.object)
        let n = try #require(o["pump_nucleotides"] as? [String: Any])
        #expect(isClose(try #require(n["rate_factor"] as? Double), 0.625, within: 1e-12))
        let energy = try #require(o["energy"] as? [String: Any])
        let rt = 1.380649e-23 * 6.02214076e23 * 298.15 / 1000  // kJ/mol: R = k_B·N_A (CODATA 2018 exact), Kay's 25 °C
        let expected = -30.5 + rt * log(0.05e-3 * 4e-3 / 0.02e-3)
        #expect(isClose(try #require(energy["delta_g_atp_kJ_per_mol"] as? Double), expected, within: 1e-6))
        for bad in [["--atp-mM", "-1"], ["--adp-mM", "0.1"], ["--atp-mM", "1", "--phosphate-mM", "1"]] {
            let r = try runMembrane(["steady-state", "--preset", "kay-2017"] + bad)
            #expect(r.status == 64, "\(bad): \(r.stderr)")
        }
    }
}

