import Membrane

/// The `drive` command's result: driving force, directions, flux ratio and ΔG of one ion at V_m.
public struct DriveReport: Renderable {
    public var nernst: NernstResult
    public var drivingForce: DrivingForce
    public var transfer: TransferEnergy

    public init(nernst: NernstResult, drivingForce: DrivingForce, transfer: TransferEnergy) {
        self.nernst = nernst
        self.drivingForce = drivingForce
        self.transfer = transfer
    }

    public var json: JSONValue {
        var ussing: [(String, JSONValue)] = [("ussing_flux_ratio_log10", .number(drivingForce.log10UssingFluxRatio))]
        // The ratio itself only where a Double holds it (the log is always there).
        if let r = drivingForce.ussingFluxRatio { ussing.insert(("ussing_flux_ratio_efflux_to_influx", .number(r)), at: 0) }
        return .object([
            ("ion", .string(nernst.ion.name)),
            ("valence", .integer(nernst.ion.charge)),
            ("vm_mV", .number(drivingForce.vm.millivolts)),
            ("reversal_potential_mV", .number(nernst.potential.millivolts)),
            ("driving_force_mV", .number(drivingForce.force.millivolts)),
            ("current_direction", .string(drivingForce.currentDirection.rawValue)),
            ("flux_direction", .string(drivingForce.fluxDirection.rawValue)),
        ] + ussing + [
            ("delta_g_kJ_per_mol", .number(transfer.total.kilojoulesPerMole)),
            ("delta_g_chemical_kJ_per_mol", .number(transfer.chemical.kilojoulesPerMole)),
            ("delta_g_electrical_kJ_per_mol", .number(transfer.electrical.kilojoulesPerMole)),
            ("delta_g_per_ion_J", .number(transfer.perIonJoules)),
            ("delta_g_per_ion_kT", .number(transfer.perIonKT)),
            ("delta_g_direction", .string("outside to inside")),
            ("chemical_potential_inside_kJ_per_mol", .number(potentials.chemicalInside.kilojoulesPerMole)),
            ("chemical_potential_outside_kJ_per_mol", .number(potentials.chemicalOutside.kilojoulesPerMole)),
            ("electrochemical_potential_inside_kJ_per_mol", .number(potentials.electrochemicalInside.kilojoulesPerMole)),
            ("electrochemical_potential_outside_kJ_per_mol", .number(potentials.electrochemicalOutside.kilojoulesPerMole)),
            ("potential_reference", .string("μ − μ° with a in mol/L (standard state 1 M); φ_out = 0, φ_in = V_m")),
            ("spontaneous", .string(transfer.spontaneousDirection.rawValue)),
            ("inside_mM", .number(nernst.insideConcentration.millimolar)),
            ("outside_mM", .number(nernst.outsideConcentration.millimolar)),
        ] + conditionsFields(nernst.conditions))
    }

    /// μ − μ° and μ̃ − μ° on each side (φ_out = 0, φ_in = V_m).
    var potentials: (chemicalInside: MolarEnergy, chemicalOutside: MolarEnergy,
                     electrochemicalInside: MolarEnergy, electrochemicalOutside: MolarEnergy) {
        let c = nernst.conditions, z = nernst.ion.charge
        return (ElectrochemicalPotential.chemical(activity: nernst.activityInside, conditions: c),
                ElectrochemicalPotential.chemical(activity: nernst.activityOutside, conditions: c),
                ElectrochemicalPotential.electrochemical(activity: nernst.activityInside, charge: z, potential: drivingForce.vm, conditions: c),
                ElectrochemicalPotential.electrochemical(activity: nernst.activityOutside, charge: z, potential: .zero, conditions: c))
    }

    public var text: String {
        let name = nernst.ion.name
        let df = drivingForce.force.millivolts
        var lines = [
            "E_\(name) = \(Format.fixed(nernst.potential.millivolts, 2)) mV, V_m = \(Format.fixed(drivingForce.vm.millivolts, 2)) mV",
            "driving force V_m − E_\(name) = \(Format.signed(df, 2)) mV",
        ]
        switch drivingForce.currentDirection {
        case .none:
            lines.append("\(name) is at equilibrium: no net current, no net flux (flux ratio 1)")
        case .outward, .inward:
            lines.append("→ \(drivingForce.currentDirection.rawValue) current, \(name) \(drivingForce.fluxDirection.rawValue)"
                         + " (Ussing flux ratio efflux/influx = \(drivingForce.ussingFluxRatio.map { Format.significant($0, 4) } ?? "10^\(Format.fixed(drivingForce.log10UssingFluxRatio, 2))"))")
        }
        lines.append("ΔG(outside → inside) = \(Format.signed(transfer.total.kilojoulesPerMole, 3)) kJ/mol"
                     + " = chemical \(Format.signed(transfer.chemical.kilojoulesPerMole, 3))"
                     + " + electrical \(Format.signed(transfer.electrical.kilojoulesPerMole, 3)) kJ/mol"
                     + " (\(Format.signed(transfer.perIonKT, 2)) kT per ion)")
        switch transfer.spontaneousDirection {
        case .influx: lines.append("entry of \(name) is spontaneous (ΔG < 0)")
        case .efflux: lines.append("exit of \(name) is spontaneous (ΔG of entry > 0)")
        case .none: lines.append("neither direction is favoured (ΔG = 0)")
        }
        let mu = potentials
        lines.append("μ̃ − μ° = \(Format.signed(mu.electrochemicalInside.kilojoulesPerMole, 3)) kJ/mol inside, "
                     + "\(Format.signed(mu.electrochemicalOutside.kilojoulesPerMole, 3)) kJ/mol outside (1 M standard state, φ_out = 0)")
        lines.append(conditionsLine(nernst.conditions))
        return lines.joined(separator: "\n")
    }
}
