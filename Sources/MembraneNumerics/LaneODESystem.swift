/// Many independent systems of ordinary differential equations of the same form, one per SIMD lane: y′ = f(t, y) in
/// every lane, with the lane's own time and parameters (a population of cells, each with its own stimulus).
///
/// The state is `dimension` vectors: component i of every lane is `y[i]`, a `Lanes` vector (structure of arrays),
/// so f is written once with vector arithmetic (``LaneMath`` for exponentials) and evaluates all lanes together.
/// ``LaneDormandPrince`` integrates it with a step size of each lane's own.
public protocol LaneODESystem {
    /// The vector type of one state component across lanes (`SIMD2<Double>`, `SIMD4<Double>`, `SIMD8<Double>`).
    associatedtype Lanes: SIMD where Lanes.Scalar == Double
    /// The number of state components of one system.
    var dimension: Int { get }
    /// Writes f(t, y) of every lane into `dydt` (`dimension` vectors), each lane at its own time.
    func derivatives(at t: Lanes, state y: UnsafePointer<Lanes>, into dydt: UnsafeMutablePointer<Lanes>)
}

/// The tolerances and limits of an explicit Dormand–Prince integration (``LaneDormandPrince``).
///
/// A step is accepted when √(mean((errᵢ/scᵢ)²)) ≤ 1 with scᵢ = atolᵢ + rtol·max(|y₀ᵢ|, |y₁ᵢ|); the next step is
/// h·min(facMax, max(facMin, 0.9·err^(−0.17)·errₒₗ𝒹^0.04)) (the PI controller of DOPRI5, β = 0.04; Hairer, Nørsett &
/// Wanner, *Solving ODEs I*, §II.4 and IV.2), never growing after a rejection.
public struct DormandPrinceSolver: Sendable, Equatable {
    /// rtol, shared by every component.
    public var relativeTolerance: Double
    /// One absolute tolerance per state component (in the components' own units).
    public var absoluteTolerances: [Double]
    /// Upper bound on every step.
    public var maximumStep: Double
    /// A lane stops with a failure after this many accepted steps.
    public var maximumSteps: Int
    /// Step-size factor bounds (DOPRI5's 1/fac1 = 0.2 and 1/fac2 = 10) and the PI controller's β.
    public var minimumFactor: Double
    /// The largest step-size factor of one step (facMax = 10).
    public var maximumFactor: Double
    /// β, the PI controller's exponent of the previous error (0.04, DOPRI5).
    public var beta: Double
    /// The safety factor of the step-size controller (0.9, DOPRI5).
    public var safety: Double

    /// Settings with rtol, one atol per component and DOPRI5's defaults for the controller (facMin 0.2, facMax 10,
    /// β 0.04, safety 0.9).
    public init(relativeTolerance: Double, absoluteTolerances: [Double], maximumStep: Double = .infinity,
                maximumSteps: Int = 100_000_000, minimumFactor: Double = 0.2, maximumFactor: Double = 10,
                beta: Double = 0.04, safety: Double = 0.9) {
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerances = absoluteTolerances
        self.maximumStep = maximumStep
        self.maximumSteps = maximumSteps
        self.minimumFactor = minimumFactor
        self.maximumFactor = maximumFactor
        self.beta = beta
        self.safety = safety
    }

    /// The first problem with the settings, if any (field, value, what is allowed).
    public func validationError(dimension: Int) -> (field: String, value: String, allowed: String)? {
        if !(relativeTolerance > 0 && relativeTolerance < 1) {
            return ("rtol", "\(relativeTolerance)", "a relative tolerance in (0, 1), e.g. 1e-8")
        }
        if absoluteTolerances.count != dimension {
            return ("atol", "\(absoluteTolerances.count) values", "\(dimension) values (one per state component)")
        }
        if !absoluteTolerances.allSatisfy({ $0 > 0 && $0.isFinite }) {
            return ("atol", "\(absoluteTolerances)", "absolute tolerances > 0")
        }
        if !(maximumStep > 0) { return ("max-step", "\(maximumStep)", "a step > 0") }
        if maximumSteps < 1 { return ("max-steps", "\(maximumSteps)", "at least 1 step") }
        if !(minimumFactor > 0 && minimumFactor < 1 && maximumFactor > 1 && maximumFactor.isFinite) {
            return ("step factors", "\(minimumFactor)…\(maximumFactor)", "0 < minimum < 1 < maximum")
        }
        if !(beta >= 0 && beta < 0.2 && safety > 0 && safety <= 1) {
            return ("controller", "β \(beta), safety \(safety)", "0 ≤ β < 0.2 and 0 < safety ≤ 1")
        }
        return nil
    }
}
