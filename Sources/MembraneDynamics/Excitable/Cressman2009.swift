import MembraneUnits
import MembraneNumerics
import RealModule

/// The seizure neuron of Cressman, Ullah, Ziburkus, Schiff & Barreto 2009 ("The influence of sodium and potassium
/// dynamics on excitability, seizures, and the stability of persistent states: I. Single neuron dynamics", J Comput
/// Neurosci 26:159–170, doi:10.1007/s10827-008-0132-4) with its erratum (J Comput Neurosci 30:781, 2011,
/// doi:10.1007/s10827-011-0333-0: the concentration equations with γ and τ), checked against the authors' code
/// (ModelDB 136773, `Cressman_et_al_JCNS_1_fullmodel_RK4.c`; Tests/Reference/cressman-2009/README.md maps every
/// line). Parameters in the paper's units (mV, ms, µA/cm², mS/cm², mM).
///
/// State: V (mV), the K⁺ gate n, the Na⁺ inactivation h, [K]ₒ, [Na]ᵢ and [Ca]ᵢ (mM); time in seconds (every rate of
/// the paper, per ms, ×1000).
///
///     C·dV/dt = −(I_Na + I_K + I_Cl)                                                        (C code line 146)
///     I_Na = g_Na·m∞³·h·(V − E_Na) + g_NaL·(V − E_Na)
///     I_K = (g_K·n⁴ + g_AHP·[Ca]ᵢ/(1 + [Ca]ᵢ))·(V − E_K) + g_KL·(V − E_K),  I_Cl = g_ClL·(V − E_Cl)   (lines 130–132)
///     dq/dt = φ·(α_q(1 − q) − β_q·q), q = n, h;  m = m∞ = α_m/(α_m + β_m)                      (lines 115–122, 147–148)
///     d[Ca]ᵢ/dt = −0.002·g_Ca·(V − V_Ca)/(1 + e^{−(V + 25)/2.5}) − [Ca]ᵢ/80                    (line 151)
///     d[K]ₒ/dt = (1/τ)·(γβ·I_K − 2β·I_pump − I_glia − I_diff)                                  (erratum; line 149)
///     d[Na]ᵢ/dt = (1/τ)·(−γ·I_Na − 3·I_pump)                                                   (erratum; line 150)
///     I_pump = ρ/(1 + e^{(25 − [Na]ᵢ)/3})/(1 + e^{5.5 − [K]ₒ}),  I_glia = G_glia/(1 + e^{(18 − [K]ₒ)/2.5}),
///     I_diff = ε·([K]ₒ − k_bath)                                                              (lines 134–136)
///     [K]ᵢ = 140 + (18 − [Na]ᵢ),  [Na]ₒ = 144 − β·([Na]ᵢ − 18),  [Cl]ᵢ = 6, [Cl]ₒ = 130 mM       (lines 59, 124–125)
///     E_X = 26.64 mV·ln([X]ₒ/[X]ᵢ)/z (RT/F hard-coded, lines 127–128)
///
/// γ converts µA/cm² to mM/s and τ = 1000 ms/s balances the time units (the erratum). The pump, glia and diffusion
/// terms are already fluxes in mM/s. [Na]ₒ + β·[Na]ᵢ = 144 + 18β holds by construction (Na⁺ conserved between the
/// two volumes, β = Vol_i/Vol_o); [K]ᵢ mirrors [Na]ᵢ (each Na⁺ in replaces a K⁺), the paper's assumption.
public struct Cressman2009: Sendable, Hashable {
    // Parameters (the preset's, paper notation).
    /// Gated and leak conductances, mS/cm² (paper Table 1): g_Na, g_NaL, g_K, g_KL, g_AHP, g_ClL.
    public var gNa = 100.0, gNaL = 0.0175, gK = 40.0, gKL = 0.05, gAHP = 0.01, gClL = 0.05
    /// The Ca²⁺ conductance of the [Ca]ᵢ equation, mS/cm² (g_Ca).
    public var gCa = 0.1
    /// µF/cm² (C).
    public var capacitance = 1.0
    /// The gating time-scale factor (φ).
    public var phi = 3.0
    /// Pump strength ρ, mM/s.
    public var rho = 1.25
    /// Glial uptake strength G_glia, mM/s: 200/3 as the authors' code has it (line 55; 66.666).
    public var glia = 200.0 / 3
    /// Diffusion rate to the bath ε, 1/s: 4/3 as the authors' code has it (line 56; 1.333).
    public var epsilon = 4.0 / 3
    /// Bath K⁺ concentration k_bath (the paper's k_∞), mM: 4 (Table 1; the seizures of the C code take 8).
    public var kBath = 4.0
    /// The intracellular-to-extracellular volume ratio β.
    public var beta = 7.0
    /// The time (s) at which the pump is blocked (ouabain, energy failure): ρ is 0 from then on; nil (as published):
    /// never. `membrane simulate hh --pump-block-at S`.
    public var pumpBlockTime: Double?

    /// The published parameters (paper Table 1 with the erratum; bath K⁺ 4 mM).
    public init() {}

    // Constants of the paper and the code.
    /// RT/F as the paper and the code hard-code it (lines 59, 127–128), mV: not CODATA's RT/F at a stated temperature.
    public static let thermalVoltage = 26.64
    /// γ, mM/s per µA/cm² (line 50; the erratum prints it rounded, 4.45·10⁻²): the membrane area over F times the
    /// cell volume.
    public static let gamma = 0.044494542
    /// τ, ms per s (the erratum; line 51): the concentration equations' rates are per second.
    public static let tau = 1000.0
    /// The reversal potential of the Ca²⁺ influx V_Ca, mV (line 60).
    public static let calciumReversal = 120.0
    /// Resting [K]ᵢ and [Na]ᵢ of the conservation laws (lines 124–125) and [Na]ₒ at [Na]ᵢ = 18 mM, mM.
    public static let kInsideRest = 140.0, naInsideRest = 18.0, naOutsideRest = 144.0
    /// Fixed Cl⁻ concentrations, mM (line 59).
    public static let clInside = 6.0, clOutside = 130.0
    /// The initial state of the authors' code (lines 41–46): V, n, h, [K]ₒ, [Na]ᵢ, [Ca]ᵢ. The code pre-integrates
    /// 50 ms and then restarts its clock; this port starts at t = 0 from the values themselves.
    public static let initialState = [-50.0, 0.08553, 0.96859, 7.8, 15.5, 0.0]

    /// α_n = 0.01(V + 34)/(1 − e^{−(V + 34)/10}) per ms (line 115), the K⁺ gate's opening rate (NeuroML form, per
    /// second and volts; the limit at −34 mV where the code's expression is 0/0).
    public static let alphaN = HodgkinHuxleyChannel.RateFunction.expLinear(perMillisecond: 0.1, midpointMillivolts: -34, scaleMillivolts: 10)
    /// β_n = 0.125·e^{−(V + 44)/80} per ms (line 116), the K⁺ gate's closing rate.
    public static let betaN = HodgkinHuxleyChannel.RateFunction.exponential(perMillisecond: 0.125, midpointMillivolts: -44, scaleMillivolts: -80)
    /// α_m = 0.1(V + 30)/(1 − e^{−(V + 30)/10}) per ms (line 117), the Na⁺ activation's opening rate (m = m∞).
    public static let alphaM = HodgkinHuxleyChannel.RateFunction.expLinear(perMillisecond: 1, midpointMillivolts: -30, scaleMillivolts: 10)
    /// β_m = 4·e^{−(V + 55)/18} per ms (line 118), the Na⁺ activation's closing rate.
    public static let betaM = HodgkinHuxleyChannel.RateFunction.exponential(perMillisecond: 4, midpointMillivolts: -55, scaleMillivolts: -18)
    /// α_h = 0.07·e^{−(V + 44)/20} per ms (line 119), the Na⁺ inactivation's recovery rate.
    public static let alphaH = HodgkinHuxleyChannel.RateFunction.exponential(perMillisecond: 0.07, midpointMillivolts: -44, scaleMillivolts: -20)
    /// β_h = 1/(1 + e^{−(V + 14)/10}) per ms (line 120), the Na⁺ inactivation's onset rate.
    public static let betaH = HodgkinHuxleyChannel.RateFunction.sigmoid(perMillisecond: 1, midpointMillivolts: -14, scaleMillivolts: 10)

    /// The timed events: the pump blocked at ``pumpBlockTime`` (`pump.activity` = 0, a run-time parameter of the model).
    public var events: [ScenarioEvent] { pumpBlockTime.map { [ScenarioEvent(time: $0, .blockPump)] } ?? [] }

    /// What the output says about the preset's conventions.
    public var notes: [String] {
        [
            "reproduces Cressman et al. 2009 with the 2011 erratum: d[K]o/dt = (γβ·I_K − 2β·I_pump − I_glia − I_diff)/τ, d[Na]i/dt = (−γ·I_Na − 3·I_pump)/τ, τ = 1000 ms/s",
            "hard-coded unit factors as published: RT/F = 26.64 mV (not CODATA at a stated temperature), γ = 0.044494542 mM/s per µA/cm² (the authors' ModelDB 136773 code; the erratum prints 4.45e-2)",
            "G_glia = 200/3 mM/s and ε = 4/3 1/s as the authors' code (66.666, 1.333); the 2009 Table 1 printed 66 and 1.2: --set G_glia=66 --set epsilon=1.2",
            "m = m∞ (no m gate); [K]i = 158 mM − [Na]i and [Na]o = 144 mM − β([Na]i − 18 mM) (the paper's conservation laws); Cl⁻ fixed at 6 mM in, 130 mM out",
            "starts from the authors' initial state (V = −50 mV, [K]o = 7.8 mM, [Na]i = 15.5 mM): the first spikes (0–0.3 s at k_bath 4 mM; the first, longer burst at 8 mM) come from its relaxation",
            kBath == 4 ? "bath K⁺ k_bath = 4 mM (the paper's default): the cell rests; seizure-like bursting needs an elevated bath (--set k_bath=8)"
                : "bath K⁺ k_bath = \(kBath) mM (the paper's default is 4 mM; seizure-like bursting at 8 mM)",
        ] + (pumpBlockTime.map { ["pump blocked at \($0) s (ρ = 0 from then on; not in the paper)"] } ?? [])
    }

    /// The compiled model.
    public var model: CressmanModel { CressmanModel(self) }
}

/// The preset `cressman-2009`: named parameters in the paper's notation, overridable as the excitable presets'
/// (``ScenarioPreset``).
public struct CressmanPreset: Sendable {
    /// The preset's name on the command line and in JSON (`cressman-2009`).
    public let name = "cressman-2009"
    /// One line on what the preset shows.
    public let summary = "Cressman et al. 2009 seizure neuron: K⁺ accumulation, pump, glia and diffusion to a bath; bursts with slow [K]o/[Na]i oscillations at bath K⁺ 8 mM (k_bath)"
    /// The publication and the erratum the preset reproduces.
    public let source = "Cressman, Ullah, Ziburkus, Schiff & Barreto 2009, J Comput Neurosci 26:159–170 (doi:10.1007/s10827-008-0132-4), erratum J Comput Neurosci 30:781 (2011, doi:10.1007/s10827-011-0333-0); authors' code ModelDB 136773"
    /// The overridable parameters with their defaults (the published values), units and allowed ranges.
    public let parameters: [PresetParameter] = [
        PresetParameter("g_Na", 100, unit: "mS/cm²", summary: "maximal gated Na⁺ conductance", allowed: 0...10_000),
        PresetParameter("g_NaL", 0.0175, unit: "mS/cm²", summary: "Na⁺ leak conductance", allowed: 0...1_000),
        PresetParameter("g_K", 40, unit: "mS/cm²", summary: "maximal gated K⁺ conductance", allowed: 0...10_000),
        PresetParameter("g_KL", 0.05, unit: "mS/cm²", summary: "K⁺ leak conductance", allowed: 0...1_000),
        PresetParameter("g_AHP", 0.01, unit: "mS/cm²", summary: "Ca²⁺-dependent K⁺ (afterhyperpolarisation) conductance", allowed: 0...1_000),
        PresetParameter("g_ClL", 0.05, unit: "mS/cm²", summary: "Cl⁻ leak conductance", allowed: 0...1_000),
        PresetParameter("g_Ca", 0.1, unit: "mS/cm²", summary: "Ca²⁺ conductance of the [Ca]i equation", allowed: 0...1_000),
        PresetParameter("C_m", 1, unit: "µF/cm²", summary: "specific membrane capacitance", allowed: 0.01...100),
        PresetParameter("phi", 3, unit: "1", summary: "gating time-scale factor", allowed: 0.01...100),
        PresetParameter("rho", 1.25, unit: "mM/s", summary: "Na⁺/K⁺ pump strength", allowed: 0...1_000),
        PresetParameter("G_glia", 200.0 / 3, unit: "mM/s", summary: "glial K⁺ uptake strength", allowed: 0...10_000),
        PresetParameter("epsilon", 4.0 / 3, unit: "1/s", summary: "rate of K⁺ diffusion to the bath", allowed: 0...1_000),
        PresetParameter("k_bath", 4, unit: "mM", summary: "bath K⁺ concentration (seizure-like bursting at 8)", allowed: 0.5...50),
        PresetParameter("beta", 7, unit: "1", summary: "intracellular over extracellular volume", allowed: 0.5...50),
    ]

    /// The preset with the published defaults.
    public init() {}

    /// The model's parameters with `overrides` (name → value in the parameter's unit) set: unknown names are answered
    /// with the closest ones, values outside a parameter's range with the range.
    public func parameters(setting overrides: [(name: String, value: Double)] = []) throws -> Cressman2009 {
        let v = try parameters.values(setting: overrides)
        var c = Cressman2009()
        (c.gNa, c.gNaL, c.gK, c.gKL, c.gAHP, c.gClL, c.gCa) = (v[0], v[1], v[2], v[3], v[4], v[5], v[6])
        (c.capacitance, c.phi, c.rho, c.glia, c.epsilon, c.kBath, c.beta) = (v[7], v[8], v[9], v[10], v[11], v[12], v[13])
        return c
    }

    /// The compiled model with `overrides` set.
    public func model(setting overrides: [(name: String, value: Double)] = []) throws -> CressmanModel {
        try parameters(setting: overrides).model
    }
}

extension Cressman2009 {
    /// The preset `cressman-2009` (``CressmanPreset``).
    public static let preset = CressmanPreset()
}
