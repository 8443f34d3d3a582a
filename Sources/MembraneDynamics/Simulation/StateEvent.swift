/// A state event: an observable crossing a threshold (V_m rising through 0 mV: a spike), located to the precision
/// of the integrator's dense output (cubic Hermite between accepted steps, ``CubicHermite``) by Brent's method, and
/// reported with its time; optionally it stops the run or sets a parameter (CVODE's root finding, SciML's
/// ContinuousCallback).
public struct StateEvent: Sendable, Hashable {
    /// Which crossings count.
    public enum Direction: Sendable, Hashable {
        /// Upward crossings, downward crossings, or both.
        case rising, falling, either
    }
    /// What happens at a crossing.
    public enum Action: Sendable, Hashable {
        /// Record the crossing (time; with ``Recording/crossingsAndFinal``, the state too).
        case record
        /// End the run at the crossing.
        case stop
        /// Set a parameter (SI units) at the crossing and continue.
        case set(parameter: String, to: Double)
    }
    /// The name crossings are reported under ("spike").
    public var name: String
    /// The observable followed (``SimulationModel/observableNames``, e.g. "vm").
    public var observable: String
    /// The threshold, in the observable's SI unit.
    public var threshold: Double
    /// Which crossings count.
    public var direction: Direction
    /// What happens at a crossing.
    public var action: Action

    /// A state event on `observable` crossing `threshold` (SI units).
    public init(name: String, observable: String, threshold: Double, direction: Direction = .rising, action: Action = .record) {
        self.name = name
        self.observable = observable
        self.threshold = threshold
        self.direction = direction
        self.action = action
    }

    /// Spikes: V_m rising through `threshold` (INTERFACE.md: upward crossings of 0 mV).
    public static func spikes(threshold millivolts: Double = 0) -> StateEvent {
        StateEvent(name: "spike", observable: "vm", threshold: millivolts * 1e-3, direction: .rising)
    }
}

/// A located crossing of a ``StateEvent``.
public struct Crossing: Sendable, Hashable {
    /// The ``StateEvent/name`` of the event.
    public var event: String
    /// The located time of the crossing, s.
    public var time: Double
}

/// What a simulation keeps of its run. Memory is bounded by what is asked for: a 10 s run of a spiking cell need
/// not store its tens of thousands of steps.
public enum Recording: Sendable, Hashable {
    /// Every accepted step (and each event point): the full dense output.
    case everyStep
    /// The state at t = 0, Δt, 2Δt, … (cubic Hermite interpolation between steps, nothing stored per step) and at the end.
    case interval(Double)
    /// The initial state, the state at each state-event crossing, and the final state.
    case crossingsAndFinal
}

/// A timed event as it was applied in a run.
public struct AppliedEvent: Sendable, Hashable {
    /// When it was applied, s.
    public var time: Double
    /// The event in words ("pump blocked").
    public var description: String
    /// The parameter it set and the value.
    public var parameter: String
    /// The value set, in the parameter's SI unit.
    public var value: Double

    /// The pump's activity after the event, if the event set it.
    public var pumpActivity: Double? { parameter == "pump.activity" ? value : nil }
}
