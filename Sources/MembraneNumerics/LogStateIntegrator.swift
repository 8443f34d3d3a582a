import RealModule

/// A system integrated in the logarithms of some of its components: u = ln y for the indices in `logarithmic`
/// (positive quantities: amounts, concentrations), y itself for the others. With y = eᵘ,
///
///     du/dt = f(y)/y,      ∂(fᵢ/yᵢ)/∂uⱼ = (∂fᵢ/∂yⱼ)·sⱼ/yᵢ − δᵢⱼ·fᵢ/yᵢ     (sⱼ = yⱼ for a logarithmic j, else 1)
///
/// for a logarithmic row i (other rows keep ∂fᵢ/∂yⱼ·sⱼ). A quantity that relaxes towards a tiny positive value
/// through a logarithmic law — an ohmic leak g·(V − E) with E = (RT/zF)·ln(c_out/c_in) when a pump drives c_in
/// towards e^{−36}·c_out — is singular at y = 0: in y a step of a linearly implicit method overshoots to y ≤ 0
/// unless it is shorter than y/|f|, which near 10⁻¹³ mM falls below the round-off of t (step size underflow). In
/// u the same relaxation is u′ = (a/y)·(u* − u), linear in u, which an L-stable method steps over, and u cannot
/// leave the domain (Hairer & Wanner, *Solving ODEs II*, §IV.8 on positivity; the logarithmic change of variables
/// is the usual remedy for positivity, e.g. Sandu 2001, *J. Comput. Phys.* 170:589).
public struct LogTransformedSystem<Base: ODESystem>: ODESystem {
    /// The system in its own variables.
    public var base: Base
    /// Whether component i is integrated as ln yᵢ.
    public let isLogarithmic: [Bool]
    /// The base system's time at this system's t = 0 (``LogStateIntegrator`` integrates in time since its start).
    public var timeOffset = 0.0

    /// `base` with the components `logarithmic` (each active: f depends on it) integrated as logarithms.
    public init(_ base: Base, logarithmic: [Int]) {
        self.base = base
        var flags = [Bool](repeating: false, count: base.dimension)
        for i in logarithmic where i >= 0 && i < base.dimension { flags[i] = true }
        isLogarithmic = flags
    }

    /// The base system's dimension.
    public var dimension: Int { base.dimension }
    /// Whether the base system is autonomous.
    public var isAutonomous: Bool { base.isAutonomous }
    /// The base system's active components (the logarithmic ones must be among them).
    public var activeDimension: Int { base.activeDimension }

    /// y from u.
    public func natural(_ u: [Double]) -> [Double] {
        var y = u
        for i in 0..<y.count where isLogarithmic[i] { y[i] = Double.exp(u[i]) }
        return y
    }

    /// u from y (every logarithmic component must be > 0).
    public func transformed(_ y: [Double]) -> [Double] {
        var u = y
        for i in 0..<u.count where isLogarithmic[i] { u[i] = Double.log(y[i]) }
        return u
    }

    /// dy/dt from du/dt at y: yᵢ·u′ᵢ for a logarithmic component.
    public func naturalDerivative(_ du: [Double], at y: [Double]) -> [Double] {
        var f = du
        for i in 0..<f.count where isLogarithmic[i] { f[i] = du[i] * y[i] }
        return f
    }

    /// du/dt: f(y)/y for a logarithmic component, f(y) for the others (t in this system's time).
    public func derivatives(at t: Double, state u: [Double], into dudt: inout [Double]) {
        let y = natural(u)
        base.derivatives(at: t + timeOffset, state: y, into: &dudt)
        for i in 0..<dudt.count where isLogarithmic[i] { dudt[i] /= y[i] }
    }

    /// A dense n × n Jacobian (the transform fills every row of a logarithmic component).
    public func makeJacobian() -> DenseMatrix { DenseMatrix(size: dimension) }

    /// The transformed Jacobian from the base system's, when it gives one as a dense matrix (else finite differences).
    public func jacobian(at t: Double, state u: [Double], into j: inout DenseMatrix) -> Bool {
        let y = natural(u)
        var baseJacobian = base.makeJacobian()
        guard base.jacobian(at: t + timeOffset, state: y, into: &baseJacobian), let dense = baseJacobian as? DenseMatrix else { return false }
        j = dense
        var f = [Double](repeating: 0, count: dimension)
        base.derivatives(at: t + timeOffset, state: y, into: &f)
        let n = dimension
        for r in 0..<n {
            for c in 0..<n where isLogarithmic[c] { j[r, c] *= y[c] }
            if isLogarithmic[r] {
                for c in 0..<n { j[r, c] /= y[r] }
                j[r, r] -= f[r] / y[r]
            }
        }
        return true
    }

    /// ∂(du/dt)/∂t: the base system's ∂f/∂t, divided by y for a logarithmic component.
    public func timeDerivative(at t: Double, state u: [Double], into dfdt: inout [Double]) -> Bool {
        let y = natural(u)
        guard base.timeDerivative(at: t + timeOffset, state: y, into: &dfdt) else { return false }
        for i in 0..<dfdt.count where isLogarithmic[i] { dfdt[i] /= y[i] }
        return true
    }
}

/// Rodas4 on ``LogTransformedSystem`` seen from outside in the natural variables: ``system``, ``state`` and the
/// derivative are y and dy/dt, so a driver (``SteppableIntegrator``) records and applies events as for
/// ``Integrator``. Its step limit counts the steps taken before the switch. The error test on a logarithmic component is relative (absolute tolerance `rtol` on ln y: a
/// relative error of y of about rtol, whatever its size).
///
/// It integrates in the time since its start (or its last restart), t = t₀ + τ: the approach to a tiny equilibrium
/// is a transient of duration ~y*/|f| (10⁻¹¹ s for 10⁻¹³ mM), which late in a run (t₀ = 300 s, where 16 ulp of t are
/// 9·10⁻¹³ s) no step could resolve in t, but τ resolves it.
public struct LogStateIntegrator<Base: ODESystem>: SteppableIntegrator {
    /// The Rosenbrock integrator of u.
    public var inner: Integrator<LogTransformedSystem<Base>>
    /// Work before the switch to logarithms (added to the inner integrator's).
    public var earlierStatistics: IntegratorStatistics

    /// Continues a run of `system` at (t, y) to `end` with the components `logarithmic` as logarithms; each must be
    /// positive in `y` (the others are left as they are).
    public init(system: Base, start t: Double, state y: [Double], end: Double, logarithmic: [Int],
                solver: RosenbrockSolver, earlierStatistics: IntegratorStatistics = IntegratorStatistics()) throws(IntegratorSetupError) {
        let positive = logarithmic.filter { $0 >= 0 && $0 < y.count && y[$0] > 0 && $0 < system.activeDimension }
        var transformed = LogTransformedSystem(system, logarithmic: positive)
        transformed.timeOffset = t
        var s = solver
        var atol = solver.absoluteTolerances ?? [Double](repeating: solver.absoluteTolerance, count: y.count)
        for i in positive { atol[i] = solver.relativeTolerance }
        s.absoluteTolerances = atol
        s.maximumSteps = max(1, solver.maximumSteps - earlierStatistics.acceptedSteps)
        inner = try Integrator(system: transformed, start: 0, state: transformed.transformed(y), end: end - t, solver: s)
        self.earlierStatistics = earlierStatistics
        finalTime = end
    }

    /// The end time in the base system's time (kept exactly; the inner integrator ends at its difference from t₀).
    var finalTime: Double

    /// The system in its own variables (set it at an event, then ``restart(at:state:end:)``).
    public var system: Base {
        get { inner.system.base }
        set { inner.system.base = newValue }
    }
    /// The time reached, in the base system's time.
    public var time: Double { inner.isFinished ? finalTime : inner.system.timeOffset + inner.time }
    /// The state y at ``time`` (eᵘ for the logarithmic components).
    public var state: [Double] { inner.system.natural(inner.state) }
    /// The end time of the present stretch.
    public var endTime: Double { finalTime }
    /// True once ``time`` has reached ``endTime``.
    public var isFinished: Bool { inner.isFinished }
    /// The size of the last accepted step.
    public var lastStep: Double { inner.lastStep }
    /// The work done, including that before the switch to logarithms.
    public var statistics: IntegratorStatistics {
        var s = inner.statistics
        s.acceptedSteps += earlierStatistics.acceptedSteps
        s.rejectedSteps += earlierStatistics.rejectedSteps
        s.rhsEvaluations += earlierStatistics.rhsEvaluations
        s.jacobianEvaluations += earlierStatistics.jacobianEvaluations
        s.decompositions += earlierStatistics.decompositions
        s.newtonIterations += earlierStatistics.newtonIterations
        return s
    }

    /// One accepted step of Rodas4 in u.
    public mutating func step() -> StepOutcome { inner.step() }

    /// dy/dt at the current point (y·du/dt for the logarithmic components).
    public mutating func currentDerivative() -> [Double] {
        let du = inner.currentDerivative()
        return inner.system.naturalDerivative(du, at: state)
    }

    /// Calls `body` with t, y and dy/dt at the current point (copies: this path is off the common one).
    public mutating func withCurrentPoint<R>(_ body: (_ time: Double, _ state: UnsafeBufferPointer<Double>,
                                                      _ derivative: UnsafeBufferPointer<Double>) -> R) -> R {
        let y = state, f = currentDerivative(), t = time
        return y.withUnsafeBufferPointer { yp in f.withUnsafeBufferPointer { fp in body(t, yp, fp) } }
    }

    /// Continues from (t, y) to `end`, counting time from t again.
    public mutating func restart(at t: Double, state y: [Double], end: Double) {
        finalTime = end
        inner.system.timeOffset = t
        inner.restart(at: 0, state: inner.system.transformed(y), end: end - t)
    }
}
