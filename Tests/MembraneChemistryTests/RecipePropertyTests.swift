import Testing
import Foundation
import MembraneChemistry
import MembraneUnits
import MembraneTestSupport
import PropertyBased

/// Invariants of recipes and activity models over random inputs.
@Suite("Recipe and activity invariants")
struct RecipePropertyTests {
    /// Electroneutrality after titration and conservation of every ligand and metal, for random buffer and
    /// chelator amounts, pH 6.8–8.0 and 15–37 °C.
    @Test func titrationConservesChargeAndMass() async {
        await propertyCheck(input: Gen.double(in: 1...20), Gen.double(in: 0.1...5), Gen.double(in: 0...2),
                            Gen.double(in: 6.8...8.0), Gen.double(in: 15...37)) { h, e, c, pH, t in
            // The amounts as the recipe text carries them (4 decimals).
            let hepes = (h * 1e4).rounded() / 1e4, egta = (e * 1e4).rounded() / 1e4, ca = (c * 1e4).rounded() / 1e4
            let text = String(format: "KCl 120, HEPES %.4f, EGTA %.4f, CaCl2 %.4f, MgCl2 1, pH %.3f KOH", hepes, egta, ca, pH)
            let r = try SolutionParser(recipeTemperature: .celsius(t)).parseRecipe(text, field: "p")
            // Electroneutral to round-off: |Σ z·c| below 1e-10 of the total charge concentration Σ|z|·c (~250 mM here,
            // so ~2.5e-8 mM); the titrant and ionic-strength iterations stop at relative 1e-13 and 1e-10.
            let totalCharge = r.solution.components.reduce(0.0) { $0 + Double(abs($1.ion.charge)) * $1.concentration.millimolar }
            #expect(abs(r.solution.chargeBalance) < 1e-10 * totalCharge, "\(text) at \(t) °C")
            let s = r.solution
            let egtaTotal = s.components.filter { $0.ion.name.contains("EGTA") }.reduce(0) { $0 + $1.concentration.millimolar }
            #expect(abs(egtaTotal - egta) < 1e-9 * max(1, egta))
            let hepesTotal = (s["HEPES"]?.millimolar ?? 0) + (s["HEPES-H"]?.millimolar ?? 0)
            #expect(abs(hepesTotal - hepes) < 1e-9 * hepes)
            let caTotal = (s["Ca"]?.millimolar ?? 0) + (s["CaEGTA"]?.millimolar ?? 0) + (s["CaHEGTA"]?.millimolar ?? 0)
            #expect(abs(caTotal - ca) < 1e-9 * max(1, ca))
        }
    }

    /// Every model tends to the Debye–Hückel limiting law on dilution (Debye & Hückel 1923): at I ≤ 5e-7 mol/kg,
    /// |log₁₀ γ| ≤ A z² √I to within 1 % (the models' other terms are O(I)).
    @Test func dilutionLimit() async {
        await propertyCheck(input: Gen.double(in: 1e-9...1e-7), Gen.element(of: ActivityModel.allCases).map { $0! }) { m, model in
            let r = try ActivityCalculator(model: model, temperature: .body)
                .coefficients(ions: [ion("Mg"), ion("SO4"), ion("Na"), ion("Cl")], molalities: [m, m, m, m])
            let bound = r.debyeHuckel.a * r.ionicStrengthMolal.squareRoot()
            for a in r.ions {
                #expect(abs(log10(a.gamma)) <= 1.01 * bound * Double(a.ion.charge * a.ion.charge) + 1e-15)
            }
        }
    }
}
