import Membrane
import MembraneReport

/// The integrator fields every `simulate MODEL` request shares: `method`, `rtol`, `atol`, `max-steps`,
/// `max-step` and `interval`. A new model's request declares them (with these coding keys) and gets the
/// solver and the sampling interval from here, and the run loop from ``SimulationDriver``.
public protocol SimulationInputs {
    var method: String? { get set }
    var rtol: Scalar? { get set }
    var atol: Scalar? { get set }
    var maxSteps: Int? { get set }
    var maxStep: Scalar? { get set }
    var interval: Scalar? { get set }
}

/// The integrator's defaults: Rodas4 at rtol 1e-8 and atol 1e-10 mM (BENCHMARKS.md: accurate to 1e-9 mV on the
/// pump–leak cell), at most 10⁶ steps, no step-size cap.
public enum SimulationDefaults {
    public static let method = SimulationSolver().method.rawValue
    public static let rtol: Scalar = "1e-8"
    public static let atol: Scalar = "1e-10"
    public static let maxSteps = 1_000_000
    /// The most resampled points a run may ask for (`duration`/`interval`): a bound on the memory of its CSV and figure.
    public static let maxSamples = 1_000_000

    /// The smallest sampling interval over `duration` seconds: duration / ``maxSamples``.
    public static func minimumInterval(over duration: Double) -> Double { duration / Double(maxSamples) }

    /// Refuses (field `interval`, the value as typed) an interval that would record more than ``maxSamples``
    /// points over `duration`, stating the smallest allowed.
    public static func checkSampleCount(interval dt: Double, typed: String, duration: Double) throws {
        guard duration / dt <= Double(maxSamples) else {
            throw MembraneError.invalidValue(field: "interval", value: typed,
                                             allowed: "a sampling interval ≥ \(Format.significant(minimumInterval(over: duration), 4)) s: at most \(maxSamples) points over `duration` (\(Format.significant(duration, 6)) s)")
        }
    }
}

extension SimulationInputs {
    /// The integrator and its tolerances.
    public func solver() throws -> SimulationSolver {
        let rtolValue = try (rtol ?? SimulationDefaults.rtol).number(field: "rtol")
        let atolValue = try (atol ?? SimulationDefaults.atol).number(field: "atol")
        let maxStepValue = try maxStep.map { try $0.number(field: "max-step") } ?? .infinity
        if let maxSteps, maxSteps < 1 {
            throw MembraneError.invalidValue(field: "max-steps", value: "\(maxSteps)", allowed: "a number of steps ≥ 1")
        }
        return SimulationSolver(method: try InputParsing.integrationMethod(method ?? SimulationDefaults.method),
                                relativeTolerance: rtolValue, absoluteTolerance: atolValue,
                                maximumStep: maxStepValue, maximumSteps: maxSteps ?? SimulationDefaults.maxSteps)
    }

    /// The interval at which the time series is resampled, or nil for every step.
    public func samplingInterval() throws -> Double? {
        try interval.map { try $0.positive(field: "interval", allowed: "a sampling interval > 0 s") }
    }

    /// The sampling interval of a run of `duration` seconds, at most ``SimulationDefaults/maxSamples`` points.
    public func samplingInterval(over duration: Double) throws -> Double? {
        guard let dt = try samplingInterval() else { return nil }
        try SimulationDefaults.checkSampleCount(interval: dt, typed: interval?.text ?? "", duration: duration)
        return dt
    }
}

/// A simulation advanced one accepted step at a time (``Simulation`` of any compiled model conforms; a run ended by
/// a state event comes back as finished and its trajectory says ``Termination/stopped(event:)``).
public protocol SteppedSimulation {
    mutating func step() -> StepOutcome
    var time: Double { get }
    /// The fraction of the simulated time done, 0…1.
    var progress: Double { get }
    var recordCount: Int { get }
    /// The simulated time asked for, s.
    var duration: Double { get }
    /// The integrator and its limits.
    var solver: SimulationSolver { get }
}

extension Simulation: SteppedSimulation {}

/// The run loop of every simulation: steps to the end, reports progress every 16 recorded steps, stops when
/// the context asks (Ctrl-C on the command line, a time limit or a cancelled request on a server) and keeps what
/// was computed.
public enum SimulationDriver {
    /// Runs `simulation` to its end; sets `context.status` for a run that was stopped (130) or failed (70).
    /// Returns the termination and the wall-clock time of the loop in seconds.
    public static func run<S: SteppedSimulation>(_ simulation: inout S, context: inout RequestContext) -> (Termination, Double) {
        let clock = ContinuousClock()
        let started = clock.now
        var termination = Termination.finished
        loop: while true {
            if context.shouldStop() { termination = .interrupted; break }
            switch simulation.step() {
            case .accepted:
                if let progress = context.progress, simulation.recordCount % 16 == 0 {
                    let time = simulation.time
                    progress(simulation.progress) { "t = \(Format.significant(time, 5)) s" }
                }
            case .finished: termination = .finished; break loop
            case .stepLimit: termination = .stepLimit; break loop
            case .failed(let reason): termination = .failed(reason: reason); break loop
            }
        }
        let elapsed = clock.now - started
        switch termination {
        case .interrupted: context.status = .interrupted
        case .failed, .stepLimit:
            context.status = .noConvergence
            context.failure = failure(termination, time: simulation.time, duration: simulation.duration,
                                      solver: simulation.solver)
        case .finished, .stopped: break
        }
        return (termination, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }

    /// The error object of a run that ended early: the step limit (field `max-steps`) or a failed integration
    /// (field `method`), with the time reached.
    static func failure(_ termination: Termination, time: Double, duration: Double, solver: SimulationSolver) -> RunFailure? {
        let reached = "t = \(Format.significant(time, 6)) s of \(Format.significant(duration, 6)) s"
        switch termination {
        case .stepLimit:
            let n = solver.integrator.maximumSteps
            return RunFailure(field: "max-steps", value: "\(n)",
                              message: "the simulation stopped at the step limit (\(n) steps) at \(reached), before the end; raise `max-steps` or shorten `duration`")
        case .failed(let reason):
            return RunFailure(field: "method", value: solver.method.rawValue,
                              message: "the integration (\(solver.methodName)) failed at \(reached): \(reason); try the other `method`, tighter `rtol`/`atol`, or a smaller `max-step`")
        default:
            return nil
        }
    }
}
