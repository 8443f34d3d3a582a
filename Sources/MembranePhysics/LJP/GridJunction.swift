import MembraneUnits
import MembraneChemistry
import MembraneNumerics
import RealModule

/// The stationary Nernst–Planck junction on a grid: the engine behind `npp` (with Poisson's equation) and
/// behind activity-corrected `planck` (with electroneutrality and ion-specific activity coefficients).
///
/// Each ion's flux J_i = −D_i·c_i·(ln a_i + z_i·ψ)' = −D_i·(c_i' + c_i·w_i'), w_i = z_i·ψ + ln γ_i, is constant;
/// between nodes it is the Scharfetter–Gummel flux J = (D/h)·[B(Δw)·c_k − B(−Δw)·c_{k+1}], B(x) = x/(eˣ − 1),
/// exact when w is linear between nodes (Scharfetter & Gummel 1969, IEEE Trans. Electron Devices 16:64).
/// Interior nodes close the system with either Poisson's equation ψ'' = −κ²·Σ z_i·ĉ_i or electroneutrality
/// Σ z_i·c_i = 0; the ends hold the bulk compositions, ψ(0) = 0, and ψ(L) follows from zero current.
/// Newton's method with a banded Jacobian (ln γ derivatives by finite differences within each node) starts
/// from the ideal electroneutral (Planck) profile. The grid x = (1 − cos πs)/2 clusters nodes at both ends.
struct GridJunction {
    enum Closure {
        /// Poisson with κ² = L²·F²·c_ref/(ε·RT) in units of L, RT/F and c_ref.
        case poisson(kappa2: Double)
        case electroneutral
    }

    let z: [Double]
    let d: [Double]
    let pipette: [Double]
    let bath: [Double]
    let cRef: Double
    let closure: Closure
    /// ln γ_i from the concentrations (mM) of the species at a node; nil for ideal solutions.
    let logGamma: (([Double]) -> [Double])?
    let x: [Double]

    var n: Int { z.count }
    var block: Int { z.count + 1 }
    var nodes: Int { x.count }

    init(species: [LiquidJunction.Species], closure: Closure, logGamma: (([Double]) -> [Double])?, intervals: Int) {
        z = species.map { Double($0.ion.charge) }
        let dMax = species.map(\.diffusion).max() ?? 1
        d = species.map { $0.diffusion / dMax }
        let cRef = species.reduce(0.0) { max($0, max($1.pipette, $1.bath) * Double($1.ion.charge * $1.ion.charge)) }
        self.cRef = cRef
        pipette = species.map { $0.pipette / cRef }
        bath = species.map { $0.bath / cRef }
        self.closure = closure
        self.logGamma = logGamma
        x = (0...intervals).map { k in 0.5 * (1 - Double.cos(Double.pi * Double(k) / Double(intervals))) }
    }

    /// Scaled unknowns (ĉ, ψ per node) from an electroneutral profile, interpolated in x.
    func initialState(from profile: JunctionProfile, thermalVoltage vt: Double) -> [Double] {
        func interpolate(_ values: [Double], at xi: Double) -> Double {
            var hi = 1
            while hi < profile.x.count - 1 && profile.x[hi] < xi { hi += 1 }
            let lo = hi - 1, span = profile.x[hi] - profile.x[lo]
            let t = span > 0 ? (xi - profile.x[lo]) / span : 0
            return values[lo] + t * (values[hi] - values[lo])
        }
        var u = [Double](repeating: 0, count: nodes * block)
        let psi = profile.potential.map { $0.volts / vt }
        for k in 0..<nodes {
            for i in 0..<n { u[k * block + i] = max(interpolate(profile.concentrations[i].values, at: x[k]) / cRef, 0) }
            u[k * block + n] = interpolate(psi, at: x[k])
        }
        for i in 0..<n { u[i] = pipette[i]; u[(nodes - 1) * block + i] = bath[i] }
        u[n] = 0
        return u
    }

    /// ln γ at every node (zeros for ideal solutions).
    func logGammas(_ u: [Double]) -> [[Double]] {
        guard let logGamma else { return [[Double]](repeating: [Double](repeating: 0, count: n), count: nodes) }
        return (0..<nodes).map { k in logGamma((0..<n).map { max(u[k * block + $0], 0) * cRef }) }
    }

    /// ∂ ln γ_i/∂ĉ_j at every node, by forward differences.
    func logGammaJacobians(_ u: [Double], _ base: [[Double]]) -> [[Double]]? {
        guard let logGamma else { return nil }
        return (0..<nodes).map { k in
            let c = (0..<n).map { max(u[k * block + $0], 0) * cRef }
            var jac = [Double](repeating: 0, count: n * n)
            for j in 0..<n {
                var cj = c
                let h = 1e-7 * max(c[j], 1e-6 * cRef)
                cj[j] += h
                let lg = logGamma(cj)
                for i in 0..<n { jac[i * n + j] = (lg[i] - base[k][i]) / h * cRef }
            }
            return jac
        }
    }

    func flux(_ u: [Double], _ lg: [[Double]], _ i: Int, _ k: Int) -> Double {
        let h = x[k + 1] - x[k]
        let dw = z[i] * (u[(k + 1) * block + n] - u[k * block + n]) + lg[k + 1][i] - lg[k][i]
        return d[i] / h * (PoissonNernstPlanckJunction.bernoulli(dw) * u[k * block + i]
                           - PoissonNernstPlanckJunction.bernoulli(-dw) * u[(k + 1) * block + i])
    }

    func residual(_ u: [Double]) -> [Double] {
        let lg = logGammas(u)
        var r = [Double](repeating: 0, count: u.count)
        for i in 0..<n {
            r[i] = u[i] - pipette[i]
            r[(nodes - 1) * block + i] = u[(nodes - 1) * block + i] - bath[i]
        }
        r[n] = u[n]
        for k in 1..<(nodes - 1) {
            for i in 0..<n { r[k * block + i] = flux(u, lg, i, k - 1) - flux(u, lg, i, k) }
            var rho = 0.0
            for i in 0..<n { rho += z[i] * u[k * block + i] }
            switch closure {
            case .poisson(let kappa2):
                let hm = x[k] - x[k - 1], hp = x[k + 1] - x[k]
                let psi = { (j: Int) in u[j * block + self.n] }
                r[k * block + n] = 2 / (hm + hp) * ((psi(k + 1) - psi(k)) / hp - (psi(k) - psi(k - 1)) / hm) + kappa2 * rho
            case .electroneutral:
                r[k * block + n] = rho
            }
        }
        var current = 0.0
        for i in 0..<n { current += z[i] * flux(u, lg, i, nodes - 2) }
        r[(nodes - 1) * block + n] = current
        return r
    }

    func jacobian(_ u: [Double]) -> BandedMatrix {
        let lg = logGammas(u)
        let dlg = logGammaJacobians(u, lg)
        var m = BandedMatrix(size: u.count, lower: 2 * block - 1, upper: 2 * block - 1)
        for i in 0..<n {
            m.add(i, i, 1)
            m.add((nodes - 1) * block + i, (nodes - 1) * block + i, 1)
        }
        m.add(n, n, 1)
        /// Adds sign·∂J_{i,k+1/2}/∂(unknowns) to `row`.
        func addFlux(row: Int, i: Int, k: Int, sign: Double) {
            let h = x[k + 1] - x[k]
            let dw = z[i] * (u[(k + 1) * block + n] - u[k * block + n]) + lg[k + 1][i] - lg[k][i]
            let ck = u[k * block + i], ck1 = u[(k + 1) * block + i]
            let s = sign * d[i] / h
            let b = PoissonNernstPlanckJunction.bernoulli(dw), bm = PoissonNernstPlanckJunction.bernoulli(-dw)
            m.add(row, k * block + i, s * b)
            m.add(row, (k + 1) * block + i, -s * bm)
            let dDw = s * (PoissonNernstPlanckJunction.bernoulliDerivative(dw) * ck
                           + PoissonNernstPlanckJunction.bernoulliDerivative(-dw) * ck1)
            m.add(row, (k + 1) * block + n, dDw * z[i])
            m.add(row, k * block + n, -dDw * z[i])
            if let dlg {
                for j in 0..<n {
                    if k > 0 { m.add(row, k * block + j, -dDw * dlg[k][i * n + j]) }
                    if k + 1 < nodes - 1 { m.add(row, (k + 1) * block + j, dDw * dlg[k + 1][i * n + j]) }
                }
            }
        }
        for k in 1..<(nodes - 1) {
            for i in 0..<n {
                addFlux(row: k * block + i, i: i, k: k - 1, sign: 1)
                addFlux(row: k * block + i, i: i, k: k, sign: -1)
            }
            let row = k * block + n
            switch closure {
            case .poisson(let kappa2):
                let hm = x[k] - x[k - 1], hp = x[k + 1] - x[k], w = 2 / (hm + hp)
                m.add(row, (k + 1) * block + n, w / hp)
                m.add(row, k * block + n, -w / hp - w / hm)
                m.add(row, (k - 1) * block + n, w / hm)
                for i in 0..<n { m.add(row, k * block + i, kappa2 * z[i]) }
            case .electroneutral:
                for i in 0..<n { m.add(row, k * block + i, z[i]) }
            }
        }
        for i in 0..<n { addFlux(row: (nodes - 1) * block + n, i: i, k: nodes - 2, sign: z[i]) }
        return m
    }

    /// Newton with backtracking; converged when a step no longer changes any scaled unknown.
    func solve(from start: [Double], maximumIterations: Int = 50) throws -> (u: [Double], iterations: Int, residual: Double) {
        func norm(_ r: [Double]) -> Double { r.reduce(0) { max($0, abs($1)) } }
        var u = start, r = residual(u)
        var iterations = 0, lastStep = Double.infinity
        let hMin = zip(x.dropFirst(), x).map { $0 - $1 }.min() ?? 1
        var kappa2 = 0.0
        if case .poisson(let k) = closure { kappa2 = k }
        // A residual at the round-off floor of its largest terms (D/h·c, ψ/h², κ²·c) cannot decrease further.
        let roundOffFloor = 1e-11 * ((d.max() ?? 1) / hMin + 1 / (hMin * hMin) + kappa2)
        while lastStep > 1e-12 && iterations < maximumIterations {
            iterations += 1
            guard let step = jacobian(u).solve(r.map { -$0 }) else {
                throw MembraneError.noConvergence(method: "Nernst–Planck junction on a grid", iterations: iterations,
                                                  residual: norm(r), detail: "singular Jacobian")
            }
            let size = norm(step), current = norm(r)
            var lambda = 1.0, accepted = false
            while lambda > 1e-4 {
                let trial = zip(u, step).map { $0 + lambda * $1 }
                let rt = residual(trial)
                if norm(rt) < (1 - 1e-4 * lambda) * current || size * lambda < 1e-12 {
                    u = trial; r = rt; accepted = true; break
                }
                lambda /= 2
            }
            lastStep = accepted ? size * lambda : (size < 1e-9 || current <= roundOffFloor ? 0 : .infinity)
            if !accepted { break }
        }
        guard lastStep <= 1e-9 else {
            throw MembraneError.noConvergence(method: "Nernst–Planck junction on a grid", iterations: iterations,
                                              residual: norm(r), detail: "Newton stalled")
        }
        return (u, iterations, norm(r))
    }

    /// The profile of a solved state in physical units.
    func profile(_ u: [Double], species: [LiquidJunction.Species], thermalVoltage vt: Double) -> JunctionProfile {
        let lg = logGammas(u)
        let dMax = species.map(\.diffusion).max() ?? 1
        return JunctionProfile(
            x: x, potential: (0..<nodes).map { .volts(u[$0 * block + n] * vt) },
            concentrations: (0..<n).map { i in (species[i].ion.name, (0..<nodes).map { u[$0 * block + i] * cRef }) },
            fluxes: (0..<n).map { i in (species[i].ion.name, flux(u, lg, i, nodes / 2) * dMax * cRef) })
    }

    func potential(_ u: [Double]) -> Double { u[(nodes - 1) * block + n] }
}
