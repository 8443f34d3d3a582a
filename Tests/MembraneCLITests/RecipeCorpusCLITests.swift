import Testing
import Foundation
import MembraneTestSupport

/// A sample of the recipe corpus through the built `membrane`, as users run it: `recipe`, `activity`,
/// `osmolarity` and `ljp` (with its counterpart) all exit 0 with one JSON document whose numbers are finite;
/// warnings go into the document (`input_warnings` / `warnings`), never an error.
@Suite("Recipe corpus through the binary")
struct RecipeCorpusCLITests {
    static let rows: [[String: String]] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Reference/recipes/corpus.csv").standardized
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let table = ReferenceCSV.parse(text)
        return table.dropFirst().filter { $0.count == table[0].count }.map { Dictionary(uniqueKeysWithValues: zip(table[0], $0)) }
    }()

    /// One recipe of each kind: the issue's bicarbonate ACSF without pH, an NMDG cutting solution without
    /// titrant, a Cs-methylsulfate internal with QX-314, GTP and phosphocreatine, a K-gluconate internal with
    /// Tris-GTP, an inside-out solution with BAPTA, a frog Ringer and a squid saline.
    static let sample = ["acsf-jphysiol2009", "nmdg-cut-82NaCl", "csmes-qx314-bioprotocol", "kgluc-jphysiol2009",
                         "inside-out-intracellular-csh", "ringer-frog", "asw-squid"]

    static func row(_ id: String) -> [String: String] { rows.first { $0["id"] == id }! }

    /// Every number in a JSON document is finite (JSONSerialization reads NaN/inf printed as null as NSNull,
    /// which this walk rejects where a number is expected by the keys checked).
    func allFinite(_ value: Any) -> Bool {
        switch value {
        case let d as Double: return d.isFinite
        case let a as [Any]: return a.allSatisfy(allFinite)
        case let o as [String: Any]: return o.values.allSatisfy(allFinite)
        default: return true
        }
    }

    @Test(arguments: sample)
    func commandsSucceed(id: String) throws {
        let r = Self.row(id)
        let recipe = try #require(r["recipe"])
        for args in [["recipe", recipe], ["activity", "--solution", recipe, "--model", "truesdell-jones"],
                     ["osmolarity", "--solution", recipe]] {
            let run = try runMembrane(args + ["--json"])
            #expect(run.status == 0, "\(id) \(args[0]): \(run.stderr)")
            let o = try #require(run.object, "\(id) \(args[0])")
            #expect(allFinite(o))
        }
        let pair = try #require(Self.row(r["pair"]!)["recipe"])
        let (pipette, bath) = r["role"] == "internal" ? (recipe, pair) : (pair, recipe)
        let run = try runMembrane(["ljp", "--pipette", pipette, "--bath", bath, "--temperature", r["temperature_C"]!, "--json"])
        #expect(run.status == 0, "\(id) ljp: \(run.stderr)")
        let o = try #require(run.object)
        let ljp = try #require(o["ljp_mV"] as? Double)
        #expect(ljp.isFinite && abs(ljp) < 40)
        #expect(allFinite(o))
    }

    /// The issue's own examples: the ACSF with and without "pH 7.4" against a K-gluconate internal with Na2GTP
    /// and phosphocreatine, and a Cs-methanesulfonate internal with QX-314; `--electroneutralize Na` on a
    /// Na-free pipette whose imbalance is round-off.
    @Test func issueExamples() throws {
        let acsf = "NaCl 125, KCl 2.5, NaHCO3 26, NaH2PO4 1.25, CaCl2 2, MgCl2 1, glucose 25"
        for bath in [acsf, acsf + ", pH 7.4"] {
            for pipette in ["K-gluconate 135, KCl 5, HEPES 10, MgATP 4, Na2GTP 0.3, EGTA 0.5, pH 7.3 KOH",
                            "K-gluconate 130, KCl 5, HEPES 10, Na2-phosphocreatine 10, MgATP 4, pH 7.3 KOH",
                            "Cs-methanesulfonate 130, QX-314 5, HEPES 10, EGTA 0.5, pH 7.3 CsOH"] {
                let run = try runMembrane(["ljp", "--pipette", pipette, "--bath", bath, "--json"])
                #expect(run.status == 0, "\(run.stderr)")
                let warnings = (run.object?["input_warnings"] as? [String]) ?? []
                #expect(warnings.contains { $0.contains("CO2/HCO3- exchange") })
            }
        }
        let run = try runMembrane(["ljp", "--pipette", "Cs-methanesulfonate 130, CsCl 10, HEPES 10, EGTA 0.5, MgATP 4, pH 7.3 CsOH",
                                   "--bath", "NaCl 140, KCl 3, HEPES 10, CaCl2 2, MgCl2 1, pH 7.4 NaOH",
                                   "--electroneutralize", "Na", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect((run.object?["warnings"] as? [String])?.isEmpty == true)
    }
}
