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

    /// The same tolerances and limits for the BDF method.
    public var bdf: BDFSolver { BDFSolver(matching: integrator) }

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
    /// The integrator of the chosen method (exactly one is non-nil).
    var rodas: Integrator<PumpLeakSystem>?
    var bdf: BDFIntegrator<PumpLeakSystem>?
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
        // For an infinite bath the bath components only book what the cell gave away (their error is minus the
        // cell's): judge them on the scale of the cell amounts they mirror, not on their own (initially zero) size.
        var integratorSolver = solver.integrator
        if case .infinite = scenario.bath, integratorSolver.absoluteTolerances == nil {
            var atol = [Double](repeating: integratorSolver.absoluteTolerance, count: system.dimension)
            for j in 0..<system.n {
                atol[system.bathOffset + j] = max(atol[j], integratorSolver.relativeTolerance * abs(y0[j]))
            }
            integratorSolver.absoluteTolerances = atol
        }
        recorder = TrajectoryRecorder(dimension: system.dimension)
        let f0: [Double]
        do {
            switch solver.method {
            case .rodas4:
                var integrator = try Integrator(system: system, start: 0, state: y0, end: times[0], solver: integratorSolver)
                f0 = integrator.currentDerivative()
                rodas = integrator
            case .bdf:
                var integrator = try BDFIntegrator(system: system, start: 0, state: y0, end: times[0],
                                                   solver: BDFSolver(matching: integratorSolver))
                f0 = integrator.currentDerivative()
                bdf = integrator
            }
        } catch {
            throw MembraneError.invalidValue(field: error.field, value: error.value, allowed: error.allowed)
        }
        recorder.append(time: 0, state: y0, derivative: f0, activity: system.pumpActivity)
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
        where I.System == PumpLeakSystem {
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

/// Accumulates (t, y, f, pump activity) records in flat arrays.
struct TrajectoryRecorder {
    let dimension: Int
    var times: [Double] = []
    var states: [Double] = []
    var derivatives: [Double] = []
    var activities: [Double] = []

    init(dimension: Int) { self.dimension = dimension }

    mutating func append(time: Double, state: [Double], derivative: [Double], activity: Double) {
        times.append(time)
        states.append(contentsOf: state)
        derivatives.append(contentsOf: derivative)
        activities.append(activity)
    }
}
