import Testing
import Foundation
import RealModule
import MembranePhysics
import MembraneChemistry
import MembraneUnits
import MembraneTestSupport

/// Issue 14, items 1, 4 and 5 at the level of the physics core: extreme but finite inputs either give the
/// exact answer (checked against closed forms and limits) or are refused naming the field — never inf,
/// NaN or a trap.
@Suite("Reliability of the physics core (issue 14)")
struct ReliabilityTests {
    let body = conditions(celsius: 37)

    func field(of error: Error) -> String? { (error as? MembraneError)?.field }

    /// Expects `body` to throw a MembraneError naming `field`.
    func expectRefused(_ field: String, _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try body()
            Issue.record("accepted; expected a refusal naming \(field)", sourceLocation: sourceLocation)
        } catch {
            #expect(self.field(of: error) == field, "\(error)", sourceLocation: sourceLocation)
        }
    }

    // MARK: item 4: inf/NaN from finite input

    /// `nernst --inside 1e-300 --outside 1e5`: the ratio overflows a Double, the logarithm of each side does not.
    /// Closed form: E = (RT/F)·(ln 1e5 − ln 1e-300).
    @Test func nernstOfExtremeRatio() throws {
        let e = try Nernst.potential(z: 1, inside: .millimolar(1e-300), outside: .millimolar(1e5), conditions: body)
        let exact = body.thermalVoltage * (Double.log(1e5) - Double.log(1e-300))
        #expect(isRelativelyClose(e.volts, exact, relative: 1e-14))
        // And the subnormal end: the least positive Double (4.9e-324 mM) is positive, so E exists (−19.9 V).
        let tiny = try Nernst.potential(z: 1, inside: .millimolar(1e5), outside: .millimolar(.leastNonzeroMagnitude), conditions: body)
        #expect(tiny.volts.isFinite && tiny.volts < -19)
    }

    /// A concentration above 100 M is refused at the parse, naming the field.
    @Test func concentrationsAbove100MolarAreRefused() {
        expectRefused("outside") { _ = try QuantityParser.concentration("1e10", field: "outside") }
        expectRefused("solution.Na") { _ = try Solution(millimolar: ["Na": 1e308, "Cl": 1], field: "solution") }
        expectRefused("inside") { _ = try Nernst.potential(z: 1, inside: .millimolar(1e308), outside: .millimolar(5), conditions: body) }
    }

    /// `ghk --permeability K=1e308,Na=1e-308`: the Na term is 1e-616 of the K term, so V equals E_K to round-off.
    @Test func ghkWithExtremePermeabilitiesIsTheNernstLimit() throws {
        let inside = try Solution(millimolar: ["K": 140, "Na": 10]), outside = try Solution(millimolar: ["K": 5, "Na": 145])
        let p = try Permeant.list(inside: inside, outside: outside, permeabilities: [("K", 1e308), ("Na", 1e-308)])
        let v = try GHKVoltage.potential(p, conditions: body)
        let eK = try Nernst.potential(z: 1, inside: .millimolar(140), outside: .millimolar(5), conditions: body)
        #expect(isClose(v.potential.millivolts, eK.millivolts, within: 1e-9))
    }

    /// Relative permeabilities have any scale: multiplying all of them by 1e300 (or 1e-300) leaves V unchanged,
    /// for the closed form and for the root with Ca²⁺.
    @Test(arguments: [1e300, 1e-300])
    func ghkIsScaleInvariant(scale: Double) throws {
        let inside = try Solution(millimolar: ["K": 140, "Na": 12, "Cl": 7, "Ca": 1e-4])
        let outside = try Solution(millimolar: ["K": 5, "Na": 145, "Cl": 120, "Ca": 2])
        for ps in [[("K", 1.0), ("Na", 0.04), ("Cl", 0.45)], [("K", 1.0), ("Na", 0.04), ("Cl", 0.45), ("Ca", 0.5)]] {
            let base = try GHKVoltage.potential(Permeant.list(inside: inside, outside: outside, permeabilities: ps), conditions: body)
            let scaled = try GHKVoltage.potential(Permeant.list(inside: inside, outside: outside,
                                                                permeabilities: ps.map { ($0.0, $0.1 * scale) }), conditions: body)
            #expect(isClose(base.potential.millivolts, scaled.potential.millivolts, within: 1e-9))
        }
    }

    /// `--pump-ratio 1e308`: the Mullins–Noda weight of K⁺ dominates, so V → E_K.
    @Test func enormousPumpRatioGivesEK() throws {
        let inside = try Solution(millimolar: ["K": 140, "Na": 10]), outside = try Solution(millimolar: ["K": 5, "Na": 145])
        let p = try Permeant.list(inside: inside, outside: outside, permeabilities: [("K", 10), ("Na", 0.04)])
        let v = try GHKVoltage.potential(p, pumpRatio: 1e308, conditions: body)
        let eK = try Nernst.potential(z: 1, inside: .millimolar(140), outside: .millimolar(5), conditions: body)
        #expect(isClose(v.potential.millivolts, eK.millivolts, within: 1e-9))
    }

    /// `ghk-current --voltage 1e308V` is refused (|V_m| ≤ 1 V); at +1 V the current of Ca²⁺ (u ≈ 75) is the
    /// exact constant-field value, I = P·z²F²V/RT·(c_in − c_out·e^(−u))/(1 − e^(−u)).
    @Test func ghkCurrentAtTheEdgeOfItsDomain() throws {
        expectRefused("voltage") {
            _ = try GHKCurrent.calculate(ion: ion("K"), permeability: .centimetresPerSecond(1e-6), inside: .millimolar(140),
                                         outside: .millimolar(5), at: .volts(1e308), conditions: body)
        }
        let r = try GHKCurrent.calculate(ion: ion("Ca"), permeability: .centimetresPerSecond(1e-6), inside: .micromolar(0.1),
                                         outside: .millimolar(2), at: .volts(1), conditions: body)
        let u = 2 * 1 / body.thermalVoltage, p = 1e-8, f = body.faraday
        let exact = p * 4 * f * f * 1 / body.rt * (1e-4 - 2 * Double.exp(-u)) / (1 - Double.exp(-u))
        #expect(isRelativelyClose(r.currentDensity.amperesPerSquareMetre, exact, relative: 1e-12))
        // A permeability so large that the current overflows is refused, naming it.
        expectRefused("permeability") {
            _ = try GHKCurrent.calculate(ion: ion("K"), permeability: .centimetresPerSecond(1e308), inside: .millimolar(1e5),
                                         outside: .millimolar(5), at: .volts(1), conditions: body)
        }
    }

    /// `drive --vm 20000` is refused (|V_m| ≤ 1 V). Inside the domain the Ussing ratio of an ion at 1e-300 mM
    /// exceeds a Double: the ratio is nil and its log₁₀ is the exact zF(V − E)/(RT ln 10).
    @Test func drivingForceAndUssingRatio() throws {
        expectRefused("vm") {
            _ = try ElectrochemicalPotential.transfer(charge: 1, activityInside: .millimolar(12), activityOutside: .millimolar(145),
                                                      vm: .millivolts(20000), conditions: body)
        }
        let e = try Nernst.potential(z: 1, inside: .millimolar(145), outside: .millimolar(1e-300), conditions: body)
        let df = DrivingForce(ion: ion("Na"), vm: .millivolts(900), reversal: e, conditions: body)
        #expect(df.ussingFluxRatio == nil)
        let exact = (0.9 - e.volts) / (body.thermalVoltage * Double.log(10))
        #expect(isRelativelyClose(df.log10UssingFluxRatio, exact, relative: 1e-14))
        #expect(df.log10UssingFluxRatio > 308)
        // An ordinary case keeps its ratio: exp(zF(V − E)/RT).
        let na = DrivingForce(ion: ion("Na"), vm: .millivolts(-70), reversal: .millivolts(66.6), conditions: body)
        #expect(isRelativelyClose(try #require(na.ussingFluxRatio), Double.exp(-0.1366 / body.thermalVoltage), relative: 1e-12))
    }

    /// `charge --radius-um 1e200` is refused; the largest accepted radius (1 m) gives a finite charge Q = C·4πr²·V.
    @Test func membraneChargeDomain() throws {
        expectRefused("radius-um") { _ = try MembraneCharge(vm: .millivolts(-80), radius: .micrometres(1e200)) }
        expectRefused("vm") { _ = try MembraneCharge(vm: .millivolts(1e308), radius: .micrometres(10)) }
        expectRefused("capacitance-uF-per-cm2") {
            _ = try MembraneCharge(vm: .millivolts(-80), radius: .micrometres(10), specificCapacitance: .microfaradsPerSquareCentimetre(1e300))
        }
        let q = try MembraneCharge(vm: .volts(-1), radius: .metres(1), specificCapacitance: .microfaradsPerSquareCentimetre(100),
                                   insideConcentration: .millimolar(1e5))
        #expect(isRelativelyClose(q.chargeHeld.coulombs, -1 * 4 * Double.pi * 1, relative: 1e-14))
        #expect(q.ionsMoved.isFinite && (q.fractionOfIons ?? .nan).isFinite)
    }

    // MARK: item 5: silently accepted or wrong

    /// `ghk --inside Ca=0 --outside Ca=0 --permeability Ca=1` has no reversal potential (no ion can carry current).
    @Test func ghkWithoutAnyCarrierIsUndefined() throws {
        let zero = try Solution(millimolar: ["Ca": 0])
        let p = try Permeant.list(inside: zero, outside: zero, permeabilities: [("Ca", 1)])
        expectRefused("permeability") { _ = try GHKVoltage.potential(p, conditions: body) }
        // Ca present on one side only, no counter-ion: the current has one sign at every V.
        let one = try Permeant.list(inside: zero, outside: try Solution(millimolar: ["Ca": 2]), permeabilities: [("Ca", 1)])
        expectRefused("permeability") { _ = try GHKVoltage.potential(one, conditions: body) }
    }

    /// `chord` refuses an ion given twice, and with conductances of 1e308 (equal) returns the mean of the E's.
    @Test func chordConductance() throws {
        expectRefused("conductance") {
            _ = try ChordConductance.potential([.init(name: "K", conductance: 1, reversal: .millivolts(-89)),
                                                .init(name: "k", conductance: 1, reversal: .millivolts(-89))])
        }
        let v = try ChordConductance.potential([.init(name: "K", conductance: 1e308, reversal: .millivolts(-89.06)),
                                                .init(name: "Na", conductance: 1e308, reversal: .millivolts(71.47))])
        #expect(isClose(v.millivolts, (-89.06 + 71.47) / 2, within: 1e-12))
        let w = try ChordConductance.potential([.init(name: "K", conductance: 1e308, reversal: .millivolts(-89.06)),
                                                .init(name: "Na", conductance: 1e-308, reversal: .millivolts(71.47))])
        #expect(isClose(w.millivolts, -89.06, within: 1e-12))
    }

    /// `NAME=VALUE` lists refuse a name given twice (`K=1,K=1`; also the impermeant specs `charge=..,charge=..`).
    @Test func namedValuesRefuseDuplicates() {
        expectRefused("conductance.K") { _ = try NamedValues.parse("K=1,Na=0.05,K=2", field: "conductance") }
        expectRefused("inside-impermeant.charge") {
            _ = try NamedValues.parse("charge=-1,charge=-2,concentration=120", field: "inside-impermeant")
        }
    }

    /// A valence beyond ±6 is refused for custom ions (`--valence 100`).
    @Test func customValenceRange() throws {
        expectRefused("valence") { _ = try Ion.custom(name: "X", charge: 100, field: "valence") }
        #expect(try Ion.custom(name: "X", charge: -6, field: "valence").charge == -6)
    }

    // MARK: item 1: no trap on Int(Double)

    /// Notes that print a temperature or a length ratio must not convert a huge Double to Int: a junction built
    /// (through the library, past the parser's range) at 1e30 K computes and describes itself without trapping.
    @Test func junctionNotesNeverTrap() throws {
        let hot = Conditions(temperature: Temperature(storedValue: 1e30))
        let j = try LiquidJunction(pipette: Solution(millimolar: ["K": 140, "Cl": 140]),
                                   bath: Solution(millimolar: ["Na": 140, "Cl": 140]), conditions: hot)
        #expect(j.notes.contains { $0.contains("Stokes") })
        let pnp = try PoissonNernstPlanckJunction.solve(j, options: .init(length: .micrometres(1e3), intervals: 50))
        #expect(pnp.potential.volts.isFinite)
    }

    /// `--electroneutralize Na` on a Na-free pipette whose net charge is round-off (2.2e-10 mM of ~300 mM):
    /// nothing to adjust, no error (the tolerance is relative to the side's total charge).
    @Test func electroneutralizeIgnoresRoundOff() throws {
        let pipette = try Solution(millimolar: ["K": 140 + 2.2e-10, "Cl": 140])
        let bath = try Solution(millimolar: ["Na": 145, "K": 5, "Cl": 150])
        let j = try LiquidJunction(pipette: pipette, bath: bath, conditions: body)
        try j.requireElectroneutral()
        let (adjusted, changes) = try j.electroneutralized(by: "Na")
        #expect(changes.isEmpty)
        #expect(adjusted.species.first { $0.ion.name == "Na" }?.pipette == 0)
        // A real imbalance is still adjusted, and reported.
        let unbalanced = try LiquidJunction(pipette: Solution(millimolar: ["K": 140, "Cl": 130]), bath: bath, conditions: body)
        let (_, fixed) = try unbalanced.electroneutralized(by: "Cl")
        #expect(fixed.count == 1)
    }
}
