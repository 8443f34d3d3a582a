import Testing
import Foundation
import Membrane
import MembraneRequests

/// `simulate hh --pump-block-at S` (INTERFACE.md: `membrane simulate MODEL … [--pump-block-at SECONDS]`): the Na⁺/K⁺
/// pump stopped by a timed event, checked as invariants — blocking the pump at t = 0 is the same cell as a pump of
/// strength 0, and for `hubel-ullah-2016` the option is the preset's own `t_pump_stop` by another name.
@Suite("simulate hh --pump-block-at")
struct PumpBlockRequestTests {
    static func run(_ body: String) throws -> [String: Any] { try SimulateHH.json(body) }

    static func error(_ body: String) -> MembraneError? { SimulateHH.error(body) }

    /// The final state's V_m (mV) and each concentration (mM) of a run's JSON.
    static func final(_ d: [String: Any]) -> [String: Double] {
        let f = d["final"] as! [String: Any]
        var values = ["vm_mV": f["vm_mV"] as! Double]
        for side in ["inside_mM", "outside_mM"] {
            for (ion, c) in f[side] as! [String: Any] { if let c = c as? Double { values["\(side).\(ion)"] = c } }
        }
        return values
    }

    /// The largest difference between two final states, over every key they share (at least V_m and one ion each side).
    static func worst(_ a: [String: Double], _ b: [String: Double]) -> Double {
        let keys = Set(a.keys).intersection(b.keys)
        #expect(keys.count >= 3, "\(keys)")
        return keys.map { abs(a[$0]! - b[$0]!) }.max() ?? .infinity
    }

    /// `hubel-ullah-2016`: `pump-block-at 30` is `--set t_pump_stop=30` (the same run, bit for bit), `none` is a pump
    /// that never stops, and the two given with different times are refused.
    @Test func hubelUllahBlockIsItsPumpStop() throws {
        let option = try Self.run(#"{"preset": "hubel-ullah-2016", "duration": 40, "pump-block-at": 30}"#)
        let set = try Self.run(#"{"preset": "hubel-ullah-2016", "duration": 40, "set": "t_pump_stop=30"}"#)
        #expect(option["pump_stop_s"] as? Double == 30)
        #expect(Self.final(option) == Self.final(set))
        #expect(option["spike_count"] as? Int == set["spike_count"] as? Int)
        let never = try Self.run(#"{"preset": "hubel-ullah-2016", "duration": 60, "pump-block-at": "none"}"#)
        #expect(never["pump_stop_s"] is NSNull)
        #expect(never["spike_count"] as? Int == 0)
        let conflict = Self.error(#"{"preset": "hubel-ullah-2016", "duration": 40, "pump-block-at": 30, "set": "t_pump_stop=50"}"#)
        #expect(conflict?.field == "pump-block-at")
    }

    /// `cressman-2009` and `wei-ullah-schiff-2014`: the pump blocked at t = 0 gives the cell with ρ = 0 (a pump of
    /// strength 0): the same spikes and final state, to the integrator's tolerance (rtol 1e-8).
    @Test func blockAtZeroIsAPumpOfZero() throws {
        for (preset, rho, seconds) in [("cressman-2009", "rho", 10), ("wei-ullah-schiff-2014", "rho_max", 30)] {
            let blocked = try Self.run(#"{"preset": "\#(preset)", "duration": \#(seconds), "pump-block-at": 0}"#)
            let zero = try Self.run(#"{"preset": "\#(preset)", "duration": \#(seconds), "set": "\#(rho)=0"}"#)
            #expect(blocked["pump_block_s"] as? Double == 0, "\(preset)")
            #expect(blocked["spike_count"] as? Int == zero["spike_count"] as? Int, "\(preset)")
            let w = Self.worst(Self.final(blocked), Self.final(zero))
            #expect(w < 1e-4, "\(preset): final states differ by \(w)")
            // Without its pump the cell runs down: its V_m differs from the published cell's.
            let published = try Self.run(#"{"preset": "\#(preset)", "duration": \#(seconds)}"#)
            #expect(published["pump_block_s"] is NSNull)
            #expect(Self.worst(Self.final(published), Self.final(blocked)) > 0.1, "\(preset): the block changes the cell")
        }
    }

    /// A Hodgkin–Huxley cell with a `pump-uA-per-cm2` pump and dynamic concentrations: blocked at t = 0 it fires as the
    /// same cell with a pump of 0 µA/cm² (the blocked cell runs on the general path, the other in SIMD lanes: the
    /// spike times agree within 0.05 ms at rtol 1e-5). In an extracellular space of 0.2 cell volumes K⁺ accumulates
    /// and the cell stops firing after its first few spikes.
    @Test func hodgkinHuxleyPumpBlock() throws {
        let base = #""concentrations": "dynamic", "extracellular-volume-relative": 0.2, "stimulus-uA-per-cm2": 10, "duration": 0.1"#
        let blocked = try Self.run(#"{\#(base), "pump-uA-per-cm2": 5, "pump-block-at": 0}"#)
        let zero = try Self.run(#"{\#(base), "pump-uA-per-cm2": 0}"#)
        let a = blocked["spike_times_ms"] as! [Double], b = zero["spike_times_ms"] as! [Double]
        #expect(a.count == b.count && a.count >= 3, "\(a) vs \(b)")
        #expect(zip(a, b).map { abs($0 - $1) }.max() ?? .infinity < 0.05, "\(a) vs \(b)")
        #expect((blocked["notes"] as? [String])?.contains { $0.contains("pump blocked at 0") } == true)
    }

    /// Refused with the field named: a cell without a pump (NEURON's hh, the Luo–Rudy cell), a negative time, a word
    /// other than `none`.
    @Test func refusals() {
        #expect(Self.error(#"{"stimulus-uA-per-cm2": 10, "duration": 0.1, "pump-block-at": 1}"#)?.field == "pump-block-at")
        #expect(Self.error(#"{"preset": "luo-rudy-1991", "duration": 0.5, "pump-block-at": 0.1}"#)?.field == "pump-block-at")
        #expect(Self.error(#"{"preset": "cressman-2009", "duration": 1, "pump-block-at": -1}"#)?.field == "pump-block-at")
        #expect(Self.error(#"{"preset": "cressman-2009", "duration": 1, "pump-block-at": "never"}"#)?.field == "pump-block-at")
    }
}
