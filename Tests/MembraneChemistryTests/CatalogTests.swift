import Testing
import MembraneChemistry
import MembraneUnits
import MembraneTestSupport

@Suite("Ion catalog")
struct CatalogTests {
    /// INTERFACE.md: the catalog includes at least these species.
    @Test(arguments: ["H", "Li", "Na", "K", "Rb", "Cs", "NH4", "Ca", "Mg", "Ba", "Sr", "Zn", "Cl", "Br", "I", "F", "NO3",
                      "OH", "HCO3", "H2PO4", "HPO4", "SO4", "acetate", "gluconate", "methanesulfonate", "aspartate",
                      "glutamate", "HEPES", "TEA", "NMDG", "choline", "Tris"])
    func interfaceIonsArePresent(name: String) throws {
        let ion = try #require(IonCatalog.standard.ion(named: name))
        #expect(ion.name == name)
        #expect(ion.charge != 0)
        #expect(ion.diffusionCoefficient != nil, "every INTERFACE ion has a transport datum")
        #expect(!ion.transportSource.isEmpty)
    }

    @Test(arguments: [("Na+", "Na"), ("sodium", "Na"), ("NA", "Na"), ("Ca2+", "Ca"), ("Ca++", "Ca"), ("calcium", "Ca"),
                      ("Cl-", "Cl"), ("chloride", "Cl"), ("SO4 2-", "SO4"), ("bicarbonate", "HCO3"), ("cesium", "Cs"),
                      ("mesylate", "methanesulfonate"), ("K-", "K")])
    func aliases(alias: String, canonical: String) {
        // "K-" is deliberately not an alias: the charge suffix must match the ion's charge.
        if alias == "K-" {
            #expect(IonCatalog.standard.ion(named: alias) == nil)
        } else {
            #expect(IonCatalog.standard.ion(named: alias)?.name == canonical)
        }
    }

    @Test func unknownNamesComeWithSuggestions() {
        do {
            _ = try IonCatalog.standard.lookup("glutamat", field: "inside")
            Issue.record("accepted an unknown name")
        } catch MembraneError.unknownName(let field, let value, let suggestions) {
            #expect(field == "inside")
            #expect(value == "glutamat")
            #expect(suggestions.contains("glutamate"))
        } catch { Issue.record("unexpected \(error)") }
        #expect(IonCatalog.standard.suggestions(for: "Chlorid").contains("Cl"))
    }

    /// CRC Handbook 5-09 tabulates D (10⁻⁵ cm²/s) beside λ°: K⁺ 1.957, Na⁺ 1.334, Ca²⁺ 0.792,
    /// Mg²⁺ 0.706, Cl⁻ 2.032, SO₄²⁻ 1.065, H⁺ 9.311. Our Nernst–Einstein conversion must reproduce
    /// them to the table's last digit (±0.001).
    @Test(arguments: [("K", 1.957), ("Na", 1.334), ("Ca", 0.792), ("Mg", 0.706), ("Cl", 2.032), ("SO4", 1.065), ("H", 9.311)])
    func diffusionCoefficientsMatchCRC(name: String, d: Double) throws {
        let ion = try #require(IonCatalog.standard.ion(named: name))
        let computed = try #require(ion.diffusionCoefficient).squareMetresPerSecond * 1e9
        #expect(isClose(computed, d, within: 0.0011))
    }

    /// Seed 000: u(K⁺) ≈ 7.62e-8 and u(Cl⁻) ≈ 7.91e-8 m²·V⁻¹·s⁻¹.
    @Test func mobilitiesOfSeed000() throws {
        #expect(isClose(try #require(ion("K").mobility) * 1e8, 7.62, within: 0.005))
        #expect(isClose(try #require(ion("Cl").mobility) * 1e8, 7.91, within: 0.005))
    }

    /// Barry's relative mobilities are D ratios: gluconate 0.33 → D = 0.33·D_K (with λ_K = 73.5).
    @Test func barryMobilitiesAreDiffusionRatios() throws {
        let dGluconate = try #require(ion("gluconate").diffusionCoefficient).squareMetresPerSecond
        let dK735 = 73.5 / 73.48 * (try #require(ion("K").diffusionCoefficient).squareMetresPerSecond)
        #expect(isRelativelyClose(dGluconate / dK735, 0.33, relative: 1e-12))
        // A charge override keeps D (the molecule's size), not λ.
        let atp = ion("ATP")
        let mgATP = atp.withCharge(-2)
        #expect(isRelativelyClose(try #require(mgATP.diffusionCoefficient).squareMetresPerSecond,
                                  try #require(atp.diffusionCoefficient).squareMetresPerSecond, relative: 1e-12))
    }

    @Test func neutralSolutesHaveNoConductivity() {
        #expect(ion("glucose").charge == 0)
        #expect(ion("glucose").equivalentConductivity == nil)
    }

    /// "MES" is the buffer's anion, not methanesulfonate (an alias "MeS" of the latter used to shadow it).
    @Test func mesIsTheBuffer() throws {
        let mes = try #require(IonCatalog.standard.ion(named: "MES"))
        #expect(mes.name == "MES")
        #expect(IonCatalog.standard.ion(named: "mesylate")?.name == "methanesulfonate")
        #expect(IonCatalog.standard.ion(named: "MeSO4")?.name == "methylsulfate")
    }
}
