import MembraneUnits
import MembraneNumerics

/// Rest and excitability against the bath's K⁺ (issue 9: hyperkalemia), one row per [K]ₒ: the resting potential,
/// E_K, and the response to one test pulse from rest (``ActionPotentialBeat``: an action potential or not, V̇max,
/// APD90). For the Luo–Rudy cell the rest is the zero of the total ionic current with every gate and [Ca]ᵢ at its
/// steady state (``LuoRudy1991/rest()``) and the run starts there; for the Hodgkin–Huxley axon (held concentrations)
/// the rest is where the unstimulated cell settles after ``Hyperkalemia/settleTime`` (nil if it keeps firing).
public struct HyperkalemiaRow: Sendable, Hashable {
    /// [K]ₒ, mM.
    public var potassiumOutside: Double
    /// The resting potential, mV (nil: the cell fires by itself, no rest).
    public var rest: Double?
    /// E_K, mV: the Nernst potential of K⁺ (the Luo–Rudy cell: E_K1 = (RT/F)·ln([K]ₒ/[K]ᵢ), the reversal of I_K1).
    public var eK: Double
    /// The Luo–Rudy cell's E_K of I_K, with the Na⁺ permeability PR_NaK (nil for the axon).
    public var eKWithSodium: Double?
    /// Spikes of the unstimulated cell while it settled (spontaneous firing).
    public var spontaneousSpikes: Int
    /// The response to the test pulse.
    public var beat: ActionPotentialBeat
}

/// The two cells of the hyperkalemia table and how each is run.
public enum Hyperkalemia {
    /// How long the Hodgkin–Huxley axon settles without stimulus before the test pulse, s (its slowest gate, n,
    /// relaxes within ~30 ms at 6.3 °C); spikes in the second half count as spontaneous firing.
    public static let settleTime = 0.5
    /// How long after the test pulse each cell is followed: 1000 ms for the ventricular cell (APD ≈ 370 ms),
    /// 100 ms for the axon.
    public static let luoRudyFollow = 1.0, hodgkinHuxleyFollow = 0.1

    /// The Luo–Rudy solver: BDF with rtol 1e-8 and atol 1e-10 in the paper's units (mV, mM).
    public static var luoRudySolver: SimulationSolver {
        var s = SimulationSolver(method: .bdf, relativeTolerance: 1e-8, absoluteTolerance: 1e-10)
        s.integrator.maximumSteps = 10_000_000
        return s
    }

    /// One row of the Luo–Rudy cell `p` at [K]ₒ = `potassiumOutside` mM: its rest, then one pulse of its stimulus
    /// (amplitude and duration; pacing off) at `stimulusStart` from that rest, followed for 1000 ms.
    public static func luoRudy(_ p: LuoRudy1991, potassiumOutside k: Double,
                               solver: SimulationSolver = luoRudySolver) throws -> HyperkalemiaRow {
        var p = p
        p.potassiumOutside = k
        p.pacingCycle = 0
        guard let rest = p.rest() else {
            throw MembraneError.invalidValue(field: "k-o", value: "\(k)", allowed: "a K_o at which the cell has a resting potential (none found between −120 and 60 mV)")
        }
        var simulation = try Simulation(luoRudy: p, duration: p.stimulusStart * 1e-3 + luoRudyFollow, start: rest.state,
                                        solver: solver, stateEvents: [.spikes()])
        let trajectory = simulation.run()
        if case .failed(let reason) = trajectory.termination {
            throw MembraneError.invalidValue(field: "k-o", value: "\(k)", allowed: "a K_o the integration can follow (\(reason))")
        }
        let beats = ActionPotentialBeat.measure(trajectory, onsets: [p.stimulusStart], potential: { $1[0] },
                                                rate: { $0.voltageRate($1) }, ionicRate: { $0.ionicRate($1) })
        return HyperkalemiaRow(potassiumOutside: k, rest: rest.potential, eK: p.eK1, eKWithSodium: p.eK, spontaneousSpikes: 0,
                               beat: beats[0])
    }

    /// One row of the Hodgkin–Huxley axon `preset` (held concentrations) with `overrides` and [K]ₒ = `potassiumOutside`
    /// mM: it settles for ``settleTime`` from NEURON's start, then gets a pulse of `amplitude` µA/cm² for `width`
    /// ms, followed for 100 ms.
    public static func hodgkinHuxley(_ preset: ScenarioPreset, overrides: [(name: String, value: Double)],
                                     potassiumOutside k: Double, amplitude: Double, width: Double) throws -> HyperkalemiaRow {
        var scenario = try preset.scenario(setting: overrides.filter { $0.name != "K_o" } + [("K_o", k)])
        scenario.duration = settleTime + hodgkinHuxleyFollow
        scenario.stimuli = [.currentStep(start: settleTime, duration: width * 1e-3, .microamperesPerSquareCentimetre(amplitude))]
        let trajectory = try solve(scenario, stateEvents: [.spikes()])
        if case .failed(let reason) = trajectory.termination {
            throw MembraneError.invalidValue(field: "k-o", value: "\(k)", allowed: "a K_o the integration can follow (\(reason))")
        }
        let vm = try trajectory.model.observableIndex(named: "vm")
        let v = { (t: Double) -> Double in let (m, y) = trajectory.interpolatedState(at: t); return m.observe(vm, at: t, state: y) * 1e3 }
        // dV/dt (V/s) by a central difference on the dense output (cubic Hermite: exact for its cubic pieces).
        let h = 1e-7
        let rate = { (t: Double) -> Double in (v(t + h) - v(t - h)) / (2 * h) * 1e-3 }
        // −I_ion/C: the rate less the stimulus's I_stim/C (A/m² over F/m²: V/s).
        let stim = try trajectory.model.observableIndex(named: "I_stim"), c = scenario.capacitance.faradsPerSquareMetre
        let ionic = { (t: Double) -> Double in
            let (m, y) = trajectory.interpolatedState(at: t)
            return rate(t) - m.observe(stim, at: t, state: y) / c
        }
        let spikes = trajectory.crossingTimes(of: "spike")
        let beats = ActionPotentialBeat.measure(times: trajectory.times, onsets: [settleTime * 1e3], spikes: spikes,
                                                potential: v, rate: rate, ionicRate: ionic)
        let spontaneous = spikes.filter { $0 >= settleTime / 2 && $0 < settleTime }.count
        let eK = scenario.conditions.thermalVoltage * 1e3
            * Double.log(k / scenario.inside[scenario.ions.firstIndex { $0.name == "K" }!].millimolar)
        return HyperkalemiaRow(potassiumOutside: k, rest: spontaneous > 0 ? nil : beats[0].rest, eK: eK, eKWithSodium: nil,
                               spontaneousSpikes: spontaneous, beat: beats[0])
    }
}
