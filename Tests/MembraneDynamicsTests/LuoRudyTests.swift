import Testing
import Foundation
@testable import MembraneDynamics
import MembraneNumerics
import MembraneUnits

/// The files of Tests/Reference/luo-rudy-1991: an independent Python port of the paper's equations integrated by scipy
/// (LSODA at rtol 1e-10, atol 1e-12; checked against Radau at rtol 1e-9), and the rest found by brentq (README.md).
enum LRReference {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Reference/luo-rudy-1991")

    static func rows(_ file: String) throws -> [[Double]] {
        try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map { Double($0) ?? .nan } }
    }

    static func json(_ file: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent(file))) as! [String: Any]
    }

    /// Two beats at 1 Hz from rest (BDF, rtol 1e-10, atol 1e-12 in mV and mM), every step recorded, with its beats.
    static let paced: (Trajectory<LuoRudyModel>, [ActionPotentialBeat]) = {
        let p = LuoRudy1991()
        var solver = SimulationSolver(method: .bdf, relativeTolerance: 1e-10, absoluteTolerance: 1e-12)
        solver.integrator.maximumSteps = 10_000_000
        var s = try! Simulation(luoRudy: p, duration: 2, solver: solver, stateEvents: [.spikes()])
        let t = s.run()
        return (t, ActionPotentialBeat.measure(t, onsets: p.stimulusOnsets(until: 2000), potential: { $1[0] },
                                               rate: { $0.voltageRate($1) }, ionicRate: { $0.ionicRate($1) }))
    }()
}

@Suite("Luo & Rudy 1991 (luo-rudy-1991)")
struct LuoRudyTests {
    /// V at chosen times of the first two beats, every beat's rest, peak, V̇max and APD90, and the spike times, against
    /// the scipy port. The upstroke (≈ 400 mV/ms) turns a time error δ into a V error 400·δ, so V on it is held to
    /// 0.05 mV, elsewhere to 1e-3 mV.
    @Test("two paced beats from rest against the scipy port (LSODA rtol 1e-10)")
    func pacedBeatsMatchScipy() throws {
        let (trajectory, beats) = LRReference.paced
        #expect(trajectory.termination == .finished)
        let reference = try LRReference.json("beats_tight.json")
        let vAt = reference["v_at_ms"] as! [String: Double]
        for (key, expected) in vAt {
            let t = Double(key)!
            let v = trajectory.interpolatedState(at: t * 1e-3).state[0]
            let tolerance = (100.5...103).contains(t) ? 0.05 : 1e-3
            #expect(abs(v - expected) < tolerance, "V(\(key) ms) = \(v), scipy \(expected)")
        }
        let expectedBeats = reference["beats"] as! [[String: Any]]
        #expect(beats.count == expectedBeats.count)
        for (b, e) in zip(beats, expectedBeats) {
            #expect(abs(b.rest - (e["rest_mV"] as! Double)) < 1e-4, "rest \(b.rest)")
            #expect(abs(b.peak - (e["peak_mV"] as! Double)) < 1e-2, "peak \(b.peak)")
            let vmax = e["vmax_V_per_s"] as! Double
            #expect(abs(b.maximalRate - vmax) < 2e-3 * vmax, "V̇max \(b.maximalRate) V/s, scipy \(vmax)")
            #expect(abs(b.apd90! - (e["apd90_ms"] as! Double)) < 0.05, "APD90 \(b.apd90!) ms")
            #expect(b.excited)
        }
        let spikes = trajectory.crossingTimes(of: "spike").map { $0 * 1e3 }
        let expectedSpikes = reference["spike_times_ms"] as! [Double]
        #expect(spikes.count == expectedSpikes.count)
        for (a, e) in zip(spikes, expectedSpikes) { #expect(abs(a - e) < 1e-3, "spike \(a) ms vs \(e)") }
    }

    /// The paper's control cell: rest ≈ −84 mV at [K]ₒ = 5.4 mM (Luo & Rudy 1991; the curated CellML model's resting
    /// state is −84.38 mV, Myokit's port of the Rudy-lab code −84.53 mV). V̇max is the paper's own figure: "fast
    /// upstroke velocity (Vmax = 400 V/sec)" (Luo & Rudy 1991, abstract, as quoted in the ModelDB 64171 readme); held
    /// to 10 %, since the abstract does not say which stimulus and beat it was measured on. The rest of the action
    /// potential is held only to broad physiological ranges (overshoot 35–55 mV, APD90 300–400 ms): its exact values
    /// are the scipy port's (above); the figures of the paper were not digitised here.
    @Test("published control: rest ≈ −84 mV, V̇max ≈ 400 V/s (abstract); the action potential in physiological ranges")
    func publishedControl() throws {
        let p = LuoRudy1991()
        let rest = try #require(p.rest())
        #expect(abs(rest.potential - -84) < 1, "rest \(rest.potential) mV")
        let beat = LRReference.paced.1[0]
        #expect(abs(beat.maximalRate - 400) <= 0.10 * 400, "V̇max \(beat.maximalRate) V/s; the paper's abstract: 400 V/s")
        #expect((35...55).contains(beat.peak), "peak \(beat.peak)")
        #expect((300...400).contains(beat.apd90!), "APD90 \(beat.apd90!)")
    }

    /// The rest is a zero of the total ionic current (with gates and [Ca]ᵢ at steady state), and a fixed point: a run
    /// without stimulus from it does not move.
    @Test("invariant: the rest is a zero of the total ionic current and a fixed point")
    func restIsAZeroOfTheCurrent() throws {
        for k in [3.0, 5.4, 8, 12, 20] {
            var p = LuoRudy1991()
            p.potassiumOutside = k
            p.stimulusAmplitude = 0
            let rest = try #require(p.rest())
            #expect(abs(p.currents(rest.state).total) < 1e-10, "I_ion at rest, K_o \(k)")
            var f = [Double](repeating: 0, count: 8)
            let model = LuoRudyModel(p, start: rest.state)
            model.derivatives(at: 0, state: rest.state, into: &f)
            #expect(f.allSatisfy { abs($0) < 1e-6 }, "dy/dt at rest \(f)")
            var s = try Simulation(luoRudy: p, duration: 1, start: rest.state, recording: .crossingsAndFinal)
            let end = s.run()
            #expect(abs(end.stateVector(at: end.count - 1)[0] - rest.potential) < 1e-6)
        }
    }

    /// The rest against [K]ₒ equals the scipy port's root (brentq) and rises monotonically; it follows E_K1 ever more
    /// closely as [K]ₒ rises and departs from it at low [K]ₒ (the paper's figure of V_rest against [K]ₒ: the model
    /// follows E_K1 above ≈ 5 mM and lies positive to it at low [K]ₒ, as measured).
    @Test("rest against K_o: the scipy root, monotone, following E_K1 as K_o rises")
    func restAgainstPotassium() throws {
        var previous = -Double.infinity, previousGap = Double.infinity
        for row in try LRReference.rows("rest.csv") {
            var p = LuoRudy1991()
            p.potassiumOutside = row[0]
            let rest = try #require(p.rest()).potential
            #expect(abs(rest - row[1]) < 1e-8, "rest at \(row[0]) mM: \(rest), scipy \(row[1])")
            #expect(abs(p.eK - row[2]) < 1e-8 && abs(p.eK1 - row[3]) < 1e-8)  // the CSV has 12 digits
            #expect(rest > previous)
            let gap = rest - p.eK1
            #expect(gap > 0 && gap < previousGap, "rest − E_K1 at \(row[0]) mM: \(gap)")
            if row[0] >= 16 { #expect(gap < 1, "within 1 mV of E_K1 at \(row[0]) mM") }
            if row[0] <= 2 { #expect(gap > 10, "departs from E_K1 at \(row[0]) mM") }
            (previous, previousGap) = (rest, gap)
        }
    }

    /// Hyperkalemia: the response to one pulse from rest against the scipy port (V̇max, peak, APD90), and the loss of
    /// excitability the paper describes for high [K]ₒ: V̇max falls as the rest depolarises (Na⁺ channels inactivated)
    /// and at 16 mM the pulse no longer evokes an action potential.
    @Test("hyperkalemia: V̇max and APD90 against the scipy port, loss of excitability at high K_o")
    func hyperkalemia() throws {
        var previousRate = Double.infinity
        for row in try LRReference.rows("hyperkalemia_tight.csv") {
            let r = try Hyperkalemia.luoRudy(LuoRudy1991(), potassiumOutside: row[0])
            #expect(abs(r.rest! - row[1]) < 1e-7)
            #expect(abs(r.beat.peak - row[4]) < 0.02, "peak at \(row[0]) mM: \(r.beat.peak), scipy \(row[4])")
            #expect(abs(r.beat.maximalRate - row[5]) < 3e-3 * row[5], "V̇max at \(row[0]) mM: \(r.beat.maximalRate), scipy \(row[5])")
            if !row[6].isNaN { #expect(abs(r.beat.apd90! - row[6]) < 0.1, "APD90 at \(row[0]) mM: \(r.beat.apd90!), scipy \(row[6])") }
            #expect(r.beat.excited == (row[4] > 0), "excited at \(row[0]) mM")
            if row[0] >= 5.4 { #expect(r.beat.maximalRate < previousRate) }
            previousRate = r.beat.maximalRate
        }
        let high = try Hyperkalemia.luoRudy(LuoRudy1991(), potassiumOutside: 16)
        #expect(!high.beat.excited && high.beat.peak < 0)
        let normal = try Hyperkalemia.luoRudy(LuoRudy1991(), potassiumOutside: 5.4)
        #expect(normal.beat.excited && high.beat.maximalRate < 0.1 * normal.beat.maximalRate)
        // At 100 mM the cell rests near 0 mV (−10 mV): the pulse alone pushes V through 0 mV against an outward ionic
        // current (V̇max = I_stim/C = 25.5 V/s): a crossing, but no regenerative upstroke, so no action potential.
        let nearZero = try Hyperkalemia.luoRudy(LuoRudy1991(), potassiumOutside: 100)
        #expect(nearZero.beat.peak > 0 && !nearZero.beat.excited)
        #expect(abs(nearZero.beat.maximalRate - 25.5) < 0.5)
    }

    /// The rate functions at their removable singularities equal their limits (α_m at −47.13 mV: 3.2/ms; Xᵢ at −77 mV:
    /// 2.837·0.04·e^{−0.04·42}), and the reversal potentials are the Nernst potentials of the paper's concentrations.
    @Test("rate limits at the removable singularities; E_Na, E_K1 from CODATA at 37 °C")
    func limitsAndReversals() throws {
        let am = LuoRudy1991.rates(at: -47.13)[0].alpha
        #expect(abs(am - 3.2) < 1e-12)
        let near = LuoRudy1991.rates(at: -47.13 + 1e-7)[0].alpha
        #expect(abs(near - 3.2) < 1e-6)
        let p = LuoRudy1991()
        let rtf = 8.314462618153241 * 310.15 / 96485.33212331001 * 1e3
        #expect(abs(p.eNa - rtf * log(140.0 / 18)) < 1e-10)
        #expect(abs(p.eK1 - rtf * log(5.4 / 145)) < 1e-10)
        #expect(abs(p.eK - rtf * log((5.4 + 0.01833 * 140) / (145 + 0.01833 * 18))) < 1e-10)
    }
}
