import Testing
import Foundation
import Membrane
import MembraneRequests

/// `simulate hh --preset hubel-ullah-2016` through the request layer (the command line and `POST /api/simulate/hh`),
/// against Tests/Reference/hubel-ullah-2016: scipy LSODA at rtol 1e-12 on a line-by-line port of ModelDB 187599
/// `code_Fig3.ode` (its README gives the accuracy: 1e-8 mV outside the burst, spike times to 2e-9 s).
@Suite("simulate hh --preset hubel-ullah-2016")
struct HubelUllahRequestTests {
    static func rows(_ file: String) throws -> [[Double]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Reference/hubel-ullah-2016/\(file)")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",").map { Double($0)! } }
    }

    static func run(_ body: String, figure: Bool = false) throws -> [String: Any] { try SimulateHH.json(body, figure: figure) }

    static func error(_ body: String) -> MembraneError? { SimulateHH.error(body) }

    /// Fig. 3 to 100 s: the whole burst after the pump stop at 50 s. Every spike of the reference within 1e-5 s (at
    /// rtol 1e-8 on the dense output; the reference's own error is 2e-9 s), V_m and the volume at 100 s within
    /// 1e-4 mV and 1e-3 µm³ (BENCHMARKS.md: the default rtol 1e-8 is within 1e-6 mV at 1000 s).
    @Test func figure3BurstMatchesTheReference() throws {
        let d = try Self.run(#"{"preset": "hubel-ullah-2016", "duration": 100}"#)
        let reference = try Self.rows("spikes_tight.csv").map { $0[1] }.filter { $0 < 100 }
        let times = (d["spike_times_ms"] as! [Double]).map { $0 * 1e-3 }
        #expect(d["spike_count"] as? Int == reference.count)
        #expect(times.count == reference.count)
        let worst = zip(times, reference).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < 1e-5, "worst spike time error \(worst) s")
        let at100 = try #require(try Self.rows("reference_tight.csv").first { $0[0] == 100 })
        let final = d["final"] as! [String: Any]
        #expect(abs(final["vm_mV"] as! Double - at100[1]) < 1e-4)
        #expect(abs(final["volume_um3"] as! Double - at100[7]) < 1e-3)
        #expect(d["termination"] as? String == "finished")
        #expect(d["pump_stop_s"] as? Double == 50)
    }

    /// K⁺ and Cl⁻ are conserved between the cell and the extracellular space (the closed system of the code): the
    /// amounts c_i·V_i + c_e·V_e at the end equal the initial ones (277.7 + 3.8889·720 fmol of K⁺; 21.7 + 124.72·720 of
    /// Cl⁻, from the code's initial conditions), and Fig. 4 (g_ClL = 0) keeps the volume (the paper's point): within
    /// 1e-3 µm³ of the reference at 300 s.
    @Test func withoutChlorideConductanceTheCellDoesNotSwell() throws {
        let d = try Self.run(#"{"preset": "hubel-ullah-2016", "duration": 300, "set": "g_ClL=0"}"#)
        let final = d["final"] as! [String: Any]
        let inside = final["inside_mM"] as! [String: Double], outside = final["outside_mM"] as! [String: Double]
        let v = final["volume_um3"] as! Double, ve = final["extracellular_volume_um3"] as! Double
        #expect(abs(v + ve - 2880) < 1e-9)
        let initial = try #require(try Self.rows("reference_tight_gcl0.csv").first)
        for (ion, column) in [("K", (8, 11)), ("Cl", (10, 13))] {
            let before = initial[column.0] * 2160 + initial[column.1] * 720
            let after = inside[ion]! * v + outside[ion]! * ve
            #expect(abs(after - before) < 1e-9 * before, "\(ion): \(before) → \(after) mM·µm³")
        }
        let at300 = try #require(try Self.rows("reference_tight_gcl0.csv").first { $0[0] == 300 })
        #expect(abs(v - at300[7]) < 1e-3)
        #expect(abs(final["vm_mV"] as! Double - at300[1]) < 1e-4)
    }

    /// Before the pump stops the two runs are the same system: with the stop moved past the run (`t_pump_stop`), the
    /// state at 40 s is the reference's at 40 s, and no spike fires.
    @Test func pumpStopIsAParameter() throws {
        let d = try Self.run(#"{"preset": "hubel-ullah-2016", "duration": 40, "set": "t_pump_stop=1e5"}"#)
        let at40 = try #require(try Self.rows("reference_tight.csv").first { $0[0] == 40 })
        let final = d["final"] as! [String: Any]
        #expect(abs(final["vm_mV"] as! Double - at40[1]) < 1e-4)
        #expect(d["spike_count"] as? Int == 0)
        #expect(final["pump_current_uA_per_cm2"] as! Double > 0)
    }

    /// The time series (CSV) every `interval`: one row per sample, V_m in mV, and its first row the code's initial state.
    @Test func csvEveryInterval() throws {
        var context = RequestContext()
        context.wantsFigure = true
        let request = try RequestDecoder().decode(HHSimulationRequest.self,
                                                  from: #"{"preset": "hubel-ullah-2016", "duration": 2, "interval": 0.5}"#)
        let result = try request.result(in: &context)
        let csv = try #require(result.output.csv)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 1 + 5)
        let header = lines[0].split(separator: ",").map(String.init)
        let vm = try #require(header.firstIndex(of: "vm_mV"))
        #expect(Double(lines[1].split(separator: ",")[vm]) == -67)
        #expect(result.figure != nil)
    }

    /// `presets --json` lists the preset with CLI-CONTRACT's names and code_Fig3.ode's values (gnal 0.0175, gna 100,
    /// gkl 0.05, gk 40, gcl 0.05 mS/cm², rhomax 6.8 µA/cm²) and the temperature RT/F = 26.64 mV implies
    /// (T = 0.02664·F/R = 309.14 K with CODATA 2018 F and R).
    @Test func presetsListIt() throws {
        var context = RequestContext()
        let result = try RequestCatalog.run(command: "presets", body: "{}", context: &context)
        let all = try JSONSerialization.jsonObject(with: Data(result.json.render().utf8)) as! [[String: Any]]
        let hu = try #require(all.first { $0["name"] as? String == "hubel-ullah-2016" })
        let parameters = hu["parameters"] as! [String: [String: Any]]
        for (name, value) in [("g_NaL", 0.0175), ("g_Na", 100), ("g_KL", 0.05), ("g_K", 40), ("g_ClL", 0.05), ("rho_max", 6.8)] {
            #expect(parameters[name]?["value"] as? Double == value, "\(name)")
        }
        let kelvin = 0.02664 * 96485.33212331001 / 8.314462618153241
        #expect(abs(hu["temperature_C"] as! Double - (kelvin - 273.15)) < 1e-9)
    }

    /// Options that do not apply to this cell are refused with their field; parameters with the closest names.
    @Test func refusals() throws {
        #expect(Self.error(#"{"preset": "hubel-ullah-2016", "cells": 3}"#)?.field == "cells")
        #expect(Self.error(#"{"preset": "hubel-ullah-2016", "stimulus-uA-per-cm2": 10}"#)?.field == "stimulus-uA-per-cm2")
        #expect(Self.error(#"{"preset": "hubel-ullah-2016", "concentrations": "dynamic"}"#)?.field == "concentrations")
        #expect(Self.error(#"{"preset": "hubel-ullah-2016", "set": "g_CL=0"}"#)?.message.contains("g_ClL") == true)
        #expect(Self.error(#"{"preset": "hubel-ullah-2016", "set": "g_K=-1"}"#)?.field == "g_K")
        #expect(Self.error(#"{"preset": "hubel-ullah-2016", "duration": 0}"#)?.field == "duration")
        #expect(Self.error(#"{"preset": "hubel-ullah"}"#)?.message.contains("hubel-ullah-2016") == true)
    }
}
