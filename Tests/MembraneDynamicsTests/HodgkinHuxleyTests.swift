import Testing
import Foundation
@testable import MembraneDynamics
import MembraneChemistry
import MembranePhysics
import MembraneNumerics
import MembraneUnits
import MembraneTestSupport
import RealModule

/// A single-compartment Hodgkin–Huxley cell assembled from the mechanism catalogue with the parameters of NEURON's
/// built-in `hh` (hh.mod; Hodgkin & Huxley 1952, J. Physiol. 117:500): ḡ_Na 120, ḡ_K 36, g_L 0.3 mS/cm², E_Na +50,
/// E_K −77, E_L −54.3 mV (fixed), C 1 µF/cm², 6.3 °C (Q10 factor 1). Na⁺ and K⁺ are held at NEURON's default
/// concentrations (their E is the channels' fixed value, as in NEURON with no accumulation mechanism).
@Suite("Hodgkin–Huxley cell from the mechanism catalogue")
struct HodgkinHuxleyTests {
    static func cell(stimuli: [Stimulus] = [], duration: Double = 0.12) throws -> Scenario {
        let ions = try ["Na", "K"].map { try #require(IonCatalog.standard.ion(named: $0)) }
        return Scenario(
            name: "hh-test", summary: "NEURON's hh, one compartment", conditions: Conditions(temperature: try .celsius(6.3)),
            geometry: .sphere(radius: .micrometres(10)), capacitance: .microfaradsPerSquareCentimetre(1), ions: ions,
            inside: [.millimolar(10), .millimolar(54.4)], outside: [.millimolar(140), .millimolar(2.5)],
            impermeant: ImpermeantSolute(charge: -1, concentration: .zero), leaks: [], pump: nil, water: .impermeable,
            duration: duration,
            mechanisms: [HodgkinHuxleyChannel.hodgkinHuxley1952Sodium(), HodgkinHuxleyChannel.hodgkinHuxley1952Potassium(),
                         PassiveCurrent(name: "leak", conductance: .millisiemensPerSquareCentimetre(0.3), reversal: .millivolts(-54.3))],
            fixedIons: ["Na", "K"], stimuli: stimuli, initialPotential: .millivolts(-65))
    }

    // The published rates, typed here from hh.mod (v in mV, rates per ms), independently of the library.
    static func alphaM(_ v: Double) -> Double { 0.1 * (v + 40) / (1 - exp(-(v + 40) / 10)) }
    static func betaM(_ v: Double) -> Double { 4 * exp(-(v + 65) / 18) }
    static func alphaH(_ v: Double) -> Double { 0.07 * exp(-(v + 65) / 20) }
    static func betaH(_ v: Double) -> Double { 1 / (exp(-(v + 35) / 10) + 1) }
    static func alphaN(_ v: Double) -> Double { 0.01 * (v + 55) / (1 - exp(-(v + 55) / 10)) }
    static func betaN(_ v: Double) -> Double { 0.125 * exp(-(v + 65) / 80) }

    /// I_ion(V) in µA/cm² with every gate at its steady state.
    static func steadyCurrent(_ v: Double) -> Double {
        let m = alphaM(v) / (alphaM(v) + betaM(v)), h = alphaH(v) / (alphaH(v) + betaH(v))
        let n = alphaN(v) / (alphaN(v) + betaN(v))
        return 120 * m * m * m * h * (v - 50) + 36 * n * n * n * n * (v + 77) + 0.3 * (v + 54.3)
    }

    /// The resting potential: I_ion(V) = 0 by bisection (I_ion increases through the rest), in mV.
    static var restingPotential: Double {
        var lo = -70.0, hi = -60.0
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if steadyCurrent(mid) < 0 { lo = mid } else { hi = mid }
        }
        return 0.5 * (lo + hi)
    }

    /// The model starts at −65 mV with every gate at its steady state there (α/(α + β) of the published rates).
    @Test func initialGatesAreSteadyStates() throws {
        let model = try CellModel(try Self.cell())
        let y = model.initialState
        #expect(isClose(model.potential(y) * 1e3, -65, within: 1e-12))
        let v = -65.0
        let expected = ["hh_Na.m": Self.alphaM(v) / (Self.alphaM(v) + Self.betaM(v)), "hh_Na.h": Self.alphaH(v) / (Self.alphaH(v) + Self.betaH(v)),
                        "hh_K.n": Self.alphaN(v) / (Self.alphaN(v) + Self.betaN(v))]
        for (name, value) in expected {
            let i = try #require(model.layout.index(of: name))
            #expect(isRelativelyClose(y[i], value, relative: 1e-13), "\(name)")
        }
        #expect(model.dimension == 4)  // V_other (= V_m: no modelled ion changes) and three gates
    }

    /// Without a stimulus the cell settles at the resting potential where I_ion(V) = 0 with steady-state gates
    /// (computed here by bisection from the published rates: ≈ −65.0 mV), to 1e-6 mV, with either integrator.
    @Test(arguments: IntegrationMethod.allCases)
    func restMatchesTheZeroCurrentPotential(method: IntegrationMethod) throws {
        var s = try Self.cell(duration: 0.5)
        s.initialPotential = .millivolts(-60)
        let tr = try solve(s, using: SimulationSolver(method: method, relativeTolerance: 1e-10, absoluteTolerance: 1e-12),
                           recording: .crossingsAndFinal)
        #expect(tr.termination == .finished)
        let rest = Self.restingPotential
        #expect(rest > -66 && rest < -64)
        #expect(isClose(tr.final.potential.millivolts, rest, within: 1e-6))
        #expect(tr.count == 2)  // only the initial and final states were kept
    }

    /// The exact Jacobian (gates, V, the stimulus term) equals central differences of the right-hand side.
    @Test func jacobianMatchesCentralDifferences() throws {
        let model = try CellModel(try Self.cell(stimuli: [.constantCurrent(.microamperesPerSquareCentimetre(10))]))
        for v in [-65.0, -40.0, 10.0] {
            var y = model.initialState
            y[0] = v * 1e-3
            y[1] = 0.3; y[2] = 0.4; y[3] = 0.5
            var analytic = DenseMatrix(size: 4)
            #expect(model.jacobian(at: 0, state: y, into: &analytic))
            var fp = [Double](repeating: 0, count: 4), fm = fp
            for col in 0..<4 {
                let h = 1e-7
                var yp = y, ym = y
                yp[col] += h; ym[col] -= h
                model.derivatives(at: 0, state: yp, into: &fp)
                model.derivatives(at: 0, state: ym, into: &fm)
                for row in 0..<4 {
                    let numeric = (fp[row] - fm[row]) / (2 * h)
                    #expect(isClose(analytic[row, col], numeric, within: 1e-6 * max(abs(numeric), 1)),
                            "J[\(row), \(col)] at \(v) mV: \(analytic[row, col]) vs \(numeric)")
                }
            }
        }
    }

    /// A 10 µA/cm² step from 10 to 110 ms makes the cell fire repetitively. The spike times (upward crossings of 0 mV,
    /// located as state events on the dense output) converge as the tolerance tightens: at rtol 1e-6 and 1e-8 they
    /// agree with a tight integration (Rodas4, rtol 1e-11) to 1e-4 and 2e-6 ms, the tighter tolerance being the more
    /// accurate (self-convergence; observed 3.3e-5 and 3.3e-7 ms); BDF at rtol 1e-8 agrees to 1e-4 ms. The first spike
    /// follows the step's onset (none before it).
    @Test func stepProducesConvergingSpikeTimes() throws {
        let step = Stimulus.currentStep(start: 0.010, duration: 0.100, .microamperesPerSquareCentimetre(10))
        let s = try Self.cell(stimuli: [step], duration: 0.120)
        func spikes(_ method: IntegrationMethod, _ rtol: Double) throws -> [Double] {
            let tr = try solve(s, using: SimulationSolver(method: method, relativeTolerance: rtol, absoluteTolerance: 1e-12),
                               stateEvents: [.spikes()], recording: .crossingsAndFinal)
            #expect(tr.termination == .finished)
            #expect(tr.count == 2 + tr.crossings.count)  // memory bounded by what was asked for
            return tr.crossingTimes(of: "spike")
        }
        let reference = try spikes(.rodas4, 1e-11)
        #expect(reference.count >= 6, "repetitive firing: \(reference.count) spikes")
        #expect(reference.first! > 0.010 && reference.first! < 0.015)
        var errors: [Double] = []
        for (method, rtol, bound) in [(IntegrationMethod.rodas4, 1e-6, 1e-7), (.rodas4, 1e-8, 2e-9), (.bdf, 1e-8, 1e-7)] {
            let times = try spikes(method, rtol)
            #expect(times.count == reference.count, "\(method) rtol \(rtol)")
            let error = zip(times, reference).map { abs($0 - $1) }.max() ?? .infinity
            #expect(error < bound, "\(method) rtol \(rtol): largest spike-time error \(error * 1e3) ms")
            errors.append(error)
        }
        #expect(errors[1] < errors[0])
    }

    /// Events change any named parameter: blocking the Na⁺ channels (TTX: `hh_Na.block` = 1) at 60 ms stops the
    /// firing, and a fixed-interval recording keeps exactly the samples asked for.
    @Test func blockingSodiumChannelsStopsFiring() throws {
        var s = try Self.cell(stimuli: [.constantCurrent(.microamperesPerSquareCentimetre(10))], duration: 0.1)
        s.events = [ScenarioEvent(time: 0.06, .set(parameter: "hh_Na.block", to: 1))]
        let tr = try solve(s, using: SimulationSolver(relativeTolerance: 1e-8), stateEvents: [.spikes()],
                           recording: .interval(1e-3))
        let times = tr.crossingTimes(of: "spike")
        #expect(times.filter { $0 < 0.06 }.count >= 3)
        #expect(times.allSatisfy { $0 < 0.0605 })
        #expect(tr.count == 101)
        #expect(tr.events.map(\.parameter) == ["hh_Na.block"])
        #expect(try tr.values(of: "I.hh_Na").suffix(10).allSatisfy { $0 == 0 })
        let model = try CellModel(s)
        #expect(throws: MembraneError.self) { _ = try model.parameterIndex(named: "hh_Na.blok") }
    }

    /// The exp-linear rate x/(1 − e^{−x}) from one exponential (series near 0) against the GHK kernel written with
    /// expm1 (an independent formula of the same function): within 10⁻¹⁴ relative over the range gates meet, 1 at
    /// x = 0 (NEURON's vtrap limit), x for large x, continuous across the series' edge, and 0 far below.
    @Test func expLinearKernelMatchesTheExpm1Form() {
        var x = -60.0
        while x <= 60 {
            let a = HodgkinHuxleyChannel.RateFunction.expLinearKernel(x), b = GHKCurrent.kernel(x)
            #expect(abs(a - b) <= 1e-14 * b, "x = \(x): \(a) vs \(b)")
            x += 0.00173
        }
        #expect(HodgkinHuxleyChannel.RateFunction.expLinearKernel(0) == 1)
        for edge in [0.02, -0.02] {
            let inside = HodgkinHuxleyChannel.RateFunction.expLinearKernel(edge.nextDown)
            let outside = HodgkinHuxleyChannel.RateFunction.expLinearKernel(edge.nextUp)
            #expect(abs(inside - outside) < 1e-14, "across \(edge)")
        }
        #expect(HodgkinHuxleyChannel.RateFunction.expLinearKernel(800) == 800)
        #expect(HodgkinHuxleyChannel.RateFunction.expLinearKernel(-800) == 0)
    }
}

/// docs/writing-a-mechanism.md's example (``SlowPotassium``), added to the HH cell as one more mechanism: its gate
/// starts at s∞(V₀), its exact derivatives equal central differences, and it slows the firing (a K⁺ current that
/// builds up with depolarisation lengthens the interspike interval: spike-frequency adaptation).
@Suite("A new mechanism in one file")
struct NewMechanismTests {
    static func cell(_ gSlow: Double) throws -> Scenario {
        var s = try HodgkinHuxleyTests.cell(stimuli: [.constantCurrent(.microamperesPerSquareCentimetre(10))], duration: 0.2)
        s.mechanisms.append(SlowPotassium(conductance: .millisiemensPerSquareCentimetre(gSlow)))
        return s
    }

    @Test func exampleMechanismWorks() throws {
        let model = try CellModel(try Self.cell(1))
        let i = try #require(model.layout.index(of: "slow_K.s"))
        let v0 = -65e-3
        #expect(isRelativelyClose(model.initialState[i], 1 / (1 + exp(-(v0 + 35e-3) / 5e-3)), relative: 1e-12))
        var y = model.initialState
        y[0] = -0.03; y[i] = 0.4
        var analytic = DenseMatrix(size: model.dimension)
        #expect(model.jacobian(at: 0, state: y, into: &analytic))
        var fp = [Double](repeating: 0, count: model.dimension), fm = fp
        for col in 0..<model.dimension {
            var yp = y, ym = y
            yp[col] += 1e-7; ym[col] -= 1e-7
            model.derivatives(at: 0, state: yp, into: &fp)
            model.derivatives(at: 0, state: ym, into: &fm)
            for row in 0..<model.dimension {
                let numeric = (fp[row] - fm[row]) / 2e-7
                #expect(isClose(analytic[row, col], numeric, within: 1e-6 * max(abs(numeric), 1)), "J[\(row), \(col)]")
            }
        }
        let plain = try solve(try Self.cell(0), stateEvents: [.spikes()], recording: .crossingsAndFinal)
        let adapted = try solve(try Self.cell(1), stateEvents: [.spikes()], recording: .crossingsAndFinal)
        #expect(adapted.crossings.count < plain.crossings.count)
    }
}
