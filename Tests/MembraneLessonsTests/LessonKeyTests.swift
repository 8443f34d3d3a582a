import Testing
import Foundation
import Membrane
import MembraneLessons
import MembraneRequests
import MembraneTestSupport

/// Every lesson's key, as `membrane lesson NAME --key` derives it from the lesson's own commands, against an
/// independent computation: closed forms with CODATA 2018 constants written out in the test, published
/// reference values (Tests/Reference), and the seed's worked value where it has one, with a tolerance that says
/// how the seed rounds.
@Suite("lesson keys")
struct LessonKeyTests {
    typealias T = LessonTesting

    @Test func nernstValence() throws {
        let key = try T.key("nernst-valence")
        let eK = T.number(key, "E_K"), eCa = T.number(key, "E_Ca"), eCl = T.number(key, "E_Cl")
        #expect(isClose(eK, T.nernst(z: 1, inside: 140, outside: 5), within: 1e-9))
        #expect(isClose(eCa, T.nernst(z: 2, inside: 1e-4, outside: 1.5), within: 1e-9))
        #expect(isClose(eCl, T.nernst(z: -1, inside: 7, outside: 120), within: 1e-9))
        // Seeds 000/001: E_K ≈ −89 mV, E_Ca ≈ +128 mV, E_Cl ≈ −76 mV (310 K, R = 8.314, F = 96485, rounded to 1 mV).
        #expect(isClose(eK, -89, within: 0.5))
        #expect(isClose(eCa, 128, within: 1))
        #expect(isClose(eCl, -76, within: 0.5))
        #expect(key["halving"] == .text("half"))  // E ∝ 1/z at a fixed ratio
    }

    @Test func temperature() throws {
        let key = try T.key("temperature-hypothermia")
        #expect(isClose(T.number(key, "E_K_cold"), T.nernst(z: 1, inside: 140, outside: 5, celsius: 20), within: 1e-9))
        let change = T.number(key, "change_percent")
        #expect(isClose(change, 100 * (1 - 293.15 / 310.15), within: 1e-9))
        #expect(isClose(change, 5.5, within: 0.05))  // seed 004: "about 5.5 %" (one decimal)
        // dE/dT = E/T at fixed concentrations.
        #expect(isRelativelyClose(T.number(key, "slope"), abs(T.nernst(z: 1, inside: 140, outside: 5)) / 310.15, relative: 1e-9))
    }

    @Test func activities() throws {
        let key = try T.key("activities")
        let ideal = T.number(key, "E_K_concentrations"), activity = T.number(key, "E_K_activities")
        #expect(isClose(ideal, T.nernst(z: 1, inside: 140, outside: 4), within: 1e-9))
        #expect(isClose(activity, T.nernst(z: 1, inside: 0.85 * 140, outside: 0.70 * 4), within: 1e-9))
        // Seed 000: −95.0 mV and −100.2 mV (one decimal).
        #expect(isClose(ideal, -95.0, within: 0.05))
        #expect(isClose(activity, -100.2, within: 0.05))
        // Davies for two solutions of nearly equal ionic strength: γ_out/γ_in ≈ 1, a correction well under 1 mV,
        // and the same as the library's nernst with that model.
        let correction = T.number(key, "model_correction")
        #expect(abs(correction) < 0.5)
        var r = NernstRequest(ion: "K", inside: 140, outside: 4)
        r.activityModel = "davies"
        r.insideSolution = "K=140, Cl=140"
        r.outsideSolution = "K=4, Na=146, Cl=150"
        let direct = try r.result().output.json["activity_correction_mV"]
        #expect(direct == .number(correction))
        #expect(key["why_small"] == .text("ratio"))
    }

    @Test func drivingForce() throws {
        let key = try T.key("driving-force")
        let eNa = T.nernst(z: 1, inside: 12, outside: 145)
        #expect(isClose(T.number(key, "E_Na"), eNa, within: 1e-9))
        #expect(isClose(T.number(key, "drive_rest"), -70 - eNa, within: 1e-9))
        #expect(isClose(T.number(key, "drive_peak"), 80 - eNa, within: 1e-9))
        #expect(isClose(T.number(key, "drive_K"), -65 - T.nernst(z: 1, inside: 140, outside: 5), within: 1e-9))
        // Seed 002: E_Na ≈ +67, −137 mV at rest, +13 mV at +80 mV (from E_Na rounded to 67); seed 001: +24 mV.
        #expect(isClose(T.number(key, "E_Na"), 67, within: 0.5))
        #expect(isClose(T.number(key, "drive_rest"), -137, within: 0.5))
        #expect(isClose(T.number(key, "drive_peak"), 13, within: 0.5))
        #expect(isClose(T.number(key, "drive_K"), 24, within: 0.5))
        #expect(key["direction_rest"] == .text("influx"))
        #expect(key["direction_peak"] == .text("efflux"))
        // Ussing: J_in/J_out = exp(F(E − V)/RT).
        #expect(isRelativelyClose(T.number(key, "flux_ratio"), Foundation.exp((eNa + 70) / T.thermalVoltage(celsius: 37)), relative: 1e-9))
    }

    /// GHK voltage equation for K, Na, Cl in closed form.
    static func ghk(pNa: Double, pCl: Double, pK: Double = 1, pumpRatio r: Double = 1) -> Double {
        T.thermalVoltage(celsius: 37) * Foundation.log((r * pK * 5 + pNa * 145 + pCl * 7) / (r * pK * 140 + pNa * 12 + pCl * 120))
    }

    @Test func ghkToxin() throws {
        let key = try T.key("ghk-toxin")
        #expect(isClose(T.number(key, "V_rest"), Self.ghk(pNa: 0.04, pCl: 0.45), within: 1e-9))
        #expect(isClose(T.number(key, "V_toxin"), Self.ghk(pNa: 1, pCl: 0.45), within: 1e-9))
        #expect(isClose(T.number(key, "depolarization"), Self.ghk(pNa: 1, pCl: 0.45) - Self.ghk(pNa: 0.04, pCl: 0.45), within: 1e-9))
        #expect(isClose(T.number(key, "V_potassium_only"), T.nernst(z: 1, inside: 140, outside: 5), within: 1e-9))  // GHK → Nernst
        // Seed 004: "to around −7 mV" (rounded, "around").
        #expect(isClose(T.number(key, "V_toxin"), -7, within: 1))
    }

    @Test func electrogenicPump() throws {
        let key = try T.key("electrogenic-pump")
        let passive = Self.ghk(pNa: 0.04, pCl: 0.45), pumped = Self.ghk(pNa: 0.04, pCl: 0.45, pumpRatio: 1.5)
        #expect(isClose(T.number(key, "V_pumped"), pumped, within: 1e-9))
        #expect(isClose(T.number(key, "pump_shift"), pumped - passive, within: 1e-9))
        #expect(isClose(T.number(key, "pump_share"), 100 * (pumped - passive) / pumped, within: 1e-9))
        // Seed 004: the electrogenic part is "just a few millivolts", hyperpolarizing (its "about −1 mV" is for
        // another cell; here the Mullins–Noda shift is −3.8 mV): negative and under a tenth of V_m.
        #expect(T.number(key, "pump_shift") < 0)
        #expect(abs(T.number(key, "pump_shift")) < 0.1 * abs(pumped))
        #expect(key["block"] == .text("small"))
    }

    @Test func fewIons() throws {
        let key = try T.key("few-ions")
        let c = 1e-2  // 1 µF/cm² in F/m²
        func ions(radius: Double) -> Double { c * 4 * Double.pi * radius * radius * 0.080 / T.e }
        func fraction(radius: Double) -> Double { 3 * c * 0.080 / (radius * T.F * 140) }  // C·A·V/(F·c·(4/3)πr³)
        #expect(isRelativelyClose(T.number(key, "ions_small"), ions(radius: 5e-6), relative: 1e-9))
        #expect(isRelativelyClose(T.number(key, "percent_typical"), 100 * fraction(radius: 10e-6), relative: 1e-9))
        #expect(isRelativelyClose(T.number(key, "radius_scaling"), 2, relative: 1e-9))
        #expect(isRelativelyClose(T.number(key, "concentration_change"), 140_000 * fraction(radius: 5e-6), relative: 1e-9))
        // Seed 004: "about 2 million" ions (one significant figure) and "0.0018 %" (two).
        #expect((1.5e6..<2.5e6).contains(T.number(key, "ions_small")))
        #expect(isClose(T.number(key, "percent_typical"), 0.0018, within: 0.00005))
    }

    @Test func donnanDeadCell() throws {
        let key = try T.key("donnan-dead-cell")
        // Rigid cell: cations inside r·c_out, Cl⁻ inside c_out/r, 150 r = 150/r + 120 (electroneutrality).
        let discriminant: Double = 120 * 120 + 4 * 150 * 150
        let r: Double = (120 + discriminant.squareRoot()) / 300
        #expect(isClose(T.number(key, "V_D"), -T.thermalVoltage(celsius: 37) * Foundation.log(r), within: 1e-9))
        #expect(isClose(T.number(key, "Cl_inside"), 150 / r, within: 1e-9))
        #expect(isClose(T.number(key, "osmotic_excess"), 150 * r + 150 / r + 120 - 300, within: 1e-9))
        #expect(key["water"] == .text("in"))
        // Osmotic cell with 20 mM sucrose outside: 150 r + 150/r + A = 320 and 150 r − 150/r = A give r = 320/300,
        // A = 150 r − 150/r, and the volume 120/A.
        let rOsm: Double = 320.0 / 300
        let a: Double = 150 * rOsm - 150 / rOsm
        #expect(isRelativelyClose(T.number(key, "swelling_factor"), 120 / a, relative: 1e-9))
    }

    @Test func pumpLeakATP() throws {
        let key = try T.key("pump-leak-atp")
        // Kay 2017's PLM_CD.m ported (Tests/Reference/kay2017, CODATA constants): −94.139 mV at 5000 s, within
        // 1e-3 mV of the steady state.
        #expect(isClose(T.number(key, "V_steady"), -94.13904150, within: 0.005))
        // One ATP and one net charge per cycle: 0.5 µA/cm² over a sphere of radius 5 µm, divided by e.
        let area = 4 * Double.pi * 5e-4 * 5e-4  // cm²
        #expect(isRelativelyClose(T.number(key, "atp_rate"), 0.5e-6 * area / T.e, relative: 1e-6))
        // Work of one cycle in the mammalian neuron at its GHK V_m: 3 Na⁺ out, 2 K⁺ in (kJ/mol).
        let v: Double = Self.ghk(pNa: 0.04, pCl: 0.45) / 1000, rt: Double = T.R * 310.15 / 1000, f: Double = T.F / 1000
        let dgNaIn: Double = rt * Foundation.log(12.0 / 145) + f * v  // ΔG of moving Na⁺ in
        let dgKIn: Double = rt * Foundation.log(140.0 / 5) + f * v
        let w = 3 * -dgNaIn + 2 * dgKIn
        #expect(isClose(T.number(key, "pump_work"), w, within: 1e-9))
        #expect(isClose(T.number(key, "pump_work"), 43, within: 0.5))  // seed 003: "about 43 kJ per mole"
        #expect(isClose(T.number(key, "efficiency"), w / 50, within: 1e-9))
        #expect(key["equilibrium"] == .text("steady"))
        // The blocked cell swells (Kay 2017's Fig. 2: volume grows after the block).
        #expect(T.number(key, "swelling") > 1.2)
    }

    @Test func ljpCorrection() throws {
        let key = try T.key("ljp-correction")
        let ljp = T.number(key, "ljp")
        // LJPcalc 2.2 on the same solutions (AxoBits 39 set, 20 °C): 16.052 mV (Tests/Reference/ljp/published.csv);
        // its mobility table differs slightly from the catalog's.
        #expect(isClose(ljp, 16.052, within: 0.1))
        #expect(isClose(T.number(key, "corrected"), -48.1 - ljp, within: 1e-9))  // V_m = V_measured − LJP
        #expect(key["rule"] == .text("subtract"))
        // KCl 140/4: Henderson's binary-salt form (exact for one salt), V = (RT/F)·(D_K − D_Cl)/(D_K + D_Cl)·ln(140/4),
        // with the catalog's D (Robinson & Stokes λ°); seed 000: the pipette about +1.7 mV relative to the bath.
        let dK = try #require(ion("K").diffusionCoefficient?.storedValue), dCl = try #require(ion("Cl").diffusionCoefficient?.storedValue)
        let kcl = T.number(key, "kcl_ljp")
        #expect(isClose(kcl, T.thermalVoltage(celsius: 20) * (dK - dCl) / (dK + dCl) * Foundation.log(140.0 / 4), within: 1e-6))
        #expect(isClose(-kcl, 1.7, within: 0.1))
    }

    @Test func calciumMicrodomain() throws {
        let key = try T.key("calcium-microdomain")
        // Steady point source into a half space (Neher 1986): c = c∞ + i/(2π·z·F·D·r), D = 220 µm²/s.
        func local(_ r: Double) -> Double { 1e-4 + 0.5e-12 / (2 * Double.pi * 2 * T.F * 220e-12 * r) }  // mol/m³ = mM
        #expect(isRelativelyClose(T.number(key, "local_uM"), 1000 * local(10e-9), relative: 1e-9))
        #expect(isClose(T.number(key, "E_Ca_bulk"), T.nernst(z: 2, inside: 1e-4, outside: 2), within: 1e-9))
        #expect(isClose(T.number(key, "E_Ca_local"), T.nernst(z: 2, inside: local(10e-9), outside: 2), within: 1e-9))
        #expect(isClose(T.number(key, "E_Ca_far"), T.nernst(z: 2, inside: local(1e-6), outside: 2), within: 1e-9))
        // Seed 003: the local E_Ca falls "from over +130 mV to as low as +36 mV": bulk above 130, local ~100 mV lower.
        #expect(T.number(key, "E_Ca_bulk") > 130)
        #expect(T.number(key, "E_Ca_local") > 0 && T.number(key, "E_Ca_local") < 40)
        #expect(key["still_inward"] == .text("inward"))
    }

    @Test func protonMotiveForce() throws {
        let key = try T.key("proton-motive-force")
        let slope = Foundation.log(10) * T.thermalVoltage(celsius: 37)
        let pmf = -150 - slope * 0.8
        #expect(isClose(T.number(key, "ph_term"), -slope * 0.8, within: 1e-9))
        #expect(isClose(T.number(key, "pmf"), pmf, within: 1e-9))
        #expect(isClose(T.number(key, "delta_g"), T.F * pmf / 1e6, within: 1e-9))  // kJ/mol
        #expect(isClose(T.number(key, "protons_per_atp"), 50 / abs(T.F * pmf / 1e6), within: 1e-9))
        #expect(key["larger_part"] == .text("electrical"))
    }

    /// The spike count against the scipy reference of Tests/Reference/hh (NEURON's hh, 10 µA/cm², spikes in the first
    /// 100 ms; the concentrations' change within 100 ms does not move a spike across it), Na⁺ per spike above the
    /// charge-balance minimum.
    @Test(.enabled(if: RequestCatalog.type(for: "simulate/hh") != nil, "needs `membrane simulate hh` (issue 9)"))
    func actionPotentialCost() throws {
        let key = try T.key("action-potential-cost")
        let csv = try String(contentsOf: T.repository.appendingPathComponent("Tests/Reference/hh/scipy_dop853_10s_10uA.csv"), encoding: .utf8)
        let times = csv.split(separator: "\n").dropFirst().compactMap { Double($0.split(separator: ",")[1]) }
        #expect(T.number(key, "spikes") == Double(times.filter { $0 < 100 }.count))
        // The charge-balance bound: a spike's Na⁺ at least charges the membrane, C·ΔV/F per cell volume. C = 1 µF/cm²,
        // area 100 µm², volume 250/π µm³ (Tests/Reference/hh's compartment), ΔV ≥ 90 mV (from below −60 to above +30
        // mV, HH 1952 Fig. 12): ≥ 11.7 µM (in repetitive firing the Na⁺ entering between spikes adds to it).
        let minimum = 1e-2 * 100e-12 * 0.090 / T.F / (250 / Double.pi * 1e-18) * 1e3  // µM
        #expect(T.number(key, "na_per_spike_uM") > minimum)
        #expect(isRelativelyClose(T.number(key, "atp_per_spike"), T.number(key, "ions_per_spike") / 3, relative: 1e-12))
        #expect(key["flood"] == .text("no"))
    }

    /// The lesson that needs `simulate hh` says so instead of failing obscurely, while the command is missing.
    @Test(.enabled(if: RequestCatalog.type(for: "simulate/hh") == nil))
    func actionPotentialLessonWaitsForSimulateHH() throws {
        let error = #expect(throws: MembraneError.self) { try T.key("action-potential-cost") }
        #expect(error?.message.contains("simulate hh") == true)
        #expect(ExitStatus(for: error!) == .undefined)
        let list = try LessonListRequest().result().output
        #expect(list.items.first { $0.lesson.name == "action-potential-cost" }?.available == false)
    }
}
