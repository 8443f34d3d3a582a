import Testing
import Foundation
import MembraneNumerics
import MembraneTestSupport
import PropertyBased

@Suite("Root finding")
struct BrentTests {
    /// Wallis's cubic x³ − 2x − 5 (the classic test of Newton's method) has its real root at
    /// 2.0945514815423265 (Whittaker & Robinson, The Calculus of Observations, §44).
    @Test func wallisCubic() throws {
        let r = try #require(BrentRootFinder().root(in: 2, 3) { x in x * x * x - 2 * x - 5 })
        #expect(r.converged)
        #expect(isClose(r.root, 2.0945514815423265, within: 1e-14))
    }

    /// The Dottie number, the fixed point of cos: 0.7390851332151607.
    @Test func dottieNumber() throws {
        let r = try #require(BrentRootFinder().root(in: 0, 1) { x in cos(x) - x })
        #expect(isClose(r.root, 0.7390851332151607, within: 1e-15))
    }

    @Test func noSignChangeGivesNil() {
        #expect(BrentRootFinder().root(in: 0, 1) { x in x * x + 1 } == nil)
    }

    /// Any root a of (x − a)·(1 + x²) inside the bracket is found to round-off.
    @Test func findsPlantedRoots() async {
        await propertyCheck(input: Gen.double(in: -50...50)) { a in
            let r = BrentRootFinder().root(in: -100, 100) { x in (x - a) * (1 + x * x) }
            #expect(r.map { isClose($0.root, a, within: 1e-12 * max(1, abs(a))) } == true)
        }
    }

    @Test func bracketExpanderFindsASignChangeOutsideTheGuess() throws {
        let expander = BracketExpander(lowerLimit: -1000, upperLimit: 1000)
        let (a, b) = try #require(expander.bracket(around: 0, 1) { x in x - 300 })
        #expect(a <= 300 && b >= 300)
        #expect(expander.bracket(around: 0, 1) { _ in 1 } == nil)
    }
}

@Suite("Gauss–Legendre quadrature")
struct GaussLegendreTests {
    /// An n-point rule integrates x^(2n−2) exactly: ∫₋₁¹ x^46 dx = 2/47; weights sum to 2.
    @Test func exactForPolynomials() {
        let rule = GaussLegendre.nodes24
        let integral = rule.reduce(0) { $0 + $1.1 * pow($1.0, 46) }
        #expect(abs(integral - 2.0 / 47) < 1e-13)
        #expect(abs(rule.reduce(0) { $0 + $1.1 } - 2) < 1e-13)
    }
}
