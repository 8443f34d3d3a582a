import Membrane

extension DonnanEquilibrium: Renderable {
    public var json: JSONValue {
        let p = problem
        var pairs: [(String, JSONValue)] = [
            ("potential_mV", .number(potential.millivolts)),
            ("donnan_ratio", .number(ratio)),
            ("donnan_ratio_definition", .string(activityModel == "ideal" ? "r = exp(-F·V/RT) = c_in/c_out for a monovalent cation (c_in/c_out = r^z)"
                                                 : "r = exp(-F·V/RT) = a_in/a_out for a monovalent cation (a_in/a_out = r^z, a = γ·c)")),
            ("activity_model", .string(activityModel)),
            ("gamma_inside", gammaInside.isEmpty ? .null : .object(zip(p.permeants, gammaInside).map { ($0.0.ion.name, .number($0.1)) })),
            ("gamma_outside", gammaOutside.isEmpty ? .null : .object(zip(p.permeants, gammaOutside).map { ($0.0.ion.name, .number($0.1)) })),
            ("inside", .object(zip(p.permeants, inside).map { ($0.0.ion.name, .number($0.1.millimolar)) })),
            ("outside", .object(p.permeants.map { ($0.ion.name, .number($0.outside.millimolar)) })),
            ("inside_impermeant", .array(insideImpermeants.map { x in
                .object([("name", .string(x.name)), ("charge", .number(x.charge)), ("concentration_mM", .number(x.concentration.millimolar))])
            })),
            ("outside_impermeant", .array(p.outsideImpermeants.map { x in
                .object([("name", .string(x.name)), ("charge", .number(x.charge)), ("concentration_mM", .number(x.concentration.millimolar))])
            })),
            ("compartment", .string(compartmentName)),
            ("volume_relative", .number(relativeVolume)),
            ("osmolarity_inside_mOsm", .number(osmolarityInside)),
            ("osmolarity_outside_mOsm", .number(osmolarityOutside)),
            ("osmotic_pressure_difference_kPa", .number(osmoticPressureDifference / 1000)),
            ("osmotic_coefficient_inside", .number(osmoticCoefficientInside)),
            ("osmotic_coefficient_outside", .number(osmoticCoefficientOutside)),
            ("effective_osmolarity_inside_mOsm", .number(effectiveOsmolarityInside)),
            ("effective_osmolarity_outside_mOsm", .number(effectiveOsmolarityOutside)),
            ("osmotic_model", .string(activityModel == "ideal" ? "van 't Hoff, ideal (osmotic coefficient 1)"
                                      : "van 't Hoff with the osmotic coefficients of the \(activityModel) model: Π = R·T·φ·Σc")),
            ("turgor_MPa", .number(turgor.map { $0 / 1e6 })),
            ("product_rule", .array(productRules.map { r in
                .object([("pair", .string("\(r.cation.name)·\(r.anion.name)")), ("inside", .number(r.inside)),
                         ("outside", .number(r.outside)), ("relative_deviation", .number(r.relativeDeviation))])
            })),
            ("charge_balance_inside_mM", .number(insideChargeResidual)),
            ("note", note.map { .string($0) } ?? .null),
        ]
        pairs += conditionsFields(conditions)
        return .object(pairs)
    }

    var compartmentName: String {
        switch problem.compartment {
        case .rigid: return "rigid"
        case .osmotic: return "osmotic"
        case .walled: return "walled"
        }
    }

    public var text: String {
        let p = problem
        var table = TextTable(headers: ["ion", "z", "outside", "inside", "in/out", "E (mV)"])
        for (q, c) in zip(p.permeants, inside) {
            let ratioText = q.outside.millimolar > 0 ? Format.significant(c.millimolar / q.outside.millimolar, 5) : "–"
            table.add([q.ion.name, Format.signedInt(q.ion.charge), Format.concentration(q.outside.millimolar),
                       Format.concentration(c.millimolar), ratioText, Format.fixed(potential.millivolts, 2)])
        }
        for x in insideImpermeants {
            table.add([x.name + " (impermeant)", Format.significant(x.charge, 3), "–", Format.concentration(x.concentration.millimolar), "–", "–"])
        }
        var lines = [table.render(), ""]
        lines.append("Donnan potential V_D = \(Format.fixed(potential.millivolts, 3)) mV, Donnan ratio r = \(Format.significant(ratio, 6)) "
                     + (activityModel == "ideal" ? "(c_in/c_out = r^z)" : "(a_in/a_out = r^z with \(activityModel) activities)"))
        for r in productRules {
            lines.append("product rule \(r.cation.name)·\(r.anion.name): inside \(Format.significant(r.inside, 7)) = outside \(Format.significant(r.outside, 7)) (deviation \(Format.significant(r.relativeDeviation, 2)))")
        }
        let dPi = osmoticPressureDifference / 1000
        let phiText = activityModel == "ideal" ? "" : "; osmotic coefficients φ_in = \(Format.fixed(osmoticCoefficientInside, 4)), "
            + "φ_out = \(Format.fixed(osmoticCoefficientOutside, 4)) (\(activityModel)): φ·Σc = \(Format.fixed(effectiveOsmolarityInside, 2)) vs "
            + "\(Format.fixed(effectiveOsmolarityOutside, 2))"
        lines.append("osmolarity inside \(Format.fixed(osmolarityInside, 2)) vs outside \(Format.fixed(osmolarityOutside, 2)) mOsm/L\(phiText): "
                     + "van 't Hoff ΔΠ = \(Format.fixed(dPi, 2)) kPa" + (dPi > 0.001 ? (turgor != nil ? " (borne by the wall)" : " (water would enter)") : ""))
        switch p.compartment {
        case .rigid:
            lines.append("rigid compartment: the volume is held; the imbalance above is the pressure it must bear")
        case .osmotic:
            lines.append("osmotic compartment: volume \(Format.significant(relativeVolume, 6)) × the reference volume")
        case .walled:
            lines.append("walled compartment: volume \(Format.significant(relativeVolume, 6)) × the reference volume, turgor \(Format.significant((turgor ?? 0) / 1e6, 4)) MPa")
        }
        if let note { lines.append(note) }
        lines.append(conditionsLine(conditions))
        return lines.joined(separator: "\n")
    }
}
