import MembraneUnits

/// What one current does during a voltage-clamp test window: its most negative and most positive values and when,
/// the one of larger magnitude (the peak: the early Na⁺ current of Hodgkin, Huxley & Katz 1952 reverses sign at
/// E_Na), and its value at the end of the window (the late, near-steady current: the K⁺ current, zero at E_K).
/// Currents in A/m², outward positive; times in seconds from t = 0.
public struct VoltageClampMeasure: Sendable, Hashable {
    /// `I_clamp` (the clamp current) or a mechanism's name (`hh_Na`).
    public var name: String
    /// The most negative value (the peak inward current when < 0) and its time.
    public var minimum: Double
    /// The time of ``minimum``, s.
    public var minimumTime: Double
    /// The most positive value and its time.
    public var maximum: Double
    /// The time of ``maximum``, s.
    public var maximumTime: Double
    /// The value at the end of the window (its left limit when the command changes there).
    public var end: Double

    /// ``minimum`` or ``maximum``, whichever is larger in magnitude.
    public var peak: Double { abs(minimum) > abs(maximum) ? minimum : maximum }
    /// The time of ``peak``, s.
    public var peakTime: Double { abs(minimum) > abs(maximum) ? minimumTime : maximumTime }
}

/// One sweep of a voltage-clamp experiment: the run and the currents measured over its test window (the step whose
/// level the family varies, or the command's last step): the clamp current and each mechanism's.
public struct VoltageClampSweep: Sendable {
    /// The command potential level of the test window, V (the step's level).
    public var level: Double
    /// The test window [start, end], s.
    public var window: ClosedRange<Double>
    /// The run (every step recorded).
    public var trajectory: Trajectory<VoltageClampedCell>
    /// The clamp current, outward positive (= the membrane current).
    public var clamp: VoltageClampMeasure
    /// Each mechanism's current (`I.<name>`), in the cell's order.
    public var mechanisms: [VoltageClampMeasure]

    /// Measures `trajectory` over `window`: on the records inside it (the right limit at its start, the left limit at
    /// its end), each extremum then refined by golden-section search on the trajectory's cubic Hermite interpolant
    /// between the records either side of it.
    public init(trajectory: Trajectory<VoltageClampedCell>, level: Double, window: ClosedRange<Double>) {
        self.trajectory = trajectory
        self.level = level
        self.window = window
        let model = trajectory.model
        let records = Self.records(trajectory, in: window)
        clamp = Self.measure(trajectory, observable: model.observableNames.count - 1, name: "I_clamp", records: records)
        mechanisms = model.cell.mechanismNames.compactMap { name in
            guard let k = try? model.observableIndex(named: "I.\(name)") else { return nil }
            return Self.measure(trajectory, observable: k, name: name, records: records)
        }
    }

    /// The records inside the window: times strictly within it, the last record at its start and the first at its end.
    static func records(_ t: Trajectory<VoltageClampedCell>, in window: ClosedRange<Double>) -> [Int] {
        let a = window.lowerBound, b = window.upperBound, times = t.times
        var list: [Int] = []
        for i in 0..<t.count {
            let ti = times[i]
            if ti > a && ti < b {
                list.append(i)
            } else if ti == a && (i + 1 == t.count || times[i + 1] > a) {
                list.append(i)
            } else if ti == b && (i == 0 || times[i - 1] < b) {
                list.append(i)
            }
        }
        return list
    }

    static func measure(_ t: Trajectory<VoltageClampedCell>, observable k: Int, name: String, records: [Int]) -> VoltageClampMeasure {
        guard !records.isEmpty else {
            return VoltageClampMeasure(name: name, minimum: 0, minimumTime: 0, maximum: 0, maximumTime: 0, end: 0)
        }
        let values = records.map { t.model(at: $0).observe(k, at: t.times[$0], state: t.stateVector(at: $0)) }
        func value(at time: Double) -> Double {
            let (m, y) = t.interpolatedState(at: time)
            return m.observe(k, at: time, state: y)
        }
        // The extremum of sign s (−1: minimum, +1: maximum), refined between the neighbouring records.
        func extremum(_ s: Double) -> (Double, Double) {
            var p = 0
            for q in values.indices where s * values[q] > s * values[p] { p = q }
            var best = (values[p], t.times[records[p]])
            guard p > 0, p + 1 < values.count else { return best }
            var lo = t.times[records[p - 1]], hi = t.times[records[p + 1]]
            let r = (5.0.squareRoot() - 1) / 2
            var x1 = hi - r * (hi - lo), x2 = lo + r * (hi - lo)
            var f1 = s * value(at: x1), f2 = s * value(at: x2)
            for _ in 0..<60 where hi - lo > 1e-12 * max(1, abs(hi)) {
                if f1 > f2 {
                    hi = x2; x2 = x1; f2 = f1
                    x1 = hi - r * (hi - lo); f1 = s * value(at: x1)
                } else {
                    lo = x1; x1 = x2; f1 = f2
                    x2 = lo + r * (hi - lo); f2 = s * value(at: x2)
                }
            }
            let x = f1 > f2 ? x1 : x2, v = s * max(f1, f2)
            if s * v > s * best.0 { best = (v, x) }
            return best
        }
        let (minimum, tMin) = extremum(-1), (maximum, tMax) = extremum(1)
        return VoltageClampMeasure(name: name, minimum: minimum, minimumTime: tMin, maximum: maximum, maximumTime: tMax,
                                   end: values[values.count - 1])
    }
}
