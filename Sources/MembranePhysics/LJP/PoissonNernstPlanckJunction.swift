import MembraneUnits
import MembraneChemistry
import MembraneNumerics
import RealModule

/// The stationary Poisson–Nernst–Planck junction of finite length L between two bulk solutions.
///
///     J_i = −D_i·(c_i' + z_i·c_i·ψ')  (constant in x),   ψ'' = −(F²/(ε_r·ε₀·RT))·Σ z_i·c_i,   Σ z_i·J_i = 0
///
/// with c_i(0) = c_i^pipette, c_i(L) = c_i^bath, ψ(0) = 0 and ψ(L) = V_L/(RT/F) (Nernst 1888/Planck 1890 with
/// Poisson's equation instead of electroneutrality; the model of Dickinson, Freitag & Compton 2010,
/// J. Phys. Chem. B 114:187). Discretised with Scharfetter–Gummel fluxes (exact for a linear potential between
/// nodes; Scharfetter & Gummel 1969, IEEE Trans. Electron Devices 16:64) on a grid clustered at both ends,
/// and solved by Newton's method with a banded Jacobian, started from the electroneutral (Planck) profile.
///
/// When L is many Debye lengths (λ_D ≈ 0.8 nm at 150 mM) the charge density is negligible and the result
/// converges to ``PlanckJunction``; the difference is reported, and shown in the tests to vanish as L grows.
public enum PoissonNernstPlanckJunction {
    public struct Options: Sendable {
        /// Junction length L.
        public var length: Length = .micrometres(1)
        /// Grid intervals.
        public var intervals = 400
        /// Relative permittivity of the solvent (water: 78.4 at 25 °C).
        public var relativePermittivity = 78.4
        public var maximumIterations = 50
        public init(length: Length = .micrometres(1), intervals: Int = 400, relativePermittivity: Double = 78.4) {
            self.length = length
            self.intervals = intervals
            self.relativePermittivity = relativePermittivity
        }
    }

    /// B(x) = x/(eˣ − 1), the Bernoulli function of the Scharfetter–Gummel flux (= GHK kernel g(−x)).
    @inline(__always) static func bernoulli(_ x: Double) -> Double { GHKCurrent.kernel(-x) }

    /// B'(x) = (B·(1 − B))/x − B, with its series −1/2 + x/6 − x³/180 near 0.
    @inline(__always) static func bernoulliDerivative(_ x: Double) -> Double {
        if abs(x) < 1e-3 { return -0.5 + x / 6 - x * x * x / 180 }
        let b = bernoulli(x)
        return b * (1 - b) / x - b
    }

    public static func solve(_ junction: LiquidJunction, options: Options = Options()) throws -> JunctionResult {
        try MembraneError.requirePositive(options.length.metres, field: "junction-length-um", allowed: "a junction length > 0")
        guard options.intervals >= 8 else {
            throw MembraneError.invalidValue(field: "intervals", value: "\(options.intervals)", allowed: "at least 8 grid intervals")
        }
        let planck = try PlanckJunction.solve(junction, options: .init(profilePoints: 2001))
        let species = junction.species
        let n = species.count, nodes = options.intervals + 1, block = n + 1
        let cRef = species.reduce(0.0) { max($0, max($1.pipette, $1.bath) * Double($1.ion.charge * $1.ion.charge)) }
        let dMax = species.map(\.diffusion).max() ?? 1
        let z = species.map { Double($0.ion.charge) }
        let d = species.map { $0.diffusion / dMax }
        let c = junction.conditions
        // κ² = L²·F²·c_ref/(ε·RT): Poisson in units of L, RT/F and c_ref.
        let kappa2 = options.length.metres * options.length.metres * c.faraday * c.faraday * cRef
            / (options.relativePermittivity * CODATA2018.vacuumPermittivity * c.rt)
        // Grid clustered at both ends: x = (1 − cos πs)/2.
        let x = (0..<nodes).map { k in 0.5 * (1 - Double.cos(Double.pi * Double(k) / Double(nodes - 1))) }
        // Initial guess: the electroneutral profile, interpolated in x.
        let profile = planck.profile!
        func interpolate(_ values: [Double], at xi: Double) -> Double {
            var hi = 1
            while hi < profile.x.count - 1 && profile.x[hi] < xi { hi += 1 }
            let lo = hi - 1, span = profile.x[hi] - profile.x[lo]
            let t = span > 0 ? (xi - profile.x[lo]) / span : 0
            return values[lo] + t * (values[hi] - values[lo])
        }
        var u = [Double](repeating: 0, count: nodes * block)
        let vt = c.thermalVoltage
        let psiProfile = profile.potential.map { $0.volts / vt }
        for k in 0..<nodes {
            for i in 0..<n { u[k * block + i] = interpolate(profile.concentrations[i].values, at: x[k]) / cRef }
            u[k * block + n] = interpolate(psiProfile, at: x[k])
        }
        for i in 0..<n {
            u[i] = species[i].pipette / cRef
            u[(nodes - 1) * block + i] = species[i].bath / cRef
        }
        u[n] = 0

        func flux(_ u: [Double], _ i: Int, _ k: Int) -> Double {
            let h = x[k + 1] - x[k]
            let delta = z[i] * (u[(k + 1) * block + n] - u[k * block + n])
            return d[i] / h * (bernoulli(delta) * u[k * block + i] - bernoulli(-delta) * u[(k + 1) * block + i])
        }

        func residual(_ u: [Double]) -> [Double] {
            var r = [Double](repeating: 0, count: u.count)
            for i in 0..<n {
                r[i] = u[i] - species[i].pipette / cRef
                r[(nodes - 1) * block + i] = u[(nodes - 1) * block + i] - species[i].bath / cRef
            }
            r[n] = u[n]
            for k in 1..<(nodes - 1) {
                for i in 0..<n { r[k * block + i] = flux(u, i, k - 1) - flux(u, i, k) }
                let hm = x[k] - x[k - 1], hp = x[k + 1] - x[k]
                let psi = { (j: Int) in u[j * block + n] }
                var rho = 0.0
                for i in 0..<n { rho += z[i] * u[k * block + i] }
                r[k * block + n] = 2 / (hm + hp) * ((psi(k + 1) - psi(k)) / hp - (psi(k) - psi(k - 1)) / hm) + kappa2 * rho
            }
            var current = 0.0
            for i in 0..<n { current += z[i] * flux(u, i, nodes - 2) }
            r[(nodes - 1) * block + n] = current
            return r
        }

        func jacobian(_ u: [Double]) -> BandedMatrix {
            var m = BandedMatrix(size: u.count, lower: 2 * block - 1, upper: 2 * block - 1)
            for i in 0..<n {
                m.add(i, i, 1)
                m.add((nodes - 1) * block + i, (nodes - 1) * block + i, 1)
            }
            m.add(n, n, 1)
            /// Adds sign·∂J_{i,k+1/2}/∂(unknowns) to `row`.
            func addFlux(row: Int, i: Int, k: Int, sign: Double) {
                let h = x[k + 1] - x[k]
                let delta = z[i] * (u[(k + 1) * block + n] - u[k * block + n])
                let ck = u[k * block + i], ck1 = u[(k + 1) * block + i]
                let s = sign * d[i] / h
                m.add(row, k * block + i, s * bernoulli(delta))
                m.add(row, (k + 1) * block + i, -s * bernoulli(-delta))
                let dDelta = s * (bernoulliDerivative(delta) * ck + bernoulliDerivative(-delta) * ck1)
                m.add(row, (k + 1) * block + n, dDelta * z[i])
                m.add(row, k * block + n, -dDelta * z[i])
            }
            for k in 1..<(nodes - 1) {
                for i in 0..<n {
                    addFlux(row: k * block + i, i: i, k: k - 1, sign: 1)
                    addFlux(row: k * block + i, i: i, k: k, sign: -1)
                }
                let hm = x[k] - x[k - 1], hp = x[k + 1] - x[k], w = 2 / (hm + hp)
                let row = k * block + n
                m.add(row, (k + 1) * block + n, w / hp)
                m.add(row, k * block + n, -w / hp - w / hm)
                m.add(row, (k - 1) * block + n, w / hm)
                for i in 0..<n { m.add(row, k * block + i, kappa2 * z[i]) }
            }
            for i in 0..<n { addFlux(row: (nodes - 1) * block + n, i: i, k: nodes - 2, sign: z[i]) }
            return m
        }

        func norm(_ r: [Double]) -> Double { r.reduce(0) { max($0, abs($1)) } }
        var r = residual(u)
        var iterations = 0
        var lastStep = Double.infinity
        let hMin = zip(x.dropFirst(), x).map { $0 - $1 }.min() ?? 1
        let roundOffFloor = 1e-11 * ((d.max() ?? 1) / hMin + 1 / (hMin * hMin) + kappa2)
        // Converged when the Newton step no longer changes any scaled unknown (concentrations/c_ref and ψ are O(1)).
        while lastStep > 1e-12 && iterations < options.maximumIterations {
            iterations += 1
            guard let step = jacobian(u).solve(r.map { -$0 }) else {
                throw MembraneError.noConvergence(method: "Poisson–Nernst–Planck junction", iterations: iterations,
                                                  residual: norm(r), detail: "singular Jacobian")
            }
            let size = norm(step)
            var lambda = 1.0, accepted = false
            let current = norm(r)
            while lambda > 1e-4 {
                let trial = zip(u, step).map { $0 + lambda * $1 }
                let rt = residual(trial)
                if norm(rt) < (1 - 1e-4 * lambda) * current || size * lambda < 1e-12 {
                    u = trial; r = rt; accepted = true; break
                }
                lambda /= 2
            }
            // A residual at the round-off floor of its largest terms (D/h·c, ψ/h², κ²·c) cannot decrease further.
            lastStep = accepted ? size * lambda : (size < 1e-9 || current <= roundOffFloor ? 0 : .infinity)
            if !accepted { break }
        }
        let final = norm(r)
        guard lastStep <= 1e-9 else {
            throw MembraneError.noConvergence(method: "Poisson–Nernst–Planck junction", iterations: iterations,
                                              residual: final, detail: "Newton stalled at L = \(options.length.micrometres) µm")
        }
        let psiEnd = u[(nodes - 1) * block + n]
        // Debye length of the more concentrated side: λ_D = √(ε·RT/(F²·Σ z²c)).
        let sigma = max(species.reduce(0.0) { $0 + Double($1.ion.charge * $1.ion.charge) * $1.pipette },
                        species.reduce(0.0) { $0 + Double($1.ion.charge * $1.ion.charge) * $1.bath })
        let debye = (options.relativePermittivity * CODATA2018.vacuumPermittivity * c.rt / (c.faraday * c.faraday * sigma)).squareRoot()
        let difference = abs(psiEnd * vt - planck.potential.volts) * 1e3
        var notes = junction.notes
        notes.append("npp: Poisson–Nernst–Planck over L = \(options.length.micrometres) µm = \(Int((options.length.metres / debye).rounded())) Debye lengths (λ_D = \(Double(Int(debye * 1e12)) / 1000) nm, ε_r = \(options.relativePermittivity)); it differs from the electroneutral Planck value by \(difference < 1e-6 ? "< 1 nV" : "\(Double(Int(difference * 1e6)) / 1000) µV")")
        // Per-ion shares: PNP has no exact additive split (the space charge couples the ions), so Planck's
        // shares are rescaled to the PNP total; the note above gives the size of the difference.
        let scale = planck.potential.volts != 0 ? psiEnd * vt / planck.potential.volts : 1
        let profileX = x
        let profileOut = JunctionProfile(
            x: profileX, potential: (0..<nodes).map { .volts(u[$0 * block + n] * vt) },
            concentrations: (0..<n).map { i in (species[i].ion.name, (0..<nodes).map { u[$0 * block + i] * cRef }) },
            fluxes: (0..<n).map { i in (species[i].ion.name, flux(u, i, nodes / 2) * dMax * cRef) })
        return JunctionResult(method: .npp, potential: .volts(psiEnd * vt),
                              contributions: planck.contributions.map { ($0.name, $0.potential * scale) },
                              iterations: iterations, residual: final, profile: profileOut, notes: notes,
                              conditions: c)
    }
}
