import Membrane
import MembraneReport

extension HHSimulationRequest {
    /// Default simulated time of `hubel-ullah-2016`: 1000 s, the span of the paper's Fig. 3 (the pump stops at 50 s;
    /// the burst, depolarisation block and swelling follow within a few hundred seconds).
    public static let hubelUllahDefaultDuration = 1000.0

    /// `simulate hh --preset hubel-ullah-2016`: Hübel & Ullah 2016 (ModelDB 187599 `code_Fig3.ode`) from the code's
    /// initial state, the pump stopped at `t_pump_stop` (50 s), on ``Simulation`` with BDF (rtol 1e-8 and atol 1e-8
    /// in the code's units: mV, fmol, µm³; BENCHMARKS.md: V(1000 s) within 1e-6 mV of LSODA at rtol 1e-12). Spikes
    /// are upward crossings of 0 mV located on the dense output. Only crossings and the final state are kept, unless
    /// the caller wants a CSV or figure (then every step, or every `interval` seconds).
    ///
    /// The cell has no current clamp and no population or concentration options: the options of
    /// ``hodgkinHuxleyOnlyOptions`` are refused with the field named.
    public func runHubelUllah(in context: inout RequestContext) throws -> Output {
        let preset = HubelUllah2016.preset
        try refuseHodgkinHuxleyOptions(allowed: "nothing for \(preset.name): its cell fires after the pump stops, with no current clamp, and its Na⁺, K⁺, Cl⁻ and volume always follow the currents (options: duration, set, block, rtol, interval)")
        let settings = try settings(of: preset.parameters, example: "g_ClL=0, rho_max=5")
        for note in settings.notes { context.warn(note) }
        var model = try preset.parameters(setting: settings.overrides)
        var inForce = settings.inForce
        let block = try pumpBlock()
        if block != .asPreset {
            // `pump-block-at` is t_pump_stop by another name: both given, they must agree.
            if let set = settings.overrides.last(where: { $0.name == "t_pump_stop" }), block != .at(set.value) {
                throw MembraneError.invalidValue(field: "pump-block-at", value: pumpBlockAt?.text ?? "",
                                                 allowed: "the same time as --set t_pump_stop=\(set.value) (both stop \(preset.name)'s pump), or only one of them")
            }
            model.pumpStopTime = block.time(preset: model.pumpStopTime)
            if let t = model.pumpStopTime, let i = inForce.firstIndex(where: { $0.name == "t_pump_stop" }) { inForce[i].value = t }
        }
        let (seconds, tolerance, interval, method) = try ownModelIntegration(defaultDuration: Self.hubelUllahDefaultDuration)
        let recording = PumpLeakSimulationRequest.recording(interval: interval, wantsFigure: context.wantsFigure || context.wantsTimeSeries)
        var solver = SimulationSolver(method: method, relativeTolerance: tolerance, absoluteTolerance: tolerance)
        solver.integrator.maximumSteps = 10_000_000
        var simulation = try Simulation(hubelUllah: model, duration: seconds, solver: solver, stateEvents: [.spikes()],
                                        recording: recording)
        let (termination, wallTime) = SimulationDriver.run(&simulation, context: &context)
        let report = HubelUllahReport(trajectory: simulation.trajectory(termination: termination), termination: termination,
                                      duration: seconds, parameters: inForce, method: solver.methodName,
                                      statistics: simulation.statistics, wallTime: wallTime, interval: interval)
        return Output(run: .hubelUllah(report), interval: interval)
    }
}
