import Testing
import Foundation
import Membrane

/// The tutorial's code (Sources/Membrane/Membrane.docc/Tutorials), run: each step's function gives a
/// physically meaningful result checked against an independent value.
@Suite("DocC tutorial")
struct TutorialTests {
    /// K-gluconate pipette against ACSF: LJPcalc gives +15.73 mV at 25 °C for this pair (its PatchKGlu set);
    /// the published range for K-gluconate internals is +12 to +16 mV (Neher 1992, Methods Enzymol. 207:123;
    /// Barry 1994 JPCalc examples). The corrected V_m is 15.7 mV more negative than the reading.
    @Test func kGluconateJunctionIsInThePublishedRange() throws {
        let junction = try pipetteJunction()
        #expect(abs(junction.potential.millivolts - 15.729) < 0.05)
        let vm = correctedPotential(measured: .millivolts(-50), junction: junction)
        #expect(vm.millivolts < -65 && vm.millivolts > -66)
    }

    /// The GHK potential of the mammalian neuron, against the closed form evaluated here with the CODATA 2018
    /// constants (R = 8.314462618 J/(mol·K), F = 96485.33212 C/mol) at 37 °C; it lies between E_K and E_Na.
    @Test func neuronRestingPotentialIsTheClosedForm() throws {
        let vm = try neuronRestingPotential().potential.millivolts
        let rtf = 8.314462618 * 310.15 / 96485.33212 * 1000
        let expected = rtf * log((1 * 5 + 0.04 * 145 + 0.45 * 7) / (1 * 140 + 0.04 * 12 + 0.45 * 120))
        #expect(abs(vm - expected) < 1e-6)
        #expect(vm > rtf * log(5.0 / 140) && vm < rtf * log(145.0 / 12))
    }

    /// After the pump block the cell swells (Kay 2017, Fig. 2): the volume at 6000 s exceeds that at 4999 s,
    /// and ions, charge and osmoles are conserved to round-off.
    @Test func volumeRisesAfterPumpBlock() throws {
        let trajectory = try pumpBlock()
        let volume = volumeBeforeAndAfterBlock(trajectory)
        #expect(volume.after > volume.before)
        #expect(trajectory.conservation.worst < 1e-12)
    }
}
