import Testing
import Foundation
import MembranePhysics
import MembraneUnits
import MembraneTestSupport

@Suite("Proton-motive force")
struct ProtonMotiveForceTests {
    /// ln 10·RT/F at T, typed out from CODATA 2018 (61.54 mV at 37 °C).
    func slope(_ kelvin: Double) -> Double { log(10) * Exact.gas * kelvin / Exact.faraday }

    /// Energized mitochondria (Nicholls & Ferguson 2013, ch. 4): Δψ −150 to −180 mV (matrix negative), matrix alkaline by
    /// 0.5–1 pH: both terms point the same way and |Δp| ≈ 180–220 mV; ΔG of H⁺ entry = F·Δp < 0.
    @Test func mitochondrialSigns() throws {
        for (psi, dpH) in [(-150.0, 0.5), (-180.0, 0.5), (-150.0, 1.0), (-165.0, 0.7)] {
            let p = try ProtonMotiveForce(deltaPsi: .millivolts(psi), pHInside: 7.0 + dpH, pHOutside: 7.0, conditions: conditions(celsius: 37))
            let expected = psi * 1e-3 - slope(310.15) * dpH
            #expect(isClose(p.value.volts, expected, within: 1e-15))
            #expect(p.value.millivolts < 0 && p.chemicalTerm.millivolts < 0)
            #expect(abs(p.value.millivolts) >= 180 && abs(p.value.millivolts) <= 220)
            // ΔG(out → in) = F·Δp, and its two parts RT·ln(a_in/a_out) and F·Δψ.
            #expect(isRelativelyClose(p.transfer.total.joulesPerMole, Exact.faraday * expected, relative: 1e-12))
            #expect(isRelativelyClose(p.transfer.chemical.joulesPerMole, -log(10) * Exact.gas * 310.15 * dpH, relative: 1e-12))
            // E_H = (ln 10·RT/F)·ΔpH and Δp = Δψ − E_H.
            #expect(isRelativelyClose(p.protonEquilibriumPotential.volts, slope(310.15) * dpH, relative: 1e-12))
        }
        #expect(isClose(slope(310.15) * 1e3, 61.54, within: 0.005))
        // The INTERFACE example: Δψ −150 mV, pH 7.8 | 7.0 at 37 °C → Δp = −199.2 mV, ΔG = −19.22 kJ/mol.
        let example = try ProtonMotiveForce(deltaPsi: .millivolts(-150), pHInside: 7.8, pHOutside: 7.0, conditions: conditions(celsius: 37))
        #expect(isClose(example.value.millivolts, -199.23, within: 0.01))
        #expect(isClose(example.transfer.total.kilojoulesPerMole, -19.22, within: 0.01))
    }

    /// n ≥ |ΔG_ATP|/(F·|Δp|): at |Δp| = 200 mV, ΔG_ATP = −50 and −60 kJ/mol need 2.59 and 3.11 H⁺/ATP; the bovine c8
    /// ring (8/3) suffices alone for the first, only with the transport H⁺ (3.67) for the second.
    @Test func protonsPerATP() throws {
        let p = try ProtonMotiveForce(deltaPsi: .millivolts(-200), pHInside: 7, pHOutside: 7, conditions: conditions(celsius: 37))
        for (g, n) in [(-50.0, 2.591), (-60.0, 3.109)] {
            let bound = ATPSynthesisBound(pmf: p, atp: ATPHydrolysis(deltaG: .kilojoulesPerMole(g), source: "test"))
            let nMin = try #require(bound.minimalProtonsPerATP)
            #expect(isRelativelyClose(nMin, -g * 1e3 / (Exact.faraday * 0.2), relative: 1e-12))
            #expect(isClose(nMin, n, within: 0.001))
            #expect(bound.allows(.mammalianMitochondrion))
            #expect((ATPSynthaseRing.mammalianMitochondrion.protonsPerATP >= nMin) == (g == -50))
        }
        // The phosphorylation potential from ATP 5, ADP 0.05, Pi 5 mM at 37 °C (the project's ATPHydrolysis):
        // −30.5 kJ/mol + RT·ln(0.05e-3·5e-3/5e-3) = −56.04 kJ/mol.
        let c = conditions(celsius: 37)
        let atp = try ATPHydrolysis.fromConcentrations(standard: ATPHydrolysis.standardTransformedFreeEnergy, atp: .millimolar(5),
                                                       adp: .millimolar(0.05), phosphate: .millimolar(5), conditions: c)
        #expect(isClose(atp.deltaG.kilojoulesPerMole, -30.5 + Exact.gas * 310.15 * log(0.05e-3) / 1e3, within: 1e-9))
        // Uphill H⁺ entry: no ratio drives synthesis.
        let uphill = try ProtonMotiveForce(deltaPsi: .millivolts(30), pHInside: 7, pHOutside: 7.2)
        #expect(ATPSynthesisBound(pmf: uphill, atp: .cellular).minimalProtonsPerATP == nil)
    }

    @Test func presets() throws {
        let s4 = try ProtonGradientPreset.mitochondrionState4.pmf(), s3 = try ProtonGradientPreset.mitochondrionState3.pmf()
        #expect(s4.value < s3.value && s3.value.millivolts < -150)
        let thylakoid = try ProtonGradientPreset.chloroplastThylakoid.pmf()
        #expect(try #require(thylakoid.pHShare) > 0.5)
        #expect(errorField { _ = try ProtonGradientPreset.named("peroxisome") } == "preset")
    }

    @Test func badInput() {
        #expect(errorField { _ = try ProtonMotiveForce(deltaPsi: .millivolts(-150), pHInside: 15, pHOutside: 7) } == "ph-inside")
        #expect(errorField { _ = try ProtonMotiveForce(deltaPsi: .millivolts(-150), pHInside: 7, pHOutside: -0.5) } == "ph-outside")
        #expect(errorField { _ = try ProtonMotiveForce(deltaPsi: .millivolts(.nan), pHInside: 7, pHOutside: 7) } == "delta-psi-mV")
    }
}

@Suite("Plant H⁺-driven transport")
struct PlantTransportTests {
    /// E_H, the uniport and symport K⁺ limits and the pump's stall, against their closed forms.
    @Test func closedForms() throws {
        let t = 298.15, vt = Exact.gas * t / Exact.faraday
        let cell = PlantCell(vm: .millivolts(-150), pHCytosol: 7.3, pHApoplast: 5.5, conditions: conditions(kelvin: t))
        let a = try cell.analyze()
        #expect(isRelativelyClose(a.pmf.protonEquilibriumPotential.volts, log(10) * vt * 1.8, relative: 1e-12))
        #expect(isRelativelyClose(a.potassium.uniporterMaximumRatio, exp(0.150 / vt), relative: 1e-12))
        #expect(isRelativelyClose(a.potassium.symporterMaximumRatio, exp(2 * 0.150 / vt) * pow(10, 1.8), relative: 1e-12))
        // At the bound the coupled reaction K⁺_out + H⁺_out → K⁺_in + H⁺_in has ΔG = 0 (computed from its parts).
        let ratio = a.potassium.symporterMaximumRatio
        let dG = Exact.gas * t * log(ratio) + Exact.gas * t * log(pow(10, -7.3) / pow(10, -5.5)) + 2 * Exact.faraday * -0.150
        #expect(abs(dG) < 1e-9 * Exact.faraday * 0.150)
        // n = 2: exp(−3FV/RT)·10^(2ΔpH).
        let two = try PotassiumAccumulation(pmf: a.pmf, protonsPerPotassium: 2)
        #expect(isRelativelyClose(two.symporterMaximumRatio, exp(3 * 0.150 / vt) * pow(10, 3.6), relative: 1e-12))
        // The H⁺-ATPase stalls where n·F·(E_H − V) = |ΔG_ATP|.
        let stall = a.pump.stallPotential
        #expect(isRelativelyClose(stall.volts, log(10) * vt * 1.8 - 50_000 / Exact.faraday, relative: 1e-12))
        let atStall = try PlantCell(vm: stall, pHCytosol: 7.3, pHApoplast: 5.5, conditions: conditions(kelvin: t)).analyze()
        #expect(isClose(atStall.pump.workPerCycle.joulesPerMole, 50_000, within: 1e-8))
    }

    /// The preset's turgor from the Donnan solver against an independent solution of the same balance: with K⁺ and
    /// Cl⁻ permeant, K_in·Cl_in = K_o·Cl_o and K_in = Cl_in + A/v (A = 80 mM of charge −1 at the wall's volume, v the
    /// relative volume), Osm_in = K_in + Cl_in + 230/v, and the wall ε·(v − 1) = R·T·(Osm_in − Osm_out), solved here by
    /// bisection on v.
    @Test func presetTurgor() throws {
        let preset = PlantCellPreset.arabidopsisRoot
        let a = try preset.cell.analyze()
        let d = try #require(a.donnan)
        let rt = Exact.gas * 298.15, eps = 10e6, ko = 0.1
        func excess(_ v: Double) -> Double {
            let x = 80 / v
            let kIn = (x + (x * x + 4 * ko * ko).squareRoot()) / 2
            let osm = kIn + ko * ko / kIn + 230 / v
            return rt * (osm - 2 * ko) - eps * (v - 1)
        }
        var lo = 1.0, hi = 2.0
        for _ in 0..<200 { let mid = (lo + hi) / 2; if excess(mid) > 0 { lo = mid } else { hi = mid } }
        #expect(isRelativelyClose(d.relativeVolume, lo, relative: 1e-9))
        let turgor = try #require(d.turgor)
        #expect(isRelativelyClose(turgor, eps * (lo - 1), relative: 1e-6))
        #expect(isRelativelyClose(turgor, rt * (d.osmolarityInside - d.osmolarityOutside), relative: 1e-9))
        #expect(turgor > 0.3e6 && turgor < 1.5e6, "plant turgor is a fraction of a MPa to about 1 MPa")
        // At the preset's V_m a channel cannot load 80 mM K⁺ from 0.1 mM (E_K < V_m); the symporter can.
        #expect(try #require(a.potassiumReversal) < preset.cell.vm)
        #expect(a.potassium.symporterMaximumRatio > 800 && a.potassium.uniporterMaximumRatio < 800)
    }

    @Test func badInput() {
        #expect(errorField { _ = try PlantCell(vm: .millivolts(-150), pHCytosol: 7.3, pHApoplast: 15).analyze() } == "ph-outside")
        #expect(errorField { _ = try PlantCell(vm: .millivolts(-150), pHCytosol: 7.3, pHApoplast: 5.5, potassiumCytosol: .millimolar(-1)).analyze() } == "k-inside")
        #expect(errorField { _ = try PlantCell(vm: .millivolts(-150), pHCytosol: 7.3, pHApoplast: 5.5, protonsPerPotassium: 0).analyze() } == "protons-per-k")
    }
}
