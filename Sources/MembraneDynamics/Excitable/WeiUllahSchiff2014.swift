import MembraneUnits
import MembraneNumerics
import RealModule

/// The neuron of Wei, Ullah & Schiff 2014 ("Unification of neuronal spikes, seizures, and spreading depression",
/// J Neurosci 34(35):11733–11743, doi:10.1523/JNEUROSCI.0516-14.2014): a Hodgkin–Huxley cell whose Na⁺, K⁺ and Cl⁻
/// amounts, volume and extracellular O₂ follow the currents, in a small extracellular space (ECS) with glia that
/// exchanges K⁺ and O₂ with a bath. The equations and constants are those of the public codes of the paper, read side
/// by side (the paper's printed Methods could not be checked here); Tests/Reference/wei-ullah-schiff-2014/README.md
/// maps every equation and says which parts could be checked against which source. Units are the paper's: mV, µA/cm², mM, mg/L; amounts in fmol
/// and volumes in µm³ (the paper's mol and m³ rescaled); time in seconds (every rate of the paper, per ms, ×1000).
///
///     C·dV/dt = −(I_Na + I_K + I_Cl + I_pump)                         (outward positive, µA/cm², per ms)
///     I_Na = g_Na·m³h(V − E_Na) + g_NaL(V − E_Na), I_K = g_K·n⁴(V − E_K) + g_KL(V − E_K), I_Cl = g_ClL(V − E_Cl)
///     dq/dt = α_q(1 − q) − β_q·q for q = m, h, n (Traub–Miles rates, per ms)
///     ρ = ρ_max/(1 + e^{(20 − [O₂]ₒ)/3}), I_pump = (ρ/γ)/((1 + e^{(25 − [Na]ᵢ)/3})(1 + e^{3.5 − [K]ₒ}))
///     I_gliapump = (ρ/γ)/3/((1 + e^{(25 − 18)/3})(1 + e^{3.5 − [K]ₒ})), I_glia = G_glia·f_O/(1 + e^{(18 − [K]ₒ)/2.5})
///     I_diff = ε_K·f_O·f_v([K]ₒ − [K]_bath), f_O = 1/(1 + e^{(2.5 − [O₂]_bath)/0.2}), f_v = 1/(1 + e^{(β − 20)/2})
///     F_KCC2 = U_kcc2·ln([K]ᵢ[Cl]ᵢ/[K]ₒ[Cl]ₒ), F_NKCC1 = U_nkcc1·f_K·(ln([K]ᵢ[Cl]ᵢ/[K]ₒ[Cl]ₒ) + ln([Na]ᵢ[Cl]ᵢ/[Na]ₒ[Cl]ₒ)),
///     f_K = 1/(1 + e^{16 − [K]ₒ})
///     dN_Kᵢ/dt = −τ·Volᵢ(γ(I_K − 2I_pump) + F_KCC2 + F_NKCC1), dN_Naᵢ/dt = −τ·Volᵢ(γ(I_Na + 3I_pump) + F_NKCC1),
///     dN_Clᵢ/dt = τ·Volᵢ(γ·I_Cl − F_KCC2 − 2F_NKCC1); the ECS gets the opposite, and K⁺ also leaves it:
///     dN_Kₒ/dt = −dN_Kᵢ/dt − τ·Volₒ(I_diff + I_glia + 2γ·I_gliapump)
///     dVolᵢ/dt = −τ(Volᵢ − V̂ol)/0.25 s, V̂ol = Vol₀(1.1029 − 0.1029·e^{(Πₒ − Πᵢ)/20}), Πᵢ = [Na]ᵢ + [K]ᵢ + [Cl]ᵢ + 132·Vol₀/Volᵢ,
///     Πₒ = [Na]ₒ + [K]ₒ + [Cl]ₒ + 18·(Vol₀/β₀)/Volₒ, Volₒ = (1 + 1/β₀)Vol₀ − Volᵢ, β = Volᵢ/Volₒ
///     d[O₂]ₒ/dt = τ(−α·γ(I_pump + I_gliapump) + ε_O([O₂]_bath − [O₂]ₒ))
///
/// with τ = 10⁻³ s/ms, E_X = 26.64 mV·ln([X]ₒ/[X]ᵢ)/z and γ = S/(F·Volᵢ)·10⁻² (S = 4π(3Volᵢ/4π)^{2/3} in m², Volᵢ in m³,
/// F = 6.02·10²³ × 1.6·10⁻¹⁹ C/mol as the codes hard-code it: γ = 0.0445 at Vol₀).
public struct WeiUllahSchiff2014: Sendable, Hashable {
    /// Gated and leak conductances, mS/cm² (g_Na, g_K, g_NaL, g_KL, g_ClL).
    public var gNa = 30.0, gK = 25.0, gNaL = 0.0247, gKL = 0.05, gClL = 0.1
    /// µF/cm².
    public var capacitance = 1.0
    /// Maximal pump rate ρ_max and glial K⁺ uptake G_glia, mM/s.
    public var rhoMax = 0.8, gliaMax = 5.0
    /// K⁺ diffusion to the bath ε_K and O₂ diffusion from the bath ε_O, 1/s.
    public var epsilonK = 0.25, epsilonO = 0.17
    /// O₂ consumed per pump turnover α (g/mol: mM/s → mg/L/s).
    public var alpha = 5.3
    /// Cotransporter strengths U_kcc2 and U_nkcc1, mM/s.
    public var uKCC2 = 0.3, uNKCC1 = 0.1
    /// Bath K⁺, mM.
    public var kBath = 4.0
    /// Bath O₂ before and after the hypoxic episode, mg/L.
    public var o2Bath = 32.0
    /// Bath O₂ during the hypoxic episode, mg/L.
    public var o2Hypoxic = 0.0
    /// Start and end of the hypoxic episode, s (nil: no episode, or no reoxygenation).
    public var hypoxiaStart: Double? = 20, reoxygenation: Double? = 120
    /// The time (s) at which the Na⁺/K⁺-ATPases (neuron and glia) are blocked, as by ouabain: ρ is 0 from then on;
    /// nil (as published): never. `membrane simulate hh --pump-block-at S`.
    public var pumpBlockTime: Double?

    /// The preset's parameters (``WeiUllahSchiffPreset``).
    public init() {}

    /// Initial intracellular volume Vol₀ (µm³: 1.4368·10⁻¹⁵ m³, a sphere of radius 7 µm), the initial ratio
    /// β₀ = Volᵢ/Volₒ = 7, and the volume relaxation time, s.
    public static let initialVolume = 1436.8, initialVolumeRatio = 7.0, volumeTimeConstant = 0.25
    /// τ = 10⁻³ s/ms: the ion and O₂ rates are per second, V and the gates per millisecond.
    public static let tau = 1e-3
    /// RT/F as the paper's equations hard-code it, mV.
    public static let thermalVoltage = 26.64
    /// F = N_A·e with N_A = 6.02·10²³ and e = 1.6·10⁻¹⁹ as the paper's codes write it (C/mol): a model constant
    /// (0.17 % below CODATA's F), kept so that γ = 0.0445 mM/s per µA/cm² at Vol₀ as the codes quote it.
    public static let faraday = 6.02e23 * 1.6e-19
    /// Glial Na⁺ (fixed), and the impermeant particles inside at Vol₀ and outside at Vol₀/β₀, mM.
    public static let gliaSodium = 18.0, impermeantInside = 132.0, impermeantOutside = 18.0
    /// The initial concentrations, mM: K, Na, Cl inside and outside.
    public static let kInside0 = 140.0, kOutside0 = 4.0, naInside0 = 18.0, naOutside0 = 144.0, clInside0 = 6.0, clOutside0 = 130.0
    /// The initial V (mV), gates m, h, n and ECS O₂ (mg/L).
    public static let v0 = -74.30, m0 = 0.0031, h0 = 0.9994, n0 = 0.0107, o2Initial = 29.3

    /// The initial ECS volume Vol₀/β₀, µm³.
    public static var initialECSVolume: Double { initialVolume / initialVolumeRatio }

    /// The initial state: V, m, h, n, N_Ko, N_Ki, N_Nao, N_Nai, N_Clo, N_Cli (fmol = mM·µm³·10⁻³), Volᵢ (µm³), [O₂]ₒ.
    public static var initialState: [Double] {
        let vi = initialVolume, vo = initialECSVolume
        return [v0, m0, h0, n0, kOutside0 * vo * 1e-3, kInside0 * vi * 1e-3, naOutside0 * vo * 1e-3, naInside0 * vi * 1e-3,
                clOutside0 * vo * 1e-3, clInside0 * vi * 1e-3, vi, o2Initial]
    }

    /// The timed events, in time order: bath O₂ falls to ``o2Hypoxic`` at ``hypoxiaStart`` and returns to ``o2Bath`` at
    /// ``reoxygenation`` (`O2_bath` is a run-time parameter of the model); the pumps stop at ``pumpBlockTime``
    /// (`pump.activity` = 0).
    public var events: [ScenarioEvent] {
        var e: [ScenarioEvent] = []
        if let t = hypoxiaStart { e.append(ScenarioEvent(time: t, .set(parameter: "O2_bath", to: o2Hypoxic))) }
        if let t = reoxygenation, hypoxiaStart.map({ t > $0 }) ?? true {
            e.append(ScenarioEvent(time: t, .set(parameter: "O2_bath", to: o2Bath)))
        }
        if let t = pumpBlockTime { e.append(ScenarioEvent(time: t, .blockPump)) }
        return e.sorted { $0.time < $1.time }
    }

    /// What the output says about the preset's conventions.
    public var notes: [String] {
        [
            "Wei, Ullah & Schiff 2014 as its public codes write it (the printed Methods not checked; Tests/Reference/wei-ullah-schiff-2014/README.md): RT/F hard-coded as 26.64 mV, F = 6.02e23 × 1.6e-19 C/mol in γ = S/(F·Vol_i)·1e-2 (the codes'; γ = 0.0445 at the initial volume), τ = 1e-3 s/ms",
            "amounts in fmol and volumes in µm³ (the paper's mol and m³ rescaled); time in s; the ion rates are per second, V and the gates per ms",
            "Na⁺ and Cl⁻ are conserved in cell + ECS; K⁺ leaves the ECS to the bath (ε_K), the glia (G_glia) and the glial pump; the total volume is fixed",
            "glial uptake and K⁺ diffusion scale with f_O of the bath O₂ (1/(1 + e^{(2.5 − O2_bath)/0.2})), diffusion also with f_v of β = Vol_i/Vol_o",
            hypoxiaStart.map { "bath O₂ \(o2Bath) mg/L, \(o2Hypoxic) mg/L from \($0) s" + (reoxygenation.map { ", back to \(o2Bath) mg/L at \($0) s" } ?? " on") }
                ?? "bath O₂ \(o2Bath) mg/L throughout",
            "bath K⁺ \(kBath) mM",
        ] + (pumpBlockTime.map { ["Na⁺/K⁺ pumps of neuron and glia blocked at \($0) s (ρ = 0 from then on; not in the paper)"] } ?? [])
    }

    /// The compiled model.
    public var model: WeiUllahSchiffModel { WeiUllahSchiffModel(self) }

    /// Gate rates per ms, V in mV (the paper's, Traub–Miles): α_m = 0.32(V + 54)/(1 − e^{−(V + 54)/4}), β_m = 0.28(V + 27)/(e^{(V + 27)/5} − 1),
    /// α_h = 0.128e^{−(V + 50)/18}, β_h = 4/(1 + e^{−(V + 27)/5}), α_n = 0.032(V + 52)/(1 − e^{−(V + 52)/5}), β_n = 0.5e^{−(V + 57)/40};
    /// the 0/0 of α_m, β_m and α_n at their midpoints is taken as its limit.
    public static func rates(_ v: Double) -> (am: Double, bm: Double, ah: Double, bh: Double, an: Double, bn: Double) {
        (expLinear(0.32, v + 54, 4), expLinear(0.28, -(v + 27), 5), 0.128 * Double.exp(-(v + 50) / 18),
         4 / (1 + Double.exp(-(v + 27) / 5)), expLinear(0.032, v + 52, 5), 0.5 * Double.exp(-(v + 57) / 40))
    }

    /// a·x/(1 − e^{−x/k}), with its limit a·k at x = 0.
    @inline(__always)
    static func expLinear(_ a: Double, _ x: Double, _ k: Double) -> Double {
        abs(x) < 1e-9 ? a * k * (1 + x / (2 * k)) : a * x / -Double.expMinusOne(-x / k)
    }
}
