import Testing
import Foundation
import MembraneNumerics
import MembraneTestSupport

/// Runs an integrator to its end, returning the accepted (t, y) pairs.
func integrate<S: ODESystem>(_ system: S, _ y0: [Double], to end: Double, _ solver: RosenbrockSolver) throws -> (t: [Double], y: [[Double]], stats: IntegratorStatistics) {
    var integrator = try Integrator(system: system, start: 0, state: y0, end: end, solver: solver)
    var ts = [0.0], ys = [y0]
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

@Suite("Stiff integrator (Rodas4)")
struct StiffIntegratorTests {
    /// y′ = −k(y − cos t), y(0) = 0 has the closed form
    /// y = k²/(1 + k²)·(cos t + sin t / k − e^{−kt}) (variation of constants).
    static func exact(_ t: Double, k: Double) -> Double {
        k * k / (1 + k * k) * (cos(t) + sin(t) / k - exp(-k * t))
    }

    static func system(k: Double) -> ClosureODESystem {
        ClosureODESystem(dimension: 1, isAutonomous: false) { t, y, dy in dy[0] = -k * (y[0] - cos(t)) }
    }

    /// With k = 10⁶ the problem is stiff (an explicit method would need h < 2·10⁻⁶); Rodas4 follows
    /// the closed form to well within the requested tolerance in a few hundred steps.
    @Test func stiffCosineMatchesClosedForm() throws {
        let k = 1e6
        let run = try integrate(Self.system(k: k), [0], to: 10, RosenbrockSolver(relativeTolerance: 1e-8, absoluteTolerance: 1e-10))
        // Global error ≲ 10·tol: the reference is the closed form.
        #expect(isClose(run.y.last![0], Self.exact(10, k: k), within: 1e-8))
        #expect(run.stats.acceptedSteps < 2000, "\(run.stats)")
    }

    /// With fixed steps (the error test switched off by a huge atol), halving h divides the global
    /// error by about 2⁴ = 16: the tableau has order 4 (a coefficient typo would lower it). Checked on
    /// the autonomous nonlinear y′ = −y², y = 1/(1 + t) (Jacobian by finite differences), and on the
    /// non-autonomous y′ = −(y − cos t) (closed form above; exact Jacobian, so the γᵢ·h·∂f/∂t terms
    /// are what is tested). Expected ratio 16, accepted within [12, 20] for higher-order terms.
    @Test func orderFour() throws {
        func fixedStep(_ h: Double) -> RosenbrockSolver {
            RosenbrockSolver(relativeTolerance: 0.5, absoluteTolerance: 1e10, initialStep: h, maximumStep: h)
        }
        let quadratic = ClosureODESystem(dimension: 1, isAutonomous: true) { _, y, dy in dy[0] = -y[0] * y[0] }
        let cosine = ClosureODESystem(dimension: 1, isAutonomous: false,
                                      f: { t, y, dy in dy[0] = -(y[0] - cos(t)) },
                                      jacobian: { _, _, j in j[0, 0] = -1 })
        var quadraticErrors: [Double] = [], cosineErrors: [Double] = []
        for h in [0.2, 0.1, 0.05, 0.025] {
            quadraticErrors.append(abs(try integrate(quadratic, [1], to: 1, fixedStep(h)).y.last![0] - 0.5))
            cosineErrors.append(abs(try integrate(cosine, [0], to: 1, fixedStep(h)).y.last![0] - Self.exact(1, k: 1)))
        }
        for errors in [quadraticErrors, cosineErrors] {
            for i in 1..<errors.count {
                let ratio = errors[i - 1] / errors[i]
                #expect(ratio > 12 && ratio < 20, "errors \(errors)")
            }
        }
    }

    /// Robertson's chemical kinetics (Robertson 1966), the classic stiff test: the values at t = 40
    /// are (0.7158270687, 9.185534765e-6, 0.2841637457) (Hairer & Wanner, Solving ODEs II, §IV.1 and
    /// their test set; reproduced to 10+ digits by independent Radau/BDF/CVODE runs). With rtol 1e-10 we
    /// expect agreement to ~1e-8 relative; y₁ + y₂ + y₃ = 1 is a linear invariant that a Rosenbrock
    /// method preserves to round-off.
    @Test func robertsonAtForty() throws {
        let rober = TestProblems.robertson(exactJacobian: false)
        let solver = RosenbrockSolver(relativeTolerance: 1e-10, absoluteTolerance: 1e-10, absoluteTolerances: [1e-14, 1e-20, 1e-14])
        let run = try integrate(rober, [1, 0, 0], to: 40, solver)
        let y = run.y.last!
        #expect(isRelativelyClose(y[0], 0.7158270687, relative: 1e-8))
        #expect(isRelativelyClose(y[1], 9.185534765e-6, relative: 1e-7))
        #expect(isRelativelyClose(y[2], 0.2841637457, relative: 1e-8))
        #expect(abs(y[0] + y[1] + y[2] - 1) <= 1e-13)  // round-off accumulated over a few hundred steps
    }

    /// Van der Pol's oscillator x″ − μ(1 − x²)x′ + x = 0 with μ = 1000 is a relaxation oscillation whose
    /// period is T = (3 − 2 ln 2)μ + 3a·μ^{−1/3} + O(μ⁻¹ ln μ), a = 2.3381 the first zero of Ai(−x)
    /// (Dorodnitsyn 1947; Grasman, Asymptotic Methods for Relaxation Oscillations, 1987, §3.3):
    /// T ≈ 1614.4. The amplitude is 2 to leading order. Tolerance 0.5 % for the neglected terms.
    @Test func vanDerPolRelaxation() throws {
        let mu = 1000.0
        let vdp = TestProblems.vanDerPol(mu: mu, exactJacobian: false)
        let run = try integrate(vdp, [2, 0], to: 3000, RosenbrockSolver(relativeTolerance: 1e-7, absoluteTolerance: 1e-9))
        TestProblems.expectVanDerPolRelaxation(mu: mu, t: run.t, y: run.y, acceptedSteps: run.stats.acceptedSteps)
    }

    @Test func stepLimitIsReported() throws {
        var integrator = try Integrator(system: Self.system(k: 1), start: 0, state: [0], end: 100,
                                        solver: RosenbrockSolver(maximumStep: 0.01, maximumSteps: 10))
        var last = StepOutcome.accepted
        while last == .accepted { last = integrator.step() }
        #expect(last == .stepLimit)
        #expect(integrator.statistics.acceptedSteps == 10)
    }

    @Test func badSetupIsRejected() {
        #expect(throws: IntegratorSetupError.self) {
            _ = try Integrator(system: Self.system(k: 1), start: 0, state: [0, 1], end: 1, solver: RosenbrockSolver())
        }
        #expect(throws: IntegratorSetupError.self) {
            _ = try Integrator(system: Self.system(k: 1), start: 0, state: [0], end: 1, solver: RosenbrockSolver(relativeTolerance: -1))
        }
    }
}
