import Foundation
import Testing
import MembraneNumerics
import MembraneTestSupport

/// y′ = −λ(t)·(y − cos t) − sin t, whose solution from y(0) = 1 is y = cos t for every λ (Prothero & Robinson 1974,
/// the standard test of stiff solvers): λ(t) = λ₀ + λ₁·exp(−((t − 7.5)/1.5)²), so that the problem is stiff only while
/// λ is large. The stiffness of the problem is λ(t); the solution never changes.
struct ProtheroRobinson: ODESystem {
    var base: Double
    var bump: Double
    var dimension: Int { 1 }
    func lambda(_ t: Double) -> Double { base + bump * exp(-((t - 7.5) / 1.5) * ((t - 7.5) / 1.5)) }
    func derivatives(at t: Double, state y: [Double], into dydt: inout [Double]) {
        dydt[0] = -lambda(t) * (y[0] - cos(t)) - sin(t)
    }
}

/// The harmonic oscillator y₁′ = y₂, y₂′ = −y₁ (y = (cos t, −sin t) from (1, 0)): not stiff.
struct HarmonicOscillator: ODESystem {
    var dimension: Int { 2 }
    func derivatives(at t: Double, state y: [Double], into dydt: inout [Double]) {
        dydt[0] = y[1]
        dydt[1] = -y[0]
    }
}

@Suite("Dormand–Prince on one system, and switching to BDF where stiff")
struct SwitchingIntegratorTests {
    /// Four periods of the oscillator at rtol 1e-9: within 1e-6 of (cos t, −sin t) at every accepted point, and the
    /// stiffness test quiet (h·λ stays well inside the stability region on a problem limited by accuracy).
    @Test func dormandPrinceFollowsTheOscillator() throws {
        var i = try DormandPrinceIntegrator(system: HarmonicOscillator(), start: 0, state: [1, 0], end: 8 * .pi,
                                            relativeTolerance: 1e-9, absoluteTolerances: [1e-12, 1e-12])
        let run = integrate(&i)
        for (t, y) in zip(run.t, run.y) {
            #expect(isClose(y[0], cos(t), within: 1e-6))
            #expect(isClose(y[1], -sin(t), within: 1e-6))
        }
        #expect(run.t.last == 8 * .pi)
        #expect(!i.isStiff)
        #expect(run.stats.rhsEvaluations == 6 * (run.stats.acceptedSteps + run.stats.rejectedSteps) + 2)  // FSAL, HINIT
    }

    /// λ = 10⁴ throughout: Dormand–Prince stays accurate but its steps are bounded by stability (h·λ ≤ 3.3), so its
    /// stiffness test fires; the switching integrator moves to BDF and takes far fewer steps for the same answer.
    @Test func stiffnessIsDetectedAndBDFTakesOver() throws {
        let system = ProtheroRobinson(base: 1e4, bump: 0)
        var explicit = try DormandPrinceIntegrator(system: system, start: 0, state: [1], end: 10,
                                                   relativeTolerance: 1e-6, absoluteTolerances: [1e-8])
        let alone = integrate(&explicit)
        #expect(explicit.isStiff)
        #expect(alone.stats.acceptedSteps > Int(10 * 1e4 / 3.4))  // the stability bound: h ≤ 3.3/λ
        #expect(isClose(alone.y.last![0], cos(10), within: 1e-6))

        var switching = try SwitchingIntegrator(system: system, start: 0, state: [1], end: 10,
                                                solver: BDFSolver(relativeTolerance: 1e-6, absoluteTolerance: 1e-8))
        let run = integrate(&switching)
        #expect(switching.switches == 1)
        #expect(!switching.isExplicit)
        #expect(run.stats.acceptedSteps * 10 < alone.stats.acceptedSteps)
        for (t, y) in zip(run.t, run.y) { #expect(isClose(y[0], cos(t), within: 1e-5)) }
    }

    /// λ from 1 up to 10⁴ and back (a stiff stretch between two non-stiff ones): the integrator starts explicit, moves to
    /// BDF in the stiff stretch and back to Dormand–Prince after it (h·ρ ≤ 1.5 from the power iteration), and follows
    /// y = cos t throughout.
    @Test func switchesBackWhenTheStiffnessEnds() throws {
        let system = ProtheroRobinson(base: 1, bump: 1e4)
        var switching = try SwitchingIntegrator(system: system, start: 0, state: [1], end: 20,
                                                solver: BDFSolver(relativeTolerance: 1e-7, absoluteTolerance: 1e-9))
        var methodAt: [(t: Double, explicit: Bool)] = []
        var worst = 0.0
        while case .accepted = switching.step() {
            methodAt.append((switching.time, switching.isExplicit))
            worst = max(worst, abs(switching.state[0] - cos(switching.time)))
        }
        #expect(switching.time == 20)
        #expect(worst < 1e-5)
        #expect(switching.switches >= 2)
        // Explicit before the stiff stretch (λ < 10 for t < 2.2), BDF in its middle (λ > 10³ for 5.3 < t < 9.7),
        // explicit again at the end (λ ≈ 1).
        let early = methodAt.filter { $0.t < 2 }, middle = methodAt.filter { $0.t > 6.5 && $0.t < 8.5 }
        #expect(!early.isEmpty && early.allSatisfy { $0.explicit })
        #expect(!middle.isEmpty && middle.allSatisfy { !$0.explicit })
        #expect(switching.isExplicit)
        let explicitSteps = methodAt.filter { $0.explicit }.count, total = methodAt.count
        #expect(explicitSteps > 0 && explicitSteps < total)
    }

    /// Bad settings are refused with the field named (the explicit method's validation).
    @Test func badSettingsAreRefused() {
        #expect(throws: IntegratorSetupError.self) {
            _ = try DormandPrinceIntegrator(system: HarmonicOscillator(), start: 0, state: [1, 0], end: 1,
                                            relativeTolerance: 2, absoluteTolerances: [1e-9, 1e-9])
        }
        do {
            _ = try DormandPrinceIntegrator(system: HarmonicOscillator(), start: 0, state: [1, 0], end: 1,
                                            relativeTolerance: 1e-6, absoluteTolerances: [1e-9])
            Issue.record("one atol for two components was accepted")
        } catch {
            #expect(error.field == "atol")
        }
    }
}
