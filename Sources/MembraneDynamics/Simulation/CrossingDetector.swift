import MembraneUnits
import MembraneNumerics

/// Finds the crossings of a simulation's ``StateEvent``s: after each accepted step it compares each event function
/// g = observable − threshold at both ends; on a sign change in the event's direction it locates the root of g along
/// the cubic Hermite interpolant of the step (``CubicHermite``) by Brent's method to round-off.
struct CrossingDetector {
    enum Action {
        case record, stop
        case set(index: Int, name: String, value: Double)
    }
    struct Compiled {
        var name: String
        var observable: Int
        var threshold: Double
        var direction: StateEvent.Direction
        var action: Action
    }
    struct Hit {
        var event: String
        var time: Double
        var state: [Double]
        var derivative: [Double]
        var action: Action
    }

    let events: [Compiled]
    /// g of each event at the last accepted point.
    var last: [Double]
    var crossings: [Crossing] = []
    /// The event that ended the run, if one did.
    var stoppedBy: String?

    var isActive: Bool { !events.isEmpty }

    init<Model: SimulationModel>(model: Model, events: [StateEvent], at t: Double, state y: [Double]) throws {
        self.events = try events.map { e in
            let action: Action
            switch e.action {
            case .record: action = .record
            case .stop: action = .stop
            case .set(let name, let value): action = .set(index: try model.parameterIndex(named: name), name: name, value: value)
            }
            try MembraneError.requireFinite(e.threshold, field: "\(e.name).threshold", allowed: "a finite threshold")
            return Compiled(name: e.name, observable: try model.observableIndex(named: e.observable), threshold: e.threshold,
                            direction: e.direction, action: action)
        }
        last = self.events.map { model.observe($0.observable, at: t, state: y) - $0.threshold }
    }

    func crosses(_ e: Compiled, from g0: Double, to g1: Double) -> Bool {
        switch e.direction {
        case .rising: return g0 < 0 && g1 >= 0
        case .falling: return g0 > 0 && g1 <= 0
        case .either: return (g0 < 0 && g1 >= 0) || (g0 > 0 && g1 <= 0)
        }
    }

    /// Checks the step from the recorder's previous point to (t, y, f). Returns the crossings that only record, in
    /// time order, and the earliest that stops the run or sets a parameter (later crossings in the step are dropped:
    /// the run continues from it).
    mutating func check<Model: SimulationModel>(_ model: Model, _ recorder: TrajectoryRecorder<Model>, time t1: Double,
                                                state y1: [Double], derivative f1: [Double]) -> (records: [Hit], action: Hit?) {
        var found: [(time: Double, event: Int)] = []
        var now = last
        for (k, e) in events.enumerated() {
            now[k] = model.observe(e.observable, at: t1, state: y1) - e.threshold
            if crosses(e, from: last[k], to: now[k]) { found.append((locate(e, model, recorder, t1, y1, f1), k)) }
        }
        if found.isEmpty {
            last = now
            return ([], nil)
        }
        found.sort { $0.time < $1.time }
        var records: [Hit] = []
        for (time, k) in found {
            let e = events[k]
            let (y, f) = interpolate(recorder, t1, y1, f1, at: time)
            crossings.append(Crossing(event: e.name, time: time))
            let hit = Hit(event: e.name, time: time, state: y, derivative: f, action: e.action)
            if case .record = e.action {
                records.append(hit)
                continue
            }
            if case .stop = e.action { stoppedBy = e.name }
            // The run continues from the crossing: every event function starts again from its value there, this one from
            // the side it crossed to (so that round-off at the root cannot count it twice).
            for (j, other) in events.enumerated() { last[j] = model.observe(other.observable, at: time, state: y) - other.threshold }
            last[k] = e.direction == .falling ? -1 : 1
            return (records, hit)
        }
        last = now
        return (records, nil)
    }

    /// The Hermite interpolant of the step at t: state and derivative.
    func interpolate<Model>(_ recorder: TrajectoryRecorder<Model>, _ t1: Double, _ y1: [Double], _ f1: [Double],
                            at t: Double) -> ([Double], [Double]) {
        let n = y1.count
        var y = [Double](repeating: 0, count: n), f = y
        recorder.previousState.withUnsafeBufferPointer { y0 in
            recorder.previousDerivative.withUnsafeBufferPointer { f0 in
                y1.withUnsafeBufferPointer { y1 in
                    f1.withUnsafeBufferPointer { f1 in
                        y.withUnsafeMutableBufferPointer { out in
                            f.withUnsafeMutableBufferPointer { dout in
                                CubicHermite.interpolate(at: t, from: recorder.previousTime, to: t1, count: n, y0: y0.baseAddress!,
                                                         f0: f0.baseAddress!, y1: y1.baseAddress!, f1: f1.baseAddress!,
                                                         into: out.baseAddress!, derivative: dout.baseAddress!)
                            }
                        }
                    }
                }
            }
        }
        return (y, f)
    }

    /// The root of g along the step's interpolant, by Brent's method to round-off in t.
    func locate<Model: SimulationModel>(_ e: Compiled, _ model: Model, _ recorder: TrajectoryRecorder<Model>, _ t1: Double,
                                        _ y1: [Double], _ f1: [Double]) -> Double {
        let t0 = recorder.previousTime
        // At t₀ the interpolant is the previous point itself, so g(t₀) is the value that signalled the crossing.
        let g: (Double) -> Double = { t in
            let (y, _) = interpolate(recorder, t1, y1, f1, at: t)
            return model.observe(e.observable, at: t, state: y) - e.threshold
        }
        let finder = BrentRootFinder(absoluteTolerance: 4 * max(abs(t0), abs(t1)).ulp, relativeTolerance: 2 * Double.ulpOfOne)
        return finder.root(in: t0, t1, of: g)?.root ?? t1
    }
}
