import Testing
import Foundation
@testable import MembraneDynamics
import MembraneNumerics
import MembraneUnits

/// The files of Tests/Reference/cressman-2009 (scipy LSODA at rtol 1e-12 on an independent port of the paper's
/// equations with the erratum; its README says how they were made and how accurate they are).
enum CressmanReference {
    static func rows(_ file: String) throws -> [[Double]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Reference/cressman-2009/\(file)")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",").map { Double($0)! } }
    }

    /// The runs the tests share (made once): resting at bath K⁺ 4 mM (30 s) and seizure-like at 8 mM (100 s).
    static let rest = try! run([], duration: 30)
    static let seizure = try! run([("k_bath", 8)], duration: 100)

    /// A tight run (BDF, rtol 1e-8, atol 1e-8 in mV and mM) sampled every second, with its spikes.
    static func run(_ sets: [(name: String, value: Double)], duration: Double, recording: Recording = .interval(1)) throws
        -> Trajectory<CressmanModel> {
        let p = try Cressman2009.preset.parameters(setting: sets)
        var solver = SimulationSolver(method: .bdf, relativeTolerance: 1e-8, absoluteTolerance: 1e-8)
        solver.integrator.maximumSteps = 50_000_000
        var s = try Simulation(cressman: p, duration: duration, solver: solver, stateEvents: [.spikes()], recording: recording)
        return s.run()
    }
}

@Suite("Cressman et al. 2009 (cressman-2009)")
struct CressmanTests {
    /// Compares a run with a reference trajectory at the whole seconds at which no spike of the reference is within
    /// `quiet` seconds (V moves by tens of mV per ms in a spike, so there a sample measures the phase, not the state;
    /// the spike times are compared on their own), and every spike time.
    func compare(_ run: Trajectory<CressmanModel>, _ prefix: String, quiet: Double,
                 tolerance: (v: Double, c: Double, spike: Double)) throws {
        #expect(run.termination == .finished)
        let reference = try CressmanReference.rows(prefix + "_trajectory.csv")
        let expected = try CressmanReference.rows(prefix + "_spikes.csv").map { $0[1] }
        var worst = (v: 0.0, ko: 0.0, nai: 0.0, ca: 0.0), compared = 0
        for row in reference where row[0] <= run.duration && !expected.contains(where: { abs($0 - row[0]) < quiet }) {
            let s = run.cressmanState(atTime: row[0])
            worst.v = max(worst.v, abs(s.potential - row[1]))
            worst.ko = max(worst.ko, abs(s.outside[1].millimolar - row[4]))
            worst.nai = max(worst.nai, abs(s.inside[0].millimolar - row[5]))
            worst.ca = max(worst.ca, abs(s.inside[3].millimolar - row[6]))
            compared += 1
        }
        #expect(compared >= reference.count / 2, "\(compared) samples compared")
        #expect(worst.v < tolerance.v, "V_m \(worst.v) mV")
        #expect(worst.ko < tolerance.c, "[K]o \(worst.ko) mM")
        #expect(worst.nai < tolerance.c, "[Na]i \(worst.nai) mM")
        #expect(worst.ca < tolerance.c, "[Ca]i \(worst.ca) mM")
        let spikes = run.crossingTimes(of: "spike")
        #expect(spikes.count == expected.count)
        let error = zip(spikes, expected).map { abs($0 - $1) }.max() ?? .infinity
        #expect(error < tolerance.spike, "spike times \(error) s")
    }

    @Test("Bath K⁺ 4 mM: the time course and every spike of the scipy reference, 30 s")
    func restMatchesTheReference() throws {
        try compare(CressmanReference.rest, "rest", quiet: 0.5, tolerance: (v: 1e-5, c: 2e-6, spike: 1e-5))
    }

    @Test("Bath K⁺ 8 mM: the seizure-like bursts of the scipy reference, every spike and the slow concentrations, 100 s")
    func seizureMatchesTheReference() throws {
        try compare(CressmanReference.seizure, "seizure", quiet: 0.5, tolerance: (v: 5e-4, c: 1e-4, spike: 5e-4))
    }

    /// The authors' own C code (ModelDB 136773, `Cressman_et_al_JCNS_1_fullmodel_RK4.c`: RK4 at 0.01 ms, k_bath 8 mM),
    /// compiled and run for 100 s by Tests/Reference/cressman-2009/authors-code/run.sh: the code that made the paper's
    /// full-model figures, run rather than read. It integrates 50 ms before it starts its clock, so its times are ours
    /// minus 0.05 s. Every burst has the same spikes (232 after those 50 ms in the first, 196 in each later one) and
    /// starts and ends within 2 ms of the C run's (its output is sampled every 0.2 ms; RK4's own error at 0.01 ms adds
    /// to that; the runs agree to 0.5 ms).
    @Test("Bath K⁺ 8 mM: every burst of the authors' own C code (ModelDB 136773), run for 100 s")
    func seizureMatchesTheAuthorsCode() throws {
        struct Burst: Decodable { var onset_s: Double, end_s: Double, spikes: Int }
        struct AuthorsRun: Decodable { var duration_s: Double, spikes: Int, bursts: [Burst] }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Reference/cressman-2009/authors-code/authors_run_kbath8_100s.json")
        let authors = try JSONDecoder().decode(AuthorsRun.self, from: Data(contentsOf: url))
        let preintegration = 0.05
        let spikes = CressmanReference.seizure.crossingTimes(of: "spike").map { $0 - preintegration }
            .filter { $0 >= 0 && $0 <= authors.duration_s }
        let ours = Self.bursts(spikes)
        #expect(spikes.count == authors.spikes)
        #expect(ours.count == authors.bursts.count)
        for (r, theirs) in zip(ours, authors.bursts) {
            #expect(r.count == theirs.spikes, "burst from \(theirs.onset_s) s")
            #expect(abs(spikes[r.lowerBound] - theirs.onset_s) < 2e-3, "onset \(spikes[r.lowerBound]) vs \(theirs.onset_s) s")
            #expect(abs(spikes[r.upperBound] - theirs.end_s) < 2e-3, "end \(spikes[r.upperBound]) vs \(theirs.end_s) s")
        }
    }

    /// The 2009 Table 1's G_glia = 66 mM/s and ε = 1.2 /s (the preset follows the authors' code, 200/3 and 4/3):
    /// weaker clearance, a longer first seizure-like burst interval (onset 34.72 s instead of 29.73 s). Every spike of
    /// the reference run with those values, 0–45 s.
    @Test("Bath K⁺ 8 mM with the 2009 Table 1's G_glia = 66, ε = 1.2: every spike of the scipy reference, 45 s")
    func tableOneValues() throws {
        let run = try CressmanReference.run([("k_bath", 8), ("G_glia", 66), ("epsilon", 1.2)], duration: 45,
                                            recording: .crossingsAndFinal)
        let expected = try CressmanReference.rows("table1_spikes.csv").map { $0[1] }.filter { $0 <= 45 }
        let spikes = run.crossingTimes(of: "spike")
        #expect(spikes.count == expected.count)
        let error = zip(spikes, expected).map { abs($0 - $1) }.max() ?? .infinity
        #expect(error < 5e-4, "spike times \(error) s")
        let onsets = Self.bursts(spikes).map { spikes[$0.lowerBound] }
        #expect(onsets.count == 2 && abs(onsets[1] - 34.7218) < 1e-3)
    }

    /// The paper (Figs. 2–3): at bath K⁺ 4 mM the neuron rests; raised to 8 mM it fires periodic seizure-like bursts
    /// while [K]ₒ and [Na]ᵢ oscillate slowly, with a period of tens of seconds.
    @Test("Published behaviour: rest at bath K⁺ 4 mM, periodic bursts with slow [K]o/[Na]i oscillation at 8 mM")
    func publishedBehaviour() throws {
        // 4 mM: after the authors' initial state relaxes (spikes in the first 0.3 s) the cell is silent, near −67 mV.
        let rest = CressmanReference.rest
        #expect(rest.crossingTimes(of: "spike").allSatisfy { $0 < 0.5 })
        #expect(abs(rest.finalState.potential + 67) < 1.5)
        #expect(abs(rest.finalState.outside[1].millimolar - 4) < 0.3)
        // 8 mM: at least three bursts separated by quiet stretches, every 10 to 60 s.
        let seizure = CressmanReference.seizure
        let spikes = seizure.crossingTimes(of: "spike")
        let bursts = Self.bursts(spikes)
        #expect(bursts.count >= 3)
        let onsets = bursts.dropFirst().map { spikes[$0.lowerBound] }
        let periods = zip(onsets.dropFirst(), onsets).map { $0 - $1 }
        #expect(!periods.isEmpty && periods.allSatisfy { (10...60).contains($0) }, "periods \(periods)")
        // The slow oscillation, on the 1-s samples: [K]o jumps by > 2 mM within a burst's first seconds (reference:
        // 7.1 → 9.8 mM), [Na]i climbs by > 2 mM through the burst (16.4 → 18.9 mM), and both fall back in the silence.
        func at(_ t: Double) -> CressmanState { seizure.cressmanState(atTime: t) }
        let seizureBursts = Array(bursts.dropFirst())
        for (k, r) in seizureBursts.enumerated() {
            let onset = spikes[r.lowerBound], end = spikes[r.upperBound]
            let before = at(onset.rounded(.down)), after = at(end.rounded(.up))
            let peak = stride(from: onset.rounded(.up), through: end, by: 1).map { at($0).outside[1].millimolar }.max()!
            #expect(peak - before.outside[1].millimolar > 2)
            #expect(after.inside[0].millimolar - before.inside[0].millimolar > 2)
            if k + 1 < seizureBursts.count {
                let next = at(spikes[seizureBursts[k + 1].lowerBound].rounded(.down))
                #expect(after.inside[0].millimolar - next.inside[0].millimolar > 2)
                #expect(peak - next.outside[1].millimolar > 2)
            }
        }
        let ko = (0...100).map { at(Double($0)).outside[1].millimolar }
        #expect(ko.max()! - ko.min()! > 2.5)
    }

    /// Runs of spike indices less than 1 s apart.
    static func bursts(_ t: [Double]) -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = [], first = 0
        for i in t.indices.dropFirst() where t[i] - t[i - 1] >= 1 {
            runs.append(first...(i - 1))
            first = i
        }
        if !t.isEmpty { runs.append(first...(t.count - 1)) }
        return runs
    }

    /// Na⁺ is conserved between the two volumes ([Na]ₒ + β[Na]ᵢ = 144 + 18β mM) and [K]ᵢ + [Na]ᵢ = 158 mM (the paper's
    /// conservation laws) at every record; the Nernst potentials use RT/F = 26.64 mV.
    @Test("Conservation laws of the paper at every record, E from the concentrations")
    func conservationLaws() throws {
        for run in [CressmanReference.rest, CressmanReference.seizure] {
            let beta = run.model.parameters.beta
            for i in 0..<run.count {
                let s = run.cressmanState(at: i)
                #expect(abs(s.outside[0].millimolar + beta * s.inside[0].millimolar - (144 + 18 * beta)) < 1e-12 * 300)
                #expect(abs(s.inside[1].millimolar + s.inside[0].millimolar - 158) < 1e-12 * 300)
            }
            let last = run.finalState
            #expect(abs(last.reversal[1].millivolts - 26.64 * Foundation.log(last.outside[1].millimolar / last.inside[1].millimolar)) < 1e-12)
        }
    }

    /// With pump, glia and bath diffusion off and no Cl⁻ leak, every ion that crosses the membrane is charge on its
    /// capacitor: d([K]ₒ/β − [Na]ᵢ)/dt = γ(I_K + I_Na) = −γ·C·dV/dt (V in mV, t in ms, τ = 1000), so
    /// [K]ₒ/β − [Na]ᵢ + γ·C·V/1000 stays constant through spikes.
    @Test("Charge balance: with pump, glia, diffusion and Cl⁻ leak off, [K]o/β − [Na]i + γ·C·V/τ is conserved")
    func chargeBalance() throws {
        let run = try CressmanReference.run([("rho", 0), ("G_glia", 0), ("epsilon", 0), ("g_ClL", 0), ("k_bath", 8)],
                                            duration: 2, recording: .everyStep)
        #expect(run.crossingTimes(of: "spike").count > 5)
        let gamma = Cressman2009.gamma
        func invariant(_ i: Int) -> Double {
            let y = run.stateVector(at: i)
            return y[3] / 7 - y[4] + gamma * 1 * y[0] / Cressman2009.tau
        }
        let start = invariant(0)
        var worst = 0.0
        for i in 0..<run.count { worst = max(worst, abs(invariant(i) - start)) }
        // Each term is ~1–20 mM; the capacitive term γ·C·V/τ ≈ 3e-3 mM changes by 5e-3 mM per spike.
        #expect(worst < 1e-7, "drift \(worst) mM")
        let y = run.stateVector(at: run.count - 1)
        #expect(abs(y[3] - Cressman2009.initialState[3]) > 0.01)  // the concentrations did move
    }

    @Test("No currents, pump, glia or diffusion: the concentrations and V stay put")
    func nothingMoves() throws {
        let off = ["g_Na", "g_NaL", "g_K", "g_KL", "g_AHP", "g_ClL", "rho", "G_glia", "epsilon"].map { (name: $0, value: 0.0) }
        let run = try CressmanReference.run(off, duration: 10)
        let y0 = Cressman2009.initialState, y = run.stateVector(at: run.count - 1)
        #expect(y[0] == y0[0] && y[3] == y0[3] && y[4] == y0[4])
        #expect(run.crossingTimes(of: "spike").isEmpty)
    }

    @Test("The preset: the paper's names and values, the erratum's factors, closest names for a typo, ranges")
    func preset() throws {
        let preset = Cressman2009.preset
        // Table 1 of the paper; G_glia and ε as the authors' code (200/3, 4/3).
        let expected: [(String, Double)] = [("g_Na", 100), ("g_NaL", 0.0175), ("g_K", 40), ("g_KL", 0.05), ("g_AHP", 0.01),
                                            ("g_ClL", 0.05), ("g_Ca", 0.1), ("C_m", 1), ("phi", 3), ("rho", 1.25),
                                            ("G_glia", 200.0 / 3), ("epsilon", 4.0 / 3), ("k_bath", 4), ("beta", 7)]
        #expect(preset.parameters.map(\.name) == expected.map(\.0))
        for (name, value) in expected { #expect(preset.parameters.first { $0.name == name }?.value == value) }
        #expect(abs(Cressman2009.gamma - 4.45e-2) < 1e-5 && Cressman2009.tau == 1000)
        #expect(try preset.parameters(setting: [("k_bath", 8)]).kBath == 8)
        do {
            _ = try preset.parameters(setting: [("kbath", 8)])
            Issue.record("an unknown name was accepted")
        } catch let MembraneError.unknownName(_, _, suggestions) {
            #expect(suggestions.contains("k_bath"))
        }
        #expect(throws: MembraneError.self) { try preset.parameters(setting: [("k_bath", 0)]) }
        #expect(throws: MembraneError.self) { try preset.parameters(setting: [("rho", -1)]) }
        #expect(throws: MembraneError.self) { try preset.parameters(setting: [("beta", .nan)]) }
        #expect(Cressman2009.initialState == [-50, 0.08553, 0.96859, 7.8, 15.5, 0])
    }
}
