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
    /// The settings the integrator runs with.
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
    /// Column groups for finite-difference Jacobians (``JacobianMatrix/differenceGroups(activeDimension:)``), made at
    /// the first one (a system with its own Jacobian never needs them).
    @usableFromInline var differenceGroups: [[Int]]? = nil
    @usableFromInline var fTime: [Double]
    /// The stage input, its right-hand side and the next solution (arrays: the system reads and writes them).
    @usableFromInline var stageState: [Double]
    @usableFromInline var stageRHS: [Double]
    @usableFromInline var yNew: [Double]
    /// One workspace for what a step reads by pointer (offsets below): the stages kᵢ (s rows of n), the per-component
    /// atol, the tableau's aᵢⱼ, Cᵢⱼ, cᵢ, dᵢ, mᵢ, eᵢ, and the Cᵢⱼ/h of the stage being formed.
    @usableFromInline var workspace: [Double]
    @usableFromInline let oK: Int, oAtol: Int, oA: Int, oC: Int, oTimes: Int, oD: Int, oM: Int, oE: Int, oScaledC: Int
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
        self.fTime = [Double](repeating: 0, count: n)
        self.stageState = state
        self.stageRHS = [Double](repeating: 0, count: n)
        self.yNew = state
        let tab = solver.tableau, s = tab.stages
        oK = 0
        oAtol = s * n
        oA = oAtol + n
        oC = oA + s * s
        oTimes = oC + s * s
        oD = oTimes + s
        oM = oD + s
        oE = oM + s
        oScaledC = oE + s
        var w = [Double](repeating: 0, count: oScaledC + s)
        let atol = solver.absoluteTolerances ?? [Double](repeating: solver.absoluteTolerance, count: n)
        for i in 0..<n { w[oAtol + i] = atol[i] }
        for i in 0..<(s * s) { w[oA + i] = tab.a[i]; w[oC + i] = tab.c[i] }
        for i in 0..<s {
            w[oTimes + i] = tab.times[i]; w[oD + i] = tab.d[i]; w[oM + i] = tab.m[i]; w[oE + i] = tab.e[i]
        }
        workspace = w
    }

    /// f(t, y) at the current point (computed once and reused by the next step).
    @inlinable public mutating func currentDerivative() -> [Double] {
        ensureDerivative()
        return f0
    }

    /// Calls `body` with t, y and f(t, y) at the current point, read in place (no copies, no reference counting).
    @inlinable public mutating func withCurrentPoint<R>(_ body: (_ time: Double, _ state: UnsafeBufferPointer<Double>,
                                                               _ derivative: UnsafeBufferPointer<Double>) -> R) -> R {
        ensureDerivative()
        // Borrowed in place through (unused) mutable access: a read access of the arrays here would retain and release
        // them, two atomic operations each, at every step.
        let t = _time
        return _state.withUnsafeMutableBufferPointer { y in
            f0.withUnsafeMutableBufferPointer { f in body(t, UnsafeBufferPointer(y), UnsafeBufferPointer(f)) }
        }
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
            let sc = workspace[oAtol + i] + solver.relativeTolerance * abs(y[i])
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
            if differenceGroups == nil { differenceGroups = jac.differenceGroups(activeDimension: na) }
            for group in differenceGroups! {
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
        // Move the buffers out of self for the step (no copies: each stays uniquely referenced), so that the step
        // works on raw pointers while it calls the system.
        var w: [Double] = [], input: [Double] = [], rhs: [Double] = [], next: [Double] = []
        swap(&w, &workspace); swap(&input, &stageState); swap(&rhs, &stageRHS); swap(&next, &yNew)
        let outcome = w.withUnsafeMutableBufferPointer { w in
            // The dimension and stage count as constants for small systems and the six stages of Rodas4 (the loops
            // over them unrolled), else as variables.
            let stages = solver.tableau.stages
            if stages == 6 && n == 3 { return attempt(w.baseAddress!, &input, &rhs, &next, dimension: 3, stages: 6) }
            if stages == 6 && n == 4 { return attempt(w.baseAddress!, &input, &rhs, &next, dimension: 4, stages: 6) }
            return attempt(w.baseAddress!, &input, &rhs, &next, dimension: n, stages: stages)
        }
        swap(&w, &workspace); swap(&input, &stageState); swap(&rhs, &stageRHS); swap(&next, &yNew)
        return outcome
    }

    /// Steps from the current point until one step is accepted (or fails), on the workspace `w` and the stage
    /// buffers (see ``step()``): each attempt factors E = I/(hγ) − J, forms the s stages
    ///
    ///     E·kᵢ = f(t + cᵢh, y + Σⱼ<ᵢ aᵢⱼkⱼ) + Σⱼ<ᵢ (Cᵢⱼ/h)·kⱼ + h·dᵢ·∂f/∂t
    ///
    /// and accepts y + Σ mᵢkᵢ when the error estimate Σ eᵢkᵢ is within the tolerances.
    @inlinable @inline(__always)
    mutating func attempt(_ w: UnsafeMutablePointer<Double>, _ input: inout [Double], _ rhs: inout [Double],
                          _ next: inout [Double], dimension n: Int, stages s: Int) -> StepOutcome {
        let gamma = solver.tableau.gamma, order = solver.tableau.order, rtol = solver.relativeTolerance
        let k = w + oK, atol = w + oAtol, a = w + oA, c = w + oC, times = w + oTimes, d = w + oD, m = w + oM, e = w + oE
        let scaledC = w + oScaledC
        while true {
            var h = min(_proposedStep, solver.maximumStep)
            let remaining = _endTime - _time
            // Land exactly on the end _time; avoid leaving a sliver shorter than 1 % of a step.
            if h >= remaining || remaining - h < 0.01 * h { h = remaining }
            // Underflow: a step that no longer moves t (the test of Hairer's RODAS, |h|·0.1 ≤ |t|·uround, on t alone:
            // the end time does not limit how finely t can be resolved, which a run started at a transient needs).
            if h <= 16 * abs(_time).ulp || h <= 0 {
                return .failed("step size underflow (h = \(h)) at t = \(_time): the problem may be singular there")
            }
            // Iteration matrix E = I/(hγ) − J.
            let factor = 1 / (h * gamma)
            lu.factor(jac, diagonal: factor, scale: 1)
            _statistics.decompositions += 1
            var finite = !lu.isSingular
            let autonomous = system.isAutonomous
            if finite {
                for stage in 0..<s {
                    // Stage input yᵢ = y + Σⱼ aᵢⱼ kⱼ.
                    let aRow = a + stage * s
                    _state.withUnsafeBufferPointer { y in
                        input.withUnsafeMutableBufferPointer { out in
                            for i in 0..<n {
                                var v = y[i]
                                for j in 0..<stage { v += aRow[j] * k[j * n + i] }
                                out[i] = v
                            }
                        }
                    }
                    if stage == 0 {
                        f0.withUnsafeBufferPointer { f in
                            rhs.withUnsafeMutableBufferPointer { out in
                                for i in 0..<n { out[i] = f[i] }
                            }
                        }
                    } else {
                        System.evaluate(&system, at: _time + times[stage] * h, state: input, into: &rhs)
                        _statistics.rhsEvaluations += 1
                    }
                    let dStage = h * d[stage]
                    for j in 0..<stage { scaledC[j] = c[stage * s + j] / h }
                    // E·kᵢ = rhs (passive rows, whose columns are zero, from the active block: k_p = hγ·(rhs_p + J_pa·k_a)).
                    let kStage = k + stage * n
                    var stageFinite = true
                    rhs.withUnsafeMutableBufferPointer { out in
                        fTime.withUnsafeBufferPointer { ft in
                            for i in 0..<n {
                                var v = out[i]
                                for j in 0..<stage { v += scaledC[j] * k[j * n + i] }
                                if !autonomous { v += dStage * ft[i] }
                                out[i] = v
                            }
                        }
                        if n > 0 { lu.solve(out.baseAddress!, dimension: n) }
                        for i in 0..<n {
                            let v = out[i]
                            if !v.isFinite { stageFinite = false }
                            kStage[i] = v
                        }
                    }
                    if !stageFinite { finite = false; break }
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
            _state.withUnsafeBufferPointer { y in
                next.withUnsafeMutableBufferPointer { out in
                    for i in 0..<n {
                        var y1 = y[i], err = 0.0
                        for j in 0..<s {
                            let kj = k[j * n + i]
                            y1 += m[j] * kj
                            err += e[j] * kj
                        }
                        out[i] = y1
                        let sc = atol[i] + rtol * max(abs(y[i]), abs(y1))
                        let q = err / sc
                        errSum += q * q
                    }
                }
            }
            let err = n == 0 ? 0 : (errSum / Double(n)).squareRoot()
            guard err.isFinite else {
                _statistics.rejectedSteps += 1
                _proposedStep = h * 0.25
                previousRejected = true
                continue
            }
            let fac = 0.9 * Double.pow(max(err, 1e-12), -1.0 / Double(order))
            if err <= 1 {
                consecutiveFailures = 0
                _time = (h == remaining) ? _endTime : _time + h
                swap(&_state, &next)
                _lastStep = h
                _statistics.acceptedSteps += 1
                f0Valid = false
                jacValid = false
                var proposal = h * min(solver.maximumFactor, max(solver.minimumFactor, fac))
                if previousRejected { proposal = min(proposal, h) }
                previousRejected = false
                _proposedStep = proposal
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
    /// The argument at fault.
    public var field: String
    /// Its value, as given.
    public var value: String
    /// What is allowed.
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
