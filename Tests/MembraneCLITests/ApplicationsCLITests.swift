import Testing
import Foundation
import MembraneTestSupport

/// `microdomain`, `noise`, `pmf` and `plant` through the built binary: INTERFACE.md's keys and the errors.
@Suite("membrane microdomain, noise, pmf, plant")
struct ApplicationsCLITests {
    @Test(arguments: [
        (["microdomain", "--current-pA", "0.5", "--distance-nm", "10", "--inside", "100nM", "--outside", "2", "--diffusion-um2-per-s", "220", "--temperature", "37"],
         ["local_mM", "local_potential_mV", "bulk_potential_mV"]),
        (["microdomain", "--current-pA", "0.3", "--distance-nm", "20", "--inside", "100nM", "--outside", "2", "--buffer", "EGTA=10"],
         ["local_mM", "local_potential_mV", "bulk_potential_mV", "length_constant_nm"]),
        (["microdomain", "--current-pA", "0.2", "--distance-nm", "10", "--inside", "50nM", "--outside", "2", "--channels", "9", "--spacing-nm", "30",
          "--buffer", "BAPTA=1", "--approximation", "rba"], ["local_mM", "local_potential_mV", "bulk_potential_mV", "buffer_saturation"]),
        (["noise", "--conductance-nS", "1", "--bandwidth-Hz", "1000", "--capacitance-pF", "10", "--temperature", "37"],
         ["current_psd_A2_per_Hz", "current_rms_pA", "voltage_rms_uV"]),
        (["noise", "--ion", "K", "--inside", "140", "--outside", "5", "--permeability", "1e-6", "--area-um2", "100", "--vm", "-50"],
         ["shot_psd_A2_per_Hz", "thermal_psd_A2_per_Hz"]),
        (["noise", "--channels", "100", "--open-probability", "0.3", "--unitary-current-pA", "2"], ["binomial_variance_pA2"]),
        (["pmf", "--delta-psi-mV", "-150", "--ph-inside", "7.8", "--ph-outside", "7.0", "--temperature", "37"], ["pmf_mV", "delta_g_kJ_per_mol"]),
        (["pmf", "--preset", "chloroplast-thylakoid"], ["pmf_mV", "delta_g_kJ_per_mol", "atp_synthase"]),
        (["plant", "--preset", "arabidopsis-root"], ["proton_potential_mV", "pmf_mV", "potassium", "h_atpase", "turgor_MPa", "steady_state"]),
    ])
    func jsonKeys(arguments: [String], keys: [String]) throws {
        let run = try runMembrane(arguments + ["--json"])
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        let object = try #require(run.object, "stdout is one JSON object")
        for key in keys { #expect(object[key] != nil && !(object[key] is NSNull), "\(arguments.first!) prints \(key)") }
    }

    /// The plant steady state through the binary: with the preset it lies in the published −120 to −200 mV (Maathuis &
    /// Sanders 1993) between the pump's stall potential and E_H; with the pump off V_m = E_H = (ln 10·RT/F)·1.8 at
    /// 25 °C typed out, and K⁺, Cl⁻ sit at the Donnan product rule K_i·Cl_i = K_o·Cl_o.
    @Test func plantSteadyState() throws {
        let on = try #require(try runMembrane(["plant", "--preset", "arabidopsis-root", "--json"]).object)
        let s = try #require(on["steady_state"] as? [String: Any])
        let vm = try #require(s["vm_mV"] as? Double)
        #expect(vm <= -120 && vm >= -200)
        let stall = try #require(s["stall_potential_mV"] as? Double), eHOn = try #require(s["proton_potential_mV"] as? Double)
        #expect(vm > stall && vm < eHOn)
        let pump = try #require(s["pump_current_uA_per_cm2"] as? Double), net = try #require(s["net_current_uA_per_cm2"] as? Double)
        #expect(abs(net) < 1e-9 * pump)
        #expect(s["turgor_MPa"] as? Double != nil)
        let off = try #require(try runMembrane(["plant", "--preset", "arabidopsis-root", "--pump-max-uA-per-cm2", "0", "--json"]).object)
        let o = try #require(off["steady_state"] as? [String: Any])
        let eH = log(10) * 1.380649e-23 * 298.15 / 1.602176634e-19 * 1.8 * 1e3
        let vmOff = try #require(o["vm_mV"] as? Double)
        #expect(isClose(vmOff, eH, within: 1e-9))
        let inside = try #require(o["inside_mM"] as? [String: Double])
        let k = try #require(inside["K"]), cl = try #require(inside["Cl"])
        #expect(isRelativelyClose(k * cl, 0.01, relative: 1e-12))
        let text = try runMembrane(["plant", "--preset", "arabidopsis-root"])
        #expect(text.status == 0 && text.stdout.contains("pump–leak steady state"))
        let none = try #require(try runMembrane(["plant", "--vm", "-150", "--ph-inside", "7.3", "--ph-outside", "5.5", "--json"]).object)
        #expect(none["steady_state"] is String)
    }

    /// The values behind the keys, against closed forms typed out here (CODATA 2018).
    @Test func values() throws {
        let f = 1.602176634e-19 * 6.02214076e23, r = 1.380649e-23 * 6.02214076e23, kB = 1.380649e-23
        let m = try #require(try runMembrane(["microdomain", "--current-pA", "0.5", "--distance-nm", "10", "--inside", "100nM", "--outside", "2", "--json"]).object)
        let local = 1e-4 + 0.5e-12 / (2 * Double.pi * 2 * f * 220e-12 * 10e-9)
        #expect(isRelativelyClose(try #require(m["local_mM"] as? Double), local, relative: 1e-12))
        #expect(isRelativelyClose(try #require(m["local_potential_mV"] as? Double), 1e3 * r * 310.15 / (2 * f) * log(2 / local), relative: 1e-12))
        let n = try #require(try runMembrane(["noise", "--conductance-nS", "1", "--bandwidth-Hz", "1000", "--capacitance-pF", "10", "--json"]).object)
        #expect(isRelativelyClose(try #require(n["current_psd_A2_per_Hz"] as? Double), 4 * kB * 310.15 * 1e-9, relative: 1e-12))
        #expect(isRelativelyClose(try #require(n["current_rms_pA"] as? Double), (4 * kB * 310.15 * 1e-9 * 1000).squareRoot() * 1e12, relative: 1e-12))
        #expect(isRelativelyClose(try #require(n["voltage_rms_uV"] as? Double), (kB * 310.15 / 10e-12).squareRoot() * 1e6, relative: 1e-12))
        let p = try #require(try runMembrane(["pmf", "--delta-psi-mV", "-150", "--ph-inside", "7.8", "--ph-outside", "7.0", "--json"]).object)
        let pmf = -0.150 - log(10) * r * 310.15 / f * 0.8
        #expect(isRelativelyClose(try #require(p["pmf_mV"] as? Double), pmf * 1e3, relative: 1e-12))
        #expect(isRelativelyClose(try #require(p["delta_g_kJ_per_mol"] as? Double), f * pmf / 1e3, relative: 1e-12))
    }

    @Test func microdomainPlot() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ca-\(UUID().uuidString).svg").path
        let run = try runMembrane(["microdomain", "--current-pA", "0.5", "--distance-nm", "10", "--inside", "100nM", "--outside", "2",
                                   "--buffer", "EGTA=10", "--plot", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("bulk E_Ca"))
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("polyline") && svg.contains("local E_Ca"))
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Bad input answered with the field named, as text and as a JSON error object, with a non-zero exit.
    @Test(arguments: [
        (["microdomain", "--current-pA", "-0.5", "--distance-nm", "10", "--inside", "100nM", "--outside", "2"], "current-pA"),
        (["microdomain", "--current-pA", "0.5", "--distance-nm", "-10", "--inside", "100nM", "--outside", "2"], "distance-nm"),
        (["microdomain", "--current-pA", "0.5", "--distance-nm", "0.1", "--inside", "100nM", "--outside", "2"], "distance-nm"),
        (["microdomain", "--current-pA", "0.5", "--distance-nm", "10", "--inside", "0", "--outside", "2"], "inside"),
        (["microdomain", "--current-pA", "0.5", "--distance-nm", "10", "--inside", "100nM", "--outside", "2", "--buffer", "EDTA=1"], "buffer"),
        (["microdomain", "--current-pA", "0.5", "--distance-nm", "10", "--inside", "100nM", "--outside", "2", "--approximation", "lba"], "approximation"),
        (["noise", "--conductance-nS", "1", "--bandwidth-Hz", "0"], "bandwidth-Hz"),
        (["noise", "--conductance-nS", "-1", "--bandwidth-Hz", "100"], "conductance-nS"),
        (["noise", "--channels", "10", "--open-probability", "2", "--unitary-current-pA", "1"], "open-probability"),
        (["pmf", "--delta-psi-mV", "-150", "--ph-inside", "15", "--ph-outside", "7"], "ph-inside"),
        (["pmf", "--delta-psi-mV", "-150", "--ph-inside", "7.8", "--ph-outside", "-1"], "ph-outside"),
        (["pmf", "--preset", "peroxisome"], "preset"),
        (["pmf", "--delta-psi-mV", "-150", "--ph-inside", "7.8", "--ph-outside", "7", "--atp-mM", "5"], "atp-mM"),
        (["plant", "--vm", "-150", "--ph-inside", "7.3", "--ph-outside", "14.5"], "ph-outside"),
        (["plant", "--preset", "arabidopsis-root", "--k-outside", "-1"], "k-outside"),
        (["plant", "--preset", "arabidopsis-root", "--pump-max-uA-per-cm2", "-1"], "pump-max-uA-per-cm2"),
        (["plant", "--preset", "arabidopsis-root", "--p-h-cm-per-s", "-1e-4"], "p-h-cm-per-s"),
        (["plant", "--preset", "arabidopsis-root", "--symport-km", "0"], "symport-km"),
        (["plant", "--vm", "-150", "--ph-inside", "7.3", "--ph-outside", "5.5", "--pump-max-uA-per-cm2", "2"], "k-outside"),
        (["plant", "--preset", "arabidopsis-root", "--cl-symport-km", "0.01"], "cl-symport-km"),
    ])
    func badInput(arguments: [String], field: String) throws {
        let text = try runMembrane(arguments)
        #expect(text.status != 0, "\(arguments) must fail")
        #expect(text.stdout.isEmpty)
        let json = try runMembrane(arguments + ["--json"])
        #expect(json.status == text.status)
        let error = try #require(json.errorObject?["error"] as? [String: Any], "\(arguments): \(json.stderr)")
        #expect(error["field"] as? String == field, "\(arguments): \(error)")
    }
}
