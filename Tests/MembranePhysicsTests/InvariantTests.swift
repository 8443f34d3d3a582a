import Testing
import Foundation
import MembranePhysics
import MembraneChemistry
import MembraneUnits
import MembraneTestSupport
import PropertyBased

/// Physical invariants over random valid inputs (swift-property-based).
@Suite("Invariants")
struct InvariantTests {
    /// Concentrations log-uniform from 1 nM to 1 M.
    static let concentration = Gen.double(in: -6...3).map { pow(10, $0) }
    static let valence = Gen.element(of: [-3, -2, -1, 1, 2, 3]).map { $0! }
    static let celsius = Gen.double(in: 0...45)
    static let millivolts = Gen.double(in: -200...200)

    /// GHK with one permeant ion is the Nernst equation, for any valence (closed form or root).
    @Test func ghkWithOneIonIsNernst() async {
        await propertyCheck(input: Self.concentration, Self.concentration, Self.valence, Self.celsius) { cin, cout, z, t in
            let c = conditions(celsius: t)
            let x = Ion(name: "X", charge: z, transport: nil, isCustom: true)
            let p = [Permeant(ion: x, inside: .millimolar(cin), outside: .millimolar(cout), permeability: 1)]
            let ghk = try GHKVoltage.potential(p, conditions: c)
            let nernst = try Nernst.potential(z: z, inside: .millimolar(cin), outside: .millimolar(cout), conditions: c)
            #expect(isClose(ghk.potential.volts, nernst.volts, within: 1e-12))
        }
    }

    /// The GHK current vanishes at E_rev and changes sign there (negative below, positive above:
    /// it increases with V for every valence).
    @Test func ghkCurrentReversesAtNernst() async {
        await propertyCheck(input: Self.concentration, Self.concentration, Self.valence, Self.celsius) { cin, cout, z, t in
            let c = conditions(celsius: t)
            let e = try Nernst.potential(z: z, inside: .millimolar(cin), outside: .millimolar(cout), conditions: c)
            func i(_ v: Voltage) -> Double {
                GHKCurrent.currentDensity(z: z, permeability: .metresPerSecond(1e-8), inside: .millimolar(cin),
                                          outside: .millimolar(cout), at: v, conditions: c).amperesPerSquareMetre
            }
            let scale = 1e-8 * c.faraday * Double(abs(z)) * max(cin, cout)
            #expect(abs(i(e)) <= 1e-9 * scale)
            #expect(i(e - .millivolts(1)) < 0)
            #expect(i(e + .millivolts(1)) > 0)
        }
    }

    /// ΔG of moving an ion across is zero at its Nernst potential, and the Ussing flux ratio is 1.
    @Test func equilibriumAtNernst() async {
        await propertyCheck(input: Self.concentration, Self.concentration, Self.valence, Self.celsius) { cin, cout, z, t in
            let c = conditions(celsius: t)
            let e = try Nernst.potential(z: z, inside: .millimolar(cin), outside: .millimolar(cout), conditions: c)
            let g = try ElectrochemicalPotential.transfer(charge: z, activityInside: .millimolar(cin),
                                                          activityOutside: .millimolar(cout), vm: e, conditions: c)
            #expect(abs(g.total.joulesPerMole) <= 1e-9 * max(abs(g.chemical.joulesPerMole), 1))
            let x = Ion(name: "X", charge: z, transport: nil, isCustom: true)
            let df = DrivingForce(ion: x, vm: e, reversal: e, conditions: c)
            #expect(df.ussingFluxRatio == 1)
            #expect(df.currentDirection == .none && df.fluxDirection == .none)
        }
    }

    /// Nernst for −z is minus Nernst for z; doubling z halves E.
    @Test func valenceSymmetry() async {
        await propertyCheck(input: Self.concentration, Self.concentration, Self.valence, Self.celsius) { cin, cout, z, t in
            let c = conditions(celsius: t)
            func e(_ z: Int) throws -> Double {
                try Nernst.potential(z: z, inside: .millimolar(cin), outside: .millimolar(cout), conditions: c).volts
            }
            let plus = try e(z), minus = try e(-z), doubled = try e(2 * z)
            #expect(isClose(minus, -plus, within: 1e-15))
            #expect(isClose(doubled, plus / 2, within: 1e-15))
        }
    }

    /// The GHK current is continuous through V = 0: approaching from both sides gives Fick's value.
    @Test func ghkCurrentContinuousThroughZero() async {
        await propertyCheck(input: Self.concentration, Self.concentration, Self.valence, Gen.double(in: 1e-12...1e-3)) { cin, cout, z, dv in
            let c = conditions(celsius: 25)
            func i(_ v: Double) -> Double {
                GHKCurrent.currentDensity(z: z, permeability: .metresPerSecond(1), inside: .millimolar(cin),
                                          outside: .millimolar(cout), at: .millivolts(v), conditions: c).amperesPerSquareMetre
            }
            let fick = Double(z) * c.faraday * (cin - cout)
            // |dI/dV| ≤ z²F/V_T·max(c) per volt; the jump over ±dv mV must stay within that slope.
            let slope = Double(z * z) * c.faraday / c.thermalVoltage * max(cin, cout) * 1e-3
            #expect(abs(i(dv) - fick) <= slope * dv * 1.01 + 1e-12 * abs(fick))
            #expect(abs(i(-dv) - fick) <= slope * dv * 1.01 + 1e-12 * abs(fick))
            #expect(i(0) == fick || isRelativelyClose(i(0), fick, relative: 1e-14))
        }
    }

    /// The driving-force direction rules (seed 001) hold for every sign combination: an outward
    /// current is cation efflux or anion influx, and ΔG of entry has the sign of z·(V_m − E).
    @Test func directionsAreConsistentWithDeltaG() async {
        await propertyCheck(input: Self.concentration, Self.concentration, Self.valence, Self.millivolts) { cin, cout, z, vm in
            let c = conditions(celsius: 37)
            let e = try Nernst.potential(z: z, inside: .millimolar(cin), outside: .millimolar(cout), conditions: c)
            let x = Ion(name: "X", charge: z, transport: nil, isCustom: true)
            let df = DrivingForce(ion: x, vm: .millivolts(vm), reversal: e, conditions: c)
            let g = try ElectrochemicalPotential.transfer(charge: z, activityInside: .millimolar(cin),
                                                          activityOutside: .millimolar(cout), vm: .millivolts(vm), conditions: c)
            // ΔG(out → in) = zF·(V_m − E).
            #expect(isClose(g.total.joulesPerMole, Double(z) * c.faraday * df.force.volts, within: 1e-9 * 1e5))
            if df.currentDirection != .none {
                #expect(g.spontaneousDirection == df.fluxDirection)
            }
        }
    }
}
