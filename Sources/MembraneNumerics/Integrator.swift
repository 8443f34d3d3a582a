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
    public private(set) var time: Double
    public private(set) var state: [Double]
    public private(set) var endTime: Double
    public private(set) var statistics = IntegratorStatistics()
    /// The step size the controller proposes next.
    public private(set) var proposedStep: Double = 0
    /// The size of the last accepted step (0 before the first).
    public private(set) var lastStep: Double = 0

    let n: Int
    var f0: [Double]
    var f0Valid = false
    var jac: DenseMatrix
    var jacValid = false
    var lu: LUDecomposition
    var fTime: [Double]
    var k: [Double]
    var stageState: [Double]
    var stageRHS: [Double]
    var yNew: [Double]
    var atol: [Double]
    var previousRejected = false
    var consecutiveFailures = 0

    public var isFinished: Bool { time >= endTime }

    /// Prepares an integration of `system` from `start` (state `state`) to `end`.
    public init(system: System, start: Double, state: [Double], end: Double, solver: RosenbrockSolver) throws(IntegratorSetupError) {
        if let v = solver.validationError() { throw IntegratorSetupError(field: v.field, value: v.value, allowed: v.allowed) }
        guard state.count == system.dimension else {
            throw IntegratorSetupError(field: "state", value: "\(state.count) components",
                                       allowed: "\(system.dimension) components (the system's dimension)")
        }
        guard start.isFinite, end.isFinite, end >= start else {
            throw IntegratorSetupError(field: "end", value: "\(end)", allowed: "a finite end time ≥ the start time \(start)")
        }
        guard state.allSatisfy(\.isFinite) else {
            throw IntegratorSetupError(field: "state", value: "\(state)", allowed: "finite numbers")
        }
        if let v = solver.absoluteTolerances, v.count != system.dimension {
            throw IntegratorSetupError(field: "atol", value: "\(v.count) values", allowed: "\(system.dimension) values")
        }
        self.system = system
        self.solver = solver
        self.time = start
        self.state = state
        self.endTime = end
        let n = system.dimension
        self.n = n
        self.f0 = [Double](repeating: 0, count: n)
        self.jac = DenseMatrix(size: n)
        self.lu = LUDecomposition(size: n)
        self.fTime = [Double](repeating: 0, count: n)
        self.k = [Double](repeating: 0, count: n * solver.tableau.stages)
        self.stageState = state
        self.stageRHS = [Double](repeating: 0, count: n)
        self.yNew = state
        self.atol = solver.absoluteTolerances ?? [Double](repeating: solver.absoluteTolerance, count: n)
    }

    /// f(t, y) at the current point (computed once and reused by the next step).
    public mutating func currentDerivative() -> [Double] {
        ensureDerivative()
        return f0
    }

    /// Continues from a new point (after an event changed the system or the state), to a new end time.
    /// The step size is chosen afresh, since the solution may not be smooth across the event.
    public mutating func restart(at t: Double, state y: [Double], end: Double) {
        precondition(y.count == n && end >= t)
        time = t
        state = y
        endTime = end
        f0Valid = false
        jacValid = false
        proposedStep = 0
        previousRejected = false
    }

    mutating func ensureDerivative() {
        if !f0Valid {
            system.derivatives(at: time, state: state, into: &f0)
            statistics.rhsEvaluations += 1
            f0Valid = true
        }
    }

    /// The weighted RMS norm √(mean((vᵢ/scᵢ)²)) with scᵢ = atolᵢ + rtol·|yᵢ|.
    func weightedNorm(_ v: [Double], _ y: [Double]) -> Double {
        var s = 0.0
        for i in 0..<n {
            let sc = atol[i] + solver.relativeTolerance * abs(y[i])
            let q = v[i] / sc
            s += q * q
        }
        return n == 0 ? 0 : (s / Double(n)).squareRoot()
    }

    /// Starting step (Hairer, Nørsett & Wanner, Solving ODEs I, §II.4, algorithm "starting step size").
    mutating func startingStep() -> Double {
        let span = endTime - time
        if let h = solver.initialStep { return min(h, span, solver.maximumStep) }
        ensureDerivative()
        let d0 = weightedNorm(state, state), d1 = weightedNorm(f0, state)
        var h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1
        h0 = min(h0, span, solver.maximumStep)
        for i in 0..<n { stageState[i] = state[i] + h0 * f0[i] }
        system.derivatives(at: time + h0, state: stageState, into: &stageRHS)
        statistics.rhsEvaluations += 1
        var diff = stageRHS
        for i in 0..<n { diff[i] -= f0[i] }
        let d2 = diff.allSatisfy(\.isFinite) ? weightedNorm(diff, state) / h0 : .infinity
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
    mutating func ensureJacobian() {
        if jacValid { return }
        ensureDerivative()
        statistics.jacobianEvaluations += 1
        if !system.jacobian(at: time, state: state, into: &jac) {
            // Forward differences with δⱼ = √(ε·max(10⁻⁵, |yⱼ|)), the choice of Hairer & Wanner's RODAS.
            for j in 0..<n {
                let yj = state[j]
                let h = (Double.ulpOfOne * max(1e-5, abs(yj))).squareRoot()
                stageState = state
                stageState[j] = yj + h
                let dh = stageState[j] - yj
                system.derivatives(at: time, state: stageState, into: &stageRHS)
                statistics.rhsEvaluations += 1
                for i in 0..<n { jac[i, j] = (stageRHS[i] - f0[i]) / dh }
            }
        }
        if !system.isAutonomous {
            // ∂f/∂t by a central difference (error O(ε^{2/3})).
            let dt = Double.pow(Double.ulpOfOne, 1.0 / 3) * max(abs(time), 1)
            system.derivatives(at: time + dt, state: state, into: &fTime)
            system.derivatives(at: time - dt, state: state, into: &stageRHS)
            statistics.rhsEvaluations += 2
            for i in 0..<n { fTime[i] = (fTime[i] - stageRHS[i]) / (2 * dt) }
        }
        jacValid = true
    }

    /// Advances by one accepted step (or reports why it cannot).
    public mutating func step() -> StepOutcome {
        if time >= endTime { return .finished }
        if statistics.acceptedSteps >= solver.maximumSteps { return .stepLimit }
        if proposedStep <= 0 { proposedStep = startingStep() }
        ensureJacobian()
        let tab = solver.tableau
        let s = tab.stages
        while true {
            var h = min(proposedStep, solver.maximumStep)
            let remaining = endTime - time
            // Land exactly on the end time; avoid leaving a sliver shorter than 1 % of a step.
            if h >= remaining || remaining - h < 0.01 * h { h = remaining }
            if h <= 16 * max(abs(time), abs(endTime)).ulp || h <= 0 {
                return .failed("step size underflow (h = \(h)) at t = \(time): the problem may be singular there")
            }
            // Iteration matrix E = I/(hγ) − J.
            let factor = 1 / (h * tab.gamma)
            lu.factorInPlaceFrom(jacobian: jac, diagonal: factor)
            statistics.decompositions += 1
            var finite = !lu.isSingular
            if finite {
                for stage in 0..<s {
                    // Stage input.
                    for i in 0..<n {
                        var v = state[i]
                        for j in 0..<stage { v += tab.a[stage * s + j] * k[j * n + i] }
                        stageState[i] = v
                    }
                    if stage == 0 {
                        for i in 0..<n { stageRHS[i] = f0[i] }
                    } else {
                        system.derivatives(at: time + tab.times[stage] * h, state: stageState, into: &stageRHS)
                        statistics.rhsEvaluations += 1
                    }
                    for i in 0..<n {
                        var v = stageRHS[i]
                        for j in 0..<stage { v += tab.c[stage * s + j] / h * k[j * n + i] }
                        if !system.isAutonomous { v += h * tab.d[stage] * fTime[i] }
                        stageRHS[i] = v
                    }
                    lu.solve(&stageRHS)
                    for i in 0..<n {
                        let v = stageRHS[i]
                        if !v.isFinite { finite = false }
                        k[stage * n + i] = v
                    }
                    if !finite { break }
                }
            }
            if !finite {
                statistics.rejectedSteps += 1
                consecutiveFailures += 1
                if consecutiveFailures > 40 {
                    return .failed("the right-hand side is not finite near t = \(time) even for tiny steps")
                }
                proposedStep = h * 0.25
                previousRejected = true
                continue
            }
            // Solution and error estimate.
            var errSum = 0.0
            for i in 0..<n {
                var y1 = state[i], e = 0.0
                for j in 0..<s {
                    let kj = k[j * n + i]
                    y1 += tab.m[j] * kj
                    e += tab.e[j] * kj
                }
                yNew[i] = y1
                let sc = atol[i] + solver.relativeTolerance * max(abs(state[i]), abs(y1))
                let q = e / sc
                errSum += q * q
            }
            let err = n == 0 ? 0 : (errSum / Double(n)).squareRoot()
            guard err.isFinite else {
                statistics.rejectedSteps += 1
                proposedStep = h * 0.25
                previousRejected = true
                continue
            }
            let fac = 0.9 * Double.pow(max(err, 1e-12), -1.0 / Double(tab.order))
            if err <= 1 {
                consecutiveFailures = 0
                time = (h == remaining) ? endTime : time + h
                swap(&state, &yNew)
                lastStep = h
                statistics.acceptedSteps += 1
                f0Valid = false
                jacValid = false
                var next = h * min(solver.maximumFactor, max(solver.minimumFactor, fac))
                if previousRejected { next = min(next, h) }
                previousRejected = false
                proposedStep = next
                return .accepted
            }
            statistics.rejectedSteps += 1
            previousRejected = true
            proposedStep = h * min(1, max(solver.minimumFactor, fac))
        }
    }
}

/// A problem with the arguments of an integration (reported before any step is taken).
public struct IntegratorSetupError: Error, Sendable, Equatable {
    public var field: String
    public var value: String
    public var allowed: String
}

extension LUDecomposition {
    /// Factors E = diagonal·I − J in place (the Rosenbrock iteration matrix), without allocating.
    public mutating func factorInPlaceFrom(jacobian j: DenseMatrix, diagonal: Double) {
        let n = size
        setFactors { a in
            j.storage.withUnsafeBufferPointer { src in
                for i in 0..<(n * n) { a[i] = -src[i] }
            }
            for i in 0..<n { a[i * n + i] += diagonal }
        }
        factorInPlace()
    }
}
