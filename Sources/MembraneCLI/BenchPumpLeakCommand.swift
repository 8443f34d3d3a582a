import ArgumentParser
import Foundation
import Membrane
import MembraneReport
import MembraneRequests

/// `membrane bench-pump-leak`: time to the steady state (Newton, and by integrating 10⁶ s with the pump on) and to
/// simulate an hour of pump block (kay-2017), the Membrane side of Benchmarks/peers/pump_leak_peer.py (BENCHMARKS.md).
struct BenchPumpLeakCommand: CalculationCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-pump-leak",
        abstract: "Time the kay-2017 steady state and 1 h of pump block (use a release build; see BENCHMARKS.md).")

    @Option(parsing: .unconditional, help: "Repetitions per case (the median is reported).") var repeats: Int = 20
    @Option(help: "Integrator: rodas4, bdf or auto.") var method: String = SimulationSolver().method.rawValue
    @Option(parsing: .unconditional, help: "Relative tolerance of the simulation.") var rtol: Double = 1e-8
    @Option(parsing: .unconditional, help: "Absolute tolerance of the simulation (mM).") var atol: Double = 1e-10
    @Flag(help: "Time only the Newton steady state (for profiling it).") var newtonOnly = false
    @OptionGroup var output: OutputOptions

    struct Report: Renderable {
        var rows: [(String, Double, String)]
        var values: [(String, JSONValue)]
        var json: JSONValue {
            .object(rows.map { ($0.0, .object([("median_s", .number($0.1)), ("detail", .string($0.2))])) } + values)
        }
        var text: String {
            var t = TextTable(headers: ["case", "median time", "detail"])
            for r in rows { t.add([r.0, "\(Format.significant(r.1 * 1e3, 4)) ms", r.2]) }
            return t.render()
        }
    }

    func execute() throws -> any Renderable {
        try MembraneError.requirePositive(Double(repeats), field: "repeats")
        let clock = ContinuousClock()
        func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
        func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }
        let kay = Scenario.kay2017
        var steadyTimes: [Double] = []
        var steady: SteadyState! = nil
        for _ in 0..<repeats {
            let t0 = clock.now
            steady = try SteadyStateSolver().solve(kay)
            steadyTimes.append(seconds(clock.now - t0))
        }
        let steadyRow = ("steady state (kay-2017, Newton)", median(steadyTimes),
                         "V = \(Format.fixed(steady.state.potential.millivolts, 4)) mV, \(steady.iterations) iterations")
        let steadyValues: [(String, JSONValue)] = [("steady_state_vm_mV", .number(steady.state.potential.millivolts)),
                                                   ("steady_state_iterations", .integer(steady.iterations))]
        if newtonOnly { return Report(rows: [steadyRow], values: steadyValues) }
        var blocked = kay
        blocked.events = [ScenarioEvent(time: 0, .blockPump)]
        blocked.duration = 3600
        let solver = SimulationSolver(method: try InputParsing.integrationMethod(method), relativeTolerance: rtol, absoluteTolerance: atol)
        var simTimes: [Double] = []
        var trajectory: Trajectory<CellModel>! = nil
        for _ in 0..<repeats {
            let t0 = clock.now
            trajectory = try solve(blocked, using: solver, from: steady.stateVector)
            simTimes.append(seconds(clock.now - t0))
        }
        // The steady state by time integration: pump on, from the preset's initial state (where Newton starts),
        // over a horizon of 10⁶ s (thousands of the slowest relaxation time, ~330 s), as the peer's rule (b).
        var pumpOn = kay
        pumpOn.events = []
        pumpOn.duration = 1e6
        var integrationTimes: [Double] = []
        var settled: Trajectory<CellModel>! = nil
        for _ in 0..<repeats {
            let t0 = clock.now
            settled = try solve(pumpOn, using: solver)
            integrationTimes.append(seconds(clock.now - t0))
        }
        let settledState = settled.stateVector(at: settled.count - 1), newtonState = steady.stateVector
        var amountDeviation = 0.0
        for j in kay.ions.indices { amountDeviation = max(amountDeviation, abs(settledState[j] / newtonState[j] - 1)) }
        let settledV = settled.final.potential.millivolts
        let f = trajectory.final
        let values: [(String, JSONValue)] = [
            ("steady_integration_vm_mV", .number(settledV)),
            ("steady_integration_vm_minus_newton_mV", .number(settledV - steady.state.potential.millivolts)),
            ("steady_integration_max_relative_amount_minus_newton", .number(amountDeviation)),
            ("steady_integration_steps", .integer(settled.statistics.acceptedSteps)),
            ("steady_integration_rhs_evaluations", .integer(settled.statistics.rhsEvaluations)),
            ("block_1h_vm_mV", .number(f.potential.millivolts)),
            ("block_1h_volume_relative", .number(f.relativeVolume)),
            ("block_1h_steps", .integer(trajectory.statistics.acceptedSteps)),
            ("block_1h_rhs_evaluations", .integer(trajectory.statistics.rhsEvaluations)),
            ("block_1h_jacobian_evaluations", .integer(trajectory.statistics.jacobianEvaluations)),
            ("block_1h_lu_decompositions", .integer(trajectory.statistics.decompositions)),
            ("method", .string(solver.methodName)),
            ("rtol", .number(rtol)), ("atol", .number(atol)),
        ]
        return Report(rows: [
            steadyRow,
            ("steady state by integration (10⁶ s)", median(integrationTimes),
             "\(solver.methodName), rtol \(rtol), \(settled.statistics.acceptedSteps) steps; V − V_Newton = \(Format.significant(settledV - steady.state.potential.millivolts, 3)) mV"),
            ("1 h pump block from steady state", median(simTimes),
             "\(solver.methodName), rtol \(rtol), \(trajectory.statistics.acceptedSteps) steps; V(3600 s) = \(Format.fixed(f.potential.millivolts, 4)) mV, volume × \(Format.significant(f.relativeVolume, 6))"),
        ], values: steadyValues + values)
    }
}
