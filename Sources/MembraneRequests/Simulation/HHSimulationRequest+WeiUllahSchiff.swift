import Membrane
import MembraneReport

extension HHSimulationRequest {
    /// Default simulated time of `wei-ullah-schiff-2014`: 400 s — rest, the anoxic episode from 20 s to 120 s with its
    /// spreading depolarization, and the recovery after reoxygenation (about 130 s later).
    public static let weiUllahSchiffDefaultDuration = 400.0

    /// `simulate hh --preset wei-ullah-schiff-2014`: Wei, Ullah & Schiff 2014 from the initial state of the paper's codes, bath
    /// O₂ lowered to `O2_hypoxia` from `t_hypoxia` to `t_reoxygenation`, on ``Simulation`` with BDF (rtol = atol =
    /// 1e-8 in mV, fmol, µm³, mg/L by default). Spikes are upward crossings of 0 mV on the dense output. States are
    /// recorded every `interval` seconds (or every step for a CSV or figure without one; else every 0.1 s, or
    /// duration/4000 when shorter) for the depolarization summary.
    ///
    /// The cell has no current clamp and no population or concentration options: the options of
    /// ``hodgkinHuxleyOnlyOptions`` are refused with the field named; `block` scales g_Na (TTX) and g_K (TEA).
    public func runWeiUllahSchiff(in context: inout RequestContext) throws -> Output {
        let preset = WeiUllahSchiff2014.preset
        try refuseHodgkinHuxleyOptions(allowed: "nothing for \(preset.name): its bath K⁺ and O₂ are set with --set K_bath=…, O2_bath=…, O2_hypoxia=… (options: duration, set, block, rtol, interval)")
        let settings = try settings(of: preset.parameters, example: "K_bath=8.5, O2_hypoxia=0")
        for note in settings.notes { context.warn(note) }
        var model = try preset.parameters(setting: settings.overrides)
        model.pumpBlockTime = try pumpBlock().time(preset: nil)
        var inForce = settings.inForce  // with `k_bath` read as `K_bath`
        for (name, value) in settings.overrides {
            if let i = inForce.firstIndex(where: { $0.name == (WeiUllahSchiffPreset.aliases[name] ?? name) }) { inForce[i].value = value }
        }
        let (seconds, tolerance, interval, method) = try ownModelIntegration(defaultDuration: Self.weiUllahSchiffDefaultDuration)
        // Records every `interval` s, or every step for a figure, or else every duration/4000 s (at most 0.1 s) for the
        // depolarization summary (onset, time above −20 mV, peak [K]ₒ and volume).
        let recording: Recording = context.wantsFigure || context.wantsTimeSeries
            ? interval.map { .interval($0) } ?? .everyStep
            : .interval(interval ?? min(0.1, seconds / 4000))
        var solver = SimulationSolver(method: method, relativeTolerance: tolerance, absoluteTolerance: tolerance)
        solver.integrator.maximumSteps = 10_000_000
        var simulation = try Simulation(weiUllahSchiff: model, duration: seconds, solver: solver, stateEvents: [.spikes()],
                                        recording: recording)
        let (termination, wallTime) = SimulationDriver.run(&simulation, context: &context)
        let report = WeiUllahSchiffReport(trajectory: simulation.trajectory(termination: termination), termination: termination,
                                          duration: seconds, parameters: inForce, method: solver.methodName,
                                          statistics: simulation.statistics, wallTime: wallTime, interval: interval)
        return Output(run: .weiUllahSchiff(report), interval: interval)
    }
}
