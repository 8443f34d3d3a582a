import Testing
import Foundation
import MembranePhysics
import MembraneChemistry
import MembraneUnits
import MembraneTestSupport

/// The corpus of published recipes (Tests/Reference/recipes/corpus.csv, sources in docs/research/recipe-corpus.md):
/// every recipe computes as a recipe, in every activity model, as an osmolarity, and in a liquid junction with
/// its natural counterpart by both methods — with warnings where the recipe needs an assumption, never an error.
@Suite("Corpus of published recipes")
struct RecipeCorpusTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var id, role, recipe, pair, source, url: String
        var celsius: Double
        var testDescription: String { id }
    }

    static let rows: [Row] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Reference/recipes/corpus.csv").standardized
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let table = ReferenceCSV.parse(text)
        let h = table[0]
        func col(_ name: String) -> Int { h.firstIndex(of: name)! }
        return table.dropFirst().filter { $0.count == h.count }.map { r in
            Row(id: r[col("id")], role: r[col("role")], recipe: r[col("recipe")], pair: r[col("pair")],
                source: r[col("source")], url: r[col("url")], celsius: Double(r[col("temperature_C")])!)
        }
    }()

    static func row(_ id: String) -> Row { rows.first { $0.id == id }! }

    @Test func corpusIsLargeAndCited() {
        #expect(Self.rows.count >= 30)
        #expect(Set(Self.rows.map(\.id)).count == Self.rows.count)
        for r in Self.rows {
            #expect(!r.source.isEmpty && r.url.hasPrefix("http"), "\(r.id)")
            #expect(Self.rows.contains { $0.id == r.pair }, "\(r.id) pairs with a corpus recipe")
        }
    }

    func totalCharge(_ s: Solution) -> Double {
        s.components.reduce(0) { $0 + Double(abs($1.ion.charge)) * $1.concentration.millimolar }
    }

    @Test(arguments: rows)
    func computesEverywhere(row: Row) throws {
        let t = try Temperature.celsius(row.celsius)
        let parser = SolutionParser(recipeTemperature: t)
        let r = try parser.parseRecipe(row.recipe, field: "solution")
        // Electroneutral to round-off (titrated, inferred titrant, or the CO2 exchange).
        #expect(abs(r.solution.chargeBalance) <= 1e-9 * totalCharge(r.solution), "\(row.id): Σzc = \(r.solution.chargeBalance)")
        for model in ActivityModel.allCases {
            let a = try ActivityCalculator(model: model, temperature: t).analyze(r.solution)
            #expect(a.ions.allSatisfy { $0.gamma.isFinite && $0.gamma > 0 }, "\(row.id) \(model)")
            let o = try OsmoticResult(solution: r.solution, model: model, conditions: Conditions(temperature: t))
            #expect(o.osmolarity.isFinite && o.osmolarity > 0 && o.osmoticPressure.isFinite, "\(row.id) \(model)")
        }
        // The junction with its counterpart: pipette = the internal.
        let other = try parser.parseRecipe(Self.row(row.pair).recipe, field: "solution").solution
        let (pipette, bath) = row.role == "internal" ? (r.solution, other) : (other, r.solution)
        let junction = try LiquidJunction(pipette: pipette, bath: bath, conditions: Conditions(temperature: t))
        try junction.requireElectroneutral()
        for method in [JunctionMethod.planck, .henderson] {
            let v = try JunctionSolver.solve(junction, method: method)
            #expect(v.potential.millivolts.isFinite && abs(v.potential.millivolts) < 40, "\(row.id) \(method): \(v.potential.millivolts) mV")
            if let range = v.estimateRange {
                #expect(range.low <= v.potential && v.potential <= range.high)
            }
        }
    }

    /// A K-gluconate internal against ACSF, both as recipes, within the value LJPcalc 2.2 gives for the same
    /// pair (KnownIonSets/PatchKGlu.cs: +15.729 mV at 25 °C) and LJPcalc's own test tolerance (±0.5 mV).
    /// The recipes differ from LJPcalc's ion lists only where LJPcalc simplified (HEPES all anion, Na raised
    /// to 10 mM for neutrality; H2PO4 not deprotonated) — which is what the tolerance allows for.
    @Test func kGluconateAgainstACSFMatchesLJPcalc() throws {
        let parser = SolutionParser()
        let junction = try LiquidJunction(pipette: parser.parse(Self.row("kgluc-watz").recipe, field: "pipette"),
                                          bath: parser.parse(Self.row("acsf-watz").recipe, field: "bath"),
                                          mobilities: .ljpcalc, conditions: conditions(celsius: 25))
        let v = try JunctionSolver.solve(junction, method: .planck)
        #expect(isClose(v.potential.millivolts, 15.729, within: 0.5), "\(v.potential.millivolts) mV")
        // And within the range FIELD-NOTES gives for this kind of pair (+13 to +16 mV), with the catalog's table.
        let catalog = try JunctionSolver.solve(LiquidJunction(pipette: junction.pipette, bath: junction.bath,
                                                              conditions: conditions(celsius: 25)), method: .planck)
        #expect(catalog.potential.millivolts > 13 && catalog.potential.millivolts < 16.5)
    }
}
