import Testing
import Foundation
import Membrane
import MembraneRequests
import MembraneTestSupport

/// Requests decoded from JSON compute what independent closed forms give, and every form of an input that means
/// the same (a number or a string, a unit, kelvin or °C, a string or an object) gives the same result.
@Suite("request values")
struct RequestValueTests {
    /// R = k_B·N_A and F = e·N_A, CODATA 2018 exact.
    static let R = 1.380649e-23 * 6.02214076e23, F = 1.602176634e-19 * 6.02214076e23

    func json(_ command: String, _ body: String) throws -> [String: Any] {
        var context = RequestContext()
        let text = try RequestCatalog.run(command: command, body: body, context: &context).json.render()
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// E_K for 140 mM inside and 5 mM outside at 37 °C: (RT/F)·ln(5/140) = −89.05 mV, whatever way it is written.
    @Test(arguments: [
        #"{"ion": "K", "inside": 140, "outside": 5}"#,
        #"{"ion": "K", "inside": "140", "outside": "5mM", "temperature": 37}"#,
        #"{"ion": "K+", "inside": "0.14M", "outside": "5000uM", "temperature": "310.15K"}"#,
        #"{"ion": "potassium", "inside": 140.0, "outside": 5e0, "temperature": "37C", "constants": "codata2018"}"#,
    ])
    func potassiumNernstPotential(body: String) throws {
        let o = try json("nernst", body)
        let expected = Self.R * 310.15 / Self.F * log(5.0 / 140) * 1000
        #expect(isClose(try #require(o["potential_mV"] as? Double), expected, within: 1e-9))
        #expect(o["valence"] as? Int == 1)
        #expect(isClose(try #require(o["temperature_K"] as? Double), 310.15, within: 1e-12))
    }

    /// GHK with solutions as objects: the closed form of Goldman 1943 / Hodgkin & Katz 1949 for K, Na, Cl.
    @Test func ghkClosedForm() throws {
        let o = try json("ghk", #"{"inside": {"K": 140, "Na": 12, "Cl": 7}, "outside": {"K": 5, "Na": 145, "Cl": 120}, "permeability": {"K": 1, "Na": 0.04, "Cl": 0.45}, "temperature": 20}"#)
        let vt = Self.R * 293.15 / Self.F
        let expected = vt * log((5 + 0.04 * 145 + 0.45 * 7) / (140 + 0.04 * 12 + 0.45 * 120)) * 1000
        #expect(isClose(try #require(o["potential_mV"] as? Double), expected, within: 1e-9))
    }

    /// Donnan with one impermeant of charge −1.2 at 120 mM in 100 mM KCl: the quadratic's ratio
    /// r = (a + √(a² + 4c²))/(2c) with a = 144, c = 100; the impermeant given as an object, the permeants as an array.
    @Test func donnanQuadratic() throws {
        let o = try json("donnan", #"{"outside": {"K": 100, "Cl": 100}, "inside-impermeant": [{"charge": -1.2, "concentration": 120}], "permeant": ["K", "Cl"]}"#)
        let r = (144 + (144.0 * 144 + 40000).squareRoot()) / 200
        #expect(isRelativelyClose(try #require(o["donnan_ratio"] as? Double), r, relative: 1e-9))
    }

    /// The drive ΔG(out → in) = RT·ln(c_in/c_out) + zF·V_m with V_m given in volts.
    @Test func driveDeltaGWithVolts() throws {
        let o = try json("drive", #"{"ion": "Na", "inside": 12, "outside": 145, "vm": "-0.07V"}"#)
        let expected = (Self.R * 310.15 * log(12.0 / 145) + Self.F * -0.070) / 1000
        #expect(isClose(try #require(o["delta_g_kJ_per_mol"] as? Double), expected, within: 1e-9))
    }

    /// The default temperature is one place: 37 °C for the calculators, 25 °C for recipes, a preset's own otherwise.
    @Test func defaultTemperatures() throws {
        #expect(try json("charge", #"{"vm": -80, "radius-um": 10}"#)["temperature_C"] as? Double == 37)
        #expect(try json("recipe", #"{"recipe": "KCl 140"}"#)["temperature_C"] as? Double == 25)
        #expect(isClose(try #require(try json("report", #"{"preset": "squid-giant-axon"}"#)["temperature_C"] as? Double), 6.3, within: 1e-12))
        // kay-2017 runs at 25 °C (PLM_CD.m sets RT/F = 25.69 mV, 25 °C rounded)
        let kay = try json("steady-state", "{}")
        #expect(isClose(try #require(kay["temperature_K"] as? Double), 298.15, within: 1e-9))
        #expect(try json("steady-state", #"{"temperature": 30}"#)["temperature_C"] as? Double == 30)
    }

    /// A request encodes to JSON and decodes back to the same value (Codable both ways).
    @Test func roundTrip() throws {
        var r = NernstRequest(ion: "Ca", inside: "100nM", outside: 2)
        r.gammaInside = 0.8
        r.activityModel = "davies"
        r.insideSolution = ["Na": 140, "Cl": "142mM"]
        let data = try JSONEncoder().encode(r)
        let back = try RequestDecoder().decode(NernstRequest.self, from: String(decoding: data, as: UTF8.self))
        #expect(back == r)
        var s = PumpLeakSimulationRequest(preset: "kay-2017")
        s.config = try PumpLeakConfig.decode(#"{"pump": null, "bath_volume_relative": 4, "events": [{"time_s": 1, "action": "release"}]}"#)
        s.rtol = "1e-7"
        let sBack = try RequestDecoder().decode(PumpLeakSimulationRequest.self, from: String(decoding: try JSONEncoder().encode(s), as: UTF8.self))
        #expect(sBack == s)
    }

    /// `null` in the configuration means "none" where the documentation says so: no pump leaves a Donnan cell,
    /// which has no steady state (the Donnan catastrophe, Kay 2017), an undefined quantity (exit 65).
    @Test func nullPumpIsNoPump() throws {
        var context = RequestContext()
        do {
            _ = try RequestCatalog.run(command: "steady-state", body: #"{"config": {"pump": null}}"#, context: &context)
            Issue.record("a cell without a pump has no steady state")
        } catch let e as MembraneError {
            #expect(ExitStatus(for: e) == .undefined)
        }
    }

    /// A stop request ends a simulation early with what was computed, termination "interrupted" and status 130.
    @Test func stopRequest() throws {
        var steps = 0
        var context = RequestContext(shouldStop: { steps += 1; return steps > 20 })
        let r = try RequestDecoder().decode(PumpLeakSimulationRequest.self, from: #"{"duration": 1e6}"#)
        let result = try r.result(in: &context)
        #expect(result.status == .interrupted && result.status.rawValue == 130)
        #expect(result.output.report.trajectory.termination == .interrupted)
        #expect(result.output.report.trajectory.final.time < 1e6)
    }
}
