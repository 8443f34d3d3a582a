import Testing
import Foundation
import MembraneTestSupport

/// The activity, osmolarity and recipe commands and `--activity-model`, run as users run them.
@Suite("membrane activity, osmolarity, recipe")
struct ActivityCLITests {
    /// INTERFACE.md: `activity` prints ionic_strength_M and ions [{name, charge, concentration_mM, gamma, activity_mM}].
    @Test(arguments: ["ideal", "debye-huckel", "extended-debye-huckel", "davies", "truesdell-jones", "pitzer"])
    func activityContract(model: String) throws {
        let run = try runMembrane(["activity", "--solution", "Na=145, K=5, Cl=120, Ca=2, HCO3=25, Mg=1, SO4=1",
                                   "--model", model, "--temperature", "37", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try #require(run.object)
        let i = try #require(o["ionic_strength_M"] as? Double)
        // ½Σz²c by hand: ½(145 + 5 + 120 + 4·2 + 25 + 4·1 + 4·1)/1000 = 0.1555 M.
        #expect(abs(i - 0.1555) < 1e-12)
        let ions = try #require(o["ions"] as? [[String: Any]])
        #expect(ions.count == 7)
        for ion in ions {
            for key in ["name", "charge", "concentration_mM", "gamma", "activity_mM"] { #expect(ion[key] != nil) }
            let g = try #require(ion["gamma"] as? Double), c = try #require(ion["concentration_mM"] as? Double)
            #expect(abs((ion["activity_mM"] as! Double) - g * c) < 1e-9 * c)
            // Divalent ions under the limiting law at I = 0.16 (outside its range) drop to ≈ 0.15.
            if model == "ideal" { #expect(g == 1) } else { #expect(g > 0.1 && g < 1) }
        }
    }

    /// The seeds' activity example (seed 001): E_K −95.0 mV from 4/140 mM becomes −100.2 mV with γ_in 0.85, γ_out 0.70.
    @Test func seedActivityExample() throws {
        let run = try runMembrane(["nernst", "--ion", "K", "--inside", "140", "--outside", "4", "--gamma-inside", "0.85",
                                   "--gamma-outside", "0.70", "--json"])
        let o = try #require(run.object)
        #expect(abs((o["ideal_potential_mV"] as! Double) + 95.0) < 0.05)
        #expect(abs((o["potential_mV"] as! Double) + 100.2) < 0.05)
        #expect(o["activity_model"] as? String == "ideal")
    }

    /// --activity-model on nernst: Davies γ of K in 140 mM KCl and 4 mM KCl; E = (RT/F) ln(γo·4/(γi·140)),
    /// computed here from the Davies closed form with the A the command reports.
    @Test func nernstWithDavies() throws {
        let run = try runMembrane(["nernst", "--ion", "K", "--inside", "140", "--outside", "4", "--activity-model", "davies", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try #require(run.object)
        #expect(o["activity_model"] as? String == "davies")
        let gi = try #require(o["gamma_inside"] as? Double), go = try #require(o["gamma_outside"] as? Double)
        #expect(gi < go && gi > 0.7 && go > 0.9)
        let vt = 8.314462618 * 310.15 / 96485.33212
        #expect(abs((o["potential_mV"] as! Double) - 1000 * vt * log(go * 4 / (gi * 140))) < 1e-6)
        #expect(o["activity_background_inside"] as? String != nil)
    }

    @Test(arguments: [
        ["ghk", "--inside", "K=140,Na=12,Cl=7", "--outside", "K=5,Na=145,Cl=120", "--permeability", "K=1,Na=0.04,Cl=0.45", "--activity-model", "truesdell-jones"],
        ["drive", "--ion", "Na", "--inside", "12", "--outside", "145", "--vm", "-70", "--activity-model", "pitzer"],
        ["report", "--activity-model", "davies"],
        ["report", "--inside", "K=140,Na=12,Cl=7", "--outside", "K=5,Na=145,Cl=120", "--permeability", "K=1,Na=0.04,Cl=0.45", "--activity-model", "extended-debye-huckel"],
        ["nernst", "--ion", "K", "--inside", "140", "--outside", "5"],
    ])
    func potentialCommandsReportTheModel(arguments: [String]) throws {
        let run = try runMembrane(arguments + ["--json"])
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        let o = try #require(run.object)
        let expected = arguments.firstIndex(of: "--activity-model").map { arguments[$0 + 1] } ?? "ideal"
        #expect(o["activity_model"] as? String == expected)
        if expected != "ideal" { #expect(o["activity_coefficients_inside"] != nil) }
    }

    @Test func conflictingGammaAndModel() throws {
        let run = try runMembrane(["nernst", "--ion", "K", "--inside", "140", "--outside", "5", "--gamma-inside", "0.8",
                                   "--activity-model", "davies", "--json"])
        #expect(run.status != 0)
        #expect(run.errorObject?["error"] != nil)
    }

    @Test func osmolarityAndTarget() throws {
        let run = try runMembrane(["osmolarity", "--solution", "NaCl 150", "--target-osmolarity", "290±10", "--temperature", "25", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try #require(run.object)
        // 150 mM NaCl: Σc = 300 mOsm/L; Pitzer φ ≈ 0.93 (Robinson & Stokes: 0.9284 at 0.15 m, interpolated) → ≈ 279.
        let osm = try #require(o["osmolarity_mOsm_per_L"] as? Double)
        #expect(abs(osm - 0.928 * 300) < 0.01 * 300)
        #expect(o["within_target"] as? Bool == false)
        #expect((o["warnings"] as? [String])?.contains { $0.contains("outside the target") } == true)
    }

    @Test func recipeCommand() throws {
        let run = try runMembrane(["recipe", "K-gluconate 135, KCl 5, HEPES 10, MgATP 4, Na2GTP 0.3, EGTA 0.5, pH 7.3 KOH",
                                   "--target-osmolarity", "290±10", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try #require(run.object)
        let titrant = try #require(o["titrant"] as? [String: Any])
        #expect(titrant["name"] as? String == "KOH")
        #expect(abs(try #require(o["charge_imbalance_mM"] as? Double)) < 1e-3)
        for key in ["free_ions_mM", "ionic_strength_M", "osmolarity_mOsm_per_L", "free_magnesium_mM", "mean_charges"] {
            #expect(o[key] != nil, "recipe prints \(key)")
        }
    }

    /// A recipe without a pH says at which pH it was evaluated (RecipeSolver.defaultPH, 7.2), never "pH 0.00".
    @Test func recipeWithoutPHSaysWhereItWasEvaluated() throws {
        let run = try runMembrane(["recipe", "KCl 140, HEPES 10"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("no pH stated: evaluated at pH 7.20"), "\(run.stdout)")
        #expect(!run.stdout.contains("pH 0.00"))
    }

    /// The LJP of a lab's K-gluconate internal against its ACSF, both written as salt=mM pairs, is the LJP of the same
    /// recipes written as recipe lines (to the µV it prints).
    @Test func ljpOfSaltPairs() throws {
        let pairs = try runMembrane(["ljp", "--pipette", "K-gluconate=135, KCl=4, HEPES=10, MgATP=4, Na2GTP=0.3, EGTA=0.2, pH 7.3 KOH",
                                     "--bath", "NaCl=125, KCl=2.5, NaHCO3=26, NaH2PO4=1.25, glucose=25, CaCl2=2, MgCl2=1", "--json"])
        let lines = try runMembrane(["ljp", "--pipette", "K-gluconate 135, KCl 4, HEPES 10, MgATP 4, Na2GTP 0.3, EGTA 0.2, pH 7.3 KOH",
                                     "--bath", "NaCl 125, KCl 2.5, NaHCO3 26, NaH2PO4 1.25, glucose 25, CaCl2 2, MgCl2 1", "--json"])
        #expect(pairs.status == 0, "\(pairs.stderr)")
        let a = try #require(pairs.object?["ljp_mV"] as? Double), b = try #require(lines.object?["ljp_mV"] as? Double)
        #expect(a == b)
        #expect(a > 10 && a < 20, "a K-gluconate internal against ACSF: LJP \(a) mV")
    }

    @Test func recipeBadInput() throws {
        let unknown = try runMembrane(["recipe", "KCL 140, K-glucnate 5", "--json"])
        #expect(unknown.status != 0)
        let message = (unknown.errorObject?["error"] as? [String: Any])?["message"] as? String ?? ""
        #expect(message.contains("K-gluconate"))
        let negative = try runMembrane(["recipe", "KCl -5", "--json"])
        #expect(negative.status != 0)
    }

    /// A recipe is accepted wherever a solution is (INTERFACE: --inside/--outside/--pipette/--bath/--solution).
    @Test func recipeAsSolution() throws {
        let run = try runMembrane(["ghk", "--inside", "KCl 140, NaCl 10", "--outside", "NaCl 145, KCl 5",
                                   "--permeability", "K=1,Na=0.04,Cl=0.45", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
    }
}
