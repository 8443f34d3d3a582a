import Testing
@testable import MembraneDynamics
import MembraneNumerics
import MembranePhysics
import MembraneUnits
import MembraneTestSupport

/// The closed-form derivatives of the pump–leak equations (each mechanism's partial derivatives assembled by
/// ``CellModel``, the steady-state Jacobian, the pump laws' gradients) against central differences of the functions they
/// differentiate. In the steady-state unknowns (FV/RT, ln c, ln v̂) every difference is well scaled, so the check
/// reaches every flux law through the chain rule.
@Suite("Exact derivatives of the pump–leak equations")
struct ExactDerivativeTests {
    static let kinetics: [NaKPump.Kinetics] = [.constant, .cubicSodium, .luoRudy1994(voltageDependent: true),
                                               .luoRudy1994(voltageDependent: false), .wei2014]

    /// Every flux law: each pump law with (a) Kay's cell (ohmic leaks, infinite bath) plus a GHK Na leak, NKCC1,
    /// KCC2 and an ATP-limited pump (f_ATP = 0.625), and (b) the rich fixture (GHK leaks, finite bath, osmotic water); each with the charge-difference and the
    /// electroneutral potential.
    static var scenarios: [(name: String, scenario: Scenario)] {
        var list: [(String, Scenario)] = []
        for (i, law) in kinetics.enumerated() {
            for voltage in [VoltageModel.chargeDifference, .electroneutral] {
                var kay = Fixtures.kayPumpOn
                let rate = kay.pump!.maximalRate
                kay.pump = NaKPump(law, maximalRate: law == .wei2014 ? 4 * rate : rate)
                kay.leaks.append(.ghk("Na", centimetresPerSecond: 2e-9))
                kay.cotransporters = [.nkcc1(strength: 2e-8), .kcc2(strength: 5e-8)]
                kay.pump!.nucleotides = PumpNucleotides(atp: .millimolar(0.02), adp: .millimolar(0.05))
                kay.voltageModel = voltage
                list.append(("kay+\(i)+\(voltage)", kay))
                var rich = Fixtures.rich
                rich.pump = NaKPump(law, maximalRate: rich.pump!.maximalRate)
                rich.voltageModel = voltage
                list.append(("rich+\(i)+\(voltage)", rich))
            }
        }
        return list
    }

    /// ∂F/∂x of the steady-state equations equals central differences (step 10⁻⁵ in each well-scaled unknown:
    /// truncation ~10⁻¹⁰, round-off ~10⁻¹¹ relative) to 10⁻⁶ of the row's largest entry, at the starting point and
    /// at a point moved off it, for the Newton scaling and for the voltage-scaled polish.
    @Test func steadyStateJacobianMatchesCentralDifferences() throws {
        for (name, scenario) in Self.scenarios {
            let system = try CellModel(scenario)
            for voltageScaled in [false, true] where !(voltageScaled && system.electroneutral) {
                var equations = SteadyStateEquations(system)
                equations.voltageScaledCharge = voltageScaled
                let start = equations.initialGuess()
                let moved = start.enumerated().map { i, x in x + 0.03 * Double(i % 3 - 1) + (i == 0 ? 0.4 : 0) }
                for x in [start, moved] {
                    let m = x.count
                    var analytic = DenseMatrix(size: m)
                    equations.jacobian(x, &analytic)
                    var fp = [Double](repeating: 0, count: m), fm = fp
                    var numeric = DenseMatrix(size: m)
                    for col in 0..<m {
                        var xp = x, xm = x
                        xp[col] += 1e-5; xm[col] -= 1e-5
                        equations.residual(xp, &fp)
                        equations.residual(xm, &fm)
                        for row in 0..<m { numeric[row, col] = (fp[row] - fm[row]) / 2e-5 }
                    }
                    for row in 0..<m {
                        var largest = 1e-300
                        for col in 0..<m { largest = max(largest, abs(numeric[row, col])) }
                        for col in 0..<m {
                            #expect(abs(analytic[row, col] - numeric[row, col]) <= 1e-6 * largest,
                                    "\(name), voltage-scaled \(voltageScaled): J[\(row), \(col)] = \(analytic[row, col]) vs \(numeric[row, col])")
                        }
                    }
                }
            }
        }
    }

    /// The ODE Jacobian equals central differences of the right-hand side, in the electroneutral form (well scaled in
    /// the amounts; relative 10⁻⁵ on entries above 10⁻⁶ of the largest), for the model's state (with an infinite bath
    /// only the cell's amounts: what the bath receives is rebuilt, not integrated).
    @Test func odeJacobianMatchesCentralDifferences() throws {
        for (name, scenario) in Self.scenarios where scenario.voltageModel == .electroneutral {
            let system = try CellModel(scenario)
            var y = system.initialState
            y[0] *= 0.9; y[1] *= 1.05  // off the electroneutral initial point is fine: V is solved from zero current
            #expect(system.layout.names.contains { $0.hasPrefix("bath.") } == (scenario.bath != .infinite))
            Self.expectJacobianMatchesCentralDifferences(system, at: y, name)
        }
    }

    static func expectJacobianMatchesCentralDifferences<S: ODESystem>(_ system: S, at y: [Double], _ label: String)
        where S.Jacobian == DenseMatrix {
        let d = y.count
        var analytic = DenseMatrix(size: d)
        #expect(system.jacobian(at: 0, state: y, into: &analytic))
        var fp = [Double](repeating: 0, count: d), fm = fp
        var largest = 0.0
        for v in analytic.storage { largest = max(largest, abs(v)) }
        for m in 0..<d {
            let h = 1e-6 * max(abs(y[m]), 1e-3)
            var yp = y, ym = y
            yp[m] += h; ym[m] -= h
            system.derivatives(at: 0, state: yp, into: &fp)
            system.derivatives(at: 0, state: ym, into: &fm)
            for i in 0..<d {
                let numeric = (fp[i] - fm[i]) / (2 * h)
                if max(abs(numeric), abs(analytic[i, m])) > 1e-6 * largest {
                    #expect(isRelativelyClose(analytic[i, m], numeric, relative: 1e-5), "\(label): J[\(i), \(m)]")
                }
            }
        }
    }

    /// Each pump law's gradient equals central differences of its cycle flux (relative 10⁻⁷ on components above
    /// 10⁻⁹ of J/c), over Na_in 2–40 mM, Na_out 100–150, K_out 2–10 and V −100…+20 mV.
    @Test func pumpGradientsMatchCentralDifferences() {
        let vt = Conditions(temperature: .body).thermalVoltage
        for law in Self.kinetics {
            let pump = NaKPump(law, maximalRate: 1e-6)
            for (na, nao, ko, v) in [(2.0, 150.0, 2.0, -0.1), (12.0, 140.0, 4.0, -0.07), (40.0, 100.0, 10.0, 0.02)] {
                let g = pump.cycleFluxGradient(sodiumInside: na, sodiumOutside: nao, potassiumOutside: ko, potential: v, thermalVoltage: vt)
                func j(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
                    pump.cycleFlux(sodiumInside: a, sodiumOutside: b, potassiumOutside: c, potential: d, thermalVoltage: vt)
                }
                let flux = j(na, nao, ko, v)
                let cases: [(Double, Double, Double)] = [
                    (g.sodiumInside, (j(na * (1 + 1e-6), nao, ko, v) - j(na * (1 - 1e-6), nao, ko, v)) / (2e-6 * na), flux / na),
                    (g.sodiumOutside, (j(na, nao * (1 + 1e-6), ko, v) - j(na, nao * (1 - 1e-6), ko, v)) / (2e-6 * nao), flux / nao),
                    (g.potassiumOutside, (j(na, nao, ko * (1 + 1e-6), v) - j(na, nao, ko * (1 - 1e-6), v)) / (2e-6 * ko), flux / ko),
                    (g.potential, (j(na, nao, ko, v + 1e-6 * vt) - j(na, nao, ko, v - 1e-6 * vt)) / (2e-6 * vt), flux / vt),
                ]
                for (k, (analytic, numeric, scale)) in cases.enumerated() where max(abs(analytic), abs(numeric)) > 1e-9 * scale {
                    #expect(isRelativelyClose(analytic, numeric, relative: 1e-7), "\(law) component \(k) at \(na), \(nao), \(ko), \(v)")
                }
            }
        }
    }
}
