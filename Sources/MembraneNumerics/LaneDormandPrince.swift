import RealModule

/// The Dormand–Prince 5(4) method (``DormandPrince54``) on a ``LaneODESystem``: every SIMD lane is its own adaptive
/// integration, with its own time, end time, step size, controller history and acceptance. One call of ``step()``
/// attempts one step in every active lane (the stages of all lanes in one evaluation of f each); lanes that accept
/// move on, the others retry with a smaller step next time. A lane that reaches its end stops; the driver reads its
/// state and may start the lane again on another system (``start(lane:at:state:end:)``), so the lanes stay busy
/// while the systems of a population take different numbers of steps.
///
/// Non-stiff problems only (an explicit method: its stability region bounds the step). After each step the dense
/// output of a lane's last step (``interpolant(lane:component:)``, order 4) locates events between its ends.
public struct LaneDormandPrince<System: LaneODESystem> {
    /// The system's vector type: one component of every lane.
    public typealias Lanes = System.Lanes
    /// A mask with one flag per lane.
    public typealias Mask = SIMDMask<Lanes.MaskStorage>

    /// The systems (their per-lane parameters may change between steps; restart the lane after a change).
    public var system: System
    /// The tolerances and limits.
    public let solver: DormandPrinceSolver
    /// Per lane: the time reached.
    @inlinable public var time: Lanes { _time }
    /// Per lane: the time it integrates to.
    @inlinable public var endTime: Lanes { _endTime }
    /// Per lane: the time at the start of its last accepted step.
    @inlinable public var previousTime: Lanes { _previousTime }
    /// Per lane: the size of its last accepted step.
    @inlinable public var lastStep: Lanes { _lastStep }
    /// Lanes still integrating.
    @inlinable public var active: Mask { _active }
    /// Work done, summed over lanes (an evaluation of f counts once per active lane).
    @inlinable public var statistics: IntegratorStatistics { _statistics }
    /// Vector evaluations of f (each serves every lane).
    @inlinable public var vectorEvaluations: Int { _vectorEvaluations }
    /// Why each lane failed (nil: it did not).
    @inlinable public var failures: [String?] { _failures }

    @usableFromInline var _time: Lanes
    @usableFromInline var _endTime: Lanes
    @usableFromInline var _previousTime: Lanes
    @usableFromInline var _lastStep: Lanes
    @usableFromInline var _active: Mask
    @usableFromInline var _statistics = IntegratorStatistics()
    @usableFromInline var _vectorEvaluations = 0
    @usableFromInline var _failures: [String?]
    @usableFromInline let n: Int
    /// y, y_previous, the stage input, y₁, k₁ … k₇, atol: `n` vectors each, in that order.
    @usableFromInline var storage: [Lanes]
    @usableFromInline var proposed: Lanes
    /// ln of the error of each lane's last accepted step (at least 10⁻⁴, as DOPRI5's facold).
    @usableFromInline var logErrorOld: Lanes
    @usableFromInline var stepsTaken: Lanes
    @usableFromInline var rejectedLast: Mask
    @usableFromInline var acceptedLast: Mask
    @usableFromInline var needsStart: Mask

    /// A resting integrator: every lane inactive until ``start(lane:at:state:end:)``.
    public init(system: System, solver: DormandPrinceSolver) throws(IntegratorSetupError) {
        let n = system.dimension
        if let v = solver.validationError(dimension: n) {
            throw IntegratorSetupError(field: v.field, value: v.value, allowed: v.allowed)
        }
        self.system = system
        self.solver = solver
        self.n = n
        storage = [Lanes](repeating: Lanes(), count: 12 * n)
        for i in 0..<n { storage[11 * n + i] = Lanes(repeating: solver.absoluteTolerances[i]) }
        _time = Lanes(); _endTime = Lanes(); _previousTime = Lanes(); _lastStep = Lanes()
        proposed = Lanes(); logErrorOld = Lanes(repeating: Self.logMinimumError); stepsTaken = Lanes()
        _active = Mask(); rejectedLast = Mask(); acceptedLast = Mask(); needsStart = Mask()
        _failures = [String?](repeating: nil, count: Lanes.scalarCount)
    }

    /// Starts lane `lane` at (t, y), integrating to `end` (after its system's parameters were set).
    @inlinable public mutating func start(lane: Int, at t: Double, state y: [Double], end: Double) {
        precondition(y.count == n && end >= t && t.isFinite && end.isFinite)
        for i in 0..<n {
            storage[i][lane] = y[i]
            storage[n + i][lane] = y[i]
        }
        _time[lane] = t
        _previousTime[lane] = t
        _endTime[lane] = end
        _lastStep[lane] = 0
        proposed[lane] = 0
        logErrorOld[lane] = Self.logMinimumError
        stepsTaken[lane] = 0
        rejectedLast[lane] = false
        acceptedLast[lane] = false
        needsStart[lane] = true
        _active[lane] = end > t
        _failures[lane] = nil
    }

    /// Stops lane `lane` (it keeps its state).
    @inlinable public mutating func stop(lane: Int) {
        _active[lane] = false
        needsStart[lane] = false
    }

    /// Component `component` of lane `lane`'s current state.
    @inlinable public func state(lane: Int, component: Int) -> Double { storage[component][lane] }

    /// Component `i` of every lane's current state.
    @inlinable public func state(component i: Int) -> Lanes { storage[i] }

    /// Component `i` of every lane's state at the start of its last accepted step.
    @inlinable public func previousState(component i: Int) -> Lanes { storage[n + i] }

    /// Lane `lane`'s current state.
    @inlinable public func state(lane: Int) -> [Double] { (0..<n).map { storage[$0][lane] } }

    /// The dense output of lane `lane`'s last accepted step for one component (valid until the next ``step()``).
    @inlinable public func interpolant(lane: Int, component i: Int) -> DormandPrinceInterpolant {
        DormandPrinceInterpolant(start: previousTime[lane], step: lastStep[lane], y0: storage[n + i][lane],
                                 y1: storage[i][lane], k1: storage[4 * n + i][lane], k3: storage[6 * n + i][lane],
                                 k4: storage[7 * n + i][lane], k5: storage[8 * n + i][lane],
                                 k6: storage[9 * n + i][lane], k7: storage[10 * n + i][lane])
    }

    /// What one call of ``step()`` did, lane by lane.
    public struct Outcome {
        /// Lanes that accepted a step (their state, time and dense output are new).
        public var accepted: Mask
        @inlinable init(accepted: Mask, finished: Mask, failed: Mask) {
            self.accepted = accepted
            self.finished = finished
            self.failed = failed
        }
        /// Lanes that reached their end time with this step (now inactive).
        public var finished: Mask
        /// Lanes that failed (now inactive; ``failures`` says why).
        public var failed: Mask
    }

    /// Attempts one step in every active lane.
    @inlinable public mutating func step() -> Outcome {
        var buffer: [Lanes] = []
        swap(&buffer, &storage)
        let outcome = buffer.withUnsafeMutableBufferPointer { attempt($0.baseAddress!) }
        swap(&buffer, &storage)
        return outcome
    }

    @inlinable @inline(__always)
    static func select(_ mask: Mask, _ a: Lanes, _ b: Lanes) -> Lanes {
        var r = b
        r.replace(with: a, where: mask)
        return r
    }

    @usableFromInline static var logMinimumError: Double { -9.210340371976184 }  // ln 10⁻⁴

    /// x^p lane by lane for x > 0 (the starting step's power: accurate to ~10⁻¹⁵, far more than it needs).
    @inlinable @inline(__always)
    static func power(_ x: Lanes, _ p: Double) -> Lanes { LaneMath.exp(LaneMath.log(x) * Lanes(repeating: p)) }

    /// The weighted norms √(Σ(vᵢ/scᵢ)²) (no mean) with scᵢ = atolᵢ + rtol·|yᵢ|: the starting step's measures.
    @inlinable @inline(__always)
    func norm(_ v: UnsafePointer<Lanes>, scaleOf y: UnsafePointer<Lanes>, _ w: UnsafeMutablePointer<Lanes>) -> Lanes {
        let atol = w + 11 * n, rtol = Lanes(repeating: solver.relativeTolerance)
        var s = Lanes()
        for i in 0..<n {
            let q = v[i] / (atol[i] + rtol * LaneMath.magnitude(y[i]))
            s += q * q
        }
        return s.squareRoot()
    }

    /// The lanes that start now: k₁ = f(t, y) and a starting step (Hairer, Nørsett & Wanner I, §II.4, DOPRI5's HINIT).
    @inlinable mutating func startLanes(_ w: UnsafeMutablePointer<Lanes>) {
        let n = self.n
        let y = w, stage = w + 2 * n, y1 = w + 3 * n, k1 = w + 4 * n, k2 = w + 5 * n
        system.derivatives(at: _time, state: y, into: k2)
        _vectorEvaluations += 1
        for i in 0..<n { k1[i] = Self.select(needsStart, k2[i], k1[i]) }
        let dnf = norm(k1, scaleOf: y, w), dny = norm(y, scaleOf: y, w)
        let hmax = Lanes(repeating: solver.maximumStep)
        var h = Self.select((dnf .<= Lanes(repeating: 1e-5)) .| (dny .<= Lanes(repeating: 1e-5)),
                            Lanes(repeating: 1e-6), Lanes(repeating: 0.01) * dny / dnf)
        h = h.replacing(with: Lanes(repeating: 1e-6), where: .!(h .> 0) .| .!(h .< .infinity))
        h = LaneMath.minimum(h, hmax)
        h = LaneMath.minimum(h, LaneMath.maximum(_endTime - _time, Lanes(repeating: 1e-300)))
        for i in 0..<n { stage[i] = y[i] + h * k1[i] }
        system.derivatives(at: _time + h, state: stage, into: y1)
        _vectorEvaluations += 1
        for i in 0..<n { y1[i] -= k1[i] }
        let der2 = norm(y1, scaleOf: y, w) / h
        var der12 = LaneMath.maximum(der2, dnf)
        der12.replace(with: Lanes(repeating: 1e300), where: .!(der12 .< .infinity))
        let tiny = der12 .<= Lanes(repeating: 1e-15)
        let h1 = Self.select(tiny, LaneMath.maximum(Lanes(repeating: 1e-6), h * Lanes(repeating: 1e-3)),
                             Self.power(Lanes(repeating: 0.01) / LaneMath.maximum(der12, Lanes(repeating: 1e-15)),
                                        1.0 / Double(DormandPrince54.order)))
        h = LaneMath.minimum(LaneMath.minimum(Lanes(repeating: 100) * h, h1), hmax)
        proposed = Self.select(needsStart, h, proposed)
        _statistics.rhsEvaluations += 2 * needsStart.count
        needsStart = Mask()
    }

    @inlinable mutating func attempt(_ w: UnsafeMutablePointer<Lanes>) -> Outcome {
        typealias D = DormandPrince54
        let n = self.n
        let y = w, yPrevious = w + n, stage = w + 2 * n, y1 = w + 3 * n
        let k1 = w + 4 * n, k2 = w + 5 * n, k3 = w + 6 * n, k4 = w + 7 * n, k5 = w + 8 * n, k6 = w + 9 * n
        let k7 = w + 10 * n, atol = w + 11 * n
        // The last step's end is this step's start (FSAL): k₁ ← k₇ where a step was accepted.
        if any(acceptedLast) {
            for i in 0..<n { k1[i] = Self.select(acceptedLast, k7[i], k1[i]) }
        }
        if any(needsStart) { startLanes(w) }
        let active = _active
        // Step sizes: inactive lanes step by 0 (their stages stay at their finite state); land exactly on the end time,
        // never leaving a sliver shorter than 1 % of a step.
        var h = LaneMath.minimum(proposed, Lanes(repeating: solver.maximumStep))
        let remaining = _endTime - _time
        h.replace(with: remaining, where: (h .>= remaining) .| (remaining - h .< Lanes(repeating: 0.01) * h))
        h.replace(with: Lanes(), where: .!active)
        let t = _time
        // One copy of the system for the six evaluations (a stored property of `self` is otherwise copied at each call).
        let system = self.system
        // Stages.
        let b21 = Lanes(repeating: D.a21) * h
        for i in 0..<n { stage[i] = y[i] + b21 * k1[i] }
        system.derivatives(at: t + Lanes(repeating: D.c2) * h, state: stage, into: k2)
        let b31 = Lanes(repeating: D.a31) * h, b32 = Lanes(repeating: D.a32) * h
        for i in 0..<n { stage[i] = y[i] + b31 * k1[i] + b32 * k2[i] }
        system.derivatives(at: t + Lanes(repeating: D.c3) * h, state: stage, into: k3)
        let b41 = Lanes(repeating: D.a41) * h, b42 = Lanes(repeating: D.a42) * h, b43 = Lanes(repeating: D.a43) * h
        for i in 0..<n { stage[i] = y[i] + b41 * k1[i] + b42 * k2[i] + b43 * k3[i] }
        system.derivatives(at: t + Lanes(repeating: D.c4) * h, state: stage, into: k4)
        let b51 = Lanes(repeating: D.a51) * h, b52 = Lanes(repeating: D.a52) * h, b53 = Lanes(repeating: D.a53) * h
        let b54 = Lanes(repeating: D.a54) * h
        for i in 0..<n { stage[i] = y[i] + b51 * k1[i] + b52 * k2[i] + b53 * k3[i] + b54 * k4[i] }
        system.derivatives(at: t + Lanes(repeating: D.c5) * h, state: stage, into: k5)
        let b61 = Lanes(repeating: D.a61) * h, b62 = Lanes(repeating: D.a62) * h, b63 = Lanes(repeating: D.a63) * h
        let b64 = Lanes(repeating: D.a64) * h, b65 = Lanes(repeating: D.a65) * h
        for i in 0..<n { stage[i] = y[i] + b61 * k1[i] + b62 * k2[i] + b63 * k3[i] + b64 * k4[i] + b65 * k5[i] }
        system.derivatives(at: t + h, state: stage, into: k6)
        let b71 = Lanes(repeating: D.a71) * h, b73 = Lanes(repeating: D.a73) * h, b74 = Lanes(repeating: D.a74) * h
        let b75 = Lanes(repeating: D.a75) * h, b76 = Lanes(repeating: D.a76) * h
        for i in 0..<n { y1[i] = y[i] + b71 * k1[i] + b73 * k3[i] + b74 * k4[i] + b75 * k5[i] + b76 * k6[i] }
        system.derivatives(at: t + h, state: y1, into: k7)
        _vectorEvaluations += 6
        _statistics.rhsEvaluations += 6 * active.count
        // Error estimate.
        let e1 = Lanes(repeating: D.e1) * h, e3 = Lanes(repeating: D.e3) * h, e4 = Lanes(repeating: D.e4) * h
        let e5 = Lanes(repeating: D.e5) * h, e6 = Lanes(repeating: D.e6) * h, e7 = Lanes(repeating: D.e7) * h
        let rtol = Lanes(repeating: solver.relativeTolerance)
        // The error vector first, into the stage's storage (two simple loops vectorise cleanly; one fused loop did not).
        for i in 0..<n { stage[i] = e1 * k1[i] + e3 * k3[i] + e4 * k4[i] + e5 * k5[i] + e6 * k6[i] + e7 * k7[i] }
        var sum = Lanes()
        for i in 0..<n {
            let sc = atol[i] + rtol * LaneMath.maximum(LaneMath.magnitude(y[i]), LaneMath.magnitude(y1[i]))
            let q = stage[i] / sc
            sum += q * q
        }
        // err² (no square root: the controller needs ln err = ln(err²)/2). A non-finite error (an overflow in f) rejects
        // the step and shrinks it by the largest factor.
        var squared = sum * Lanes(repeating: 1 / Double(n))
        squared.replace(with: Lanes(repeating: 1e20), where: .!(squared .< .infinity))
        let accepted = active .& (squared .<= Lanes(repeating: 1))
        // The controller (DOPRI5), written with the factors by which h grows rather than their inverses (no divisions):
        // an accepted step's successor is h·safety·err^−(0.2 − 0.75β)·errₒₗ𝒹^β within [facMin, facMax] (not above h
        // after a rejection), a rejected step retries with h·safety·err^−(0.2 − 0.75β), at least h·facMin.
        let beta = solver.beta
        let logError = Lanes(repeating: 0.5) * LaneMath.log(LaneMath.maximum(squared, Lanes(repeating: 1e-36)))
        let exponent = Lanes(repeating: -(0.2 - 0.75 * beta)) * logError
        let safety = Lanes(repeating: solver.safety)
        let facMin = Lanes(repeating: solver.minimumFactor), facMax = Lanes(repeating: solver.maximumFactor)
        let growth = safety * LaneMath.exp(exponent + Lanes(repeating: beta) * logErrorOld)
        var hAccepted = h * LaneMath.minimum(LaneMath.maximum(growth, facMin), facMax)
        hAccepted.replace(with: LaneMath.minimum(hAccepted, h), where: rejectedLast)
        let hRejected = h * LaneMath.maximum(safety * LaneMath.exp(exponent), facMin)
        // Accepted lanes move.
        let landed = accepted .& (h .== remaining)
        if any(accepted) {
            for i in 0..<n {
                yPrevious[i] = Self.select(accepted, y[i], yPrevious[i])
                y[i] = Self.select(accepted, y1[i], y[i])
            }
            _previousTime = Self.select(accepted, t, _previousTime)
            _lastStep = Self.select(accepted, h, _lastStep)
            var tNew = t + h
            tNew.replace(with: _endTime, where: landed)
            _time = Self.select(accepted, tNew, _time)
            logErrorOld = Self.select(accepted, LaneMath.maximum(logError, Lanes(repeating: Self.logMinimumError)), logErrorOld)
            stepsTaken = stepsTaken + Self.select(accepted, Lanes(repeating: 1), Lanes())
        }
        let rejected = active .& .!accepted
        proposed = Self.select(accepted, hAccepted, Self.select(rejected, hRejected, proposed))
        rejectedLast = (rejectedLast .& .!active) .| rejected
        acceptedLast = accepted
        _statistics.acceptedSteps += accepted.count
        _statistics.rejectedSteps += rejected.count
        // Failures: a step below round-off of t, or the step limit.
        var failed = Mask()
        let roundOff = Lanes(repeating: 16 * Double.ulpOfOne) * LaneMath.maximum(LaneMath.magnitude(_time), LaneMath.magnitude(_endTime))
        let tooSmall = rejected .& (proposed .<= roundOff)
        let limit = accepted .& (stepsTaken .>= Lanes(repeating: Double(solver.maximumSteps))) .& .!landed
        if any(tooSmall) || any(limit) {
            for lane in 0..<Lanes.scalarCount where tooSmall[lane] || limit[lane] {
                _failures[lane] = tooSmall[lane]
                    ? "step size underflow (h = \(proposed[lane])) at t = \(_time[lane]): the solution is not finite or too stiff there"
                    : "the step limit (\(solver.maximumSteps) steps) was reached at t = \(_time[lane])"
                failed[lane] = true
            }
        }
        _active = active .& .!landed .& .!failed
        return Outcome(accepted: accepted, finished: landed, failed: failed)
    }
}

extension SIMDMask {
    /// The number of lanes set.
    @inlinable var count: Int {
        var c = 0
        for i in 0..<scalarCount where self[i] { c += 1 }
        return c
    }
}
