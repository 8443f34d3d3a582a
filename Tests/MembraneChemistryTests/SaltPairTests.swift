import Testing
import MembraneChemistry
import MembraneUnits

/// A recipe sheet written as `NAME=VALUE` pairs (`K-gluconate=135, KCl=4, HEPES=10, …`, as many labs write their
/// solutions) is the recipe it lists, not a list of unknown ions; an ion list stays an ion list.
@Suite("Salts written NAME=VALUE")
struct SaltPairTests {
    /// A K-gluconate internal with GTP and phosphocreatine, and an ACSF with bicarbonate and phosphate.
    static let sheets = [
        ("K-gluconate=135, KCl=4, HEPES=10, MgATP=4, Na2GTP=0.3, Na2-phosphocreatine=10, EGTA=0.2",
         "K-gluconate 135, KCl 4, HEPES 10, MgATP 4, Na2GTP 0.3, Na2-phosphocreatine 10, EGTA 0.2"),
        ("K-gluconate=135, KCl=4, HEPES=10, MgATP=4, Na2GTP=0.3, EGTA=0.2, pH 7.3 KOH",
         "K-gluconate 135, KCl 4, HEPES 10, MgATP 4, Na2GTP 0.3, EGTA 0.2, pH 7.3 KOH"),
        ("NaCl=125, KCl=2.5, NaHCO3=26, NaH2PO4=1.25, glucose=25, CaCl2=2, MgCl2=1",
         "NaCl 125, KCl 2.5, NaHCO3 26, NaH2PO4 1.25, glucose 25, CaCl2 2, MgCl2 1"),
    ]

    /// The pairs give exactly the free species of the recipe lines (the same speciation and titration).
    @Test(arguments: sheets)
    func pairsAreTheRecipe(_ pairs: String, _ recipe: String) throws {
        let parser = SolutionParser()
        #expect(parser.isRecipe(entries: try parser.splitEntries(pairs, field: "pipette")))
        let a = try parser.parse(pairs, field: "pipette"), b = try parser.parse(recipe, field: "pipette")
        #expect(a.components.map(\.ion.name) == b.components.map(\.ion.name))
        for (x, y) in zip(a.components, b.components) { #expect(x.concentration.millimolar == y.concentration.millimolar, "\(x.ion.name)") }
        // Dissociated: K⁺ of the gluconate and the chloride, Na⁺ of the bicarbonate and the chloride.
        #expect(a.components.contains { $0.ion.name == "K" || $0.ion.name == "Na" })
    }

    /// An ion list without a salt is read as ions (`HEPES=10` is 10 mM of the HEPES anion there), and in a recipe that
    /// writes no salt as a pair an ion pair stays an ion (`Ca=100nM`).
    @Test func ionListsStayIonLists() throws {
        let parser = SolutionParser()
        let ions = try parser.parse("K=140, Cl=130, HEPES=10", field: "pipette")
        #expect(!parser.isRecipe(entries: try parser.splitEntries("K=140, Cl=130, HEPES=10", field: "pipette")))
        #expect(ions.components.first { $0.ion.name == "HEPES" }?.concentration.millimolar == 10)
        let recipe = try parser.parseRecipe("KCl 140, Ca=100nM", field: "pipette")
        #expect(recipe.recipe.ionEntries.map(\.ion.name) == ["Ca"])
    }
}
