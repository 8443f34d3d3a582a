import Testing
import Foundation
import MembraneNumerics
import MembraneTestSupport

/// The stiff test problems both integrators' suites use.
enum TestProblems {
    /// Robertson's chemical kinetics (Robertson 1966; Hairer & Wanner, Solving ODEs II, §IV.1), with its exact
    /// Jacobian or without one (the integrators then estimate it by finite differences).
    static func robertson(exactJacobian: Bool) -> ClosureODESystem {
        ClosureODESystem(dimension: 3, isAutonomous: true, f: { _, y, dy in
            dy[0] = -0.04 * y[0] + 1e4 * y[1] * y[2]
            dy[1] = 0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1]
            dy[2] = 3e7 * y[1] * y[1]
        }, jacobian: exactJacobian ? { _, y, j in
            j[0, 0] = -0.04; j[0, 1] = 1e4 * y[2]; j[0, 2] = 1e4 * y[1]
            j[1, 0] = 0.04; j[1, 1] = -1e4 * y[2] - 6e7 * y[1]; j[1, 2] = -1e4 * y[1]
            j[2, 0] = 0; j[2, 1] = 6e7 * y[1]; j[2, 2] = 0
        } : nil)
    }

    /// Van der Pol's oscillator y₁″ − μ(1 − y₁²)y₁′ + y₁ = 0 as a first-order system, with its exact Jacobian or
    /// without one.
    static func vanDerPol(mu: Double, exactJacobian: Bool) -> ClosureODESystem {
        ClosureODESystem(dimension: 2, isAutonomous: true, f: { _, y, dy in
            dy[0] = y[1]
            dy[1] = mu * (1 - y[0] * y[0]) * y[1] - y[0]
        }, jacobian: exactJacobian ? { _, y, j in
            j[0, 0] = 0; j[0, 1] = 1
            j[1, 0] = -2 * mu * y[0] * y[1] - 1; j[1, 1] = mu * (1 - y[0] * y[0])
        } : nil)
    }

    /// The relaxation oscillation of van der Pol's equation for large μ from y(0) = (2, 0): the period is
    /// T = (3 − 2 ln 2)μ + 3a·μ^{−1/3} + O(μ⁻¹ ln μ), a = 2.33810741 the first zero of Ai(−x) (Dorodnitsyn 1947;
    /// Grasman, Asymptotic Methods for Relaxation Oscillations, 1987, §3.3), to 0.5 % for the neglected terms, between
    /// the first two downward zero crossings (linear interpolation); the amplitude is 2 to leading order; fewer than
    /// 20 000 steps to t = 3000.
    static func expectVanDerPolRelaxation(mu: Double, t: [Double], y: [[Double]], acceptedSteps: Int) {
        var downCrossings: [Double] = []
        for i in 1..<t.count where y[i - 1][0] > 0 && y[i][0] <= 0 {
            let x0 = y[i - 1][0], x1 = y[i][0]
            downCrossings.append(t[i - 1] + (t[i] - t[i - 1]) * x0 / (x0 - x1))
        }
        #expect(downCrossings.count >= 2)
        guard downCrossings.count >= 2 else { return }
        let period = downCrossings[1] - downCrossings[0]
        let expected = (3 - 2 * log(2.0)) * mu + 3 * 2.33810741 * pow(mu, -1.0 / 3)
        #expect(isRelativelyClose(period, expected, relative: 5e-3), "period \(period), expected \(expected)")
        let amplitude = y.map { abs($0[0]) }.max()!
        #expect(amplitude >= 1.99 && amplitude <= 2.05)
        #expect(acceptedSteps < 20_000)
    }
}
