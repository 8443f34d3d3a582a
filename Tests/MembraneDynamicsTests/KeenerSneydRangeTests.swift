import Testing
import Foundation
import MembraneDynamics
import MembraneNumerics
import MembraneUnits
import MembraneTestSupport

/// Keener & Sneyd's pump–leak model over its whole existence range 0 < P < P_max = 14.2225 (issue 14, item 3):
/// the steady state is found at both ends, and a simulation at large P — where Na⁺ inside falls to
/// Na_e·e^{−3P}·y ≈ 10⁻¹³…10⁻¹⁷ mM — completes and ends at it. The reference is the book's closed form
/// (Mathematical Physiology ch. 2, pump_leak1.m), typed here from the book's code:
/// α = (Na_e e^{−3P} + K_e e^{2γP})/(Na_e + K_e), μ = [1 + √(α + (1−α)z²)]/[2(1−α)], y = [−z + √(z² + 4αμ²)]/(2αμ),
/// V = −(RT/F)·ln y, Na_i = Na_e e^{−3P} y, K_i = K_e e^{2γP} y, Cl_i = C_e/y.
@Suite("Keener–Sneyd over the existence range")
struct KeenerSneydRangeTests {
    static let ne = 437.0, ke = 20.0, gamma = 0.11, z = -1.0
    static var ce: Double { ne + ke }

    /// (V in volts, μ, Na_i, K_i, Cl_i in mM) of the closed form at P.
    static func closedForm(_ p: Double, vt: Double) -> (v: Double, mu: Double, na: Double, k: Double, cl: Double) {
        let alpha = (ne * exp(-3 * p) + ke * exp(2 * p * gamma)) / (ne + ke)
        let mu = (1 + (alpha + (1 - alpha) * z * z).squareRoot()) / (2 * (1 - alpha))
        let y = (-z + (z * z + 4 * alpha * mu * mu).squareRoot()) / (2 * alpha * mu)
        return (-vt * log(y), mu, ne * exp(-3 * p) * y, ke * exp(2 * gamma * p) * y, ce / y)
    }

    static func scenario(_ p: Double) throws -> Scenario {
        var s = Scenario.keenerSneyd
        try s.setDimensionlessPumpRate(p)
        return s
    }

    /// The steady state exists and is found near both ends of the range (a volume ~10⁶ times the initial one at
    /// P = 1e-7, where α = 1 − 2.9e-7), equal to the closed form.
    @Test(arguments: [1e-7, 1e-5, 1e-3, 12, 13, 14.2, 14.222])
    func steadyStateAtTheEnds(p: Double) throws {
        let s = try Self.scenario(p)
        let ss = try SteadyStateSolver().solve(s)
        let c = Self.closedForm(p, vt: s.conditions.thermalVoltage)
        #expect(isClose(ss.state.potential.volts, c.v, within: 1e-9), "V at P = \(p)")
        #expect(isRelativelyClose(ss.state.referenceRelativeVolume, c.mu, relative: 1e-7), "μ at P = \(p)")
        #expect(isRelativelyClose(ss.state.inside[0].millimolar, c.na, relative: 1e-7), "Na at P = \(p)")
        #expect(isRelativelyClose(ss.state.inside[1].millimolar, c.k, relative: 1e-7), "K at P = \(p)")
        #expect(isRelativelyClose(ss.state.inside[2].millimolar, c.cl, relative: 1e-7), "Cl at P = \(p)")
    }

    /// The run from the preset's initial state completes (no step size underflow, no negative amount) and ends
    /// at the steady state: the closed form, and the steady-state solver's answer. Near P_max the cell swells
    /// ~150-fold and approaches its steady state ever more slowly, so the run is long (10¹⁰ s: ~900 steps).
    @Test(arguments: [12, 12.5, 13, 14, 14.2])
    func simulationReachesTheSteadyState(p: Double) throws {
        var s = try Self.scenario(p)
        s.duration = 1e10
        let trajectory = try solve(s)
        #expect(trajectory.termination == .finished, "P = \(p): \(trajectory.termination.reason ?? "")")
        let final = trajectory.final
        #expect(final.inside.allSatisfy { $0.millimolar > 0 }, "P = \(p): every amount stays positive")
        let c = Self.closedForm(p, vt: s.conditions.thermalVoltage)
        #expect(isClose(final.potential.volts, c.v, within: 1e-9), "V at P = \(p)")
        #expect(isRelativelyClose(final.referenceRelativeVolume, c.mu, relative: 1e-6), "μ at P = \(p)")
        #expect(isRelativelyClose(final.inside[0].millimolar, c.na, relative: 1e-6), "Na at P = \(p)")
        #expect(isRelativelyClose(final.inside[1].millimolar, c.k, relative: 1e-6), "K at P = \(p)")
        let ss = try SteadyStateSolver().solve(s)
        #expect(isClose(final.potential.volts, ss.state.potential.volts, within: 1e-9))
        #expect(isRelativelyClose(final.inside[0].millimolar, ss.state.inside[0].millimolar, relative: 1e-6))
        #expect(trajectory.logarithmicSince != nil, "P = \(p): Na⁺ fell below 1000 × atol")
        // Amounts in cell + bath, charge and osmoles stay conserved: after the switch the invariants are not linear
        // in ln y, so they hold to the integration tolerance (rtol 1e-8) rather than to round-off.
        #expect(trajectory.conservation.worst < 1e-7, "P = \(p): drift \(trajectory.conservation.worst)")
    }

    /// An ordinary run (kay-2017, concentrations of mM) never changes variables.
    @Test func ordinaryRunsStayLinear() throws {
        var s = Scenario.kay2017
        s.duration = 600
        let trajectory = try solve(s)
        #expect(trajectory.termination == .finished && trajectory.logarithmicSince == nil)
    }
}
