import Membrane

/// The `plant` command's result: H⁺ energetics of a plant or fungal plasma membrane, K⁺ accumulation limits and,
/// for a walled cell, its Donnan equilibrium and turgor; with the apoplast's K⁺ known, the pump–leak steady state.
public struct PlantCellReport: Renderable {
    public var analysis: PlantCellAnalysis
    public var preset: PlantCellPreset?
    /// The pump–leak steady state (``PlantSteadyStateSolver``), when computed.
    public var steadyState: PlantSteadyState?

    public init(analysis: PlantCellAnalysis, preset: PlantCellPreset? = nil, steadyState: PlantSteadyState? = nil) {
        self.analysis = analysis
        self.preset = preset
        self.steadyState = steadyState
    }

    public var json: JSONValue {
        let a = analysis, cell = a.cell, k = a.potassium
        var pairs: [(String, JSONValue)] = [
            ("vm_mV", .number(cell.vm.millivolts)),
            ("ph_inside", .number(cell.pHCytosol)),
            ("ph_outside", .number(cell.pHApoplast)),
            ("proton_potential_mV", .number(a.pmf.protonEquilibriumPotential.millivolts)),
            ("pmf_mV", .number(a.pmf.value.millivolts)),
            ("delta_g_kJ_per_mol", .number(a.pmf.transfer.total.kilojoulesPerMole)),
            ("convention", .string("inside = cytosol, outside = apoplast (or medium); Δp = V_m − E_H; ΔG for one mole of H⁺ entering")),
            ("h_atpase", .object([
                ("protons_per_atp", .integer(a.pump.protonsPerATP)),
                ("work_per_cycle_kJ_per_mol", .number(a.pump.workPerCycle.kilojoulesPerMole)),
                ("delta_g_atp_kJ_per_mol", .number(a.pump.atp.deltaG.kilojoulesPerMole)),
                ("efficiency", .number(a.pump.efficiency)),
                ("stall_potential_mV", .number(a.pump.stallPotential.millivolts)),
                ("beyond_stall", .bool(a.pump.beyondStall)),
                ("equation", .string("V_stall = E_H − |ΔG_ATP|/(n·F)")),
            ])),
            ("potassium", .object([
                ("uniporter_max_ratio", .number(k.uniporterMaximumRatio)),
                ("uniporter_equation", .string("[K]in/[K]out ≤ exp(−F·V/RT)")),
                ("protons_per_potassium", .integer(k.protonsPerPotassium)),
                ("symporter_max_ratio", .number(k.symporterMaximumRatio)),
                ("symporter_equation", .string("[K]in/[K]out ≤ exp(−(1+n)·F·V/RT)·10^(n·(pH_in − pH_out))")),
                ("log10_uniporter_max_ratio", .number(k.uniporterLogRatio / Double.log(10))),
                ("log10_symporter_max_ratio", .number(k.symporterLogRatio / Double.log(10))),
                ("inside_mM", .number(cell.potassiumCytosol?.millimolar)),
                ("outside_mM", .number(cell.potassiumApoplast?.millimolar)),
                ("reversal_potential_mV", .number(a.potassiumReversal?.millivolts)),
                ("min_outside_uniporter_mM", .number(cell.potassiumCytosol.map { k.minimumOutside(forInside: $0).uniporter.millimolar })),
                ("min_outside_symporter_mM", .number(cell.potassiumCytosol.map { k.minimumOutside(forInside: $0).symporter.millimolar })),
            ])),
            ("wall", a.donnan.map { $0.json } ?? .null),
            ("turgor_MPa", .number(a.donnan?.turgor.map { $0 / 1e6 })),
            ("steady_state", steadyState.map { PlantSteadyStateReport(state: $0).json }
                ?? .string("not computed: the steady state needs the apoplast's K⁺ (`k-outside` or `preset`)")),
        ]
        if let preset {
            pairs += [("preset", .string(preset.name)), ("description", .string(preset.description)),
                      ("sources", .array(preset.sources.map { .string($0) }))]
        }
        pairs += conditionsFields(a.conditions)
        return .object(pairs)
    }

    public var text: String {
        let a = analysis, cell = a.cell, k = a.potassium
        var lines: [String] = []
        if let preset { lines.append("\(preset.name): \(preset.description)") }
        lines += [
            "E_H = (ln10·RT/F)·(pH_cyt − pH_apo) = \(Format.signed(a.pmf.protonEquilibriumPotential.millivolts, 1)) mV (pH \(Format.fixed(cell.pHCytosol, 2)) inside, \(Format.fixed(cell.pHApoplast, 2)) outside); V_m = \(Format.signed(cell.vm.millivolts, 1)) mV",
            "Δp = V_m − E_H = \(Format.signed(a.pmf.value.millivolts, 1)) mV: ΔG(H⁺ in) = \(Format.signed(a.pmf.transfer.total.kilojoulesPerMole, 2)) kJ/mol — the H⁺ gradient, not Na⁺, energizes this membrane",
            "H⁺-ATPase (\(a.pump.protonsPerATP) H⁺/ATP, Palmgren 2001): each cycle stores \(Format.fixed(a.pump.workPerCycle.kilojoulesPerMole, 2)) kJ/mol of the \(Format.fixed(abs(a.pump.atp.deltaG.kilojoulesPerMole), 1)) from ATP (efficiency \(Format.fixed(100 * a.pump.efficiency, 1)) %); it stalls at V_stall = E_H − |ΔG_ATP|/(nF) = \(Format.signed(a.pump.stallPotential.millivolts, 1)) mV"
                + (a.pump.beyondStall ? " — V_m is beyond the stall: no H⁺-ATPase could hold it" : ""),
            "K⁺ accumulation at this V_m: channel (uniport) [K]in/[K]out ≤ exp(−FV/RT) = \(Format.significant(k.uniporterMaximumRatio, 4)); \(k.protonsPerPotassium) H⁺ : 1 K⁺ symport ≤ exp(−(1+n)FV/RT)·10^(n·ΔpH) = \(Format.significant(k.symporterMaximumRatio, 4)) (× exp(−n·F·Δp/RT) = \(Format.significant(k.symporterMaximumRatio / k.uniporterMaximumRatio, 4)))",
        ]
        if let kIn = cell.potassiumCytosol {
            let m = k.minimumOutside(forInside: kIn)
            lines.append("  to hold \(Format.concentration(kIn.millimolar)) K⁺ inside, a channel needs ≥ \(Format.concentration(m.uniporter.millimolar)) outside, the symporter ≥ \(Format.concentration(m.symporter.millimolar))")
            if let kOut = cell.potassiumApoplast, let ek = a.potassiumReversal {
                let byChannel = kOut >= m.uniporter
                lines.append("  with \(Format.concentration(kOut.millimolar)) outside E_K = \(Format.signed(ek.millivolts, 1)) mV: "
                             + (byChannel ? "V_m < E_K, channels can take K⁺ up" : "V_m > E_K, channels would lose K⁺ — uptake needs the H⁺-coupled symporter"))
            }
        }
        if let d = a.donnan {
            lines.append("cell wall (passive Gibbs–Donnan reference; the pump is not in it): V_D = \(Format.signed(d.potential.millivolts, 1)) mV, volume \(Format.fixed(d.relativeVolume, 4)) × the wall's relaxed volume, osmolarity \(Format.fixed(d.osmolarityInside, 1)) inside vs \(Format.fixed(d.osmolarityOutside, 2)) mOsm/L outside, turgor \(d.turgor.map { Format.fixed($0 / 1e6, 3) + " MPa" } ?? "none")")
            lines.append("  turgor P = ε·(V/V_wall − 1) = R·T·(Osm_in − Osm_out) (van 't Hoff); `membrane donnan` shows the full equilibrium")
        }
        if let steadyState {
            lines.append(PlantSteadyStateReport(state: steadyState).text)
        } else {
            lines.append("pump–leak steady state not computed: it needs the apoplast's K⁺ (--k-outside or --preset); V_m is taken as given above")
        }
        if let preset { lines += preset.sources.map { "source: \($0)" } }
        lines.append(conditionsLine(a.conditions))
        return lines.joined(separator: "\n")
    }
}
