import MembraneUnits
import MembraneChemistry
import MembraneNumerics
import RealModule

/// The exact stationary, electroneutral Nernst–Planck junction (Planck 1890, Ann. Phys. 276:161; the
/// model LJPcalc solves approximately, Marino et al. 2014, arXiv:1403.3640), for any mixture and valences.
///
/// Between the pipette (x = 0) and the bath (x = 1), each ion carries a constant flux
/// J_i = −D_i·(c_i' + z_i·c_i·ψ'), ψ = Fφ/RT, with Σ z_i·c_i = 0 everywhere and Σ z_i·J_i = 0 (no current).
/// Electroneutrality gives ψ' = −A/σ, with j_i = J_i/D_i, A = Σ z_k·j_k and σ = Σ z_k²·c_k.
///
/// **Exact reduction.** With the new variable τ, dx/dτ = σ, the potential becomes linear, ψ = −A·τ, and
/// the profile obeys the *linear, constant-coefficient* system dc_i/dτ = A·z_i·c_i − j_i·s, s = Σ z_k²·c_k.
/// Because the domain length drops out of the potential (scaling symmetry), τ runs over [0, 1] and the
/// LJP is exactly V_L = −(RT/F)·A. Writing G_v = ∫₀¹ e^{A·v·(1−t)}·s(t) dt for each valence v present,
///
///     c_i(1) = e^{A·z_i}·c_i^P − j_i·G_{z_i} = c_i^S   ⇒   j_i = (e^{A·z_i}·c_i^P − c_i^S)/G_{z_i}
///
/// so the unknowns reduce to A and one G per valence (at most 7 numbers for 14 ions). The valence
/// totals C_v = Σ_{z_i=v} c_i and the G_v(τ) obey a linear system of size 2k, integrated *exactly* by
/// the action of its matrix exponential; Newton's method on (A, ln G_v) with a finite-difference
/// Jacobian and backtracking, started from Henderson's potential, solves zero current and consistency
/// of the G_v to ~1e-15, with continuation in the bath composition as a fallback. The result satisfies
/// both boundary compositions by construction and carries per-ion shares −(RT/F)·z_i·j_i of V_L.
public enum PlanckJunction {
    /// Solver settings.
    public struct Options: Sendable {
        /// Convergence: max-norm of the scaled residual.
        public var tolerance = 1e-14
        /// Newton iterations allowed before continuation takes over.
        public var maximumIterations = 60
        /// Points of the returned profile (0: no profile).
        public var profilePoints = 0
        /// Settings with the given tolerance, iteration limit and profile resolution.
        public init(tolerance: Double = 1e-14, maximumIterations: Int = 60, profilePoints: Int = 0) {
            self.tolerance = tolerance
            self.maximumIterations = maximumIterations
            self.profilePoints = profilePoints
        }
    }

    /// The numbers the solver works with (concentrations scaled to O(1)).
    struct Problem {
        var z: [Int]
        var d: [Double]
        var p: [Double]
        var b: [Double]
        /// Distinct valences, and each ion's index into them.
        var valences: [Int]
        var group: [Int]
        var scale: Double

        init(_ species: [LiquidJunction.Species]) {
            z = species.map { $0.ion.charge }
            let dMax = species.map(\.diffusion).max() ?? 1
            d = species.map { $0.diffusion / dMax }
            let sigmaP = species.reduce(0) { $0 + Double($1.ion.charge * $1.ion.charge) * $1.pipette }
            let sigmaS = species.reduce(0) { $0 + Double($1.ion.charge * $1.ion.charge) * $1.bath }
            let scale = max(sigmaP, sigmaS)
            self.scale = scale
            p = species.map { $0.pipette / scale }
            b = species.map { $0.bath / scale }
            let valences = Array(Set(z)).sorted()
            self.valences = valences
            group = z.map { zi in valences.firstIndex(of: zi)! }
        }

        var sigmaP: Double { zip(z, p).reduce(0) { $0 + Double($1.0 * $1.0) * $1.1 } }
        var sigmaS: Double { zip(z, b).reduce(0) { $0 + Double($1.0 * $1.0) * $1.1 } }
        var k: Int { valences.count }

        /// Scaled fluxes j_i for unknowns y = (A, ln G_v...).
        func fluxes(_ y: [Double]) -> [Double] {
            (0..<z.count).map { i in
                (Double.exp(y[0] * Double(z[i])) * p[i] - b[i]) / Double.exp(y[1 + group[i]])
            }
        }

        /// The 2k(+1) × 2k(+1) generator of (C_v, G_v[, X]) for given A and fluxes.
        func generator(a: Double, j: [Double], withPosition: Bool) -> (matrix: [Double], size: Int) {
            let k = self.k
            let n = 2 * k + (withPosition ? 1 : 0)
            var m = [Double](repeating: 0, count: n * n)
            var jv = [Double](repeating: 0, count: k)
            for i in 0..<z.count { jv[group[i]] += j[i] }
            for (vi, v) in valences.enumerated() {
                let av = a * Double(v)
                m[vi * n + vi] += av
                m[(k + vi) * n + (k + vi)] += av
                for (ui, u) in valences.enumerated() {
                    let u2 = Double(u * u)
                    m[vi * n + ui] -= jv[vi] * u2      // C_v' = A·v·C_v − J_v·s
                    m[(k + vi) * n + ui] += u2         // G_v' = A·v·G_v + s
                }
            }
            if withPosition {
                for (ui, u) in valences.enumerated() { m[(2 * k) * n + ui] = Double(u * u) }  // X' = s
            }
            return (m, n)
        }

        func initialState(withPosition: Bool) -> [Double] {
            var u = [Double](repeating: 0, count: 2 * k + (withPosition ? 1 : 0))
            for i in 0..<z.count { u[group[i]] += p[i] }
            return u
        }

        /// Residuals: consistency of each ln G_v, and zero current.
        func residual(_ y: [Double]) -> [Double]? {
            let j = fluxes(y)
            guard j.allSatisfy(\.isFinite) else { return nil }
            let (m, n) = generator(a: y[0], j: j, withPosition: false)
            guard let u1 = MatrixExponentialAction.apply(m, n: n, to: initialState(withPosition: false)) else { return nil }
            var r = [Double](repeating: 0, count: k + 1)
            var current = 0.0
            for i in 0..<z.count { current += Double(z[i]) * d[i] * j[i] }
            r[0] = current
            for v in 0..<k {
                let g = u1[k + v]
                guard g > 0, g.isFinite else { return nil }
                r[1 + v] = Double.log(g) - y[1 + v]
            }
            return r
        }
    }

    /// V_L by the exact stationary Nernst–Planck solution (Planck 1890); throws for a non-electroneutral side or when neither Newton nor continuation converges.
    public static func solve(_ junction: LiquidJunction, options: Options = Options()) throws -> JunctionResult {
        try junction.requireElectroneutral()
        let problem = Problem(junction.species)
        let henderson = HendersonJunction.solve(junction)
        let vt = junction.conditions.thermalVoltage
        var iterations = 0
        let guess = initialGuess(problem, hendersonPsi: henderson.potential.volts / vt)
        var solution = newton(problem, from: guess, options: options, iterations: &iterations)
        if solution == nil {
            solution = continuation(problem, options: options, iterations: &iterations)
        }
        guard let (y, residual) = solution else {
            throw MembraneError.noConvergence(method: "Planck junction (Newton with continuation)", iterations: iterations,
                                              residual: .nan, detail: "no stationary electroneutral profile found")
        }
        let j = problem.fluxes(y)
        let contributions = junction.species.indices.map { i -> (name: String, potential: Voltage) in
            (junction.species[i].ion.name, .volts(-vt * Double(problem.z[i]) * j[i]))
        }
        let profile = try makeProfile(problem, y: y, points: options.profilePoints > 1 ? options.profilePoints : 17, junction: junction)
        return JunctionResult(method: .planck, potential: .volts(-vt * y[0]), contributions: contributions,
                              iterations: iterations, residual: residual,
                              profile: options.profilePoints > 0 ? profile : nil, notes: junction.notes,
                              conditions: junction.conditions)
    }

    /// A from Henderson; G_v from a geometric σ profile s(τ) = σ_P^{1−τ}·σ_S^τ:
    /// G_v = ∫₀¹ e^{A·v·(1−t)}·s(t) dt = σ_S·(e^β − 1)/β, β = A·v + ln(σ_P/σ_S).
    static func initialGuess(_ problem: Problem, hendersonPsi: Double) -> [Double] {
        let a = -hendersonPsi
        let sp = problem.sigmaP, ss = problem.sigmaS
        var y = [a]
        for v in problem.valences {
            let beta = a * Double(v) + Double.log(sp / ss)
            let factor = abs(beta) < 1e-8 ? 1 + beta / 2 : Double.expMinusOne(beta) / beta
            y.append(Double.log(ss * factor))
        }
        return y
    }

    static func norm(_ r: [Double]) -> Double { r.reduce(0) { max($0, abs($1)) } }

    /// Damped Newton with a finite-difference Jacobian; nil if it does not converge.
    static func newton(_ problem: Problem, from start: [Double], options: Options,
                       iterations: inout Int) -> ([Double], Double)? {
        var y = start
        guard var r = problem.residual(y) else { return nil }
        let n = y.count
        for _ in 0..<options.maximumIterations {
            let current = norm(r)
            if current <= options.tolerance { return (y, current) }
            iterations += 1
            var jacobian = [Double](repeating: 0, count: n * n)
            for c in 0..<n {
                let h = 1e-7 * max(1, abs(y[c]))
                var yh = y
                yh[c] += h
                guard let rh = problem.residual(yh) else { return nil }
                for row in 0..<n { jacobian[row * n + c] = (rh[row] - r[row]) / h }
            }
            var matrix = DenseMatrix(size: n)
            matrix.storage = jacobian
            let lu = LUDecomposition(matrix)
            guard !lu.isSingular else { return nil }
            let step = lu.solving(r.map { -$0 })
            guard step.allSatisfy(\.isFinite) else { return nil }
            var lambda = 1.0
            var accepted = false
            while lambda >= 1.0 / 1024 {
                let trial = zip(y, step).map { $0 + lambda * $1 }
                if let rt = problem.residual(trial), norm(rt) < (1 - 1e-4 * lambda) * current || norm(rt) <= options.tolerance {
                    y = trial
                    r = rt
                    accepted = true
                    break
                }
                lambda /= 2
            }
            if !accepted {
                // Round-off floor: accept a residual that can no longer be reduced if it is already tiny.
                return current <= 1e3 * options.tolerance ? (y, current) : nil
            }
        }
        let final = norm(r)
        return final <= 1e3 * options.tolerance ? (y, final) : nil
    }

    /// Continuation in the bath composition: c_S(λ) = (1 − λ)·c_P + λ·c_S, from the trivial junction at λ = 0.
    static func continuation(_ problem: Problem, options: Options, iterations: inout Int) -> ([Double], Double)? {
        var y = [0.0] + problem.valences.map { _ in Double.log(problem.sigmaP) }
        var lambda = 0.0, step = 0.125
        var result: ([Double], Double)? = nil
        while lambda < 1 {
            let next = min(1, lambda + step)
            var stage = problem
            stage.b = zip(problem.p, problem.b).map { (1 - next) * $0 + next * $1 }
            if let solved = newton(stage, from: y, options: options, iterations: &iterations) {
                y = solved.0
                lambda = next
                result = solved
                step = min(0.5, step * 1.5)
            } else {
                step /= 2
                if step < 1e-4 { return nil }
            }
        }
        return result
    }

    /// Samples the profile at `points` values of τ; checks every concentration stays ≥ 0.
    static func makeProfile(_ problem: Problem, y: [Double], points: Int,
                            junction: LiquidJunction) throws -> JunctionProfile {
        let a = y[0]
        let j = problem.fluxes(y)
        let (m, n) = problem.generator(a: a, j: j, withPosition: true)
        let u0 = problem.initialState(withPosition: true)
        let k = problem.k
        // March with one propagator exp(Δτ·B): each application is a single short Taylor series.
        var taus: [Double] = [0]
        var states: [[Double]] = [u0]
        let dt = 1 / Double(points - 1)
        for step in 1..<points {
            guard let state = MatrixExponentialAction.apply(m, n: n, t: dt, to: states[step - 1]) else {
                throw MembraneError.noConvergence(method: "Planck junction", iterations: 0, residual: .nan,
                                                  detail: "the profile of the solution could not be evaluated")
            }
            taus.append(Double(step) * dt)
            states.append(state)
        }
        let length = states.last![2 * k]
        let vt = junction.conditions.thermalVoltage
        var concentrations: [(name: String, values: [Double])] = []
        for i in problem.z.indices {
            let values = zip(taus, states).map { tau, u -> Double in
                (Double.exp(a * Double(problem.z[i]) * tau) * problem.p[i] - j[i] * u[k + problem.group[i]]) * problem.scale
            }
            let floor = -1e-9 * problem.scale
            guard values.allSatisfy({ $0 >= floor }) else {
                throw MembraneError.noConvergence(method: "Planck junction", iterations: 0, residual: values.min() ?? .nan,
                    detail: "the solution found has a negative concentration of \(junction.species[i].ion.name) inside the junction")
            }
            concentrations.append((junction.species[i].ion.name, values.map { max($0, 0) }))
        }
        let dMax = junction.species.map(\.diffusion).max() ?? 1
        return JunctionProfile(
            x: states.map { $0[2 * k] / length },
            potential: taus.map { .volts(-vt * a * $0) },
            concentrations: concentrations,
            fluxes: problem.z.indices.map { (junction.species[$0].ion.name, j[$0] * problem.d[$0] * dMax * problem.scale * length) })
    }
}
