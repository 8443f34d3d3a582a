import MembraneUnits
import MembraneChemistry
import MembranePhysics

/// The pump–leak scenarios that reproduce published models (INTERFACE.md names them after the paper).
extension Scenario {
    /// Every pump–leak preset, by command-line name.
    public static var pumpLeakPresets: [Scenario] { [kay2017, keenerSneyd] }

    /// The preset called `name`, or an error listing the known ones.
    public static func pumpLeakPreset(named name: String) throws -> Scenario {
        let key = name.lowercased()
        if let s = pumpLeakPresets.first(where: { $0.name == key }) { return s }
        let aliases = ["kay": "kay-2017", "kay2017": "kay-2017", "keener": "keener-sneyd", "keener-sneyd-2009": "keener-sneyd",
                       "ks": "keener-sneyd"]
        if let target = aliases[key], let s = pumpLeakPresets.first(where: { $0.name == target }) { return s }
        throw MembraneError.unknownName(field: "preset", value: name, suggestions: closestNames(to: name, among: pumpLeakPresets.map(\.name)))
    }

    static func catalogIons(_ names: [String]) -> [Ion] {
        names.map { name in
            guard let ion = IonCatalog.standard.ion(named: name) else { preconditionFailure("preset ion \(name)") }
            return ion
        }
    }

    /// Kay 2017, "How cells can control their size by pumping ions", Front. Cell Dev. Biol. 5:41
    /// (doi:10.3389/fcell.2017.00041), as in the author's published script `PLM_CD.m` ("Pump-Leak model –
    /// CD integration of Keener-Sneyd model"): a 5 µm sphere with 50 mM of impermeant anion (z = −1), ohmic
    /// leaks g_Na = 0.01, g_K = 0.3, g_Cl = 0.2 mS/cm², a constant 3Na:2K pump of 0.5 µA/cm² net current,
    /// C = 1 µF/cm², instantaneous osmotic equilibrium, bath Na 147, K 3, Cl 150 mM (300 mOsm/L), start
    /// Na 120, K 30, Cl 100 mM; pump on from t = 0 and blocked at t = 5000 s, run to 10 000 s.
    public static var kay2017: Scenario {
        let conditions = Conditions(temperature: .standard)
        return Scenario(
            name: "kay-2017",
            summary: "Kay 2017 pump–leak cell (PLM_CD.m): charge-difference V, constant 3:2 pump, pump blocked at 5000 s",
            conditions: conditions,
            geometry: .sphere(radius: .micrometres(5)),
            capacitance: .microfaradsPerSquareCentimetre(1),
            ions: catalogIons(["Na", "K", "Cl"]),
            inside: [.millimolar(120), .millimolar(30), .millimolar(100)],
            outside: [.millimolar(147), .millimolar(3), .millimolar(150)],
            impermeant: ImpermeantSolute(name: "X", charge: -1, concentration: .millimolar(50)),
            leaks: [.ohmic("Na", milliSiemensPerSquareCentimetre: 0.01), .ohmic("K", milliSiemensPerSquareCentimetre: 0.3),
                    .ohmic("Cl", milliSiemensPerSquareCentimetre: 0.2)],
            pump: NaKPump(.constant, maximalCurrent: .microamperesPerSquareCentimetre(0.5), conditions: conditions),
            water: .instantaneous,
            voltageModel: .chargeDifference,
            events: [ScenarioEvent(time: 5000, .blockPump)],
            duration: 10_000,
            sources: [
                ("model", "Kay 2017, Front. Cell Dev. Biol. 5:41, doi:10.3389/fcell.2017.00041; equations and every parameter from the author's script PLM_CD.m (charge-difference method of Fraser & Huang 2004)"),
                ("conductances", "g_Na 0.01, g_K 0.3, g_Cl 0.2 mS/cm² (PLM_CD.m: gna=0.01*0.1/F etc., S/dm² divided by F)"),
                ("pump", "constant, p = 0.5e-4/F mol·dm⁻²·s⁻¹ = 0.5 µA/cm² net outward current, 3 Na : 2 K (PLM_CD.m)"),
                ("cell", "sphere of radius 5 µm, fixed membrane area, C = 1e-4 F/dm² = 1 µF/cm² (PLM_CD.m)"),
                ("solutions", "Osm_out 300 mM, K_out 3, Cl_out = 150, Na_out = 147 mM; impermeant 50 mM, z = −1; initial Cl 100, Na 120, K 30 mM (PLM_CD.m)"),
                ("protocol", "pump on for 0 < t < 5000 s, off until 10 000 s (PLM_CD.m: ton = 0, toff = 5000, tt = 10000)"),
                ("temperature", "25 °C: PLM_CD.m sets RT/F = 25.69 mV, which is 25 °C rounded (CODATA RT/F at 298.15 K = 25.693 mV)"),
            ],
            notes: [
                "PLM_CD.m integrates by explicit Euler (dt = 1 ms) and rescales the volume to osmotic balance after each step; Membrane integrates the same equations with an adaptive stiff method and keeps the volume in exact osmotic balance at all times (the limit the rescaling approximates).",
                "PLM_CD.m uses F = 96485 C/mol and RT/F = 25.69 mV; Membrane uses CODATA 2018 at 25 °C (RT/F = 25.693 mV), a 0.01 % difference.",
                "The capacitance of PLM_CD.m (1e-4 F/dm² = 1 µF/cm²) is physiological; the 7e-6 F/dm² (0.07 µF/cm²) of the later Düsterwald et al. port looks like a units slip and is not used here.",
                "Kay's figure plots 100 × the radius in µm; Membrane reports the volume (µm³ and relative to t = 0).",
            ])
    }

    /// The temperature at which CODATA RT/F equals `millivolts`.
    static func temperature(forThermalVoltage millivolts: Double) -> Temperature {
        let c = ConstantSet.codata2018
        return (try? Temperature.kelvin(millivolts * 1e-3 * c.faraday / c.gasConstant)) ?? .standard
    }

    /// Keener & Sneyd's pump–leak model (*Mathematical Physiology*, 3rd ed., ch. 2; code
    /// `chap02_homeostasis/pump_leak1.m` and `pump_leak_ex.m` of jsneyd/Math-Physiol-3rd-Edition-code) with
    /// the squid values of `pump_leak1.m`: Na_e = 437, K_e = 20 mM, C_e = Na_e + K_e = Cl_e (electroneutral
    /// bath, no external impermeant), γ = g_Na/g_K = 0.11, δ = g_Na/g_Cl = 0.1, z = −1, RT/F = 25.8 mV,
    /// constant pump of dimensionless rate P = F·J/(g_Na·RT/F) = 2 (`pump_leak_ex.m`), electroneutral V and
    /// instantaneous osmotic balance (the assumptions of the book's closed form).
    public static var keenerSneyd: Scenario {
        let conditions = Conditions(temperature: temperature(forThermalVoltage: 25.8))
        let nae = 437.0, ke = 20.0, ce = nae + ke
        let gNa = 0.01
        var s = Scenario(
            name: "keener-sneyd",
            summary: "Keener & Sneyd pump–leak model (Mathematical Physiology ch. 2), squid bath, dimensionless pump rate P",
            conditions: conditions,
            geometry: .sphere(radius: .micrometres(5)),
            capacitance: .microfaradsPerSquareCentimetre(1),
            ions: catalogIons(["Na", "K", "Cl"]),
            inside: [.millimolar(ce / 3), .millimolar(ce), .millimolar(ce / 3)],
            outside: [.millimolar(nae), .millimolar(ke), .millimolar(ce)],
            impermeant: ImpermeantSolute(name: "X", charge: -1, concentration: .millimolar(ce)),
            leaks: [.ohmic("Na", milliSiemensPerSquareCentimetre: gNa), .ohmic("K", milliSiemensPerSquareCentimetre: gNa / 0.11),
                    .ohmic("Cl", milliSiemensPerSquareCentimetre: gNa / 0.1)],
            pump: NaKPump(.constant, maximalRate: 0),
            water: .instantaneous,
            voltageModel: .electroneutral,
            duration: 200_000,
            sources: [
                ("model", "Keener & Sneyd, Mathematical Physiology I, 3rd ed. (Springer), ch. 2 'Cellular Homeostasis', pump–leak model and Fig. 2.17; code chap02_homeostasis/pump_leak1.m (closed form) and pump_leak_ex.m (ODEs) of github.com/jsneyd/Math-Physiol-3rd-Edition-code"),
                ("bath", "Na_e = 437, K_e = 20 mM (squid, pump_leak1.m); Cl_e = Na_e + K_e = 457 mM, the electroneutral bath the closed form assumes"),
                ("conductance ratios", "γ = g_Na/g_K = 0.11 (pump_leak1.m, pump_leak_ex.m); δ = g_Na/g_Cl = 0.1 (pump_leak_ex.m)"),
                ("impermeant", "z = −1; initial state μ₀ = 1, n₀ = 1/3, k₀ = 1, c₀ = n₀ + k₀ + z/μ₀ (pump_leak_ex.m, concentrations scaled by C_e)"),
                ("pump rate", "P = 2 (pump_leak_ex.m, 'don't make this too big'); steady states exist for 0 < P < P_max ≈ 14.22 (pump_leak1.m: 'pump rate values could go to 14.3')"),
                ("temperature", "RT/F = 25.8 mV (pump_leak1.m): the temperature at which CODATA RT/F is 25.8 mV, 26.25 °C"),
            ],
            notes: [
                "Only P, γ, z and the bath enter the steady state; the absolute g_Na (0.01 mS/cm², the value of Kay 2017) and the 5 µm radius set only time scales. The book's model is dimensionless.",
                "The book's table lists squid Cl_e = 556 mM, but its closed form (pump_leak1.m) takes C_e = Na_e + K_e; the preset follows the code.",
                "The initial state is hyperosmotic (μ₀ = 1 with n₀ + k₀ + c₀ + 1/μ₀ > 2); with instantaneous water the cell takes its osmotic volume at t = 0.",
            ])
        try? s.setDimensionlessPumpRate(2)
        return s
    }
}
