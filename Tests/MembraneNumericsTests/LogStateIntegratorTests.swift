import Testing
import Foundation
import MembraneNumerics

/// Integration in the logarithms of positive components (``LogTransformedSystem``, ``LogStateIntegrator``).
@Suite("Logarithmic state variables")
struct LogStateIntegratorTests {
    /// A logarithmic relaxation y₀′ = a·ln(c/y₀) − b·y₀·y₁ + b·c·y₁, y₁′ = y₀ − y₁ (a positive amount pulled
    /// towards c through a Nernst-like law, coupled to a second component), with its exact Jacobian.
    static func system(a: Double, b: Double, c: Double) -> ClosureODESystem {
        ClosureODESystem(dimension: 2, isAutonomous: true, f: { _, y, f in
            f[0] = a * log(c / y[0]) - b * y[0] * y[1] + b * c * y[1]
            f[1] = y[0] - y[1]
        }, jacobian: { _, y, j in
            j[0, 0] = -a / y[0] - b * y[1]; j[0, 1] = -b * y[0] + b * c
            j[1, 0] = 1; j[1, 1] = -1
        })
    }

    /// The transformed Jacobian equals central differences of the transformed right-hand side.
    @Test func jacobianMatchesDifferences() {
        let s = LogTransformedSystem(Self.system(a: 2, b: 0.5, c: 0.3), logarithmic: [0])
        let u = [log(0.7), 1.3]
        var j = s.makeJacobian()
        #expect(s.jacobian(at: 0, state: u, into: &j))
        for col in 0..<2 {
            var up = u, down = u
            let h = 1e-6
            up[col] += h; down[col] -= h
            var fp = [0.0, 0.0], fm = [0.0, 0.0]
            s.derivatives(at: 0, state: up, into: &fp)
            s.derivatives(at: 0, state: down, into: &fm)
            for row in 0..<2 {
                let fd = (fp[row] - fm[row]) / (2 * h)
                #expect(abs(j[row, col] - fd) <= 1e-7 * max(1, abs(fd)), "∂f\(row)/∂u\(col)")
            }
        }
    }

    /// A relaxation to c = 1e-15 from y = 1, late in a run (t from 300 s, where 16 ulp of t is 9e-13 s): in
    /// logarithms the run completes, every state stays positive, and it ends at the equilibrium y₀ = y₁ = c (the
    /// fixed point of the equations: ln(c/y₀) = 0 and y₁ = y₀).
    @Test func relaxesToATinyEquilibrium() throws {
        let c = 1e-15
        var integrator = try LogStateIntegrator(system: Self.system(a: 1, b: 0, c: c), start: 300, state: [1, 1], end: 400,
                                                logarithmic: [0, 1],
                                                solver: RosenbrockSolver(relativeTolerance: 1e-8, absoluteTolerance: 1e-10))
        var outcome = StepOutcome.accepted
        while case .accepted = outcome {
            outcome = integrator.step()
            #expect(integrator.state.allSatisfy { $0 > 0 })
        }
        #expect(outcome == .finished)
        #expect(abs(integrator.state[0] / c - 1) < 1e-6)
        #expect(abs(integrator.state[1] / c - 1) < 1e-6)
        // dy/dt at the end: zero at the fixed point (relative to the scale a·|ln c| of the relaxation).
        let f = integrator.currentDerivative()
        #expect(abs(f[0]) < 1e-6 * 34.5)
    }
}
