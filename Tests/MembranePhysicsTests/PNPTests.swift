import Testing
import Foundation
import MembranePhysics
import MembraneChemistry
import MembraneUnits
import MembraneTestSupport

/// `npp`, the stationary Poisson–Nernst–Planck junction, converges to the electroneutral Planck junction as the
/// junction grows long compared with the Debye length (≈ 0.8 nm at 150 mM; Dickinson, Freitag & Compton 2010):
/// the two coincide at the length scale of real junctions (µm), which is why `planck` is the default.
@Suite("Poisson–Nernst–Planck junction")
struct PNPTests {
    static let cases = [("K=140,Cl=140", "K=4,Cl=4"),
                        ("K=145,Na=13,Cl=10,gluconate=145,Mg=1,HEPES=5", "K=2.8,Na=145,Cl=148.8,Mg=2,Ca=1,HEPES=5"),
                        ("K=140,gluconate=140", "Na=15,Cl=15")]

    @Test(arguments: cases)
    func convergesToPlanckAsTheJunctionLengthens(pipette: String, bath: String) throws {
        let parser = SolutionParser()
        let j = try LiquidJunction(pipette: parser.parse(pipette, field: "pipette"), bath: parser.parse(bath, field: "bath"),
                                   conditions: conditions(celsius: 25))
        let planck = try PlanckJunction.solve(j).potential.millivolts
        let differences = try [0.01, 0.1, 1, 10].map { um in
            abs(try PoissonNernstPlanckJunction.solve(j, options: .init(length: .micrometres(um))).potential.millivolts - planck)
        }
        for (shorter, longer) in zip(differences, differences.dropFirst()) { #expect(longer < shorter, "\(differences)") }
        // At 1 µm (the default junction length) PNP and Planck agree within 5 µV.
        #expect(differences[2] < 0.005, "\(differences)")
    }

    @Test func profileMeetsBoundariesWithZeroCurrent() throws {
        let parser = SolutionParser()
        let j = try LiquidJunction(pipette: parser.parse("K=145,Na=13,Cl=10,gluconate=145,Mg=1,HEPES=5", field: "pipette"),
                                   bath: parser.parse("K=2.8,Na=145,Cl=148.8,Mg=2,Ca=1,HEPES=5", field: "bath"),
                                   conditions: conditions(celsius: 25))
        let r = try PoissonNernstPlanckJunction.solve(j)
        let p = try #require(r.profile)
        for (s, c) in zip(j.species, p.concentrations) {
            #expect(isClose(c.values.first!, s.pipette, within: 1e-9) && isClose(c.values.last!, s.bath, within: 1e-9))
        }
        let current = zip(j.species, p.fluxes).reduce(0.0) { $0 + Double($1.0.ion.charge) * $1.1.flux }
        #expect(abs(current) <= 1e-9 * p.fluxes.reduce(0.0) { $0 + abs($1.flux) })
    }
}
