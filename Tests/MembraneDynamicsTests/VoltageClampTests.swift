import Testing
import Foundation
@testable import MembraneDynamics
import MembraneNumerics
import MembraneUnits

/// The ideal voltage clamp against Hodgkin & Huxley's closed form: with V held at a constant level each gate relaxes
/// exponentially, x(t) = x∞ − (x∞ − x₀)·e^{−t/τ_x}, x∞ = α/(α + β), τ_x = 1/(α + β) (HH 1952 eq. 7 ff.), so
/// I_Na = ḡ_Na·m³h·(V − E_Na), I_K = ḡ_K·n⁴·(V − E_K), I_L = g_L·(V − E_L) are known in closed form. Rates as
/// NEURON's hh.mod writes them (mV, ms, 6.3 °C so φ = 1), written out here independently of the library.
@Suite("Ideal voltage clamp of the HH membrane")
struct VoltageClampTests {
    static func vtrap(_ x: Double, _ y: Double) -> Double {
        abs(x / y) < 1e-6 ? y * (1 - x / y / 2) : x / (exp(x / y) - 1)
    }

    /// (α, β) per ms of m, h, n at V (mV): hh.mod PROCEDURE rates.
    static func rates(_ v: Double) -> [(Double, Double)] {
        [(0.1 * vtrap(-(v + 40), 10), 4 * exp(-(v + 65) / 18)),
         (0.07 * exp(-(v + 65) / 20), 1 / (exp(-(v + 35) / 10) + 1)),
         (0.01 * vtrap(-(v + 55), 10), 0.125 * exp(-(v + 65) / 80))]
    }

    /// m, h, n at s ms after a jump from steady state at `hold` to `level` (mV).
    static func gates(hold: Double, level: Double, after s: Double) -> [Double] {
        zip(rates(hold), rates(level)).map { r0, r in
            let x0 = r0.0 / (r0.0 + r0.1), inf = r.0 / (r.0 + r.1), tau = 1 / (r.0 + r.1)
            return inf - (inf - x0) * exp(-s / tau)
        }
    }

    /// (I_Na, I_K, I_L) in µA/cm² at V with gates m, h, n (hh.mod defaults).
    static func currents(_ v: Double, _ x: [Double]) -> (Double, Double, Double) {
        (120 * x[0] * x[0] * x[0] * x[1] * (v - 50), 36 * pow(x[2], 4) * (v + 77), 0.3 * (v + 54.3))
    }

    static func run(_ scenario: Scenario, hold: Double, level: Double, start: Double = 1e-3, duration: Double = 10e-3,
                    end: Double = 12e-3) throws -> Trajectory<VoltageClampedCell> {
        let command = VoltageClampCommand(holding: hold * 1e-3, segments: [.step(start: start, duration: duration, level: level * 1e-3)])
        let model = try VoltageClampedCell(scenario: scenario, command: command)
        var simulation = try Simulation(model: model, duration: end,
                                        solver: SimulationSolver(relativeTolerance: 1e-10, absoluteTolerance: 1e-12))
        return simulation.run()
    }

    /// Steps from −65 mV to −40, 0 and +30 mV for 10 ms and back: V is the command, and I_Na, I_K, I_L and the clamp
    /// current (their sum: no capacitive current between jumps) match the closed form at every step of the run, to
    /// 1e-4 µA/cm² (currents of up to ~2000 µA/cm²), before, during and after the step.
    @Test(arguments: [-40.0, 0.0, 30.0])
    func currentsMatchClosedForm(level: Double) throws {
        let tr = try Self.run(.hodgkinHuxley1952(), hold: -65, level: level)
        #expect(tr.termination == .finished)
        let vm = try tr.values(of: "vm"), na = try tr.values(of: "I.hh_Na"), k = try tr.values(of: "I.hh_K")
        let leak = try tr.values(of: "I.hh_L"), clamp = try tr.values(of: "I_clamp")
        let atEnd = Self.gates(hold: -65, level: level, after: 10)
        var checked = 0
        for (i, t) in tr.times.enumerated() where abs(t - 1e-3) > 1e-15 && abs(t - 11e-3) > 1e-15 {
            let v: Double, x: [Double]
            if t < 1e-3 {
                (v, x) = (-65, Self.gates(hold: -65, level: -65, after: 0))
            } else if t < 11e-3 {
                (v, x) = (level, Self.gates(hold: -65, level: level, after: (t - 1e-3) * 1e3))
            } else {
                // Back at −65 mV: each gate relaxes from its value at the end of the step.
                let s = (t - 11e-3) * 1e3
                x = zip(Self.rates(-65), atEnd).map { r, x0 in
                    let inf = r.0 / (r.0 + r.1)
                    return inf - (inf - x0) * exp(-s * (r.0 + r.1))
                }
                v = -65
            }
            let (iNa, iK, iL) = Self.currents(v, x)
            #expect(abs(vm[i] * 1e3 - v) < 1e-9)
            #expect(abs(na[i] * 100 - iNa) < 1e-4, "I_Na at \(t * 1e3) ms")
            #expect(abs(k[i] * 100 - iK) < 1e-4, "I_K at \(t * 1e3) ms")
            #expect(abs(leak[i] * 100 - iL) < 1e-9, "I_L at \(t * 1e3) ms")
            #expect(abs(clamp[i] * 100 - (iNa + iK + iL)) < 2e-4, "I_clamp at \(t * 1e3) ms")
            checked += 1
        }
        #expect(checked > 50)
    }

    /// The sweep's measures: the peak of I_Na (the minimum of 120·m³h·(V − 50) over the step, found here by golden
    /// section on the closed form) and its time, and I_K at the end of the step, against the closed form.
    @Test func sweepMeasuresMatchClosedForm() throws {
        let tr = try Self.run(.hodgkinHuxley1952(), hold: -65, level: 0)
        let sweep = VoltageClampSweep(trajectory: tr, level: 0, window: 1e-3...11e-3)
        func na(_ s: Double) -> Double { Self.currents(0, Self.gates(hold: -65, level: 0, after: s)).0 }
        var (lo, hi) = (0.0, 5.0)
        for _ in 0..<200 {
            let a = lo + (hi - lo) / 3, b = hi - (hi - lo) / 3
            if na(a) < na(b) { hi = b } else { lo = a }
        }
        let peakTime = (lo + hi) / 2, peak = na(peakTime)
        let sodium = try #require(sweep.mechanisms.first { $0.name == "hh_Na" })
        let potassium = try #require(sweep.mechanisms.first { $0.name == "hh_K" })
        #expect(peak < -100)
        #expect(abs(sodium.peak * 100 - peak) < 1e-4 * abs(peak))
        #expect(abs((sodium.peakTime - 1e-3) * 1e3 - peakTime) < 2e-3)
        #expect(abs(potassium.end * 100 - Self.currents(0, Self.gates(hold: -65, level: 0, after: 10)).1) < 1e-4)
        // The clamp current's minimum is the peak inward current: I_Na + I_K + I_L at its own minimum, ≤ the Na peak's sum.
        #expect(sweep.clamp.minimum < 0)
        #expect(abs(sweep.clamp.end - (sodium.end + potassium.end + sweep.mechanisms[2].end)) < 1e-9)
    }

    /// Held concentrations with GHK Na⁺ and K⁺ channels: the peak Na⁺ current is inward below E_Na, outward above it
    /// and zero at E_Na = +50 mV (zero flux at the reversal potential of the GHK current: the Nernst potential of the
    /// held concentrations, which the preset sets to E_Na); the late K⁺ current is zero at E_K = −77 mV.
    @Test func ghkCurrentsReverseAtNernst() throws {
        let scenario = try ScenarioPreset.hodgkinHuxley1952(concentrations: .held).scenario()
            .permeation([("Na", .ghk), ("K", .ghk)])
        func sweep(_ level: Double) throws -> VoltageClampSweep {
            VoltageClampSweep(trajectory: try Self.run(scenario, hold: -65, level: level), level: level * 1e-3, window: 1e-3...11e-3)
        }
        func current(_ s: VoltageClampSweep, _ name: String) throws -> VoltageClampMeasure {
            try #require(s.mechanisms.first { $0.name == name })
        }
        #expect(try current(sweep(40), "hh_Na").peak * 100 < -10)
        #expect(try current(sweep(60), "hh_Na").peak * 100 > 10)
        let atENa = try current(sweep(50), "hh_Na")
        #expect(abs(atENa.minimum) < 1e-9 && abs(atENa.maximum) < 1e-9)
        let atEK = try current(sweep(-77), "hh_K")
        #expect(abs(atEK.end) < 1e-9 && abs(atEK.peak) < 1e-9)
        #expect(try current(sweep(-60), "hh_K").end > 0)
        #expect(try current(sweep(-90), "hh_K").end < 0)
    }

    /// Changing concentrations under the clamp (an infinite bath): the Na⁺ inside rises by exactly the charge the Na⁺
    /// current carried in, Δc = −(A/vol)·∫I_Na dt/F (mass balance), integrated here by Simpson's rule on the
    /// trajectory's dense output; with the channel ohmic (E_Na recomputed from the concentrations) or GHK.
    @Test(arguments: [ChannelPermeation.ohmic, .ghk])
    func sodiumEntryMatchesCurrentIntegral(permeation: ChannelPermeation) throws {
        let scenario = try ScenarioPreset.hodgkinHuxley1952(concentrations: .dynamic(extracellularVolume: nil)).scenario()
            .permeation([("Na", permeation)])
        let tr = try Self.run(scenario, hold: -65, level: 0, start: 1e-3, duration: 10e-3, end: 12e-3)
        #expect(tr.termination == .finished)
        let model = tr.model, na = try model.observableIndex(named: "I.hh_Na"), inside = try model.observableIndex(named: "inside.Na")
        func current(_ t: Double) -> Double { let (m, y) = tr.interpolatedState(at: t); return m.observe(na, at: t, state: y) }
        // Simpson's rule on each piece (the current jumps at 1 and 11 ms).
        var integral = 0.0
        for (a, b) in [(0.0, 1e-3), (1e-3, 11e-3), (11e-3, 12e-3)] {
            let n = 4000, h = (b - a) / Double(n)
            var sum = current(a + 1e-15) + current(b - 1e-15)
            for k in 1..<n { sum += (k % 2 == 1 ? 4 : 2) * current(a + Double(k) * h) }
            integral += sum * h / 3
        }
        let g = scenario.geometry, f = scenario.conditions.faraday
        let expected = -(g.area / g.volume) * integral / f   // mol/m³ = mM
        let c0 = model.observe(inside, at: 0, state: tr.stateVector(at: 0))
        let c1 = model.observe(inside, at: 12e-3, state: tr.stateVector(at: tr.count - 1))
        #expect(expected > 1e-4)
        #expect(abs((c1 - c0) - expected) < 1e-6 * expected)
    }

    /// A ramp command: the clamp current carries the capacitive current C·dV/dt = 1 µF/cm² × 1 mV/ms = 1 µA/cm² on
    /// top of the ionic currents, and V follows the ramp.
    @Test func rampCarriesCapacitiveCurrent() throws {
        let command = VoltageClampCommand(holding: -0.065, segments: [.ramp(start: 1e-3, duration: 10e-3, from: -0.065, to: -0.055)])
        let model = try VoltageClampedCell(scenario: .hodgkinHuxley1952(), command: command)
        var simulation = try Simulation(model: model, duration: 12e-3,
                                        solver: SimulationSolver(relativeTolerance: 1e-10, absoluteTolerance: 1e-12))
        let tr = simulation.run()
        let vm = try tr.values(of: "vm"), clamp = try tr.values(of: "I_clamp")
        let parts = try ["I.hh_Na", "I.hh_K", "I.hh_L"].map { try tr.values(of: $0) }
        for (i, t) in tr.times.enumerated() where t > 1.001e-3 && t < 10.999e-3 {
            #expect(abs(vm[i] * 1e3 - (-65 + (t - 1e-3) * 1e3)) < 1e-9)
            let ionic = parts.reduce(0) { $0 + $1[i] }
            #expect(abs((clamp[i] - ionic) * 100 - 1) < 1e-9)
        }
    }
}
