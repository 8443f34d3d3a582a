import Testing
import Foundation
import Membrane
import MembraneRequests

/// `simulate hh --preset wei-ullah-schiff-2014` through the request layer (the command line and
/// `POST /api/simulate/hh`), against Tests/Reference/wei-ullah-schiff-2014: scipy LSODA at rtol 1e-12 on an
/// independent port of Wei, Ullah & Schiff 2014 (its README gives the accuracy and the conditioning).
@Suite("simulate hh --preset wei-ullah-schiff-2014")
struct WeiUllahSchiffRequestTests {
    static func rows(_ file: String) throws -> [[Double]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Reference/wei-ullah-schiff-2014/\(file)")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",").map { Double($0)! } }
    }

    static func run(_ body: String) throws -> [String: Any] { try SimulateHH.json(body) }

    static func error(_ body: String) -> MembraneError? { SimulateHH.error(body) }

    /// The default protocol to 100 s (anoxia from 20 s): the final state is the reference's at 100 s (V_m within
    /// 1e-3 mV, [K]ₒ within 1e-4 mM, the cell volume within 1e-3 µm³; at the default rtol 1e-8), and the summary
    /// reports the spreading depolarization: V_m above −20 mV from 43–45 s (the reference: −20.22 mV at 43 s, −19.61 at
    /// 44 s) to the end of the run, [K]ₒ above 40 mM, the cell swollen by > 5 %.
    @Test func anoxiaBringsSpreadingDepolarization() throws {
        let d = try Self.run(#"{"preset": "wei-ullah-schiff-2014", "duration": 100}"#)
        #expect(d["termination"] as? String == "finished")
        let at100 = try #require(try Self.rows("reference_tight.csv").first { $0[0] == 100 })
        let final = d["final"] as! [String: Any]
        #expect(abs(final["vm_mV"] as! Double - at100[1]) < 1e-3)
        #expect(abs((final["outside_mM"] as! [String: Double])["K"]! - at100[5]) < 1e-4)
        #expect(abs(final["volume_um3"] as! Double - at100[11]) < 1e-3)
        let sd = d["depolarization"] as! [String: Any]
        let onset = try #require(sd["onset_s"] as? Double)
        #expect(onset > 43 && onset < 44.5)
        #expect(abs((sd["time_above_s"] as! Double) - (100 - onset)) < 0.2)
        #expect((sd["peak_K_outside_mM"] as! Double) > 40)
        #expect((sd["peak_volume_relative"] as! Double) > 1.05)
        let hypoxia = d["hypoxia"] as! [String: Any]
        #expect(hypoxia["start_s"] as? Double == 20 && hypoxia["O2_bath_mg_per_L"] as? Double == 0)
    }

    /// Bath O₂ kept at 32 mg/L (the episode moved past the run): the cell rests below −70 mV, no depolarization; the
    /// brief's spelling `k_bath` sets bath K⁺ and is reported under the paper's name `K_bath`.
    @Test func normoxiaRestsAndKBathIsSettable() throws {
        let d = try Self.run(#"{"preset": "wei-ullah-schiff-2014", "duration": 30, "set": "t_hypoxia=1e5, t_reoxygenation=2e5, k_bath=4"}"#)
        let final = d["final"] as! [String: Any]
        #expect((final["vm_mV"] as! Double) < -70)
        #expect((d["depolarization"] as! [String: Any])["onset_s"] is NSNull)
        let parameters = d["parameters"] as! [String: [String: Any]]
        #expect(parameters["K_bath"]?["value"] as? Double == 4)
        #expect(d["spike_count"] as? Int == 0)
    }

    /// `presets --json` lists the preset with the paper's names and values.
    @Test func presetsListIt() throws {
        var context = RequestContext()
        let result = try RequestCatalog.run(command: "presets", body: "{}", context: &context)
        let all = try JSONSerialization.jsonObject(with: Data(result.json.render().utf8)) as! [[String: Any]]
        let w = try #require(all.first { $0["name"] as? String == "wei-ullah-schiff-2014" })
        let parameters = w["parameters"] as! [String: [String: Any]]
        for (name, value) in [("g_Na", 30), ("g_K", 25), ("g_NaL", 0.0247), ("rho_max", 0.8), ("K_bath", 4), ("O2_bath", 32)] {
            #expect(parameters[name]?["value"] as? Double == value, "\(name)")
        }
    }

    /// Bad input through `--set` and the options that do not apply: the field named, the value quoted as typed.
    @Test func refusals() throws {
        #expect(Self.error(#"{"preset": "wei-ullah-schiff-2014", "set": "O2_bath=-1"}"#)?.field == "O2_bath")
        #expect(Self.error(#"{"preset": "wei-ullah-schiff-2014", "set": "K_bath=0"}"#)?.field == "K_bath")
        #expect(Self.error(#"{"preset": "wei-ullah-schiff-2014", "set": "O2_bat=1"}"#)?.message.contains("O2_bath") == true)
        #expect(Self.error(#"{"preset": "wei-ullah-schiff-2014", "set": "O2_bath=abc"}"#)?.field == "set.O2_bath")
        #expect(Self.error(#"{"preset": "wei-ullah-schiff-2014", "set": "t_hypoxia=50, t_reoxygenation=10"}"#)?.field == "t_reoxygenation")
        #expect(Self.error(#"{"preset": "wei-ullah-schiff-2014", "cells": 3}"#)?.field == "cells")
        #expect(Self.error(#"{"preset": "wei-ullah-schiff-2014", "stimulus-uA-per-cm2": 10}"#)?.field == "stimulus-uA-per-cm2")
        #expect(Self.error(#"{"preset": "wei-ullah-schiff-2014", "duration": -1}"#)?.field == "duration")
        #expect(Self.error(#"{"preset": "wei-ullah"}"#)?.message.contains("wei-ullah-schiff-2014") == true)
    }
}
