import RealModule

/// The Dormand–Prince 5(4) pair (``DormandPrince54``) on one ``ODESystem``: an explicit, adaptive, FSAL integrator with
/// DOPRI5's PI step-size controller and its stiffness test (Hairer, Nørsett & Wanner, *Solving ODEs I*, 2nd ed.,
/// §II.4–II.6 and §IV.2 of vol. II; their code `dopri5.f`).
///
/// The error of a step is √(mean((errᵢ/scᵢ)²)) with scᵢ = atolᵢ + rtol·max(|y₀ᵢ|, |y₁ᵢ|); an accepted step's successor
/// is h·min(10, max(0.2, 0.9·err^(−0.17)·errₒₗ𝒹^0.04)) (``DormandPrinceSolver``'s defaults), never growing right after
/// a rejection.
///
/// **Stiffness test** (`dopri5.f`, Hairer & Wanner II §IV.2): after each accepted step, h·λ is estimated from the two
/// stages evaluated at t + h, h·‖k₇ − k₆‖/‖y₁ − Y₆‖. When it exceeds ``stiffnessThreshold`` on 15 steps with fewer
/// than 6 non-stiff steps between them, ``isStiff`` becomes true: the step size is then set by stability rather than
/// accuracy, and a driver should change to an implicit method (``SwitchingIntegrator``). DOPRI5 uses 3.25, the edge of
/// the stability region on the negative real axis (≈ 3.3); but where the stiffness grows slowly the step-size
/// controller holds the step just inside the edge (h·λ ≈ 3.0–3.2 measured on Prothero–Robinson with λ rising to 10⁴),
/// and that test fires late or never. Here the threshold is 2.5: a step held above 3/4 of the stability bound for 15
/// steps is limited by stability. The integration itself stays correct either way (its error test holds every step).
///
/// Its dense output is not kept: a driver interpolates between accepted points with their derivatives (cubic
/// Hermite), as it does for the other integrators.
public struct DormandPrinceIntegrator<System: ODESystem>: SteppableIntegrator {
    /// The system integrated; after changing it, call ``restart(at:state:end:)``.
    public var system: System
    /// The tolerances, limits and controller (the settings ``LaneDormandPrince`` takes too: DOPRI5's defaults).
    public let settings: DormandPrinceSolver
    /// rtol.
    @inlinable public var relativeTolerance: Double { settings.relativeTolerance }
    /// One atol per component.
    @inlinable public var absoluteTolerances: [Double] { settings.absoluteTolerances }
    /// Upper bound on every step.
    @inlinable public var maximumStep: Double { settings.maximumStep }
    /// ``step()`` answers ``StepOutcome/stepLimit`` after this many accepted steps.
    @inlinable public var maximumSteps: Int { settings.maximumSteps }
    /// The time reached.
    @inlinable public var time: Double { _time }
    @usableFromInline var _time: Double
    /// The state at ``time``.
    @inlinable public var state: [Double] { _state }
    @usableFromInline var _state: [Double]
    /// The end of the integration.
    @inlinable public var endTime: Double { _endTime }
    @usableFromInline var _endTime: Double
    /// Steps, rejections and evaluations so far.
    @inlinable public var statistics: IntegratorStatistics { _statistics }
    @usableFromInline var _statistics: IntegratorStatistics = IntegratorStatistics()
    /// The size of the last accepted step (0 before the first).
    @inlinable public var lastStep: Double { _lastStep }
    @usableFromInline var _lastStep: Double = 0.0
    /// True once the stiffness test has fired (see the type's documentation); a restart clears it.
    @inlinable public var isStiff: Bool { _isStiff }
    @usableFromInline var _isStiff: Bool = false
    /// h·λ of the last accepted step, as the stiffness test estimates it (0 before the first).
    @inlinable public var stiffnessEstimate: Double { _stiffnessEstimate }
    @usableFromInline var _stiffnessEstimate: Double = 0.0
    /// h·λ above which a step counts as limited by stability (see the type's documentation).
    @inlinable public static var stiffnessThreshold: Double { 2.5 }
    /// True once ``time`` has reached ``endTime``.
    @inlinable public var isFinished: Bool { _time >= _endTime }

    @usableFromInline let n: Int
    /// f(t, y) at the current point (k₁ of the next step), valid when ``derivativeValid``.
    @usableFromInline var derivative: [Double]
    @usableFromInline var derivativeValid = false
    /// The stages k₂ … k₇, the stage input and y₁.
    @usableFromInline var k2: [Double], k3: [Double], k4: [Double], k5: [Double], k6: [Double], k7: [Double]
    @usableFromInline var stage: [Double], y1: [Double]
    /// The next step to try (0: choose a starting step).
    @usableFromInline var proposed = 0.0
    /// The first step after a restart, if the caller knows a good one.
    @usableFromInline var suggestedStart: Double?
    @usableFromInline var errorOld = 1e-4
    @usableFromInline var rejectedLast = false
    @usableFromInline var stiffSteps = 0
    @usableFromInline var nonStiffSteps = 0

    /// Prepares an integration of `system` from (`start`, `state`) to `end`.
    public init(system: System, start: Double, state: [Double], end: Double, relativeTolerance: Double,
                absoluteTolerances: [Double], maximumStep: Double = .infinity,
                maximumSteps: Int = 100_000_000) throws(IntegratorSetupError) {
        try IntegratorSetupError.check(dimension: system.dimension, start: start, state: state, end: end,
                                       absoluteTolerances: absoluteTolerances)
        let settings = DormandPrinceSolver(relativeTolerance: relativeTolerance, absoluteTolerances: absoluteTolerances,
                                           maximumStep: maximumStep, maximumSteps: maximumSteps)
        if let v = settings.validationError(dimension: system.dimension) {
            throw IntegratorSetupError(field: v.field, value: v.value, allowed: v.allowed)
        }
        self.system = system
        self.settings = settings
        _time = start
        _state = state
        _endTime = end
        n = system.dimension
        derivative = [Double](repeating: 0, count: n)
        (k2, k3, k4, k5, k6, k7, stage, y1) = (derivative, derivative, derivative, derivative, derivative, derivative,
                                               derivative, derivative)
    }

    /// f(t, y) at the current point.
    @inlinable public mutating func currentDerivative() -> [Double] {
        ensureDerivative()
        return derivative
    }

    /// Calls `body` with t, y and f(t, y) at the current point.
    @inlinable public mutating func withCurrentPoint<R>(_ body: (_ time: Double, _ state: UnsafeBufferPointer<Double>,
                                                      _ derivative: UnsafeBufferPointer<Double>) -> R) -> R {
        ensureDerivative()
        let t = _time
        return _state.withUnsafeBufferPointer { y in derivative.withUnsafeBufferPointer { f in body(t, y, f) } }
    }

    /// Continues from (t, y) to `end`, choosing a starting step afresh and clearing the stiffness test.
    @inlinable public mutating func restart(at t: Double, state y: [Double], end: Double) {
        restart(at: t, state: y, end: end, step: nil)
    }

    /// Continues from (t, y) to `end`, starting with step `step` when given (e.g. the step another method had reached).
    @inlinable public mutating func restart(at t: Double, state y: [Double], end: Double, step: Double?) {
        precondition(y.count == n && end >= t)
        _time = t
        _state = y
        _endTime = end
        derivativeValid = false
        proposed = 0
        suggestedStart = step.flatMap { $0 > 0 && $0.isFinite ? $0 : nil }
        errorOld = 1e-4
        rejectedLast = false
        _isStiff = false
        stiffSteps = 0
        nonStiffSteps = 0
    }

    @inlinable mutating func ensureDerivative() {
        if !derivativeValid {
            System.evaluate(&system, at: _time, state: _state, into: &derivative)
            _statistics.rhsEvaluations += 1
            derivativeValid = true
        }
    }

    /// √(mean((vᵢ/scᵢ)²)) with scᵢ = atolᵢ + rtol·|yᵢ|.
    @inlinable func scaledNorm(_ v: [Double], scaleOf y: [Double]) -> Double {
        var s = 0.0
        for i in 0..<n {
            let q = v[i] / (absoluteTolerances[i] + relativeTolerance * abs(y[i]))
            s += q * q
        }
        return n == 0 ? 0 : (s / Double(n)).squareRoot()
    }

    /// The starting step of DOPRI5's HINIT (Hairer, Nørsett & Wanner I, §II.4), order 5.
    @inlinable mutating func startingStep() -> Double {
        let span = _endTime - _time
        if let h = suggestedStart { return min(h, span, maximumStep) }
        ensureDerivative()
        let d0 = scaledNorm(_state, scaleOf: _state), d1 = scaledNorm(derivative, scaleOf: _state)
        var h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1
        h0 = min(h0, span, maximumStep)
        for i in 0..<n { stage[i] = _state[i] + h0 * derivative[i] }
        System.evaluate(&system, at: _time + h0, state: stage, into: &k2)
        _statistics.rhsEvaluations += 1
        for i in 0..<n { k2[i] -= derivative[i] }
        let d2 = scaledNorm(k2, scaleOf: _state) / h0
        let d12 = max(d1, d2)
        let h1 = d12.isFinite && d12 > 1e-15 ? Double.pow(0.01 / d12, 1.0 / Double(DormandPrince54.order))
                                              : max(1e-6, h0 * 1e-3)
        return max(min(100 * h0, h1, span, maximumStep), 16 * Double.ulpOfOne * max(abs(_time), abs(_endTime)))
    }

    /// Advances by one accepted step (never past ``endTime``), or says why it cannot.
    @inlinable public mutating func step() -> StepOutcome {
        typealias D = DormandPrince54
        if _time >= _endTime { return .finished }
        if _statistics.acceptedSteps >= maximumSteps { return .stepLimit }
        ensureDerivative()
        if proposed == 0 { proposed = startingStep() }
        while true {
            var h = min(proposed, maximumStep)
            let remaining = _endTime - _time
            if h >= remaining || remaining - h < 0.01 * h { h = remaining }
            let t = _time
            for i in 0..<n { stage[i] = _state[i] + h * D.a21 * derivative[i] }
            System.evaluate(&system, at: t + D.c2 * h, state: stage, into: &k2)
            for i in 0..<n { stage[i] = _state[i] + h * (D.a31 * derivative[i] + D.a32 * k2[i]) }
            System.evaluate(&system, at: t + D.c3 * h, state: stage, into: &k3)
            for i in 0..<n { stage[i] = _state[i] + h * (D.a41 * derivative[i] + D.a42 * k2[i] + D.a43 * k3[i]) }
            System.evaluate(&system, at: t + D.c4 * h, state: stage, into: &k4)
            for i in 0..<n { stage[i] = _state[i] + h * (D.a51 * derivative[i] + D.a52 * k2[i] + D.a53 * k3[i] + D.a54 * k4[i]) }
            System.evaluate(&system, at: t + D.c5 * h, state: stage, into: &k5)
            for i in 0..<n {
                stage[i] = _state[i] + h * (D.a61 * derivative[i] + D.a62 * k2[i] + D.a63 * k3[i] + D.a64 * k4[i] + D.a65 * k5[i])
            }
            System.evaluate(&system, at: t + h, state: stage, into: &k6)
            for i in 0..<n {
                y1[i] = _state[i] + h * (D.a71 * derivative[i] + D.a73 * k3[i] + D.a74 * k4[i] + D.a75 * k5[i] + D.a76 * k6[i])
            }
            System.evaluate(&system, at: t + h, state: y1, into: &k7)
            _statistics.rhsEvaluations += 6
            var sum = 0.0
            for i in 0..<n {
                let e = h * (D.e1 * derivative[i] + D.e3 * k3[i] + D.e4 * k4[i] + D.e5 * k5[i] + D.e6 * k6[i] + D.e7 * k7[i])
                let q = e / (absoluteTolerances[i] + relativeTolerance * max(abs(_state[i]), abs(y1[i])))
                sum += q * q
            }
            var error = n == 0 ? 0 : (sum / Double(n)).squareRoot()
            if !error.isFinite { error = 1e10 }  // an overflow in f: reject and shrink by the largest factor
            if error <= 1 {
                // The stiffness test on the two stages at t + h (dopri5.f).
                var numerator = 0.0, denominator = 0.0
                for i in 0..<n {
                    let df = k7[i] - k6[i], dy = y1[i] - stage[i]
                    numerator += df * df
                    denominator += dy * dy
                }
                _stiffnessEstimate = denominator > 0 ? h * (numerator / denominator).squareRoot() : 0
                if _stiffnessEstimate > Self.stiffnessThreshold {
                    nonStiffSteps = 0
                    stiffSteps += 1
                    if stiffSteps >= 15 { _isStiff = true }
                } else {
                    nonStiffSteps += 1
                    if nonStiffSteps >= 6 { stiffSteps = 0 }
                }
                let beta = settings.beta
                var factor = Double.pow(max(error, 1e-36), 0.2 - 0.75 * beta) / Double.pow(errorOld, beta) / settings.safety
                factor = max(1 / settings.maximumFactor, min(1 / settings.minimumFactor, factor))
                var next = h / factor
                if rejectedLast { next = min(next, h) }
                errorOld = max(error, 1e-4)
                rejectedLast = false
                swap(&_state, &y1)
                swap(&derivative, &k7)
                _time = h == remaining ? _endTime : t + h
                _lastStep = h
                proposed = next
                _statistics.acceptedSteps += 1
                return .accepted
            }
            _statistics.rejectedSteps += 1
            rejectedLast = true
            proposed = h / min(1 / settings.minimumFactor, Double.pow(error, 0.2 - 0.75 * settings.beta) / settings.safety)
            if proposed <= 16 * Double.ulpOfOne * max(abs(_time), abs(_endTime)) {
                return .failed("step size underflow (h = \(proposed)) at t = \(_time): the solution is not finite or too stiff there")
            }
        }
    }
}
