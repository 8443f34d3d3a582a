import Testing
import Foundation
import MembranePhysics
import MembraneNumerics
import MembraneUnits
import MembraneTestSupport

/// The field a MembraneError names, or nil when `body` does not throw one.
func errorField(_ body: () throws -> Void) -> String? {
    do { try body() } catch let e as MembraneError { return e.field } catch { return "not a MembraneError" }
    return nil
}

/// CODATA 2018 exact constants typed out, so that the expected values do not come from the code under test.
enum Exact {
    static let e = 1.602176634e-19, avogadro = 6.02214076e23, boltzmann = 1.380649e-23
    static let faraday = e * avogadro, gas = boltzmann * avogadro
}

@Suite("Ca²⁺ microdomains")
struct MicrodomainTests {
    static let c37 = conditions(celsius: 37)

    func problem(_ pA: Double, buffers: [CalciumBuffer] = [], approximation: BufferApproximation = .excessBuffer,
                 channels: [ChannelPosition] = [.origin]) -> MicrodomainProblem {
        MicrodomainProblem(current: pA * 1e-12, channels: channels, inside: .nanomolar(100), outside: .millimolar(2),
                           buffers: buffers, approximation: approximation, conditions: Self.c37)
    }

    /// The unit conversions by hand: 0.5 pA, D = 220 µm²/s, r = 10 nm, z = 2:
    /// Δc = 0.5e-12 A / (2π · 2 · 96485.332 C/mol · 220e-12 m²/s · 1e-8 m) = 0.18745 mol/m³ = 0.18745 mM.
    @Test func pointSourceByHand() throws {
        let c = try Microdomain.concentration(problem(0.5), at: .metres(10e-9))
        #expect(isClose(c.millimolar - 1e-4, 0.18745, within: 0.00001))
        // And the formula itself to 1e-12, for currents and distances over several decades.
        for pA in [0.05, 0.5, 5.0] {
            for nm in [0.3, 1, 10, 137, 2000] {
                let got = try Microdomain.concentration(problem(pA), at: .metres(nm * 1e-9)).millimolar
                let expected = 1e-4 + pA * 1e-12 / (2 * Double.pi * 2 * Exact.faraday * 220e-12 * nm * 1e-9)
                #expect(isRelativelyClose(got, expected, relative: 1e-12))
            }
        }
    }

    /// Seed 003: bulk E_Ca "over +130 mV", local E_Ca "as low as +36 mV", local concentrations thousands of times
    /// the bulk "a few nanometers away". Inputs that give it: 100 nM inside, 2 mM outside, 37 °C (bulk +132.3 mV);
    /// one channel carrying 0.5 pA, evaluated 14 nm from the pore: 134 µM (1340 × bulk) and E_Ca = +36.1 mV.
    @Test func seedNumbers() throws {
        let r = try Microdomain.solve(problem(0.5), distance: .metres(14e-9))
        #expect(r.bulkPotential.millivolts > 130)
        #expect(isClose(r.bulkPotential.millivolts, 1e3 * Exact.gas * 310.15 / (2 * Exact.faraday) * log(2 / 1e-4), within: 1e-9))
        let uM = r.point.concentration.millimolar * 1e3
        #expect(uM > 100 && uM < 1000)
        #expect(r.enrichment > 1000)
        #expect(isClose(r.point.potential.millivolts, 36, within: 0.5))
        // 0.1 pA at 3 nm and 1 pA at 30 nm give the seed's 10²–10³ µM and a local E_Ca well below the bulk value.
        for (pA, nm) in [(0.1, 3.0), (1.0, 30.0)] {
            let s = try Microdomain.solve(problem(pA), distance: .metres(nm * 1e-9))
            #expect(s.point.concentration.millimolar * 1e3 > 100 && s.point.concentration.millimolar * 1e3 < 1000)
            #expect(s.point.potential.millivolts < 50)
        }
    }

    /// EBA: c = c∞ + σ/(2πDr)·exp(−r/λ), λ = √(D/(k_on·B_free)), B_free = B_T·K_D/(K_D + c∞), to 1e-12.
    @Test func excessBufferFormula() throws {
        let egta = try CalciumBuffer.parseList("EGTA=10", field: "buffer")
        let p = problem(0.3, buffers: egta)
        let bFree = 10e-3 * 70e-9 / (70e-9 + 100e-9)   // mol/L
        let lambda = (220e-12 / (1.05e7 * bFree)).squareRoot()
        let sigma = 0.3e-12 / (2 * Exact.faraday)
        for nm in [0.3, 5, 20, 71, 300] {
            let r = nm * 1e-9
            let expected = 1e-4 + sigma / (2 * Double.pi * 220e-12 * r) * exp(-r / lambda)
            #expect(isRelativelyClose(try Microdomain.concentration(p, at: .metres(r)).millimolar, expected, relative: 1e-12))
        }
        let result = try Microdomain.solve(p, distance: .metres(20e-9))
        #expect(isRelativelyClose(try #require(result.combinedLengthConstant).metres, lambda, relative: 1e-12))
        // Free EGTA consumed: σ/(2π·D_B·r·B_free)·(1 − e^{−r/λ}) for one buffer.
        let depletion = sigma / (2 * Double.pi * 220e-12 * 20e-9 * bFree * 1e3) * (1 - exp(-20e-9 / lambda))
        #expect(isRelativelyClose(result.bufferDepletion[0].atDistance, depletion, relative: 1e-12))
        // Several buffers: 1/λ² adds up their capture rates.
        let both = try CalciumBuffer.parseList("EGTA=10, BAPTA=1", field: "buffer")
        let bapta = 1e-3 * 220e-9 / (220e-9 + 100e-9)
        let lambda2 = (220e-12 / (1.05e7 * bFree + 4e8 * bapta)).squareRoot()
        let two = try Microdomain.solve(problem(0.3, buffers: both), distance: .metres(20e-9))
        #expect(isRelativelyClose(try #require(two.combinedLengthConstant).metres, lambda2, relative: 1e-12))
    }

    /// RBA with one buffer: Smith 1996's quadratic, solved here with the textbook formula, to 1e-12.
    @Test func rapidBufferQuadratic() throws {
        let p = problem(0.3, buffers: try CalciumBuffer.parseList("BAPTA=1", field: "buffer"), approximation: .rapidBuffer)
        let d = 220e-12, db = 220e-12, bt = 1.0, k = 220e-6, cInf = 1e-4   // mM = mol/m³
        let sigma = 0.3e-12 / (2 * Exact.faraday)
        for nm in [0.3, 1, 2, 5, 50, 1000] {
            let s = d * cInf + db * bt * cInf / (k + cInf) + sigma / (2 * Double.pi * nm * 1e-9)
            // D c² + (D K + D_B B_T − S) c − S K = 0
            // Numerical Recipes §5.6: q = −½(b + sgn(b)·√(b² − 4ac)), roots q/a and c/q; the positive one.
            let a = d, b = d * k + db * bt - s, c = -s * k
            let q = -0.5 * (b + (b >= 0 ? 1 : -1) * (b * b - 4 * a * c).squareRoot())
            let expected = max(q / a, c / q)
            let got = try Microdomain.concentration(p, at: .metres(nm * 1e-9)).millimolar
            #expect(isRelativelyClose(got, expected, relative: 1e-12), "r = \(nm) nm")
        }
        // No buffer: the RBA is the unbuffered point source.
        let none = problem(0.3, buffers: try CalciumBuffer.parseList("BAPTA=0", field: "buffer"), approximation: .rapidBuffer)
        #expect(isRelativelyClose(try Microdomain.concentration(none, at: .metres(7e-9)).millimolar,
                                  try Microdomain.concentration(problem(0.3), at: .metres(7e-9)).millimolar, relative: 1e-13))
        // Far field: the buffer is linear there, D_eff = D + D_B·B_T·K/(K + c∞)² (Wagner & Keizer 1994).
        let far = 20e-6
        let dEff = d + db * bt * k / ((k + cInf) * (k + cInf))
        let linear = cInf + sigma / (2 * Double.pi * dEff * far)
        #expect(isRelativelyClose(try Microdomain.concentration(p, at: .metres(far)).millimolar - cInf, linear - cInf, relative: 1e-4))
    }

    /// Several buffers go through Brent's method: two halves of one buffer must give the one-buffer quadratic.
    @Test func rapidBufferSeveralBuffers() throws {
        let one = problem(0.4, buffers: try CalciumBuffer.parseList("BAPTA=1", field: "buffer"), approximation: .rapidBuffer)
        let halves = problem(0.4, buffers: try CalciumBuffer.parseList("BAPTA=0.5, X(kon=4e8,kd=220nM,D=220)=0.5", field: "buffer"),
                             approximation: .rapidBuffer)
        for nm in [0.5, 1.5, 3, 30] {
            #expect(isRelativelyClose(try Microdomain.concentration(halves, at: .metres(nm * 1e-9)).millimolar,
                                      try Microdomain.concentration(one, at: .metres(nm * 1e-9)).millimolar, relative: 1e-12))
        }
    }

    /// A cluster superposes the sources: unbuffered and EBA term by term, the RBA through its transport potential.
    @Test func clusterSuperposition() throws {
        let positions = try ChannelPosition.parseList("0,0; 20,0; 0,35; -12,-9", field: "positions-nm")
        let lateral = [0.0, 20, 35, 15].map { $0 * 1e-9 }
        let sigma = 0.2e-12 / (2 * Exact.faraday), r = 8e-9, d = 220e-12
        let sum = lateral.reduce(0.0) { $0 + sigma / (2 * Double.pi * ($1 * $1 + r * r).squareRoot()) }
        #expect(isRelativelyClose(try Microdomain.concentration(problem(0.2, channels: positions), at: .metres(r)).millimolar,
                                  1e-4 + sum / d, relative: 1e-12))
        let rba = problem(0.2, buffers: try CalciumBuffer.parseList("BAPTA=1", field: "buffer"), approximation: .rapidBuffer, channels: positions)
        let c = try Microdomain.concentration(rba, at: .metres(r)).millimolar
        func transport(_ c: Double) -> Double { d * c + 220e-12 * 1.0 * c / (220e-6 + c) }
        #expect(isRelativelyClose(transport(c) - transport(1e-4), sum, relative: 1e-12))
        // A square cluster puts the central channel first.
        let grid = try MicrodomainProblem.squareCluster(count: 9, spacing: .metres(30e-9))
        #expect(grid.count == 9 && grid[0].x.metres == 30e-9 && grid[0].y.metres == 30e-9)
    }

    /// The transient: erfc for the unbuffered half space, the steady EBA at long times, and a solution of
    /// ∂c/∂t = D(c″ + 2c′/r) − k·c checked by finite differences.
    @Test func transient() throws {
        let sigma = 1e-18, d = 220e-12
        for (r, t) in [(10e-9, 1e-7), (10e-9, 1e-5), (200e-9, 3e-4)] {
            let expected = sigma / (2 * Double.pi * d * r) * erfc(r / (4 * d * t).squareRoot())
            #expect(isRelativelyClose(HalfSpaceSource.transient(flux: sigma, diffusivity: d, distance: r, time: t), expected, relative: 1e-12))
        }
        let k = 4e4
        #expect(isRelativelyClose(HalfSpaceSource.transient(flux: sigma, diffusivity: d, distance: 50e-9, time: 1, captureRate: k),
                                  HalfSpaceSource.steady(flux: sigma, diffusivity: d, distance: 50e-9, captureRate: k), relative: 1e-12))
        func c(_ r: Double, _ t: Double) -> Double { HalfSpaceSource.transient(flux: sigma, diffusivity: d, distance: r, time: t, captureRate: k) }
        for (r, t) in [(40e-9, 2e-6), (80e-9, 2e-5), (20e-9, 1e-4)] {
            let hr = r * 1e-3, ht = t * 1e-4
            let dt = (c(r, t + ht) - c(r, t - ht)) / (2 * ht)
            let d2 = (c(r + hr, t) - 2 * c(r, t) + c(r - hr, t)) / (hr * hr)
            let d1 = (c(r + hr, t) - c(r - hr, t)) / (2 * hr)
            let rhs = d * (d2 + 2 * d1 / r) - k * c(r, t)
            #expect(abs(dt - rhs) <= 1e-5 * max(abs(dt), k * c(r, t)), "r = \(r), t = \(t)")
        }
        // The source strength: 2π·D·r·c → σ as r → 0 at every t > 0 (each term alone solves the equation; this and
        // the limits above fix their combination).
        for t in [1e-7, 1e-5, 1e-3] {
            #expect(isClose(2 * Double.pi * d * 1e-13 * c(1e-13, t) / sigma, 1, within: 1e-4))
        }
        // Time to a fraction f of steady state, unbuffered: erfc(r/√(4Dt)) = f, i.e. t = r²/(4D·x²) with erfc(x) = f.
        let r = try Microdomain.solve(problem(0.5), distance: .metres(10e-9), fractions: [0.5, 0.9])
        for (f, t) in r.steadyStateTimes {
            var lo = 0.0, hi = 6.0
            for _ in 0..<200 { let mid = (lo + hi) / 2; if erfc(mid) > f { lo = mid } else { hi = mid } }
            #expect(isRelativelyClose(t, 1e-16 / (4 * 220e-12 * lo * lo), relative: 1e-9))
        }
    }

    /// erfcx against e·erfc(1) and across the switch to its asymptotic series.
    @Test func scaledErrorFunction() {
        #expect(isRelativelyClose(ScaledErrorFunction.erfcx(1), 0.42758357615580700, relative: 1e-14))
        #expect(ScaledErrorFunction.erfcx(0) == 1)
        let below = ScaledErrorFunction.erfcx(26), above = ScaledErrorFunction.erfcx(26.000001)
        #expect(isRelativelyClose(below, above, relative: 1e-6))
        #expect(isRelativelyClose(ScaledErrorFunction.erfcx(1e4), 1 / (1e4 * Double.pi.squareRoot()), relative: 1e-8))
    }

    /// Calbindin-D28k as two site types (Nägerl et al. 2000): k_off = k_on·K_D ≈ 2.6 and 35.8 s⁻¹, the off-rates that
    /// published Purkinje-cell models use (Anwar, Hong & De Schutter 2010, ModelDB cdp5 mechanism: 0.26e-2 and
    /// 3.58e-2 /ms); D = 0.028 µm²/ms, the calbindin mobility of the NEURON mechanism written for Schmidt et al. 2003
    /// (J. Physiol. 551:13) by its co-author K. M. Stiefel.
    @Test func bufferCatalog() throws {
        let cb = try CalciumBuffer.parseList("calbindin=0.1", field: "buffer")
        #expect(cb.count == 2 && cb.allSatisfy { isClose($0.total.millimolar, 0.2, within: 1e-15) })
        #expect(isClose(cb[0].offRate, 2.6, within: 0.01))
        #expect(isClose(cb[1].offRate, 35.8, within: 0.05))
        #expect(cb.allSatisfy { isClose($0.diffusivity.squareMetresPerSecond, 0.028e-12 * 1e3, within: 1e-24) })
        let egta = try CalciumBuffer.parseList("EGTA(kd=150nM)=10", field: "buffer")
        #expect(isClose(egta[0].dissociationConstant.millimolar, 150e-6, within: 1e-18) && egta[0].onRate == 1.05e7)
    }

    @Test func badInput() throws {
        #expect(errorField { _ = try Microdomain.concentration(problem(-0.5), at: .metres(10e-9)) } == "current-pA")
        #expect(errorField { _ = try Microdomain.concentration(problem(0.5), at: .metres(0.1e-9)) } == "distance-nm")
        #expect(errorField { _ = try Microdomain.concentration(problem(0.5), at: .metres(-10e-9)) } == "distance-nm")
        var absent = problem(0.5)
        absent.inside = .zero
        #expect(errorField { _ = try Microdomain.solve(absent, distance: .metres(10e-9)) } == "inside")
        absent = problem(0.5)
        absent.outside = .zero
        #expect(errorField { _ = try Microdomain.solve(absent, distance: .metres(10e-9)) } == "outside")
        #expect(errorField { _ = try CalciumBuffer.parseList("glue=1", field: "buffer") } == "buffer")
        #expect(errorField { _ = try CalciumBuffer.parseList("calbindin(kd=1uM)=0.1", field: "buffer") } == "buffer.calbindin")
        let immobile = try CalciumBuffer.parseList("X(kon=1e8,kd=1uM,D=0)=1", field: "buffer")
        #expect(errorField { _ = try Microdomain.solve(problem(0.5, buffers: immobile), distance: .metres(10e-9)) } == "buffer.X.D")
        #expect(errorField { _ = try MicrodomainProblem.squareCluster(count: 4, spacing: .zero) } == "spacing-nm")
    }
}
