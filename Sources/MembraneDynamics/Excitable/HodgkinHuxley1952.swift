import MembraneUnits
import MembraneChemistry
import MembranePhysics
import RealModule

/// How the Hodgkin–Huxley cell treats its Na⁺ and K⁺ concentrations and so its E_Na and E_K.
public enum HodgkinHuxleyConcentrations: Sendable, Hashable {
    /// NEURON's `hh` as it ships: E_Na and E_K are fixed numbers (`ena`, `ek`, which `hh` only reads); the
    /// concentrations never change and do not enter.
    case fixed
    /// E_Na and E_K from the Nernst equation of concentrations that are held (the inside ones chosen to give the
    /// preset's E at t = 0): the same equations as ``fixed``, reached through the concentration machinery.
    case held
    /// Na⁺ and K⁺ inside change with the currents they carry (dN/dt = −A·I/(zF)), and E_Na, E_K follow them (Nernst,
    /// recomputed at every evaluation). Outside is an infinite bath (`extracellularVolume` nil) or a restricted
    /// extracellular space of that volume relative to the cell's, whose concentrations change too.
    case dynamic(extracellularVolume: Double?)
}

extension Scenario {
    /// NEURON's default outside concentrations (nao 140, ko 2.5 mM; NEURON's `ion_register` defaults).
    public static let neuronDefaultOutside: (na: Double, k: Double) = (140, 2.5)

    /// The single-compartment cell of Tests/Reference/hh: a cylinder of length 10 µm and diameter 10/π µm, whose
    /// lateral area (NEURON's, ends excluded) is 100 µm² and volume 250/π µm³.
    public static let neuronReferenceCompartment = CellGeometry(
        area: 100e-12, volume: 250 / Double.pi * 1e-18,
        description: "cylinder of length 10 µm and diameter 10/π µm (area 100 µm² without the ends, volume 79.6 µm³)")

    /// Hodgkin & Huxley's squid axon membrane (J. Physiol. 117:500–544, 1952) exactly as NEURON's built-in `hh`
    /// mechanism (`share/modfile/hh.mod`, SW Jaslove 1992) in one compartment:
    ///
    ///     C·dV/dt = I_stim − ḡ_Na·m³h·(V − E_Na) − ḡ_K·n⁴·(V − E_K) − g_L·(V − E_L)
    ///     dx/dt = φ·(α_x(V)·(1 − x) − β_x(V)·x),  x = m, h, n,  φ = 3^((T − 6.3 °C)/10)
    ///
    /// with the rates of ``HodgkinHuxleyChannel/hodgkinHuxley1952Sodium(conductance:reversal:)`` and
    /// ``HodgkinHuxleyChannel/hodgkinHuxley1952Potassium(conductance:reversal:)``, the leak a nonspecific current
    /// (``PassiveCurrent``, hh.mod's `il`), 6.3 °C, and the start of NEURON's `finitialize(-65)`: V = −65 mV, gates at
    /// their steady state there. Conductances in mS/cm², potentials in mV, C in µF/cm². ``HodgkinHuxleyConcentrations``
    /// chooses whether E_Na and E_K are fixed (NEURON), held by concentrations, or follow them. `potassiumOutside`
    /// (mM) replaces NEURON's ko = 2.5 mM outside with K⁺ inside unchanged (hyperkalemia: E_K = (RT/F)·ln(K_o/K_i));
    /// with E fixed it does not enter.
    public static func hodgkinHuxley1952(gNa: Double = 120, gK: Double = 36, gL: Double = 0.3, eNa: Double = 50,
                                         eK: Double = -77, eL: Double = -54.3, capacitance: Double = 1,
                                         concentrations: HodgkinHuxleyConcentrations = .fixed,
                                         geometry: CellGeometry = neuronReferenceCompartment,
                                         potassiumOutside: Double? = nil) -> Scenario {
        let conditions = Conditions(temperature: HodgkinHuxleyChannel.squidTemperature)
        let vt = conditions.thermalVoltage
        // Inside concentrations that give E_Na and E_K at t = 0 against NEURON's outside defaults: c_in = c_out·e^(−zE/(RT/F)).
        let (naOut, kOutDefault) = neuronDefaultOutside
        let naIn = naOut * Double.exp(-eNa * 1e-3 / vt), kIn = kOutDefault * Double.exp(-eK * 1e-3 / vt)
        // Hyperkalemia: the bath's K⁺ raised (or lowered) with the cell's K⁺ unchanged, so E_K = (RT/F)·ln(K_o/K_i)
        // moves from E_K (ignored with E fixed, where concentrations do not enter).
        let kOut = potassiumOutside ?? kOutDefault
        let eKStart = vt * Double.log(kOut / kIn) * 1e3
        let reversalNa: PermeationLaw.Reversal, reversalK: PermeationLaw.Reversal
        var fixedIons: [String] = [], bath = Bath.infinite
        var inside = [naIn, kIn], impermeant = ImpermeantSolute(name: "X", charge: -1, concentration: .zero)
        var outsideImpermeant = ImpermeantSolute(name: "X_out", charge: -1, concentration: .zero)
        let mode: String
        switch concentrations {
        case .fixed:
            reversalNa = .fixed(.millivolts(eNa)); reversalK = .fixed(.millivolts(eK))
            fixedIons = ["Na", "K"]
            inside = [10, 54.4]  // NEURON's nai, ki defaults; they do not enter (E fixed)
            mode = "E_Na and E_K fixed at \(eNa) and \(eK) mV (NEURON's ena and ek; hh only reads them): concentrations do not enter"
        case .held:
            reversalNa = .nernst; reversalK = .nernst
            fixedIons = ["Na", "K"]
            mode = "E_Na and E_K from the Nernst equation of held concentrations (Na \(naIn) | \(naOut) mM, K \(kIn) | \(kOut) mM)"
        case .dynamic(let ecs):
            reversalNa = .nernst; reversalK = .nernst
            // Electroneutral compartments: an impermeant anion balances Na⁺ + K⁺ on each side.
            impermeant = ImpermeantSolute(name: "X", charge: -1, concentration: .millimolar(naIn + kIn))
            outsideImpermeant = ImpermeantSolute(name: "X_out", charge: -1, concentration: .millimolar(naOut + kOut))
            if let ecs { bath = .finite(relativeVolume: ecs) }
            let space = ecs.map { " and in an extracellular space of \($0) × the cell volume" } ?? ""
            mode = "Na⁺ and K⁺ inside\(space) follow the currents; E_Na and E_K follow the concentrations (Nernst), starting at \(eNa) and \(eKStart) mV"
        }
        return Scenario(
            name: "hodgkin-huxley-1952",
            summary: "Hodgkin & Huxley 1952 squid axon membrane as NEURON's hh, one compartment, 6.3 °C",
            conditions: conditions, geometry: geometry, capacitance: .microfaradsPerSquareCentimetre(capacitance),
            ions: catalogIons(["Na", "K"]), inside: inside.map { .millimolar($0) },
            outside: [.millimolar(naOut), .millimolar(kOut)], impermeant: impermeant, outsideImpermeant: outsideImpermeant,
            bath: bath, leaks: [], pump: nil, water: .impermeable, duration: 1,
            sources: [
                ("model", "Hodgkin & Huxley 1952, J. Physiol. 117:500–544 (doi:10.1113/jphysiol.1952.sp004764), as NEURON's built-in hh mechanism (share/modfile/hh.mod, SW Jaslove 1992)"),
                ("conductances", "ḡ_Na 0.12, ḡ_K 0.036, g_L 0.0003 S/cm² = 120, 36, 0.3 mS/cm²; E_L −54.3 mV (hh.mod PARAMETER)"),
                ("reversal potentials", "E_Na 50, E_K −77 mV: NEURON's default ena and ek"),
                ("rates", "hh.mod PROCEDURE rates, Q10 = 3 from 6.3 °C (NEURON's default celsius); rate tables off (usetable_hh = 0)"),
                ("initial state", "V = −65 mV, m, h, n at their steady state there (finitialize(-65), hh.mod INITIAL)"),
                ("membrane", "C = 1 µF/cm²; one compartment of area 100 µm² (Tests/Reference/hh)"),
            ],
            notes: [mode],
            mechanisms: [
                HodgkinHuxleyChannel.hodgkinHuxley1952Sodium(conductance: .millisiemensPerSquareCentimetre(gNa), reversal: reversalNa),
                HodgkinHuxleyChannel.hodgkinHuxley1952Potassium(conductance: .millisiemensPerSquareCentimetre(gK), reversal: reversalK),
                PassiveCurrent(name: "hh_L", conductance: .millisiemensPerSquareCentimetre(gL), reversal: .millivolts(eL)),
            ],
            fixedIons: fixedIons, initialPotential: .millivolts(-65))
    }
}

extension ScenarioPreset {
    /// `hodgkin-huxley-1952`: ``Scenario/hodgkinHuxley1952(gNa:gK:gL:eNa:eK:eL:capacitance:concentrations:geometry:potassiumOutside:)``
    /// with NEURON's `hh` values, its parameters named as in the paper (INTERFACE.md fixes g_Na, g_K, g_L, E_L).
    public static let hodgkinHuxley1952 = hodgkinHuxley1952(concentrations: .fixed)

    /// The same preset with another treatment of the concentrations (``HodgkinHuxleyConcentrations``).
    ///
    /// With `held` or `dynamic` concentrations the preset also has `K_o` (mM, default NEURON's 2.5): the bath's K⁺,
    /// with K⁺ inside chosen for E_K at the default, so raising K_o is hyperkalemia (E_K = (RT/F)·ln(K_o/K_i)).
    public static func hodgkinHuxley1952(concentrations: HodgkinHuxleyConcentrations) -> ScenarioPreset {
        let potential = -200.0...200.0
        let concentrationParameters = concentrations == .fixed ? [] : [
            PresetParameter("K_o", Scenario.neuronDefaultOutside.k, unit: "mM",
                            summary: "K⁺ outside (bath; K⁺ inside set by E_K at 2.5 mM): raise it for hyperkalemia", allowed: 0.01...500),
        ]
        return ScenarioPreset(
            name: "hodgkin-huxley-1952",
            summary: "Hodgkin & Huxley 1952 squid axon membrane as NEURON's hh (one compartment, 6.3 °C)",
            source: "Hodgkin & Huxley 1952, J. Physiol. 117:500; NEURON's hh.mod",
            parameters: [
                PresetParameter("g_Na", 120, unit: "mS/cm²", summary: "maximal Na⁺ conductance", allowed: 0...10_000),
                PresetParameter("g_K", 36, unit: "mS/cm²", summary: "maximal K⁺ conductance", allowed: 0...10_000),
                PresetParameter("g_L", 0.3, unit: "mS/cm²", summary: "leak conductance", allowed: 0...1_000),
                PresetParameter("E_Na", 50, unit: "mV", summary: "Na⁺ reversal potential", allowed: potential),
                PresetParameter("E_K", -77, unit: "mV", summary: "K⁺ reversal potential", allowed: potential),
                PresetParameter("E_L", -54.3, unit: "mV", summary: "leak reversal potential", allowed: potential),
                PresetParameter("C_m", 1, unit: "µF/cm²", summary: "specific membrane capacitance", allowed: 0.01...100),
            ] + concentrationParameters,
            make: { v in
                Scenario.hodgkinHuxley1952(gNa: v[0], gK: v[1], gL: v[2], eNa: v[3], eK: v[4], eL: v[5], capacitance: v[6],
                                           concentrations: concentrations, potassiumOutside: v.count > 7 ? v[7] : nil)
            })
    }
}
