import MembraneUnits
import RealModule

/// How a finite extracellular space (ECS, ``Bath/finite(relativeVolume:)``) exchanges ions with the world outside it,
/// beside the cell membrane: diffusion to a distal bath of fixed concentration (``BathDiffusion``) and glial K⁺ uptake
/// (``GlialUptake``), each optional (Cressman et al. 2009, J Comput Neurosci 26:159, doi:10.1007/s10827-008-0132-4).
///
/// Each process removes an amount Rⱼ (mM·w_ref per second) from the ECS amount Bⱼ of one ion, and the model integrates
/// what it has removed, Eⱼ (dEⱼ/dt = Rⱼ), so that for every ion Nⱼ + Bⱼ + Σ Eⱼ is constant to round-off.
///
/// Volume and osmolarity: only solute is exchanged, no water. The water of cell + ECS stays constant, so with moving
/// water the ECS volume W = W_total − v̂ follows the osmotic balance of the solutes that remain (K⁺ taken up shrinks
/// the ECS a little); with impermeable water W is constant. The exchange moves charge out of the ECS; the membrane
/// potential depends on the cell's charge only (charge difference), so the ECS is not held electroneutral, as in
/// Cressman's model, which follows [K]ₒ alone. The amounts exchanged are counted in the conservation report as part
/// of each ion's total (cell + ECS + exchanged), and in its charge and osmoles.
public struct ExtracellularExchange: Sendable, Hashable {
    /// Diffusion of single ions between the ECS and a bath of fixed concentration, each ion at most once.
    public var bathDiffusion: [BathDiffusion]
    /// Glial K⁺ uptake from the ECS, or nil.
    public var glialUptake: GlialUptake?

    /// An exchange with the given processes (none by default: a closed ECS).
    public init(bathDiffusion: [BathDiffusion] = [], glialUptake: GlialUptake? = nil) {
        self.bathDiffusion = bathDiffusion
        self.glialUptake = glialUptake
    }

    /// True when nothing leaves the ECS except across the cell membrane.
    public var isEmpty: Bool { bathDiffusion.isEmpty && glialUptake == nil }
}

/// Diffusion of one ion between the ECS and a bath of fixed concentration c_bath at rate constant k:
///
///     dBⱼ/dt = … − k·(c_o − c_bath)·W,   i.e.  dc_o/dt = −k·(c_o − c_bath) at constant ECS volume W
///
/// (Cressman et al. 2009, I_diff = ε·([K]ₒ − k_∞), ε = 1.2 s⁻¹ in Table 1, 4/3 s⁻¹ in the authors' ModelDB 136773 code;
/// the same form as Kager, Wadman & Somjen 2000's diffusion to the bath).
public struct BathDiffusion: Sendable, Hashable {
    /// The ion (canonical catalog name, `K`).
    public var ion: String
    /// The rate constant k, s⁻¹ (≥ 0).
    public var rate: Double
    /// The bath's concentration; nil: the scenario's initial outside concentration of the ion.
    public var bathConcentration: Concentration?

    /// Diffusion of `ion` at `rate` (s⁻¹) towards `bathConcentration` (default: the initial outside concentration).
    public init(ion: String, rate: Double, bathConcentration: Concentration? = nil) {
        self.ion = ion
        self.rate = rate
        self.bathConcentration = bathConcentration
    }

    /// R = k·(B − c_bath·W), the amount removed per second (mM·w_ref/s) at ECS amount B and water W (w_ref), with
    /// ∂R/∂B and ∂R/∂W.
    @inline(__always)
    static func removal(rate k: Double, bath cb: Double, amount b: Double, water w: Double)
        -> (value: Double, dAmount: Double, dWater: Double) {
        (k * (b - cb * w), k, -k * cb)
    }
}

/// Glial K⁺ uptake from the ECS, a sigmoid in [K]ₒ (Kager, Wadman & Somjen 2000, J Neurophysiol 84:495; Cressman et
/// al. 2009, eq. for I_glia):
///
///     d[K]ₒ/dt = … − G / (1 + e^{(K_sat − [K]ₒ)/s})        (mM/s, as a rate of the ECS concentration)
///
/// Cressman et al. 2009, Table 1: G_glia = 66 mM/s, K_sat = 18 mM, s = 2.5 mM; the authors' code (ModelDB 136773)
/// takes G_glia = 200/3 mM/s, as ``Cressman2009`` does (``cressman2009``). In amounts: R = G·W·σ([K]ₒ).
public struct GlialUptake: Sendable, Hashable {
    /// The ion taken up: K⁺.
    public static let ion = "K"
    /// The maximal uptake G, mM/s (≥ 0).
    public var maximalRate: Double
    /// The half-activation concentration K_sat.
    public var halfActivation: Concentration
    /// The slope s of the sigmoid (> 0).
    public var slope: Concentration

    /// Uptake of at most `maximalRate` mM/s, half at `halfActivation`, with slope `slope`.
    public init(maximalRate: Double, halfActivation: Concentration = .millimolar(18), slope: Concentration = .millimolar(2.5)) {
        self.maximalRate = maximalRate
        self.halfActivation = halfActivation
        self.slope = slope
    }

    /// Cressman et al. 2009 as the authors' code has it: G = 200/3 mM/s, K_sat = 18 mM, s = 2.5 mM.
    public static let cressman2009 = GlialUptake(maximalRate: 200.0 / 3)

    /// The uptake rate at [K]ₒ = `ko` (mM), mM/s: G/(1 + e^{(K_sat − [K]ₒ)/s}).
    public func rate(potassiumOutside ko: Double) -> Double {
        Self.sigmoid(ko, half: halfActivation.millimolar, slope: slope.millimolar).value * maximalRate
    }

    /// σ(c) = 1/(1 + e^{(h − c)/s}) and dσ/dc = σ(1 − σ)/s (finite for any c: e^x = ∞ gives σ = 0, σ′ = 0).
    @inline(__always)
    static func sigmoid(_ c: Double, half h: Double, slope s: Double) -> (value: Double, derivative: Double) {
        let sigma = 1 / (1 + Double.exp((h - c) / s))
        return (sigma, sigma * (1 - sigma) / s)
    }

    /// R = G·W·σ(B/W), the amount removed per second (mM·w_ref/s) at ECS amount B and water W (w_ref), with ∂R/∂B =
    /// G·σ′ and ∂R/∂W = G·(σ − c·σ′).
    @inline(__always)
    static func removal(maximal g: Double, half h: Double, slope s: Double, amount b: Double, water w: Double)
        -> (value: Double, dAmount: Double, dWater: Double) {
        let c = b / w
        let (sigma, ds) = sigmoid(c, half: h, slope: s)
        return (g * w * sigma, g * ds, g * (sigma - c * ds))
    }
}
