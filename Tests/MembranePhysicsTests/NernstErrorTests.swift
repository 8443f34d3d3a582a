import Testing
import MembranePhysics
import MembraneChemistry
import MembraneUnits
import MembraneTestSupport

@Suite("Nernst potentials that do not exist")
struct NernstErrorTests {
    /// Seed 001: a neutral solute has no Nernst potential.
    @Test func neutralSolute() {
        do {
            _ = try Nernst.calculate(ion: ion("glucose"), inside: .millimolar(5), outside: .millimolar(10),
                                     conditions: conditions(celsius: 37))
            Issue.record("a neutral solute got a Nernst potential")
        } catch MembraneError.undefined(_, let reason) {
            #expect(reason.contains("neutral"))
        } catch { Issue.record("unexpected \(error)") }
    }

    /// Seed 001: an impermeant ion absent on one side (ln 0) has none either.
    @Test func absentOnOneSide() {
        for (cin, cout) in [(0.0, 5.0), (140.0, 0.0), (0.0, 0.0)] {
            #expect(throws: MembraneError.self) {
                try Nernst.potential(z: 1, inside: .millimolar(cin), outside: .millimolar(cout), conditions: conditions(celsius: 37))
            }
        }
    }

    @Test func invalidNumbers() {
        for (cin, cout) in [(-1.0, 5.0), (Double.nan, 5.0), (140.0, .infinity)] {
            #expect(throws: MembraneError.self) {
                try Nernst.potential(z: 1, inside: .millimolar(cin), outside: .millimolar(cout), conditions: conditions(celsius: 37))
            }
        }
        #expect(throws: MembraneError.self) {
            try Nernst.calculate(ion: ion("K"), inside: .millimolar(140), outside: .millimolar(5), gammaInside: 0,
                                 conditions: conditions(celsius: 37))
        }
    }

    @Test func temperatureBelowAbsoluteZero() {
        #expect(throws: MembraneError.self) { try Temperature.kelvin(-1) }
        #expect(throws: MembraneError.self) { try Temperature.celsius(-274) }
    }

    @Test func chargeRejectsNonsense() {
        #expect(throws: MembraneError.self) { try MembraneCharge(vm: .millivolts(-80), radius: .micrometres(0)) }
        #expect(throws: MembraneError.self) { try MembraneCharge(vm: .millivolts(.nan), radius: .micrometres(10)) }
        #expect(throws: MembraneError.self) { try MembraneCharge(vm: .millivolts(-80), radius: .micrometres(10), charge: 0) }
    }
}
