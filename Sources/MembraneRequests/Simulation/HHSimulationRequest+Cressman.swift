import Membrane
import MembraneReport

extension HHSimulationRequest {
    /// Default simulated time of `cressman-2009`: 300 s, about ten periods of the seizure-like oscillation at bath
    /// K⁺ 8 mM (a burst every ≈ 29.5 s) and enough for the resting cell at 4 mM to settle.
    public static let cressmanDefaultDuration = 300.0

    /// `simulate hh --preset cressman-2009`: Cressman et al. 2009 with the 2011 erratum from the authors' initial
    /// state, on ``Simulation`` with BDF (rtol 1e-8 and atol 1e-8 in the paper's units: mV, mM). Spikes are upward
    /// crossings of 0 mV located on the dense output; bursts are runs of spikes less than
    /// ``CressmanReport/burstGap`` apart. Only crossings (with their states) and the final state are kept, unless the
    /// caller wants a CSV or figure (then every step, or every `interval` seconds).
    ///
    /// The cell has no current clamp and no population or concentration options: the options of
    /// ``hodgkinHuxleyOnlyOptions`` are refused with the field named; `block` scales g_Na (TTX)
    /// and g_K (TEA) as for the other presets.
    public func runCressman(in context: inout RequestContext) throws -> Output {
        let preset = Cressman2009.preset
        try refuseHodgkinHuxleyOptions(allowed: "nothing for \(preset.name): its cell has no current clamp, its K⁺, Na⁺ and Ca²⁺ always follow the currents, pump, glia and bath (options: duration, set, block, rtol, interval)")
        let settings = try settings(of: preset.parameters, example: "k_bath=8, G_glia=66")
        for note in settings.notes { context.warn(note) }
        var model = try preset.parameters(setting: settings.overrides)
        model.pumpBlockTime = try pumpBlock().time(preset: nil)
        let (seconds, tolerance, interval, method) = try ownModelIntegration(defaultDuration: Self.cressmanDefaultDuration)
        let recording = PumpLeakSimulationRequest.recording(interval: interval, wantsFigure: context.wantsFigure || context.wantsTimeSeries)
        var solver = SimulationSolver(method: method, relativeTolerance: tolerance, absoluteTolerance: tolerance)
        solver.integrator.maximumSteps = 50_000_000
        var simulation = try Simulation(cressman: model, duration: seconds, solver: solver, stateEvents: [.spikes()],
                                        recording: recording)
        let (termination, wallTime) = SimulationDriver.run(&simulation, context: &context)
        let report = CressmanReport(trajectory: simulation.trajectory(termination: termination), termination: termination,
                                    duration: seconds, parameters: settings.inForce, method: solver.methodName,
                                    statistics: simulation.statistics, wallTime: wallTime, interval: interval)
        return Output(run: .cressman(report), interval: interval)
    }
}
