import Testing
import Foundation
import Membrane
import MembraneRequests

/// Hyperkalemia on `simulate hh`: `--set K_o=…` with held concentrations raises the bath's K⁺ with the cell's K⁺
/// unchanged, so E_K = (RT/F)·ln(K_o/K_i) with K_i = 2.5 mM·e^{77 mV/(RT/F)} (E_K = −77 mV at NEURON's ko = 2.5 mM).
/// The same cell with E_K fixed at that value is the same system of equations: the two runs must agree.
@Suite("simulate hh: hyperkalemia (K_o)")
struct HyperkalemiaTests {
    static func run(_ body: String) throws -> [String: Any] {
        var context = RequestContext()
        let result = try RequestCatalog.run(command: "simulate/hh", body: body, context: &context)
        return try JSONSerialization.jsonObject(with: Data(result.json.render().utf8)) as! [String: Any]
    }

    /// RT/F at 6.3 °C with CODATA 2018 R and F, in mV.
    static let thermalVoltage = 8.314462618153241 * 279.45 / 96485.33212331001 * 1e3

    @Test(arguments: [5.0, 10.0, 20.0])
    func raisedBathPotassiumEqualsShiftedEK(_ kOutside: Double) throws {
        let eK = -77 + Self.thermalVoltage * log(kOutside / 2.5)
        let held = try Self.run(#"{"concentrations": "held", "set": "K_o=\#(kOutside)", "stimulus-uA-per-cm2": 10, "duration": 0.2}"#)
        let fixed = try Self.run(#"{"set": "E_K=\#(eK)", "stimulus-uA-per-cm2": 10, "duration": 0.2}"#)
        let a = held["spike_times_ms"] as! [Double], b = fixed["spike_times_ms"] as! [Double]
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) { #expect(abs(x - y) < 1e-3, "spike at \(x) vs \(y) ms") }
        let va = (held["final"] as! [String: Any])["vm_mV"] as! Double, vb = (fixed["final"] as! [String: Any])["vm_mV"] as! Double
        #expect(abs(va - vb) < 1e-3)
        // The final state reports E_K from the held concentrations: the closed form above; E_Na stays at 50 mV.
        let reversal = (held["final"] as! [String: Any])["reversal_mV"] as! [String: Double]
        #expect(abs(reversal["K"]! - eK) < 1e-9)
        #expect(abs(reversal["Na"]! - 50) < 1e-9)
    }

    /// Raising K_o depolarises the resting cell monotonically (E_K rises; the HH axon's rest follows it partly).
    @Test func restDepolarisesWithBathPotassium() throws {
        let rests = try [2.5, 5, 10, 20].map { k in
            (try Self.run(#"{"concentrations": "held", "set": "K_o=\#(k)", "duration": 0.2}"#)["final"] as! [String: Any])["vm_mV"] as! Double
        }
        #expect(zip(rests, rests.dropFirst()).allSatisfy { $0 < $1 }, "\(rests)")
    }

    @Test func kOutsideNeedsConcentrations() {
        var context = RequestContext()
        do {
            _ = try RequestCatalog.run(command: "simulate/hh", body: #"{"set": "K_o=10"}"#, context: &context)
            Issue.record("K_o with fixed E accepted")
        } catch let e as MembraneError { #expect(e.field == "set" && e.message.contains("held")) } catch { Issue.record("\(error)") }
    }
}
