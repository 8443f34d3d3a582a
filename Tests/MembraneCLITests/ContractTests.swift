import Testing
import Foundation
import MembraneTestSupport

/// The command-line contract of INTERFACE.md, exercised on the built binary as scripts use it.
@Suite("membrane command line")
struct ContractTests {
    @Test(arguments: [
        (["nernst", "--ion", "K", "--inside", "140", "--outside", "5", "--temperature", "37"], ["potential_mV", "temperature_K", "valence"]),
        (["ghk", "--inside", "K=140,Na=12,Cl=7", "--outside", "K=5,Na=145,Cl=120", "--permeability", "K=1,Na=0.04,Cl=0.45"], ["potential_mV"]),
        (["ghk", "--inside", "K=140,Na=12,Cl=7,Ca=100nM", "--outside", "K=5,Na=145,Cl=120,Ca=2", "--permeability", "K=1,Na=0.04,Cl=0.45,Ca=0.1", "--pump-ratio", "1.5"], ["potential_mV"]),
        (["ghk-current", "--ion", "Ca", "--inside", "1e-4", "--outside", "2", "--permeability", "1e-6", "--voltage", "-20"], ["current_density_A_per_m2", "flux_mol_per_m2_s"]),
        (["drive", "--ion", "Na", "--inside", "12", "--outside", "145", "--vm", "-70"], ["driving_force_mV", "current_direction", "flux_direction", "delta_g_kJ_per_mol"]),
        (["charge", "--vm", "-80", "--radius-um", "10"], ["charge_C", "ions_moved", "fraction_of_ions"]),
        (["report"], ["nernst_mV", "vm_mV", "driving_force_mV"]),
        (["report", "--preset", "squid-giant-axon"], ["nernst_mV", "vm_mV", "driving_force_mV"]),
    ])
    func jsonKeys(arguments: [String], keys: [String]) throws {
        let run = try runMembrane(arguments + ["--json"])
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        let object = try #require(run.object, "stdout is one JSON object")
        for key in keys { #expect(object[key] != nil, "\(arguments.first!) prints \(key)") }
    }

    @Test func driveDirectionsAndDeltaG() throws {
        let run = try runMembrane(["drive", "--ion", "Na", "--inside", "12", "--outside", "145", "--vm", "-70", "--json"])
        let o = try #require(run.object)
        #expect(o["current_direction"] as? String == "inward")
        #expect(o["flux_direction"] as? String == "influx")
        // ΔG(out → in) = RT ln(12/145) − F·0.070 < 0: Na⁺ entry is downhill.
        let g = try #require(o["delta_g_kJ_per_mol"] as? Double)
        #expect(isClose(g, (8.314462618 * 310.15 * log(12.0 / 145.0) + 96485.33212 * -0.070) / 1000, within: 1e-6))
    }

    @Test func presetsAndIonsAreArrays() throws {
        let presets = try #require(try runMembrane(["presets", "--json"]).json as? [[String: Any]])
        #expect(presets.count >= 7)
        for p in presets { for key in ["name", "description", "temperature_C", "source"] { #expect(p[key] != nil) } }
        let ions = try #require(try runMembrane(["ions", "--json"]).json as? [[String: Any]])
        #expect(ions.contains { $0["name"] as? String == "gluconate" })
    }

    @Test func reportPrintsTheDefaultNeuron() throws {
        let run = try runMembrane(["report"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("mammalian-neuron"))
        #expect(run.stdout.contains("GHK V_m"))
    }

    @Test func ivCurvePlot() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("iv-\(UUID().uuidString).svg").path
        let run = try runMembrane(["ghk-current", "--ion", "Ca", "--inside", "100nM", "--outside", "2", "--permeability", "1e-6",
                                   "--from", "-100", "--to", "100", "--step", "10", "--plot", path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let curve = try #require(run.object?["curve"] as? [[String: Any]])
        #expect(curve.count == 21)
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("polyline"))
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Bad input: a clear message naming the field, a JSON error object with --json, and a non-zero exit.
    @Test(arguments: [
        (["nernst", "--ion", "K", "--inside", "-1", "--outside", "5"], "inside"),
        (["nernst", "--ion", "K", "--inside", "0", "--outside", "5"], "inside"),
        (["nernst", "--ion", "K", "--inside", "nan", "--outside", "5"], "inside"),
        (["nernst", "--ion", "K", "--inside", "inf", "--outside", "5"], "inside"),
        (["nernst", "--ion", "K", "--inside", "lots", "--outside", "5"], "inside"),
        (["nernst", "--ion", "Kalium", "--inside", "140", "--outside", "5"], "ion"),
        (["nernst", "--ion", "glucose", "--inside", "5", "--outside", "5"], "ion"),
        (["nernst", "--ion", "X", "--valence", "0", "--inside", "5", "--outside", "1"], "ion"),
        (["nernst", "--ion", "K", "--inside", "140", "--outside", "5", "--temperature", "-300"], "temperature"),
        (["nernst", "--ion", "K", "--inside", "140", "--outside", "5", "--temperature", "-5K"], "temperature"),
        (["ghk", "--inside", "", "--outside", "K=5", "--permeability", "K=1"], "inside"),
        (["ghk", "--inside", "K=140", "--outside", "K=5", "--permeability", "K=0"], "permeability"),
        (["ghk", "--inside", "K=140,Na=12", "--outside", "K=5", "--permeability", "K=1,Na=0.04"], "outside"),
        (["ghk", "--inside", "K=140", "--outside", "K=5", "--permeability", "Q=1"], "permeability"),
        (["drive", "--ion", "Na", "--inside", "12", "--outside", "145", "--vm", "sixty"], "vm"),
        (["charge", "--vm", "-80", "--radius-um", "-3"], "radius-um"),
        (["report", "--preset", "octopus"], "preset"),
    ])
    func badInput(arguments: [String], field: String) throws {
        let text = try runMembrane(arguments)
        #expect(text.status != 0, "\(arguments) must fail")
        #expect(text.stderr.contains("error:"), "\(arguments): \(text.stderr)")
        #expect(text.stdout.isEmpty)
        let json = try runMembrane(arguments + ["--json"])
        #expect(json.status == text.status)
        let error = try #require(json.errorObject?["error"] as? [String: Any], "\(arguments): \(json.stderr)")
        #expect(error["field"] as? String == field, "\(arguments): \(error)")
        #expect((error["message"] as? String)?.isEmpty == false)
    }

    @Test func unknownIonSuggestsNames() throws {
        let run = try runMembrane(["nernst", "--ion", "Chlorid", "--inside", "7", "--outside", "120"])
        #expect(run.stderr.contains("did you mean"))
        #expect(run.stderr.contains("Cl"))
    }

    @Test func missingOptionIsAJSONErrorToo() throws {
        let run = try runMembrane(["nernst", "--ion", "K", "--json"])
        #expect(run.status != 0)
        #expect(run.errorObject?["error"] != nil)
    }
}

@Suite("membrane ljp")
struct LJPCommandTests {
    @Test func interfaceKeysAndCorrection() throws {
        let run = try runMembrane(["ljp", "--pipette", "K=140,Cl=140", "--bath", "K=4,Cl=4", "--temperature", "25",
                                   "--measured-vm", "-70", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try #require(run.object)
        let ljp = try #require(o["ljp_mV"] as? Double)
        #expect(o["corrected_vm_formula"] as? String == "Vm = Vmeasured - ljp")
        // Seed 000: |LJP| = 1.7 mV; patch-clamp convention negative, seed convention positive.
        #expect(isClose(abs(ljp), 1.7, within: 0.05) && ljp < 0)
        #expect(isClose(try #require(o["pipette_relative_to_bath_mV"] as? Double), -ljp, within: 1e-12))
        #expect(isClose(try #require(o["corrected_vm_mV"] as? Double), -70 - ljp, within: 1e-9))
    }

    @Test func batchMode() throws {
        let dir = FileManager.default.temporaryDirectory
        let input = dir.appendingPathComponent("pairs-\(UUID().uuidString).csv")
        let output = dir.appendingPathComponent("ljp-\(UUID().uuidString).csv")
        try "id,pipette,bath,temperature,method\na,\"K=140,Cl=140\",\"K=4,Cl=4\",25,henderson\nb,\"K=140,gluconate=130\",\"Na=150,Cl=150\",25,planck\nc,\"K=140,Cl=140\",\"Na=150,Cl=150\",37,\n"
            .write(to: input, atomically: true, encoding: .utf8)
        let run = try runMembrane(["ljp", "--batch", input.path, "--output", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try String(contentsOf: output, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(rows.count == 4)
        #expect(rows[0].hasPrefix("id,pipette,bath,temperature,method,ljp_mV"))
        #expect(rows[1].contains("henderson") && rows[1].contains("-1.72"))
        #expect(rows[2].contains("electroneutral"), "row b reports its error and the batch goes on")
        #expect(rows[3].contains("planck"))
        try? FileManager.default.removeItem(at: input)
        try? FileManager.default.removeItem(at: output)
    }

    @Test func profileFiles() throws {
        let dir = FileManager.default.temporaryDirectory
        let csv = dir.appendingPathComponent("profile-\(UUID().uuidString).csv").path
        let svg = dir.appendingPathComponent("profile-\(UUID().uuidString).svg").path
        let run = try runMembrane(["ljp", "--pipette", "K=145,gluconate=135,Cl=10", "--bath", "Na=150,Cl=150",
                                   "--profile", csv, "--plot", svg, "--profile-points", "11"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 12 && lines[0].hasPrefix("x,potential_mV"))
        #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("<svg"))
    }

    @Test(arguments: [
        (["ljp", "--pipette", "K=140,gluconate=130", "--bath", "Na=150,Cl=150"], "pipette"),
        (["ljp", "--pipette", "K=139.7,X(z=-1)=0.3,Cl=139.4", "--bath", "Na=150,Cl=150"], "mobility"),
        (["ljp", "--pipette", "glucose=10", "--bath", "Na=150,Cl=150"], "pipette"),
        (["ljp", "--pipette", "K=140,Cl=140", "--bath", "Na=150,Cl=150", "--method", "magic"], "method"),
        (["ljp", "--pipette", "K=140,Cl=140", "--bath", "Na=150,Cl=150", "--configuration", "sideways"], "configuration"),
    ])
    func badInput(arguments: [String], field: String) throws {
        let run = try runMembrane(arguments + ["--json"])
        #expect(run.status != 0)
        let error = try #require(run.errorObject?["error"] as? [String: Any], "\(run.stderr)")
        #expect(error["field"] as? String == field)
    }

    @Test func explicitElectroneutralizationIsReported() throws {
        let run = try runMembrane(["ljp", "--pipette", "K=140,gluconate=130", "--bath", "Na=150,Cl=150",
                                   "--electroneutralize", "gluconate", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let warnings = try #require(run.object?["warnings"] as? [String])
        #expect(warnings.contains { $0.contains("gluconate") && $0.contains("130.0 to 140.0") })
    }
}

@Suite("membrane ljp with recipes and activities")
struct LJPRecipeCommandTests {
    @Test func recipeWithActivitiesAndDiffusionOverride() throws {
        let run = try runMembrane(["ljp", "--pipette", "K-gluconate 135, KCl 5, HEPES 10, MgATP 4, Na2GTP 0.3, EGTA 0.5, pH 7.3 KOH",
                                   "--bath", "NaCl 125, KCl 2.5, NaHCO3 25, CaCl2 2, MgCl2 1, glucose 25, pH 7.4 NaOH",
                                   "--diffusion", "GTP=0.294e-9", "--activity-model", "davies", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try #require(run.object)
        #expect(o["activity_model"] as? String == "davies")
        let ljp = try #require(o["ljp_mV"] as? Double)
        // A K-gluconate internal against ACSF: +13 to +18 mV in the patch-clamp convention.
        #expect(ljp > 13 && ljp < 18)
        let species = try #require(o["species"] as? [[String: Any]])
        #expect(species.contains { $0["name"] as? String == "MgATP" }, "the recipe's species reach the junction")
    }

    /// GTP has no published mobility: the junction uses the catalog's estimate, says so per species, and
    /// reports the potential at both ends of the estimate's range (bracketing the central value).
    @Test func recipeSpeciesWithoutPublishedMobilityUseEstimates() throws {
        let run = try runMembrane(["ljp", "--pipette", "K-gluconate 135, KCl 5, Na2GTP 0.3, pH 7.3 KOH", "--bath", "NaCl 140, KCl 3", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try #require(run.object)
        let species = try #require(o["species"] as? [[String: Any]])
        let gtp = try #require(species.first { $0["name"] as? String == "GTP" })
        #expect(gtp["mobility_is_estimate"] as? Bool == true)
        let estimates = try #require(o["diffusion_estimates"] as? [[String: Any]])
        let e = try #require(estimates.first { $0["name"] as? String == "GTP" })
        let ljp = try #require(o["ljp_mV"] as? Double)
        let low = try #require(e["ljp_at_low_D_mV"] as? Double), high = try #require(e["ljp_at_high_D_mV"] as? Double)
        #expect(min(low, high) <= ljp && ljp <= max(low, high))
        let range = try #require(o["ljp_estimate_range_mV"] as? [Double])
        #expect(range[0] <= ljp && ljp <= range[1])
    }
}

@Suite("membrane drive potentials")
struct DrivePotentialTests {
    /// ΔG(out → in) is the difference of the electrochemical potentials μ̃_in − μ̃_out (seed 000), and the
    /// chemical potential of a 1 M solution is μ° (RT·ln 1 = 0).
    @Test func deltaGIsTheDifferenceOfElectrochemicalPotentials() throws {
        let o = try #require(try runMembrane(["drive", "--ion", "Ca", "--inside", "100nM", "--outside", "1000", "--vm", "-60", "--json"]).object)
        let g = try #require(o["delta_g_kJ_per_mol"] as? Double)
        let muIn = try #require(o["electrochemical_potential_inside_kJ_per_mol"] as? Double)
        let muOut = try #require(o["electrochemical_potential_outside_kJ_per_mol"] as? Double)
        #expect(isClose(g, muIn - muOut, within: 1e-9))
        #expect(isClose(try #require(o["chemical_potential_outside_kJ_per_mol"] as? Double), 0, within: 1e-12))
    }
}
