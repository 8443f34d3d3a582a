import Testing
import MembraneDynamics
import MembranePhysics
import MembraneUnits
import MembraneTestSupport

/// The pump's dependence on ATP and ADP (Cortassa et al. 2006, Biophys. J. 91:1564): f_ATP = [ATP]/([ATP] +
/// K_m·(1 + [ADP]/K_i)), K_m = 8 µM, K_i = 0.1 mM.
@Suite("Na/K pump: ATP and ADP")
struct PumpNucleotideTests {
    /// The Michaelis–Menten law with competitive inhibition: f = 1/2 at [ATP] = K_m·(1 + [ADP]/K_i), f = 0 without
    /// ATP, and at 5 mM ATP, no ADP, f = 5/5.008.
    @Test func factorIsCompetitiveMichaelisMenten() {
        let adp = 0.05
        #expect(isClose(PumpNucleotides(atp: .millimolar(0.008 * (1 + adp / 0.1)), adp: .millimolar(adp)).factor, 0.5, within: 1e-15))
        #expect(PumpNucleotides(atp: .zero, adp: .millimolar(1)).factor == 0)
        #expect(isClose(PumpNucleotides(atp: .millimolar(5)).factor, 5 / 5.008, within: 1e-15))
    }

    /// Every kinetic law is scaled by f: cycle flux and gradient, at an arbitrary state.
    @Test func everyLawIsScaled() {
        let nucleotides = PumpNucleotides(atp: .millimolar(0.02), adp: .millimolar(0.05))
        let f = nucleotides.factor
        #expect(isClose(f, 0.625, within: 1e-15))
        let vt = Conditions(temperature: .body).thermalVoltage
        for law in [NaKPump.Kinetics.constant, .cubicSodium, .luoRudy1994(voltageDependent: true), .wei2014] {
            let plain = NaKPump(law, maximalRate: 1e-6)
            var limited = plain
            limited.nucleotides = nucleotides
            let a = plain.cycleFlux(sodiumInside: 15, sodiumOutside: 140, potassiumOutside: 4, potential: -0.07, thermalVoltage: vt)
            let b = limited.cycleFlux(sodiumInside: 15, sodiumOutside: 140, potassiumOutside: 4, potential: -0.07, thermalVoltage: vt)
            #expect(isRelativelyClose(b, f * a, relative: 1e-15), "\(law)")
            let ga = plain.cycleFluxGradient(sodiumInside: 15, sodiumOutside: 140, potassiumOutside: 4, potential: -0.07, thermalVoltage: vt)
            let gb = limited.cycleFluxGradient(sodiumInside: 15, sodiumOutside: 140, potassiumOutside: 4, potential: -0.07, thermalVoltage: vt)
            #expect(gb.sodiumInside == f * ga.sodiumInside && gb.potassiumOutside == f * ga.potassiumOutside
                    && gb.potential == f * ga.potential && gb.sodiumOutside == f * ga.sodiumOutside)
        }
    }

    /// For Kay's constant pump, ATP at its half-saturation is the same cell as a pump at half its rate: the two
    /// steady states agree to 1e-9 (Newton's tolerance), and both are depolarised from the full-rate one.
    @Test func halfSaturationEqualsHalfRate() throws {
        var depleted = Scenario.kay2017
        depleted.events = []
        let full = try SteadyStateSolver().solve(depleted)
        depleted.pump!.nucleotides = PumpNucleotides(atp: .millimolar(0.008))
        var halved = Scenario.kay2017
        halved.events = []
        halved.pump!.maximalRate *= 0.5
        let a = try SteadyStateSolver().solve(depleted), b = try SteadyStateSolver().solve(halved)
        #expect(isClose(a.state.potential.millivolts, b.state.potential.millivolts, within: 1e-9))
        for j in a.state.inside.indices {
            #expect(isRelativelyClose(a.state.inside[j].millimolar, b.state.inside[j].millimolar, relative: 1e-9))
        }
        #expect(isRelativelyClose(a.state.referenceRelativeVolume, b.state.referenceRelativeVolume, relative: 1e-9))
        #expect(a.state.potential.millivolts > full.state.potential.millivolts + 1)
    }

    /// Without ATP the pump stops, and Kay's cell (no bath impermeant) has no finite-volume steady state: the
    /// Donnan catastrophe of a dead cell (seed 003, Kay 2017), reported as undefined, never a wrong state.
    @Test func noATPNoSteadyState() {
        var s = Scenario.kay2017
        s.events = []
        s.pump!.nucleotides = PumpNucleotides(atp: .zero)
        #expect(throws: MembraneError.self) { _ = try SteadyStateSolver().solve(s) }
    }

    /// Negative concentrations and non-positive constants are rejected, naming the field.
    @Test func badNucleotidesAreRejected() {
        for n in [PumpNucleotides(atp: .millimolar(-1)), PumpNucleotides(atp: .millimolar(1), adp: .millimolar(-1)),
                  PumpNucleotides(atp: .millimolar(1), halfSaturationATP: .zero)] {
            var s = Scenario.kay2017
            s.pump!.nucleotides = n
            #expect(throws: MembraneError.self) { try s.validate() }
        }
    }
}
