import Testing
import Foundation
import MembraneNumerics
import MembraneTestSupport
import PropertyBased

@Suite("Dense LU")
struct LinearAlgebraTests {
    /// A 3 × 3 system whose solution is (1, −2, 3) by construction (b = A·x computed by hand).
    @Test func solvesAKnownSystem() {
        let a = DenseMatrix([[2, 1, 1], [4, -6, 0], [-2, 7, 2]])
        // b = A·(1, −2, 3) = (2 − 2 + 3, 4 + 12, −2 − 14 + 6)
        let x = LUDecomposition(a).solving([3, 16, -10])
        #expect(isClose(x[0], 1, within: 1e-14) && isClose(x[1], -2, within: 1e-14) && isClose(x[2], 3, within: 1e-14))
    }

    /// A zero first pivot needs a row exchange (partial pivoting).
    @Test func pivotsAroundAZero() {
        let x = LUDecomposition(DenseMatrix([[0, 1], [1, 0]])).solving([5, 7])
        #expect(x == [7, 5])
    }

    @Test func reportsSingularity() {
        #expect(LUDecomposition(DenseMatrix([[1, 2], [2, 4]])).isSingular)
    }

    /// For random diagonally dominant matrices the residual ‖A·x − b‖ is at round-off
    /// (backward stability of LU with partial pivoting; Golub & Van Loan 2013, §3.4.6).
    @Test func randomResidualsAreRoundOff() async {
        await propertyCheck(input: Gen.double(in: -1...1).array(of: 16), Gen.double(in: -10...10).array(of: 4)) { entries, b in
            var a = DenseMatrix(size: 4)
            for i in 0..<4 { for j in 0..<4 { a[i, j] = entries[i * 4 + j] + (i == j ? 5 : 0) } }
            let x = LUDecomposition(a).solving(b)
            let r = a.multiplied(by: x)
            for i in 0..<4 { #expect(abs(r[i] - b[i]) <= 1e-12 * 10) }
        }
    }
}

@Suite("Newton and continuation")
struct NewtonTests {
    /// F(x) = (x₀² − 2, x₀x₁ − 1) has the root (√2, 1/√2).
    @Test func twoByTwo() {
        let r = NewtonSolver(tolerance: 1e-14).solve(from: [1, 1]) { x, f in
            f[0] = x[0] * x[0] - 2
            f[1] = x[0] * x[1] - 1
        }
        #expect(r.converged)
        #expect(isClose(r.x[0], 2.0.squareRoot(), within: 1e-12))
        #expect(isClose(r.x[1], 1 / 2.0.squareRoot(), within: 1e-12))
        #expect(r.residual <= 1e-14)
    }

    /// Fᵢ = e^{xᵢ} − (i + 1), root xᵢ = ln(i + 1); from x = 10 full Newton steps overshoot into
    /// huge negative values, the line search keeps the iteration on track.
    @Test func lineSearchFromFarAway() {
        let r = NewtonSolver().solve(from: [10, 10, 10]) { x, f in
            for i in 0..<3 { f[i] = exp(x[i]) - Double(i + 1) }
        }
        #expect(r.converged)
        for i in 0..<3 { #expect(isClose(r.x[i], log(Double(i + 1)), within: 1e-12)) }
    }

    /// x² + 1 = 0 has no real root: the solver must say so and report the residual (≥ 1).
    @Test func noRootIsReportedWithResidual() {
        let r = NewtonSolver().solve(from: [3]) { x, f in f[0] = x[0] * x[0] + 1 }
        #expect(!r.converged)
        #expect(r.residual >= 1)
        #expect(r.failure != nil)
    }

    /// Continuation as a fallback: with a budget of 4 Newton iterations, Newton alone cannot get from
    /// x = 12 to the roots xᵢ = ln(i + 1) of Fᵢ = e^{xᵢ} − (i + 1) (each damped step gains about 1),
    /// while the Newton homotopy with the same per-step budget follows x(λ) = ln(c + (1 − λ)(e¹² − c)) there.
    @Test func continuationWhereNewtonRunsOutOfIterations() {
        func f(_ x: [Double], _ out: inout [Double]) { for i in 0..<3 { out[i] = exp(x[i]) - Double(i + 1) } }
        let budget = NewtonSolver(tolerance: 1e-12, maximumIterations: 4)
        let newton = budget.solve(from: [12, 12, 12], residual: f)
        let continued = HomotopyContinuation(corrector: NewtonSolver(tolerance: 1e-9, maximumIterations: 4),
                                             finalSolver: budget).solve(from: [12, 12, 12], residual: f)
        #expect(!newton.converged)
        #expect(continued.converged)
        for i in 0..<3 { #expect(isClose(continued.newton.x[i], log(Double(i + 1)), within: 1e-11)) }
    }

    /// The Freudenstein–Roth function (Moré, Garbow & Hillstrom 1981, ACM TOMS 7:17, problem 2) has its
    /// root at (5, 4) and a local minimiser of ‖F‖ near (11.41, −0.8968) that traps Newton's method from
    /// the standard start (0.5, −2); the homotopy path from there turns back. Both must report failure
    /// with their residual, never a wrong root.
    @Test func failureIsReportedNotHidden() {
        func f(_ x: [Double], _ out: inout [Double]) {
            out[0] = -13 + x[0] + ((5 - x[1]) * x[1] - 2) * x[1]
            out[1] = -29 + x[0] + ((x[1] + 1) * x[1] - 14) * x[1]
        }
        let newton = NewtonSolver().solve(from: [0.5, -2], residual: f)
        let continued = HomotopyContinuation().solve(from: [0.5, -2], residual: f)
        for r in [newton, continued.newton] {
            #expect(!r.converged)
            #expect(r.residual > 1e-6 && r.failure != nil)
        }
    }
}
