import Membrane

extension NernstResult: Renderable {
    public var json: JSONValue {
        .object([
            ("ion", .string(ion.name)),
            ("valence", .integer(ion.charge)),
            ("potential_mV", .number(potential.millivolts)),
            ("ideal_potential_mV", .number(idealPotential.millivolts)),
            ("activity_correction_mV", .number(activityCorrection.millivolts)),
            ("input", .string(inputsAreActivities ? "activities" : "concentrations")),
            ("inside_mM", .number(insideConcentration.millimolar)),
            ("outside_mM", .number(outsideConcentration.millimolar)),
            ("gamma_inside", .number(gammaInside)),
            ("gamma_outside", .number(gammaOutside)),
            ("activity_inside_mM", .number(activityInside.millimolar)),
            ("activity_outside_mM", .number(activityOutside.millimolar)),
            ("temperature_coefficient_mV_per_K", .number(temperatureCoefficient * 1e3)),
        ] + conditionsFields(conditions))
    }

    public var text: String {
        let what = inputsAreActivities ? "activities" : "concentrations"
        var lines = ["E_\(ion.name) = \(Format.fixed(potential.millivolts, 2)) mV"
                     + "   (\(ion.chargeLabel): \(what) \(Format.concentration(insideConcentration.millimolar)) inside, "
                     + "\(Format.concentration(outsideConcentration.millimolar)) outside)"]
        if gammaInside != 1 || gammaOutside != 1 {
            lines.append("  activities: γ_in \(gammaInside), γ_out \(gammaOutside); from concentrations alone E = "
                         + "\(Format.fixed(idealPotential.millivolts, 2)) mV, correction \(Format.signed(activityCorrection.millivolts, 2)) mV")
        }
        lines.append("  dE/dT = \(Format.signed(temperatureCoefficient * 1e3, 4)) mV/K")
        lines.append("  " + conditionsLine(conditions))
        return lines.joined(separator: "\n")
    }
}
