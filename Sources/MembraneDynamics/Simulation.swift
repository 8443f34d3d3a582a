import MembraneUnits
import MembraneNumerics

/// The numerical method of a simulation: a value, separate from the model (Brian2, SciML).
public struct SimulationSolver: Sendable {
    public var integrator: RosenbrockSolver

    /// Rodas4 with rtol 1e-8 and atol 1e-10 (amounts in mM × reference volume, so 1e-10 mM).
    public init(relativeTolerance: Double = 1e-8, absoluteTolerance: Double = 1e-10,
                maximumStep: Double = .infinity, maximumSteps: Int = 1_000_000) {
        integrator = RosenbrockSolver(tableau: .rodas4, relativeTolerance: relativeTolerance,
                                      absoluteTolerance: absoluteTolerance, maximumStep: maximumStep,
                                      maximumSteps: maximumSteps)
    }

    public var methodName: String { integrator.tableau.name }
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
    public private(set) var integrator: Integrator<PumpLeakSystem>
    let initialSystem: PumpLeakSystem
    var boundaries: [Double]
    var pendingEvents: [ScenarioEvent]
    var recorder: TrajectoryRecorder
    var applied: [AppliedEvent] = []

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
        pendingEvents = events.filter { $0.time > 0 && $0.time < scenario.duration }
        var times = Array(Set(pendingEvents.map(\.time))).sorted()
        times.append(scenario.duration)
        boundaries = times
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
        do {
            integrator = try Integrator(system: system, start: 0, state: y0, end: boundaries[0], solver: integratorSolver)
        } catch {
            throw MembraneError.invalidValue(field: error.field, value: error.value, allowed: error.allowed)
        }
        self.applied = applied
        recorder = TrajectoryRecorder(dimension: system.dimension)
        let f0 = integrator.currentDerivative()
        recorder.append(time: 0, state: y0, derivative: f0, activity: system.pumpActivity)
    }

    public var time: Double { integrator.time }
    /// Fraction of the run done (0…1).
    public var progress: Double { min(1, time / scenario.duration) }
    public var isFinished: Bool { time >= scenario.duration }
    /// Number of recorded points so far.
    public var recordCount: Int { recorder.times.count }

    /// Advances by one accepted step (applying any events first).
    public mutating func step() -> StepOutcome {
        while integrator.isFinished {
            if integrator.endTime >= scenario.duration { return .finished }
            let t = integrator.endTime
            var system = integrator.system
            for e in pendingEvents where e.time == t {
                system.pumpActivity = e.activity(after: system.pumpActivity)
                applied.append(AppliedEvent(time: t, description: e.description, pumpActivity: system.pumpActivity))
            }
            boundaries.removeFirst()
            integrator.system = system
            integrator.restart(at: t, state: integrator.state, end: boundaries[0])
            let f = integrator.currentDerivative()
            recorder.append(time: t, state: integrator.state, derivative: f, activity: system.pumpActivity)
        }
        let outcome = integrator.step()
        if outcome == .accepted {
            let f = integrator.currentDerivative()
            recorder.append(time: integrator.time, state: integrator.state, derivative: f, activity: integrator.system.pumpActivity)
        }
        return outcome
    }

    /// Everything computed so far, as a trajectory that ended for `termination`.
    public func trajectory(termination: Termination) -> Trajectory {
        Trajectory(scenario: scenario, solver: solver, system: initialSystem, times: recorder.times, states: recorder.states,
                   derivatives: recorder.derivatives, pumpActivities: recorder.activities, events: applied,
                   statistics: integrator.statistics, termination: termination)
    }
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
