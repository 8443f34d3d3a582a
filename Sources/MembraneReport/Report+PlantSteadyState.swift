import Membrane

/// The pump–leak steady state of a plant cell (``PlantSteadyState``) as the `steady_state` object of `membrane plant`
/// and its text block. Currents in µA/cm² (outward positive), fluxes in pmol·cm⁻²·s⁻¹ (efflux positive; the
/// symporter's influx positive into the cytosol).
public struct PlantSteadyStateReport: Renderable {
    /// The solved steady state.
    public var state: PlantSteadyState

    /// A report of `state`.
    public init(state: PlantSteadyState) { self.state = state }

    static let pmol = 1e8  // mol·m⁻²·s⁻¹ → pmol·cm⁻²·s⁻¹

    public var json: JSONValue {
        let s = state, c = s.cell, ln10 = Double.log(10)
        let ua = { (i: CurrentDensity) -> JSONValue in JSONValue.number(i.microamperesPerSquareCentimetre) }
        let pm = { (j: MolarFlux) -> JSONValue in JSONValue.number(j.molesPerSquareMetreSecond * Self.pmol) }
        var pairs: [(String, JSONValue)] = [
            ("vm_mV", .number(s.vm.millivolts)),
            ("inside_mM", .object([("K", .number(s.potassiumInside.millimolar)), ("Cl", .number(s.chlorideInside.millimolar))])),
            ("outside_mM", .object([("K", .number(c.potassiumOutside.millimolar)), ("Cl", .number(c.chlorideOutside.millimolar))])),
            ("ph_inside", .number(c.pHCytosol)),
            ("ph_outside", .number(c.pHApoplast)),
            ("proton_potential_mV", .number(s.protonPotential.millivolts)),
            ("potassium_potential_mV", .number(s.potassiumPotential.millivolts)),
            ("chloride_potential_mV", .number(s.chloridePotential?.millivolts)),
            ("stall_potential_mV", .number(s.stallPotential.millivolts)),
            ("leak_ghk_potential_mV", .number(s.leakPotential.millivolts)),
            ("pump_current_uA_per_cm2", ua(s.pumpCurrent)),
            ("atp_use_pmol_per_cm2_s", pm(s.atpUse)),
            ("symport_influx_pmol_per_cm2_s", pm(s.symportInflux)),
            ("symport_current_uA_per_cm2", ua(s.symportCurrent)),
            ("chloride_symport_influx_pmol_per_cm2_s", pm(s.chlorideSymportInflux)),
            ("chloride_symport_current_uA_per_cm2", ua(s.chlorideSymportCurrent)),
            ("leak_current_uA_per_cm2", .object([("K", ua(s.potassiumLeakCurrent)), ("Cl", ua(s.chlorideLeakCurrent)),
                                                 ("H", ua(s.protonLeakCurrent))])),
            ("net_efflux_pmol_per_cm2_s", .object([("K", pm(s.netPotassiumEfflux)), ("Cl", pm(s.netChlorideEfflux)),
                                                   ("H", pm(s.netProtonEfflux))])),
            ("net_current_uA_per_cm2", ua(s.netCurrent)),
        ]
        pairs += [
            ("potassium_ratio", .number(Double.exp(s.potassiumLogRatio))),
            ("log10_potassium_ratio", .number(s.potassiumLogRatio / ln10)),
            ("log10_uniporter_max_ratio", .number(s.uniporterLogBound / ln10)),
            ("log10_symporter_max_ratio", .number(s.symporterLogBound / ln10)),
            ("log10_chloride_ratio", .number(s.chlorideLogRatio.map { $0 / ln10 })),
            ("log10_chloride_symporter_max_ratio", .number(s.chlorideSymporterLogBound.map { $0 / ln10 })),
            ("impermeant_charge_mM", .number(s.impermeantCharge)),
            ("osmolarity_inside_mOsm", .number(s.wall?.osmolarityInside ?? s.ionOsmolarity)),
            ("osmolarity_outside_mOsm", .number(s.outsideOsmolarity)),
            ("volume_relative", .number(s.wall?.relativeVolume)),
            ("turgor_MPa", .number(s.wall.map { $0.turgor / 1e6 })),
        ]
        let clSymport: JSONValue = c.chlorideSymporter.map { pm($0.maximumFlux) } ?? .number(0)
        let clProtons: JSONValue = c.chlorideSymporter.map { JSONValue.integer($0.protonsPerSubstrate) } ?? .null
        let parameters: [(String, JSONValue)] = [
                ("pump_max_uA_per_cm2", ua(c.pump.saturationCurrent)),
                ("protons_per_atp", .integer(c.pump.protonsPerATP)),
                ("p_k_cm_per_s", .number(c.leaks.potassium.centimetresPerSecond)),
                ("p_cl_cm_per_s", .number(c.leaks.chloride.centimetresPerSecond)),
                ("p_h_cm_per_s", .number(c.leaks.proton.centimetresPerSecond)),
                ("symport_max_pmol_per_cm2_s", pm(c.symporter.maximumFlux)),
                ("symport_km_mM", .number(c.symporter.halfSaturation.millimolar)),
                ("protons_per_potassium", .integer(c.symporter.protonsPerSubstrate)),
                ("cl_symport_max_pmol_per_cm2_s", clSymport),
                ("cl_symport_km_mM", .number(c.chlorideSymporter?.halfSaturation.millimolar)),
                ("protons_per_chloride", clProtons),
                ("wall_modulus_MPa", .number(c.wall.map { $0.elasticModulus / 1e6 })),
                ("neutral_osmolytes_mM", .number(c.wall?.neutralOsmolytes.millimolar)),
        ]
        pairs += [
            ("parameters", .object(parameters)),
            ("warnings", .array(s.warnings.map { .string($0) })),
            ("converged", .bool(true)),
            ("iterations", .integer(s.iterations)),
            ("equations", .array([
                .string("net current I_pump + I_sym + I_K + I_Cl + I_H = 0; net K⁺, Cl⁻ (and so H⁺) flux = 0; pH_in clamped"),
                .string("H⁺-ATPase: two-state class-I carrier (Hansen et al. 1981), I = 0 at V_stall = E_H − |ΔG_ATP|/(n·F)"),
                .string("K⁺/H⁺ symport J = J_max·K_o/(K_m + K_o)·(1 − e^{ΔG/RT}), ΔG = RT·ln(K_i/K_o) + n·RT·ln(H_i/H_o) + (1 + n)·F·V"),
                .string("optional Cl⁻/2 H⁺ symport, the same form with z = −1, n = 2 (Sanders 1980); without it Cl⁻ (leak only) sits at its Nernst potential"),
                .string("leaks: GHK currents; impermeant charge X = Cl_i − K_i (electroneutral cytosol)"),
                .string("wall: ε·max(0, V/V_wall − 1) = R·T·(Osm_in − Osm_out)"),
            ])),
            ("sources", .array(Self.sources.map { .string($0) })),
        ]
        return .object(pairs)
    }

    /// The sources of the steady state's model and default parameters.
    public static let sources = [
        "H⁺-ATPase two-state model: Hansen, Gradmann, Sanders & Slayman 1981, J. Membr. Biol. 63:165; sigmoid pump I–V reversing near −400 mV: Gradmann et al. 1978, J. Membr. Biol. 39:333 (Neurospora), Blatt, Beilby & Tester 1990, J. Membr. Biol. 114:205 (Chara); default I_sat 1 µA/cm²: order of magnitude, chosen with P_H to put the preset in the published V_m range",
        "K⁺/H⁺ symport 1:1, K_m 30 µM: Maathuis & Sanders 1994, PNAS 91:9272; J_max 1 pmol/cm²/s: order of magnitude of plant K⁺ influx",
        "Cl⁻/2 H⁺ symport (off unless given): Sanders 1980, J. Membr. Biol. 53:129 (Chara); default K_m 10 µM: order of magnitude",
        "leaks: P_K 1e-6, P_Cl 1e-8 cm/s (order of magnitude); P_H 1e-4 cm/s (order of the H⁺/OH⁻ permeability of lipid bilayers: Deamer & Nichols 1983, PNAS 80:165)",
        "H⁺ circuit and pH regulation: Sanders, Hansen & Slayman 1981, PNAS 78:5903; organic anions as K⁺ counter-ions (biochemical pH-stat): Raven & Smith 1976, New Phytol. 76:415",
        "plant V_m −120 to −200 mV: Maathuis & Sanders 1993, Planta 191:302; Hirsch et al. 1998, Science 280:918",
    ]

    public var text: String {
        let s = state, c = s.cell
        let ua = { (i: CurrentDensity) in Format.signed(i.microamperesPerSquareCentimetre, 4) }
        let pm = { (j: MolarFlux) in Format.significant(j.molesPerSquareMetreSecond * Self.pmol, 4) }
        var lines = [
            "pump–leak steady state (net current 0, net K⁺ and Cl⁻ flux 0, pH_in clamped at \(Format.fixed(c.pHCytosol, 2))): V_m = \(Format.signed(s.vm.millivolts, 1)) mV",
            "  between the pump's stall potential \(Format.signed(s.stallPotential.millivolts, 1)) mV and E_H = \(Format.signed(s.protonPotential.millivolts, 1)) mV; E_K = \(Format.signed(s.potassiumPotential.millivolts, 1)) mV"
                + (s.chloridePotential.map { ", E_Cl = \(Format.signed($0.millivolts, 1)) mV" } ?? "")
                + "; the leaks alone (GHK) would give \(Format.signed(s.leakPotential.millivolts, 1)) mV",
            "  cytosol: K⁺ \(Format.concentration(s.potassiumInside.millimolar)), Cl⁻ \(Format.concentration(s.chlorideInside.millimolar)); impermeant charge for electroneutrality \(Format.signed(s.impermeantCharge, 2)) mM",
            "  H⁺-ATPase \(ua(s.pumpCurrent)) µA/cm², ATP use \(pm(s.atpUse)) pmol/cm²/s; returned by the H⁺ leak \(ua(s.protonLeakCurrent)) µA/cm² and the K⁺/H⁺ symporter (K⁺ influx \(pm(s.symportInflux)) pmol/cm²/s, \(ua(s.symportCurrent)) µA/cm²)",
            "  K⁺ accumulation [K]in/[K]out = \(Format.significant(Double.exp(s.potassiumLogRatio), 4)): above the channel bound exp(−FV/RT) = \(Format.significant(Double.exp(s.uniporterLogBound), 4)), below the symporter's \(Format.significant(Double.exp(s.symporterLogBound), 4))",
            "  residuals: net current \(Format.significant(s.netCurrent.microamperesPerSquareCentimetre, 3)) µA/cm²; net efflux K⁺ \(pm(s.netPotassiumEfflux)), Cl⁻ \(pm(s.netChlorideEfflux)), H⁺ \(pm(s.netProtonEfflux)) pmol/cm²/s",
        ]
        if c.chlorideSymporter != nil {
            lines.insert("  Cl⁻/2 H⁺ symporter: Cl⁻ influx \(pm(s.chlorideSymportInflux)) pmol/cm²/s (\(ua(s.chlorideSymportCurrent)) µA/cm²), holding Cl⁻ at \(Format.significant(Double.exp(s.chlorideLogRatio ?? 0), 4)) × outside (leak alone: \(Format.significant(Double.exp(s.vm.volts / c.conditions.thermalVoltage), 4)), symporter bound \(Format.significant(Double.exp(s.chlorideSymporterLogBound ?? 0), 4)))", at: 5)
        }
        if let w = s.wall {
            lines.append("  wall: volume \(Format.fixed(w.relativeVolume, 4)) × reference, osmolarity \(Format.fixed(w.osmolarityInside, 1)) vs \(Format.fixed(w.osmolarityOutside, 2)) mOsm/L, turgor \(Format.fixed(w.turgor / 1e6, 3)) MPa (ε·(V/V_wall − 1) = RT·ΔOsm)")
        }
        lines += s.warnings.map { "  warning: \($0)" }
        lines += Self.sources.map { "  source: \($0)" }
        return lines.joined(separator: "\n")
    }
}
