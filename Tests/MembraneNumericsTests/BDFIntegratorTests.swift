import Testing
import Foundation
import MembraneNumerics
import MembraneTestSupport

/// Runs any steppable integrator to its end, returning the accepted (t, y) pairs.
func integrate<I: SteppableIntegrator>(_ integrator: inout I) -> (t: [Double], y: [[Double]], stats: IntegratorStatistics) {
    var ts = [integrator.time], ys = [integrator.state]
    loop: while true {
        switch integrator.step() {
        case .accepted: ts.append(integrator.time); ys.append(integrator.state)
        case .finished: break loop
        case .stepLimit: Issue.record("step limit"); break loop
        case .failed(let reason): Issue.record("failed: \(reason)"); break loop
        }
    }
    return (ts, ys, integrator.statistics)
}

func integrateBDF<S: ODESystem>(_ system: S, _ y0: [Double], to end: Double, _ solver: BDFSolver) throws
    -> (t: [Double], y: [[Double]], stats: IntegratorStatistics) {
    var integrator = try BDFIntegrator(system: system, start: 0, state: y0, end: end, solver: solver)
    return integrate(&integrator)
}

/// y′ = −k(y − cos t) with one passive component z′ = k(y − cos t) that books what y lost (its Jacobian column
/// is zero), so y + z is an exact linear invariant; `passive: false` declares every component active.
struct BookkeepingSystem: ODESystem {
    var k: Double
    var passive: Bool
    var dimension: Int { 2 }
    var activeDimension: Int { passive ? 1 : 2 }
    func derivatives(at t: Double, state y: [Double], into dydt: inout [Double]) {
        let r = k * (y[0] - cos(t))
        dydt[0] = -r
        dydt[1] = r
    }
    func jacobian(at t: Double, state y: [Double], into j: inout DenseMatrix) -> Bool {
        j[0, 0] = -k; j[0, 1] = 0
        j[1, 0] = k; j[1, 1] = 0
        return true
    }
}

@Suite("Stiff integrator (BDF/NDF, Shampine & Reichelt 1997)")
struct BDFIntegratorTests {
    static func exact(_ t: Double, k: Double) -> Double { StiffIntegratorTests.exact(t, k: k) }

    static var cosine: ClosureODESystem { ClosureODESystem(dimension: 1, isAutonomous: false,
                                         f: { t, y, dy in dy[0] = -(y[0] - cos(t)) },
                                         jacobian: { _, _, j in j[0, 0] = -1 }) }

    /// y′ = −k(y − cos t), k = 10⁶ (stiff: explicit methods would need h < 2·10⁻⁶): the closed form (variation of
    /// constants) to 10·rtol·|y| ≈ 10⁻⁷, the usual bound on the global error of a tolerance-proportional method over
    /// a few periods; the stiff transient costs a few steps, the rest is set by the smooth cosine (< 2000 steps).
    /// Both Newton tests (scipy's and ode15s's) meet the bounds.
    @Test(arguments: [BDFSolver.NewtonTest.scipy, .ode15s])
    func stiffCosineMatchesClosedForm(newtonTest: BDFSolver.NewtonTest) throws {
        let k = 1e6
        let run = try integrateBDF(StiffIntegratorTests.system(k: k), [0], to: 10,
                                   BDFSolver(relativeTolerance: 1e-8, absoluteTolerance: 1e-10, newtonTest: newtonTest))
        #expect(isClose(run.y.last![0], Self.exact(10, k: k), within: 1e-7))
        #expect(run.stats.acceptedSteps < 2000, "\(run.stats)")
    }

    /// Order 1 (the NDF1, backward Euler with κ₁ = −0.185), fixed step (error test off through a huge atol, h held by
    /// initialStep = maximumStep): halving h halves the global error, ratio 2 within [1.8, 2.2] for the O(h²) terms.
    @Test func orderOneWithFixedStep() throws {
        var errors: [Double] = []
        for h in [0.1, 0.05, 0.025, 0.0125] {
            let solver = BDFSolver(relativeTolerance: 0.5, absoluteTolerance: 1e10, initialStep: h, maximumStep: h, maximumOrder: 1)
            let run = try integrateBDF(Self.cosine, [0], to: 2, solver)
            errors.append(abs(run.y.last![0] - Self.exact(2, k: 1)))
        }
        for i in 1..<errors.count {
            let ratio = errors[i - 1] / errors[i]
            #expect(ratio > 1.8 && ratio < 2.2, "errors \(errors)")
        }
    }

    /// Observed order of the variable-step formulas of each order k = 1…5 (maximumOrder = k) on the smooth
    /// y′ = −(y − cos t), y(0) = 0, to t = 10 (closed form above). With the error per step held at the tolerance,
    /// N steps of size ∝ tol^{1/(k+1)} give a global error ∝ N·tol ∝ N⁻ᵏ: the slope of log(error) against
    /// log(steps) between two tight tolerances is −k. The start-up at lower orders with small steps is a slowly
    /// growing share of the steps, which can only steepen the measured slope, never flatten it: accepted within
    /// [k − 0.3, k + 0.5]. A wrong coefficient (κₖ, γₖ, an error constant) drops the order to 1 or 2.
    /// Tolerance pairs: tight enough to be asymptotic, loose enough for < 50 000 steps (orders 1 and 2 need many).
    @Test(arguments: [(1, 1e-6, 1e-8), (2, 1e-9, 1e-11), (3, 1e-10, 1e-12), (4, 1e-10, 1e-12), (5, 1e-10, 1e-12)])
    func observedOrder(order: Int, looseTolerance: Double, tightTolerance: Double) throws {
        var points: [(steps: Double, error: Double)] = []
        for tol in [looseTolerance, tightTolerance] {
            let run = try integrateBDF(Self.cosine, [0], to: 10,
                                       BDFSolver(relativeTolerance: tol, absoluteTolerance: tol, maximumOrder: order))
            points.append((Double(run.stats.acceptedSteps), abs(run.y.last![0] - Self.exact(10, k: 1))))
        }
        let slope = -log(points[1].error / points[0].error) / log(points[1].steps / points[0].steps)
        #expect(slope > Double(order) - 0.3 && slope < Double(order) + 0.5, "order \(order): \(points), slope \(slope)")
    }

    /// Robertson's kinetics at t = 40: (0.7158270687, 9.185534765e-6, 0.2841637457) (Hairer & Wanner, Solving ODEs II,
    /// §IV.1 and their test set), to 1e-8 relative (1e-7 for y₂) at rtol 1e-10, the Rodas4 test's bounds. The Jacobian
    /// is estimated by finite differences here. y₁ + y₂ + y₃ = 1 is a linear invariant that a linear multistep
    /// method keeps: eᵀf = 0 ⇒ eᵀJ = 0 ⇒ every Newton correction has eᵀΔ = 0 (round-off over ~700 steps: 1e-13).
    /// Both Newton tests meet these bounds; ode15s's (rate carried across steps) with fewer evaluations of f.
    @Test(arguments: [BDFSolver.NewtonTest.scipy, .ode15s])
    func robertsonAtForty(newtonTest: BDFSolver.NewtonTest) throws {
        let run = try integrateBDF(TestProblems.robertson(exactJacobian: false), [1, 0, 0], to: 40,
                                   BDFSolver(relativeTolerance: 1e-10, absoluteTolerances: [1e-14, 1e-20, 1e-14],
                                             newtonTest: newtonTest))
        let y = run.y.last!
        #expect(isRelativelyClose(y[0], 0.7158270687, relative: 1e-8))
        #expect(isRelativelyClose(y[1], 9.185534765e-6, relative: 1e-7))
        #expect(isRelativelyClose(y[2], 0.2841637457, relative: 1e-8))
        #expect(abs(y[0] + y[1] + y[2] - 1) <= 1e-13)
    }

    /// Van der Pol, μ = 1000 (finite-difference Jacobian): period (3 − 2 ln 2)μ + 3a·μ^{−1/3} ≈ 1614.4 (Dorodnitsyn
    /// 1947; Grasman 1987 §3.3) to 0.5 % and amplitude 2, as for Rodas4.
    @Test(arguments: [BDFSolver.NewtonTest.scipy, .ode15s])
    func vanDerPolRelaxation(newtonTest: BDFSolver.NewtonTest) throws {
        let mu = 1000.0
        let vdp = TestProblems.vanDerPol(mu: mu, exactJacobian: false)
        let run = try integrateBDF(vdp, [2, 0], to: 3000, BDFSolver(relativeTolerance: 1e-7, absoluteTolerance: 1e-9,
                                                                    newtonTest: newtonTest))
        TestProblems.expectVanDerPolRelaxation(mu: mu, t: run.t, y: run.y, acceptedSteps: run.stats.acceptedSteps)
    }

    /// The same algorithm as scipy's BDF (Tests/Reference/bdf/scipy_bdf.json, made by generate.py with scipy 1.17.1):
    /// with the same exact Jacobians, tolerances and starting-step rule, the accepted steps and the counts of f
    /// evaluations, Jacobians and LU decompositions agree (2 % slack: round-off in a different summation order could
    /// flip a borderline accept/reject), and the final states to 10·rtol (two solutions of the same problem at
    /// tolerance rtol; identical steps make them agree far closer).
    @Test func matchesScipyBDF() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Reference/bdf/scipy_bdf.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let cases = try #require(root["cases"] as? [[String: Any]])
        #expect(cases.count == 4)
        let mu = 1000.0
        for c in cases {
            let name = try #require(c["problem"] as? String)
            let system: ClosureODESystem
            switch name {
            case "robertson":
                system = TestProblems.robertson(exactJacobian: true)
            case "vanderpol-1000":
                system = TestProblems.vanDerPol(mu: mu, exactJacobian: true)
            default:
                Issue.record("unknown problem \(name)"); continue
            }
            let rtol = try #require(c["rtol"] as? Double)
            let atol = try #require(c["atol"] as? [Double])
            let y0 = try #require(c["y0"] as? [Double])
            let end = try #require(c["t_end"] as? Double)
            let run = try integrateBDF(system, y0, to: end, BDFSolver(relativeTolerance: rtol, absoluteTolerances: atol))
            func close(_ ours: Int, _ key: String) -> Bool {
                guard let theirs = c[key] as? Int else { return false }
                return abs(Double(ours - theirs)) <= 0.02 * Double(theirs)
            }
            #expect(close(run.stats.acceptedSteps, "steps"), "\(name) rtol \(rtol): \(run.stats) vs \(c)")
            #expect(close(run.stats.rhsEvaluations, "nfev"), "\(name) rtol \(rtol): \(run.stats) vs \(c)")
            #expect(close(run.stats.jacobianEvaluations, "njev"), "\(name) rtol \(rtol): \(run.stats) vs \(c)")
            #expect(close(run.stats.decompositions, "nlu"), "\(name) rtol \(rtol): \(run.stats) vs \(c)")
            let yEnd = try #require(c["y_end"] as? [Double])
            for (i, v) in yEnd.enumerated() {
                #expect(isRelativelyClose(run.y.last![i], v, relative: 10 * rtol, absolute: 10 * atol[i]), "\(name) y[\(i)]")
            }
        }
    }

    /// Passive components are exact: with z′ = k(y − cos t) declared passive (only the 1×1 active block is
    /// factored) y + z stays at its initial value to round-off, and the run equals the one with every component
    /// active (same steps; states to 1e-13, round-off: the block solve and the full LU differ only in operation
    /// order), which follows the closed form to 10·rtol.
    @Test func passiveComponentsAreExact() throws {
        let solver = BDFSolver(relativeTolerance: 1e-8, absoluteTolerance: 1e-10)
        let passive = try integrateBDF(BookkeepingSystem(k: 1e3, passive: true), [0, 0], to: 5, solver)
        let active = try integrateBDF(BookkeepingSystem(k: 1e3, passive: false), [0, 0], to: 5, solver)
        #expect(passive.stats.acceptedSteps == active.stats.acceptedSteps)
        for (p, a) in zip(passive.y, active.y) {
            #expect(abs(p[0] + p[1]) <= 1e-13)  // round-off, ~ε per Newton iteration
            #expect(isClose(p[0], a[0], within: 1e-13) && isClose(p[1], a[1], within: 1e-13))
        }
        #expect(isClose(passive.y.last![0], Self.exact(5, k: 1e3), within: 1e-7))
    }

    /// A restart (what `Simulation` does at an event) continues correctly: two legs 0 → 2.5 → 5 follow the closed
    /// form as one run does (10·rtol), through the generic ``SteppableIntegrator`` surface.
    @Test func restartContinues() throws {
        let k = 1e4
        var integrator = try BDFIntegrator(system: StiffIntegratorTests.system(k: k), start: 0, state: [0], end: 2.5,
                                           solver: BDFSolver(relativeTolerance: 1e-8, absoluteTolerance: 1e-10))
        _ = integrate(&integrator)
        #expect(integrator.time == 2.5)
        integrator.restart(at: 2.5, state: integrator.state, end: 5)
        let second = integrate(&integrator)
        #expect(integrator.time == 5)
        #expect(isClose(second.y.last![0], Self.exact(5, k: k), within: 1e-7))
        #expect(isClose(second.y[0][0], Self.exact(2.5, k: k), within: 1e-7))
    }

    @Test func stepLimitIsReported() throws {
        var integrator = try BDFIntegrator(system: StiffIntegratorTests.system(k: 1), start: 0, state: [0], end: 100,
                                           solver: BDFSolver(maximumStep: 0.01, maximumSteps: 10))
        var last = StepOutcome.accepted
        while last == .accepted { last = integrator.step() }
        #expect(last == .stepLimit)
        #expect(integrator.statistics.acceptedSteps == 10)
    }

    @Test func badSetupIsRejected() {
        let s = StiffIntegratorTests.system(k: 1)
        #expect(throws: IntegratorSetupError.self) {
            _ = try BDFIntegrator(system: s, start: 0, state: [0, 1], end: 1, solver: BDFSolver())
        }
        #expect(throws: IntegratorSetupError.self) {
            _ = try BDFIntegrator(system: s, start: 0, state: [0], end: 1, solver: BDFSolver(relativeTolerance: 1e-16))
        }
        #expect(throws: IntegratorSetupError.self) {
            _ = try BDFIntegrator(system: s, start: 0, state: [0], end: 1, solver: BDFSolver(maximumOrder: 6))
        }
        #expect(throws: IntegratorSetupError.self) {
            _ = try BDFIntegrator(system: s, start: 1, state: [0], end: 0, solver: BDFSolver())
        }
    }

    /// The NDF coefficients (Shampine & Reichelt 1997, Table 1): κ = (−0.1850, −1/9, −0.0823, −0.0415, 0); the
    /// BDF error constants 1/(k+1) shifted by κₖγₖ; and rescaling the differences by a factor and back is the
    /// identity (interpolation of a polynomial of degree k is exact), to round-off.
    @Test func coefficientsAndRescaling() {
        #expect(NDFCoefficients.kappa == [0, -0.1850, -1.0 / 9, -0.0823, -0.0415, 0])
        #expect(isClose(NDFCoefficients.gamma[5], 1 + 1 / 2.0 + 1 / 3.0 + 1 / 4.0 + 1 / 5.0, within: 1e-15))
        #expect(isClose(NDFCoefficients.errorConstant[1], -0.1850 + 0.5, within: 1e-15))
        #expect(isClose(NDFCoefficients.alpha[2], (1 + 1.0 / 9) * 1.5, within: 1e-15))
        let n = 2, k = 4
        var d: [Double] = (0..<((k + 1) * n)).map { Double($0 % 7) - 2.5 }
        let original = d
        var scratch = [Double](repeating: 0, count: NDFCoefficients.scratchSize(dimension: n))
        d.withUnsafeMutableBufferPointer { d in
            scratch.withUnsafeMutableBufferPointer { s in
                NDFCoefficients.rescale(d.baseAddress!, dimension: n, order: k, factor: 0.37, scratch: s.baseAddress!)
                NDFCoefficients.rescale(d.baseAddress!, dimension: n, order: k, factor: 1 / 0.37, scratch: s.baseAddress!)
            }
        }
        for (a, b) in zip(d, original) { #expect(isClose(a, b, within: 1e-12)) }
    }

    /// ode15s's Newton test carries the contraction rate across steps and accepts a first iterate that passes the
    /// stricter test, so on a problem whose steps mostly keep their size it needs markedly fewer evaluations of f than
    /// scipy's (which measures the rate afresh, two evaluations per step at least): on Robertson's problem to t = 40,
    /// at most 80 % of them, for a solution as accurate (the test above).
    @Test func ode15sNewtonTestSavesEvaluations() throws {
        let rober = TestProblems.robertson(exactJacobian: true)
        func run(_ test: BDFSolver.NewtonTest) throws -> IntegratorStatistics {
            try integrateBDF(rober, [1, 0, 0], to: 40, BDFSolver(relativeTolerance: 1e-8, absoluteTolerances: [1e-12, 1e-18, 1e-12],
                                                                 newtonTest: test)).stats
        }
        let scipy = try run(.scipy), ode15s = try run(.ode15s)
        #expect(scipy.newtonIterations >= 2 * scipy.acceptedSteps)
        #expect(Double(ode15s.rhsEvaluations) <= 0.8 * Double(scipy.rhsEvaluations), "ode15s \(ode15s), scipy \(scipy)")
    }

    /// After a step the integrator reports the derivative its formula implies, (ψ + d)/c, without evaluating f. For a
    /// linear system with its exact Jacobian the converged Newton iterate makes that f(t, y) itself (the residual
    /// c·f(y) − ψ − d is linear in y and the last correction zeroes it): equal to round-off, 10⁻⁹ of |y|/h + |f|,
    /// after every step of y′ = −(y − cos t) (both Newton tests).
    @Test(arguments: [BDFSolver.NewtonTest.scipy, .ode15s])
    func impliedDerivativeIsTheDerivative(newtonTest: BDFSolver.NewtonTest) throws {
        var integrator = try BDFIntegrator(system: Self.cosine, start: 0, state: [0], end: 10,
                                           solver: BDFSolver(relativeTolerance: 1e-8, absoluteTolerance: 1e-10, newtonTest: newtonTest))
        var steps = 0
        while case .accepted = integrator.step() {
            steps += 1
            let evaluationsBefore = integrator.statistics.rhsEvaluations
            let implied = integrator.currentDerivative()[0]
            #expect(integrator.statistics.rhsEvaluations == evaluationsBefore)
            let t = integrator.time, y = integrator.state[0]
            let exact = -(y - cos(t))
            let scale = abs(y) / integrator.lastStep + abs(exact)
            #expect(abs(implied - exact) <= 1e-9 * scale, "t = \(t): \(implied) vs \(exact)")
        }
        #expect(steps > 20)
    }
}

