import ArgumentParser
import Foundation
import Membrane
import MembraneReport

/// `membrane simulate MODEL`: time courses (one subcommand per model).
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate a model over time (pump-leak; see each model's help).",
        subcommands: [SimulatePumpLeakCommand.self])
}

struct SimulatePumpLeakCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pump-leak",
        abstract: "Time course of the pump–leak cell: V_m, concentrations and volume, with pump block and release.",
        discussion: """
        Examples:
          membrane simulate pump-leak --preset kay-2017 --duration 10000 --csv kay.csv --plot kay.svg
          membrane simulate pump-leak --preset kay-2017 --start steady-state --pump-block-at 0 --duration 3600
        The kay-2017 preset blocks the pump at 5000 s as in Kay's script; --pump-block-at S moves the block (none
        removes it) and --pump-release-at S restarts the pump. The integrator (--method) is Rodas4 (Rosenbrock) or BDF
        (variable-order NDF/BDF as MATLAB's ode15s and scipy's solve_ivp BDF), both stiff and adaptive; every
        accepted step is recorded unless --interval S resamples the CSV and plot (cubic Hermite). Ctrl-C stops the
        run and writes what was computed (termination "interrupted", exit status 130).
        """)

    @OptionGroup var pumpLeak: PumpLeakOptions
    @Option(parsing: .unconditional, help: "Simulated time in seconds (default: the preset's).") var duration: String?
    @Option(name: .customLong("pump-block-at"), parsing: .unconditional, help: "Block the pump at this time (s), or 'none'.") var pumpBlockAt: String?
    @Option(name: .customLong("pump-release-at"), parsing: .unconditional, help: "Restart the pump at this time (s).") var pumpReleaseAt: String?
    @Option(help: "Start from the preset's initial state (initial) or its pump-on steady state (steady-state).") var start: String = "initial"
    @Option(help: "Write the time series as CSV (columns named as the JSON state object).") var csv: String?
    @Option(help: "Write V_m, concentrations and volume against time as an SVG plot.") var plot: String?
    @Option(parsing: .unconditional, help: "Resample the CSV and plot every S seconds (default: every step).") var interval: String?
    @Option(help: "Integrator: rodas4 (Rosenbrock) or bdf (variable-order NDF/BDF).") var method: String = SimulationSolver().method.rawValue
    @Option(parsing: .unconditional, help: "Relative tolerance (default 1e-8).") var rtol: String = "1e-8"
    @Option(parsing: .unconditional, help: "Absolute tolerance in mM (default 1e-10).") var atol: String = "1e-10"
    @Option(name: .customLong("max-steps"), help: "Stop after this many steps (termination step_limit).") var maxSteps: Int = 1_000_000
    @Option(name: .customLong("max-step"), parsing: .unconditional, help: "Largest step in seconds.") var maxStep: String?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func scenarioAndStart() throws -> (Scenario, [Double]?) {
        var s = try pumpLeak.scenario(conditions: conditions)
        if let duration { s.duration = try Inputs.number(duration, field: "duration") }
        if let pumpBlockAt {
            s.events.removeAll { $0.action == .blockPump }
            if pumpBlockAt.lowercased() != "none" {
                let t = try Inputs.number(pumpBlockAt, field: "pump-block-at")
                try MembraneError.requireNonNegative(t, field: "pump-block-at", allowed: "a time ≥ 0 s, or none")
                s.events.append(ScenarioEvent(time: t, .blockPump))
            }
        }
        if let pumpReleaseAt {
            let t = try Inputs.number(pumpReleaseAt, field: "pump-release-at")
            try MembraneError.requireNonNegative(t, field: "pump-release-at", allowed: "a time ≥ 0 s")
            s.events.append(ScenarioEvent(time: t, .releasePump))
        }
        try s.validate()
        switch start {
        case "initial": return (s, nil)
        case "steady-state":
            var pumpOn = s
            pumpOn.pumpActivity = 1
            let steady = try SteadyStateSolver().solve(pumpOn)
            return (s, steady.stateVector)
        default:
            throw MembraneError.invalidValue(field: "start", value: start, allowed: "initial or steady-state")
        }
    }

    func run() throws {
        let (scenario, y0) = try scenarioAndStart()
        let rtolValue = try Inputs.number(rtol, field: "rtol"), atolValue = try Inputs.number(atol, field: "atol")
        let maxStepValue = try maxStep.map { try Inputs.number($0, field: "max-step") } ?? .infinity
        let solver = SimulationSolver(method: try Inputs.integrationMethod(method), relativeTolerance: rtolValue, absoluteTolerance: atolValue,
                                      maximumStep: maxStepValue, maximumSteps: maxSteps)
        let intervalValue = try interval.map { try Inputs.number($0, field: "interval") }
        if let i = intervalValue { try MembraneError.requirePositive(i, field: "interval", allowed: "a sampling interval > 0 s") }
        var simulation = try Simulation(scenario: scenario, solver: solver, start: y0)
        var progress = ProgressBar(label: "pump-leak")
        Interrupt.install()
        let clock = ContinuousClock()
        let started = clock.now
        var termination = Termination.finished
        loop: while true {
            if Interrupt.requested { termination = .interrupted; break }
            switch simulation.step() {
            case .accepted:
                if simulation.recordCount % 16 == 0 {
                    progress.update(simulation.progress, detail: "t = \(Format.significant(simulation.time, 5)) s")
                }
            case .finished: termination = .finished; break loop
            case .stepLimit: termination = .stepLimit; break loop
            case .failed(let reason): termination = .failed(reason: reason); break loop
            }
        }
        let elapsed = clock.now - started
        progress.finish()
        Interrupt.restore()
        let trajectory = simulation.trajectory(termination: termination)
        let states = intervalValue.map { trajectory.sampled(every: $0) } ?? (0..<trajectory.count).map { trajectory.cellState(at: $0) }
        if let csv { try SimulationReport.csv(states).write(toFile: csv, atomically: true, encoding: .utf8) }
        if let plot { try SimulationReport.svg(states, title: scenario.name).write(toFile: plot, atomically: true, encoding: .utf8) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        output.emit(SimulationReport(trajectory: trajectory, csvPath: csv, plotPath: plot, wallTime: seconds))
        if termination == .interrupted { Foundation.exit(130) }
        if case .failed = termination { Foundation.exit(70) }
    }
}
