import Testing
import Foundation
import MembraneDynamics
import MembranePhysics
import MembraneNumerics
import MembraneUnits
import MembraneTestSupport

@Suite("Pump–leak steady states")
struct PumpLeakSteadyStateTests {
    /// The electroneutral closed form of the constant-pump model with ohmic leaks, re-derived here from
    /// flux balance (Keener & Sneyd ch. 2; Kay 2017): with P = I_p/(g_Na·V_T), Q = I_p/(g_K·V_T) and
    /// y = e^{−V/V_T}, Na_i = Na_o·e^{−3P}·y, K_i = K_o·e^{2Q}·y, Cl_i = Cl_o/y; for z = −1 electroneutrality
    /// plus osmotic balance give a·y = Osm_o/2 with a = Na_o·e^{−3P} + K_o·e^{2Q}, and X = Osm_o − a·y − Cl_o/y.
    static func kayClosedForm(vt: Double) -> (v: Double, na: Double, k: Double, cl: Double, x: Double) {
        let ip = 0.5e-2, gNa = 0.1, gK = 3.0    // A/m², S/m² (0.5 µA/cm², 0.01 and 0.3 mS/cm²)
        let p = ip / (gNa * vt), q = ip / (gK * vt)
        let a = 147 * exp(-3 * p) + 3 * exp(2 * q)
        let y = 300 / (2 * a)
        return (-vt * log(y), 147 * exp(-3 * p) * y, 3 * exp(2 * q) * y, 150 / y, 300 - a * y - 150 / y)
    }

    /// Kay 2017 in the electroneutral limit equals the closed form to round-off (1e-9).
    @Test func kayElectroneutralMatchesClosedForm() throws {
        var s = Fixtures.kayPumpOn
        s.voltageModel = .electroneutral
        let ss = try SteadyStateSolver().solve(s)
        let cf = Self.kayClosedForm(vt: s.conditions.thermalVoltage)
        let st = ss.state
        #expect(isClose(st.potential.volts, cf.v, within: 1e-12))
        #expect(isRelativelyClose(st.inside[0].millimolar, cf.na, relative: 1e-9))
        #expect(isRelativelyClose(st.inside[1].millimolar, cf.k, relative: 1e-9))
        #expect(isRelativelyClose(st.inside[2].millimolar, cf.cl, relative: 1e-9))
        #expect(isRelativelyClose(st.impermeantInside.millimolar, cf.x, relative: 1e-9))
        #expect(isRelativelyClose(st.referenceRelativeVolume, 50 / cf.x, relative: 1e-9))
    }

    /// With the charge-difference V (C = 1 µF/cm²), the cell carries Q = C·A·V, i.e. C·V·(A/w)/F ≈ 6·10⁻³ mM of
    /// uncompensated charge against 146 mM of impermeant: the steady state differs from the electroneutral
    /// closed form by that ratio, < 10⁻⁴. Kay's own script (−94.13 mV, Na 16.71, K 133.28, Cl 3.84, w/w₀ = 0.342,
    /// Tests/Reference/kay2017) agrees within the uncertainty of extrapolating its run to t → ∞.
    @Test func kayChargeDifference() throws {
        let ss = try SteadyStateSolver().solve(Fixtures.kayPumpOn)
        let cf = Self.kayClosedForm(vt: Scenario.kay2017.conditions.thermalVoltage)
        let st = ss.state
        #expect(isClose(st.potential.millivolts, cf.v * 1e3, within: 0.01))
        #expect(isRelativelyClose(st.inside[1].millimolar, cf.k, relative: 1e-4))
        #expect(isRelativelyClose(st.referenceRelativeVolume, 50 / cf.x, relative: 1e-4))
        // PLM_CD.m's cell is still settling at t = 5000 s (its Na fell 0.093 mM in the last 1000 s): extrapolate the
        // reference table's 3000, 4000, 5000 s values by Aitken's Δ² (the approach is geometric, ratio ≈ 0.05).
        let table = try Fixtures.kayReference("kay2017_codata_dt1ms.csv")
        let rows = try [3000.0, 4000, 5000].map { t in try #require(table.first { $0[0] == t }) }
        func aitken(_ c: Int) -> Double {
            let (a, b, d) = (rows[0][c], rows[1][c], rows[2][c])
            return d - (d - b) * (d - b) / ((d - b) - (b - a))
        }
        #expect(isClose(st.potential.millivolts, aitken(1), within: 2e-3))
        for (j, column) in [2, 3, 4].enumerated() {
            #expect(isRelativelyClose(st.inside[j].millimolar, aitken(column), relative: 1e-4), "ion \(j)")
        }
        #expect(isRelativelyClose(st.referenceRelativeVolume, aitken(6), relative: 1e-5))
        #expect(ss.method == .newton && ss.residual < 1e-10)
    }

    /// Keener & Sneyd (Mathematical Physiology ch. 2, pump_leak1.m): V, μ and the concentrations against the
    /// pump rate P equal the closed form α = (Na_e e^{−3P} + K_e e^{2γP})/(Na_e + K_e), μ = [1 + √(α + (1−α)z²)]/[2(1−α)],
    /// y = [−z + √(z² + 4αμ²)]/(2αμ) (typed here from the book's code), to 1e-9.
    @Test(arguments: [0.25, 0.5, 1, 2, 3, 5, 10, 14])
    func keenerSneydClosedForm(p: Double) throws {
        var s = Scenario.keenerSneyd
        try s.setDimensionlessPumpRate(p)
        let ss = try SteadyStateSolver().solve(s)
        let ne = 437.0, ke = 20.0, gamma = 0.11, z = -1.0, ce = ne + ke
        let alpha = (ne * exp(-3 * p) + ke * exp(2 * p * gamma)) / (ne + ke)
        let mu = (1 + (-alpha * z * z + z * z + alpha).squareRoot()) / (2 * (1 - alpha))
        let y = (-z + (z * z + 4 * alpha * mu * mu).squareRoot()) / (2 * alpha * mu)
        let vt = s.conditions.thermalVoltage
        #expect(isClose(vt, 0.0258, within: 1e-12))  // the preset's RT/F is the book's 25.8 mV
        #expect(isClose(ss.state.potential.volts, -vt * log(y), within: 1e-11))
        // The preset's impermeant is C_e at the reference volume, so v/v_ref = w·C_e/N_X = μ.
        #expect(isRelativelyClose(ss.state.referenceRelativeVolume, mu, relative: 1e-9))
        #expect(isRelativelyClose(ss.state.inside[0].millimolar, ne * exp(-3 * p) * y, relative: 1e-9))
        #expect(isRelativelyClose(ss.state.inside[1].millimolar, ke * exp(2 * gamma * p) * y, relative: 1e-9))
        #expect(isRelativelyClose(ss.state.inside[2].millimolar, ce / y, relative: 1e-9))
        // The library's own closed form agrees too.
        let lib = try #require(KeenerSneyd.steadyState(pumpRate: p, sodiumOutside: ne, potassiumOutside: ke, gamma: gamma, impermeantCharge: z))
        #expect(isRelativelyClose(lib.mu, mu, relative: 1e-13))
    }

    /// The book's figure values at P = 2 (research notes table: V = −68.5 mV, μ = 1.076; rounding ±0.05 mV, ±0.001).
    @Test func keenerSneydFigureValues() throws {
        let ss = try SteadyStateSolver().solve(Scenario.keenerSneyd)
        #expect(isClose(ss.state.potential.millivolts, -68.5, within: 0.05))
        #expect(isClose(ss.state.referenceRelativeVolume, 1.076, within: 0.001))
    }

    /// K&S's Na-dependent pump P = ρu³, u = Na_i/Na_e (pump_leak1.m, second part): a cubic pump with
    /// ρ = P/u³ reaches the same steady state as the constant pump P.
    @Test func keenerSneydCubicPump() throws {
        var constant = Scenario.keenerSneyd
        try constant.setDimensionlessPumpRate(3)
        let ref = try SteadyStateSolver().solve(constant)
        let u = ref.state.inside[0].millimolar / 437
        var cubic = constant
        cubic.pump = NaKPump(.cubicSodium, maximalRate: constant.pump!.maximalRate / (u * u * u))
        let ss = try SteadyStateSolver().solve(cubic)
        #expect(isClose(ss.state.potential.volts, ref.state.potential.volts, within: 1e-11))
        #expect(isRelativelyClose(ss.state.referenceRelativeVolume, ref.state.referenceRelativeVolume, relative: 1e-9))
    }

    /// The range of pump rates with a steady state (Keener & Sneyd): 0 < P < P_max with α(P_max) = 1; P_max
    /// by bisection here (≈ 14.2225 for the squid values; the book's code notes "could go to 14.3").
    @Test func keenerSneydPumpRateRange() throws {
        var lo = 5.0, hi = 20.0
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if (437 * exp(-3 * mid) + 20 * exp(0.22 * mid)) / 457 < 1 { lo = mid } else { hi = mid }
        }
        let range = try #require(SteadyStateExistence.pumpRateRange(Scenario.keenerSneyd))
        #expect(range.intervals.count == 1)
        let interval = try #require(range.intervals.first)
        #expect(interval.lower == 0)
        let upper = try #require(interval.upper)
        let pMax = try #require(range.dimensionless(upper))
        #expect(isRelativelyClose(pMax, lo, relative: 1e-9))
        #expect(isRelativelyClose(try #require(KeenerSneyd.maximumPumpRate(sodiumOutside: 437, potassiumOutside: 20, gamma: 0.11)), lo, relative: 1e-12))
    }

    /// Beyond P_max there is no steady state: the solver says so and names the limiting rate.
    @Test func noSteadyStateBeyondTheLimitingRate() throws {
        var s = Scenario.keenerSneyd
        try s.setDimensionlessPumpRate(15)
        #expect {
            _ = try SteadyStateSolver().solve(s)
        } throws: { error in
            guard case MembraneError.undefined(let field, let reason) = error else { return false }
            return field == "pump-rate" && reason.contains("14.22") && reason.contains("swells without bound")
        }
    }

    /// With the pump stopped there is no steady state (Kay 2017: the cell swells without bound).
    @Test func noSteadyStateWithoutPump() throws {
        var s = Scenario.kay2017
        s.pumpActivity = 0
        #expect(throws: MembraneError.self) { _ = try SteadyStateSolver().solve(s) }
    }

    /// Kay 2017 (abstract): "the size of the cell is directly proportional to x", the amount of impermeant,
    /// at a fixed pump rate. Exact in the electroneutral limit (1e-9); within the capacitive correction (1e-4)
    /// with the charge-difference V.
    @Test(arguments: [VoltageModel.electroneutral, .chargeDifference])
    func volumeProportionalToImpermeant(model: VoltageModel) throws {
        var volumes: [Double] = []
        for x in [25.0, 50, 100] {
            var s = Fixtures.kayPumpOn
            s.voltageModel = model
            s.impermeant.concentration = .millimolar(x)
            // Keep the initial state electroneutral: the extra anion charge is balanced by K.
            s.inside[1] = .millimolar(30 + (x - 50))
            s.inside[2] = .millimolar(100)
            if x < 50 { s.inside[1] = .millimolar(30); s.inside[2] = .millimolar(100 + (50 - x)) }
            volumes.append(try SteadyStateSolver().solve(s).state.referenceRelativeVolume)
        }
        let tolerance = model == .electroneutral ? 1e-9 : 1e-4
        #expect(isRelativelyClose(volumes[0] * 2, volumes[1], relative: tolerance))
        #expect(isRelativelyClose(volumes[2], volumes[1] * 2, relative: tolerance))
    }

    /// Second law at a steady state: the Gibbs energy the leaks (and cotransporters) dissipate equals what the
    /// pump stores in the gradients, J_p·W_cycle (both computed independently from the state).
    @Test(arguments: ["kay", "rich"])
    func dissipationBalancesPumpWork(which: String) throws {
        let s = which == "kay" ? Fixtures.kayPumpOn : Fixtures.rich
        let ss = try SteadyStateSolver().solve(s)
        let e = try #require(ss.energy)
        #expect(isRelativelyClose(e.passiveDissipation, e.powerStored, relative: 1e-8))
        #expect(e.powerStored < e.powerConsumed)
    }

    /// Every ion's net flux vanishes and the cell is in osmotic balance at the steady state of the full model.
    @Test func richModelSteadyState() throws {
        let ss = try SteadyStateSolver().solve(Fixtures.rich)
        let st = ss.state
        for (j, flux) in st.netFluxes.enumerated() { #expect(abs(flux) < 1e-9 * max(abs(st.leakFluxes[j]), 1e-12), "ion \(j)") }
        #expect(isRelativelyClose(st.osmolarityInside, st.osmolarityOutside, relative: 1e-10))
    }

    /// A Newton failure is reported with its residual (never a silent wrong answer).
    @Test func newtonFailureIsReported() throws {
        #expect {
            _ = try SteadyStateSolver(continuation: nil).limited(to: 1).solve(Fixtures.kayPumpOn)
        } throws: { error in
            guard case MembraneError.noConvergence(_, _, let residual, _) = error else { return false }
            return residual > 1e-6 && residual.isFinite
        }
    }

    /// Bad input names the field.
    @Test func badInputNamesTheField() throws {
        var negative = Scenario.kay2017
        negative.inside[0] = .millimolar(-5)
        #expect(throws: MembraneError.invalidValue(field: "inside.Na", value: "-5",
                                                   allowed: "an amount > 0 (a concentration > 0 mM; the model takes logarithms of concentrations)")) {
            _ = try SteadyStateSolver().solve(negative)
        }
        var charged = Scenario.kay2017
        charged.voltageModel = .electroneutral
        charged.inside[0] = .millimolar(125)
        #expect {
            _ = try CellModel(charged)
        } throws: { error in
            guard case MembraneError.invalidValue(let field, _, _) = error else { return false }
            return field == "inside"
        }
        var noPump = Scenario.keenerSneyd
        noPump.leaks = noPump.leaks.filter { $0.ion != "Na" }
        #expect(throws: MembraneError.self) { try noPump.setDimensionlessPumpRate(2) }
    }
}
