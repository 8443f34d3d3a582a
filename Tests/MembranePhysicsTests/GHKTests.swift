import Testing
import Foundation
import MembranePhysics
import MembraneChemistry
import MembraneUnits
import MembraneTestSupport

@Suite("GHK current and voltage")
struct GHKTests {
    /// NEURON's own test suite (neuronsimulator/nrn test/pynrn/test_units.py, test_hoc_legacy) asserts
    /// ghk(30 mV, ci = 0.01 mM, co = 10 mM, z = 1) at 6.3 °C: −483.7914803097116 with the legacy
    /// constants and −483.8380971405879 with CODATA 2018, in mA/cm² per cm/s of permeability.
    @Test(arguments: [(ConstantSet.neuronLegacy, -483.7914803097116), (ConstantSet.codata2018, -483.8380971405879)])
    func matchesNEURONsGhk(constants: ConstantSet, expected: Double) {
        let i = GHKCurrent.currentDensity(z: 1, permeability: .centimetresPerSecond(1), inside: .millimolar(0.01),
                                          outside: .millimolar(10), at: .millivolts(30),
                                          conditions: conditions(celsius: 6.3, constants: constants))
        // 1 A/m² = 0.1 mA/cm².
        #expect(isRelativelyClose(i.amperesPerSquareMetre * 0.1, expected, relative: 1e-12))
    }

    /// At V = 0 the GHK current is Fick's law exactly: I = P·z·F·(c_in − c_out).
    @Test func zeroVoltageIsFicksLaw() {
        let c = conditions(celsius: 25)
        let i = GHKCurrent.currentDensity(z: 2, permeability: .metresPerSecond(1e-8), inside: .millimolar(1e-4),
                                          outside: .millimolar(2), at: .zero, conditions: c)
        let fick = 1e-8 * 2 * c.faraday * (1e-4 - 2)
        #expect(isRelativelyClose(i.amperesPerSquareMetre, fick, relative: 1e-15))
    }

    /// Far from 0 the kernel g(u) = u/(1 − e^(−u)) neither overflows nor loses digits: at u = ±800 it is
    /// 800 and 800·e^(−800) (denormal-range but finite).
    @Test func kernelAtLargeArguments() {
        #expect(GHKCurrent.kernel(800) == 800)
        #expect(GHKCurrent.kernel(-800).isFinite && GHKCurrent.kernel(-800) >= 0)
        #expect(GHKCurrent.kernel(0) == 1)
    }

    /// With K⁺ and Ca²⁺ as the only permeant ions the zero-current condition is a quadratic in
    /// y = exp(FV/RT): (P_K·K_i + 4P_Ca·Ca_i)·y² + P_K·(K_i − K_o)·y − (P_K·K_o + 4P_Ca·Ca_o) = 0
    /// (Spangler 1972; Lewis 1979, J. Physiol. 286:417, derived from the GHK current equation).
    /// The numerical root must equal the quadratic's positive root.
    @Test(arguments: [(1.0, 0.1), (1.0, 10.0), (0.01, 1.0), (1.0, 1e-4)])
    func divalentRootMatchesQuadratic(pK: Double, pCa: Double) throws {
        let c = conditions(celsius: 22)
        let kI = 140.0, kO = 5.0, caI = 1e-4, caO = 2.0
        let permeants = [Permeant(ion: ion("K"), inside: .millimolar(kI), outside: .millimolar(kO), permeability: pK),
                         Permeant(ion: ion("Ca"), inside: .millimolar(caI), outside: .millimolar(caO), permeability: pCa)]
        let result = try GHKVoltage.potential(permeants, conditions: c)
        #expect(result.method == .root)
        let a = pK * kI + 4 * pCa * caI, b = pK * (kI - kO), cc = -(pK * kO + 4 * pCa * caO)
        let y = (-b + (b * b - 4 * a * cc).squareRoot()) / (2 * a)
        let expected = c.thermalVoltage * log(y)
        #expect(isClose(result.potential.volts, expected, within: 1e-12))
    }

    /// Mullins & Noda 1963: V = (RT/F)·ln((r·P_K·K_o + P_Na·Na_o)/(r·P_K·K_i + P_Na·Na_i)).
    /// The electrogenic pump hyperpolarises (seed 004: "a shift of about −1 mV" in a typical neuron;
    /// the size depends on P_Na/P_K).
    @Test func mullinsNodaPump() throws {
        let c = conditions(celsius: 37)
        let permeants = [Permeant(ion: ion("K"), inside: .millimolar(140), outside: .millimolar(5), permeability: 1),
                         Permeant(ion: ion("Na"), inside: .millimolar(12), outside: .millimolar(145), permeability: 0.04)]
        let pumped = try GHKVoltage.potential(permeants, pumpRatio: 1.5, conditions: c)
        let plain = try GHKVoltage.potential(permeants, conditions: c)
        let expected = c.thermalVoltage * log((1.5 * 5 + 0.04 * 145) / (1.5 * 140 + 0.04 * 12))
        #expect(isClose(pumped.potential.volts, expected, within: 1e-15))
        #expect(pumped.potential < plain.potential)
        // r = 1 is no pump at all.
        #expect(isClose(try GHKVoltage.potential(permeants, pumpRatio: 1, conditions: c).potential.volts,
                        plain.potential.volts, within: 1e-15))
        // The general (root) path agrees with the closed form when a divalent ion with P = 0 forces it.
        var withCa = permeants
        withCa.append(Permeant(ion: ion("Ca"), inside: .millimolar(1e-4), outside: .millimolar(2), permeability: 1e-12))
        let root = try GHKVoltage.potential(withCa, pumpRatio: 1.5, conditions: c)
        #expect(root.method == .root)
        #expect(isClose(root.potential.volts, expected, within: 1e-9))
    }

    @Test func chordConductanceIsTheWeightedMean() throws {
        let v = try ChordConductance.potential([.init(name: "K", conductance: 3, reversal: .millivolts(-90)),
                                                .init(name: "Na", conductance: 1, reversal: .millivolts(60))])
        #expect(isClose(v.millivolts, (3 * -90 + 60) / 4, within: 1e-12))
        #expect(throws: MembraneError.self) {
            try ChordConductance.potential([.init(name: "K", conductance: 0, reversal: .millivolts(-90))])
        }
    }

    /// Bi-ionic closed forms (Hille 2001 eq. 14-9; Lewis 1979 for a divalent test ion).
    @Test func permeabilityRatiosMatchClosedForms() throws {
        let c = conditions(celsius: 22)
        let vt = c.thermalVoltage
        // Monovalent: P_Na/P_K = [K]_i/[Na]_o · exp(F·E/RT).
        let e = Voltage.millivolts(-50)
        let r1 = try PermeabilityRatio.biIonic(a: ion("K"), aInside: .millimolar(140), b: ion("Na"),
                                               bOutside: .millimolar(150), reversal: e, conditions: c)
        #expect(isRelativelyClose(r1, 140.0 / 150.0 * exp(e.volts / vt), relative: 1e-12))
        // Divalent outside, monovalent inside: P_Ca/P_Cs = [Cs]_i·w·(1 + w)/(4·[Ca]_o), w = exp(FE/RT).
        let e2 = Voltage.millivolts(25)
        let w = exp(e2.volts / vt)
        let r2 = try PermeabilityRatio.biIonic(a: ion("Cs"), aInside: .millimolar(140), b: ion("Ca"),
                                               bOutside: .millimolar(10), reversal: e2, conditions: c)
        #expect(isRelativelyClose(r2, 140 * w * (1 + w) / (4 * 10), relative: 1e-12))
        // Substitution: Li replacing Na outside shifts E by ΔE; P_Li/P_Na = exp(F·ΔE/RT) at equal concentrations.
        let r3 = try PermeabilityRatio.substitution(charge: 1, yOutside: .millimolar(150), xOutside: .millimolar(150),
                                                    shift: .millivolts(-10), conditions: c)
        #expect(isRelativelyClose(r3, exp(-0.010 / vt), relative: 1e-12))
    }

    @Test func badGHKInputsAreRejected() throws {
        let inside = try Solution(millimolar: ["K": 140, "Na": 12])
        let outside = try Solution(millimolar: ["K": 5, "Na": 145, "Cl": 120])
        // A permeable ion missing from one side.
        #expect(throws: MembraneError.self) { try Permeant.list(inside: inside, outside: outside, permeabilities: [("Cl", 1)]) }
        // All permeabilities zero.
        #expect(throws: MembraneError.self) {
            try Permeant.list(inside: inside, outside: outside, permeabilities: [("K", 0), ("Na", 0)])
        }
        // Negative and non-finite permeabilities.
        #expect(throws: MembraneError.self) { try Permeant.list(inside: inside, outside: outside, permeabilities: [("K", -1)]) }
        #expect(throws: MembraneError.self) { try Permeant.list(inside: inside, outside: outside, permeabilities: [("K", .nan)]) }
        // Only a cation present inside, nothing to oppose it: no finite reversal potential.
        let onlyInside = [Permeant(ion: ion("K"), inside: .millimolar(140), outside: .zero, permeability: 1)]
        #expect(throws: MembraneError.self) { try GHKVoltage.potential(onlyInside, conditions: conditions(celsius: 37)) }
        let onlyInsideCa = onlyInside + [Permeant(ion: ion("Ca"), inside: .millimolar(1), outside: .zero, permeability: 1)]
        #expect(throws: MembraneError.self) { try GHKVoltage.potential(onlyInsideCa, conditions: conditions(celsius: 37)) }
    }
}

/// The derivative of the GHK kernel k(u) = u/(1 − e^(−u)) that exact Jacobians use.
@Suite("GHK kernel derivative")
struct GHKKernelDerivativeTests {
    /// k′(0) = 1/2 (the Taylor series 1 + u/2 + u²/12 − …), k′(u) → 1 for u → +∞ and → 0 for u → −∞, and central
    /// differences of k (step 10⁻⁵: truncation below 10⁻¹⁰ even where k is exponential, round-off below 10⁻⁸)
    /// agree to 10⁻⁷ relative across the series/expm1 switch at |u| = 10⁻⁴ and out to |u| = 700.
    @Test func derivativeMatchesCentralDifferences() {
        #expect(GHKCurrent.kernelDerivative(0) == 0.5)
        #expect(isClose(GHKCurrent.kernelDerivative(800), 1, within: 1e-15))
        #expect(GHKCurrent.kernelDerivative(-800) >= 0 && GHKCurrent.kernelDerivative(-800) < 1e-300)
        for u in [-700.0, -40, -5, -1, -0.3, -1.01e-4, -0.99e-4, -1e-6, 1e-6, 0.99e-4, 1.01e-4, 0.3, 1, 5, 40, 700] {
            let h = 1e-5
            let numeric = (GHKCurrent.kernel(u + h) - GHKCurrent.kernel(u - h)) / (2 * h)
            #expect(isRelativelyClose(GHKCurrent.kernelDerivative(u), numeric, relative: 1e-7), "u = \(u)")
        }
    }
}
