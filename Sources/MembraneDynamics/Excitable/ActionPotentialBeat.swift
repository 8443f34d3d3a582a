/// One paced beat of a cardiac cell, measured on a run's dense output (cubic Hermite between the integrator's
/// steps). Definitions (as in Tests/Reference/luo-rudy-1991/reference.py):
///
/// - rest: V at the stimulus onset (the diastolic potential the pulse starts from);
/// - peak: the largest V before the next onset (or the end of the run);
/// - V̇max: the largest dV/dt (V/s = mV/ms, the stimulus included, as a recording measures it) within 20 ms of the
///   onset, and the time it occurs;
/// - APD90: from the time of V̇max to V falling below rest + 0.1·(peak − rest), i.e. 90 % repolarised;
/// - excited: V rose through 0 mV after the onset (a spike in `simulate hh`'s sense) with the membrane's own current
///   inward there, −I_ion/C > 0: a regenerative upstroke with an overshoot, not the pulse pushing a cell that rests
///   near 0 mV through it.
public struct ActionPotentialBeat: Sendable, Hashable {
    /// The stimulus onset, ms.
    public var onset: Double
    /// V at the onset, mV.
    public var rest: Double
    /// The largest V of the beat, mV.
    public var peak: Double
    /// The largest dV/dt within 20 ms of the onset, V/s, and its time, ms.
    public var maximalRate: Double, timeOfMaximalRate: Double
    /// Time from V̇max to 90 % repolarisation, ms; nil if V did not fall back below the level before the beat ended.
    public var apd90: Double?
    /// Whether V rose through 0 mV during the beat, driven by the membrane's own inward current.
    public var excited: Bool

    /// Measures the beats of `trajectory` (recorded every step; times in s) that start at `onsets` (ms), with the
    /// potential (mV), its rate (V/s) and the rate without the stimulus, −I_ion/C (V/s), of a state under the model in
    /// force; spikes are the trajectory's `spike` crossings.
    public static func measure<M: SimulationModel>(_ trajectory: Trajectory<M>, onsets: [Double],
                                                  potential: @escaping (M, [Double]) -> Double,
                                                  rate: @escaping (M, [Double]) -> Double,
                                                  ionicRate: @escaping (M, [Double]) -> Double) -> [ActionPotentialBeat] {
        let v = { (t: Double) in let (m, y) = trajectory.interpolatedState(at: t); return potential(m, y) }
        let r = { (t: Double) in let (m, y) = trajectory.interpolatedState(at: t); return rate(m, y) }
        let ionic = { (t: Double) in let (m, y) = trajectory.interpolatedState(at: t); return ionicRate(m, y) }
        return measure(times: trajectory.times, onsets: onsets, spikes: trajectory.crossingTimes(of: "spike"), potential: v, rate: r,
                       ionicRate: ionic)
    }

    /// Measures the beats that start at `onsets` (ms) of a run recorded at `times` (s, ascending), given the
    /// potential V(t) (mV), dV/dt(t) and −I_ion(t)/C (V/s) on its dense output and its spike times (s).
    public static func measure(times: [Double], onsets: [Double], spikes: [Double], potential v: (Double) -> Double,
                               rate dvdt: (Double) -> Double, ionicRate: (Double) -> Double) -> [ActionPotentialBeat] {
        guard let end = times.last else { return [] }
        let recorded = times.map(v)
        /// The records with times in [a, b].
        func records(_ a: Double, _ b: Double) -> Range<Int> {
            let lo = times.firstIndex { $0 >= a } ?? times.count
            let hi = times.lastIndex { $0 <= b }.map { $0 + 1 } ?? 0
            return lo..<max(lo, hi)
        }
        /// The largest g on a fine grid over the intervals next to record i, within [a, b].
        func refineMax(_ g: (Double) -> Double, around i: Int, in a: Double, _ b: Double) -> (value: Double, time: Double) {
            let lo = max(a, times[max(0, i - 1)]), hi = min(b, times[min(times.count - 1, i + 1)])
            var best = (value: g(times[i]), time: times[i])
            guard hi > lo else { return best }
            for k in 0...400 {
                let t = lo + (hi - lo) * Double(k) / 400
                let x = g(t)
                if x > best.value { best = (x, t) }
            }
            return best
        }
        var beats: [ActionPotentialBeat] = []
        let onsetsS = onsets.map { $0 * 1e-3 }.filter { $0 < end }
        for (k, t0) in onsetsS.enumerated() {
            let t1 = k + 1 < onsetsS.count ? onsetsS[k + 1] : end
            let rest = v(t0)
            // V̇max: the record with the largest rate within 20 ms, then a fine grid around it.
            let upEnd = min(t0 + 0.020, t1)
            let up = records(t0, upEnd)
            var fastest = (value: dvdt(t0), time: t0)
            if let iMax = up.max(by: { dvdt(times[$0]) < dvdt(times[$1]) }) {
                let refined = refineMax(dvdt, around: iMax, in: t0, upEnd)
                if refined.value > fastest.value { fastest = refined }
            }
            // Peak: the largest recorded V in the beat, refined the same way.
            let all = records(t0, t1)
            var peak = (value: rest, time: t0)
            if let iPeak = all.max(by: { recorded[$0] < recorded[$1] }) { peak = refineMax(v, around: iPeak, in: t0, t1) }
            // APD90: the first record after the peak below the level, then bisection on the interpolant.
            let level = rest + 0.1 * (peak.value - rest)
            var apd: Double?
            if let j = all.first(where: { times[$0] > peak.time && recorded[$0] < level }) {
                var a = max(peak.time, times[max(all.lowerBound, j - 1)]), b = times[j]
                if v(a) < level { a = peak.time }
                for _ in 0..<60 {
                    let c = 0.5 * (a + b)
                    if v(c) >= level { a = c } else { b = c }
                }
                apd = (0.5 * (a + b) - fastest.time) * 1e3
            }
            let excited = spikes.contains { $0 >= t0 && $0 < t1 && ionicRate($0) > 0 }
            beats.append(ActionPotentialBeat(onset: t0 * 1e3, rest: rest, peak: peak.value, maximalRate: fastest.value,
                                             timeOfMaximalRate: fastest.time * 1e3, apd90: apd, excited: excited))
        }
        return beats
    }
}
