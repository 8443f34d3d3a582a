import Testing
import Foundation
@testable import MembraneDynamics
import MembraneNumerics
import MembraneUnits

/// The files of Tests/Reference/hubel-ullah-2016 (scipy LSODA at rtol 1e-12 on a line-by-line port of ModelDB 187599
/// code_Fig3.ode; its README says how they were made and how accurate they are).
enum HUReference {
    static func rows(_ file: String) throws -> [[Double]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Reference/hubel-ullah-2016/\(file)")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",").map { Double($0)! } }
    }

    /// The runs the tests share (made once): Fig. 3, Fig. 4 (g_ClL = 0) and the insets (s = 1).
    static let figure3 = try! run([], duration: 1000)
    static let figure4 = try! run([("g_ClL", 0)], duration: 1000)
    static let insets = try! run([("s", 1)], duration: 200)

    /// A tight run (Rodas4, rtol 1e-8, atol 1e-8 in mV, fmol, µm³) sampled every second, with its spikes.
    static func run(_ sets: [(name: String, value: Double)], duration: Double) throws -> Trajectory<HubelUllahModel> {
        let p = try HubelUllah2016.preset.parameters(setting: sets)
        var s = try Simulation(hubelUllah: p, duration: duration,
                               solver: SimulationSolver(relativeTolerance: 1e-8, absoluteTolerance: 1e-8),
                               stateEvents: [.spikes()], recording: .interval(1))
        return s.run()
    }
}

@Suite("Hübel & Ullah 2016 (hubel-ullah-2016)")
struct HubelUllahTests {
    /// Compares a run with a reference file at the whole seconds outside the spike burst: there the reference agrees with
    /// LSODA at rtol 1e-11 and Radau at rtol 1e-10 to 1e-8 mV (README, "Accuracy of the reference"), so what is left is
    /// our own error at rtol 1e-8 plus that of the samples, which `Recording.interval` interpolates by cubic Hermite
    /// between steps up to seconds long; hence 2e-4 mV, 1e-5 mM and 1e-4 µm³, far below what distinguishes the variants
    /// (mV, mM). The last record (t = duration, an integrator point, no interpolation) is held to 1e-6 mV.
    func compare(_ run: Trajectory<HubelUllahModel>, _ file: String, burst: ClosedRange<Double>, spikes spikeFile: String) throws {
        #expect(run.termination == .finished)
        let reference = try HUReference.rows(file)
        var worst = (v: 0.0, ke: 0.0, cli: 0.0, nai: 0.0, vol: 0.0)
        for row in reference where !burst.contains(row[0]) && row[0] <= run.duration {
            let (model, y) = run.interpolatedState(at: row[0])
            let s = model.state(time: row[0], state: y)
            worst.v = max(worst.v, abs(s.potential - row[1]))
            worst.ke = max(worst.ke, abs(s.outside[1].millimolar - row[11]))
            worst.cli = max(worst.cli, abs(s.inside[2].millimolar - row[10]))
            worst.nai = max(worst.nai, abs(s.inside[0].millimolar - row[9]))
            worst.vol = max(worst.vol, abs(s.volume - row[7]))
        }
        #expect(worst.v < 2e-4, "V_m \(worst.v) mV")
        #expect(worst.ke < 1e-5, "[K]e \(worst.ke) mM")
        #expect(worst.cli < 1e-5, "[Cl]i \(worst.cli) mM")
        #expect(worst.nai < 1e-5, "[Na]i \(worst.nai) mM")
        #expect(worst.vol < 1e-4, "volume \(worst.vol) µm³")
        if let last = reference.last(where: { $0[0] == run.duration }) {
            #expect(abs(run.finalState.potential - last[1]) < 1e-6, "V_m at the end")
            #expect(abs(run.finalState.volume - last[7]) < 1e-6, "volume at the end")
        }
        // Every spike of the burst, in order: the reference's times agree with LSODA at rtol 1e-11 to 2e-9 s.
        let expected = try HUReference.rows(spikeFile).map { $0[1] }.filter { $0 <= run.duration }
        let spikes = run.crossingTimes(of: "spike")
        #expect(spikes.count == expected.count)
        let error = zip(spikes, expected).map { abs($0 - $1) }.max() ?? .infinity
        #expect(error < 1e-6, "spike times \(error) s")
    }

    @Test("Fig. 3: the time course and every spike of code_Fig3.ode, 1000 s")
    func figure3() throws {
        try compare(HUReference.figure3, "reference_tight.csv", burst: 56...62, spikes: "spikes_tight.csv")
    }

    @Test("Fig. 4 (g_ClL = 0, 1000 s) and the Fig. 3 insets (s = 1, 200 s): time courses and spikes")
    func variants() throws {
        try compare(HUReference.figure4, "reference_tight_gcl0.csv", burst: 50...56,
                    spikes: "spikes_tight_gcl0.csv")
        try compare(HUReference.insets, "reference_tight_s1.csv", burst: 56...62,
                    spikes: "spikes_tight_s1.csv")
    }

    @Test("Published behaviour: after the pump stops the cell depolarises and swells (Fig. 3); without Cl⁻ conductance it does not swell (Fig. 4)")
    func publishedBehaviour() throws {
        let fig3 = HUReference.figure3, fig4 = HUReference.figure4
        func at(_ run: Trajectory<HubelUllahModel>, _ t: Double) -> HubelUllahState {
            let (m, y) = run.interpolatedState(at: t)
            return m.state(time: t, state: y)
        }
        // Fig. 3: resting near −67 mV with the pump, depolarised (above −20 mV) after it stops; swollen by > 15 % at 1000 s.
        #expect(abs(at(fig3, 50).potential + 67) < 0.5)
        #expect(at(fig3, 100).potential > -20 && at(fig3, 1000).potential > -20)
        #expect(at(fig3, 1000).relativeVolume > 1.15)
        #expect(at(fig3, 1000).inside[2].millimolar > 2 * at(fig3, 0).inside[2].millimolar)  // Cl⁻ enters
        // Fig. 4: depolarised too, but the volume stays within 0.1 % of its start.
        #expect(at(fig4, 1000).potential > -20)
        for t in stride(from: 0.0, through: 1000, by: 50) { #expect(abs(at(fig4, t).relativeVolume - 1) < 1e-3) }
    }

    @Test("Conservation and electroneutrality of code_Fig3.ode: each ion's total in cell + ECS and the cell's charge")
    func conservation() throws {
        let run = HUReference.insets
        typealias H = HubelUllah2016
        // Totals from the code's resting amounts (lines 64–71), recovered from the concentrations and volumes.
        let totals = [H.naInside0 + H.naOutside0, H.kInside0 + H.kOutside0, H.clInside0 + H.clOutside0]
        let charge = H.naInside0 + H.kInside0 - H.clInside0
        for i in 0..<run.count {
            let s = run.hubelUllahState(at: i)
            for j in 0..<3 {
                let amount = (s.inside[j].millimolar * s.volume + s.outside[j].millimolar * s.extracellularVolume) / 1000
                #expect(abs(amount - totals[j]) < 1e-12 * totals[j] * 10)
            }
            let q = (s.inside[0].millimolar + s.inside[1].millimolar - s.inside[2].millimolar) * s.volume / 1000
            #expect(abs(q - charge) < 1e-11 * charge)
            #expect(abs(s.volume + s.extracellularVolume - H.totalVolume) < 1e-12 * H.totalVolume)
        }
        // E follows the concentrations: E_K = 26.64 mV · ln([K]e/[K]i) (the code's hard-coded RT/F).
        let last = run.finalState
        #expect(abs(last.reversal[1].millivolts - 26.64 * Foundation.log(last.outside[1].millimolar / last.inside[1].millimolar)) < 1e-12)
    }

    @Test("The preset: INTERFACE.md's names with the code's values, closest names for a typo, ranges")
    func preset() throws {
        let preset = HubelUllah2016.preset
        let expected: [(String, Double)] = [("g_NaL", 0.0175), ("g_Na", 100), ("g_KL", 0.05), ("g_K", 40), ("g_ClL", 0.05), ("rho_max", 6.8)]
        for (name, value) in expected { #expect(preset.parameters.first { $0.name == name }?.value == value) }
        #expect(try preset.parameters(setting: [("g_ClL", 0)]).gClL == 0)
        #expect(throws: MembraneError.self) { try preset.parameters(setting: [("g_CL", 0)]) }
        do { _ = try preset.parameters(setting: [("g_CL", 0)]) } catch let MembraneError.unknownName(_, _, suggestions) {
            #expect(suggestions.contains("g_ClL"))
        }
        #expect(throws: MembraneError.self) { try preset.parameters(setting: [("g_K", -1)]) }
        #expect(throws: MembraneError.self) { try preset.parameters(setting: [("s", 2)]) }
        // The initial state is the code's (lines 27–32), and the pump stops at 50 s.
        #expect(HubelUllah2016.initialState == [-67, 0.070, 0.978, 277.7, 21.7, 2160])
        #expect(HubelUllah2016().events == [ScenarioEvent(time: 50, .blockPump)])
    }

    @Test("The pump mechanism's derivatives against central differences")
    func pumpDerivatives() {
        let s = HubelUllahPump.saturation(sodiumInside: 22, potassiumOutside: 4.5)
        let h = 1e-6
        let dNa = (HubelUllahPump.saturation(sodiumInside: 22 + h, potassiumOutside: 4.5).value
                   - HubelUllahPump.saturation(sodiumInside: 22 - h, potassiumOutside: 4.5).value) / (2 * h)
        let dK = (HubelUllahPump.saturation(sodiumInside: 22, potassiumOutside: 4.5 + h).value
                  - HubelUllahPump.saturation(sodiumInside: 22, potassiumOutside: 4.5 - h).value) / (2 * h)
        #expect(abs(s.sodiumInside - dNa) < 1e-8 && abs(s.potassiumOutside - dK) < 1e-8)
        // The code's line 142 at its initial concentrations: the reference's I_pump at t = 0.
        #expect(abs(6.8 * HubelUllahPump.saturation(sodiumInside: 25.2777777778, potassiumOutside: 3.88888888889).value - 0.592056293173) < 1e-9)
    }
}
