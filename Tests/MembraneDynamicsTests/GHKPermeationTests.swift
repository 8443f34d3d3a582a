import Testing
import Foundation
@testable import MembraneDynamics
import MembraneNumerics
import MembraneUnits

/// GHK per ion on the Hodgkin–Huxley cell (issue 9): the permeability from ḡ as the chord conductance at rest, and
/// the GHK current equation's invariants, with the GHK current written out here (Hille 2001 eq. 14-4):
/// I = P·z²F²V/(RT)·(c_in − c_out·e^{−u})/(1 − e^{−u}), u = zFV/RT.
@Suite("GHK permeation per ion")
struct GHKPermeationTests {
    static let conditions = Conditions(temperature: HodgkinHuxleyChannel.squidTemperature)

    /// The GHK current density (A/m²) at V (volts), P in m/s, concentrations in mol/m³.
    static func ghk(_ p: Double, z: Double, inside: Double, outside: Double, at v: Double) -> Double {
        let f = conditions.faraday, rt = conditions.rt, u = z * f * v / rt
        return p * z * z * f * f * v / rt * (inside - outside * exp(-u)) / (1 - exp(-u))
    }

    /// The chord conductance at V_rest of the GHK current with the converted P is ḡ: I_GHK(V_rest) = ḡ·(V_rest − E).
    @Test(arguments: [(1.0, 4.4, 140.0), (1.0, 140.0, 2.5), (2.0, 1e-4, 2.0), (-1.0, 10.0, 120.0)])
    func chordConductanceAtRest(z: Double, inside: Double, outside: Double) {
        let g = 1200.0, vRest = -0.065  // 120 mS/cm² in S/m²
        let p = PermeationLaw.ghkPermeability(chordConductance: g, at: vRest, valence: z, inside: inside, outside: outside,
                                              thermalVoltage: Self.conditions.thermalVoltage, faraday: Self.conditions.faraday)
        let e = Self.conditions.rt / (z * Self.conditions.faraday) * log(outside / inside)
        let expected = g * (vRest - e)
        #expect(abs(Self.ghk(p, z: z, inside: inside, outside: outside, at: vRest) - expected) < 1e-10 * abs(expected))
    }

    /// With equal concentrations the GHK current is ohmic, I = (z²F²P·c/RT)·V: the converted P gives ḡ at every V
    /// (the single-ion limit where the two laws agree), in particular the slope at E = 0 is ḡ.
    @Test func symmetricConcentrationsAreOhmic() {
        let g = 360.0, c = 50.0
        let p = PermeationLaw.ghkPermeability(chordConductance: g, at: -0.065, valence: 1, inside: c, outside: c,
                                              thermalVoltage: Self.conditions.thermalVoltage, faraday: Self.conditions.faraday)
        for v in [-0.1, -0.03, 0.02, 0.08] {
            #expect(abs(Self.ghk(p, z: 1, inside: c, outside: c, at: v) - g * v) < 1e-9 * g * abs(v))
        }
        let h = 1e-6
        let slope = (Self.ghk(p, z: 1, inside: c, outside: c, at: h) - Self.ghk(p, z: 1, inside: c, outside: c, at: -h)) / (2 * h)
        #expect(abs(slope - g) < 1e-6 * g)
    }

    /// At E (chosen as the reference potential) the conversion uses the slope conductance: the GHK slope at E,
    /// (z²F²P/RT)·c_in·c_out·ln(c_out/c_in)/(c_out − c_in), equals ḡ; and the library's open-channel flux is zero at E.
    @Test func slopeConductanceAtReversal() {
        let g = 1200.0, inside = 4.4, outside = 140.0, f = Self.conditions.faraday, rt = Self.conditions.rt
        let e = rt / f * log(outside / inside)
        let p = PermeationLaw.ghkPermeability(chordConductance: g, at: e, valence: 1, inside: inside, outside: outside,
                                              thermalVoltage: Self.conditions.thermalVoltage, faraday: f)
        let slope = f * f * p / rt * inside * outside * log(outside / inside) / (outside - inside)
        #expect(abs(slope - g) < 1e-6 * g)
        #expect(abs(Self.ghk(p, z: 1, inside: inside, outside: outside, at: e)) < 1e-9 * g * 0.001)
    }

    /// Switching Na⁺ and K⁺ to GHK leaves the resting cell unchanged: at the start (−65 mV, gates at steady state)
    /// every derivative equals the ohmic cell's, as the chord conductance at rest is ḡ.
    @Test func restUnchangedBySwitch() throws {
        let ohmic = try ScenarioPreset.hodgkinHuxley1952(concentrations: .held).scenario()
        let switched = try ohmic.permeation([("Na", .ghk), ("K", .ghk)])
        #expect(switched.channelPermeations.map(\.mode) == [.ghk, .ghk])
        let a = try CellModel(ohmic), b = try CellModel(switched)
        #expect(a.initialState == b.initialState)
        var fa = [Double](repeating: 0, count: a.dimension), fb = fa
        a.derivatives(at: 0, state: a.initialState, into: &fa)
        b.derivatives(at: 0, state: b.initialState, into: &fb)
        for (x, y) in zip(fa, fb) { #expect(abs(x - y) <= 1e-9 * max(1e-6, abs(x))) }
    }

    /// GHK needs the concentrations: refused while E is fixed (NEURON's hh), naming the field.
    @Test func refusedWithFixedReversal() throws {
        #expect {
            _ = try Scenario.hodgkinHuxley1952().permeation([("Na", .ghk)])
        } throws: { error in
            guard case MembraneError.invalidValue(let field, let value, _) = error else { return false }
            return field == "permeation" && value == "Na=ghk"
        }
        #expect(throws: MembraneError.self) { _ = try Scenario.hodgkinHuxley1952(concentrations: .held).permeation([("Cl", .ghk)]) }
    }
}
