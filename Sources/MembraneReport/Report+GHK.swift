import Membrane

extension GHKVoltageResult: Renderable {
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("potential_mV", .number(potential.millivolts)),
            ("method", .string(method.rawValue)),
            ("iterations", .integer(iterations)),
            ("permeabilities", .object(permeants.map { ($0.ion.name, .number($0.permeability)) })),
            ("inside_mM", .object(permeants.map { ($0.ion.name, .number($0.inside.millimolar)) })),
            ("outside_mM", .object(permeants.map { ($0.ion.name, .number($0.outside.millimolar)) })),
            ("nernst_mV", .object(permeants.compactMap { p in
                guard p.inside.millimolar > 0, p.outside.millimolar > 0 else { return nil }
                return (p.ion.name, .number(Nernst.volts(z: p.ion.charge, inside: p.inside.millimolar,
                                                         outside: p.outside.millimolar,
                                                         thermalVoltage: conditions.thermalVoltage) * 1e3))
            })),
        ]
        pairs.append(("pump_ratio", .number(pumpRatio)))
        return .object(pairs + conditionsFields(conditions))
    }

    public var text: String {
        var table = TextTable(headers: ["ion", "z", "P (rel.)", "inside", "outside", "E (mV)"])
        for p in permeants {
            let e: String
            if p.inside.millimolar > 0, p.outside.millimolar > 0 {
                e = Format.fixed(Nernst.volts(z: p.ion.charge, inside: p.inside.millimolar, outside: p.outside.millimolar,
                                              thermalVoltage: conditions.thermalVoltage) * 1e3, 2)
            } else { e = "none" }
            table.add([p.ion.name, Format.signedInt(p.ion.charge), Format.significant(p.permeability, 4),
                       Format.concentration(p.inside.millimolar), Format.concentration(p.outside.millimolar), e])
        }
        var lines = [table.render(), ""]
        let how = method == .closedForm ? "closed form" : "root of the summed GHK currents (\(iterations) Brent steps)"
        lines.append("GHK V_m = \(Format.fixed(potential.millivolts, 2)) mV  (\(how))")
        if let r = pumpRatio { lines.append("with an electrogenic Na/K pump, Mullins–Noda ratio r = \(r)") }
        lines.append(conditionsLine(conditions))
        return lines.joined(separator: "\n")
    }
}

extension GHKCurrentResult: Renderable {
    public var json: JSONValue {
        .object([
            ("ion", .string(ion.name)),
            ("valence", .integer(ion.charge)),
            ("voltage_mV", .number(voltage.millivolts)),
            ("permeability_cm_per_s", .number(permeability.centimetresPerSecond)),
            ("inside_mM", .number(inside.millimolar)),
            ("outside_mM", .number(outside.millimolar)),
            ("current_density_A_per_m2", .number(currentDensity.amperesPerSquareMetre)),
            ("current_density_uA_per_cm2", .number(currentDensity.microamperesPerSquareCentimetre)),
            ("flux_mol_per_m2_s", .number(flux.molesPerSquareMetreSecond)),
            ("current_direction", .string(currentDirection.rawValue)),
            ("flux_direction", .string(fluxDirection.rawValue)),
            ("reversal_potential_mV", .number(reversal?.millivolts)),
        ] + conditionsFields(conditions))
    }

    public var text: String {
        var lines = [
            "GHK current of \(ion.chargeLabel) at \(Format.fixed(voltage.millivolts, 2)) mV"
                + " (P = \(Format.significant(permeability.centimetresPerSecond, 4)) cm/s,"
                + " inside \(Format.concentration(inside.millimolar)), outside \(Format.concentration(outside.millimolar)))",
            "  I = \(Format.significant(currentDensity.amperesPerSquareMetre, 5)) A/m²"
                + " = \(Format.significant(currentDensity.microamperesPerSquareCentimetre, 5)) µA/cm² (\(currentDirection.rawValue))",
            "  J = \(Format.significant(flux.molesPerSquareMetreSecond, 5)) mol/(m²·s) (\(fluxDirection.rawValue))",
        ]
        if let reversal { lines.append("  reverses at E = \(Format.fixed(reversal.millivolts, 2)) mV") }
        lines.append("  " + conditionsLine(conditions))
        return lines.joined(separator: "\n")
    }
}

extension Format {
    /// "+1", "-2", "0".
    public static func signedInt(_ z: Int) -> String { z > 0 ? "+\(z)" : "\(z)" }
}
