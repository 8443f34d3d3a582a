import Membrane
import MembraneReport

extension HHSimulationRequest {
    /// The simulated time of a clamp without `duration`: the protocol's end plus 5 ms (50 ms for a plain hold).
    static func clampDefaultDuration(_ p: StimulusProtocol.VoltageClampProtocol) -> Double {
        let end = p.commands.map(\.end).max() ?? 0
        // In ms rounded to 1 ns, so that a protocol ending at 105 ms gives 0.11 s, not 0.11000000000000001.
        return end > 0 ? ((end * 1e9).rounded() / 1e6 + 5) / 1e3 : 50e-3
    }

    /// `simulate hh --voltage-clamp PROTOCOL`: the preset's cell under an ideal voltage clamp (``VoltageClampedCell``:
    /// V_m = V_cmd exactly, as Hodgkin & Huxley 1952 modelled their experiments; no series resistance), one sweep
    /// per level of the protocol (``StimulusProtocol/voltageClamp(_:holding:field:)``), each on ``Simulation``
    /// (Rodas4, rtol 1e-8 or `rtol`, every step recorded), measured over the test step (``VoltageClampSweep``).
    /// The current clamp (`stimulus-uA-per-cm2`, `stimulus-protocol`) and `cells` are refused with it.
    public func runVoltageClamp(in context: inout RequestContext) throws -> Output {
        let typed = voltageClamp ?? ""
        let conflicts: [(String, String?)] = [("stimulus-uA-per-cm2", stimulus?.text), ("stimulus-protocol", stimulusProtocol),
                                              ("cells", cells.map { "\($0)" })]
        if let (field, value) = conflicts.first(where: { $0.1 != nil }) {
            throw MembraneError.invalidValue(field: field, value: value ?? "",
                                             allowed: "no current clamp and one cell with `voltage-clamp` (the clamp sets V_m)")
        }
        let (preset, scenario, parameters, notes) = try presetScenario()
        for note in notes { context.warn(note) }
        let holding = scenario.initialPotential?.volts ?? -0.065
        let clampProtocol = try StimulusProtocol.voltageClamp(typed, holding: holding)
        let seconds = try durationSeconds(default: Self.clampDefaultDuration(clampProtocol))
        let tolerance = try rtol.map { try $0.positive(field: "rtol", allowed: "a relative tolerance in (0, 1), e.g. 1e-8") } ?? 1e-8
        guard tolerance < 1 else {
            throw MembraneError.invalidValue(field: "rtol", value: rtol?.text ?? "", allowed: "a relative tolerance in (0, 1), e.g. 1e-8")
        }
        let interval = try interval.map { try $0.positive(field: "interval", allowed: "a sampling interval > 0 s") }
        if let interval {
            try SimulationDefaults.checkSampleCount(interval: interval, typed: self.interval?.text ?? "", duration: seconds)
        }
        let solver = SimulationSolver(relativeTolerance: tolerance, absoluteTolerance: tolerance * 1e-2)
        var sweeps: [VoltageClampSweep] = [], termination = Termination.finished, wall = 0.0
        let window = clampProtocol.window.map { min($0.lowerBound, seconds)...min($0.upperBound, seconds) } ?? 0...seconds
        for (command, level) in zip(clampProtocol.commands, clampProtocol.levels) {
            let model = try VoltageClampedCell(scenario: scenario, command: command)
            var simulation = try Simulation(model: model, duration: seconds, solver: solver, recording: .everyStep)
            let (ending, time) = SimulationDriver.run(&simulation, context: &context)
            wall += time
            sweeps.append(VoltageClampSweep(trajectory: simulation.trajectory(termination: ending), level: level, window: window))
            if ending != .finished { termination = ending; break }
        }
        let report = VoltageClampReport(preset: preset.name, parameters: parameters, protocolText: typed, sweeps: sweeps,
                                        window: clampProtocol.window == nil ? nil : window, duration: seconds,
                                        method: "\(solver.methodName) per sweep (rtol \(tolerance)), ideal clamp",
                                        wallTime: wall, termination: termination, interval: interval)
        return Output(run: .voltageClamp(report), interval: interval)
    }
}
