import Testing
import Foundation
@testable import MembraneDynamics
import MembraneChemistry
import MembranePhysics
import MembraneNumerics
import MembraneUnits
import MembraneTestSupport

/// Stimuli as non-autonomous terms, on a passive membrane whose response has a closed form: C·dV/dt = −g·(V − E) + I(t),
/// τ = C/g. A step I from t₀: V − E = (I/g)·(1 − e^{−(t−t₀)/τ}); a ramp I = a·(t − t₀): V − E = (a/g)·(s − τ·(1 − e^{−s/τ})),
/// s = t − t₀ (variation of constants).
@Suite("Stimuli on a passive membrane")
struct StimulusTests {
    static let g = 0.3, e = -54.3   // mS/cm², mV
    static let tau = 1.0 / 0.3 * 1e-3  // C/g = (1 µF/cm²)/(0.3 mS/cm²) = 3.33 ms

    static func cell(_ stimuli: [Stimulus], duration: Double) throws -> Scenario {
        Scenario(name: "passive", summary: "a passive membrane", conditions: Conditions(temperature: .standard),
                 geometry: .sphere(radius: .micrometres(10)), capacitance: .microfaradsPerSquareCentimetre(1),
                 ions: [try #require(IonCatalog.standard.ion(named: "K"))], inside: [.millimolar(140)],
                 outside: [.millimolar(5)], impermeant: ImpermeantSolute(charge: -1, concentration: .zero), leaks: [], pump: nil,
                 water: .impermeable, duration: duration,
                 mechanisms: [PassiveCurrent(conductance: .millisiemensPerSquareCentimetre(g), reversal: .millivolts(e))],
                 fixedIons: ["K"], stimuli: stimuli, initialPotential: .millivolts(e))
    }

    /// A 2 µA/cm² step from 5 to 15 ms, then a ramp of 1 µA/cm² per ms from 20 to 30 ms, sampled every 0.5 ms (Hermite
    /// between steps), against the closed forms to 1e-5 mV, and the recorded stimulus against the protocol; both
    /// integrators; the breakpoints restart the integrator.
    @Test(arguments: IntegrationMethod.allCases)
    func stepAndRampMatchClosedForms(method: IntegrationMethod) throws {
        let step = Stimulus.currentStep(start: 0.005, duration: 0.010, .microamperesPerSquareCentimetre(2))
        let ramp = Stimulus.currentClamp(.ramp(start: 0.020, duration: 0.010, from: 0, to: 0.1))  // 0 → 10 µA/cm² = 0.1 A/m²
        let s = try Self.cell([step, ramp], duration: 0.030)
        let tr = try solve(s, using: SimulationSolver(method: method, relativeTolerance: 1e-10, absoluteTolerance: 1e-14),
                           recording: .interval(5e-4))
        #expect(tr.termination == .finished && tr.count == 61)
        let v = try tr.values(of: "vm")
        let stim = try tr.values(of: "I_stim")
        let tau = Self.tau
        for (i, t) in tr.times.enumerated() {
            var expected = Self.e
            if t > 0.005 {
                // The step's response, decaying after it ends at 15 ms.
                let on = 2 / Self.g * (1 - exp(-(min(t, 0.015) - 0.005) / tau))
                expected += t <= 0.015 ? on : on * exp(-(t - 0.015) / tau)
            }
            if t > 0.020 {
                let a = 1 / Self.g / 1e-3, s = t - 0.020   // mV per second: (1 µA/cm² per ms)/g
                expected += a * (s - tau * (1 - exp(-s / tau)))
            }
            #expect(isClose(v[i] * 1e3, expected, within: 1e-5), "V at \(t * 1e3) ms")
            // A sample at a breakpoint belongs to the piece that ends there (the left limit).
            let current = (t > 0.005 && t <= 0.015 ? 2.0 : 0) + (t > 0.020 && t <= 0.030 ? (t - 0.020) * 1e3 : 0)
            #expect(isClose(stim[i] * 100, current, within: 1e-9), "I_stim at \(t * 1e3) ms")
        }
    }

    /// A voltage clamp through a series conductance g_s holds V at (g_s·V_c + g·E)/(g_s + g), reached with the time
    /// constant C/(g_s + g).
    @Test func voltageClampHoldsItsCommand() throws {
        let gs = 100.0  // mS/cm²
        let clamp = Stimulus.voltageClamp(command: .step(start: 0.001, duration: 1, amplitude: 0.010),
                                          conductance: .millisiemensPerSquareCentimetre(gs))
        let tr = try solve(try Self.cell([clamp], duration: 0.002), using: SimulationSolver(relativeTolerance: 1e-10))
        let expected = (gs * 10 + Self.g * Self.e) / (gs + Self.g)
        #expect(isClose(tr.final.potential.millivolts, expected, within: 1e-6))
    }
}
