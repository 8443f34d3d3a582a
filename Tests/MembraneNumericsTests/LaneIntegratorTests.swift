import Testing
import Foundation
import MembraneNumerics
import MembraneTestSupport

/// The vector exponentials and logarithm against the C library's (glibc, correctly rounded to < 1 ulp), lane by lane,
/// over the whole range where e^x is a normal number.
@Suite("Lane math")
struct LaneMathTests {
    static func ulps(_ a: Double, _ b: Double) -> Double { a == b ? 0 : abs(a - b) / b.ulp }

    static var samples: [Double] {
        var xs: [Double] = []
        var state: UInt64 = 0x9e37_79b9_7f4a_7c15
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for scale in [700.0, 30, 2, 0.35, 1e-3, 1e-9] {
            for _ in 0..<4000 { xs.append((2 * next() - 1) * scale) }
        }
        xs += [0, -0.0, 0.5 * log(2.0), -0.5 * log(2.0), 709.4, -708.3]
        while xs.count % 4 != 0 { xs.append(1) }
        return xs
    }

    @Test func expWithinTwoUlpsExpm1WithinFour() {
        let xs = Self.samples
        var worstExp = 0.0, worstExpm1 = 0.0
        for i in stride(from: 0, to: xs.count, by: 4) {
            let v = SIMD4(xs[i], xs[i + 1], xs[i + 2], xs[i + 3])
            let e = LaneMath.exp(v), m = LaneMath.expm1(v)
            for l in 0..<4 {
                worstExp = max(worstExp, Self.ulps(e[l], Foundation.exp(v[l])))
                worstExpm1 = max(worstExpm1, Self.ulps(m[l], Foundation.expm1(v[l])))
            }
        }
        #expect(worstExp <= 2, "exp: \(worstExp) ulp")
        #expect(worstExpm1 <= 4, "expm1: \(worstExpm1) ulp")
        // Exact where the result is exact.
        #expect(LaneMath.exp(SIMD2<Double>(0, 1)) [0] == 1)
        #expect(LaneMath.expm1(SIMD2<Double>(0, 1e-300))[1] == 1e-300)
    }

    @Test func logWithinThreeUlps() {
        var worst = 0.0
        for x in Self.samples where x != 0 {
            for a in [abs(x), Foundation.exp(x / 2), 1 + abs(x) / 1000] {
                let r = LaneMath.log(SIMD2(a, 1))[0], reference = Foundation.log(a)
                worst = max(worst, reference == 0 ? abs(r) : Self.ulps(r, reference))
            }
        }
        #expect(worst <= 3, "log: \(worst) ulp")
        #expect(LaneMath.log(SIMD2<Double>(1, 2))[0] == 0)
    }
}

/// Independent test problems, one per lane with its own parameter: y′ = −λy and the harmonic oscillator
/// (y₁′ = ωy₂, y₂′ = −ωy₁), against their closed forms.
struct DecayAndOscillator: LaneODESystem {
    typealias Lanes = SIMD4<Double>
    var lambda: Lanes
    var omega: Lanes
    var dimension: Int { 3 }
    func derivatives(at t: Lanes, state y: UnsafePointer<Lanes>, into dydt: UnsafeMutablePointer<Lanes>) {
        dydt[0] = -lambda * y[0]
        dydt[1] = omega * y[2]
        dydt[2] = -omega * y[1]
    }
}

@Suite("Dormand–Prince 5(4) in SIMD lanes")
struct LaneDormandPrinceTests {
    typealias D = DormandPrince54

    /// The order conditions of an order-5 method (Butcher; Hairer, Nørsett & Wanner I, §II.2 Table 2.2, the
    /// quadrature conditions Σbᵢcᵢ^(q−1) = 1/q for q ≤ 5 and the two-stage ones), cᵢ = Σⱼ aᵢⱼ, and Σeᵢ = 0 (both
    /// weights integrate constants exactly).
    @Test func tableauSatisfiesOrderConditions() {
        let c = [0, D.c2, D.c3, D.c4, D.c5, 1.0, 1.0]
        let a: [[Double]] = [[], [D.a21], [D.a31, D.a32], [D.a41, D.a42, D.a43], [D.a51, D.a52, D.a53, D.a54],
                             [D.a61, D.a62, D.a63, D.a64, D.a65], [D.a71, 0, D.a73, D.a74, D.a75, D.a76]]
        for i in 1..<7 { #expect(isClose(a[i].reduce(0, +), c[i], within: 1e-15), "row \(i)") }
        let b = a[6] + [0]
        for q in 1...5 {
            let s = zip(b, c).map { $0 * pow($1, Double(q - 1)) }.reduce(0, +)
            #expect(isClose(s, 1 / Double(q), within: 1e-15), "Σ b c^\(q - 1)")
        }
        // Σᵢ bᵢ Σⱼ aᵢⱼ cⱼ = 1/6 and Σᵢ bᵢ cᵢ Σⱼ aᵢⱼ cⱼ = 1/8, Σᵢ bᵢ Σⱼ aᵢⱼ cⱼ² = 1/12.
        var s6 = 0.0, s8 = 0.0, s12 = 0.0
        for i in 0..<7 {
            let ac = a[i].enumerated().map { $0.element * c[$0.offset] }.reduce(0, +)
            let ac2 = a[i].enumerated().map { $0.element * c[$0.offset] * c[$0.offset] }.reduce(0, +)
            s6 += b[i] * ac; s8 += b[i] * c[i] * ac; s12 += b[i] * ac2
        }
        #expect(isClose(s6, 1.0 / 6, within: 1e-15))
        #expect(isClose(s8, 1.0 / 8, within: 1e-15))
        #expect(isClose(s12, 1.0 / 12, within: 1e-15))
        #expect(isClose(D.e1 + D.e3 + D.e4 + D.e5 + D.e6 + D.e7, 0, within: 1e-16))
    }

    static func run(rtol: Double, lanes lambda: SIMD4<Double>, omega: SIMD4<Double>, end: Double)
        throws -> (state: [[Double]], integrator: LaneDormandPrince<DecayAndOscillator>) {
        var integrator = try LaneDormandPrince(system: DecayAndOscillator(lambda: lambda, omega: omega),
                                               solver: DormandPrinceSolver(relativeTolerance: rtol, absoluteTolerances: [1e-14, 1e-14, 1e-14]))
        for lane in 0..<4 { integrator.start(lane: lane, at: 0, state: [1, 0, 1], end: end) }
        var steps = 0
        while any(integrator.active) {
            _ = integrator.step()
            steps += 1
            if steps > 1_000_000 { break }
        }
        return ((0..<4).map { integrator.state(lane: $0) }, integrator)
    }

    /// Each lane reaches its closed form y₀ = e^{−λt}, y₁ = sin ωt, y₂ = cos ωt at its own rate; the error shrinks with
    /// the tolerance (tolerance proportionality: 1e-6 → 1e-10 gains at least two orders).
    @Test func lanesMatchClosedForms() throws {
        let lambda = SIMD4<Double>(0.5, 1, 2, 4), omega = SIMD4<Double>(1, 3, 10, 30)
        var errors: [Double] = []
        for rtol in [1e-6, 1e-10] {
            let (states, integrator) = try Self.run(rtol: rtol, lanes: lambda, omega: omega, end: 5)
            var worst = 0.0
            for lane in 0..<4 {
                #expect(integrator.time[lane] == 5)
                let exact = [Foundation.exp(-lambda[lane] * 5), Foundation.sin(omega[lane] * 5), Foundation.cos(omega[lane] * 5)]
                for i in 0..<3 { worst = max(worst, abs(states[lane][i] - exact[i])) }
            }
            errors.append(worst)
            #expect(integrator.failures.allSatisfy { $0 == nil })
        }
        #expect(errors[0] < 1e-4, "\(errors)")
        #expect(errors[1] < 1e-8, "\(errors)")
        #expect(errors[1] < errors[0] / 100, "\(errors)")
    }

    /// A lane stepping alone gives the same result as in company: lanes never mix (each lane's steps depend only on
    /// its own state).
    @Test func lanesAreIndependent() throws {
        let together = try Self.run(rtol: 1e-8, lanes: SIMD4(0.5, 1, 2, 4), omega: SIMD4(1, 3, 10, 30), end: 3).state
        let alone = try Self.run(rtol: 1e-8, lanes: SIMD4(repeating: 2), omega: SIMD4(repeating: 10), end: 3).state
        #expect(together[2] == alone[0])
    }

    /// The dense output of every accepted step matches the closed form inside the step, to the order of the method,
    /// and locates the zeros of sin ωt (at kπ/ω) to 1e-9.
    @Test func denseOutputLocatesCrossings() throws {
        let omega = 3.0
        var integrator = try LaneDormandPrince(system: DecayAndOscillator(lambda: SIMD4(repeating: 1), omega: SIMD4(repeating: omega)),
                                               solver: DormandPrinceSolver(relativeTolerance: 1e-10, absoluteTolerances: [1e-12, 1e-12, 1e-12]))
        integrator.start(lane: 1, at: 0, state: [1, 0, 1], end: 10)
        var crossings: [Double] = [], worst = 0.0
        while any(integrator.active) {
            let outcome = integrator.step()
            guard outcome.accepted[1] else { continue }
            let p = integrator.interpolant(lane: 1, component: 1)
            let mid = p.start + 0.37 * p.step
            worst = max(worst, abs(p.value(at: mid) - Foundation.sin(omega * mid)))
            let y0 = p.value(atFraction: 0), y1 = p.value(atFraction: 1)
            if (y0 < 0) != (y1 < 0), let t = p.crossing(of: 0) { crossings.append(t) }
        }
        #expect(worst < 1e-9, "dense output error \(worst)")
        let expected = (1...9).map { Double($0) * Double.pi / omega }
        #expect(crossings.count == expected.count)
        for (t, e) in zip(crossings, expected) { #expect(isClose(t, e, within: 1e-9), "\(t) vs \(e)") }
    }

    /// A lane started again (a new system in a finished lane) integrates from its new start; inactive lanes stay put.
    @Test func restartAndInactiveLanes() throws {
        var integrator = try LaneDormandPrince(system: DecayAndOscillator(lambda: SIMD4(repeating: 1), omega: SIMD4(repeating: 1)),
                                               solver: DormandPrinceSolver(relativeTolerance: 1e-10, absoluteTolerances: [1e-14, 1e-14, 1e-14]))
        integrator.start(lane: 0, at: 0, state: [1, 0, 1], end: 1)
        var finishedOnce = false
        while any(integrator.active) {
            let outcome = integrator.step()
            if outcome.finished[0] && !finishedOnce {
                finishedOnce = true
                #expect(isClose(integrator.state(lane: 0, component: 0), Foundation.exp(-1), within: 1e-9))
                integrator.start(lane: 0, at: 2, state: [2, 0, 1], end: 4)
            }
        }
        #expect(isClose(integrator.state(lane: 0, component: 0), 2 * Foundation.exp(-2), within: 1e-9))
        #expect(integrator.state(lane: 3) == [0, 0, 0])
        #expect(integrator.time[0] == 4)
    }

    @Test func badSettingsAreRejected() {
        let system = DecayAndOscillator(lambda: SIMD4(repeating: 1), omega: SIMD4(repeating: 1))
        #expect(throws: IntegratorSetupError.self) {
            _ = try LaneDormandPrince(system: system, solver: DormandPrinceSolver(relativeTolerance: 0, absoluteTolerances: [1, 1, 1]))
        }
        #expect(throws: IntegratorSetupError.self) {
            _ = try LaneDormandPrince(system: system, solver: DormandPrinceSolver(relativeTolerance: 1e-6, absoluteTolerances: [1, 1]))
        }
    }
}
