import Membrane

/// The JSON state object of INTERFACE.md (time_s, vm_mV, inside_mM, outside_mM, volume_um3,
/// volume_relative) with further keys; `exchanged_mol` (ion → what a finite bath's exchange removed) when there is one.
public func stateJSON(_ s: CellState) -> JSONValue {
    .object([
        ("time_s", .number(s.time)),
        ("vm_mV", .number(s.potential.millivolts)),
        ("inside_mM", .object(zip(s.ions, s.inside).map { ($0.0.name, .number($0.1.millimolar)) })),
        ("outside_mM", .object(zip(s.ions, s.outside).map { ($0.0.name, .number($0.1.millimolar)) })),
        ("volume_um3", .number(s.volume * 1e18)),
        ("volume_relative", .number(s.relativeVolume)),
        ("impermeant_inside_mM", .number(s.impermeantInside.millimolar)),
        ("impermeant_outside_mM", .number(s.impermeantOutside.millimolar)),
        ("osmolarity_inside_mOsm", .number(s.osmolarityInside)),
        ("osmolarity_outside_mOsm", .number(s.osmolarityOutside)),
        ("charge_C", .number(s.charge)),
        ("pump_activity", .number(s.pumpActivity)),
        ("pump_cycle_flux_mol_per_m2_s", .number(s.transport.pump)),
        ("net_flux_mol_per_m2_s", .object(zip(s.ions, s.netFluxes).map { ($0.0.name, .number($0.1)) })),
    ] + (s.exchanged.isEmpty ? [] : [("exchanged_mol", .object(zip(s.ions, s.exchanged).map { ($0.0.name, .number($0.1)) }))]))
}

/// JSON of the pump's energy budget.
public func energyJSON(_ e: PumpEnergyBudget) -> JSONValue {
    .object([
        ("pump_cycles_per_s", .number(e.cyclesPerSecond * e.work.conditions.constants.avogadro)),
        ("atp_per_s", .number(e.atpPerSecond)),
        ("pump_current_uA_per_cm2", .number(e.pumpCurrent.microamperesPerSquareCentimetre)),
        ("work_per_cycle_kJ_per_mol", .number(e.work.total.kilojoulesPerMole)),
        ("work_sodium_kJ_per_mol", .number(e.work.sodium.kilojoulesPerMole)),
        ("work_potassium_kJ_per_mol", .number(e.work.potassium.kilojoulesPerMole)),
        ("work_electrical_kJ_per_mol", .number(e.work.electrical.kilojoulesPerMole)),
        ("delta_g_atp_kJ_per_mol", .number(e.atp.deltaG.kilojoulesPerMole)),
        ("delta_g_atp_source", .string(e.atp.source)),
        ("efficiency", .number(e.efficiency)),
        ("power_consumed_W", .number(e.powerConsumed)),
        ("power_stored_W", .number(e.powerStored)),
        ("passive_dissipation_W", .number(e.passiveDissipation)),
        ("stall_voltage_mV", .number(e.stallVoltage.millivolts)),
        ("beyond_stall", .bool(e.beyondStall)),
    ])
}

/// How the pump–leak cell balances water (the same in every run): ideal, as the published models.
let pumpLeakOsmoticModel = "van 't Hoff, ideal (osmotic coefficient 1), as Kay 2017 and Keener & Sneyd"

/// JSON of the pump's ATP and ADP and the rate factor they give (``PumpNucleotides``).
public func nucleotidesJSON(_ n: PumpNucleotides) -> JSONValue {
    .object([
        ("atp_mM", .number(n.atp.millimolar)), ("adp_mM", .number(n.adp.millimolar)),
        ("atp_half_saturation_uM", .number(n.halfSaturationATP.millimolar * 1000)),
        ("adp_inhibition_mM", .number(n.inhibitionADP.millimolar)),
        ("rate_factor", .number(n.factor)),
        ("source", .string("f = [ATP]/([ATP] + K_m·(1 + [ADP]/K_i)), Cortassa et al. 2006 Biophys. J. 91:1564")),
    ])
}

/// The text line for the pump's ATP and ADP.
func nucleotidesLine(_ n: PumpNucleotides) -> String {
    "pump ATP \(Format.significant(n.atp.millimolar, 4)) mM, ADP \(Format.significant(n.adp.millimolar, 4)) mM: rate × "
        + "\(Format.significant(n.factor, 5)) (K_m,ATP = \(Format.significant(n.halfSaturationATP.millimolar * 1000, 3)) µM, "
        + "K_i,ADP = \(Format.significant(n.inhibitionADP.millimolar, 3)) mM; Cortassa et al. 2006)"
}

/// Text lines for the energy budget.
func energyLines(_ e: PumpEnergyBudget) -> [String] {
    var lines = [
        "Na/K pump: \(Format.significant(e.atpPerSecond, 4)) ATP/s per cell (\(Format.significant(e.pumpCurrent.microamperesPerSquareCentimetre, 4)) µA/cm² net outward), "
            + "power drawn \(Format.significant(e.powerConsumed, 4)) W",
        "  work per cycle (3 Na⁺ out, 2 K⁺ in) = \(Format.fixed(e.work.total.kilojoulesPerMole, 2)) kJ/mol "
            + "= Na \(Format.fixed(e.work.sodium.kilojoulesPerMole, 2)) + K \(Format.fixed(e.work.potassium.kilojoulesPerMole, 2)) "
            + "+ electrical \(Format.fixed(e.work.electrical.kilojoulesPerMole, 2)); ATP gives \(Format.fixed(abs(e.atp.deltaG.kilojoulesPerMole), 1)) kJ/mol",
        "  efficiency \(Format.fixed(100 * e.efficiency, 1)) %; the pump stalls at V_m = \(Format.fixed(e.stallVoltage.millivolts, 1)) mV at these concentrations"
            + (e.beyondStall ? " — BEYOND STALL: a real pump could not run forward here" : ""),
    ]
    if e.cyclesPerSecond > 0 {
        lines.append("  passive fluxes dissipate \(Format.significant(e.passiveDissipation, 4)) W (= stored \(Format.significant(e.powerStored, 4)) W at a steady state)")
    }
    return lines
}

/// A table of one cell state.
func stateTable(_ s: CellState, conditions: Conditions) -> String {
    var table = TextTable(headers: ["ion", "inside (mM)", "outside (mM)", "E (mV)", "net flux (mol/m²/s)"])
    for (j, ion) in s.ions.enumerated() {
        let e = Nernst.volts(z: ion.charge, inside: s.inside[j].millimolar, outside: s.outside[j].millimolar,
                             thermalVoltage: conditions.thermalVoltage) * 1e3
        table.add([ion.name, Format.significant(s.inside[j].millimolar, 6), Format.significant(s.outside[j].millimolar, 6),
                   Format.fixed(e, 2), Format.significant(s.netFluxes[j], 3)])
    }
    table.add(["impermeant", Format.significant(s.impermeantInside.millimolar, 6),
               Format.significant(s.impermeantOutside.millimolar, 6), "–", "0"])
    return table.render()
}
