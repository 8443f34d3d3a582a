import Membrane
import MembraneReport

/// `simulate pump-leak`: the time course of the pump–leak cell (V_m, concentrations, volume) with pump block and
/// release, by a stiff adaptive integrator (Rodas4 or variable-order BDF).
public struct PumpLeakSimulationRequest: MembraneRequest, PumpLeakInputs, SimulationInputs {
    public static let command = "simulate/pump-leak"
    /// Start from the preset's initial state; `steady-state` starts from its pump-on steady state.
    public static let defaultStart = "initial"

    public var preset: String?
    public var config: PumpLeakConfig?
    public var pumpRate: Scalar?
    public var pumpCurrent: Scalar?
    public var atp: Scalar?
    public var adp: Scalar?
    public var phosphate: Scalar?
    /// Simulated time in seconds (default: the preset's).
    public var duration: Scalar?
    /// Block the pump at this time (s), or `none` to remove the preset's block.
    public var pumpBlockAt: Scalar?
    public var pumpReleaseAt: Scalar?
    public var start: String?
    public var interval: Scalar?
    public var method: String?
    public var rtol: Scalar?
    public var atol: Scalar?
    public var maxSteps: Int?
    public var maxStep: Scalar?
    public var temperature: Scalar?
    public var constants: String?
    public var set: Assignments?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case preset, config, duration, start, interval, method, rtol, atol, temperature, constants, set
        case pumpRate = "pump-rate", pumpCurrent = "pump-current-uA-per-cm2", atp = "atp-mM", adp = "adp-mM"
        case phosphate = "phosphate-mM", pumpBlockAt = "pump-block-at", pumpReleaseAt = "pump-release-at"
        case maxSteps = "max-steps", maxStep = "max-step"
    }

    public init(preset: String? = nil) { self.preset = preset }

    /// The report, and the recorded states for a CSV or a plot (every step, or resampled every `interval`).
    ///
    /// What the trajectory holds depends on what the caller asked for (``recording(interval:wantsFigure:)``): without a
    /// figure or CSV only the initial and the final state (memory independent of the number of steps); with one, every step or the samples every `interval` (at most
    /// ``SimulationDefaults/maxSamples``).
    public struct Output: Renderable {
        public var report: SimulationReport
        public var interval: Double?
        public var json: JSONValue { report.json }
        public var text: String { report.text }
        /// The time series: every recorded point (every accepted step, or the cubic Hermite samples every
        /// `interval` seconds taken during the run, and the final state).
        public var states: [CellState] {
            let t = report.trajectory
            return (0..<t.count).map { t.cellState(at: $0) }
        }
        /// The time series as CSV (columns named as the JSON state object), made one record at a time.
        public var csv: String {
            let t = report.trajectory
            return SimulationReport.csv(count: t.count) { t.cellState(at: $0) }
        }
    }

    /// V_m, inside concentrations and volume against time, at the CSV's times.
    public func figure(of output: Output) -> SVGFigure? {
        SimulationReport.figure(output.states, title: output.report.trajectory.scenario.name)
    }

    /// The scenario with the duration and pump events applied, and the start state (nil: the preset's initial one).
    public func scenarioAndStart() throws -> (Scenario, [Double]?) {
        var s = try scenario()
        if let duration { s.duration = try duration.number(field: "duration") }
        if let pumpBlockAt {
            s.events.removeAll { $0.action == .blockPump }
            if pumpBlockAt.text.lowercased() != "none" {
                let t = try pumpBlockAt.nonNegative(field: "pump-block-at", allowed: "a time ≥ 0 s, or none")
                s.events.append(ScenarioEvent(time: t, .blockPump))
            }
        }
        if let pumpReleaseAt {
            let t = try pumpReleaseAt.nonNegative(field: "pump-release-at", allowed: "a time ≥ 0 s")
            s.events.append(ScenarioEvent(time: t, .releasePump))
        }
        try s.validate()
        switch start ?? Self.defaultStart {
        case "initial": return (s, nil)
        case "steady-state":
            var pumpOn = s
            pumpOn.pumpActivity = 1
            return (s, try SteadyStateSolver().solve(pumpOn).stateVector)
        default:
            throw MembraneError.invalidValue(field: "start", value: start ?? "", allowed: "initial or steady-state")
        }
    }

    /// What a run records: with a figure or CSV (`wantsFigure`) every accepted step, or the samples every `interval`
    /// seconds (cubic Hermite, nothing stored per step); without, only the initial and final states, which is all
    /// the report needs, so that a long run's memory does not grow with its steps.
    public static func recording(interval: Double?, wantsFigure: Bool) -> Recording {
        guard wantsFigure else { return .crossingsAndFinal }
        return interval.map { Recording.interval($0) } ?? .everyStep
    }

    public func run(in context: inout RequestContext) throws -> Output {
        let (scenario, y0) = try scenarioAndStart()
        let solver = try solver()
        // The cap on the number of samples is checked whether or not samples are kept (the same input is refused
        // the same way by the command line and the API, with or without a CSV).
        let interval = try samplingInterval(over: scenario.duration)
        let recording = Self.recording(interval: interval, wantsFigure: context.wantsFigure || context.wantsTimeSeries)
        var simulation = try Simulation(scenario: scenario, solver: solver, start: y0, recording: recording)
        let (termination, seconds) = SimulationDriver.run(&simulation, context: &context)
        return Output(report: SimulationReport(trajectory: simulation.trajectory(termination: termination), wallTime: seconds),
                      interval: interval)
    }
}
