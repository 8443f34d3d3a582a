/// The tolerances and limits of a ``BDFIntegrator`` run: a value, like ``RosenbrockSolver``.
///
/// A step is accepted when the root-mean-square of errᵢ / (atolᵢ + rtol·|yᵢ_new|) is at most 1, the test of
/// scipy's `BDF` (scipy/integrate/_ivp/bdf.py) and of Shampine & Reichelt 1997 (SIAM J. Sci. Comput. 18:1–22,
/// "The MATLAB ODE Suite", §2).
public struct BDFSolver: Sendable {
    /// The relative tolerance of the local error test.
    public var relativeTolerance: Double
    /// The absolute tolerance for every component, unless ``absoluteTolerances`` is set.
    public var absoluteTolerance: Double
    /// Per-component absolute tolerances (overrides ``absoluteTolerance`` when non-nil).
    public var absoluteTolerances: [Double]?
    /// First step; nil chooses one from the problem (Hairer, Nørsett & Wanner I, §II.4, as scipy's
    /// `select_initial_step` with error order 1).
    public var initialStep: Double?
    /// Upper bound on every step.
    public var maximumStep: Double
    /// The integration stops with ``StepOutcome/stepLimit`` after this many accepted steps.
    public var maximumSteps: Int
    /// Highest order the order selection may choose (1…5; 5 is scipy's and MATLAB's `MaxOrder`).
    public var maximumOrder: Int
    /// How the simplified Newton iteration of a step decides that it converged.
    public var newtonTest: NewtonTest

    /// The convergence test of the simplified Newton iteration, in units of the error scale atolᵢ + rtol·|yᵢ|
    /// (RMS norm), with ρ the contraction rate and Δ the last correction.
    public enum NewtonTest: Sendable, Hashable {
        /// scipy's `solve_bdf_system`: ρ measured afresh in every step (so at least two iterations, two
        /// evaluations of f), converged when ρ/(1 − ρ)·‖Δ‖ < max(10ε/rtol, min(0.03, √rtol)).
        case scipy
        /// MATLAB's ode15s (Shampine & Reichelt 1997, the algorithm scipy's BDF follows; `ode15s.m`): ρ carried
        /// from step to step while the iteration matrix stays the same (`havrate`), updated as
        /// ρ = max(0.9·ρ, ‖Δₘ‖/‖Δₘ₋₁‖); converged when ρ/(1 − ρ)·‖Δ‖ ≤ 0.5 (ode15s: 0.5·rtol in its relative
        /// norm), or, on the first iterate with the carried ρ, ≤ 0.05 ("more stringent when using old rate");
        /// too slow when ‖Δₘ‖ > 0.9·‖Δₘ₋₁‖. A step often needs one evaluation of f.
        case ode15s

        /// ode15s's test with a rate measured in this step.
        public static var freshRateTolerance: Double { 0.5 }
        /// ode15s's test of a first iterate with the rate of earlier steps.
        public static var carriedRateTolerance: Double { 0.05 }
    }

    /// Settings with the given tolerances and limits (defaults as scipy's `BDF`, with a smaller absolute tolerance).
    public init(relativeTolerance: Double = 1e-6, absoluteTolerance: Double = 1e-10, absoluteTolerances: [Double]? = nil,
                initialStep: Double? = nil, maximumStep: Double = .infinity, maximumSteps: Int = 1_000_000,
                maximumOrder: Int = NDFCoefficients.maximumOrder, newtonTest: NewtonTest = .scipy) {
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
        self.absoluteTolerances = absoluteTolerances
        self.initialStep = initialStep
        self.maximumStep = maximumStep
        self.maximumSteps = maximumSteps
        self.maximumOrder = maximumOrder
        self.newtonTest = newtonTest
    }

    /// The BDF settings with the tolerances and limits of a Rosenbrock solver (to run both methods alike).
    public init(matching r: RosenbrockSolver) {
        self.init(relativeTolerance: r.relativeTolerance, absoluteTolerance: r.absoluteTolerance,
                  absoluteTolerances: r.absoluteTolerances, initialStep: r.initialStep, maximumStep: r.maximumStep,
                  maximumSteps: r.maximumSteps)
    }

    /// Checks the tolerances and limits (callers map the message to their error type).
    public func validationError() -> (field: String, value: String, allowed: String)? {
        // rtol ≥ 100ε, as scipy's validate_tol enforces (tighter cannot be met in double precision).
        if !(relativeTolerance >= 100 * Double.ulpOfOne && relativeTolerance < 1) {
            return ("rtol", "\(relativeTolerance)", "a relative tolerance in [2.2e-14, 1), e.g. 1e-8")
        }
        if let e = RosenbrockSolver.stepControlError(absoluteTolerance: absoluteTolerance, absoluteTolerances: absoluteTolerances,
                                                     initialStep: initialStep, maximumStep: maximumStep,
                                                     maximumSteps: maximumSteps) { return e }
        if !(1...NDFCoefficients.maximumOrder).contains(maximumOrder) {
            return ("max-order", "\(maximumOrder)", "an order from 1 to \(NDFCoefficients.maximumOrder)")
        }
        return nil
    }
}
