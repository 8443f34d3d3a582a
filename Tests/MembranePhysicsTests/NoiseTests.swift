import Testing
import Foundation
import MembranePhysics
import MembraneChemistry
import MembraneUnits
import MembraneTestSupport
import PropertyBased

@Suite("Membrane noise")
struct NoiseTests {
    /// 4kTG, √(4kTGB) and kT/C with k_B = 1.380649e-23 J/K typed out, to 1e-12.
    @Test func johnsonNyquistAndKTC() throws {
        for (celsius, g, c, b) in [(37.0, 1e-9, 10e-12, 1000.0), (20.0, 3.3e-8, 150e-12, 1e4), (6.3, 2e-10, 1e-12, 5.0)] {
            let t = celsius + 273.15
            let n = try ThermalNoise(conductance: g, bandwidth: b, capacitance: c, conditions: conditions(celsius: celsius))
            #expect(isRelativelyClose(n.currentSpectralDensity, 4 * Exact.boltzmann * t * g, relative: 1e-12))
            #expect(isRelativelyClose(try #require(n.currentRMS), (4 * Exact.boltzmann * t * g * b).squareRoot(), relative: 1e-12))
            #expect(isRelativelyClose(try #require(n.voltageVariance), Exact.boltzmann * t / c, relative: 1e-12))
            #expect(isRelativelyClose(try #require(n.voltageRMS), (Exact.boltzmann * t / c).squareRoot(), relative: 1e-12))
        }
        // 1 nS at 37 °C: 1.7128e-29 A²/Hz; 10 pF: 20.69 µV (hand calculation).
        let n = try ThermalNoise(conductance: 1e-9, bandwidth: 1000, capacitance: 10e-12, conditions: conditions(celsius: 37))
        #expect(isClose(n.currentSpectralDensity, 1.7128e-29, within: 0.0001e-29))
        #expect(isClose(try #require(n.voltageRMS) * 1e6, 20.69, within: 0.01))
        // The in-band voltage variance tends to kT/C (the integral of 4kTR/(1 + (f/f_c)²) over all f).
        let wide = try ThermalNoise(conductance: 1e-9, bandwidth: 1e13, capacitance: 10e-12, conditions: conditions(celsius: 37))
        #expect(isRelativelyClose(try #require(wide.voltageVarianceInBand), try #require(wide.voltageVariance), relative: 1e-10))
    }

    static let concentration = Gen.double(in: -6...3).map { pow(10, $0) }
    static let valence = Gen.element(of: [-3, -2, -1, 1, 2, 3]).map { $0! }
    static let celsius = Gen.double(in: 0...45)

    /// Detailed balance: at E_rev the shot noise of the two one-way fluxes is the thermal noise of the slope
    /// conductance, 2(ze)²N_A(J_in + J_out)A = 4kT·dI/dV, for any valence, concentrations and temperature.
    @Test func shotNoiseEqualsThermalAtReversal() async {
        await propertyCheck(input: Self.concentration, Self.concentration, Self.valence, Self.celsius) { cin, cout, z, t in
            let c = conditions(celsius: t)
            let x = Ion(name: "X", charge: z, transport: nil, isCustom: true)
            let e = try Nernst.potential(z: z, inside: .millimolar(cin), outside: .millimolar(cout), conditions: c)
            let n = try GHKNoise(ion: x, permeability: .centimetresPerSecond(1e-6), inside: .millimolar(cin), outside: .millimolar(cout),
                                 area: 100e-12, voltage: e, conditions: c)
            #expect(isRelativelyClose(n.shotSpectralDensity, n.thermalSpectralDensity, relative: 1e-9))
            #expect(abs(n.current) <= 1e-9 * Double(abs(z)) * c.faraday * n.efflux * 100e-12)
        }
    }

    /// Away from E_rev, S_shot/(2|z|e|I|) = coth(|z|·|V − E|·F/(2RT)) for any valence and V; far away it is 2q|I|.
    @Test func shotNoiseFarFromReversal() async throws {
        await propertyCheck(input: Self.concentration, Self.concentration, Self.valence, Gen.double(in: -200...200)) { cin, cout, z, mv in
            let c = conditions(celsius: 37)
            let x = Ion(name: "X", charge: z, transport: nil, isCustom: true)
            let e = try Nernst.potential(z: z, inside: .millimolar(cin), outside: .millimolar(cout), conditions: c)
            guard abs(mv - e.millivolts) > 0.1 else { return }
            let n = try GHKNoise(ion: x, permeability: .centimetresPerSecond(1e-6), inside: .millimolar(cin), outside: .millimolar(cout),
                                 area: 1e-12, voltage: .millivolts(mv), conditions: c)
            let a = Double(abs(z)) * abs(mv - e.millivolts) * 1e-3 * Exact.faraday / (2 * Exact.gas * 310.15)
            let coth = 1 / tanh(a)
            #expect(isRelativelyClose(try #require(n.shotToOneWayRatio), coth, relative: 1e-9))
            let q = Double(abs(z)) * Exact.e
            #expect(isRelativelyClose(n.shotSpectralDensity, 2 * q * abs(n.current) * coth, relative: 1e-9))
        }
        // K⁺ 140/5 mM at +150 mV, 239 mV from E_K: shot = 2q|I|·coth(4.47) = 2q|I|·(1 + 2.6e-4).
        let k = try GHKNoise(ion: ion("K"), permeability: .centimetresPerSecond(1e-6), inside: .millimolar(140), outside: .millimolar(5),
                             area: 100e-12, voltage: .millivolts(150), conditions: conditions(celsius: 37))
        #expect(isClose(k.shotSpectralDensity / (2 * Exact.e * abs(k.current)), 1, within: 3e-4))
    }

    /// σ² = N·p·(1 − p)·i², Sigworth's parabola σ² = i·⟨I⟩ − ⟨I⟩²/N, and the Lorentzian's integral.
    @Test func binomialChannelNoise() throws {
        let n = try ChannelNoise(count: 1000, openProbability: 0.2, unitaryCurrent: 1e-12, relaxationTime: 5e-3, bandwidth: 1e9)
        #expect(isRelativelyClose(n.variance, 1000 * 0.2 * 0.8 * 1e-24, relative: 1e-12))
        #expect(isRelativelyClose(n.variance, 1e-12 * n.meanCurrent - n.meanCurrent * n.meanCurrent / 1000, relative: 1e-12))
        #expect(isRelativelyClose(try #require(n.spectralDensityAtZero), 4 * n.variance * 5e-3, relative: 1e-12))
        #expect(isRelativelyClose(try #require(n.varianceInBand), n.variance, relative: 1e-6))
        #expect(try ChannelNoise(count: 10, openProbability: 1, unitaryCurrent: -2e-12).variance == 0)
    }

    @Test func badInput() {
        #expect(errorField { _ = try ThermalNoise(conductance: 1e-9, bandwidth: 0) } == "bandwidth-Hz")
        #expect(errorField { _ = try ThermalNoise(conductance: -1e-9, bandwidth: 100) } == "conductance-nS")
        #expect(errorField { _ = try ThermalNoise(conductance: 1e-9, bandwidth: 100, capacitance: 0) } == "capacitance-pF")
        #expect(errorField { _ = try ChannelNoise(count: 10, openProbability: 1.2, unitaryCurrent: 1e-12) } == "open-probability")
        #expect(errorField { _ = try ChannelNoise(count: 0, openProbability: 0.5, unitaryCurrent: 1e-12) } == "channels")
        #expect(errorField {
            _ = try GHKNoise(ion: ion("K"), permeability: .centimetresPerSecond(1e-6), inside: .millimolar(140), outside: .millimolar(5),
                             area: 0, voltage: .millivolts(-50))
        } == "area-um2")
        #expect(errorField {
            _ = try GHKNoise(ion: ion("K"), permeability: .centimetresPerSecond(1e-6), inside: .millimolar(140), outside: .millimolar(5),
                             area: 1e-10, voltage: .millivolts(-50), bandwidth: 0)
        } == "bandwidth-Hz")
    }
}
