import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MembraneTestSupport
import MembraneWorkbench
import Testing

/// Every endpoint answers known values: closed forms evaluated here with CODATA 2018 constants, published
/// tables, and physical invariants (a steady state stays put; the product rule of Donnan equilibrium).
@Suite("API: known values")
struct EndpointValueTests {
    let rtf37 = CODATA.thermalVoltage_mV(celsius: 37)

    @Test func nernst() async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/nernst", #"{"ion": "K", "inside": 140, "outside": 5}"#)
            #expect(a.status == .ok)
            // E_K = (RT/F)·ln([K]o/[K]i)
            #expect(isClose(a.number("potential_mV")!, rtf37 * log(5.0 / 140), within: 1e-9))
            let ca = try await client.post("/api/nernst", #"{"ion": "Ca", "inside": "100nM", "outside": 2, "temperature": "300K"}"#)
            #expect(isClose(ca.number("potential_mV")!, CODATA.thermalVoltage_mV(celsius: 300 - 273.15) / 2 * log(2 / 1e-4), within: 1e-9))
        }
    }

    /// The GHK voltage equation for monovalent ions (Goldman 1943; Hodgkin & Katz 1949).
    static func ghk(_ pIn: [String: Double], _ cIn: [String: Double], _ cOut: [String: Double], rtf: Double) -> Double {
        let num = pIn["K"]! * cOut["K"]! + pIn["Na"]! * cOut["Na"]! + pIn["Cl"]! * cIn["Cl"]!
        let den = pIn["K"]! * cIn["K"]! + pIn["Na"]! * cIn["Na"]! + pIn["Cl"]! * cOut["Cl"]!
        return rtf * log(num / den)
    }

    @Test func ghk() async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/ghk", #"{"inside": {"K": 140, "Na": 12, "Cl": 7}, "outside": "K=5, Na=145, Cl=120", "permeability": {"K": 1, "Na": 0.04, "Cl": 0.45}}"#)
            #expect(a.status == .ok)
            let expected = Self.ghk(["K": 1, "Na": 0.04, "Cl": 0.45], ["K": 140, "Na": 12, "Cl": 7], ["K": 5, "Na": 145, "Cl": 120], rtf: rtf37)
            #expect(isClose(a.number("potential_mV")!, expected, within: 1e-9))
            #expect(isClose(expected, -70.42, within: 0.005)) // the page's default V_m
        }
    }

    /// I = P·z²·F²·V/(RT)·(c_i − c_o·e^(−zFV/RT))/(1 − e^(−zFV/RT)) (Goldman 1943).
    @Test func ghkCurrent() async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/ghk-current", #"{"ion": "K", "inside": 140, "outside": 5, "permeability": 1e-6, "voltage": -20}"#)
            let u = -20 / rtf37, p = 1e-8 // m/s
            let expected = p * CODATA.faraday * u * (140 - 5 * exp(-u)) / (1 - exp(-u)) // A/m² (mM = mol/m³)
            #expect(isRelativelyClose(a.number("current_density_A_per_m2")!, expected, relative: 1e-12))
        }
    }

    @Test func drive() async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/drive", #"{"ion": "Na", "inside": 12, "outside": 145, "vm": "-70mV"}"#)
            #expect(isClose(a.number("driving_force_mV")!, -70 - rtf37 * log(145.0 / 12), within: 1e-9))
        }
    }

    /// Q = C_m·A·V on a sphere; ions moved = |Q|/(zF)·N_A.
    @Test func charge() async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/charge", #"{"vm": -80, "radius-um": 10, "ion": "K", "inside": 140}"#)
            let area = 4 * Double.pi * 1e-10 // m² (r = 10 µm)
            let q = 1e-2 * area * -0.080     // 1 µF/cm² = 1e-2 F/m²
            #expect(isRelativelyClose(a.number("charge_C")!, q, relative: 1e-12))
            #expect(isRelativelyClose(a.number("ions_moved")!, abs(q) / CODATA.e, relative: 1e-12))
        }
    }

    /// The chord conductance equation: V = Σ g·E / Σ g.
    @Test func chord() async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/chord", #"{"conductance": {"K": 1, "Na": 0.05}, "reversal": "K=-89, Na=61"}"#)
            #expect(isClose(a.number("potential_mV")!, (1 * -89 + 0.05 * 61) / 1.05, within: 1e-12))
        }
    }

    /// Bi-ionic reversal: P_Na/P_K = exp(F·V/RT)·[K]i/[Na]o.
    @Test func permeabilityRatio() async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/permeability-ratio", #"{"reference": "K", "inside": 140, "test": "Na", "outside": 140, "reversal": -50}"#)
            #expect(isRelativelyClose(a.number("permeability_ratio")!, exp(-50 / rtf37), relative: 1e-12))
        }
    }

    /// A KCl concentration junction (Planck's binary salt, Henderson alike): V_bath − V_pipette =
    /// −(RT/F)·(λ_K − λ_Cl)/(λ_K + λ_Cl)·ln(c_bath/c_pipette), with λ° of K⁺ 73.48 and Cl⁻ 76.31 S·cm²/mol
    /// (Robinson & Stokes 1959, Appendix 6.1).
    @Test func ljp() async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/ljp", #"{"pipette": {"K": 140, "Cl": 140}, "bath": {"K": 14, "Cl": 14}, "temperature": 25}"#)
            let t = (73.48 - 76.31) / (73.48 + 76.31)
            let expected = -CODATA.thermalVoltage_mV(celsius: 25) * t * log(14.0 / 140)
            #expect(isClose(a.number("ljp_mV")!, expected, within: 1e-4))
            #expect(isClose(a.number("planck_mV")!, expected, within: 1e-4))
        }
    }

    /// Davies 1962 with A = 0.5092 (kg/mol)^½ at 25 °C (Robinson & Stokes 1959, Appendix 7.1).
    @Test func activity() async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/activity", #"{"solution": "NaCl 100", "model": "davies", "temperature": 25}"#)
            let i = a.number("ionic_strength_molal")!
            let gamma = pow(10, -0.5092 * (i.squareRoot() / (1 + i.squareRoot()) - 0.3 * i))
            let ions = a.object?["ions"] as! [[String: Any]]
            for ion in ions { #expect(isClose((ion["gamma"] as! NSNumber).doubleValue, gamma, within: 0.002)) }
        }
    }

    /// NaCl 150 mM dissociates into 300 mOsm/L of ideal osmoles; the measured osmotic coefficient of 0.15 m NaCl
    /// at 25 °C is 0.928 (Robinson & Stokes 1959, Appendix 8.10).
    @Test func osmolarity() async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/osmolarity", #"{"solution": "NaCl 150", "temperature": 25}"#)
            #expect(isClose(a.number("ideal_osmolarity_mOsm_per_L")!, 300, within: 1e-9))
            #expect(isClose(a.number("osmotic_coefficient")!, 0.928, within: 0.005))
        }
    }

    /// Mass balance: the salts' ions add up.
    @Test func recipe() async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/recipe", #"{"recipe": "KCl 140, NaCl 10"}"#)
            let free = a.object?["free_ions_mM"] as! [String: NSNumber]
            #expect(isClose(free["K"]!.doubleValue, 140, within: 1e-9))
            #expect(isClose(free["Na"]!.doubleValue, 10, within: 1e-9))
            #expect(isClose(free["Cl"]!.doubleValue, 150, within: 1e-9))
        }
    }

    /// Rigid Donnan compartment: K_i·Cl_i = K_o·Cl_o and K_i − Cl_i = 1.2·120, so
    /// K_i = (144 + √(144² + 4·100²))/2 and V = (RT/F)·ln(K_o/K_i).
    @Test func donnan() async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/donnan", #"{"outside": {"K": 100, "Cl": 100}, "inside-impermeant": {"charge": -1.2, "concentration": 120}, "permeant": ["K", "Cl"]}"#)
            let kIn = (144 + (144.0 * 144 + 40_000).squareRoot()) / 2
            #expect(isClose(a.number("potential_mV")!, rtf37 * log(100 / kIn), within: 1e-9))
        }
    }

    /// The default cell (mammalian neuron) shows the GHK V_m of its own concentrations and permeabilities.
    @Test func report() async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/report", "{}")
            var p: [String: Double] = [:], i: [String: Double] = [:], o: [String: Double] = [:]
            for ion in a.object?["ions"] as! [[String: Any]] {
                let name = ion["name"] as! String
                p[name] = (ion["permeability"] as? NSNumber)?.doubleValue
                i[name] = (ion["inside_mM"] as! NSNumber).doubleValue
                o[name] = (ion["outside_mM"] as! NSNumber).doubleValue
            }
            #expect(isClose(a.number("vm_mV")!, Self.ghk(p, i, o, rtf: rtf37), within: 1e-9))
        }
    }

    /// GET and POST list the same; K⁺'s λ° is Robinson & Stokes' 73.48 S·cm²/mol, and its D follows by
    /// Nernst–Einstein, D = λRT/(z²F²).
    @Test func presetsAndIons() async throws {
        try await workbench().test(.router) { client in
            let presets = try await client.get("/api/presets")
            #expect(presets.status == .ok)
            #expect(presets.body == (try await client.post("/api/presets", "{}")).body)
            let names = (presets.json as! [[String: Any]]).map { $0["name"] as! String }
            #expect(names.contains("mammalian-neuron") && names.contains("kay-2017"))

            let ions = try await client.get("/api/ions?temperature=25")
            #expect(ions.status == .ok)
            let k = (ions.json as! [[String: Any]]).first { $0["name"] as? String == "K" }!
            let lambda = (k["equivalent_conductivity_S_cm2_per_mol"] as! NSNumber).doubleValue
            #expect(lambda == 73.48)
            let d = lambda * 1e-4 * CODATA.gasConstant * 298.15 / (CODATA.faraday * CODATA.faraday)
            #expect(isRelativelyClose((k["diffusion_coefficient_m2_per_s"] as! NSNumber).doubleValue, d, relative: 1e-6))
            #expect((try await client.get("/api/ions?temprature=25")).errorField == "temprature")
        }
    }

    /// Keener & Sneyd's pump–leak model has a closed form (Mathematical Physiology, 2nd ed., §2.8.1): the
    /// Newton solution must agree; the Kay 2017 steady state has zero net fluxes and equal osmolarities.
    @Test func steadyState() async throws {
        try await workbench().test(.router) { client in
            let ks = try await client.post("/api/steady-state", #"{"preset": "keener-sneyd"}"#)
            let state = ks.object?["state"] as! [String: Any], closed = ks.object?["keener_sneyd"] as! [String: Any]
            #expect(isClose((state["vm_mV"] as! NSNumber).doubleValue, (closed["vm_mV"] as! NSNumber).doubleValue, within: 1e-6))
            let kay = try await client.post("/api/steady-state", #"{"preset": "kay-2017"}"#)
            let s = kay.object?["state"] as! [String: Any]
            for (_, flux) in s["net_flux_mol_per_m2_s"] as! [String: NSNumber] { #expect(abs(flux.doubleValue) < 1e-15) }
            #expect(isClose((s["osmolarity_inside_mOsm"] as! NSNumber).doubleValue, (s["osmolarity_outside_mOsm"] as! NSNumber).doubleValue, within: 1e-6))
        }
    }

    /// Started at its steady state with the pump running, the cell stays there; ions, charge and osmoles are
    /// conserved.
    @Test func simulatePumpLeak() async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/simulate/pump-leak", #"{"preset": "kay-2017", "start": "steady-state", "pump-block-at": "none", "duration": 100}"#)
            #expect(a.status == .ok)
            let initial = a.object?["initial"] as! [String: Any], final = a.object?["final"] as! [String: Any]
            #expect(isClose((final["vm_mV"] as! NSNumber).doubleValue, (initial["vm_mV"] as! NSNumber).doubleValue, within: 1e-6))
            let drift = (a.object?["conservation"] as! [String: Any])["max_relative_drift"] as! [String: NSNumber]
            for (_, d) in drift { #expect(abs(d.doubleValue) < 1e-9) }
        }
    }

    /// A point source of i into a half space: Δc = i/(2π·z·F·D·r) (Neher 1998; Crank 1975).
    @Test func microdomain() async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/microdomain", #"{"current-pA": 0.5, "distance-nm": 10, "inside": "100nM", "outside": 2, "diffusion-um2-per-s": 220}"#)
            let delta = 0.5e-12 / (2 * Double.pi * 2 * CODATA.faraday * 220e-12 * 10e-9) // mol/m³ = mM
            #expect(isRelativelyClose(a.number("local_mM")!, 1e-4 + delta, relative: 1e-9))
        }
    }

    /// Johnson–Nyquist: S_I = 4kTG; ⟨δV²⟩ = kT/C.
    @Test func noise() async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/noise", #"{"conductance-nS": 1, "bandwidth-Hz": 1000, "capacitance-pF": 10}"#)
            let kT = CODATA.boltzmann * 310.15
            #expect(isRelativelyClose(a.number("current_psd_A2_per_Hz")!, 4 * kT * 1e-9, relative: 1e-9))
            #expect(isRelativelyClose(a.number("voltage_rms_uV")!, (kT / 10e-12).squareRoot() * 1e6, relative: 1e-9))
        }
    }

    /// Δp = Δψ − (ln 10·RT/F)·ΔpH (Mitchell 1966).
    @Test func pmf() async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/pmf", #"{"delta-psi-mV": -150, "ph-inside": 7.8, "ph-outside": 7.0}"#)
            #expect(isClose(a.number("pmf_mV")!, -150 - log(10) * rtf37 * 0.8, within: 1e-9))
        }
    }

    /// E_H = (ln 10·RT/F)·(pH_in − pH_out); a K⁺ uniporter can at most reach [K]in/[K]out = exp(−F·V/RT).
    @Test func plant() async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/plant", #"{"vm": -120, "ph-inside": 7.3, "ph-outside": 5.5, "k-inside": 100, "k-outside": 1}"#)
            #expect(isClose(a.number("proton_potential_mV")!, log(10) * rtf37 * 1.8, within: 1e-9))
            let k = a.object?["potassium"] as! [String: Any]
            #expect(isRelativelyClose((k["uniporter_max_ratio"] as! NSNumber).doubleValue, exp(120 / rtf37), relative: 1e-12))
        }
    }
}
