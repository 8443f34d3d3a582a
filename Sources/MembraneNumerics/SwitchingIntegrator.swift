/// An integrator that changes method with the problem, as LSODA does (Petzold 1983) and DifferentialEquations.jl's
/// `AutoTsit5(Rodas5())`: the explicit Dormand–Prince 5(4) (``DormandPrinceIntegrator``) where the problem is not
/// stiff, BDF (``BDFIntegrator``) where it is.
///
/// - Explicit → BDF: when DOPRI5's stiffness test fires (h·λ above 2.5 on 15 nearly consecutive steps: the step is
///   set by stability, not accuracy; Hairer & Wanner, *Solving ODEs II*, §IV.2; ``DormandPrinceIntegrator``).
/// - BDF → explicit: every ``checkInterval`` accepted BDF steps (after a wait that doubles each time the explicit
///   method soon falls back), the spectral radius ρ of ∂f/∂y at the current point is estimated by a few steps of
///   nonlinear power iteration on f (ρ ≈ ‖f(y + δv) − f(y)‖/δ‖v‖, in the error's weighted norm: no Jacobian needed);
///   when h·ρ ≤ ``explicitThreshold`` (1.5, under half the explicit method's stability bound 3.3 on the real axis)
///   the explicit method could take BDF's present step stably, and it takes over from that step.
///
/// A spiking burst (an excitable cell: sharp spikes, accuracy-limited steps, cheap explicit steps without a Jacobian
/// or LU) runs on Dormand–Prince; rest, block and slow swelling (stiff: a millisecond gate against minutes of
/// drift) run on BDF. Each method's own error test holds at every step, so switching changes the cost, never the
/// accuracy asked for. Statistics are the sum of both methods'.
public struct SwitchingIntegrator<System: ODESystem>: SteppableIntegrator {
    /// The explicit method (in use when ``isExplicit``).
    @inlinable public var explicit: DormandPrinceIntegrator<System> { _explicit }
    @usableFromInline var _explicit: DormandPrinceIntegrator<System>
    /// The stiff method (in use when not ``isExplicit``).
    @inlinable public var implicit: BDFIntegrator<System> { _implicit }
    @usableFromInline var _implicit: BDFIntegrator<System>
    /// True while Dormand–Prince integrates.
    @inlinable public var isExplicit: Bool { _isExplicit }
    @usableFromInline var _isExplicit: Bool
    /// How many times the method changed.
    @inlinable public var switches: Int { _switches }
    @usableFromInline var _switches = 0
    /// Accepted BDF steps between two estimates of ρ.
    @inlinable public static var checkInterval: Int { 10 }
    /// h·ρ at or below which BDF hands over to the explicit method.
    @inlinable public static var explicitThreshold: Double { 1.5 }
    /// Accepted BDF steps before the first estimate after a change to BDF (doubles on each quick fall-back, to 1280).
    @usableFromInline var wait = 20
    @usableFromInline var implicitSteps = 0
    /// Explicit steps taken since the last change to the explicit method.
    @usableFromInline var explicitSteps = 0
    /// Evaluations of f spent estimating ρ.
    @usableFromInline var probeEvaluations = 0
    @usableFromInline var probe: [Double]
    @usableFromInline var probeDerivative: [Double]
    @usableFromInline var direction: [Double]

    /// Starts on Dormand–Prince (BDF's settings give the tolerances of both).
    public init(system: System, start: Double, state: [Double], end: Double, solver: BDFSolver) throws(IntegratorSetupError) {
        _implicit = try BDFIntegrator(system: system, start: start, state: state, end: end, solver: solver)
        let atol = solver.absoluteTolerances ?? [Double](repeating: solver.absoluteTolerance, count: system.dimension)
        _explicit = try DormandPrinceIntegrator(system: system, start: start, state: state, end: end,
                                               relativeTolerance: solver.relativeTolerance, absoluteTolerances: atol,
                                               maximumStep: solver.maximumStep, maximumSteps: solver.maximumSteps)
        _isExplicit = true
        probe = state
        probeDerivative = state
        direction = state
    }

    /// The system of the method in use (the other takes it over when the method changes).
    @inlinable public var system: System {
        get { _isExplicit ? _explicit.system : _implicit.system }
        set {
            if _isExplicit { _explicit.system = newValue } else { _implicit.system = newValue }
        }
    }
    /// The time reached.
    @inlinable public var time: Double { _isExplicit ? _explicit.time : _implicit.time }
    /// The state at ``time``.
    @inlinable public var state: [Double] { _isExplicit ? _explicit.state : _implicit.state }
    /// The end of the integration.
    @inlinable public var endTime: Double { _isExplicit ? _explicit.endTime : _implicit.endTime }
    /// Both methods' steps, rejections and evaluations (including the estimates of ρ).
    @inlinable public var statistics: IntegratorStatistics {
        var s = _explicit.statistics + _implicit.statistics
        s.rhsEvaluations += probeEvaluations
        return s
    }
    /// True once ``time`` has reached ``endTime``.
    @inlinable public var isFinished: Bool { time >= endTime }
    /// The size of the last accepted step.
    @inlinable public var lastStep: Double { _isExplicit ? _explicit.lastStep : _implicit.lastStep }

    /// f(t, y) at the current point.
    @inlinable public mutating func currentDerivative() -> [Double] {
        _isExplicit ? _explicit.currentDerivative() : _implicit.currentDerivative()
    }

    /// Calls `body` with t, y and f(t, y) at the current point.
    @inlinable public mutating func withCurrentPoint<R>(_ body: (_ time: Double, _ state: UnsafeBufferPointer<Double>,
                                                      _ derivative: UnsafeBufferPointer<Double>) -> R) -> R {
        _isExplicit ? _explicit.withCurrentPoint(body) : _implicit.withCurrentPoint(body)
    }

    /// Continues from (t, y) to `end` with the method in use.
    @inlinable public mutating func restart(at t: Double, state y: [Double], end: Double) {
        if _isExplicit { _explicit.restart(at: t, state: y, end: end) } else { _implicit.restart(at: t, state: y, end: end) }
        implicitSteps = 0
    }

    /// Advances by one accepted step of the method in use, then decides whether to change method.
    @inlinable public mutating func step() -> StepOutcome {
        if _isExplicit {
            let outcome = _explicit.step()
            guard outcome == .accepted else { return outcome }
            explicitSteps += 1
            if _explicit.isStiff { toImplicit() }
            return outcome
        }
        let outcome = _implicit.step()
        guard outcome == .accepted else { return outcome }
        implicitSteps += 1
        if implicitSteps >= wait, implicitSteps % Self.checkInterval == 0, !_implicit.isFinished {
            let h = _implicit.lastStep
            if h * spectralRadius() <= Self.explicitThreshold { toExplicit(step: h) }
        }
        return outcome
    }

    @inlinable mutating func toImplicit() {
        // A quick fall-back means the estimate that chose the explicit method was optimistic: wait longer next time.
        wait = explicitSteps < 200 ? min(2 * wait, 1280) : 20
        _implicit.system = _explicit.system
        _implicit.restart(at: _explicit.time, state: _explicit.state, end: _explicit.endTime)
        _isExplicit = false
        implicitSteps = 0
        _switches += 1
    }

    @inlinable mutating func toExplicit(step h: Double) {
        _explicit.system = _implicit.system
        _explicit.restart(at: _implicit.time, state: _implicit.state, end: _implicit.endTime, step: h)
        _isExplicit = true
        explicitSteps = 0
        _switches += 1
    }

    /// ρ(∂f/∂y) at BDF's current point by five steps of power iteration on difference quotients of f, in the norm
    /// weighted by 1/(atolᵢ + rtol·|yᵢ|) (so that components in different units weigh alike). Starts from f(t, y),
    /// the direction the solution moves.
    @inlinable mutating func spectralRadius() -> Double {
        let n = _implicit.state.count
        guard n > 0 else { return 0 }
        let t = _implicit.time, y = _implicit.state, f = _implicit.currentDerivative()
        let rtol = _explicit.relativeTolerance, atol = _explicit.absoluteTolerances
        var weight = [Double](repeating: 0, count: n)
        for i in 0..<n { weight[i] = 1 / (atol[i] + rtol * abs(y[i])) }
        func norm(_ v: [Double]) -> Double {
            var s = 0.0
            for i in 0..<n { s += (v[i] * weight[i]) * (v[i] * weight[i]) }
            return s.squareRoot()
        }
        for i in 0..<n { direction[i] = f[i] }
        if !(norm(direction) > 0) { for i in 0..<n { direction[i] = 1 / weight[i] } }
        var rho = 0.0
        var system = _implicit.system
        for _ in 0..<5 {
            let size = norm(direction)
            guard size > 0, size.isFinite else { break }
            // A perturbation of weighted size √ε/rtol: about √ε·|yᵢ| in each component that moves (atol-sized near
            // zero), the usual difference quotient's balance of truncation and round-off.
            let delta = Double.ulpOfOne.squareRoot() / rtol / size
            for i in 0..<n { probe[i] = y[i] + delta * direction[i] }
            System.evaluate(&system, at: t, state: probe, into: &probeDerivative)
            probeEvaluations += 1
            for i in 0..<n { direction[i] = (probeDerivative[i] - f[i]) / delta }
            rho = norm(direction) / size
            guard rho.isFinite else { return .infinity }
        }
        return rho
    }
}
