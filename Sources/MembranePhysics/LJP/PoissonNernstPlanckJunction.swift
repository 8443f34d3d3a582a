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
    /// Junction length, grid and permittivity.
    public struct Options: Sendable {
        /// Junction length L.
        public var length: Length = .micrometres(1)
        /// Grid intervals.
        public var intervals = 400
        /// Relative permittivity of the solvent; nil: water at the junction's temperature
        /// (``WaterProperties/relativePermittivity(_:bar:)``, Bradley & Pitzer 1979; 78.4 at 25 °C).
        public var relativePermittivity: Double? = nil
        /// Newton iterations allowed.
        public var maximumIterations = 50
        /// Options for a junction of `length` on `intervals` grid intervals.
        public init(length: Length = .micrometres(1), intervals: Int = 400, relativePermittivity: Double? = nil) {
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

    /// V_L of the stationary Poisson–Nernst–Planck problem over the junction length (Scharfetter–Gummel fluxes, banded Newton from the Planck profile).
    public static func solve(_ junction: LiquidJunction, options: Options = Options()) throws -> JunctionResult {
        try MembraneError.requirePositive(options.length.metres, field: "junction-length-um", allowed: "a junction length > 0")
        guard options.intervals >= 8 else {
            throw MembraneError.invalidValue(field: "intervals", value: "\(options.intervals)", allowed: "at least 8 grid intervals")
        }
        let planck = try PlanckJunction.solve(junction, options: .init(profilePoints: 2001))
        let species = junction.species
        let c = junction.conditions
        let cRef = species.reduce(0.0) { max($0, max($1.pipette, $1.bath) * Double($1.ion.charge * $1.ion.charge)) }
        let epsilon = options.relativePermittivity ?? WaterProperties.relativePermittivity(c.temperature)
        // κ² = L²·F²·c_ref/(ε·RT): Poisson in units of L, RT/F and c_ref.
        let kappa2 = options.length.metres * options.length.metres * c.faraday * c.faraday * cRef
            / (epsilon * CODATA2018.vacuumPermittivity * c.rt)
        let grid = GridJunction(species: species, closure: .poisson(kappa2: kappa2), logGamma: nil, intervals: options.intervals)
        let vt = c.thermalVoltage
        let (u, iterations, final) = try grid.solve(from: grid.initialState(from: planck.profile!, thermalVoltage: vt),
                                                    maximumIterations: options.maximumIterations)
        let psiEnd = grid.potential(u)
        // Debye length of the more concentrated side: λ_D = √(ε·RT/(F²·Σ z²c)).
        let sigma = max(species.reduce(0.0) { $0 + Double($1.ion.charge * $1.ion.charge) * $1.pipette },
                        species.reduce(0.0) { $0 + Double($1.ion.charge * $1.ion.charge) * $1.bath })
        let debye = (epsilon * CODATA2018.vacuumPermittivity * c.rt / (c.faraday * c.faraday * sigma)).squareRoot()
        let difference = abs(psiEnd * vt - planck.potential.volts) * 1e3
        var notes = junction.notes
        notes.append("npp: Poisson–Nernst–Planck over L = \(options.length.micrometres) µm = \(Format.number((options.length.metres / debye).rounded())) Debye lengths (λ_D = \(Format.number(debye * 1e9)) nm, ε_r = \(Format.number(epsilon))); it differs from the electroneutral Planck value by \(difference < 1e-6 ? "< 1 nV" : "\(Format.number(difference * 1e3)) µV")")
        // Per-ion shares: PNP has no exact additive split (the space charge couples the ions), so Planck's
        // shares are rescaled to the PNP total; the note above gives the size of the difference.
        let scale = planck.potential.volts != 0 ? psiEnd * vt / planck.potential.volts : 1
        let profileOut = grid.profile(u, species: species, thermalVoltage: vt)
        return JunctionResult(method: .npp, potential: .volts(psiEnd * vt),
                              contributions: planck.contributions.map { ($0.name, $0.potential * scale) },
                              iterations: iterations, residual: final, profile: profileOut, notes: notes,
                              conditions: c)
    }
}
