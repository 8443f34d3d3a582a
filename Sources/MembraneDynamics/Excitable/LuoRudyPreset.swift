import MembraneUnits

/// The preset `luo-rudy-1991`: ``LuoRudy1991``'s named parameters in the paper's notation (conductances in mS/cm²,
/// concentrations in mM, the stimulus protocol in µA/cm² and ms), overridable as the other excitable presets'
/// (``ScenarioPreset``). `K_o` is the bath's K⁺: it moves E_K, E_K1 (= E_Kp) and scales g_K and g_K1 by √(K_o/5.4).
public struct LuoRudyPreset: Sendable {
    /// The preset's name on the command line and in JSON (`luo-rudy-1991`).
    public let name = "luo-rudy-1991"
    /// One line on what the preset shows.
    public let summary = "Luo & Rudy 1991 ventricular cell (LR1), paced at 1 Hz: cardiac action potentials; K_o for hyperkalemia"
    /// The publication and the curated code the preset follows.
    public let source = "Luo & Rudy 1991, Circ Res 68:1501–1526 (doi:10.1161/01.RES.68.6.1501); equations as the paper's Appendix, checked against the curated CellML model luo_rudy_1991 (Lloyd, Physiome Model Repository)"
    /// The overridable parameters with their defaults (the published values), units and allowed ranges.
    public let parameters: [PresetParameter] = [
        PresetParameter("K_o", 5.4, unit: "mM", summary: "extracellular K⁺ (E_K, E_K1 and g_K, g_K1 ∝ √(K_o/5.4) follow it)", allowed: 0.1...200),
        PresetParameter("K_i", 145, unit: "mM", summary: "intracellular K⁺", allowed: 1...500),
        PresetParameter("Na_o", 140, unit: "mM", summary: "extracellular Na⁺", allowed: 1...500),
        PresetParameter("Na_i", 18, unit: "mM", summary: "intracellular Na⁺", allowed: 0.1...500),
        PresetParameter("g_Na", 23, unit: "mS/cm²", summary: "maximal fast Na⁺ conductance", allowed: 0...10_000),
        PresetParameter("g_si", 0.09, unit: "mS/cm²", summary: "maximal slow inward (Ca²⁺) conductance", allowed: 0...100),
        PresetParameter("g_K", 0.282, unit: "mS/cm²", summary: "maximal time-dependent K⁺ conductance at K_o = 5.4 mM", allowed: 0...100),
        PresetParameter("g_K1", 0.6047, unit: "mS/cm²", summary: "maximal inward-rectifier K⁺ conductance at K_o = 5.4 mM", allowed: 0...100),
        PresetParameter("g_Kp", 0.0183, unit: "mS/cm²", summary: "plateau K⁺ conductance", allowed: 0...100),
        PresetParameter("g_b", 0.03921, unit: "mS/cm²", summary: "background conductance", allowed: 0...100),
        PresetParameter("E_b", -59.87, unit: "mV", summary: "reversal potential of the background current", allowed: -200...200),
        PresetParameter("PR_NaK", 0.01833, unit: "1", summary: "Na⁺/K⁺ permeability ratio of I_K (in E_K)", allowed: 0...1),
        PresetParameter("C_m", 1, unit: "µF/cm²", summary: "specific membrane capacitance", allowed: 0.01...100),
        PresetParameter("stim_amplitude", 25.5, unit: "µA/cm²", summary: "depolarising stimulus current (0: none)", allowed: 0...1_000),
        PresetParameter("stim_duration_ms", 2, unit: "ms", summary: "duration of each stimulus pulse", allowed: 0.01...1_000),
        PresetParameter("stim_start_ms", 100, unit: "ms", summary: "onset of the first stimulus pulse", allowed: 0...1e9),
        PresetParameter("pacing_cycle_ms", 1000, unit: "ms", summary: "pacing cycle length (0: one pulse only)", allowed: 0...1e9),
    ]

    /// The preset with the published defaults.
    public init() {}

    /// The model's parameters with `overrides` (name → value in the parameter's unit) set: unknown names are answered
    /// with the closest ones, values outside a parameter's range with the range; a pacing cycle shorter than a pulse
    /// is refused.
    public func parameters(setting overrides: [(name: String, value: Double)] = []) throws -> LuoRudy1991 {
        let v = try parameters.values(setting: overrides)
        if v[16] > 0, v[16] <= v[14] {
            throw MembraneError.invalidValue(field: "pacing_cycle_ms", value: "\(v[16]) ms",
                                             allowed: "a cycle longer than the pulse (stim_duration_ms = \(v[14]) ms), or 0 for one pulse")
        }
        var m = LuoRudy1991()
        (m.potassiumOutside, m.potassiumInside, m.sodiumOutside, m.sodiumInside) = (v[0], v[1], v[2], v[3])
        (m.gNa, m.gSi, m.gK, m.gK1, m.gKp, m.gB) = (v[4], v[5], v[6], v[7], v[8], v[9])
        (m.backgroundReversal, m.permeabilityRatioNaK, m.capacitance) = (v[10], v[11], v[12])
        (m.stimulusAmplitude, m.stimulusDuration, m.stimulusStart, m.pacingCycle) = (v[13], v[14], v[15], v[16])
        return m
    }
}

extension LuoRudy1991 {
    /// The preset `luo-rudy-1991` (``LuoRudyPreset``).
    public static let preset = LuoRudyPreset()
}
