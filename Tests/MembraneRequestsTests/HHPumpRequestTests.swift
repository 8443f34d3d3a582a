import Testing
import Foundation
import Membrane
import MembraneRequests

/// `simulate hh --pump-uA-per-cm2`: a Na⁺/K⁺ pump on the Hodgkin–Huxley cell (issue 9 item 2), I_pump =
/// ρ/((1 + e^{(25 − [Na]ᵢ)/3})·(1 + e^{5.5 − [K]ₒ})) (Kager, Wadman & Somjen 2000; Cressman et al. 2009).
@Suite("simulate hh --pump-uA-per-cm2")
struct HHPumpRequestTests {
    static func run(_ body: String) throws -> [String: Any] { try HHProtocolRequestTests.run(body) }

    /// With held concentrations the pump's current is constant: an outward I_pump from the saturation law at the held
    /// [Na]ᵢ and [K]ₒ. So a pumped cell at 10 µA/cm² fires exactly as the unpumped cell at 10 − I_pump µA/cm² (the
    /// law evaluated here, independently of the model), spike for spike.
    @Test func withHeldConcentrationsThePumpIsAConstantOutwardCurrent() throws {
        let rho = 6.8
        let pumped = try Self.run(#"{"concentrations": "held", "pump-uA-per-cm2": 6.8, "stimulus-uA-per-cm2": 10, "duration": 0.2, "rtol": 1e-8}"#)
        let final = pumped["final"] as! [String: Any]
        let na = (final["inside_mM"] as! [String: Double])["Na"]!, k = (final["outside_mM"] as! [String: Double])["K"]!
        let pumpCurrent = rho / ((1 + exp((25 - na) / 3)) * (1 + exp(5.5 - k)))
        #expect(pumpCurrent > 0.01)
        let shifted = try Self.run(#"{"concentrations": "held", "stimulus-uA-per-cm2": \#(10 - pumpCurrent), "duration": 0.2, "rtol": 1e-8}"#)
        let a = pumped["spike_times_ms"] as! [Double], b = shifted["spike_times_ms"] as! [Double]
        #expect(a.count == b.count && a.count > 5)
        for (x, y) in zip(a, b) { #expect(abs(x - y) < 1e-3, "pumped spike at \(x) ms, shifted stimulus \(y) ms") }
    }

    /// ρ = 0 changes nothing (dynamic concentrations, same spikes and final state as without a pump); ρ > 0 pumps
    /// Na⁺ out and K⁺ in: [Na]ᵢ lower and [K]ᵢ higher after the same run.
    @Test func aZeroPumpChangesNothingAndAPumpRestoresTheGradients() throws {
        let base = #""concentrations": "dynamic", "stimulus-uA-per-cm2": 10, "duration": 0.1, "rtol": 1e-8"#
        let none = try Self.run("{\(base)}"), zero = try Self.run(#"{\#(base), "pump-uA-per-cm2": 0}"#)
        let pumped = try Self.run(#"{\#(base), "pump-uA-per-cm2": 20}"#)
        #expect(none["spike_times_ms"] as! [Double] == zero["spike_times_ms"] as! [Double])
        func inside(_ d: [String: Any]) -> [String: Double] { (d["final"] as! [String: Any])["inside_mM"] as! [String: Double] }
        #expect(inside(none) == inside(zero))
        #expect(inside(pumped)["Na"]! < inside(none)["Na"]!)
        #expect(inside(pumped)["K"]! > inside(none)["K"]!)
    }
}
