/// Continuation along the Newton homotopy H(x, λ) = F(x) − (1 − λ)·F(x₀), λ from 0 to 1.
///
/// At λ = 0 the starting point x₀ solves H exactly; each step increases λ and corrects with
/// Newton from the previous solution (extrapolated by a secant predictor), halving Δλ when the
/// corrector fails and doubling it after easy steps. At λ = 1 the solution solves F(x) = 0. This is
/// the globalisation of Newton's method for starting points outside its basin of attraction
/// (Allgower & Georg, *Introduction to Numerical Continuation Methods*, 1990/2003, ch. 1 and §2.1;
/// Deuflhard, *Newton Methods for Nonlinear Problems*, 2004, §5.1). It can fail where the path
/// meets a turning point or a singular Jacobian; the result says so.
public struct HomotopyContinuation: Sendable {
    /// The corrector: a few Newton iterations per λ step.
    public var corrector: NewtonSolver
    /// The final solve at λ = 1.
    public var finalSolver: NewtonSolver
    /// The first step in λ.
    public var initialStep: Double
    /// The smallest step in λ before the path is abandoned.
    public var minimumStep: Double
    /// The largest step in λ.
    public var maximumStep: Double
    /// The most steps along the path.
    public var maximumSteps: Int

    /// A Newton homotopy H(x, λ) = F(x) − (1 − λ)·F(x₀) followed from λ = 0 to 1 with the given corrector and steps.
    public init(corrector: NewtonSolver = NewtonSolver(tolerance: 1e-8, maximumIterations: 8),
                finalSolver: NewtonSolver = NewtonSolver(),
                initialStep: Double = 0.05, minimumStep: Double = 1e-6, maximumStep: Double = 0.25,
                maximumSteps: Int = 2000) {
        self.corrector = corrector
        self.finalSolver = finalSolver
        self.initialStep = initialStep
        self.minimumStep = minimumStep
        self.maximumStep = maximumStep
        self.maximumSteps = maximumSteps
    }

    /// Follows the homotopy from `x0` to a root of `residual`.
    public func solve(from x0: [Double], residual: (_ x: [Double], _ f: inout [Double]) -> Void) -> ContinuationResult {
        let n = x0.count
        var f0 = [Double](repeating: 0, count: n)
        residual(x0, &f0)
        var evaluations = 1
        guard f0.allSatisfy(\.isFinite) else {
            return ContinuationResult(newton: NewtonResult(x: x0, residual: .infinity, iterations: 0, evaluations: 1,
                                                           converged: false, failure: "the residual is not finite at the starting point"),
                                      lambdaReached: 0, steps: 0)
        }
        var x = x0, xPrevious = x0
        var lambda = 0.0, lambdaPrevious = 0.0
        var dl = initialStep
        var steps = 0
        while lambda < 1, steps < maximumSteps {
            steps += 1
            let target = min(1, lambda + dl)
            // Secant predictor along the path.
            var guess = x
            if lambda > lambdaPrevious {
                let s = (target - lambda) / (lambda - lambdaPrevious)
                for i in 0..<n { guess[i] = x[i] + s * (x[i] - xPrevious[i]) }
            }
            let shift = 1 - target
            let r = corrector.solve(from: guess) { y, out in
                residual(y, &out)
                for i in 0..<n { out[i] -= shift * f0[i] }
            }
            evaluations += r.evaluations
            if r.converged {
                xPrevious = x; lambdaPrevious = lambda
                x = r.x; lambda = target
                if r.iterations <= 3 { dl = min(maximumStep, dl * 2) }
            } else {
                dl *= 0.5
                if dl < minimumStep {
                    return ContinuationResult(newton: NewtonResult(x: x, residual: r.residual, iterations: steps,
                                                                   evaluations: evaluations, converged: false,
                                                                   failure: "continuation stalled at λ = \(lambda): \(r.failure ?? "corrector failed")"),
                                              lambdaReached: lambda, steps: steps)
                }
            }
        }
        var final = finalSolver.solve(from: x, residual: residual)
        final.evaluations += evaluations
        if lambda < 1 && final.failure == nil && !final.converged {
            final.failure = "continuation reached only λ = \(lambda) in \(maximumSteps) steps"
        }
        return ContinuationResult(newton: final, lambdaReached: lambda, steps: steps)
    }
}

/// The outcome of a continuation: the final Newton solve at λ = 1 and how far the path got.
public struct ContinuationResult: Sendable {
    /// The final Newton solve at λ = 1.
    public var newton: NewtonResult
    /// How far along the path it got (1: the whole way).
    public var lambdaReached: Double
    /// Steps taken.
    public var steps: Int
    /// Whether the final solve converged.
    public var converged: Bool { newton.converged }
}
