import MembraneNumerics

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
}
