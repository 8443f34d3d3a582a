import Testing
import Foundation
import MembraneChemistry
import MembraneUnits
import MembraneTestSupport

@Suite("Solution recipes")
struct RecipeTests {
    static let internalRecipe = "K-gluconate 135, KCl 5, HEPES 10, MgATP 4, Na2GTP 0.3, EGTA 0.5, pH 7.3 KOH"
    /// OpenWetWare "ACSF" (openwetware.org/wiki/ACSF): 125 NaCl, 2.5 KCl, 1 MgCl2, 2 CaCl2, 1.25 NaH2PO4,
    /// 25 NaHCO3, 25 glucose, "approximately 310 mOsm and pH 7.4 when bubbled".
    static let acsfRecipe = "NaCl 125, KCl 2.5, MgCl2 1, CaCl2 2, NaH2PO4 1.25, NaHCO3 25, glucose 25, pH 7.4"

    func solve(_ text: String, celsius: Double = 25) throws -> RecipeResult {
        try SolutionParser(recipeTemperature: try .celsius(celsius)).parseRecipe(text, field: "pipette")
    }

    func osmolality(_ r: RecipeResult) throws -> Double {
        try OsmoticResult(solution: r.solution, model: .pitzer, conditions: Conditions(temperature: r.temperature)).osmolality
    }

    /// Electroneutrality after titration (a physical invariant): Σ z c of the free species, H⁺ and OH⁻
    /// included, is zero to round-off (species below 1e-9 mM are not listed).
    @Test(arguments: [internalRecipe, "CsCl 120, HEPES 10, BAPTA 10, CaCl2 2, MgATP 4, pH 7.2 CsOH",
                      "NMDG 140, HEPES 10, pH 7.4 HCl", "NaCl 140, Tris 10, pH 7.4 HCl",
                      "K-methanesulfonate 130, Na2-phosphocreatine 10, HEPES 10, EGTA 1, MgCl2 2, pH 7.25 KOH"])
    func electroneutralAfterTitration(recipe: String) throws {
        for celsius in [22.0, 34.0] {
            let r = try solve(recipe, celsius: celsius)
            #expect(abs(r.solution.chargeBalance) < 1e-7, "\(recipe): Σzc = \(r.solution.chargeBalance) mM")
            #expect((r.titrantMillimolar ?? -1) >= 0)
        }
    }

    /// The proton balance gives the same titrant as electroneutrality: KOH = protons the acids released.
    /// HEPES free acid (zwitterion, 0 net H⁺ released at full protonation) gives up the fraction α⁻ = its
    /// anion share; EGTA free acid (H4EGTA) gives up 4 + mean charge; MgATP (Mg·H2ATP) gives up 2 + its
    /// mean charge + 2 (bound Mg carried its own charge). Independent of the charge-balance route.
    @Test func titrantEqualsProtonsReleased() throws {
        let r = try solve("KCl 140, HEPES 10, EGTA 1, pH 7.3 KOH")
        let hepes = try #require(r.ligandCharges.first { $0.0 == "HEPES" }?.1)
        let egta = try #require(r.ligandCharges.first { $0.0 == "EGTA" }?.1)
        let released = 10 * (-hepes) + 1 * (-egta)   // H4EGTA is neutral: its mean charge is −(protons lost)
        // Within the free H⁺ − OH⁻ (≈ 5e-5 mM at pH 7.3), which the titrant also neutralises.
        #expect(isClose(try #require(r.titrantMillimolar), released, within: 1e-3))
        // HEPES at pH 7.3, 25 °C (pKa 7.56 at I = 0, lowered by the ionic strength): 35–45 % anion.
        #expect(hepes < -0.35 && hepes > -0.45)
    }

    /// A standard K-gluconate internal: its osmolarity (Σ c of the free species after titration) within the
    /// 285–315 mOsm range of internal solutions (L. H. Nelson, PatchClampHandbook, "Internal solutions":
    /// "anywhere from 285–315"); Mg free below the 4 mM added (bound by ATP).
    /// Pitzer's osmolality is not tested here: gluconate, HEPES and ATP have no Pitzer parameters, and the
    /// Debye–Hückel-only terms they get give φ = 0.88 (274 mOsm/kg), below the measured range (the output warns).
    @Test func kGluconateInternal() throws {
        let r = try solve(Self.internalRecipe)
        let osm = r.solution.idealOsmolarity
        #expect(osm >= 285 && osm <= 315, "osmolarity \(osm)")
        // KOH for 10 HEPES (≈ 4 mM), 4 ATP (≈ 8 mM: H2ATP → ATP4-, part bound to Mg), 0.5 EGTA (≈ 1 mM): 10–16 mM.
        let koh = try #require(r.titrantMillimolar)
        #expect(koh > 10 && koh < 16)
        let mg = try #require(r.freeMagnesium?.millimolar)
        #expect(mg > 0.2 && mg < 2, "free Mg \(mg) mM")
        #expect(r.warnings.contains { $0.contains("GTP") })
        // Ionic strength of a 140 mM K-gluconate internal: 0.15–0.19 M (1:1 salt ≈ 0.14 plus divalent species).
        #expect(r.ionicStrengthMolar > 0.15 && r.ionicStrengthMolar < 0.19)
    }

    /// ACSF: Pitzer osmolality against OpenWetWare's "approximately 310 mOsm" for this recipe, read as ±10 mOsm
    /// (the resolution to which such values are quoted, e.g. the issue's "290±10").
    @Test func acsf() throws {
        let r = try solve(Self.acsfRecipe)
        let osm = try osmolality(r)
        #expect(isClose(osm, 310, within: 10), "osmolality \(osm)")
        #expect(r.warnings.contains { $0.contains("bicarbonate") })
    }

    /// Ringer's solution (USP: 147 NaCl, 4 KCl, 2.25 CaCl2): PHREEQC, given the same numbers per kg of water,
    /// computes μ = 0.15775 mol/kg (phreeqc-activity.json; only traces of CaOH⁺ pair there); the recipe, given them
    /// per litre, must give the same number in mol/L, within 0.2 %.
    @Test func ringerIonicStrength() throws {
        let r = try solve("NaCl 147, KCl 4, CaCl2 2.25")
        let phreeqc = try ReferenceData.phreeqcCases().first { $0.solution == "ringer" && $0.model == "davies" && $0.celsius == 25 }!
        #expect(isRelativelyClose(r.ionicStrengthMolar, phreeqc.ionicStrength, relative: 0.002), "I = \(r.ionicStrengthMolar)")
    }

    /// Free Ca²⁺ with EGTA: 0.5 mM CaCl2 + 1 mM EGTA at pH 7.2, 0.1 M KCl, 25 °C. The apparent constant
    /// K' = K_CaEGTA / (1 + [H]/K_a1 + [H]²/(K_a1 K_a2)) from the same NIST constants, closed form
    /// (free Ca ≈ K'^-1 · [CaEGTA]/[EGTA_free] when Ca binding dominates): the solver must agree within 2 %.
    @Test func freeCalciumWithEGTA() throws {
        let r = try solve("KCl 100, EGTA 1, CaCl2 0.5, pH 7.2 KOH")
        let ca = try #require(r.freeCalcium?.millimolar)
        // Closed form at the solver's ionic strength, through the same Davies corrections.
        let dh = DebyeHuckelParameters(temperature: .standard)
        let i = r.ionicStrengthMolar
        func f(_ x: Double) -> Double { x.squareRoot() / (1 + x.squareRoot()) - 0.3 * x }
        let dF = f(i) - f(0.1)
        let k1 = 9.4 - dh.a * Double(1 + 16 - 9) * dF, k2 = 8.79 - dh.a * Double(1 + 9 - 4) * dF
        let kCa = 10.86 - dh.a * Double(4 + 16 - 4) * dF, kCaH = 5.307 - dh.a * Double(4 + 9 - 1) * dF
        let h = pow(10, -7.2) / pow(10, -dh.a * f(i))
        // Mass balances: Ca_T = Ca + L·(K_Ca Ca + K_CaH K1 h Ca); L_T = L·(1 + K1h + K1K2h² + …) + bound.
        func residual(_ c: Double) -> Double {
            let d = 1 + pow(10, k1) * h + pow(10, k1 + k2) * h * h + pow(10, k1 + k2 + 2.7) * h * h * h
                + pow(10, kCa) * c + pow(10, kCaH + k1) * h * c
            let l = 1e-3 / d
            return c + l * (pow(10, kCa) + pow(10, kCaH + k1) * h) * c - 0.5e-3
        }
        var lo = 0.0, hi = 0.5e-3
        for _ in 0..<200 { let mid = (lo + hi) / 2; if residual(mid) > 0 { hi = mid } else { lo = mid } }
        #expect(isRelativelyClose(ca, lo * 1e3, relative: 0.02), "free Ca \(ca) mM vs \(lo * 1e3)")
        // Published order of magnitude: a 1:2 Ca:EGTA buffer at pH 7.2 holds free Ca near the apparent Kd ≈ 0.15–0.4 µM.
        #expect(ca > 1e-4 && ca < 1e-3)
    }

    @Test func unknownSaltSuggests() throws {
        do {
            _ = try solve("K-glucanate 135, pH 7.3 KOH")
            Issue.record("no error")
        } catch let e as MembraneError {
            guard case .unknownName(_, let value, let suggestions) = e else { Issue.record("\(e)"); return }
            #expect(value == "K-glucanate")
            #expect(suggestions.contains("K-gluconate"))
        }
    }

    @Test func negativeAmountRejected() {
        #expect(throws: MembraneError.self) { try solve("KCl -5, HEPES 10") }
    }

    @Test func bufferRangeWarning() throws {
        let r = try solve("KCl 140, HEPES 10, pH 9.0 KOH")
        #expect(r.warnings.contains { $0.contains("HEPES") && $0.contains("buffering range") })
        let ok = try solve("KCl 140, HEPES 10, pH 7.4 KOH")
        #expect(!ok.warnings.contains { $0.contains("buffering range") })
    }

    @Test func unreachablePHIsAnError() {
        // A neutral salt with Tris base is already alkaline: KOH cannot bring it to pH 7.
        #expect(throws: MembraneError.self) { try solve("KCl 140, Tris 10, pH 7.0 KOH") }
    }

    /// A recipe with free acids but no titrant is titrated with its main cation's hydroxide, as it is made:
    /// HEPES and EGTA's protons at pH 7.2 are taken up by KOH, whose amount is exactly what the recipe's
    /// charge needs (the same as naming "pH 7.2 KOH"), and a warning says so.
    @Test func titrantInferredWithoutOne() throws {
        let r = try solve("KCl 140, HEPES 10, EGTA 5")
        let explicit = try solve("KCl 140, HEPES 10, EGTA 5, pH 7.2 KOH")
        #expect(r.titrant?.name == "KOH" && r.titrantInferred)
        #expect(isRelativelyClose(try #require(r.titrantMillimolar), try #require(explicit.titrantMillimolar), relative: 1e-9))
        #expect(abs(r.chargeImbalance) < 1e-9)
        #expect(r.warnings.contains { $0.contains("no pH or titrant given") && $0.contains("KOH") })
    }

    /// Species given directly as ions (no salt, no acid) are not titrated: their imbalance is reported.
    @Test func chargeImbalanceReportedForIonEntries() throws {
        let r = try solve("K=140, Cl=130")
        #expect(isClose(r.chargeImbalance, 10, within: 1e-9))
        #expect(r.titrant == nil)
        #expect(r.warnings.contains { $0.contains("not electroneutral") })
    }

    /// The solution parser accepts recipes wherever a solution is, and ion lists as before.
    @Test func parserAcceptsBoth() throws {
        let p = SolutionParser()
        let ions = try p.parse("K=140, Cl=140", field: "inside")
        #expect(ions.components.count == 2)
        let recipe = try p.parse(Self.internalRecipe, field: "pipette")
        #expect(recipe["gluconate"]?.millimolar == 135)
        #expect((recipe["K"]?.millimolar ?? 0) > 145)
        let mixed = try p.parse("KCl 140, glucose=10", field: "bath")
        #expect(mixed["glucose"]?.millimolar == 10)
    }
}
