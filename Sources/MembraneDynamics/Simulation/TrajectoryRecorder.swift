import MembraneNumerics

/// Keeps what a ``Recording`` asks for, in flat arrays (t, y and f per record, for cubic Hermite interpolation),
/// and the model in force over each stretch of records (a new stretch after every event or breakpoint).
struct TrajectoryRecorder<Model: SimulationModel> {
    let mode: Recording
    let dimension: Int
    var times: [Double] = []
    var states: [Double] = []
    var derivatives: [Double] = []
    var segments: [Trajectory<Model>.Segment] = []
    /// The last accepted point (t, y, f), kept when samples or crossings are interpolated from it.
    let keepsPrevious: Bool
    var previousTime = 0.0
    var previousState: [Double]
    var previousDerivative: [Double]
    /// The next sample (interval recording): t = nextSample·Δ.
    var nextSample = 1
    var finished = false

    init(mode: Recording, model: Model, dimension: Int, keepsPrevious: Bool) {
        self.mode = mode
        self.dimension = dimension
        self.keepsPrevious = keepsPrevious
        previousState = [Double](repeating: 0, count: keepsPrevious ? dimension : 0)
        previousDerivative = previousState
        segments = [Trajectory<Model>.Segment(firstRecord: 0, model: model)]
    }

    /// A state or derivative vector, read in place.
    typealias Vector = UnsafeBufferPointer<Double>

    /// Stores one record (each vector appended in one copy, from the caller's storage).
    mutating func store(time: Double, state: Vector, derivative: Vector) {
        times.append(time)
        states.append(contentsOf: state)
        derivatives.append(contentsOf: derivative)
    }

    mutating func remember(time: Double, state: Vector, derivative: Vector) {
        guard keepsPrevious else { return }
        previousTime = time
        for i in 0..<dimension { previousState[i] = state[i]; previousDerivative[i] = derivative[i] }
    }

    /// The initial point.
    mutating func start(time: Double, state: [Double], derivative: [Double]) {
        Self.reading(state, derivative) { y, f in
            store(time: time, state: y, derivative: f)
            remember(time: time, state: y, derivative: f)
        }
    }

    /// An accepted point, or the crossing at which the run stops or changes (`crossing`).
    mutating func append(time: Double, state: Vector, derivative: Vector, crossing: Bool) {
        switch mode {
        case .everyStep:
            store(time: time, state: state, derivative: derivative)
        case .interval(let dt):
            emitSamples(upTo: time, every: dt, state: state, derivative: derivative)
        case .crossingsAndFinal:
            if crossing { store(time: time, state: state, derivative: derivative) }
        }
        remember(time: time, state: state, derivative: derivative)
    }

    mutating func append(time: Double, state: [Double], derivative: [Double], crossing: Bool) {
        Self.reading(state, derivative) { y, f in append(time: time, state: y, derivative: f, crossing: crossing) }
    }

    /// A located crossing that only records: its state is kept with ``Recording/crossingsAndFinal`` (the previous
    /// point stays the step's start).
    mutating func recordCrossing(time: Double, state: [Double], derivative: [Double]) {
        guard mode == .crossingsAndFinal else { return }
        Self.reading(state, derivative) { y, f in store(time: time, state: y, derivative: f) }
    }

    /// The samples in (previous point, t], by cubic Hermite interpolation between the previous point and (t, y, f).
    mutating func emitSamples(upTo t: Double, every dt: Double, state: Vector, derivative: Vector) {
        var sample = Double(nextSample) * dt
        guard sample <= t else { return }
        var y = [Double](repeating: 0, count: dimension), f = y
        while sample <= t {
            previousState.withUnsafeBufferPointer { y0 in
                previousDerivative.withUnsafeBufferPointer { f0 in
                    y.withUnsafeMutableBufferPointer { out in
                        f.withUnsafeMutableBufferPointer { dout in
                            CubicHermite.interpolate(at: sample, from: previousTime, to: t, count: dimension,
                                                     y0: y0.baseAddress!, f0: f0.baseAddress!, y1: state.baseAddress!,
                                                     f1: derivative.baseAddress!, into: out.baseAddress!, derivative: dout.baseAddress!)
                        }
                    }
                }
            }
            Self.reading(y, f) { y, f in store(time: sample, state: y, derivative: f) }
            nextSample += 1
            sample = Double(nextSample) * dt
        }
    }

    /// A restart at t after an event changed the model (or a breakpoint): the records from here on belong to `model`.
    mutating func restart(time: Double, state: [Double], derivative: [Double], model: Model) {
        segments.append(Trajectory<Model>.Segment(firstRecord: times.count, model: model))
        Self.reading(state, derivative) { y, f in
            if mode == .everyStep { store(time: time, state: y, derivative: f) }
            remember(time: time, state: y, derivative: f)
        }
    }

    /// The end of the run at t.
    mutating func finish(time: Double, state: [Double], derivative: [Double]) {
        if finished { return }
        finished = true
        if mode != .everyStep, times.last != time {
            Self.reading(state, derivative) { y, f in store(time: time, state: y, derivative: f) }
        }
    }

    /// Calls `body` with the storage of `state` and `derivative`.
    static func reading(_ state: [Double], _ derivative: [Double], _ body: (Vector, Vector) -> Void) {
        state.withUnsafeBufferPointer { y in derivative.withUnsafeBufferPointer { f in body(y, f) } }
    }
}
