import Testing
import Foundation
import MembranePhysics
import MembraneChemistry
import MembraneUnits
import MembraneTestSupport
import PropertyBased

/// `planck` always converges on random electroneutral mixtures (2–14 ions, valences −3..+3, concentration
/// ratios up to 1000 between the sides) and its answer satisfies the original stationary Nernst–Planck
/// equations when they are integrated independently in x with an adaptive Runge–Kutta scheme.
@Suite("Planck junction robustness")
struct LJPRobustnessTests {
    /// Builds a random electroneutral junction from uniform numbers in [0, 1).
    static func mixture(_ u: [Double]) throws -> LiquidJunction {
        var next = 0
        func draw() -> Double { defer { next += 1 }; return u[next % u.count] }
        let valences = [-3, -2, -1, 1, 2, 3]
        let count = 2 + Int(draw() * 11.999)   // 2…13, plus up to 2 counter-ions below
        var pipette = try Solution(), bath = try Solution()
        var firstCation: Ion? = nil, firstAnion: Ion? = nil
        for k in 0..<count {
            var z = valences[Int(draw() * 5.999)]
            if k == 0 { z = abs(z) } else if k == 1 { z = -abs(z) }   // at least one cation and one anion
            let d = 0.3e-9 + draw() * 2.7e-9
            let ion = Ion(name: "X\(k)", charge: z, transport: .diffusion(d), transportSource: "user-supplied D")
            let cp = pow(10, -1 + draw() * 3.2)                 // 0.1 … 160 mM
            let ratio = pow(10, -3 + draw() * 6)                // 1/1000 … 1000
            try pipette.add(ion, .millimolar(cp))
            try bath.add(ion, .millimolar(max(cp * ratio, 1e-3)))
            if z > 0 && firstCation == nil { firstCation = ion }
            if z < 0 && firstAnion == nil { firstAnion = ion }
        }
        // Neutralise each side with monovalent counter-ions present on both sides.
        let plus = Ion(name: "Cplus", charge: 1, transport: .diffusion(1.5e-9), transportSource: "user-supplied D")
        let minus = Ion(name: "Aminus", charge: -1, transport: .diffusion(1.8e-9), transportSource: "user-supplied D")
        for side in 0..<2 {
            var s = side == 0 ? pipette : bath
            let q = s.chargeBalance
            try s.add(plus, .millimolar(max(-q, 0) + 1))
            try s.add(minus, .millimolar(max(q, 0) + 1))
            if side == 0 { pipette = s } else { bath = s }
        }
        return try LiquidJunction(pipette: pipette, bath: bath, conditions: conditions(celsius: 25))
    }

    @Test func convergesAndSatisfiesTheDifferentialEquations() async {
        await propertyCheck(count: 200, input: Gen.double(in: 0..<1).array(of: 64)) { numbers in
            let j = try Self.mixture(numbers)
            let r = try PlanckJunction.solve(j, options: .init(profilePoints: 3))
            let profile = try #require(r.profile)
            let vt = j.conditions.thermalVoltage
            // ĵ_i = J_i/D_i for a junction of unit length; ψ' = −Σ z·ĵ / Σ z²·c.
            let jhat = zip(profile.fluxes, j.species).map { $0.flux / $1.diffusion }
            let z = j.species.map { Double($0.ion.charge) }
            let a = zip(z, jhat).reduce(0) { $0 + $1.0 * $1.1 }
            let end = IndependentIntegrator.integrate(c0: j.species.map(\.pipette), z: z, jhat: jhat, a: a)
            let scale = j.species.reduce(0) { max($0, max($1.pipette, $1.bath)) }
            for (i, s) in j.species.enumerated() {
                #expect(abs(end.c[i] - s.bath) <= 1e-6 * scale, "ion \(s.ion.name): \(end.c[i]) vs \(s.bath)")
            }
            #expect(isClose(end.psi * vt * 1e3, r.potential.millivolts, within: 1e-5))
        }
    }
}

/// Adaptive RK4 with step doubling for dc_i/dx = −ĵ_i − z_i·c_i·ψ', ψ' = −A/Σ z²c on x ∈ [0, 1].
enum IndependentIntegrator {
    static func rhs(_ c: [Double], _ z: [Double], _ jhat: [Double], _ a: Double) -> ([Double], Double) {
        let sigma = zip(z, c).reduce(0) { $0 + $1.0 * $1.0 * $1.1 }
        let dpsi = -a / sigma
        return (c.indices.map { -jhat[$0] - z[$0] * c[$0] * dpsi }, dpsi)
    }

    static func step(_ c: [Double], _ psi: Double, _ h: Double, _ z: [Double], _ jhat: [Double], _ a: Double) -> ([Double], Double) {
        func add(_ x: [Double], _ k: [Double], _ f: Double) -> [Double] { zip(x, k).map { $0 + f * $1 } }
        let (k1, p1) = rhs(c, z, jhat, a)
        let (k2, p2) = rhs(add(c, k1, h / 2), z, jhat, a)
        let (k3, p3) = rhs(add(c, k2, h / 2), z, jhat, a)
        let (k4, p4) = rhs(add(c, k3, h), z, jhat, a)
        let cn = c.indices.map { c[$0] + h / 6 * (k1[$0] + 2 * k2[$0] + 2 * k3[$0] + k4[$0]) }
        return (cn, psi + h / 6 * (p1 + 2 * p2 + 2 * p3 + p4))
    }

    static func integrate(c0: [Double], z: [Double], jhat: [Double], a: Double) -> (c: [Double], psi: Double) {
        var x = 0.0, h = 1e-3, c = c0, psi = 0.0
        let scale = c0.map(abs).max() ?? 1
        while x < 1 {
            h = min(h, 1 - x)
            let (full, pf) = step(c, psi, h, z, jhat, a)
            let (half1, ph1) = step(c, psi, h / 2, z, jhat, a)
            let (half2, ph2) = step(half1, ph1, h / 2, z, jhat, a)
            let error = max(zip(full, half2).reduce(0) { max($0, abs($1.0 - $1.1)) } / scale, abs(pf - ph2))
            if error <= 1e-12 || h < 1e-9 {
                x += h
                c = half2.indices.map { half2[$0] + (half2[$0] - full[$0]) / 15 }   // Richardson
                psi = ph2 + (ph2 - pf) / 15
                if error < 1e-14 { h *= 2 }
            } else {
                h /= 2
            }
        }
        return (c, psi)
    }
}
