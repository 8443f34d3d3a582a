import Testing
import Foundation
import MembranePhysics
import MembraneChemistry
import MembraneUnits
import MembraneTestSupport
import PropertyBased

@Suite("Liquid junction potentials")
struct LJPTests {
    let parser = SolutionParser()

    func junction(_ p: String, _ b: String, celsius: Double = 25, table: MobilityTable = .catalog) throws -> LiquidJunction {
        try LiquidJunction(pipette: parser.parse(p, field: "pipette"), bath: parser.parse(b, field: "bath"),
                           mobilities: table, conditions: conditions(celsius: celsius))
    }

    /// Seed 000: 140 mM KCl in the pipette against 4 mM KCl gives |LJP| ≈ 1.7 mV, and the binary formula
    /// V_L = (RT/F)·(u₊ − u₋)/(u₊ + u₋)·ln(c_P/c_S) holds exactly for Henderson and Planck alike. The seed's
    /// +1.7 mV is the pipette relative to the bath; in the patch-clamp convention (bath relative to pipette)
    /// the value is −1.7 mV (Cl⁻ outruns K⁺ into the bath). Following Barry & Lynch, V_m = V_measured − V_L.
    @Test func seedKClExample() throws {
        let j = try junction("K=140,Cl=140", "K=4,Cl=4")
        let vt = conditions(celsius: 25).thermalVoltage
        let uK = ion("K").diffusionCoefficient!.squareMetresPerSecond, uCl = ion("Cl").diffusionCoefficient!.squareMetresPerSecond
        let binary = vt * (uK - uCl) / (uK + uCl) * log(140.0 / 4)
        let h = HendersonJunction.solve(j), p = try PlanckJunction.solve(j)
        #expect(isClose(abs(h.potential.millivolts), 1.7, within: 0.05))
        #expect(h.potential.volts < 0)
        #expect(isClose(h.potential.volts, binary, within: 1e-15))
        #expect(isClose(p.potential.volts, binary, within: 1e-14))
        #expect(isClose(p.pipetteRelativeToBath.millivolts, -p.potential.millivolts, within: 0))
    }

    /// A single binary salt of any valences: Henderson = Planck = (RT/F)·(t₊/z₊ − t₋/|z₋|)·ln(c_P/c_S)
    /// with transference numbers t± = |z±|·u±/(z₊·u₊ + |z₋|·u₋) (Bard & Faulkner, Electrochemical Methods,
    /// 2nd ed., eq. 2.3.39; Robinson & Stokes 1959 §8.6).
    @Test(arguments: [("Na", "Cl", 150.0, 15.0), ("Ca", "Cl", 290, 5.45), ("Zn", "SO4", 400, 18.6),
                      ("K", "SO4", 10, 1), ("H", "Cl", 100, 3.45)])
    func binarySaltClosedForm(cation: String, anion: String, cp: Double, cs: Double) throws {
        let zc = ion(cation).charge, za = ion(anion).charge
        // Stoichiometric coefficients of the neutral salt: ν₊·z₊ = ν₋·|z₋|.
        let nuC = Double(abs(za)) / Double(gcd(zc, abs(za))), nuA = Double(zc) / Double(gcd(zc, abs(za)))
        let p = "\(cation)=\(nuC * cp),\(anion)=\(nuA * cp)", b = "\(cation)=\(nuC * cs),\(anion)=\(nuA * cs)"
        let j = try junction(p, b)
        let uC = ion(cation).diffusionCoefficient!.squareMetresPerSecond, uA = ion(anion).diffusionCoefficient!.squareMetresPerSecond
        let tC = Double(zc) * uC / (Double(zc) * uC + Double(-za) * uA), tA = 1 - tC
        let expected = conditions(celsius: 25).thermalVoltage * (tC / Double(zc) - tA / Double(-za)) * log(cp / cs)
        #expect(isClose(HendersonJunction.solve(j).potential.volts, expected, within: 1e-15))
        #expect(isClose(try PlanckJunction.solve(j).potential.volts, expected, within: 1e-14))
    }

    func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    /// Planck's closed form for univalent ions (Planck 1890; MacInnes, The Principles of Electrochemistry 1939,
    /// ch. 13): with U_k = Σ_cations u·c, V_k = Σ_anions u·c and c_k the total of side k, ξ solves
    /// (ξU₂ − U₁)/(V₂ − ξV₁) = [ln(c₂/c₁) − ln ξ]/[ln(c₂/c₁) + ln ξ]·(ξc₂ − c₁)/(c₂ − ξc₁), and
    /// φ₂ − φ₁ = (RT/F)·ln ξ. Solved here independently (Brent on ln ξ); our solver must agree to 1e-9 mV.
    @Test(arguments: [("K=145,gluconate=145,Na=10,Cl=10", "Na=150,Cl=150"), ("K=140,gluconate=140", "Na=15,Cl=15"),
                      ("K=130,methanesulfonate=120,Cl=10", "Na=150,Cl=140,HCO3=10"), ("Cs=5,F=5", "Na=150,K=5,Cl=155")])
    func planckClosedFormForUnivalentIons(pipette: String, bath: String) throws {
        let j = try junction(pipette, bath)
        var u1 = 0.0, u2 = 0.0, v1 = 0.0, v2 = 0.0, c1 = 0.0, c2 = 0.0
        for s in j.species {
            if s.ion.charge > 0 { u1 += s.diffusion * s.pipette; u2 += s.diffusion * s.bath; c1 += s.pipette; c2 += s.bath }
            else { v1 += s.diffusion * s.pipette; v2 += s.diffusion * s.bath }
        }
        let l = log(c2 / c1)
        // Cross-multiplied (no poles); its only spurious zeros are at ln ξ = ±ln(c₂/c₁), which the scan skips.
        func g(_ lnXi: Double) -> Double {
            let xi = exp(lnXi)
            return (xi * u2 - u1) * (l + lnXi) * (c2 - xi * c1) - (l - lnXi) * (xi * c2 - c1) * (v2 - xi * v1)
        }
        let vt = conditions(celsius: 25).thermalVoltage
        let guess = HendersonJunction.solve(j).potential.volts / vt
        // Scan outward from Henderson's value for the nearest sign change, then bisect it.
        var bracket: (Double, Double)? = nil
        scan: for k in 0..<200 {
            for (a, b) in [(guess - Double(k + 1) * 0.002, guess - Double(k) * 0.002), (guess + Double(k) * 0.002, guess + Double(k + 1) * 0.002)]
            where !(a...b).contains(l) && !(a...b).contains(-l) && g(a).sign != g(b).sign {
                bracket = (a, b); break scan
            }
        }
        let (a, b) = try #require(bracket)
        let root = try #require(BrentRootFinderForTests.root(in: a, b, g))
        let planck = try PlanckJunction.solve(j)
        #expect(isClose(planck.potential.millivolts, root * vt * 1e3, within: 1e-9))
    }

    @Test func identicalSolutionsGiveZero() async {
        await propertyCheck(input: Gen.double(in: 1...300), Gen.double(in: 0.1...50), Gen.double(in: 0...4)) { k, ca, mg in
            let s = "K=\(k),Ca=\(ca),Mg=\(mg),Cl=\(k + 2 * ca + 2 * mg)"
            let j = try junction(s, s)
            #expect(HendersonJunction.solve(j).potential.volts == 0)
            #expect(abs(try PlanckJunction.solve(j).potential.volts) < 1e-15)
        }
    }

    /// Exchanging pipette and bath changes the sign exactly (both methods).
    @Test func swappingSidesFlipsTheSign() throws {
        let j = try junction("K=145,Na=13,Cl=10,gluconate=145,Mg=1,HEPES=5", "K=2.8,Na=145,Cl=148.8,Mg=2,Ca=1,HEPES=5")
        #expect(isClose(HendersonJunction.solve(j).potential.volts, -HendersonJunction.solve(j.swapped).potential.volts, within: 1e-16))
        #expect(isClose(try PlanckJunction.solve(j).potential.volts, -(try PlanckJunction.solve(j.swapped).potential.volts), within: 1e-14))
    }

    /// The solved profile meets both boundary compositions, carries zero net current (Σ z·J = 0), and its
    /// per-ion shares add up to the LJP.
    @Test func profileMeetsBoundariesWithZeroCurrent() throws {
        let j = try junction("K=125,gluconate=95,Cl=32,Mg=1,HEPES=10,Na=10", "Na=152.2,K=3,Ca=2.4,Mg=1.5,Cl=133.8,H2PO4=1.2,HCO3=25,SO4=1.5")
        let r = try PlanckJunction.solve(j, options: .init(profilePoints: 51))
        let profile = try #require(r.profile)
        for (s, c) in zip(j.species, profile.concentrations) {
            #expect(isRelativelyClose(c.values.first!, s.pipette, relative: 1e-12, absolute: 1e-12))
            #expect(isRelativelyClose(c.values.last!, s.bath, relative: 1e-10, absolute: 1e-10))
        }
        let current = zip(j.species, profile.fluxes).reduce(0.0) { $0 + Double($1.0.ion.charge) * $1.1.flux }
        let scale = profile.fluxes.reduce(0.0) { $0 + abs($1.flux) }
        #expect(abs(current) <= 1e-12 * scale)
        let sum = r.contributions.reduce(0.0) { $0 + $1.potential.volts }
        #expect(isClose(sum, r.potential.volts, within: 1e-15))
        #expect(isClose(profile.potential.last!.volts, r.potential.volts, within: 1e-15))
        #expect(profile.x.first == 0 && isClose(profile.x.last!, 1, within: 1e-12))
    }

    /// A uniform change of every D (the Stokes–Einstein–Walden temperature correction) leaves the LJP unchanged:
    /// both methods are homogeneous of degree 0 in the mobilities.
    @Test func uniformMobilityScalingCancels() throws {
        let j = try junction("Cs=130,gluconate=110,HEPES=5,EGTA=1,Cl=24,Mg=2,Na=11,ATP(z=-2)=2", "Na=145,K=3,Ca=2,Mg=1,Cl=150,HCO3=4")
        let before = (HendersonJunction.solve(j).potential.volts, try PlanckJunction.solve(j).potential.volts)
        // D(37 °C)/D(25 °C) = 1.30 by Stokes–Einstein with water's viscosity.
        let factor = WaterViscosity.stokesEinsteinFactor(kelvin: 310.15)
        #expect(isClose(factor, 310.15 / 298.15 * 0.8900 / 0.6913, within: 0.01))
        let scaled = try scaledJunction(j, by: factor)
        #expect(isClose(HendersonJunction.solve(scaled).potential.volts, before.0, within: 1e-15))
        #expect(isClose(try PlanckJunction.solve(scaled).potential.volts, before.1, within: 1e-14))
    }

    func scaledJunction(_ j: LiquidJunction, by factor: Double) throws -> LiquidJunction {
        // Rebuild with every ion carrying a user-supplied D = factor·D.
        func scaled(_ s: Solution) throws -> Solution {
            try Solution(s.components.map { c in
                let d = c.ion.diffusionCoefficient!.squareMetresPerSecond * factor
                let ion = Ion(name: c.ion.name, charge: c.ion.charge, transport: .diffusion(d), transportSource: "user-supplied D")
                return SolutionComponent(ion: ion, concentration: c.concentration)
            })
        }
        return try LiquidJunction(pipette: scaled(j.pipette), bath: scaled(j.bath), mobilities: j.mobilities, conditions: j.conditions)
    }

    /// IAPWS 2008 (Huber et al., J. Phys. Chem. Ref. Data 38:101) gives η(water) = 1.0016 mPa·s at 20 °C,
    /// 0.8900 at 25 °C and 0.6913 at 37 °C; the Vogel fit must agree within 0.5 %.
    @Test(arguments: [(293.15, 1.0016e-3), (298.15, 0.8900e-3), (310.15, 0.6913e-3)])
    func waterViscosity(kelvin: Double, eta: Double) {
        #expect(isRelativelyClose(WaterViscosity.pascalSeconds(kelvin: kelvin), eta, relative: 0.005))
    }

    @Test func badInput() throws {
        // A custom ion without mobility data is named in the error, and accepted with a user-supplied D.
        do {
            _ = try junction("K=139.4,X(z=-1)=0.3,Cl=139.1", "Na=150,Cl=150")
            Issue.record("accepted X without a mobility")
        } catch MembraneError.invalidValue(let field, let value, _) {
            #expect(field == "mobility" && value.contains("X"))
        }
        _ = try junction("K=139.4,X(z=-1,D=0.3e-9)=0.3,Cl=139.1", "Na=150,Cl=150")
        // A side with no ions.
        #expect(throws: MembraneError.self) { try junction("glucose=10", "Na=150,Cl=150") }
        // Non-electroneutral sides: an error for Planck (with the imbalance), fixed only on request.
        let unbalanced = try junction("K=140,gluconate=130", "Na=150,Cl=150")
        do {
            _ = try PlanckJunction.solve(unbalanced)
            Issue.record("solved a non-electroneutral pipette")
        } catch MembraneError.invalidValue(let field, let value, _) {
            #expect(field == "pipette" && value.contains("10"))
        }
        let (fixed, changes) = try unbalanced.electroneutralized(by: "K")
        #expect(changes.count == 1 && changes[0].contains("140.0 to 130.0"))
        _ = try PlanckJunction.solve(fixed)
        // Neutral species are accepted and noted.
        let withGlucose = try junction("K=140,Cl=140,glucose=10", "Na=150,Cl=150,sucrose=5")
        #expect(withGlucose.notes.contains { $0.contains("glucose") && $0.contains("sucrose") })
    }

    @Test func recordingCorrections() throws {
        let ljp = Voltage.millivolts(15.6)
        // Whole-cell (Barry & Lynch 1991): Vm = Vp − V_L; LJPcalc's worked example: −48.13 − 16.05 = −64.18 mV.
        #expect(isClose(try RecordingConfiguration.wholeCell.correctedPotential(measured: .millivolts(-48.13), ljp: .millivolts(16.05)).millivolts,
                        -64.18, within: 1e-12))
        // Inside-out: the pipette faces the outside, polarity inverted.
        #expect(isClose(try RecordingConfiguration.insideOut.correctedPotential(measured: .millivolts(40), ljp: ljp).millivolts,
                        -(40 - 15.6), within: 1e-12))
        // Cell-attached needs the resting potential.
        #expect(throws: MembraneError.self) { try RecordingConfiguration.cellAttached.correctedPotential(measured: .zero, ljp: ljp) }
        // HEKA EPC9 manual example (after Neher 1992): KCl pipette LJ = +3 mV; bath changed to sulfate Ringer,
        // whose table value as a pipette filling is +6 mV, enters with −6 mV: total correction −3 mV, Vm = Vp + 3.
        #expect(isClose(try RecordingConfiguration.wholeCell.correctedPotential(measured: .millivolts(-70), ljp: .millivolts(3),
                                                                                bathOffset: .millivolts(-6)).millivolts, -67, within: 1e-12))
        // JPCalcWin manual p. 20 (via LJPcalc issue #7): Ag/AgCl with 145 vs 75 mM Cl at 20 °C differ by 16.65 mV.
        let shift = try SilverChlorideOffset.bathShift(oldChloride: .millimolar(145), newChloride: .millimolar(75),
                                                       conditions: conditions(celsius: 20))
        #expect(isClose(abs(shift.millivolts), 16.65, within: 0.005))
        #expect(shift.volts < 0)
    }
}

/// A minimal bisection used only by the Planck closed-form test, so that the reference root does not come
/// from the library's own root finder.
enum BrentRootFinderForTests {
    static func root(in a: Double, _ b: Double, _ f: (Double) -> Double) -> Double? {
        var lo = a, hi = b, flo = f(a)
        guard flo.sign != f(b).sign else { return nil }
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            let fm = f(mid)
            if fm == 0 { return mid }
            if fm.sign == flo.sign { lo = mid; flo = fm } else { hi = mid }
            if hi - lo < 1e-16 * max(1, abs(mid)) { break }
        }
        return 0.5 * (lo + hi)
    }
}
