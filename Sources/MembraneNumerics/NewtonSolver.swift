import RealModule

/// Newton's method for a system F(x) = 0 of n equations in n unknowns, with a dense LU solve of
/// the Jacobian and a backtracking line search.
///
/// Each iteration solves J(x)·Δ = −F(x) and accepts x + λΔ for the largest λ ∈ {1, ½, ¼, …} that
/// decreases the merit function φ = ½‖F‖² by the Armijo condition φ(x + λΔ) ≤ (1 − 2·10⁻⁴·λ)·φ(x)
/// (Dennis & Schnabel, *Numerical Methods for Unconstrained Optimization and Nonlinear Equations*,
/// 1983, Algorithm 6.3.5; Nocedal & Wright 2006 §11.2). Trial points where F is not finite (outside
/// the domain, e.g. a logarithm of a negative concentration) are treated as failures of the
/// decrease test, so the search backs away from them. The Jacobian is supplied or estimated by
/// forward differences with steps √ε·max(|xⱼ|, 1).
///
/// The solver never returns a silent wrong answer: ``NewtonResult/converged`` is true only when
/// ‖F‖∞ ≤ `tolerance`, and the result always carries the final residual.
public struct NewtonSolver: Sendable {
    /// Convergence when the largest |Fᵢ| is at most this (the residual should be scaled to O(1)).
    public var tolerance: Double
    /// Maximum number of Newton iterations.
    public var maximumIterations: Int
    /// If set, a Newton step whose largest component exceeds this is scaled down to it before the
    /// line search (a trust bound, useful for logarithmic unknowns).
    public var maximumStep: Double?
    /// The line search gives up (and the solve fails) below this step fraction.
    public var minimumStepFraction: Double

    /// A Newton solver stopping at ‖F‖∞ ≤ `tolerance` within `maximumIterations`, each step limited to `maximumStep` when given.
    public init(tolerance: Double = 1e-10, maximumIterations: Int = 50, maximumStep: Double? = nil,
                minimumStepFraction: Double = 1.0 / 4096) {
        self.tolerance = tolerance
        self.maximumIterations = maximumIterations
        self.maximumStep = maximumStep
        self.minimumStepFraction = minimumStepFraction
    }

    /// Solves F(x) = 0 from `x0`. `residual(x, &f)` writes F(x) into `f` (already sized n).
    /// `jacobian(x, &J)`, if given, writes ∂F/∂x; otherwise forward differences are used.
    public func solve(from x0: [Double],
                      residual: (_ x: [Double], _ f: inout [Double]) -> Void,
                      jacobian: ((_ x: [Double], _ j: inout DenseMatrix) -> Void)? = nil) -> NewtonResult {
        let n = x0.count
        var x = x0
        var f = [Double](repeating: 0, count: n)
        var evaluations = 1
        residual(x, &f)
        guard f.count == n else {
            return NewtonResult(x: x, residual: .infinity, iterations: 0, evaluations: evaluations,
                                converged: false, failure: "the residual has \(f.count) components for \(n) unknowns")
        }
        guard f.allSatisfy(\.isFinite) else {
            return NewtonResult(x: x, residual: .infinity, iterations: 0, evaluations: evaluations,
                                converged: false, failure: "the residual is not finite at the starting point")
        }
        var norm = NewtonSolver.maxNorm(f)
        if norm <= tolerance {
            return NewtonResult(x: x, residual: norm, iterations: 0, evaluations: evaluations, converged: true, failure: nil)
        }
        var jac = DenseMatrix(size: n)
        var lu = LUDecomposition(size: n)
        var trial = x, fTrial = f, fColumn = f, step = x
        for iteration in 1...max(1, maximumIterations) {
            // Jacobian.
            if let jacobian {
                jacobian(x, &jac)
            } else {
                for i in 0..<n { trial[i] = x[i] }  // elementwise: no reallocation
                for j in 0..<n {
                    let h = Double.ulpOfOne.squareRoot() * max(abs(x[j]), 1)
                    trial[j] = x[j] + h
                    let dh = trial[j] - x[j]
                    residual(trial, &fColumn)
                    trial[j] = x[j]
                    evaluations += 1
                    for i in 0..<n { jac[i, j] = (fColumn[i] - f[i]) / dh }
                }
            }
            lu.factor(jac)
            if lu.isSingular {
                return NewtonResult(x: x, residual: norm, iterations: iteration, evaluations: evaluations,
                                    converged: false, failure: "the Jacobian is singular")
            }
            for i in 0..<n { step[i] = -f[i] }
            lu.solve(&step)
            guard step.allSatisfy(\.isFinite) else {
                return NewtonResult(x: x, residual: norm, iterations: iteration, evaluations: evaluations,
                                    converged: false, failure: "the Newton step is not finite (Jacobian ill-conditioned)")
            }
            if let bound = maximumStep {
                let largest = NewtonSolver.maxNorm(step)
                if largest > bound { for i in 0..<n { step[i] *= bound / largest } }
            }
            // Backtracking line search on φ = ½‖F‖².
            let phi = 0.5 * NewtonSolver.dot(f, f)
            var lambda = 1.0
            var accepted = false
            while lambda >= minimumStepFraction {
                for i in 0..<n { trial[i] = x[i] + lambda * step[i] }
                residual(trial, &fTrial)
                evaluations += 1
                if fTrial.allSatisfy(\.isFinite) {
                    let phiTrial = 0.5 * NewtonSolver.dot(fTrial, fTrial)
                    if phiTrial <= (1 - 2e-4 * lambda) * phi || NewtonSolver.maxNorm(fTrial) <= tolerance {
                        accepted = true
                        break
                    }
                }
                lambda *= 0.5
            }
            guard accepted else {
                return NewtonResult(x: x, residual: norm, iterations: iteration, evaluations: evaluations, converged: false,
                                    failure: "the line search found no decrease of the residual (a local minimum of ‖F‖ or a poor starting point)")
            }
            swap(&x, &trial)
            swap(&f, &fTrial)
            norm = NewtonSolver.maxNorm(f)
            if norm <= tolerance {
                return NewtonResult(x: x, residual: norm, iterations: iteration, evaluations: evaluations, converged: true, failure: nil)
            }
        }
        return NewtonResult(x: x, residual: norm, iterations: maximumIterations, evaluations: evaluations, converged: false,
                            failure: "the iteration limit (\(maximumIterations)) was reached")
    }

    @inlinable static func maxNorm(_ v: [Double]) -> Double {
        var m = 0.0
        for x in v { m = max(m, abs(x)) }
        return m
    }

    @inlinable static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s
    }
}

/// The outcome of a Newton solve: the last iterate and how good it is.
public struct NewtonResult: Sendable {
    /// The last iterate (the root when `converged`).
    public var x: [Double]
    /// ‖F(x)‖∞ at `x`.
    public var residual: Double
    /// Newton iterations used.
    public var iterations: Int
    /// Evaluations of F, including those of finite-difference Jacobians and line searches.
    public var evaluations: Int
    /// Whether ‖F‖∞ met the tolerance.
    public var converged: Bool
    /// Why the solve stopped without converging (nil when it converged).
    public var failure: String?
}
