import Testing
import MembraneChemistry
import MembraneUnits
import MembraneTestSupport

@Suite("Solution syntax")
struct SolutionParserTests {
    let parser = SolutionParser()

    @Test func interfaceExample() throws {
        let s = try parser.parse("Na=145, K=5, Cl=120, Ca=2, HCO3=25", field: "outside")
        #expect(s.ions.map(\.name) == ["Na", "K", "Cl", "Ca", "HCO3"])
        #expect(s["Ca"] == .millimolar(2))
        // Charge balance of this (incomplete) saline: 145 + 5 + 4 − 120 − 25 = 9 mM.
        #expect(isClose(s.chargeBalance, 9, within: 1e-12))
    }

    @Test func unitsSpacesCaseAndAliases() throws {
        let s = try parser.parse(" ca2+ = 100 nM ; sodium=10uM,  k=0.14M ", field: "inside")
        #expect(isRelativelyClose(s["Ca"]!.millimolar, 1e-4, relative: 1e-12))
        #expect(isRelativelyClose(s["Na"]!.millimolar, 1e-2, relative: 1e-12))
        #expect(isRelativelyClose(s["K"]!.millimolar, 140, relative: 1e-12))
    }

    @Test func customIonsAndChargeOverrides() throws {
        let s = try parser.parse("X(z=+1,D=1.33e-9)=10, ATP(z=-2)=4, Y(z=-2)=1", field: "pipette")
        let x = try #require(s.ions.first { $0.name == "X" })
        #expect(x.charge == 1 && x.isCustom)
        #expect(isRelativelyClose(x.diffusionCoefficient!.squareMetresPerSecond, 1.33e-9, relative: 1e-12))
        #expect(s.ions.first { $0.name == "ATP" }?.charge == -2)
        #expect(s.ions.first { $0.name == "Y" }?.diffusionCoefficient == nil)
    }

    @Test(arguments: ["", " , ", "K", "K=", "=5", "K=-1", "K=nan", "K=inf", "K=abc", "K=1, K=2", "Q=5",
                      "X(z=1.5)=1", "X(z=+1,D=-1)=1", "K=5)", "X(q=1)=1"])
    func badSolutionsAreRejected(text: String) {
        #expect(throws: MembraneError.self) { try parser.parse(text, field: "inside") }
    }

    @Test func ionicStrengthAndOsmolarity() throws {
        // I = ½ Σ z²c: 150 mM NaCl → 0.150 M; 1 mM CaCl2 adds ½(4·1 + 2·1) mM = 3 mM.
        let s = try parser.parse("Na=150, Cl=152, Ca=1", field: "bath")
        #expect(isClose(s.ionicStrength, 0.153, within: 1e-12))
        #expect(isClose(s.idealOsmolarity, 303, within: 1e-12))
    }
}
