import RealModule

/// A steppable adaptive stiff integrator: a Rosenbrock method (``RosenbrockTableau/rodas4`` by default)
/// with embedded error control.
///
/// `step()` advances by one accepted step (never past ``endTime``), so a driver can be a loop around it
/// that draws progress, checks for Ctrl-C, streams samples or applies events:
///
///     var integrator = try Integrator(system: s, start: 0, state: y0, end: 10, solver: RosenbrockSolver())
///     while case .accepted = integrator.step() { record(integrator.time, integrator.state) }
///
/// An L-stable method with an exact (or accurately estimated) Jacobian takes steps set by accuracy,
/// not stability: microsecond capacitive relaxation and minute-long volume changes in one system cost
/// a few steps for the fast transient and then steps as long as the slow dynamics allow.
public struct Integrator<System: ODESystem> {
    public var system: System
    public let solver: RosenbrockSolver
    @inlinable public var time: Double { _time }
    @inlinable public var state: [Double] { _state }
    @inlinable public var endTime: Double { _endTime }
    @inlinable public var statistics: IntegratorStatistics { _statistics }
    /// The step size the controller proposes next.
    @inlinable public var proposedStep: Double { _proposedStep }
    /// The size of the last accepted step (0 before the first).
    @inlinable public var lastStep: Double { _lastStep }
    @usableFromInline var _time: Double
    @usableFromInline var _state: [Double]
    @usableFromInline var _endTime: Double
    @usableFromInline var _statistics = IntegratorStatistics()
    @usableFromInline var _proposedStep: Double = 0
    @usableFromInline var _lastStep: Double = 0

    @usableFromInline let n: Int
    /// Number of active components (the rest are passive; see ``ODESystem/activeDimension``).
    @usableFromInline let na: Int
    @usableFromInline var f0: [Double]
    @usableFromInline var f0Valid = false
    @usableFromInline var jac: System.Jacobian
    @usableFromInline var jacValid = false
    /// The factored iteration matrix E = I/(hγ) − J (dense or block-structured, as the system's Jacobian).
    @usableFromInline var lu: System.Jacobian.Factorization
    /// Column groups for finite-difference Jacobians (``JacobianMatrix/differenceGroups(activeDimension:)``).
    @usableFromInline let differenceGroups: [[Int]]
    @usableFromInline var fTime: [Double]
    @usableFromInline var k: [Double]
    @usableFromInline var stageState: [Double]
    @usableFromInline var stageRHS: [Double]
    @usableFromInline var yNew: [Double]
    @usableFromInline var atol: [Double]
    @usableFromInline var previousRejected = false
    @usableFromInline var consecutiveFailures = 0

    @inlinable public var isFinished: Bool { _time >= _endTime }

    /// Prepares an integration of `system` from `start` (state `state`) to `end`.
    public init(system: System, start: Double, state: [Double], end: Double, solver: RosenbrockSolver) throws(IntegratorSetupError) {
        if let v = solver.validationError() { throw IntegratorSetupError(field: v.field, value: v.value, allowed: v.allowed) }
        try IntegratorSetupError.check(dimension: system.dimension, start: start, state: state, end: end,
                                       absoluteTolerances: solver.absoluteTolerances)
        self.system = system
        self.solver = solver
        self._time = start
        self._state = state
        self._endTime = end
        let n = system.dimension
        self.n = n
        let na = max(0, min(n, system.activeDimension))
        self.na = na
        self.f0 = [Double](repeating: 0, count: n)
        let jac = system.makeJacobian()
        precondition(jac.dimension == n, "the system's Jacobian has dimension \(jac.dimension), not \(n)")
        self.jac = jac
        self.lu = jac.makeFactorization(activeDimension: na)
        self.differenceGroups = jac.differenceGroups(activeDimension: na)
        self.fTime = [Double](repeating: 0, count: n)
        self.k = [Double](repeating: 0, count: n * solver.tableau.stages)
        self.stageState = state
        self.stageRHS = [Double](repeating: 0, count: n)
        self.yNew = state
        self.atol = solver.absoluteTolerances ?? [Double](repeating: solver.absoluteTolerance, count: n)
    }

    /// f(t, y) at the current point (computed once and reused by the next step).
    @inlinable public mutating func currentDerivative() -> [Double] {
        ensureDerivative()
        return f0
    }

    /// Continues from a new point (after an event changed the system or the state), to a new end time.
    /// The step size is chosen afresh, since the solution may not be smooth across the event.
    @inlinable public mutating func restart(at t: Double, state y: [Double], end: Double) {
        precondition(y.count == n && end >= t)
        _time = t
        _state = y
        _endTime = end
        f0Valid = false
        jacValid = false
        _proposedStep = 0
        previousRejected = false
    }

    @inlinable mutating func ensureDerivative() {
        if !f0Valid {
            System.evaluate(&system, at: _time, state: _state, into: &f0)
            _statistics.rhsEvaluations += 1
            f0Valid = true
        }
    }

    /// The weighted RMS norm √(mean((vᵢ/scᵢ)²)) with scᵢ = atolᵢ + rtol·|yᵢ|.
    @inlinable func weightedNorm(_ v: [Double], _ y: [Double]) -> Double {
        var s = 0.0
        for i in 0..<n {
            let sc = atol[i] + solver.relativeTolerance * abs(y[i])
            let q = v[i] / sc
            s += q * q
        }
        return n == 0 ? 0 : (s / Double(n)).squareRoot()
    }

    /// Starting step (Hairer, Nørsett & Wanner, Solving ODEs I, §II.4, algorithm "starting step size").
    @inlinable mutating func startingStep() -> Double {
        let span = _endTime - _time
        if let h = solver.initialStep { return min(h, span, solver.maximumStep) }
        ensureDerivative()
        let d0 = weightedNorm(_state, _state), d1 = weightedNorm(f0, _state)
        var h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1
        h0 = min(h0, span, solver.maximumStep)
        for i in 0..<n { stageState[i] = _state[i] + h0 * f0[i] }
        System.evaluate(&system, at: _time + h0, state: stageState, into: &stageRHS)
        _statistics.rhsEvaluations += 1
        var diff = stageRHS
        for i in 0..<n { diff[i] -= f0[i] }
        let d2 = diff.allSatisfy(\.isFinite) ? weightedNorm(diff, _state) / h0 : .infinity
        let h1: Double
        if !d2.isFinite {
            h1 = h0 * 1e-3
        } else if max(d1, d2) <= 1e-15 {
            h1 = max(1e-6, h0 * 1e-3)
        } else {
            h1 = Double.pow(0.01 / max(d1, d2), 1.0 / Double(solver.tableau.order))
        }
        return max(min(100 * h0, h1, span, solver.maximumStep), 1e-300)
    }

    /// Estimates or evaluates the Jacobian at the current point.
    @inlinable mutating func ensureJacobian() {
        if jacValid { return }
        ensureDerivative()
        _statistics.jacobianEvaluations += 1
        if !System.evaluateJacobian(&system, at: _time, state: _state, into: &jac) {
            // Forward differences with δⱼ = √(ε·max(10⁻⁵, |yⱼ|)), the choice of Hairer & Wanner's RODAS; the columns
            // of one group share no row and are perturbed together.
            jac.setZero()
            for group in differenceGroups {
                for i in 0..<n { stageState[i] = _state[i] }
                for j in group {
                    let yj = _state[j]
                    stageState[j] = yj + (Double.ulpOfOne * max(1e-5, abs(yj))).squareRoot()
                }
                System.evaluate(&system, at: _time, state: stageState, into: &stageRHS)
                _statistics.rhsEvaluations += 1
                stageRHS.withUnsafeBufferPointer { perturbed in
                    f0.withUnsafeBufferPointer { base in
                        for j in group {
                            jac.setColumn(j, perturbed: perturbed.baseAddress!, base: base.baseAddress!,
                                          step: stageState[j] - _state[j])
                        }
                    }
                }
            }
        }
        if !system.isAutonomous && !System.evaluateTimeDerivative(&system, at: _time, state: _state, into: &fTime) {
            // ∂f/∂t by a central difference (error O(ε^{2/3})).
            let dt = Double.pow(Double.ulpOfOne, 1.0 / 3) * max(abs(_time), 1)
            System.evaluate(&system, at: _time + dt, state: _state, into: &fTime)
            System.evaluate(&system, at: _time - dt, state: _state, into: &stageRHS)
            _statistics.rhsEvaluations += 2
            for i in 0..<n { fTime[i] = (fTime[i] - stageRHS[i]) / (2 * dt) }
        }
        jacValid = true
    }

    /// Advances by one accepted step (or reports why it cannot).
    @inlinable public mutating func step() -> StepOutcome {
        if _time >= _endTime { return .finished }
        if _statistics.acceptedSteps >= solver.maximumSteps { return .stepLimit }
        if _proposedStep <= 0 { _proposedStep = startingStep() }
        ensureJacobian()
        let tab = solver.tableau
        let s = tab.stages
        let n = self.n
        while true {
            var h = min(_proposedStep, solver.maximumStep)
            let remaining = _endTime - _time
            // Land exactly on the end _time; avoid leaving a sliver shorter than 1 % of a step.
            if h >= remaining || remaining - h < 0.01 * h { h = remaining }
            if h <= 16 * max(abs(_time), abs(_endTime)).ulp || h <= 0 {
                return .failed("step size underflow (h = \(h)) at t = \(_time): the problem may be singular there")
            }
            // Iteration matrix E = I/(hγ) − J.
            let factor = 1 / (h * tab.gamma)
            lu.factor(jac, diagonal: factor, scale: 1)
            _statistics.decompositions += 1
            var finite = !lu.isSingular
            let autonomous = system.isAutonomous
            if finite {
                for stage in 0..<s {
                    // Stage input yᵢ = y + Σⱼ aᵢⱼ kⱼ (locals share storage: no copies, no overlapping access).
                    do {
                        let y = _state, kk = k, a = tab.a
                        stageState.withUnsafeMutableBufferPointer { out in
                            y.withUnsafeBufferPointer { y in
                                kk.withUnsafeBufferPointer { kk in
                                    a.withUnsafeBufferPointer { a in
                                        for i in 0..<n {
                                            var v = y[i]
                                            for j in 0..<stage { v += a[stage * s + j] * kk[j * n + i] }
                                            out[i] = v
                                        }
                                    }
                                }
                            }
                        }
                    }
                    if stage == 0 {
                        for i in 0..<n { stageRHS[i] = f0[i] }
                    } else {
                        System.evaluate(&system, at: _time + tab.times[stage] * h, state: stageState, into: &stageRHS)
                        _statistics.rhsEvaluations += 1
                    }
                    let dStage = h * tab.d[stage]
                    do {
                        let kk = k, c = tab.c, ft = fTime
                        stageRHS.withUnsafeMutableBufferPointer { out in
                            kk.withUnsafeBufferPointer { kk in
                                c.withUnsafeBufferPointer { c in
                                    ft.withUnsafeBufferPointer { ft in
                                        for i in 0..<n {
                                            var v = out[i]
                                            for j in 0..<stage { v += c[stage * s + j] / h * kk[j * n + i] }
                                            if !autonomous { v += dStage * ft[i] }
                                            out[i] = v
                                        }
                                    }
                                }
                            }
                        }
                    }
                    // E·kᵢ = rhs (passive rows, whose columns are zero, from the active block: k_p = hγ·(rhs_p + J_pa·k_a)).
                    if n > 0 { stageRHS.withUnsafeMutableBufferPointer { lu.solve($0.baseAddress!) } }
                    for i in 0..<n {
                        let v = stageRHS[i]
                        if !v.isFinite { finite = false }
                        k[stage * n + i] = v
                    }
                    if !finite { break }
                }
            }
            if !finite {
                _statistics.rejectedSteps += 1
                consecutiveFailures += 1
                if consecutiveFailures > 40 {
                    return .failed("the right-hand side is not finite near t = \(_time) even for tiny steps")
                }
                _proposedStep = h * 0.25
                previousRejected = true
                continue
            }
            // Solution and error estimate.
            var errSum = 0.0
            for i in 0..<n {
                var y1 = _state[i], e = 0.0
                for j in 0..<s {
                    let kj = k[j * n + i]
                    y1 += tab.m[j] * kj
                    e += tab.e[j] * kj
                }
                yNew[i] = y1
                let sc = atol[i] + solver.relativeTolerance * max(abs(_state[i]), abs(y1))
                let q = e / sc
                errSum += q * q
            }
            let err = n == 0 ? 0 : (errSum / Double(n)).squareRoot()
            guard err.isFinite else {
                _statistics.rejectedSteps += 1
                _proposedStep = h * 0.25
                previousRejected = true
                continue
            }
            let fac = 0.9 * Double.pow(max(err, 1e-12), -1.0 / Double(tab.order))
            if err <= 1 {
                consecutiveFailures = 0
                _time = (h == remaining) ? _endTime : _time + h
                swap(&_state, &yNew)
                _lastStep = h
                _statistics.acceptedSteps += 1
                f0Valid = false
                jacValid = false
                var next = h * min(solver.maximumFactor, max(solver.minimumFactor, fac))
                if previousRejected { next = min(next, h) }
                previousRejected = false
                _proposedStep = next
                return .accepted
            }
            _statistics.rejectedSteps += 1
            previousRejected = true
            _proposedStep = h * min(1, max(solver.minimumFactor, fac))
        }
    }
}

/// A problem with the arguments of an integration (reported before any step is taken).
public struct IntegratorSetupError: Error, Sendable, Equatable {
    public var field: String
    public var value: String
    public var allowed: String

    /// The checks every integrator makes before its first step: a state of the system's dimension, finite
    /// numbers, start ≤ end, and per-component tolerances (if any) of the right count.
    static func check(dimension: Int, start: Double, state: [Double], end: Double,
                      absoluteTolerances: [Double]?) throws(IntegratorSetupError) {
        guard state.count == dimension else {
            throw IntegratorSetupError(field: "state", value: "\(state.count) components",
                                       allowed: "\(dimension) components (the system's dimension)")
        }
        guard start.isFinite, end.isFinite, end >= start else {
            throw IntegratorSetupError(field: "end", value: "\(end)", allowed: "a finite end time ≥ the start time \(start)")
        }
        guard state.allSatisfy(\.isFinite) else {
            throw IntegratorSetupError(field: "state", value: "\(state)", allowed: "finite numbers")
        }
        if let v = absoluteTolerances, v.count != dimension {
            throw IntegratorSetupError(field: "atol", value: "\(v.count) values", allowed: "\(dimension) values")
        }
    }
}
