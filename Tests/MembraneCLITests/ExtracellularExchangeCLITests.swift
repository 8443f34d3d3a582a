import Testing
import Foundation
import MembraneTestSupport

/// `simulate hh --concentrations dynamic --extracellular-volume-relative X` with the extracellular space's exchange
/// (`--bath-diffusion-per-s`, `--bath-concentration`, `--glial-uptake-mM-per-s`, `-half-mM`, `-slope-mM`): the JSON
/// reports the settings and where each ion's amount went, and bad input is refused with the option, the value and
/// what is allowed (exit 64).
@Suite("CLI: extracellular exchange of simulate hh")
struct ExtracellularExchangeCLITests {
    static let base = ["simulate", "hh", "--concentrations", "dynamic", "--extracellular-volume-relative", "0.15",
                       "--stimulus-uA-per-cm2", "20", "--duration", "0.2", "--json"]

    static func error(_ run: CLIRun) -> (field: String, value: String, message: String)? {
        guard let e = run.errorObject?["error"] as? [String: Any], let field = e["field"] as? String,
              let value = e["value"] as? String, let message = e["message"] as? String else { return nil }
        return (field, value, message)
    }

    /// Glia and bath diffusion of K⁺ (to 4 mM) and Na⁺: `extracellular_exchange` lists the three processes with their
    /// parameters, and per ion the changes in the cell and the extracellular space and what each process removed,
    /// which sum to zero (independently summed here, to 1e-12 of the initial total); the final state's `exchanged_mol`
    /// agrees; and K⁺ outside ends lower than without the exchange.
    @Test func reportsWhereEachAmountWent() throws {
        let run = try runMembrane(Self.base + ["--glial-uptake-mM-per-s", "66", "--bath-diffusion-per-s", "K=1.33",
                                               "--bath-diffusion-per-s", "Na=0.5", "--bath-concentration", "K=4"])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try #require(run.object)
        let exchange = try #require(o["extracellular_exchange"] as? [String: Any])
        let processes = try #require(exchange["processes"] as? [[String: Any]])
        #expect(processes.map { $0["name"] as? String } == ["bath_diffusion.K", "bath_diffusion.Na", "glia.K"])
        #expect(processes[0]["rate_per_s"] as? Double == 1.33 && processes[0]["concentration_mM"] as? Double == 4)
        #expect(processes[1]["concentration_mM"] as? Double == 140)  // default: the initial outside concentration
        #expect(processes[2]["G_max_mM_per_s"] as? Double == 66 && processes[2]["K_half_mM"] as? Double == 18
                && processes[2]["slope_mM"] as? Double == 2.5)
        let ions = try #require(exchange["ions"] as? [String: [String: Double]])
        let k = try #require(ions["K"])
        let sum = k["cell_change_mol"]! + k["extracellular_change_mol"]! + k["bath_diffusion.K_removed_mol"]! + k["glia.K_removed_mol"]!
        #expect(abs(sum) < 1e-12 * k["initial_total_mol"]!, "K: \(k)")
        #expect(k["glia.K_removed_mol"]! > 0 && k["bath_diffusion.K_removed_mol"]! > 0)
        let na = try #require(ions["Na"])
        #expect(abs(na["cell_change_mol"]! + na["extracellular_change_mol"]! + na["bath_diffusion.Na_removed_mol"]!) < 1e-12 * na["initial_total_mol"]!)
        let final = try #require(o["final"] as? [String: Any])
        let exchanged = try #require(final["exchanged_mol"] as? [String: Double])
        #expect(isRelativelyClose(exchanged["K"]!, k["bath_diffusion.K_removed_mol"]! + k["glia.K_removed_mol"]!, relative: 1e-12))

        let closed = try runMembrane(Self.base)
        #expect(closed.status == 0, "\(closed.stderr)")
        let closedK = try #require(((closed.object?["final"] as? [String: Any])?["outside_mM"] as? [String: Double])?["K"])
        let exchangedK = try #require((final["outside_mM"] as? [String: Double])?["K"])
        #expect(exchangedK < closedK, "K_o \(exchangedK) with exchange vs \(closedK) closed")
        #expect(closed.object?["extracellular_exchange"] == nil)
    }

    /// Each refusal: exit 64, stdout empty, the error object naming the option and quoting the value, the message
    /// saying what is allowed.
    @Test(arguments: [
        (["--glial-uptake-mM-per-s", "66"], "glial-uptake-mM-per-s", "66", "--extracellular-volume-relative", false),
        (["--bath-diffusion-per-s", "K=1.33"], "bath-diffusion-per-s", "K=1.33", "--concentrations dynamic", false),
        (["--bath-diffusion-per-s", "Cl=1"], "bath-diffusion-per-s", "Cl=1", "Na, K", true),
        (["--bath-diffusion-per-s", "K=-1"], "bath-diffusion-per-s", "K=-1", "≥ 0", true),
        (["--bath-concentration", "K=8"], "bath-concentration", "K=8", "diffuses", true),
        (["--glial-uptake-mM-per-s", "66", "--glial-uptake-slope-mM", "0"], "glial-uptake-slope-mM", "0", "> 0", true),
        (["--glial-uptake-half-mM", "18"], "glial-uptake-half-mM", "18", "--glial-uptake-mM-per-s", true),
        (["--glial-uptake-mM-per-s", "lots"], "glial-uptake-mM-per-s", "lots", "mM/s", true),
    ])
    func refusesBadInput(arguments: [String], field: String, value: String, allowed: String, withSpace: Bool) throws {
        let base = withSpace ? Self.base : ["simulate", "hh", "--stimulus-uA-per-cm2", "20", "--duration", "0.01", "--json"]
        let run = try runMembrane(base + arguments)
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
        #expect(run.stdout.isEmpty)
        let e = try #require(Self.error(run), "stderr: \(run.stderr)")
        #expect(e.field == field && e.value == value, "\(e)")
        #expect(e.message.contains(allowed), "\(e.message)")
    }

    /// `--set` names the exchange's parameters as the model does (`glia.K.G_max`, `bath_diffusion.K.rate`, …): the
    /// same run as the flags, to the last digit; a shape without its process, or a name the model lacks, is refused
    /// (field `set`, the pair quoted).
    @Test func setNamesTheParameters() throws {
        let flags = try runMembrane(Self.base + ["--glial-uptake-mM-per-s", "50", "--glial-uptake-slope-mM", "3",
                                                 "--bath-diffusion-per-s", "K=1.2", "--bath-concentration", "K=5"])
        let named = try runMembrane(Self.base + ["--set", "glia.K.G_max=50", "--set", "glia.K.slope=3", "--set", "bath_diffusion.K.rate=1.2",
                                                 "--set", "bath_diffusion.K.concentration=5", "--set", "g_Na=120"])
        #expect(flags.status == 0 && named.status == 0, "\(flags.stderr) \(named.stderr)")
        func finalK(_ run: CLIRun) -> Double? { ((run.object?["final"] as? [String: Any])?["outside_mM"] as? [String: Double])?["K"] }
        #expect(finalK(flags) != nil && finalK(flags) == finalK(named))
        let shape = try runMembrane(Self.base + ["--set", "glia.K.K_half=16"])
        #expect(shape.status == 64 && Self.error(shape)?.field == "set" && Self.error(shape)?.value == "glia.K.K_half=16", "\(shape.stderr)")
        let unknown = try runMembrane(Self.base + ["--set", "glia.Na.G_max=5"])
        #expect(unknown.status == 64 && Self.error(unknown)?.field == "set", "\(unknown.stderr)")
        #expect(Self.error(unknown)?.message.contains("glia.K.G_max") == true)
    }

    /// The presets with their own models (here cressman-2009, which has its own glia) refuse the options, naming them.
    @Test func ownModelPresetsRefuseTheOptions() throws {
        let run = try runMembrane(["simulate", "hh", "--preset", "cressman-2009", "--glial-uptake-mM-per-s", "66", "--json"])
        #expect(run.status == 64)
        #expect(Self.error(run)?.field == "glial-uptake-mM-per-s", "\(run.stderr)")
    }
}
