import ArgumentParser
import Foundation
import Membrane
import MembraneRequests

/// `membrane simulate MODEL`: time courses (one subcommand per model, each mapping its flags onto its request).
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate a model over time (pump-leak, hh; see each model's help).",
        subcommands: [SimulatePumpLeakCommand.self, SimulateHHCommand.self])

    /// `membrane simulate` without a model is a usage error (exit 64), not the help with success.
    func run() throws {
        let models = Self.configuration.subcommands.map { $0.configuration.commandName ?? "" }
        throw MembraneError.invalidValue(field: "model", value: "",
                                         allowed: "a model to simulate: \(models.joined(separator: " or ")) (membrane simulate pump-leak --help)")
    }
}

/// The integrator options every `simulate MODEL` shares (MembraneRequests' `SimulationInputs`).
struct IntegratorOptions: ParsableArguments {
    @Option(help: "Integrator: rodas4 (Rosenbrock, default), bdf (variable-order NDF/BDF) or auto (Dormand–Prince, switching to BDF where stiff).") var method: String?
    @Option(parsing: .unconditional, help: "Relative tolerance (default 1e-8).") var rtol: Scalar?
    @Option(parsing: .unconditional, help: "Absolute tolerance in mM (default 1e-10).") var atol: Scalar?
    @Option(name: .customLong("max-steps"), parsing: .unconditional, help: "Stop after this many steps (termination step_limit; default 1000000).") var maxSteps: Int?
    @Option(name: .customLong("max-step"), parsing: .unconditional, help: "Largest step in seconds.") var maxStep: Scalar?
    @Option(parsing: .unconditional, help: "Resample the CSV and plot every S seconds (default: every step).") var interval: Scalar?

    func apply<R: SimulationInputs>(to r: inout R) {
        r.method = method
        r.rtol = rtol
        r.atol = atol
        r.maxSteps = maxSteps
        r.maxStep = maxStep
        r.interval = interval
    }
}

struct SimulatePumpLeakCommand: RequestCommand {
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
    @Option(name: .customLong("set"), help: "NAME=VALUE: not for pump–leak presets (their parameters are set with --config FILE).") var set: [String] = []
    @Option(parsing: .unconditional, help: "Simulated time in seconds (default: the preset's).") var duration: Scalar?
    @Option(name: .customLong("pump-block-at"), parsing: .unconditional, help: "Block the pump at this time (s), or 'none'.") var pumpBlockAt: Scalar?
    @Option(name: .customLong("pump-release-at"), parsing: .unconditional, help: "Restart the pump at this time (s).") var pumpReleaseAt: Scalar?
    @Option(help: "Start from the preset's initial state (initial, default) or its pump-on steady state (steady-state).") var start: String?
    @Option(help: "Write the time series as CSV (columns named as the JSON state object).") var csv: String?
    @Option(help: "Write V_m, concentrations and volume against time as an SVG plot.") var plot: String?
    @OptionGroup var integrator: IntegratorOptions
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    var progressLabel: String? { "pump-leak" }
    /// The CSV asks the run to record its time series (without drawing the figure).
    var wantsTimeSeries: Bool { csv != nil }
    var outputFiles: [(field: String, path: String?)] { [("csv", csv), ("plot", plot)] }

    func request() throws -> PumpLeakSimulationRequest {
        var r = PumpLeakSimulationRequest()
        try pumpLeak.apply(to: &r)
        r.set = set.isEmpty ? nil : Assignments(set.joined(separator: ", "))
        r.duration = duration
        r.pumpBlockAt = pumpBlockAt
        r.pumpReleaseAt = pumpReleaseAt
        r.start = start
        integrator.apply(to: &r)
        r.temperature = conditions.temperature
        r.constants = conditions.constants
        return r
    }

    func writeFiles(_ output: inout PumpLeakSimulationRequest.Output) throws {
        if let csv { try OutputFile.write(output.csv, to: csv, field: "csv") }
        output.report.csvPath = csv
        output.report.plotPath = plot
    }
}
