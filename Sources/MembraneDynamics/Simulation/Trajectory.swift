import MembraneUnits
import MembraneNumerics

/// The result of a simulation: the model and solver it came from, the recorded points (flat state vectors laid out
/// by ``layout``, with f at each for cubic Hermite interpolation), the timed events applied and the state-event
/// crossings located, the solver's statistics and why it ended. What is recorded is what ``Recording`` asked for.
public struct Trajectory<Model: SimulationModel>: Sendable {
    /// A stretch of records over which one model (one set of parameters, one stimulus piece) was in force.
    public struct Segment: Sendable {
        /// Index of the segment's first record.
        public var firstRecord: Int
        /// The model in force over the segment.
        public var model: Model
    }

    /// The model at t = 0.
    public let model: Model
    /// The integrator and tolerances used.
    public let solver: SimulationSolver
    /// The requested duration, s.
    public let duration: Double
    /// What was recorded.
    public let recording: Recording
    /// Record times, s, increasing.
    public let times: [Double]
    /// State vectors, `layout.count` values per record.
    public let states: [Double]
    /// f(t, y) at each record (for cubic Hermite interpolation between records).
    public let derivatives: [Double]
    /// Stretches of constant model, split at the timed events.
    public let segments: [Segment]
    /// The timed events applied (pump block, parameter changes).
    public let events: [AppliedEvent]
    /// The state-event crossings located (spike times, say).
    public let crossings: [Crossing]
    /// Steps, rejections, function and Jacobian evaluations.
    public let statistics: IntegratorStatistics
    /// Why the run ended.
    public let termination: Termination
    /// When the run switched to the logarithms of its positive components near depletion (``Simulation/step()``),
    /// or nil if it did not.
    public var logarithmicSince: Double? = nil

    /// The names and units of the state components.
    public var layout: StateLayout { model.layout }
    /// The number of records.
    public var count: Int { times.count }
    var dimension: Int { model.dimension }

    /// The flat state vector of record `i` (in ``layout`` order, SI units).
    public func stateVector(at i: Int) -> [Double] {
        Array(states[(i * dimension)..<((i + 1) * dimension)])
    }

    /// The model in force at record i (after an event at that record's time).
    public func model(at i: Int) -> Model {
        var lo = 0, hi = segments.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if segments[mid].firstRecord <= i { lo = mid } else { hi = mid - 1 }
        }
        return segments[lo].model
    }

    /// The times of the crossings of the state event called `event` ("spike").
    public func crossingTimes(of event: String) -> [Double] { crossings.filter { $0.event == event }.map(\.time) }

    /// The observable called `name` (SI units) at every record.
    public func values(of name: String) throws -> [Double] {
        let index = try model.observableIndex(named: name)
        return (0..<count).map { model(at: $0).observe(index, at: times[$0], state: stateVector(at: $0)) }
    }

    /// The state at time t (cubic Hermite interpolation between the records around t, matching them exactly), and
    /// the model in force there. Between two records at the same time (an event) the later is taken.
    public func interpolatedState(at t: Double) -> (model: Model, state: [Double]) {
        precondition(count > 0, "an empty trajectory")
        var lo = 0, hi = count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if times[mid] <= t { lo = mid } else { hi = mid - 1 }
        }
        var i = lo
        // Skip zero-length intervals (an event records the same time twice).
        while i + 1 < count && times[i + 1] <= times[i] { i += 1 }
        guard i + 1 < count, t > times[i] else { return (model(at: i), stateVector(at: i)) }
        let d = dimension
        var y = [Double](repeating: 0, count: d)
        states.withUnsafeBufferPointer { s in
            derivatives.withUnsafeBufferPointer { f in
                y.withUnsafeMutableBufferPointer { out in
                    CubicHermite.interpolate(at: t, from: times[i], to: times[i + 1], count: d,
                                             y0: s.baseAddress! + i * d, f0: f.baseAddress! + i * d,
                                             y1: s.baseAddress! + (i + 1) * d, f1: f.baseAddress! + (i + 1) * d,
                                             into: out.baseAddress!)
                }
            }
        }
        return (model(at: i + 1), y)
    }
}
