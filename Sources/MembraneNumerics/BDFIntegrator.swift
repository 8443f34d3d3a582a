import RealModule

/// A steppable variable-step, variable-order (1–5) stiff integrator: the NDF/BDF scheme of Shampine &
/// Reichelt 1997 ("The MATLAB ODE Suite", SIAM J. Sci. Comput. 18:1–22; the algorithm of MATLAB's ode15s) as
/// scipy implements it in `scipy/integrate/_ivp/bdf.py` (`solve_ivp(method="BDF")`), step for step:
///
/// - the solution is carried as backward differences ∇⁰y … ∇ᵏ⁺²y (``NDFCoefficients``); a step-size change
///   rescales them by interpolation (quasi-constant step size), so the formulas keep constant coefficients;
/// - each step predicts y⁽⁰⁾ = Σₘ₌₀ᵏ ∇ᵐyₙ and solves (1 − κₖ)γₖ·d + Σγₘ∇ᵐyₙ = h·f(y⁽⁰⁾ + d) by a simplified
///   Newton iteration (at most 4 iterations, convergence-rate test) with the LU of I − (h/αₖ)·J, which is
///   reused across steps: refactored only when h or the order changes, and the Jacobian is re-evaluated only
///   when the iteration fails to converge (then the step is halved if it still fails); its convergence test is
///   scipy's or, with ``BDFSolver/NewtonTest/ode15s``, MATLAB ode15s's (the contraction rate carried across steps);
/// - the local error (κₖγₖ + 1/(k+1))·d is tested in the RMS norm of errᵢ/(atolᵢ + rtol·|yᵢ|); after k+1
///   steps at constant h the errors of orders k−1 and k+1 (from ∇ᵏy and ∇ᵏ⁺²y) pick the order and the step
///   that are largest, with safety 0.9·(2·4+1)/(2·4+iterations) and factors in [0.2, 10].
///
/// With an exact Jacobian it takes the same steps as scipy's BDF (Tests/Reference/bdf: identical step, f,
/// Jacobian and LU counts on Robertson's problem). Same surface as ``Integrator`` (``SteppableIntegrator``):
/// `step()` advances by one accepted step, never past ``endTime``; events by changing ``system`` and calling
/// ``restart(at:state:end:)``. Passive components (``ODESystem/activeDimension``) are handled exactly: the
/// iteration matrix is block lower triangular and only its active block is factored. Every buffer is
/// allocated at set-up; a step allocates nothing.
public struct BDFIntegrator<System: ODESystem> {
    public var system: System
    /// The settings the integrator runs with.
    public let solver: BDFSolver
    @inlinable public var time: Double { _time }
    @inlinable public var state: [Double] { _state }
    @inlinable public var endTime: Double { _endTime }
    @inlinable public var statistics: IntegratorStatistics { _statistics }
    /// The order (1…5) the next step will use.
    @inlinable public var order: Int { _order }
    /// The size of the last accepted step (0 before the first).
    @inlinable public var lastStep: Double { _lastStep }
    @inlinable public var isFinished: Bool { _time >= _endTime }

    @usableFromInline var _time: Double
    @usableFromInline var _state: [Double]
    @usableFromInline var _endTime: Double
    @usableFromInline var _statistics = IntegratorStatistics()
    @usableFromInline var _order = 1
    @usableFromInline var _lastStep: Double = 0
    @usableFromInline var stepSize: Double = 0
    @usableFromInline var equalSteps = 0
    /// True when the differences must be rebuilt from (t, y) before the next step (start, restart).
    @usableFromInline var needsStart = true

    @usableFromInline let n: Int
    @usableFromInline let na: Int
    @usableFromInline let rtol: Double
    @usableFromInline let newtonTolerance: Double
    @usableFromInline let maximumOrder: Int
    /// One workspace for every vector of a step (offsets below): predictor, reciprocal error scale, ψ, d, the Newton
    /// right-hand side, the backward differences ((maximumOrder + 3) rows of n, row m = ∇ᵐy), per-component atol,
    /// the rescaling scratch and the coefficients αₖ, γₖ and error constants.
    @usableFromInline var workspace: [Double]
    @usableFromInline let oPredicted: Int, oScale: Int, oPsi: Int, oCorrection: Int, oWork: Int
    @usableFromInline let oDifferences: Int, oAtol: Int, oScratch: Int, oAlpha: Int, oGamma: Int, oErrorConstant: Int
    /// U = R(1) of every order (``NDFCoefficients/unitR``).
    @usableFromInline let oUnit: Int
    /// The Newton iterate and f at it (arrays: the system reads and writes them).
    @usableFromInline var iterate: [Double]
    @usableFromInline var rhs: [Double]
    /// Finite-difference Jacobian (and starting-step) buffers.
    @usableFromInline var base: [Double]
    @usableFromInline var perturbed: [Double]
    @usableFromInline var perturbedRHS: [Double]
    @usableFromInline var jac: System.Jacobian
    /// True when `jac` was evaluated for the current system (false after a restart).
    @usableFromInline var jacValid = false
    /// The factored iteration matrix I − c·J (dense or block-structured, as the system's Jacobian).
    @usableFromInline var lu: System.Jacobian.Factorization
    /// Column groups for finite-difference Jacobians (``JacobianMatrix/differenceGroups(activeDimension:)``), made at
    /// the first one (a system with its own Jacobian never needs them).
    @usableFromInline var differenceGroups: [[Int]]? = nil
    @usableFromInline var luValid = false
    /// The c = h/αₖ of the factored matrix I − c·J.
    @usableFromInline var luFactor = 0.0
    @usableFromInline var f0: [Double]
    @usableFromInline var f0Valid = false
    /// The Newton contraction rate carried across steps on one iteration matrix (``BDFSolver/NewtonTest/ode15s``);
    /// −1 when unknown (at a start and whenever the matrix or c changes).
    @usableFromInline var carriedRate = -1.0

    /// Newton iterations per step at most (scipy's NEWTON_MAXITER).
    @usableFromInline static var newtonMaximumIterations: Int { 4 }
    /// Step-size factor bounds after an error failure and after order selection (scipy's MIN_FACTOR, MAX_FACTOR).
    @usableFromInline static var minimumFactor: Double { 0.2 }
    @usableFromInline static var maximumFactor: Double { 10 }

    /// Prepares an integration of `system` from `start` (state `state`) to `end`.
    public init(system: System, start: Double, state: [Double], end: Double, solver: BDFSolver) throws(IntegratorSetupError) {
        if let v = solver.validationError() { throw IntegratorSetupError(field: v.field, value: v.value, allowed: v.allowed) }
        try IntegratorSetupError.check(dimension: system.dimension, start: start, state: state, end: end,
                                       absoluteTolerances: solver.absoluteTolerances)
        self.system = system
        self.solver = solver
        _time = start
        _state = state
        _endTime = end
        let n = system.dimension
        self.n = n
        let na = max(0, min(n, system.activeDimension))
        self.na = na
        rtol = solver.relativeTolerance
        // scipy: newton_tol = max(10·ε/rtol, min(0.03, √rtol)), in units of the error scale.
        newtonTolerance = max(10 * Double.ulpOfOne / solver.relativeTolerance, min(0.03, solver.relativeTolerance.squareRoot()))
        maximumOrder = solver.maximumOrder
        let rows = NDFCoefficients.maximumOrder + 3
        let coefficients = NDFCoefficients.maximumOrder + 1
        oPredicted = 0
        oScale = n
        oPsi = 2 * n
        oCorrection = 3 * n
        oWork = 4 * n
        oDifferences = 5 * n
        oAtol = oDifferences + rows * n
        oScratch = oAtol + n
        oAlpha = oScratch + NDFCoefficients.scratchSize(dimension: n)
        oGamma = oAlpha + coefficients
        oErrorConstant = oGamma + coefficients
        oUnit = oErrorConstant + coefficients
        var w = [Double](repeating: 0, count: oUnit + NDFCoefficients.unitR.count)
        for (i, v) in NDFCoefficients.unitR.enumerated() { w[oUnit + i] = v }
        let atol = solver.absoluteTolerances ?? [Double](repeating: solver.absoluteTolerance, count: n)
        for i in 0..<n { w[oAtol + i] = atol[i] }
        for k in 0..<coefficients {
            w[oAlpha + k] = NDFCoefficients.alpha[k]
            w[oGamma + k] = NDFCoefficients.gamma[k]
            w[oErrorConstant + k] = NDFCoefficients.errorConstant[k]
        }
        workspace = w
        let jac = system.makeJacobian()
        precondition(jac.dimension == n, "the system's Jacobian has dimension \(jac.dimension), not \(n)")
        self.jac = jac
        lu = jac.makeFactorization(activeDimension: na)
        f0 = [Double](repeating: 0, count: n)
        iterate = f0
        rhs = f0
        base = f0
        perturbed = f0
        perturbedRHS = f0
    }

    /// The derivative at the current point: f(t, y) (one evaluation, cached until the point moves) at the start and
    /// after a restart; after a step, the derivative the BDF formula implies there, (ψ + d)/c, which equals f(t, y)
    /// to within the Newton tolerance and costs no evaluation.
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

    /// Continues from a new point (after an event changed the system or the state) to a new end time: the
    /// differences restart at order 1 with a fresh step size and the Jacobian is re-evaluated.
    @inlinable public mutating func restart(at t: Double, state y: [Double], end: Double) {
        precondition(y.count == n && end >= t)
        _time = t
        _state = y
        _endTime = end
        f0Valid = false
        jacValid = false
        luValid = false
        needsStart = true
        carriedRate = -1
    }

    @inlinable mutating func ensureDerivative() {
        if !f0Valid {
            System.evaluate(&system, at: _time, state: _state, into: &f0)
            _statistics.rhsEvaluations += 1
            f0Valid = true
        }
    }

    /// The RMS norm √(mean((factor·vᵢ/scaleᵢ)²)) (scipy's `norm(v / scale)`).
    @inlinable static func scaledNorm(_ v: UnsafePointer<Double>, _ scale: UnsafePointer<Double>, _ n: Int,
                                      factor: Double = 1) -> Double {
        if n == 0 { return 0 }
        var s = 0.0
        for i in 0..<n {
            let q = factor * v[i] / scale[i]
            s += q * q
        }
        return (s / Double(n)).squareRoot()
    }

    /// The same norm with the reciprocal scale given, √(mean((factor·vᵢ·weightᵢ)²)), weightᵢ = 1/scaleᵢ
    /// (a step divides once per component instead of once per norm).
    @inlinable static func weightedNorm(_ v: UnsafePointer<Double>, _ weight: UnsafePointer<Double>, _ n: Int,
                                        factor: Double = 1) -> Double {
        if n == 0 { return 0 }
        var s = 0.0
        for i in 0..<n {
            let q = v[i] * weight[i]
            s += q * q
        }
        return abs(factor) * (s / Double(n)).squareRoot()
    }

    /// Starting step: Hairer, Nørsett & Wanner, Solving ODEs I, §II.4, with error order 1 (scipy's
    /// `select_initial_step(..., order=1, ...)` as BDF calls it).
    @inlinable mutating func startingStep() -> Double {
        let span = _endTime - _time
        if let h = solver.initialStep { return min(h, span) }
        if n == 0 { return span }
        ensureDerivative()
        var scale = [Double](repeating: 0, count: n), difference = scale
        for i in 0..<n { scale[i] = workspace[oAtol + i] + rtol * abs(_state[i]) }
        let d0 = Self.scaledNorm(_state, scale, n), d1 = Self.scaledNorm(f0, scale, n)
        var h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1
        h0 = min(h0, span)
        for i in 0..<n { perturbed[i] = _state[i] + h0 * f0[i] }
        System.evaluate(&system, at: _time + h0, state: perturbed, into: &perturbedRHS)
        _statistics.rhsEvaluations += 1
        for i in 0..<n { difference[i] = perturbedRHS[i] - f0[i] }
        let d2 = Self.scaledNorm(difference, scale, n) / h0
        let h1: Double
        if d1 <= 1e-15 && d2 <= 1e-15 {
            h1 = max(1e-6, h0 * 1e-3)
        } else {
            h1 = Double.pow(0.01 / max(d1, d2), 0.5)
        }
        return min(100 * h0, h1, span, solver.maximumStep)
    }

    /// Order 1 from the current point: ∇⁰y = y, ∇¹y = h·f (set-up work: allocations allowed here).
    @inlinable mutating func begin() {
        ensureDerivative()
        stepSize = startingStep()
        let rows = NDFCoefficients.maximumOrder + 3
        for i in 0..<(rows * n) { workspace[oDifferences + i] = 0 }
        for i in 0..<n {
            workspace[oDifferences + i] = _state[i]
            workspace[oDifferences + n + i] = f0[i] * stepSize
        }
        _order = 1
        equalSteps = 0
        luValid = false
        needsStart = false
        if !jacValid { evaluateJacobian(at: _time, state: _state, derivative: f0) }
    }

    /// Evaluates the Jacobian at (t, y): the system's, or forward differences (f(t, y) given, or evaluated).
    @inlinable mutating func evaluateJacobian(at t: Double, state y: [Double], derivative: [Double]?) {
        _statistics.jacobianEvaluations += 1
        jacValid = true
        luValid = false
        if System.evaluateJacobian(&system, at: t, state: y, into: &jac) { return }
        if let derivative {
            for i in 0..<n { base[i] = derivative[i] }
        } else {
            System.evaluate(&system, at: t, state: y, into: &base)
            _statistics.rhsEvaluations += 1
        }
        // Forward differences with δⱼ = √(ε·max(10⁻⁵, |yⱼ|)) (as ``Integrator``), the columns of one group (no
        // shared row) perturbed together; passive columns stay zero.
        jac.setZero()
        if differenceGroups == nil { differenceGroups = jac.differenceGroups(activeDimension: na) }
        for i in 0..<n { perturbed[i] = y[i] }
        for group in differenceGroups! {
            for j in group {
                let yj = y[j]
                perturbed[j] = yj + (Double.ulpOfOne * max(1e-5, abs(yj))).squareRoot()
            }
            System.evaluate(&system, at: t, state: perturbed, into: &perturbedRHS)
            _statistics.rhsEvaluations += 1
            perturbedRHS.withUnsafeBufferPointer { p in
                base.withUnsafeBufferPointer { b in
                    for j in group {
                        jac.setColumn(j, perturbed: p.baseAddress!, base: b.baseAddress!, step: perturbed[j] - y[j])
                    }
                }
            }
            for j in group { perturbed[j] = y[j] }
        }
    }

    /// Advances by one accepted step (or reports why it cannot).
    @inlinable public mutating func step() -> StepOutcome {
        if _time >= _endTime { return .finished }
        if _statistics.acceptedSteps >= solver.maximumSteps { return .stepLimit }
        if n == 0 {
            _time = _endTime
            _statistics.acceptedSteps += 1
            return .accepted
        }
        if needsStart { begin() }
        // Move the buffers out of self for the step (no copies: each stays uniquely referenced), so that the
        // step works on raw pointers while calling the system and the Jacobian.
        var w: [Double] = [], y: [Double] = [], f: [Double] = []
        swap(&w, &workspace); swap(&y, &iterate); swap(&f, &rhs)
        let outcome = w.withUnsafeMutableBufferPointer { w in
            // The dimension as a constant for small systems (the loops over it unrolled), else as a variable.
            if n == 3 { return advance(w.baseAddress!, &y, &f, dimension: 3) }
            if n == 4 { return advance(w.baseAddress!, &y, &f, dimension: 4) }
            return advance(w.baseAddress!, &y, &f, dimension: n)
        }
        swap(&w, &workspace); swap(&y, &iterate); swap(&f, &rhs)
        return outcome
    }

    /// Rescales the differences for a step factor·h at order k. (Hot helpers are `mutating` so that they take
    /// self by reference: a non-mutating call from a mutating method copies the whole integrator.)
    @inlinable mutating func rescale(_ w: UnsafeMutablePointer<Double>, order k: Int, factor: Double) {
        NDFCoefficients.rescale(w + oDifferences, dimension: n, order: k, factor: factor, scratch: w + oScratch,
                                unit: UnsafePointer(w + oUnit + NDFCoefficients.unitROffset(order: k)))
    }

    /// Factors I − c·J (the passive rows kept by the factorisation).
    @inlinable mutating func factor(_ w: UnsafeMutablePointer<Double>, c: Double) {
        lu.factor(jac, diagonal: 1, scale: c)
        luFactor = c
        luValid = true
        // A new iteration matrix contracts at a new rate (CVODE resets CRATE at every matrix update).
        carriedRate = -1
        _statistics.decompositions += 1
    }

    /// Solves (I − c·J)·x = b in place at `x`, c and J those of the factorisation (passive rows x_p = b_p + c·J_pa·x_a).
    @inlinable @inline(__always)
    mutating func solveIteration(_ x: UnsafeMutablePointer<Double>, _ w: UnsafeMutablePointer<Double>, dimension n: Int) {
        lu.solve(x, dimension: n)
    }

    /// The simplified Newton iteration for d at t_new (scipy's `solve_bdf_system`): whether it converged and
    /// the number of iterations; the iterate is left in `y`, d in the workspace.
    @inlinable @inline(__always)
    mutating func newton(_ w: UnsafeMutablePointer<Double>, _ y: inout [Double], _ f: inout [Double], dimension n: Int,
                                    at tNew: Double, c: Double) -> (converged: Bool, iterations: Int) {
        let predicted = w + oPredicted, weight = w + oScale, psi = w + oPsi, d = w + oCorrection, dy = w + oWork
        y.withUnsafeMutableBufferPointer { y in
            for i in 0..<n { y[i] = predicted[i]; d[i] = 0 }
        }
        if lu.isSingular { return (false, 1) }
        var previousNorm = -1.0
        let maxIterations = Self.newtonMaximumIterations
        for k in 0..<maxIterations {
            System.evaluate(&system, at: tNew, state: y, into: &f)
            _statistics.rhsEvaluations += 1
            _statistics.newtonIterations += 1
            var finite = true
            f.withUnsafeBufferPointer { f in
                for i in 0..<n {
                    let v = f[i]
                    if !v.isFinite { finite = false }
                    dy[i] = c * v - psi[i] - d[i]
                }
            }
            if !finite { return (false, k + 1) }
            solveIteration(dy, w, dimension: n)
            let dyNorm = Self.weightedNorm(dy, weight, n)
            if !dyNorm.isFinite { return (false, k + 1) }
            var rate = -1.0, tolerance = newtonTolerance
            switch solver.newtonTest {
            case .scipy:
                if previousNorm >= 0 {
                    rate = dyNorm / previousNorm
                    // rate^(maxIterations − k) by multiplication (scipy: rate ** (NEWTON_MAXITER - k)).
                    var power = 1.0
                    for _ in 0..<(maxIterations - k) { power *= rate }
                    if rate >= 1 || power / (1 - rate) * dyNorm > newtonTolerance { return (false, k + 1) }
                }
            case .ode15s:
                if previousNorm >= 0 {
                    // ode15s: too slow when ‖Δ‖ > 0.9·‖Δ_prev‖; rate = max(0.9·rate, ‖Δ‖/‖Δ_prev‖), kept for later steps.
                    let measured = dyNorm / previousNorm
                    if measured > 0.9 { return (false, k + 1) }
                    carriedRate = max(0.9 * carriedRate, measured)
                    rate = carriedRate
                    tolerance = BDFSolver.NewtonTest.freshRateTolerance
                    // Too slow when even the remaining iterations could not reach the tolerance (ode15s:
                    // 0.5·rtol < errit·rate^(maxit − iter)).
                    let remaining = rate / (1 - rate) * dyNorm
                    if remaining > tolerance {
                        var power = 1.0
                        for _ in 0..<(maxIterations - k - 1) { power *= rate }
                        if remaining * power > tolerance { return (false, k + 1) }
                    }
                } else if carriedRate >= 0 {
                    // The first iterate, judged with the rate of earlier steps on the same matrix (stricter test).
                    rate = carriedRate
                    tolerance = BDFSolver.NewtonTest.carriedRateTolerance
                }
            }
            y.withUnsafeMutableBufferPointer { y in
                for i in 0..<n {
                    y[i] += dy[i]
                    d[i] += dy[i]
                }
            }
            if dyNorm == 0 || (rate >= 0 && rate / (1 - rate) * dyNorm < tolerance) {
                return (true, k + 1)
            }
            previousNorm = dyNorm
        }
        return (false, maxIterations)
    }

    /// One accepted step on the workspace `w`, the iterate `y` and its derivative `f` (see ``step()``).
    @inlinable @inline(__always)
    mutating func advance(_ w: UnsafeMutablePointer<Double>, _ y: inout [Double], _ f: inout [Double],
                          dimension n: Int) -> StepOutcome {
        let t = _time
        let differences = w + oDifferences, predicted = w + oPredicted, weight = w + oScale, psi = w + oPsi
        let correction = w + oCorrection, atol = w + oAtol
        let alpha = w + oAlpha, gamma = w + oGamma, errorConstant = w + oErrorConstant
        let minimumStep = 10 * (t.nextUp - t)
        if stepSize > solver.maximumStep {
            rescale(w, order: _order, factor: solver.maximumStep / stepSize)
            stepSize = solver.maximumStep
            equalSteps = 0
        } else if stepSize < minimumStep {
            rescale(w, order: _order, factor: minimumStep / stepSize)
            stepSize = minimumStep
            equalSteps = 0
        }
        var h = stepSize
        let k = _order
        // The Jacobian is re-evaluated at most once per step, on a convergence failure.
        var jacobianFresh = false
        var iterations = 0
        var errorNorm = 0.0
        var tNew = t
        var c = 0.0
        while true {
            if h < minimumStep {
                return .failed("step size underflow (h = \(h)) at t = \(t): the problem may be singular there")
            }
            tNew = t + h
            if tNew > _endTime {
                tNew = _endTime
                rescale(w, order: k, factor: (tNew - t) / h)
                equalSteps = 0
                luValid = false
            }
            h = tNew - t
            // Predictor y⁽⁰⁾ = Σₘ₌₀ᵏ ∇ᵐy, error scale, ψ = Σₘ₌₁ᵏ γₘ∇ᵐy / αₖ.
            let ak = alpha[k]
            for i in 0..<n { predicted[i] = differences[i]; psi[i] = 0 }
            for m in 1...k {
                let row = differences + m * n, g = gamma[m]
                for i in 0..<n {
                    let dm = row[i]
                    predicted[i] += dm
                    psi[i] += dm * g
                }
            }
            let inverseAlpha = 1 / ak
            for i in 0..<n {
                weight[i] = 1 / (atol[i] + rtol * abs(predicted[i]))
                psi[i] *= inverseAlpha
            }
            c = h / ak
            var converged = false
            while true {
                if !luValid { factor(w, c: c) }
                (converged, iterations) = newton(w, &y, &f, dimension: n, at: tNew, c: c)
                if converged || jacobianFresh { break }
                // Jacobian at the predicted point (scipy: self.jac(t_new, y_predict)); y is free as the state buffer.
                y.withUnsafeMutableBufferPointer { y in
                    for i in 0..<n { y[i] = predicted[i] }
                }
                evaluateJacobian(at: tNew, state: y, derivative: nil)
                jacobianFresh = true
            }
            if !converged {
                h *= 0.5
                rescale(w, order: k, factor: 0.5)
                equalSteps = 0
                luValid = false
                _statistics.rejectedSteps += 1
                continue
            }
            y.withUnsafeBufferPointer { y in
                for i in 0..<n { weight[i] = 1 / (atol[i] + rtol * abs(y[i])) }
            }
            errorNorm = Self.weightedNorm(correction, weight, n, factor: errorConstant[k])
            if errorNorm > 1 {
                let safety = 0.9 * Double(2 * Self.newtonMaximumIterations + 1) / Double(2 * Self.newtonMaximumIterations + iterations)
                let factor = max(Self.minimumFactor, safety * Double.pow(errorNorm, -1 / Double(k + 1)))
                h *= factor
                rescale(w, order: k, factor: factor)
                equalSteps = 0
                // The matrix is kept (scipy), but a rate measured at the old c does not describe the new one.
                carriedRate = -1
                _statistics.rejectedSteps += 1
                // The iteration converged: keep the LU (scipy does not reset it here).
                continue
            }
            break
        }
        // Accept: the iterate becomes the state (its old buffer the next iterate).
        equalSteps += 1
        _time = tNew
        swap(&_state, &y)
        stepSize = h
        _lastStep = h
        // The derivative at the new point that the BDF formula itself gives, y′ = (ψ + d)/c (scipy: the
        // converged `c·f(y) = ψ + d`), equal to f(t, y) to within the Newton tolerance: what a trajectory records for
        // interpolation, without another evaluation of f.
        do {
            let inverseC = 1 / c
            f0.withUnsafeMutableBufferPointer { f0 in
                for i in 0..<n { f0[i] = (psi[i] + correction[i]) * inverseC }
            }
            f0Valid = true
        }
        _statistics.acceptedSteps += 1
        // ∇ᵏ⁺²y = d − ∇ᵏ⁺¹y, ∇ᵏ⁺¹y = d, then ∇ᵐy += ∇ᵐ⁺¹y downwards (scipy's update of D).
        do {
            let top = differences + (k + 2) * n, next = differences + (k + 1) * n
            for i in 0..<n {
                let d = correction[i]
                top[i] = d - next[i]
                next[i] = d
            }
        }
        var m = k
        while m >= 0 {
            let row = differences + m * n, above = differences + (m + 1) * n
            for i in 0..<n { row[i] += above[i] }
            m -= 1
        }
        if equalSteps < k + 1 { return .accepted }
        // Order selection: the step each of the orders k − 1, k, k + 1 would allow; take the largest.
        var lower = Double.infinity, higher = Double.infinity
        if k > 1 { lower = Self.weightedNorm(differences + k * n, weight, n, factor: errorConstant[k - 1]) }
        if k < maximumOrder { higher = Self.weightedNorm(differences + (k + 2) * n, weight, n, factor: errorConstant[k + 1]) }
        let down = Double.pow(lower, -1 / Double(k)), same = Double.pow(errorNorm, -1 / Double(k + 1))
        let up = Double.pow(higher, -1 / Double(k + 2))
        var best = down, delta = -1
        if same > best { best = same; delta = 0 }
        if up > best { best = up; delta = 1 }
        let newOrder = k + delta
        _order = newOrder
        let safety = 0.9 * Double(2 * Self.newtonMaximumIterations + 1) / Double(2 * Self.newtonMaximumIterations + iterations)
        let factor = min(Self.maximumFactor, safety * best)
        stepSize *= factor
        rescale(w, order: newOrder, factor: factor)
        equalSteps = 0
        luValid = false
        return .accepted
    }
}

extension BDFIntegrator: SteppableIntegrator {}
