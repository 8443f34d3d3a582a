import Membrane
import MembraneReport

extension HHSimulationRequest {
    /// Default simulated time of `luo-rudy-1991`: 2 s, two beats at the default 1 Hz pacing (onsets 100 and 1100 ms).
    public static let luoRudyDefaultDuration = 2.0
    /// The longest `luo-rudy-1991` run, s: every step is kept for the beat analysis (about 1200 steps, 130 kB per beat).
    public static let luoRudyMaxDuration = 120.0

    /// `simulate hh --preset luo-rudy-1991`: Luo & Rudy 1991's ventricular cell from its rest at the parameters'
    /// K_o, paced by its stimulus (25.5 µA/cm² for 2 ms every 1000 ms from 100 ms; `set` changes the protocol), on
    /// ``Simulation`` with BDF (rtol 1e-8, atol 1e-10 in mV and mM). Every step is recorded: per beat the rest, the
    /// peak, V̇max and APD90 (``ActionPotentialBeat``); spikes are upward crossings of 0 mV on the dense output.
    ///
    /// `stimulus-uA-per-cm2` sets the pulses' amplitude (as `set stim_amplitude=…`); `cells`, `concentrations`,
    /// `extracellular-volume-relative`, `spike-cost`, `stimulus-protocol`, `voltage-clamp` and `permeation` are refused
    /// with the field named.
    public func runLuoRudy(in context: inout RequestContext) throws -> Output {
        let preset = LuoRudy1991.preset
        try refuseHodgkinHuxleyOptions(accepting: ["stimulus-uA-per-cm2"],
                                       allowed: "nothing for \(preset.name): one ventricular cell with fixed Na⁺ and K⁺ (set K_o with --set K_o=8; options: duration, set, stimulus-uA-per-cm2, rtol, interval)")
        if case .at = try pumpBlock() {
            throw MembraneError.invalidValue(field: "pump-block-at", value: pumpBlockAt?.text ?? "",
                                             allowed: "nothing for \(preset.name): the Luo–Rudy 1991 cell has no Na⁺/K⁺ pump (its [Na]ᵢ and [K]ᵢ are held fixed)")
        }
        let settings = try settings(of: preset.parameters, example: "K_o=8, pacing_cycle_ms=500")
        for note in settings.notes { context.warn(note) }
        var overrides = settings.overrides, inForce = settings.inForce
        if let stimulus {
            let allowed = "the amplitude of the pacing pulses in µA/cm² (depolarising, ≥ 0; default 25.5)"
            let amplitude = try QuantityParser.number(stimulus.text, field: "stimulus-uA-per-cm2", allowed: allowed)
            guard amplitude.isFinite, amplitude >= 0 else {
                throw MembraneError.invalidValue(field: "stimulus-uA-per-cm2", value: stimulus.text, allowed: allowed)
            }
            if overrides.contains(where: { $0.name == "stim_amplitude" }) {
                throw MembraneError.invalidValue(field: "stimulus-uA-per-cm2", value: stimulus.text,
                                                 allowed: "either --stimulus-uA-per-cm2 or --set stim_amplitude=…, not both")
            }
            overrides.append(("stim_amplitude", amplitude))
            if let i = inForce.firstIndex(where: { $0.name == "stim_amplitude" }) { inForce[i].value = amplitude }
        }
        let model = try preset.parameters(setting: overrides)
        let (seconds, tolerance, interval, method) = try ownModelIntegration(defaultDuration: Self.luoRudyDefaultDuration,
                                                                           preferredMethod: .bdf)
        guard seconds <= Self.luoRudyMaxDuration else {
            throw MembraneError.invalidValue(field: "duration", value: duration?.text ?? "",
                                             allowed: "at most \(Int(Self.luoRudyMaxDuration)) s for \(preset.name) (every step is kept for the beat analysis)")
        }
        guard let rest = model.rest() else {
            throw MembraneError.invalidValue(field: "set", value: set?.text ?? "",
                                             allowed: "parameters with which the cell has a resting potential (none found between −120 and 60 mV)")
        }
        var solver = Hyperkalemia.luoRudySolver
        solver.method = method
        solver.integrator.relativeTolerance = tolerance
        solver.integrator.absoluteTolerance = tolerance * 1e-2
        var simulation = try Simulation(luoRudy: model, duration: seconds, start: rest.state, solver: solver,
                                        stateEvents: [.spikes()], recording: .everyStep)
        let (termination, wallTime) = SimulationDriver.run(&simulation, context: &context)
        let trajectory = simulation.trajectory(termination: termination)
        let beats = ActionPotentialBeat.measure(trajectory, onsets: model.stimulusOnsets(until: seconds * 1e3),
                                                potential: { $1[0] }, rate: { $0.voltageRate($1) }, ionicRate: { $0.ionicRate($1) })
        let report = LuoRudyReport(trajectory: trajectory, termination: termination, duration: seconds, parameters: inForce,
                                   rest: rest.potential, beats: beats, method: solver.methodName,
                                   statistics: simulation.statistics, wallTime: wallTime, interval: interval)
        return Output(run: .luoRudy(report), interval: interval)
    }
}
