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
        .object([
            ("ion", .string(nernst.ion.name)),
            ("valence", .integer(nernst.ion.charge)),
            ("vm_mV", .number(drivingForce.vm.millivolts)),
            ("reversal_potential_mV", .number(nernst.potential.millivolts)),
            ("driving_force_mV", .number(drivingForce.force.millivolts)),
            ("current_direction", .string(drivingForce.currentDirection.rawValue)),
            ("flux_direction", .string(drivingForce.fluxDirection.rawValue)),
            ("ussing_flux_ratio_efflux_to_influx", .number(drivingForce.ussingFluxRatio)),
            ("delta_g_kJ_per_mol", .number(transfer.total.kilojoulesPerMole)),
            ("delta_g_chemical_kJ_per_mol", .number(transfer.chemical.kilojoulesPerMole)),
            ("delta_g_electrical_kJ_per_mol", .number(transfer.electrical.kilojoulesPerMole)),
            ("delta_g_per_ion_J", .number(transfer.perIonJoules)),
            ("delta_g_per_ion_kT", .number(transfer.perIonKT)),
            ("delta_g_direction", .string("outside to inside")),
            ("spontaneous", .string(transfer.spontaneousDirection.rawValue)),
            ("inside_mM", .number(nernst.insideConcentration.millimolar)),
            ("outside_mM", .number(nernst.outsideConcentration.millimolar)),
        ] + conditionsFields(nernst.conditions))
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
                         + " (Ussing flux ratio efflux/influx = \(Format.significant(drivingForce.ussingFluxRatio, 4)))")
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
        lines.append(conditionsLine(nernst.conditions))
        return lines.joined(separator: "\n")
    }
}
