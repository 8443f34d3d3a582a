import Testing
import Foundation
@testable import MembraneDynamics
import MembraneNumerics
import MembraneUnits
import MembraneTestSupport

/// The exchange of a finite extracellular space (ECS) with the world outside it (``ExtracellularExchange``): diffusion
/// to a bath of fixed concentration and glial K⁺ uptake (Cressman et al. 2009), against their closed forms, the
/// conservation of every ion's amount (cell + ECS + exchanged), the exact Jacobian, and the refusals.
@Suite("Extracellular exchange: bath diffusion and glial uptake")
struct ExtracellularExchangeTests {
    /// The Hodgkin–Huxley cell with dynamic Na⁺ and K⁺ and an ECS of `ecs` × the cell volume (impermeable water: the
    /// ECS volume is constant), K⁺ outside `ko` mM.
    static func cell(ecs: Double = 0.15, ko: Double? = nil, stimulus: Double = 0, duration: Double = 1) -> Scenario {
        var s = Scenario.hodgkinHuxley1952(concentrations: .dynamic(extracellularVolume: ecs), potassiumOutside: ko)
        s.stimuli = stimulus == 0 ? [] : [.constantCurrent(.microamperesPerSquareCentimetre(stimulus))]
        s.duration = duration
        return s
    }

    /// The same cell with no membrane currents (nothing crosses the cell membrane): only the exchange moves ions.
    static func inertCell(ko: Double? = nil, duration: Double) -> Scenario {
        var s = cell(ko: ko, duration: duration)
        s.mechanisms = []
        return s
    }

    static let tight = SimulationSolver(relativeTolerance: 1e-10, absoluteTolerance: 1e-13)

    /// The ECS concentration of `ion` at record i, from the state (amount over the constant ECS water 0.15 w_ref).
    static func outside(_ tr: Trajectory<CellModel>, _ ion: String, at i: Int) throws -> Double {
        let index = try #require(tr.model.layout.index(of: "bath.\(ion)"))
        return tr.stateVector(at: i)[index] / 0.15
    }

    /// Bath diffusion alone (no membrane currents, constant ECS volume): dc_o/dt = −k·(c_o − c_bath), so
    /// c_o(t) = c_bath + (c_o(0) − c_bath)·e^{−kt} (K⁺ 2.5 → 8 mM at k = 4/3 s⁻¹; Na⁺ 140 → 130 mM at 0.5 s⁻¹), and the
    /// amount removed is (c_o(0) − c_o(t))·W. Rodas4 at rtol 1e-10 keeps the global error within a few 1e-9 of the
    /// values: required within 1e-7 of c_bath at every step of 3 s (more than 4 time constants for K⁺).
    @Test func bathDiffusionFollowsTheExponential() throws {
        var s = Self.inertCell(duration: 3)
        let k = 4.0 / 3, kNa = 0.5
        s.extracellularExchange = ExtracellularExchange(bathDiffusion: [
            BathDiffusion(ion: "K", rate: k, bathConcentration: .millimolar(8)),
            BathDiffusion(ion: "Na", rate: kNa, bathConcentration: .millimolar(130)),
        ])
        let tr = try solve(s, using: Self.tight, recording: .everyStep)
        #expect(tr.termination == .finished)
        #expect(tr.count > 20)
        let exchangedK = try #require(tr.model.layout.index(of: "exchanged.bath_diffusion.K"))
        for i in 0..<tr.count {
            let t = tr.times[i]
            let expectedK = 8 + (2.5 - 8) * Foundation.exp(-k * t), expectedNa = 130 + (140 - 130) * Foundation.exp(-kNa * t)
            #expect(abs(try Self.outside(tr, "K", at: i) - expectedK) < 1e-7 * 8, "K at \(t) s")
            #expect(abs(try Self.outside(tr, "Na", at: i) - expectedNa) < 1e-7 * 130, "Na at \(t) s")
            #expect(abs(tr.stateVector(at: i)[exchangedK] - (2.5 - expectedK) * 0.15) < 1e-7 * 8 * 0.15, "E_K at \(t) s")
        }
        #expect(try Self.outside(tr, "K", at: tr.count - 1) > 7.8)  // 8 − 5.5·e⁻⁴
    }

    /// Glial uptake alone (no membrane currents, constant ECS volume): d[K]ₒ/dt = −G/(1 + e^{(K_sat − [K]ₒ)/s})
    /// separates to t(K) = [(K₀ − K) + s·(e^{(K_sat − K)/s} − e^{(K_sat − K₀)/s})]/G. From K₀ = 30 mM with Cressman's
    /// 2009 Table 1 values (G = 66 mM/s, K_sat = 18 mM, s = 2.5 mM), at every step of 1 s the recorded time equals
    /// t(K of the record) within the time a K error of 1e-7·K₀ makes (dt/dK = (1 + e^{(K_sat − K)/s})/G).
    @Test func glialUptakeFollowsTheSeparableSolution() throws {
        var s = Self.inertCell(ko: 30, duration: 1)
        let g = 66.0, half = 18.0, slope = 2.5, k0 = 30.0
        s.extracellularExchange = ExtracellularExchange(glialUptake: GlialUptake(maximalRate: g, halfActivation: .millimolar(half),
                                                                                 slope: .millimolar(slope)))
        let tr = try solve(s, using: Self.tight, recording: .everyStep)
        #expect(tr.termination == .finished)
        for i in 0..<tr.count {
            let kk = try Self.outside(tr, "K", at: i)
            let t = ((k0 - kk) + slope * (Foundation.exp((half - kk) / slope) - Foundation.exp((half - k0) / slope))) / g
            let dtdk = (1 + Foundation.exp((half - kk) / slope)) / g
            #expect(abs(t - tr.times[i]) <= 1e-7 * k0 * dtdk + 1e-12, "record \(i): K \(kk) mM at \(tr.times[i]) s vs \(t) s")
        }
        let last = try Self.outside(tr, "K", at: tr.count - 1)
        #expect(last < 15 && last > 2, "K after 1 s: \(last) mM")
        // Na⁺ is not taken up.
        #expect(abs(try Self.outside(tr, "Na", at: tr.count - 1) - 140) < 1e-12 * 140)
    }

    /// A spiking cell (20 µA/cm², ECS 0.15 × the cell volume) with glial uptake (Cressman's G = 66 mM/s) and bath
    /// diffusion of K⁺ (k = 4/3 s⁻¹ to 4 mM) and Na⁺ (0.5 s⁻¹ to 140 mM): for each ion N + B + E (cell, ECS, and what
    /// the exchange removed; read from the state by name) is constant to 1e-12 relative at every step, and the
    /// conservation report (its charge and osmoles too) agrees.
    @Test func amountsBalanceWithGliaAndDiffusion() throws {
        var s = Self.cell(stimulus: 20, duration: 0.1)
        s.extracellularExchange = ExtracellularExchange(
            bathDiffusion: [BathDiffusion(ion: "K", rate: 4.0 / 3, bathConcentration: .millimolar(4)), BathDiffusion(ion: "Na", rate: 0.5)],
            glialUptake: GlialUptake(maximalRate: 66))
        let tr = try solve(s, using: Self.tight, stateEvents: [.spikes()], recording: .everyStep)
        #expect(tr.termination == .finished)
        #expect(tr.crossingTimes(of: "spike").count >= 2)
        let layout = tr.model.layout
        for ion in ["Na", "K"] {
            let parts = try ["cell.\(ion)", "bath.\(ion)", "exchanged.bath_diffusion.\(ion)"].map { try #require(layout.index(of: $0)) }
                + (ion == "K" ? [try #require(layout.index(of: "exchanged.glia.K"))] : [])
            func total(_ i: Int) -> Double { let y = tr.stateVector(at: i); return parts.reduce(0) { $0 + y[$1] } }
            let start = total(0)
            var worst = 0.0
            for i in 0..<tr.count { worst = max(worst, abs(total(i) - start) / start) }
            #expect(worst < 1e-12, "\(ion): relative drift \(worst)")
            let exchanged = tr.stateVector(at: tr.count - 1)[parts[2]]
            #expect(abs(exchanged) > 1e-6, "\(ion): the bath diffusion moved \(exchanged) mM·w_ref")
        }
        let report = tr.conservation
        #expect(report.worst < 1e-12, "\(report.ions), charge \(report.charge), osmoles \(report.osmoles)")
    }

    /// The exact Jacobian equals central differences of the right-hand side (step 1e-8·max(|y|, 1) in each component;
    /// 1e-5 of the row's largest entry), for the spiking cell with bath diffusion of both ions and glial uptake, at
    /// [K]ₒ = 16 mM (the glial sigmoid's steep part), with impermeable, instantaneous and osmotic water (the ECS volume
    /// W = W_total − v̂ moving with the amounts or the volume state).
    @Test func jacobianMatchesCentralDifferences() throws {
        for water in [WaterTransport.impermeable, .instantaneous, .osmotic(permeability: .metresPerSecond(2e-5))] {
            var s = Self.cell(ko: 16, stimulus: 20)
            s.water = water
            s.extracellularExchange = ExtracellularExchange(
                bathDiffusion: [BathDiffusion(ion: "K", rate: 1.2, bathConcentration: .millimolar(8)), BathDiffusion(ion: "Na", rate: 0.7)],
                glialUptake: .cressman2009)
            let model = try CellModel(s)
            var y = model.initialState
            // Move off the start: some K⁺ taken up already, gates and V away from rest.
            for (i, c) in model.layout.components.enumerated() {
                if c.name.hasPrefix("exchanged.") { y[i] = 0.01 }
                if c.name.hasSuffix(".m") || c.name.hasSuffix(".h") || c.name.hasSuffix(".n") { y[i] = 0.4 }
            }
            let d = model.dimension
            var analytic = DenseMatrix(size: d)
            #expect(model.jacobian(at: 0, state: y, into: &analytic))
            var fp = [Double](repeating: 0, count: d), fm = fp
            var numeric = DenseMatrix(size: d)
            for col in 0..<d {
                let h = 1e-8 * max(abs(y[col]), 1)
                var yp = y, ym = y
                yp[col] += h; ym[col] -= h
                model.derivatives(at: 0, state: yp, into: &fp)
                model.derivatives(at: 0, state: ym, into: &fm)
                for row in 0..<d { numeric[row, col] = (fp[row] - fm[row]) / (2 * h) }
            }
            let names = model.layout.names
            for row in 0..<d {
                var largest = 1e-300
                for col in 0..<d { largest = max(largest, abs(numeric[row, col])) }
                for col in 0..<d {
                    #expect(abs(analytic[row, col] - numeric[row, col]) <= 1e-5 * largest,
                            "\(water): ∂f[\(names[row])]/∂\(names[col]) = \(analytic[row, col]) vs \(numeric[row, col])")
                }
            }
            // The exchange rows are there (not zero by accident).
            let glia = try #require(model.layout.index(of: "exchanged.glia.K")), bathK = try #require(model.layout.index(of: "bath.K"))
            #expect(analytic[glia, bathK] > 0.1)
        }
    }

    /// The same in a pump–leak cell (the rich fixture: GHK leaks, pump, NKCC1, KCC2, a finite bath 10 × the cell) with
    /// the electroneutral potential (well scaled in the amounts; V depends on the bath through the leaks) and
    /// instantaneous or osmotic water, exchanging K⁺ and Cl⁻ with a bath and K⁺ with glia: step 1e-6·max(|y|, 1e-3),
    /// 1e-5 of the row's largest entry.
    @Test func jacobianMatchesCentralDifferencesInAPumpLeakCell() throws {
        for water in [WaterTransport.instantaneous, .osmotic(permeability: .metresPerSecond(2e-5))] {
            var s = Fixtures.rich
            s.voltageModel = .electroneutral
            s.water = water
            s.extracellularExchange = ExtracellularExchange(
                bathDiffusion: [BathDiffusion(ion: "K", rate: 0.3, bathConcentration: .millimolar(12)), BathDiffusion(ion: "Cl", rate: 0.1)],
                glialUptake: GlialUptake(maximalRate: 5, halfActivation: .millimolar(4), slope: .millimolar(1)))
            let model = try CellModel(s)
            var y = model.initialState
            for (i, c) in model.layout.components.enumerated() where c.name.hasPrefix("exchanged.") { y[i] = 0.5 }
            let d = model.dimension
            var analytic = DenseMatrix(size: d), numeric = DenseMatrix(size: d)
            #expect(model.jacobian(at: 0, state: y, into: &analytic))
            var fp = [Double](repeating: 0, count: d), fm = fp
            for col in 0..<d {
                let h = 1e-6 * max(abs(y[col]), 1e-3)
                var yp = y, ym = y
                yp[col] += h; ym[col] -= h
                model.derivatives(at: 0, state: yp, into: &fp)
                model.derivatives(at: 0, state: ym, into: &fm)
                for row in 0..<d { numeric[row, col] = (fp[row] - fm[row]) / (2 * h) }
            }
            let names = model.layout.names
            for row in 0..<d {
                var largest = 1e-300
                for col in 0..<d { largest = max(largest, abs(numeric[row, col])) }
                for col in 0..<d {
                    #expect(abs(analytic[row, col] - numeric[row, col]) <= 1e-5 * largest,
                            "\(water): ∂f[\(names[row])]/∂\(names[col]) = \(analytic[row, col]) vs \(numeric[row, col])")
                }
            }
        }
    }

    /// Named parameters: readable and settable (SI: s⁻¹, mM, mM/s), range-checked with the field named; the observables
    /// include the rates (mM/s) and the exchanged amounts.
    @Test func parametersAndObservables() throws {
        var s = Self.cell(ko: 20)
        s.extracellularExchange = ExtracellularExchange(bathDiffusion: [BathDiffusion(ion: "K", rate: 2)], glialUptake: GlialUptake(maximalRate: 66))
        var model = try CellModel(s)
        #expect(try model.parameter(named: "bath_diffusion.K.rate") == 2)
        #expect(try model.parameter(named: "bath_diffusion.K.concentration") == 20)
        #expect(try model.parameter(named: "glia.K.K_half") == 18)
        try model.setParameter(named: "glia.K.G_max", to: 50)
        #expect(try model.parameter(named: "glia.K.G_max") == 50)
        #expect(throws: MembraneError.self) { try model.setParameter(named: "glia.K.slope", to: 0) }
        #expect(throws: MembraneError.self) { try model.setParameter(named: "bath_diffusion.K.rate", to: -1) }
        let names = model.observableNames
        let rate = try #require(names.firstIndex(of: "J.glia.K"))
        // At 20 mM: 50/(1 + e^{(18 − 20)/2.5}) mM/s.
        let expected = 50 / (1 + Foundation.exp(-2 / 2.5))
        #expect(isRelativelyClose(model.observe(rate, at: 0, state: model.initialState), expected, relative: 1e-14))
        let diffusion = try #require(names.firstIndex(of: "J.bath_diffusion.K"))
        #expect(abs(model.observe(diffusion, at: 0, state: model.initialState)) < 1e-12)  // at c_bath = c_o(0)
        #expect(names.contains("exchanged.glia.K"))
    }

    /// Refusals name the field, the value and what is allowed: exchange without a finite ECS, held ions, glial uptake
    /// of an ion the scenario lacks, an ion named twice, negative rates.
    @Test func invalidExchangeIsRefused() throws {
        func message(_ s: Scenario) -> String? {
            do { _ = try CellModel(s); return nil } catch let e as MembraneError { return e.description } catch { return "\(error)" }
        }
        var infinite = Scenario.hodgkinHuxley1952(concentrations: .dynamic(extracellularVolume: nil))
        infinite.extracellularExchange.glialUptake = .cressman2009
        #expect(message(infinite)?.contains("glial_uptake") == true)
        #expect(message(infinite)?.contains("finite extracellular space") == true)
        var held = Scenario.hodgkinHuxley1952(concentrations: .held)
        held.extracellularExchange.bathDiffusion = [BathDiffusion(ion: "K", rate: 1)]
        #expect(message(held) != nil)
        var twice = Self.cell()
        twice.extracellularExchange.bathDiffusion = [BathDiffusion(ion: "K", rate: 1), BathDiffusion(ion: "K", rate: 2)]
        #expect(message(twice)?.contains("at most once") == true)
        var negative = Self.cell()
        negative.extracellularExchange.bathDiffusion = [BathDiffusion(ion: "Na", rate: -1)]
        #expect(message(negative)?.contains("bath_diffusion.Na") == true)
        var unknown = Self.cell()
        unknown.extracellularExchange.bathDiffusion = [BathDiffusion(ion: "Cl", rate: 1)]
        #expect(message(unknown)?.contains("Na, K") == true)
        var noPotassium = Fixtures.rich
        noPotassium.ions = [noPotassium.ions[0], noPotassium.ions[2]]
        noPotassium.inside = [noPotassium.inside[0], noPotassium.inside[2]]
        noPotassium.outside = [noPotassium.outside[0], noPotassium.outside[2]]
        noPotassium.leaks = noPotassium.leaks.filter { $0.ion != "K" }
        noPotassium.pump = nil
        noPotassium.cotransporters = []
        noPotassium.extracellularExchange.glialUptake = .cressman2009
        #expect(message(noPotassium)?.contains("glial_uptake") == true)
    }

    /// The physics check: with a small ECS (0.15 × the cell) and strong stimulation (20 µA/cm², 0.5 s) K⁺ accumulates
    /// outside; glial uptake and diffusion to a bath at the starting 2.5 mM each make it rise less, and both together
    /// least.
    @Test func gliaAndDiffusionLimitPotassiumAccumulation() throws {
        func finalK(_ exchange: ExtracellularExchange) throws -> Double {
            var s = Self.cell(stimulus: 20, duration: 0.5)
            s.extracellularExchange = exchange
            let tr = try solve(s, using: SimulationSolver(relativeTolerance: 1e-7), recording: .crossingsAndFinal)
            #expect(tr.termination == .finished)
            return tr.final.outside("K")!.millimolar
        }
        let closed = try finalK(ExtracellularExchange())
        let glia = try finalK(ExtracellularExchange(glialUptake: GlialUptake(maximalRate: 66)))
        let diffusion = try finalK(ExtracellularExchange(bathDiffusion: [BathDiffusion(ion: "K", rate: 4.0 / 3)]))
        let both = try finalK(ExtracellularExchange(bathDiffusion: [BathDiffusion(ion: "K", rate: 4.0 / 3)],
                                                    glialUptake: GlialUptake(maximalRate: 66)))
        print("K_o after 0.5 s at 20 µA/cm², ECS 0.15: closed \(closed), glia \(glia), diffusion \(diffusion), both \(both) mM")
        #expect(closed > 2.5 + 1)
        #expect(glia < closed && diffusion < closed && both < min(glia, diffusion))
    }
}

/// Events change the exchange's named parameters mid-run; the steady-state solver refuses a scenario with exchange.
@Suite("Extracellular exchange: events")
struct ExtracellularExchangeEventTests {
    /// Glial uptake alone from 30 mM, switched off at 0.2 s by an event (`glia.K.G_max` = 0): [K]ₒ then stays where it
    /// was at 0.2 s (to 1e-12: nothing else moves it), and at 0.2 s it lies where the separable solution puts it.
    @Test func anEventStopsTheUptake() throws {
        var s = ExtracellularExchangeTests.inertCell(ko: 30, duration: 0.5)
        s.extracellularExchange.glialUptake = GlialUptake(maximalRate: 66)
        s.events = [ScenarioEvent(time: 0.2, .set(parameter: "glia.K.G_max", to: 0))]
        let tr = try solve(s, using: ExtracellularExchangeTests.tight, recording: .everyStep)
        #expect(tr.termination == .finished)
        let at = try #require(tr.times.lastIndex { $0 <= 0.2 })
        let frozen = try ExtracellularExchangeTests.outside(tr, "K", at: at)
        let final = try ExtracellularExchangeTests.outside(tr, "K", at: tr.count - 1)
        #expect(abs(final - frozen) < 1e-12 * frozen, "\(frozen) → \(final)")
        #expect(frozen < 29)
        let t = ((30 - frozen) + 2.5 * (Foundation.exp((18 - frozen) / 2.5) - Foundation.exp((18 - 30) / 2.5))) / 66
        #expect(abs(t - 0.2) < 1e-6, "t(K) = \(t) s")
        #expect(throws: MembraneError.self) { try SteadyStateSolver().solve(s) }
    }
}
