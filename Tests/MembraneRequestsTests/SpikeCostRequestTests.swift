import Testing
import Foundation
import Membrane
import MembraneRequests

/// `simulate hh --spike-cost` (issue 9 item 3: the cost of one action potential). The library's integral is tested
/// against the cell's Na⁺ amount in HodgkinHuxleyConcentrationTests; here the request: E fixed (NEURON's hh) and E from
/// held concentrations are the same equations, so their costs agree; ions = Q·A/e (CODATA 2018 e), the least
/// charge is C·ΔV, ATP = ions/3 (3 Na⁺ per pump cycle).
@Suite("simulate hh: the cost of an action potential")
struct SpikeCostRequestTests {
    static func cost(_ body: String) throws -> [String: Any] {
        var context = RequestContext()
        let result = try RequestCatalog.run(command: "simulate/hh", body: body, context: &context)
        let json = try JSONSerialization.jsonObject(with: Data(result.json.render().utf8)) as! [String: Any]
        return try #require(json["action_potential_cost"] as? [String: Any])
    }

    @Test func heldEqualsFixedAndTheIdentitiesHold() throws {
        let fixed = try Self.cost(#"{"stimulus-uA-per-cm2": 10, "duration": 0.1, "spike-cost": true}"#)
        let held = try Self.cost(#"{"stimulus-uA-per-cm2": 10, "duration": 0.1, "spike-cost": true, "concentrations": "held"}"#)
        // 7 spikes at 10 µA/cm² in 0.1 s (NEURON reference, Tests/Reference/hh) → 5 trough-to-trough cycles.
        #expect(fixed["cycles"] as? Int == 5 && held["cycles"] as? Int == 5)
        let a = try #require(fixed["mean"] as? [String: Double]), b = try #require(held["mean"] as? [String: Double])
        #expect(abs(a["sodium_charge_nC_per_cm2"]! / b["sodium_charge_nC_per_cm2"]! - 1) < 1e-5)
        let area = 100e-12, e = 1.602176634e-19  // the reference compartment's 100 µm²; CODATA 2018 e
        let q = a["sodium_charge_nC_per_cm2"]! * 1e-5  // C/m²
        #expect(abs(a["sodium_ions"]! / (q * area / e) - 1) < 1e-12)
        #expect(abs(a["atp"]! / (a["sodium_ions"]! / 3) - 1) < 1e-12)
        #expect(abs(a["overlap_factor"]! - a["sodium_charge_nC_per_cm2"]! / a["capacitive_charge_nC_per_cm2"]!) < 1e-9)
        for c in try #require(fixed["per_cycle"] as? [[String: Double]]) {
            // C = 1 µF/cm²: C·ΔV in nC/cm² is ΔV in mV × 1 µF/cm² = ΔV nC/cm².
            #expect(abs(c["capacitive_charge_nC_per_cm2"]! - (c["peak_mV"]! - c["trough_mV"]!)) < 1e-9)
            #expect(c["sodium_charge_nC_per_cm2"]! > c["capacitive_charge_nC_per_cm2"]!)
        }
    }

    @Test(arguments: [
        #"{"cells": 2, "spike-cost": true}"#,
        #"{"preset": "hubel-ullah-2016", "spike-cost": true, "duration": 1}"#,
        #"{"preset": "cressman-2009", "spike-cost": true, "duration": 1}"#,
        #"{"preset": "luo-rudy-1991", "spike-cost": true, "duration": 1}"#,
    ])
    func refusedWhereItHasNoMeaning(_ body: String) {
        var context = RequestContext()
        do {
            _ = try RequestCatalog.run(command: "simulate/hh", body: body, context: &context)
            Issue.record("accepted: \(body)")
        } catch let e as MembraneError { #expect(e.field == "spike-cost", "\(e.message)") } catch { Issue.record("\(error)") }
    }
}
