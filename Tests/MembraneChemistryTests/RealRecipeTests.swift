import Testing
import Foundation
import RealModule
import MembraneChemistry
import MembraneUnits
import MembraneTestSupport

/// Issue 14, item 8: the solutions electrophysiologists paste, and the chemistry that makes them compute.
@Suite("Real recipes (issue 14)")
struct RealRecipeTests {
    /// The issue's ACSF.
    static let acsf = "NaCl 125, KCl 2.5, NaHCO3 26, NaH2PO4 1.25, CaCl2 2, MgCl2 1, glucose 25"

    func solve(_ text: String, celsius: Double = 25) throws -> RecipeResult {
        try SolutionParser(recipeTemperature: try .celsius(celsius)).parseRecipe(text, field: "bath")
    }

    func totalCharge(_ s: Solution) -> Double {
        s.components.reduce(0) { $0 + Double(abs($1.ion.charge)) * $1.concentration.millimolar }
    }

    /// The ACSF with and without "pH 7.4" is electroneutral: the protons the phosphate releases on
    /// deprotonating (H₂PO₄⁻ → HPO₄²⁻) turn exactly as much HCO₃⁻ into CO₂ (proton balance:
    /// HCO₃⁻ lost = 1.25 mM·(−q̄_phosphate − 1) − ([H⁺] − [OH⁻])).
    @Test(arguments: [acsf, acsf + ", pH 7.4"])
    func acsfIsElectroneutralByTheCO2Exchange(text: String) throws {
        let r = try solve(text)
        #expect(abs(r.solution.chargeBalance) < 1e-9 * totalCharge(r.solution))
        let b = try #require(r.bicarbonate)
        let q = try #require(r.ligandCharges.first { $0.0 == "phosphate" }?.1)
        let h = (r.solution["H"]?.millimolar ?? 0) - (r.solution["OH"]?.millimolar ?? 0)
        #expect(isClose(26 - b.free, 1.25 * (-q - 1) - h, within: 1e-9))
        #expect(b.free < 26 && b.free > 24)
        #expect(r.warnings.contains { $0.contains("CO2/HCO3- exchange") })
        #expect(r.titrant == nil)
    }

    /// Without a stated pH the saline's pH is the one at which its bicarbonate is in equilibrium with the gas.
    /// Plasma's Henderson–Hasselbalch (pK′ 6.1 and α = 0.0307 mM/mmHg at 37 °C; e.g. Boron & Boulpaep,
    /// Medical Physiology, ch. 28) gives pH 7.40 for 24 mM HCO₃⁻ under 40 mmHg CO₂; a 120 mM NaCl saline differs
    /// from plasma in its salting-out of CO₂ and its activity coefficients, within ±0.06 pH.
    @Test func gassingPHMatchesHendersonHasselbalch() throws {
        let pH2O = CarbonDioxide.waterVapourAtm(try .celsius(37)) * 760
        let percent = 40 / (760 - pH2O) * 100
        let r = try solve("NaCl 120, NaHCO3 24, CO2 \(percent)%", celsius: 37)
        let b = try #require(r.bicarbonate)
        #expect(b.pHFromGas && isClose(b.free, 24, within: 1e-3))  // only [H⁺] − [OH⁻] shifts it
        #expect(isClose(b.pH, 7.40, within: 0.06), "pH \(b.pH)")
    }

    /// The CO₂ constants against their measurements: pK₁ = 6.352 at 25 °C (Harned & Davis 1943, J. Am. Chem.
    /// Soc. 65:2030), K_H = 0.0340 mol/(kg·atm) at 25 °C (Weiss 1974, Mar. Chem. 2:203, eq. 12 at S = 0: ln K₀ = −3.3825), the
    /// vapour pressure of water 6.2867 kPa at 37 °C (CRC Handbook, "Vapor pressure of water").
    @Test func carbonDioxideConstants() throws {
        #expect(isClose(CarbonDioxide.pK1(.standard), 6.352, within: 0.002))
        #expect(isRelativelyClose(CarbonDioxide.henry(.standard), Double.exp(-3.3825), relative: 0.01))
        #expect(isRelativelyClose(CarbonDioxide.waterVapourAtm(try .celsius(37)) * 101.325, 6.2867, relative: 0.003))
    }

    /// A stated pH implies a CO₂ fraction; the issue's ACSF at pH 7.4 and 25 °C is close to carbogen's 5 %.
    @Test func statedPHImpliesTheGas() throws {
        let b = try #require(try solve(Self.acsf + ", pH 7.4").bicarbonate)
        #expect(!b.pHFromGas && b.co2Fraction > 0.04 && b.co2Fraction < 0.06)
    }

    /// A titrant opposite to what the stated pH needs is not an error in a bicarbonate saline (the CO₂ exchange
    /// closes the balance), but it is without bicarbonate.
    @Test func oppositeTitrantWithBicarbonate() throws {
        let r = try solve("NaCl 125, NaHCO3 25, KCl 2.5, NaH2PO4 1.25, CaCl2 2, MgCl2 1, glucose 25, pH 7.4 HCl")
        #expect(r.bicarbonate != nil && r.titrant == nil)
        #expect(r.warnings.contains { $0.contains("needs no HCl") })
        #expect(throws: MembraneError.self) { try solve("KCl 140, Tris 10, pH 7.0 KOH") }
    }

    /// An NMDG cutting solution (NMDG weighed in as base, no titrant printed) is titrated with HCl; thiourea and
    /// ascorbate/pyruvate are accepted; the solution is electroneutral.
    @Test func nmdgCuttingSolution() throws {
        let r = try solve("NMDG 92, KCl 2.5, NaH2PO4 1.25, NaHCO3 30, HEPES 20, glucose 25, thiourea 2, Na-ascorbate 5, Na-pyruvate 3, CaCl2·4H2O 0.5, MgSO4·7H2O 10, pH 7.35")
        #expect(r.titrant?.name == "HCl" && r.titrantInferred)
        #expect(abs(r.solution.chargeBalance) < 1e-9 * totalCharge(r.solution))
        #expect(r.solution["thiourea"]?.millimolar == 2)
        #expect(r.warnings.contains { $0.contains("thiourea") && $0.contains("osmolarity only") })
        // HCl ≈ the NMDG base less the anions it pairs with: between 80 and 92 mM.
        #expect((r.titrantMillimolar ?? 0) > 80 && (r.titrantMillimolar ?? 0) < 92)
    }

    /// Species and salts the issue names: a K-methylsulfate internal, QX-314, spermine, biocytin, Na2GTP,
    /// phosphocreatine all parse and balance.
    @Test(arguments: [
        "K-methylsulfate 130, KCl 10, HEPES 10, MgATP 4, Na2GTP 0.3, Na2-phosphocreatine 10, EGTA 0.5, spermine 0.1, biocytin 2, pH 7.3 KOH",
        "Cs-methanesulfonate 130, QX-314 5, HEPES 10, EGTA 0.5, MgATP 4, NaGTP 0.4, pH 7.3 CsOH",
        "KMeSO4 130, QX-314-Br 5, Tris2-phosphocreatine 10, K2-phosphocreatine 4, Na3GTP 0.3, spermine-4HCl 0.1, pH 7.25 KOH",
    ])
    func internalsOfTheIssue(text: String) throws {
        let r = try solve(text)
        #expect(abs(r.solution.chargeBalance) < 1e-9 * totalCharge(r.solution))
    }

    /// Hydrated salts are the same ions: "CaCl2·2H2O", "MgSO4.7H2O", "NaH2PO4·H2O", "MgCl2 x 6H2O".
    @Test func hydrateNamesAreTheSameSalt() throws {
        let plain = try solve("NaCl 125, CaCl2 2, MgSO4 1, NaH2PO4 1.25, MgCl2 1, pH 7.4 NaOH").solution
        let hydrated = try solve("NaCl 125, CaCl2·2H2O 2, MgSO4.7H2O 1, NaH2PO4·H2O 1.25, MgCl2 x 6H2O 1, pH 7.4 NaOH").solution
        #expect(plain == hydrated)
    }

    /// Neutral additives count for osmolarity only: Σc grows by their amount, the ionic strength does not.
    @Test func neutralAdditives() throws {
        let base = try solve("NaCl 140")
        let withAdditives = try solve("NaCl 140, thiourea 2, myo-inositol 3, taurine 1, sorbitol 4, mannitol 5, sucrose 6, glucose 7")
        #expect(isClose(withAdditives.solution.idealOsmolarity - base.solution.idealOsmolarity, 28, within: 1e-9))
        #expect(isClose(withAdditives.ionicStrengthMolar, base.ionicStrengthMolar, within: 1e-15))
    }

    /// A titrant inferred from the main cation: CsOH for a Cs internal, NaOH for a Na saline, HCl for excess base.
    @Test func inferredTitrantFollowsTheMainCation() throws {
        #expect(try solve("CsCl 130, HEPES 10, EGTA 5, pH 7.3").titrant?.name == "CsOH")
        #expect(try solve("NaCl 140, KCl 5, HEPES 10, pH 7.4").titrant?.name == "NaOH")
        #expect(try solve("NaCl 430, KCl 10, Tris 5, pH 8.0").titrant?.name == "HCl")
    }

    /// `recipe "K=5,K=6"` is refused as an ion list is (not summed), and so is a salt listed twice.
    @Test func duplicatesAreRefused() {
        for text in ["K=5,K=6", "KCl 5, KCl 6", "KCl 5, K=5, k=6"] {
            #expect(throws: MembraneError.self) { try solve(text) }
        }
        #expect(throws: Never.self) { try solve("KCl 5, K-gluconate 130") }
    }

    /// `--target-osmolarity "290±inf"` is refused naming the option; finite targets parse.
    @Test func osmolarityTargetIsFinite() throws {
        for text in ["290±inf", "290±nan", "inf", "1e400", "290±-5", "0"] {
            #expect(throws: MembraneError.self) { try OsmolarityTarget(text) }
        }
        let t = try OsmolarityTarget("290±10")
        #expect(t.center == 290 && t.tolerance == 10)
        #expect(try OsmolarityTarget("280-300").range == 280...300)
    }

    /// The temperature range is liquid water's (−40 to 150 °C): absurd temperatures are refused at the parse,
    /// naming the field, before any model sees them.
    @Test(arguments: ["1e19", "9.3e18", "139.9K", "100K", "1e-300K", "-41", "151", "nan"])
    func absurdTemperaturesAreRefused(text: String) {
        do {
            _ = try QuantityParser.temperature(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect((error as? MembraneError)?.field == "temperature")
        }
    }

    /// Within that range the activity models and the viscosity fit stay finite (−40 °C and 150 °C).
    @Test(arguments: [-40.0, 150.0])
    func modelsAreFiniteAtTheEdgesOfTheRange(celsius: Double) throws {
        let t = try Temperature.celsius(celsius)
        let s = try Solution(millimolar: ["Na": 145, "Cl": 145])
        for model in ActivityModel.allCases {
            let r = try ActivityCalculator(model: model, temperature: t).analyze(s)
            #expect(r.ions.allSatisfy { $0.gamma.isFinite && $0.gamma > 0 })
        }
        #expect(WaterViscosity.stokesEinsteinFactor(kelvin: t.kelvin).isFinite)
    }
}
