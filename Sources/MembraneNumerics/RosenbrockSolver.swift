/// The method and tolerances of a stiff integration: a value that ``Integrator`` runs.
///
/// Error control is the usual mixed test: a step is accepted when the root-mean-square of
/// errᵢ / (atolᵢ + rtol·max(|yᵢ|, |yᵢ_new|)) is at most 1 (Hairer & Wanner, *Solving ODEs I*,
/// 2nd ed. 1993, §II.4, eq. (4.10)–(4.11)).
public struct RosenbrockSolver: Sendable {
    /// The method's coefficients (Rodas4 by default).
    public var tableau: RosenbrockTableau
    /// The relative tolerance of the local error test.
    public var relativeTolerance: Double
    /// The absolute tolerance for every component, unless ``absoluteTolerances`` is set.
    public var absoluteTolerance: Double
    /// Per-component absolute tolerances (overrides ``absoluteTolerance`` when non-nil).
    public var absoluteTolerances: [Double]?
    /// First step; nil chooses one from the problem (Hairer & Wanner I, §II.4, "starting step size").
    public var initialStep: Double?
    /// Upper bound on every step.
    public var maximumStep: Double
    /// The integration stops with ``StepOutcome/stepLimit`` after this many accepted steps.
    public var maximumSteps: Int
    /// Step-size controller bounds: h_new/h ∈ [minimumFactor, maximumFactor], safety factor 0.9.
    public var minimumFactor: Double
    /// See ``minimumFactor``.
    public var maximumFactor: Double

    /// Settings with the given method, tolerances and step limits.
    public init(tableau: RosenbrockTableau = .rodas4, relativeTolerance: Double = 1e-6, absoluteTolerance: Double = 1e-10,
                absoluteTolerances: [Double]? = nil, initialStep: Double? = nil, maximumStep: Double = .infinity,
                maximumSteps: Int = 1_000_000, minimumFactor: Double = 0.2, maximumFactor: Double = 6) {
        self.tableau = tableau
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
        self.absoluteTolerances = absoluteTolerances
        self.initialStep = initialStep
        self.maximumStep = maximumStep
        self.maximumSteps = maximumSteps
        self.minimumFactor = minimumFactor
        self.maximumFactor = maximumFactor
    }

    /// Checks the tolerances and limits; throws-free validation for the core (callers map the message).
    public func validationError() -> (field: String, value: String, allowed: String)? {
        if !(relativeTolerance > 0 && relativeTolerance < 1) {
            return ("rtol", "\(relativeTolerance)", "a relative tolerance in (0, 1), e.g. 1e-8")
        }
        return Self.stepControlError(absoluteTolerance: absoluteTolerance, absoluteTolerances: absoluteTolerances,
                                     initialStep: initialStep, maximumStep: maximumStep, maximumSteps: maximumSteps)
    }

    /// The checks shared by every integrator's settings: absolute tolerances, first and largest step, step limit.
    static func stepControlError(absoluteTolerance: Double, absoluteTolerances: [Double]?, initialStep: Double?,
                                 maximumStep: Double, maximumSteps: Int) -> (field: String, value: String, allowed: String)? {
        if !(absoluteTolerance > 0 && absoluteTolerance.isFinite) {
            return ("atol", "\(absoluteTolerance)", "an absolute tolerance > 0, e.g. 1e-10")
        }
        if let v = absoluteTolerances, !v.allSatisfy({ $0 > 0 && $0.isFinite }) {
            return ("atol", "\(v)", "absolute tolerances > 0")
        }
        if let h = initialStep, !(h > 0 && h.isFinite) { return ("initial-step", "\(h)", "a step > 0 in seconds") }
        if !(maximumStep > 0) { return ("max-step", "\(maximumStep)", "a step > 0 in seconds") }
        if maximumSteps < 1 { return ("max-steps", "\(maximumSteps)", "at least 1 step") }
        return nil
    }
}

/// Work done by an integration, for reports and benchmarks.
public struct IntegratorStatistics: Sendable, Equatable {
    /// Steps accepted.
    public var acceptedSteps = 0
    /// Steps rejected by the error test (or by a failed Newton iteration in BDF).
    public var rejectedSteps = 0
    /// Evaluations of f(t, y).
    public var rhsEvaluations = 0
    /// Evaluations of the Jacobian ∂f/∂y.
    public var jacobianEvaluations = 0
    /// LU factorizations of the iteration matrix.
    public var decompositions = 0
    /// Newton iterations (implicit multistep methods; 0 for Rosenbrock methods, which need none).
    public var newtonIterations = 0
    /// All counts zero.
    public init() {}

    /// The counts of two runs added.
    public static func + (a: IntegratorStatistics, b: IntegratorStatistics) -> IntegratorStatistics {
        var s = a
        s.acceptedSteps += b.acceptedSteps
        s.rejectedSteps += b.rejectedSteps
        s.rhsEvaluations += b.rhsEvaluations
        s.jacobianEvaluations += b.jacobianEvaluations
        s.decompositions += b.decompositions
        s.newtonIterations += b.newtonIterations
        return s
    }
}

/// What one call of ``Integrator/step()`` did.
public enum StepOutcome: Sendable, Equatable {
    /// One step was accepted; `time` and `state` moved.
    case accepted
    /// The end time has been reached; nothing was done.
    case finished
    /// ``RosenbrockSolver/maximumSteps`` accepted steps have been taken.
    case stepLimit
    /// The integration cannot continue (step size underflow, a non-finite right-hand side that
    /// step reduction does not cure, a singular iteration matrix); the reason says which.
    case failed(String)
}
