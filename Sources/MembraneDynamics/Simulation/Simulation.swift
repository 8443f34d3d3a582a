import MembraneUnits
import MembraneNumerics
import RealModule

/// The numerical method of a simulation: a value, separate from the model (Brian2, SciML).
public struct SimulationSolver: Sendable {
    /// Rodas4 (one-step Rosenbrock), BDF (variable-order NDF/BDF, Shampine & Reichelt 1997), or auto
    /// (Dormand–Prince 5(4) switching to BDF where the problem is stiff, ``SwitchingIntegrator``).
    public var method: IntegrationMethod
    /// Tolerances and limits (for every method; the tableau is used by Rodas4 only).
    public var integrator: RosenbrockSolver

    /// rtol 1e-8 and atol 1e-10 (amounts in mM × reference volume, so 1e-10 mM).
    public init(method: IntegrationMethod = .rodas4, relativeTolerance: Double = 1e-8, absoluteTolerance: Double = 1e-10,
                maximumStep: Double = .infinity, maximumSteps: Int = 1_000_000) {
        self.method = method
        integrator = RosenbrockSolver(tableau: .rodas4, relativeTolerance: relativeTolerance,
                                      absoluteTolerance: absoluteTolerance, maximumStep: maximumStep,
                                      maximumSteps: maximumSteps)
    }

    /// The same tolerances and limits for the BDF method, with the Newton convergence test of MATLAB's ode15s
    /// (``BDFSolver/NewtonTest/ode15s``: the contraction rate carried from step to step, often one evaluation of f
    /// per step instead of scipy's two).
    public var bdf: BDFSolver {
        var s = BDFSolver(matching: integrator)
        s.newtonTest = .ode15s
        return s
    }

    /// The method's name as the output prints it: the Rosenbrock tableau's name for Rodas4, "BDF" for BDF.
    public var methodName: String {
        switch method {
        case .rodas4: integrator.tableau.name
        case .bdf: "BDF"
        case .auto: IntegrationMethod.auto.displayName
        }
    }
}

/// A simulation in progress: ``step()`` advances by one accepted integrator step of the model, applying timed events
/// at their times (any named parameter: a pump blocked, a drug, a bath change), restarting at the model's breakpoints
/// (stimulus edges), locating state events (spikes) on the dense output, and recording as ``Recording`` asks.
/// ``run()`` is a loop around it; the command line wraps the same loop with a progress bar and Ctrl-C.
///
/// Generic over the compiled model (``SimulationModel``: ``CellModel``, later populations) and specialised for it,
/// with either integrator (``SimulationSolver/method``) behind one generic `advance`.
public struct Simulation<Model: SimulationModel> {
    /// The model at t = 0 (after events at t = 0).
    public let model: Model
    /// The numerical method and its tolerances.
    public let solver: SimulationSolver
    /// The end of the run, seconds (it starts at t = 0).
    public let duration: Double
    /// What the run records (every step, crossings and the final state, …).
    public let recording: Recording
    /// The integrator of the chosen method (exactly one is non-nil).
    var rodas: Integrator<Model>?
    var bdf: BDFIntegrator<Model>?
    var auto: SwitchingIntegrator<Model>?
    /// Which of the integrators runs (tested instead of `bdf != nil`, which copies the integrator in generic code).
    var engine: Engine
    enum Engine { case rodas4, bdf, auto, logarithmic }
    /// Rodas4 in the logarithms of the model's positive components, which takes over when the chosen method fails
    /// (``SimulationModel/positiveComponents``; ``LogTransformedSystem`` says why).
    var logRodas: LogStateIntegrator<Model>?
    /// The time at which the run switched to logarithmic variables, if it did.
    public private(set) var logarithmicSince: Double?
    /// The positive components and the amount below which each is integrated as a logarithm (1000 × its atol),
    /// made once (checked after every step).
    let depletionThresholds: [(index: Int, threshold: Double)]
    var schedule: EventSchedule
    var recorder: TrajectoryRecorder<Model>
    var detector: CrossingDetector

    /// Prepares a run of `model` over [0, `duration`] from its initial state or from `start`.
    public init(model: Model, duration: Double, solver: SimulationSolver = SimulationSolver(), start: [Double]? = nil,
                events: [ScenarioEvent] = [], stateEvents: [StateEvent] = [], recording: Recording = .everyStep) throws {
        var model = model
        let y0 = start ?? model.initialState
        guard y0.count == model.dimension, y0.allSatisfy(\.isFinite) else {
            throw MembraneError.invalidValue(field: "start", value: "\(y0.count) components",
                                             allowed: "a finite state vector of \(model.dimension) components")
        }
        try MembraneError.requirePositive(duration, field: "duration", allowed: "a duration > 0 in seconds")
        if case .interval(let dt) = recording {
            try MembraneError.requirePositive(dt, field: "interval", allowed: "a sampling interval > 0 s")
        }
        model.start(from: y0)
        // Timed events, resolved to parameters; those at t = 0 apply now.
        var pending: [EventSchedule.Pending] = []
        for e in events {
            guard e.time.isFinite, e.time >= 0 else {
                throw MembraneError.invalidValue(field: "event time", value: "\(e.time)", allowed: "a time ≥ 0 in seconds")
            }
            let (name, value) = e.assignment
            let index: Int
            do { index = try model.parameterIndex(named: name) } catch {
                guard name == "pump.activity" else { throw error }
                throw MembraneError.invalidValue(field: "events", value: "\(e.description) at \(e.time) s",
                                                 allowed: "pump events in a scenario with a Na/K pump (remove them, e.g. --pump-block-at none)")
            }
            // The value is checked now (on a copy), so that no run fails half-way on a value its model refuses.
            var probe = model
            try probe.setParameter(index, to: value)
            if e.time < duration { pending.append(.init(time: e.time, parameter: index, name: name, value: value, description: e.description)) }
        }
        pending.sort { $0.time < $1.time }
        var applied: [AppliedEvent] = []
        for e in pending where e.time == 0 {
            try model.setParameter(e.parameter, to: e.value)
            applied.append(AppliedEvent(time: 0, description: e.description, parameter: e.name, value: e.value))
        }
        pending.removeAll { $0.time == 0 }
        // Integration segments end at event times, breakpoints and the duration.
        var boundaries = Array(Set(pending.map(\.time) + model.breakpoints(until: duration))).sorted()
        boundaries.append(duration)
        model.enterPiece(at: 0)
        schedule = EventSchedule(duration: duration, boundaries: boundaries, pending: pending, applied: applied)
        self.model = model
        self.solver = solver
        self.duration = duration
        self.recording = recording
        let atol = solver.integrator.absoluteTolerances
        depletionThresholds = model.positiveComponents.map { ($0, 1000 * (atol?[$0] ?? solver.integrator.absoluteTolerance)) }
        let rosenbrock = solver.integrator, bdfSolver = solver.bdf
        let f0: [Double]
        engine = switch solver.method {
        case .rodas4: .rodas4
        case .bdf: .bdf
        case .auto: .auto
        }
        do {
            switch solver.method {
            case .rodas4:
                var integrator = try Integrator(system: model, start: 0, state: y0, end: boundaries[0], solver: rosenbrock)
                f0 = integrator.currentDerivative()
                rodas = integrator
            case .bdf:
                var integrator = try BDFIntegrator(system: model, start: 0, state: y0, end: boundaries[0], solver: bdfSolver)
                f0 = integrator.currentDerivative()
                bdf = integrator
            case .auto:
                var integrator = try SwitchingIntegrator(system: model, start: 0, state: y0, end: boundaries[0], solver: bdfSolver)
                f0 = integrator.currentDerivative()
                auto = integrator
            }
        } catch {
            throw MembraneError.invalidValue(field: error.field, value: error.value, allowed: error.allowed)
        }
        detector = try CrossingDetector(model: model, events: stateEvents, at: 0, state: y0)
        recorder = TrajectoryRecorder(mode: recording, model: model, dimension: y0.count,
                                      keepsPrevious: !stateEvents.isEmpty || recording != .everyStep)
        recorder.start(time: 0, state: y0, derivative: f0)
    }

    /// The time reached so far, seconds.
    public var time: Double { logRodas?.time ?? bdf?.time ?? auto?.time ?? rodas!.time }
    /// Fraction of the run done (0…1).
    public var progress: Double { min(1, time / duration) }
    /// True once the run reached ``duration`` or a state event stopped it.
    public var isFinished: Bool { time >= duration || detector.stoppedBy != nil }
    /// Number of recorded points so far.
    public var recordCount: Int { recorder.times.count }
    /// The state-event crossings located so far.
    public var crossings: [Crossing] { detector.crossings }
    /// The integrator's work so far.
    public var statistics: IntegratorStatistics { logRodas?.statistics ?? bdf?.statistics ?? auto?.statistics ?? rodas!.statistics }
    /// How many times the auto method changed between Dormand–Prince and BDF (0 for the other methods).
    public var methodSwitches: Int { auto?.switches ?? 0 }

    /// Advances by one accepted step (applying any events first).
    ///
    /// Near depletion the run changes variables: once a positive component (an ion's amount,
    /// ``SimulationModel/positiveComponents``) falls below 1000 × its absolute tolerance — where the error test
    /// stops controlling its relative accuracy and a step can carry it to zero or below, which its logarithmic
    /// laws (Nernst) cannot take — the run continues from that accepted point on Rodas4 in the logarithms of
    /// those components (``LogStateIntegrator``; ``LogTransformedSystem`` gives the reasoning). The same happens if
    /// the chosen method fails at a point where they are all positive.
    // Specialised for the module's models: a call from another module (the request layer, a benchmark) otherwise runs
    // the unspecialised generic step, which looks up the integrator's type metadata at every step (≈ 10 % of a
    // Hübel–Ullah run).
    @_specialize(where Model == CellModel)
    @_specialize(where Model == HubelUllahModel)
    @_specialize(where Model == CressmanModel)
    @_specialize(where Model == WeiUllahSchiffModel)
    @_specialize(where Model == LuoRudyModel)
    @_specialize(where Model == VoltageClampedCell)
    public mutating func step() -> StepOutcome {
        let outcome: StepOutcome
        switch engine {
        case .logarithmic: return Self.advance(&logRodas!, &schedule, &recorder, &detector)
        case .bdf: outcome = Self.advance(&bdf!, &schedule, &recorder, &detector)
        case .auto: outcome = Self.advance(&auto!, &schedule, &recorder, &detector)
        case .rodas4: outcome = Self.advance(&rodas!, &schedule, &recorder, &detector)
        }
        guard !depletionThresholds.isEmpty else { return outcome }
        switch outcome {
        case .accepted:
            // Read in place: `bdf?.state` would copy the whole integrator at every step.
            let thresholds = depletionThresholds
            func depleted(_ t: Double, _ y: UnsafeBufferPointer<Double>, _ f: UnsafeBufferPointer<Double>) -> Bool {
                thresholds.contains { y[$0.index] < $0.threshold }
            }
            let below = switch engine {
            case .bdf: bdf!.withCurrentPoint(depleted)
            case .auto: auto!.withCurrentPoint(depleted)
            case .rodas4: rodas!.withCurrentPoint(depleted)
            case .logarithmic: false
            }
            if below { _ = switchToLogarithms() }
            return outcome
        case .failed:
            return switchToLogarithms() ? Self.advance(&logRodas!, &schedule, &recorder, &detector) : outcome
        default:
            return outcome
        }
    }

    /// Continues from the current point on Rodas4 in the logarithms of the positive components; false (nothing
    /// changed) when the state is not finite or no positive component is > 0.
    mutating func switchToLogarithms() -> Bool {
        let (t, y, end, system, done) = bdf.map { ($0.time, $0.state, $0.endTime, $0.system, $0.statistics) }
            ?? auto.map { ($0.time, $0.state, $0.endTime, $0.system, $0.statistics) }
            ?? (rodas!.time, rodas!.state, rodas!.endTime, rodas!.system, rodas!.statistics)
        let positive = system.positiveComponents.filter { y[$0] > 0 }
        guard !positive.isEmpty, y.allSatisfy(\.isFinite),
              let switched = try? LogStateIntegrator(system: system, start: t, state: y, end: end, logarithmic: positive,
                                                     solver: solver.integrator, earlierStatistics: done) else { return false }
        logRodas = switched
        engine = .logarithmic
        logarithmicSince = t
        rodas = nil
        bdf = nil
        auto = nil
        return true
    }

    /// Runs to the end and returns the trajectory.
    public mutating func run() -> Trajectory<Model> {
        while true {
            switch step() {
            case .accepted: continue
            case .finished: return trajectory(termination: .finished)
            case .stepLimit: return trajectory(termination: .stepLimit)
            case .failed(let reason): return trajectory(termination: .failed(reason: reason))
            }
        }
    }

    /// One step of either integrator (specialised for each), with the events due before it.
    static func advance<I: SteppableIntegrator>(_ integrator: inout I, _ schedule: inout EventSchedule,
                                               _ recorder: inout TrajectoryRecorder<Model>,
                                               _ detector: inout CrossingDetector) -> StepOutcome
        where I.System == Model {
        if detector.stoppedBy != nil { return .finished }
        while integrator.isFinished {
            if integrator.endTime >= schedule.duration {
                recorder.finish(time: integrator.time, state: integrator.state, derivative: integrator.currentDerivative())
                return .finished
            }
            let t = integrator.endTime
            var model = integrator.system
            for e in schedule.pending where e.time == t {
                // Values were checked when the simulation was set up.
                do { try model.setParameter(e.parameter, to: e.value) } catch {
                    return .failed("event at t = \(t) s: \(error)")
                }
                schedule.applied.append(AppliedEvent(time: t, description: e.description, parameter: e.name, value: e.value))
            }
            model.enterPiece(at: t)
            schedule.boundaries.removeFirst()
            integrator.system = model
            integrator.restart(at: t, state: integrator.state, end: schedule.boundaries[0])
            recorder.restart(time: t, state: integrator.state, derivative: integrator.currentDerivative(), model: model)
        }
        let outcome = integrator.step()
        guard outcome == .accepted else { return outcome }
        guard detector.isActive else {
            // The usual case: the accepted point recorded from the integrator's own storage.
            integrator.withCurrentPoint { t, y, f in recorder.append(time: t, state: y, derivative: f, crossing: false) }
            return outcome
        }
        let f = integrator.currentDerivative()
        let (records, hit) = detector.check(integrator.system, recorder, time: integrator.time, state: integrator.state,
                                            derivative: f)
        for r in records { recorder.recordCrossing(time: r.time, state: r.state, derivative: r.derivative) }
        if let hit {
            recorder.append(time: hit.time, state: hit.state, derivative: hit.derivative, crossing: true)
            switch hit.action {
            case .record: break
            case .stop:
                recorder.finish(time: hit.time, state: hit.state, derivative: hit.derivative)
                return .accepted
            case .set(let index, let name, let value):
                var model = integrator.system
                do { try model.setParameter(index, to: value) } catch {
                    return .failed("state event \(hit.event) at t = \(hit.time) s: \(error)")
                }
                schedule.applied.append(AppliedEvent(time: hit.time, description: "\(hit.event): \(name) set to \(value)",
                                                     parameter: name, value: value))
                integrator.system = model
                integrator.restart(at: hit.time, state: hit.state, end: integrator.endTime)
                recorder.restart(time: hit.time, state: hit.state, derivative: integrator.currentDerivative(), model: model)
                return .accepted
            }
        }
        recorder.append(time: integrator.time, state: integrator.state, derivative: f, crossing: false)
        return outcome
    }

    /// Everything computed so far, as a trajectory that ended for `termination` (a run ended by a state event
    /// reports ``Termination/stopped(event:)``).
    public func trajectory(termination: Termination) -> Trajectory<Model> {
        var end = termination
        if let e = detector.stoppedBy, termination == .finished { end = .stopped(event: e) }
        var trajectory = Trajectory(model: model, solver: solver, duration: duration, recording: recording, times: recorder.times,
                                    states: recorder.states, derivatives: recorder.derivatives, segments: recorder.segments,
                                    events: schedule.applied, crossings: detector.crossings, statistics: statistics, termination: end)
        trajectory.logarithmicSince = logarithmicSince
        return trajectory
    }
}

extension Simulation where Model == CellModel {
    /// Prepares a run of `scenario` (its duration and events), from its initial state or from `start` (a state vector
    /// of its model, e.g. a ``SteadyState/stateVector``).
    public init(scenario: Scenario, solver: SimulationSolver = SimulationSolver(), start: [Double]? = nil,
                stateEvents: [StateEvent] = [], recording: Recording = .everyStep) throws {
        try self.init(model: try CellModel(scenario), duration: scenario.duration, solver: solver, start: start,
                      events: scenario.events, stateEvents: stateEvents, recording: recording)
    }
}

/// The event times still ahead of a simulation and the events applied so far.
struct EventSchedule {
    struct Pending {
        var time: Double
        var parameter: Int
        var name: String
        var value: Double
        var description: String
    }
    let duration: Double
    /// Event times and breakpoints ahead, then the duration.
    var boundaries: [Double]
    var pending: [Pending]
    var applied: [AppliedEvent]
}

/// Runs `scenario` to its end: a loop around ``Simulation/step()``.
public func solve(_ scenario: Scenario, using solver: SimulationSolver = SimulationSolver(), from start: [Double]? = nil,
                  stateEvents: [StateEvent] = [], recording: Recording = .everyStep) throws -> Trajectory<CellModel> {
    var simulation = try Simulation(scenario: scenario, solver: solver, start: start, stateEvents: stateEvents,
                                    recording: recording)
    return simulation.run()
}
