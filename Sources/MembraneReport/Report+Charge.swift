import Membrane

extension MembraneCharge: Renderable {
    public var json: JSONValue {
        .object([
            ("vm_mV", .number(vm.millivolts)),
            ("radius_um", .number(radius.micrometres)),
            ("specific_capacitance_uF_per_cm2", .number(specificCapacitance.microfaradsPerSquareCentimetre)),
            ("area_um2", .number(area * 1e12)),
            ("capacitance_pF", .number(capacitance * 1e12)),
            ("charge_C", .number(chargeHeld.coulombs)),
            ("valence", .integer(charge)),
            ("ions_moved", .number(ionsMoved)),
            ("volume_pL", .number(volumeLitres * 1e12)),
            ("inside_mM", .number(insideConcentration?.millimolar)),
            ("ions_in_cell", .number(ionsInCell)),
            ("fraction_of_ions", .number(fractionOfIons)),
            ("percent_of_ions", .number(fractionOfIons.map { $0 * 100 })),
        ] + conditionsFields(conditions))
    }

    public var text: String {
        var lines = [
            "A sphere of radius \(Format.significant(radius.micrometres, 4)) µm has \(Format.significant(area * 1e12, 4)) µm² of membrane"
                + " and \(Format.significant(capacitance * 1e12, 4)) pF at \(Format.significant(specificCapacitance.microfaradsPerSquareCentimetre, 3)) µF/cm².",
            "Holding V_m = \(Format.fixed(vm.millivolts, 2)) mV takes Q = C·V = \(Format.significant(chargeHeld.coulombs, 4)) C,"
                + " the net transfer of \(Format.significant(ionsMoved, 4)) ions of valence \(Format.signedInt(charge)).",
        ]
        if let n = ionsInCell, let f = fractionOfIons {
            lines.append("The cell holds \(Format.significant(n, 4)) such ions at \(Format.concentration(insideConcentration!.millimolar)):"
                         + " the transfer is \(Format.significant(f * 100, 3)) % of them.")
        }
        return lines.joined(separator: "\n")
    }
}
