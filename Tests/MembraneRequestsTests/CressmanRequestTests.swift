import Testing
import Foundation
import Membrane
import MembraneRequests

/// `simulate hh --preset cressman-2009` through the request layer (the command line and `POST /api/simulate/hh`),
/// against Tests/Reference/cressman-2009: scipy LSODA at rtol 1e-12 on an independent port of Cressman et al. 2009
/// with the 2011 erratum (its README gives the accuracy).
@Suite("simulate hh --preset cressman-2009")
struct CressmanRequestTests {
    static func rows(_ file: String) throws -> [[Double]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Reference/cressman-2009/\(file)")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",").map { Double($0)! } }
    }

    static func run(_ body: String, figure: Bool = false) throws -> [String: Any] { try SimulateHH.json(body, figure: figure) }

    static func error(_ body: String) -> MembraneError? { SimulateHH.error(body) }

    /// Bath K⁺ 4 mM (the default), 30 s: the reference's six spikes of the initial relaxation within 1e-5 s (rtol 1e-8), then
    /// rest; V_m, [K]ₒ and [Na]ᵢ at 30 s within 1e-4 mV, 1e-6 mM ([K]ₒ) and 10·rtol relative ([Na]ᵢ) of the reference; one burst, no period.
    @Test func restAtBathPotassium4() throws {
        let d = try Self.run(#"{"preset": "cressman-2009", "duration": 30}"#)
        let reference = try Self.rows("rest_spikes.csv").map { $0[1] }
        let times = (d["spike_times_ms"] as! [Double]).map { $0 * 1e-3 }
        #expect(times.count == reference.count)
        let worst = zip(times, reference).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < 1e-5, "worst spike time error \(worst) s")
        let at30 = try #require(try Self.rows("rest_trajectory.csv").first { $0[0] == 30 })
        let final = d["final"] as! [String: Any]
        let inside = final["inside_mM"] as! [String: Double], outside = final["outside_mM"] as! [String: Double]
        #expect(abs(final["vm_mV"] as! Double - at30[1]) < 1e-4)
        #expect(abs(outside["K"]! - at30[4]) < 1e-6)
        // [Na]ᵢ ≈ 18 mM: within ten times rtol (1e-8) relative, the global error of the run (≈ 1e-6 mM).
        #expect(abs(inside["Na"]! - at30[5]) < 10 * 1e-8 * at30[5])
        // The paper's conservation laws in the reported state.
        #expect(abs(inside["K"]! + inside["Na"]! - 158) < 1e-9)
        #expect(abs(outside["Na"]! + 7 * inside["Na"]! - (144 + 18 * 7)) < 1e-9)
        // Fixed volumes: the cell's relative volume 1, the extracellular space 1/β of it; no absolute volume published.
        #expect(final["volume_relative"] as? Double == 1)
        #expect(abs(final["extracellular_volume_relative"] as! Double - 1.0 / 7) < 1e-15)
        #expect(final["volume_um3"] is NSNull)
        #expect(d["burst_count"] as? Int == 1)
        #expect(d["burst_period_s"] is NSNull)
        #expect(d["k_bath_mM"] as? Double == 4)
        #expect(d["termination"] as? String == "finished")
    }

    /// Bath K⁺ 8 mM, 65 s: the initial relaxation and two seizure-like bursts of the reference; every spike within
    /// 5e-4 s of the reference's (rtol 1e-8; the reference's own error is 3e-8 s), hence each burst's first and
    /// last spike and the period between the two.
    @Test func seizureAtBathPotassium8() throws {
        let d = try Self.run(#"{"preset": "cressman-2009", "duration": 65, "set": "k_bath=8"}"#)
        let reference = try Self.rows("seizure_spikes.csv").map { $0[1] }.filter { $0 < 65 }
        let times = (d["spike_times_ms"] as! [Double]).map { $0 * 1e-3 }
        #expect(times.count == reference.count)
        let worst = zip(times, reference).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < 5e-4, "worst spike time error \(worst) s")
        let bursts = d["bursts"] as! [[String: Any]]
        #expect(bursts.count == 3)
        // The reference's bursts: runs of spikes less than 1 s apart.
        var starts = [reference[0]], ends: [Double] = []
        for (a, b) in zip(reference, reference.dropFirst()) where b - a >= 1 { ends.append(a); starts.append(b) }
        ends.append(reference.last!)
        for (k, b) in bursts.enumerated() where k < starts.count {
            #expect(abs(b["start_s"] as! Double - starts[k]) < 1e-3)
            #expect(abs(b["end_s"] as! Double - ends[k]) < 1e-3)
        }
        // The slow oscillation (reference: [K]o 7.1 → 9.8 mM within 2 s of the onset, [Na]i 16.4 → 18.9 mM through
        // the burst): [K]o peaks > 2 mM above its value at the first spike and is falling again by the last one.
        for b in bursts.dropFirst() {
            let ko = (b["K_o_start_mM"] as! Double, b["K_o_peak_mM"] as! Double, b["K_o_end_mM"] as! Double)
            #expect(ko.1 - ko.0 > 2 && ko.2 < ko.1 - 1, "\(ko)")
            #expect((b["Na_i_end_mM"] as! Double) - (b["Na_i_start_mM"] as! Double) > 2)
        }
        // One period between the two seizure-like bursts: the reference's onset interval, tens of seconds.
        let period = try #require(d["burst_period_s"] as? Double)
        #expect(abs(period - (starts[2] - starts[1])) < 2e-3)
        #expect((10...60).contains(period))
    }

    /// The time series (CSV) every `interval`: one row per sample, the paper's units, the authors' initial state first.
    @Test func csvEveryInterval() throws {
        var context = RequestContext()
        context.wantsFigure = true
        let request = try RequestDecoder().decode(HHSimulationRequest.self,
                                                  from: #"{"preset": "cressman-2009", "duration": 2, "interval": 0.5}"#)
        let result = try request.result(in: &context)
        let csv = try #require(result.output.csv)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 1 + 5)
        let header = lines[0].split(separator: ",").map(String.init)
        let first = lines[1].split(separator: ",").map { Double($0)! }
        for (column, value) in [("vm_mV", -50.0), ("outside_mM.K", 7.8), ("inside_mM.Na", 15.5), ("inside_mM.K", 142.5)] {
            let i = try #require(header.firstIndex(of: column), "\(column)")
            #expect(abs(first[i] - value) < 1e-12, "\(column)")
        }
        let reference = try #require(try Self.rows("rest_trajectory.csv").first { $0[0] == 2 })
        let last = lines[5].split(separator: ",").map { Double($0)! }
        #expect(abs(last[header.firstIndex(of: "outside_mM.K")!] - reference[4]) < 1e-5)
        #expect(result.figure != nil)
    }

    /// `presets --json` lists the preset with the paper's values and the temperature RT/F = 26.64 mV implies
    /// (T = 0.02664·F/R = 309.14 K with CODATA 2018 F and R).
    @Test func presetsListIt() throws {
        var context = RequestContext()
        let result = try RequestCatalog.run(command: "presets", body: "{}", context: &context)
        let all = try JSONSerialization.jsonObject(with: Data(result.json.render().utf8)) as! [[String: Any]]
        let c = try #require(all.first { $0["name"] as? String == "cressman-2009" })
        let parameters = c["parameters"] as! [String: [String: Any]]
        for (name, value) in [("g_Na", 100.0), ("g_K", 40), ("g_AHP", 0.01), ("rho", 1.25), ("k_bath", 4), ("beta", 7)] {
            #expect(parameters[name]?["value"] as? Double == value, "\(name)")
        }
        #expect(parameters["k_bath"]?["unit"] as? String == "mM")
        let kelvin = 0.02664 * 96485.33212331001 / 8.314462618153241
        #expect(abs(c["temperature_C"] as! Double - (kelvin - 273.15)) < 1e-9)
    }

    /// Options that do not apply are refused with their field; parameters with the closest names and their ranges.
    @Test func refusals() throws {
        #expect(Self.error(#"{"preset": "cressman-2009", "cells": 3}"#)?.field == "cells")
        #expect(Self.error(#"{"preset": "cressman-2009", "stimulus-uA-per-cm2": 10}"#)?.field == "stimulus-uA-per-cm2")
        #expect(Self.error(#"{"preset": "cressman-2009", "concentrations": "dynamic"}"#)?.field == "concentrations")
        #expect(Self.error(#"{"preset": "cressman-2009", "set": "kbath=8"}"#)?.message.contains("k_bath") == true)
        let range = Self.error(#"{"preset": "cressman-2009", "set": "k_bath=0"}"#)
        #expect(range?.field == "k_bath")
        #expect(range?.message.contains("0.5") == true && range?.message.contains("50") == true)
        #expect(Self.error(#"{"preset": "cressman-2009", "set": "rho=-1"}"#)?.field == "rho")
        #expect(Self.error(#"{"preset": "cressman-2009", "duration": 0}"#)?.field == "duration")
        #expect(Self.error(#"{"preset": "cressman"}"#)?.message.contains("cressman-2009") == true)
    }
}
