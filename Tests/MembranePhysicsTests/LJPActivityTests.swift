import Testing
import Foundation
import MembranePhysics
import MembraneChemistry
import MembraneUnits
import MembraneTestSupport

/// Activity-corrected junctions, and recipes as junction inputs.
@Suite("Liquid junctions with activities and recipes")
struct LJPActivityTests {
    let parser = SolutionParser()

    func junction(_ p: String, _ b: String) throws -> LiquidJunction {
        try LiquidJunction(pipette: parser.parse(p, field: "pipette"), bath: parser.parse(b, field: "bath"),
                           conditions: conditions(celsius: 25))
    }

    /// For one 1:1 salt the stationary Nernst–Planck junction with single-ion activities has a closed form:
    /// zero current with c₊ = c₋ gives Δψ = t₋·Δln a₋ − t₊·Δln a₊, t± = D±/(D₊ + D₋), i.e.
    /// V_L = (RT/F)·[t₋·ln(a₋ˢ/a₋ᴾ) − t₊·ln(a₊ˢ/a₊ᴾ)] (MacInnes 1939, ch. 13; Bard & Faulkner eq. 2.3.39 when
    /// γ₊ = γ₋). γ comes from the activity calculator on each solution. With γ₊ = γ₋ (Davies) Henderson with
    /// activities gives the same value; with ion-specific sizes (Truesdell–Jones, Kielland) it does not.
    @Test(arguments: [ActivityModel.davies, .truesdellJones, .extendedDebyeHuckel])
    func binarySaltWithActivities(model: ActivityModel) throws {
        let j = try junction("Na=150,Cl=150", "Na=15,Cl=15")
        let calc = ActivityCalculator(model: model, temperature: try .celsius(25))
        let gP = try calc.analyze(parser.parse("Na=150,Cl=150", field: "p")), gS = try calc.analyze(parser.parse("Na=15,Cl=15", field: "b"))
        let dNa = ion("Na").diffusionCoefficient!.squareMetresPerSecond, dCl = ion("Cl").diffusionCoefficient!.squareMetresPerSecond
        let tNa = dNa / (dNa + dCl), tCl = dCl / (dNa + dCl)
        let lnNa = log(gS.gamma(of: "Na")! * 15 / (gP.gamma(of: "Na")! * 150))
        let lnCl = log(gS.gamma(of: "Cl")! * 15 / (gP.gamma(of: "Cl")! * 150))
        let expected = conditions(celsius: 25).thermalVoltage * (tCl * lnCl - tNa * lnNa)
        #expect(isClose(try ActivityJunction.planck(j, model: model).potential.volts, expected, within: 1e-9))
        if model == .davies {
            #expect(isClose(ActivityJunction.henderson(j, model: model).potential.volts, expected, within: 1e-12))
        }
    }

    /// The grid solver behind activity-corrected Planck reproduces the exact Planck junction when γ = 1.
    @Test func gridSolverMatchesExactPlanckForIdealSolutions() throws {
        let j = try junction("K=145,Na=13,Cl=10,gluconate=145,Mg=1,HEPES=5", "K=2.8,Na=145,Cl=148.8,Mg=2,Ca=1,HEPES=5")
        let exact = try PlanckJunction.solve(j).potential.millivolts
        let grid = try ActivityJunction.planck(j, model: .ideal).potential.millivolts
        #expect(isClose(grid, exact, within: 1e-5))
    }

    /// A recipe is a junction input: "KCl 140 | KCl 4" equals the ion list K=140,Cl=140 | K=4,Cl=4, and neutral
    /// recipe species (glucose, HEPES's neutral form) are noted, not rejected.
    @Test func recipesAsInputs() throws {
        let fromRecipe = try junction("KCl 140", "KCl 4")
        let fromIons = try junction("K=140,Cl=140", "K=4,Cl=4")
        #expect(isClose(try PlanckJunction.solve(fromRecipe).potential.volts, try PlanckJunction.solve(fromIons).potential.volts, within: 1e-12))
        let withNeutral = try junction("K-gluconate 140, HEPES 10, pH 7.3 KOH", "NaCl 140, glucose 10, HEPES 10, pH 7.4 NaOH")
        #expect(withNeutral.notes.contains { $0.contains("glucose") && $0.contains("HEPES-H") })
        let r = try PlanckJunction.solve(withNeutral)
        // K-gluconate against NaCl: the bath is positive, about +16 mV (FIELD-NOTES: +13 to +16 mV).
        #expect(r.potential.millivolts > 13 && r.potential.millivolts < 18)
    }
}
