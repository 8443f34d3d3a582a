import MembraneUnits

/// The preset `wei-ullah-schiff-2014`: ``WeiUllahSchiff2014``'s parameters by their names in the paper (g_Na …
/// in mS/cm², rho_max, G_glia, U_kcc2, U_nkcc1 in mM/s, eps_K and eps_O in 1/s, bath K⁺ in mM and O₂ in mg/L) and
/// the ischaemia protocol (bath O₂ lowered to `O2_hypoxia` from `t_hypoxia` to `t_reoxygenation`), overridable as
/// the excitable presets' (``ScenarioPreset``). `k_bath` and `o2_bath` are accepted for `K_bath` and `O2_bath`.
public struct WeiUllahSchiffPreset: Sendable {
    /// The preset's name on the command line and in JSON (`wei-ullah-schiff-2014`).
    public let name = "wei-ullah-schiff-2014"
    /// One line on what the preset shows.
    public let summary = "Wei, Ullah & Schiff 2014 neuron with ion, volume and O₂ dynamics: bath O₂ cut at 20 s and restored at 120 s (ischaemia → spreading depolarization and recovery)"
    /// The publication the preset reproduces.
    public let source = "Wei, Ullah & Schiff 2014, J Neurosci 34(35):11733–11743 (doi:10.1523/JNEUROSCI.0516-14.2014)"
    /// The overridable parameters with their defaults (the values of the paper's codes), units and allowed ranges.
    public let parameters: [PresetParameter] = [
        PresetParameter("g_Na", 30, unit: "mS/cm²", summary: "maximal gated Na⁺ conductance", allowed: 0...10_000),
        PresetParameter("g_K", 25, unit: "mS/cm²", summary: "maximal gated K⁺ conductance", allowed: 0...10_000),
        PresetParameter("g_NaL", 0.0247, unit: "mS/cm²", summary: "Na⁺ leak conductance", allowed: 0...1_000),
        PresetParameter("g_KL", 0.05, unit: "mS/cm²", summary: "K⁺ leak conductance", allowed: 0...1_000),
        PresetParameter("g_ClL", 0.1, unit: "mS/cm²", summary: "Cl⁻ leak conductance", allowed: 0...1_000),
        PresetParameter("C_m", 1, unit: "µF/cm²", summary: "specific membrane capacitance", allowed: 0.01...100),
        PresetParameter("rho_max", 0.8, unit: "mM/s", summary: "maximal Na⁺/K⁺ pump rate", allowed: 0...1_000),
        PresetParameter("G_glia", 5, unit: "mM/s", summary: "maximal glial K⁺ uptake", allowed: 0...1_000),
        PresetParameter("eps_K", 0.25, unit: "1/s", summary: "K⁺ diffusion rate to the bath", allowed: 0...1_000),
        PresetParameter("eps_O", 0.17, unit: "1/s", summary: "O₂ diffusion rate from the bath", allowed: 0...1_000),
        PresetParameter("alpha", 5.3, unit: "g/mol", summary: "O₂ consumed per pump turnover (mM/s to mg/L/s)", allowed: 0...1_000),
        PresetParameter("U_kcc2", 0.3, unit: "mM/s", summary: "maximal KCC2 strength", allowed: 0...1_000),
        PresetParameter("U_nkcc1", 0.1, unit: "mM/s", summary: "maximal NKCC1 strength", allowed: 0...1_000),
        PresetParameter("K_bath", 4, unit: "mM", summary: "bath K⁺", allowed: 0.1...200),
        PresetParameter("O2_bath", 32, unit: "mg/L", summary: "bath O₂ before and after the hypoxic episode", allowed: 0...100),
        PresetParameter("O2_hypoxia", 0, unit: "mg/L", summary: "bath O₂ during the hypoxic episode", allowed: 0...100),
        PresetParameter("t_hypoxia", 20, unit: "s", summary: "start of the hypoxic episode (beyond the run's duration: none)", allowed: 0...1e6),
        PresetParameter("t_reoxygenation", 120, unit: "s", summary: "end of the hypoxic episode (beyond the run's duration: none)", allowed: 0...1e6),
    ]

    /// Other spellings accepted for a parameter's name (the brief's `k_bath`).
    public static let aliases = ["k_bath": "K_bath", "o2_bath": "O2_bath", "o2_hypoxia": "O2_hypoxia"]

    /// The preset with the defaults of the paper's codes.
    public init() {}

    /// The model's parameters with `overrides` (name → value in the parameter's unit) set: unknown names are answered
    /// with the closest ones, values outside a parameter's range with the range; `t_reoxygenation` must follow
    /// `t_hypoxia`.
    public func parameters(setting overrides: [(name: String, value: Double)] = []) throws -> WeiUllahSchiff2014 {
        let v = try parameters.values(setting: overrides, aliases: Self.aliases)
        guard v[17] > v[16] else {
            throw MembraneError.invalidValue(field: "t_reoxygenation", value: "\(v[17]) s",
                                             allowed: "a time after t_hypoxia (\(v[16]) s)")
        }
        var w = WeiUllahSchiff2014()
        (w.gNa, w.gK, w.gNaL, w.gKL, w.gClL, w.capacitance) = (v[0], v[1], v[2], v[3], v[4], v[5])
        (w.rhoMax, w.gliaMax, w.epsilonK, w.epsilonO, w.alpha, w.uKCC2, w.uNKCC1) = (v[6], v[7], v[8], v[9], v[10], v[11], v[12])
        (w.kBath, w.o2Bath, w.o2Hypoxic, w.hypoxiaStart, w.reoxygenation) = (v[13], v[14], v[15], v[16], v[17])
        return w
    }

    /// The compiled model with `overrides` set.
    public func model(setting overrides: [(name: String, value: Double)] = []) throws -> WeiUllahSchiffModel {
        try parameters(setting: overrides).model
    }
}

extension WeiUllahSchiff2014 {
    /// The preset `wei-ullah-schiff-2014` (``WeiUllahSchiffPreset``).
    public static let preset = WeiUllahSchiffPreset()
}
