import Testing
import Foundation
import MembraneNumerics
import MembraneTestSupport
import PropertyBased

/// N independent van der Pol oscillators y₁″ − μₖ(1 − y₁²)y₁′ + y₁ = 0 as one system of 2N equations: a population of
/// independent cells in miniature.
struct Oscillators {
    let mu: [Double]
    let exact: Bool
    var dimension: Int { 2 * mu.count }

    func derivatives(_ y: [Double], _ dydt: inout [Double]) {
        for (k, m) in mu.enumerated() {
            dydt[2 * k] = y[2 * k + 1]
            dydt[2 * k + 1] = m * (1 - y[2 * k] * y[2 * k]) * y[2 * k + 1] - y[2 * k]
        }
    }

    /// Each block's entries, through `set(row, column, value)`.
    func jacobian(_ y: [Double], _ set: (Int, Int, Double) -> Void) {
        for (k, m) in mu.enumerated() {
            let a = 2 * k
            set(a, a, 0); set(a, a + 1, 1)
            set(a + 1, a, -2 * m * y[a] * y[a + 1] - 1); set(a + 1, a + 1, m * (1 - y[a] * y[a]))
        }
    }
}

/// The oscillators with a block-diagonal Jacobian (N blocks of 2 × 2).
struct BlockOscillators: ODESystem {
    let base: Oscillators
    init(mu: [Double], exact: Bool) { base = Oscillators(mu: mu, exact: exact) }
    var dimension: Int { base.dimension }
    var isAutonomous: Bool { true }
    func derivatives(at t: Double, state y: [Double], into dydt: inout [Double]) { base.derivatives(y, &dydt) }
    func makeJacobian() -> BlockDiagonalMatrix { BlockDiagonalMatrix(blockSize: 2, blockCount: base.mu.count) }
    func jacobian(at t: Double, state y: [Double], into j: inout BlockDiagonalMatrix) -> Bool {
        guard base.exact else { return false }
        base.jacobian(y) { j[$0, $1] = $2 }
        return true
    }
}

/// The same oscillators with a dense Jacobian.
struct DenseOscillators: ODESystem {
    let base: Oscillators
    init(mu: [Double], exact: Bool) { base = Oscillators(mu: mu, exact: exact) }
    var dimension: Int { base.dimension }
    var isAutonomous: Bool { true }
    func derivatives(at t: Double, state y: [Double], into dydt: inout [Double]) { base.derivatives(y, &dydt) }
    func jacobian(at t: Double, state y: [Double], into j: inout DenseMatrix) -> Bool {
        guard base.exact else { return false }
        base.jacobian(y) { j[$0, $1] = $2 }
        return true
    }
}

@Suite("Block-diagonal Jacobians")
struct BlockDiagonalTests {
    static let mu = [5.0, 10, 20, 40, 80]

    /// Every oscillator from y = (2, 0).
    static func run<S: ODESystem>(_ system: S, _ method: IntegrationMethod, end: Double) throws
        -> (t: [Double], y: [[Double]], stats: IntegratorStatistics) {
        let start = [Double]((0..<(system.dimension / 2)).map { _ in [2.0, 0.0] }.joined())
        switch method {
        case .rodas4:
            var i = try Integrator(system: system, start: 0, state: start, end: end,
                                   solver: RosenbrockSolver(relativeTolerance: 1e-8, absoluteTolerance: 1e-10))
            return integrate(&i)
        case .bdf:
            var i = try BDFIntegrator(system: system, start: 0, state: start, end: end,
                                      solver: BDFSolver(relativeTolerance: 1e-8, absoluteTolerance: 1e-10))
            return integrate(&i)
        case .auto:
            var i = try SwitchingIntegrator(system: system, start: 0, state: start, end: end,
                                            solver: BDFSolver(relativeTolerance: 1e-8, absoluteTolerance: 1e-10))
            return integrate(&i)
        }
    }

    /// With exact Jacobians the block-diagonal form takes exactly the steps of the dense form: partial pivoting never
    /// leaves a block (the entries outside are zero), so the two factorisations do the same arithmetic.
    @Test(arguments: IntegrationMethod.allCases)
    func blockAndDenseTakeTheSameSteps(method: IntegrationMethod) throws {
        let block = try Self.run(BlockOscillators(mu: Self.mu, exact: true), method, end: 200)
        let dense = try Self.run(DenseOscillators(mu: Self.mu, exact: true), method, end: 200)
        #expect(block.stats == dense.stats)
        #expect(block.t == dense.t)
        for (a, b) in zip(block.y.last!, dense.y.last!) { #expect(isClose(a, b, within: 1e-12 * max(1, abs(b)))) }
    }

    /// Without a Jacobian, finite differences perturb the k-th column of every block at once: 2 evaluations of f per
    /// Jacobian instead of 2N, and (the columns of a group sharing no row) the same Jacobian, so the same steps as the
    /// dense form's column-by-column differences.
    @Test(arguments: IntegrationMethod.allCases)
    func finiteDifferencesPerturbBlocksTogether(method: IntegrationMethod) throws {
        let block = try Self.run(BlockOscillators(mu: Self.mu, exact: false), method, end: 100)
        let dense = try Self.run(DenseOscillators(mu: Self.mu, exact: false), method, end: 100)
        #expect(block.t == dense.t)
        #expect(block.y.last! == dense.y.last!)
        #expect(block.stats.jacobianEvaluations == dense.stats.jacobianEvaluations)
        let saved = (2 * Self.mu.count - 2) * block.stats.jacobianEvaluations
        #expect(dense.stats.rhsEvaluations - block.stats.rhsEvaluations == saved)
    }

    /// The block factorisation solves E·x = b for random diagonally dominant blocks to round-off, as the dense LU of
    /// the same matrix does.
    @Test func factorisationSolvesToRoundOff() async {
        await propertyCheck(input: Gen.double(in: -1...1).array(of: 27), Gen.double(in: -10...10).array(of: 9)) { entries, b in
            var j = BlockDiagonalMatrix(blockSize: 3, blockCount: 3)
            var dense = DenseMatrix(size: 9)
            for k in 0..<3 {
                for r in 0..<3 {
                    for c in 0..<3 {
                        let v = entries[k * 9 + r * 3 + c] + (r == c ? 6 : 0)
                        j[3 * k + r, 3 * k + c] = v
                        dense[3 * k + r, 3 * k + c] = v
                    }
                }
            }
            // E = d·I − s·J with d = 2, s = 0.5.
            var lu = j.makeFactorization(activeDimension: 9)
            lu.factor(j, diagonal: 2, scale: 0.5)
            var x = b
            x.withUnsafeMutableBufferPointer { lu.solve($0.baseAddress!) }
            var e = DenseMatrix(size: 9)
            for r in 0..<9 { for c in 0..<9 { e[r, c] = (r == c ? 2 : 0) - 0.5 * dense[r, c] } }
            let residual = zip(e.multiplied(by: x), b).map { abs($0 - $1) }.max()!
            #expect(residual < 1e-12)
        }
    }
}
