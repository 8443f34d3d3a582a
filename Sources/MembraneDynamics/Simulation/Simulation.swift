import MembraneUnits
import MembraneNumerics

/// The numerical method of a simulation: a value, separate from the model (Brian2, SciML).
public struct SimulationSolver: Sendable {
    /// Rodas4 (one-step Rosenbrock) or BDF (variable-order NDF/BDF, Shampine & Reichelt 1997).
    public var method: IntegrationMethod
    /// Tolerances and limits (for either method; the tableau is used by Rodas4 only).
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

    public var methodName: String {
        switch method {
        case .rodas4: integrator.tableau.name
        case .bdf: "BDF"
        }
    }
}

/// An event as it was applied in a run.
public struct AppliedEvent: Sendable, Hashable {
    public var time: Double
    public var description: String
    public var pumpActivity: Double
}

/// A simulation in progress: ``step()`` advances by one accepted integrator step, applying the scenario's
/// events at their times, and records every step. `solve(_:using:)` is a loop around it; the command line
/// wraps the same loop with a progress bar and Ctrl-C.
public struct Simulation {
    public let scenario: Scenario
    public let solver: SimulationSolver
    /// The integrator of the chosen method (exactly one is non-nil), on the integrated part of the state
    /// (``PumpLeakODE``).
    var rodas: Integrator<PumpLeakODE>?
    var bdf: BDFIntegrator<PumpLeakODE>?
    let initialSystem: PumpLeakSystem
    var schedule: EventSchedule
    var recorder: TrajectoryRecorder

    /// Prepares a run of `scenario`, from its initial state or from `start` (a state vector of the
    /// scenario's system, e.g. a ``SteadyState/stateVector``).
    public init(scenario: Scenario, solver: SimulationSolver = SimulationSolver(), start: [Double]? = nil) throws {
        var system = try PumpLeakSystem(scenario)
        let y0 = start ?? system.initialState
        guard y0.count == system.dimension, y0.allSatisfy(\.isFinite) else {
            throw MembraneError.invalidValue(field: "start", value: "\(y0.count) components",
                                             allowed: "a finite state vector of \(system.dimension) components")
        }
        system.initialRelativeVolume = system.relativeVolume(y0)
        let events = scenario.events.sorted { $0.time < $1.time }
        var applied: [AppliedEvent] = []
        for e in events where e.time == 0 {
            system.pumpActivity = e.activity(after: system.pumpActivity)
            applied.append(AppliedEvent(time: 0, description: e.description, pumpActivity: system.pumpActivity))
        }
        let pending = events.filter { $0.time > 0 && $0.time < scenario.duration }
        var times = Array(Set(pending.map(\.time))).sorted()
        times.append(scenario.duration)
        schedule = EventSchedule(duration: scenario.duration, boundaries: times, pendingEvents: pending, applied: applied,
                                 pumpActivity: system.pumpActivity)
        self.scenario = scenario
        self.solver = solver
        initialSystem = system
        let equations = PumpLeakODE(system, start: y0)
        let integrated = equations.reduce(y0)
        recorder = TrajectoryRecorder(equations: equations)
        // Per-component absolute tolerances given for the full state apply to its integrated part.
        var rosenbrock = solver.integrator, bdfSolver = solver.bdf
        if let atol = rosenbrock.absoluteTolerances, atol.count == system.dimension {
            rosenbrock.absoluteTolerances = equations.reduce(atol)
            bdfSolver.absoluteTolerances = equations.reduce(atol)
        }
        let f0: [Double]
        do {
            switch solver.method {
            case .rodas4:
                var integrator = try Integrator(system: equations, start: 0, state: integrated, end: times[0],
                                                solver: rosenbrock)
                f0 = integrator.currentDerivative()
                rodas = integrator
            case .bdf:
                var integrator = try BDFIntegrator(system: equations, start: 0, state: integrated, end: times[0],
                                                   solver: bdfSolver)
                f0 = integrator.currentDerivative()
                bdf = integrator
            }
        } catch {
            throw MembraneError.invalidValue(field: error.field, value: error.value, allowed: error.allowed)
        }
        recorder.append(time: 0, state: integrated, derivative: f0, activity: system.pumpActivity)
    }

    public var time: Double { bdf?.time ?? rodas!.time }
    /// Fraction of the run done (0…1).
    public var progress: Double { min(1, time / scenario.duration) }
    public var isFinished: Bool { time >= scenario.duration }
    /// Number of recorded points so far.
    public var recordCount: Int { recorder.times.count }
    /// The integrator's work so far.
    public var statistics: IntegratorStatistics { bdf?.statistics ?? rodas!.statistics }

    /// Advances by one accepted step (applying any events first).
    public mutating func step() -> StepOutcome {
        if bdf != nil { return Self.advance(&bdf!, &schedule, &recorder) }
        return Self.advance(&rodas!, &schedule, &recorder)
    }

    /// One step of either integrator (specialised for each), with the events due before it.
    static func advance<I: SteppableIntegrator>(_ integrator: inout I, _ schedule: inout EventSchedule,
                                               _ recorder: inout TrajectoryRecorder) -> StepOutcome
        where I.System == PumpLeakODE {
        while integrator.isFinished {
            if integrator.endTime >= schedule.duration { return .finished }
            let t = integrator.endTime
            var system = integrator.system
            for e in schedule.pendingEvents where e.time == t {
                system.pumpActivity = e.activity(after: system.pumpActivity)
                schedule.applied.append(AppliedEvent(time: t, description: e.description, pumpActivity: system.pumpActivity))
            }
            schedule.pumpActivity = system.pumpActivity
            schedule.boundaries.removeFirst()
            integrator.system = system
            integrator.restart(at: t, state: integrator.state, end: schedule.boundaries[0])
            let f = integrator.currentDerivative()
            recorder.append(time: t, state: integrator.state, derivative: f, activity: system.pumpActivity)
        }
        let outcome = integrator.step()
        if outcome == .accepted {
            let f = integrator.currentDerivative()
            recorder.append(time: integrator.time, state: integrator.state, derivative: f, activity: schedule.pumpActivity)
        }
        return outcome
    }

    /// Everything computed so far, as a trajectory that ended for `termination`.
    public func trajectory(termination: Termination) -> Trajectory {
        Trajectory(scenario: scenario, solver: solver, system: initialSystem, times: recorder.times, states: recorder.states,
                   derivatives: recorder.derivatives, pumpActivities: recorder.activities, events: schedule.applied,
                   statistics: statistics, termination: termination)
    }
}

/// The event times still ahead of a simulation and the events applied so far.
struct EventSchedule {
    let duration: Double
    /// Event times ahead, then the duration.
    var boundaries: [Double]
    var pendingEvents: [ScenarioEvent]
    var applied: [AppliedEvent]
    /// The pump activity in force (the integrator's system's, kept here so recording a step copies no system).
    var pumpActivity: Double
}

/// Runs `scenario` to its end: `solve` is a loop around ``Simulation/step()``.
public func solve(_ scenario: Scenario, using solver: SimulationSolver = SimulationSolver(),
                  from start: [Double]? = nil) throws -> Trajectory {
    var simulation = try Simulation(scenario: scenario, solver: solver, start: start)
    while true {
        switch simulation.step() {
        case .accepted: continue
        case .finished: return simulation.trajectory(termination: .finished)
        case .stepLimit: return simulation.trajectory(termination: .stepLimit)
        case .failed(let reason): return simulation.trajectory(termination: .failed(reason: reason))
        }
    }
}

/// Accumulates (t, y, f, pump activity) records in flat arrays, as full state vectors of
/// ``PumpLeakSystem/layout``: the integrated part, then (when the bath is not integrated, ``PumpLeakODE``) the
/// bath amounts Bⱼ = Tⱼ − Nⱼ and their derivatives −dNⱼ/dt.
struct TrajectoryRecorder {
    /// Tⱼ of the ions whose bath amount is rebuilt (empty when the whole state is integrated).
    let rebuiltTotals: [Double]
    var times: [Double] = []
    var states: [Double] = []
    var derivatives: [Double] = []
    var activities: [Double] = []

    init(equations: PumpLeakODE) {
        rebuiltTotals = equations.dimension == equations.system.dimension ? [] : equations.totals
    }

    mutating func append(time: Double, state: [Double], derivative: [Double], activity: Double) {
        times.append(time)
        activities.append(activity)
        // Element by element from the buffers (no retain of the integrator's arrays, no intermediate copy).
        state.withUnsafeBufferPointer { y in
            derivative.withUnsafeBufferPointer { f in
                rebuiltTotals.withUnsafeBufferPointer { totals in
                    for i in 0..<y.count { states.append(y[i]) }
                    for j in 0..<totals.count { states.append(totals[j] - y[j]) }
                    for i in 0..<f.count { derivatives.append(f[i]) }
                    for j in 0..<totals.count { derivatives.append(-f[j]) }
                }
            }
        }
    }
}
