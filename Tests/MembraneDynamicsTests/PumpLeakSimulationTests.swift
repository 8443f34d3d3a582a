import Testing
import Foundation
import MembraneDynamics
import MembranePhysics
import MembraneNumerics
import MembraneUnits
import MembraneChemistry
import MembraneTestSupport

@Suite("Pump–leak time courses")
struct PumpLeakSimulationTests {
    /// The cell state at exactly time t (Hermite interpolation between records).
    static func state(_ tr: Trajectory<CellModel>, at t: Double) -> CellState {
        let samples = tr.sampled(every: t)
        return samples.count > 1 ? samples[1] : tr.final
    }

    /// Kay 2017: pump on, blocked at 5000 s, run on to 45 000 s. Compared with the author's own scheme
    /// (explicit Euler with volume rescaling; Tests/Reference/kay2017, CODATA constants), Richardson-extrapolated
    /// from its dt = 1 and 2 ms tables (R = 2·T₁ − T₂, first-order method): the extrapolation removes the Euler
    /// error (up to 3·10⁻⁶ at t = 1000 s), leaving O(dt²) ≪ 10⁻⁶, the tolerance (10⁻³ mV for V). Conservation
    /// of every ion in cell + bath, of charge and of osmoles holds to round-off (10⁻¹²).
    /// Both integrators (Rodas4 and BDF at the default rtol 1e-8) meet the same bounds.
    @Test(arguments: IntegrationMethod.allCases)
    func kayMatchesTheAuthorsScheme(method: IntegrationMethod) throws {
        var s = Scenario.kay2017
        s.duration = 45_000
        let tr = try solve(s, using: SimulationSolver(method: method))
        #expect(tr.termination == .finished)
        let fine = try Fixtures.kayReference("kay2017_codata_dt1ms.csv")
        let coarse = try Fixtures.kayReference("kay2017_codata_dt2ms.csv")
        let table = zip(fine, coarse).map { f, c in zip(f, c).map { 2 * $0 - $1 } }
        for row in table where row[0] > 0 {
            let st = Self.state(tr, at: row[0])
            #expect(isClose(st.potential.millivolts, row[1], within: 1e-3), "V at \(row[0])")
            for (j, column) in [2, 3, 4].enumerated() {
                #expect(isRelativelyClose(st.inside[j].millimolar, row[column], relative: 1e-6), "ion \(j) at \(row[0])")
            }
            #expect(isRelativelyClose(st.impermeantInside.millimolar, row[5], relative: 1e-6), "X at \(row[0])")
            #expect(isRelativelyClose(st.relativeVolume, row[6], relative: 1e-6), "volume at \(row[0])")
        }
        #expect(tr.conservation.worst < 1e-12, "\(tr.conservation)")
        #expect(tr.events.map(\.time) == [5000])
    }

    /// Kay 2017: with the pump stopped and no impermeant in the bath the cell swells without bound (the
    /// Donnan catastrophe): the volume rises monotonically after the block (past the first second's
    /// electrical settling) and is still rising at 45 000 s (1.85 × the initial volume in the reference table,
    /// checked above); no steady state exists.
    @Test func pumpBlockSwellsWithoutBound() throws {
        var s = Scenario.kay2017
        s.duration = 45_000
        let tr = try solve(s)
        var previous = 0.0
        for i in 0..<tr.count where tr.times[i] > 5001 {
            let v = tr.cellState(at: i).relativeVolume
            #expect(v > previous)
            previous = v
        }
        #expect(previous > 1.8)
        #expect(tr.conservation.worst < 1e-12)
        var blocked = s
        blocked.pumpActivity = 0
        #expect(throws: MembraneError.self) { _ = try SteadyStateSolver().solve(blocked) }
    }

    /// With 100 mM of impermeant anion in the bath the blocked cell reaches a finite double-Donnan
    /// equilibrium (Kay 2017; Kay & Blaustein 2019): its volume tends to the Donnan solver's osmotic volume
    /// (X_in = X_out ⇒ 50/100 = 0.5 of the reference volume) and V to 0. The reference table (PLM_CD.m with
    /// xo = 100, zo = −1) reaches 0.4999999987 at 50 000 s.
    @Test(arguments: IntegrationMethod.allCases)
    func bathImpermeantGivesFiniteDonnanVolume(method: IntegrationMethod) throws {
        var s = Fixtures.kayBathImpermeant
        s.duration = 50_000
        let tr = try solve(s, using: SimulationSolver(method: method))
        let bath = try Solution(millimolar: ["Na": 147, "K": 3, "Cl": 50])
        let donnan = try Donnan.solve(try DonnanProblem(
            outside: bath, permeant: ["Na", "K", "Cl"],
            insideImpermeants: [ImpermeantSolute(charge: -1, concentration: .millimolar(50))],
            extraOutside: [ImpermeantSolute(name: "X_out", charge: -1, concentration: .millimolar(100))],
            compartment: .osmotic, conditions: s.conditions))
        let f = tr.final
        #expect(isRelativelyClose(f.referenceRelativeVolume, donnan.relativeVolume, relative: 1e-6))
        #expect(isClose(f.potential.millivolts, donnan.potential.millivolts, within: 1e-3))
        let row = try #require(try Fixtures.kayReference("kay2017_xo100_codata_dt1ms.csv").last)
        #expect(isRelativelyClose(f.relativeVolume, row[6], relative: 1e-6))
        #expect(tr.conservation.worst < 1e-12)
    }

    /// Without a Cl⁻ conductance the blocked cell cannot swell: Na⁺ replaces K⁺ one for one and the
    /// osmolarity stays put (Kay 2017; reference table with g_Cl = 0: the volume stays at 1 to 2·10⁻⁵).
    @Test func noChlorideConductanceNoSwelling() throws {
        var s = Scenario.kay2017
        s.leaks = s.leaks.filter { $0.ion != "Cl" }
        let tr = try solve(s)
        var largest = 0.0
        for i in 0..<tr.count { largest = max(largest, abs(tr.cellState(at: i).relativeVolume - 1)) }
        #expect(largest < 1e-4)
        let row = try #require(try Fixtures.kayReference("kay2017_gcl0_codata_dt1ms.csv").last)
        #expect(isRelativelyClose(tr.final.inside[0].millimolar, row[2], relative: 1e-6))
        #expect(tr.conservation.worst < 1e-12)
    }

    /// Time integration converges to the Newton steady state (Kay 2017 pump on; Keener & Sneyd at P = 2;
    /// the full model with GHK leaks, Luo–Rudy pump, cotransporters, finite bath and osmotic water), with either
    /// integrator.
    @Test(arguments: ["kay", "keener-sneyd", "rich"], IntegrationMethod.allCases)
    func integrationConvergesToSteadyState(which: String, method: IntegrationMethod) throws {
        var s: Scenario
        switch which {
        case "kay": s = Fixtures.kayPumpOn; s.duration = 60_000
        case "keener-sneyd": s = Scenario.keenerSneyd; s.duration = 2e6
        default: s = Fixtures.rich; s.duration = 2e5
        }
        let steady = try SteadyStateSolver().solve(s)
        let tr = try solve(s, using: SimulationSolver(method: method))
        let f = tr.final, ss = steady.state
        #expect(isClose(f.potential.millivolts, ss.potential.millivolts, within: 1e-5))
        for j in f.inside.indices {
            #expect(isRelativelyClose(f.inside[j].millimolar, ss.inside[j].millimolar, relative: 1e-7), "ion \(j)")
            #expect(isRelativelyClose(f.outside[j].millimolar, ss.outside[j].millimolar, relative: 1e-7), "ion \(j) outside")
        }
        #expect(isRelativelyClose(f.referenceRelativeVolume, ss.referenceRelativeVolume, relative: 1e-7))
        #expect(tr.conservation.worst < 1e-12, "\(tr.conservation)")
    }

    /// A non-electroneutral start (1 mM extra Na) holds V₀ = F·w·q/(C·A) ≈ 16 V by the charge-difference
    /// model; the leaks discharge it within milliseconds (the capacitive time C/g ≈ 20 ms) and the run goes on,
    /// conserving every amount.
    @Test(arguments: IntegrationMethod.allCases)
    func nonElectroneutralStartIsDischarged(method: IntegrationMethod) throws {
        var s = Fixtures.kayPumpOn
        s.inside[0] = .millimolar(121)
        s.duration = 1
        let tr = try solve(s, using: SimulationSolver(method: method))
        #expect(tr.initial.potential.volts > 10)
        #expect(abs(tr.final.potential.millivolts) < 100)
        #expect(tr.conservation.worst < 1e-12)
    }

    /// Block and release: after the release the pump runs again and the cell returns to its steady state.
    @Test(arguments: IntegrationMethod.allCases)
    func blockAndRelease(method: IntegrationMethod) throws {
        var s = Fixtures.kayPumpOn
        s.events = [ScenarioEvent(time: 1000, .blockPump), ScenarioEvent(time: 2000, .releasePump)]
        s.duration = 60_000
        let steady = try SteadyStateSolver().solve(s)
        let tr = try solve(s, using: SimulationSolver(method: method), from: steady.stateVector)
        #expect(tr.events.map(\.pumpActivity) == [0, 1])
        let during = Self.state(tr, at: 1500)
        #expect(during.pumpActivity == 0 && during.relativeVolume > 1.01)
        #expect(isClose(tr.final.potential.millivolts, steady.state.potential.millivolts, within: 1e-5))
        #expect(tr.conservation.worst < 1e-12)
    }

    /// Stopping early keeps what was computed (the command line's Ctrl-C), and a step limit is a termination,
    /// not an error.
    @Test(arguments: IntegrationMethod.allCases)
    func interruptedAndStepLimitedRuns(method: IntegrationMethod) throws {
        var simulation = try Simulation(scenario: Scenario.kay2017, solver: SimulationSolver(method: method))
        for _ in 0..<50 { _ = simulation.step() }
        let partial = simulation.trajectory(termination: .interrupted)
        #expect(partial.count == 51)
        #expect(partial.termination.name == "interrupted")
        let limited = try solve(Scenario.kay2017, using: SimulationSolver(method: method, maximumSteps: 10))
        #expect(limited.termination == .stepLimit && limited.count == 11)
    }
}
