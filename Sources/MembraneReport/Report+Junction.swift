import Membrane

/// The `ljp` command's result: the junction potential, how to apply it, and what it is made of.
public struct JunctionReport: Renderable {
    public var junction: LiquidJunction
    public var result: JunctionResult
    /// The other method's value, for comparison (Henderson when Planck was asked, and vice versa).
    public var comparison: JunctionResult?
    public var configuration: RecordingConfiguration
    public var measured: Voltage?
    public var corrected: Voltage?
    public var bathOffset: Voltage?
    public var bathOffsetDescription: String?
    public var warnings: [String]

    public init(junction: LiquidJunction, result: JunctionResult, comparison: JunctionResult?,
                configuration: RecordingConfiguration, measured: Voltage?, corrected: Voltage?,
                bathOffset: Voltage?, bathOffsetDescription: String?, warnings: [String]) {
        self.junction = junction
        self.result = result
        self.comparison = comparison
        self.configuration = configuration
        self.measured = measured
        self.corrected = corrected
        self.bathOffset = bathOffset
        self.bathOffsetDescription = bathOffsetDescription
        self.warnings = warnings
    }

    public var hendersonValue: Double? {
        result.method == .henderson ? result.potential.millivolts
            : comparison.flatMap { $0.method == .henderson ? $0.potential.millivolts : nil }
    }
    public var planckValue: Double? {
        result.method != .henderson ? result.potential.millivolts
            : comparison.flatMap { $0.method != .henderson ? $0.potential.millivolts : nil }
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("ljp_mV", .number(result.potential.millivolts)),
            ("sign_convention", .string("bath relative to pipette (Barry & Lynch 1991, Neher 1992, JPCalc, LJPcalc)")),
            ("corrected_vm_formula", .string(configuration.formula)),
            ("configuration", .string(configuration.rawValue)),
            ("method", .string(result.method.rawValue)),
            ("activity_model", .string(result.activityModel)),
            ("pipette_relative_to_bath_mV", .number(result.pipetteRelativeToBath.millivolts)),
            ("henderson_mV", .number(hendersonValue)),
            ("planck_mV", .number(planckValue)),
            ("contributions_mV", .object(result.contributions.map { ($0.name, .number($0.potential.millivolts)) })),
            ("mobilities", .string(junction.mobilities.name)),
            ("species", .array(junction.species.map { s in
                .object([("name", .string(s.ion.name)), ("charge", .integer(s.ion.charge)),
                         ("pipette_mM", .number(s.pipette)), ("bath_mM", .number(s.bath)),
                         ("diffusion_m2_per_s", .number(s.diffusion)), ("mobility_source", .string(s.diffusionSource)),
                         ("mobility_is_estimate", .bool(s.diffusionUncertainty != nil))])
            })),
            ("diffusion_estimates", .array(result.estimateSpread.map { e in
                .object([("name", .string(e.name)), ("diffusion_m2_per_s", .number(e.diffusion)),
                         ("relative_uncertainty", .number(e.uncertainty)), ("method", .string(e.source)),
                         ("ljp_at_low_D_mV", .number(e.atLow.millivolts)), ("ljp_at_high_D_mV", .number(e.atHigh.millivolts))])
            })),
            ("ljp_estimate_range_mV", result.estimateRange.map { .array([.number($0.low.millivolts), .number($0.high.millivolts)]) } ?? .null),
            ("iterations", .integer(result.iterations)),
            ("residual", .number(result.residual)),
        ]
        if let measured { pairs.append(("measured_vm_mV", .number(measured.millivolts))) }
        if let corrected { pairs.append(("corrected_vm_mV", .number(corrected.millivolts))) }
        if let bathOffset {
            pairs.append(("bath_offset_mV", .number(bathOffset.millivolts)))
            pairs.append(("bath_offset_source", .string(bathOffsetDescription ?? "")))
        }
        if let profile = result.profile {
            pairs.append(("profile", .object([
                ("x", .array(profile.x.map { .number($0) })),
                ("potential_mV", .array(profile.potential.map { .number($0.millivolts) })),
                ("concentrations_mM", .object(profile.concentrations.map { ($0.name, .array($0.values.map { .number($0) })) })),
            ])))
        }
        pairs.append(("notes", .array(result.notes.map { .string($0) })))
        pairs.append(("warnings", .array(warnings.map { .string($0) })))
        return .object(pairs + conditionsFields(result.conditions))
    }

    public var text: String {
        var table = TextTable(headers: ["ion", "z", "pipette", "bath", "D (1e-9 m²/s)", "share of LJP (mV)"])
        for (s, c) in zip(junction.species, result.contributions) {
            table.add([s.ion.name, Format.signedInt(s.ion.charge), Format.concentration(s.pipette), Format.concentration(s.bath),
                       Format.fixed(s.diffusion * 1e9, 3), Format.signed(c.potential.millivolts, 3)])
        }
        var lines = [table.render(), ""]
        let ideal = result.activityModel == "ideal"
        let name: String
        switch result.method {
        case .henderson: name = ideal ? "Henderson" : "Henderson with \(result.activityModel) activities"
        case .planck: name = ideal ? "Planck (exact stationary Nernst–Planck)" : "Planck with \(result.activityModel) activities (grid)"
        case .npp: name = "Poisson–Nernst–Planck (npp)"
        }
        lines.append("LJP = \(Format.signed(result.potential.millivolts, 2)) mV  [\(name); bath relative to pipette]")
        if let h = hendersonValue, let p = planckValue {
            lines.append("  Henderson \(Format.signed(h, 2)) mV, Planck \(Format.signed(p, 2)) mV")
        }
        lines.append("  opposite convention (pipette relative to bath): \(Format.signed(result.pipetteRelativeToBath.millivolts, 2)) mV")
        if let range = result.estimateRange {
            lines.append("  with the estimated mobilities anywhere in their plausible ranges: \(Format.signed(range.low.millivolts, 2)) to \(Format.signed(range.high.millivolts, 2)) mV")
            for e in result.estimateSpread {
                lines.append("    \(e.name): D = \(Format.fixed(e.diffusion * 1e9, 3))e-9 m²/s ±\(Format.fixed(e.uncertainty * 100, 0)) % → LJP \(Format.signed(e.atLow.millivolts, 2)) … \(Format.signed(e.atHigh.millivolts, 2)) mV (\(e.source))")
            }
        }
        lines.append("Correct recordings as \(configuration.formula)  (\(configuration.rawValue))")
        if let bathOffset {
            lines.append("  bath change: ΔV_bath = \(Format.signed(bathOffset.millivolts, 2)) mV (\(bathOffsetDescription ?? "")); Vm = Vmeasured - ljp - ΔV_bath")
        }
        if let measured, let corrected {
            lines.append("  measured \(Format.fixed(measured.millivolts, 2)) mV → corrected \(Format.fixed(corrected.millivolts, 2)) mV")
        }
        lines.append("mobilities: \(junction.mobilities.name); " + conditionsLine(result.conditions))
        for n in result.notes { lines.append("note: " + n) }
        for w in warnings { lines.append("warning: " + w) }
        return lines.joined(separator: "\n")
    }

    /// The profile as CSV: x, potential, then one column per ion.
    public func profileCSV() -> String? {
        guard let p = result.profile else { return nil }
        var out = CSV.line(["x", "potential_mV"] + p.concentrations.map { $0.name + "_mM" }) + "\n"
        for i in p.x.indices {
            out += CSV.line([String(p.x[i]), String(p.potential[i].millivolts)] + p.concentrations.map { String($0.values[i]) }) + "\n"
        }
        return out
    }

    /// The profile as a figure: the potential, then the concentrations, against position.
    public func profileFigure() -> SVGFigure? {
        guard let p = result.profile else { return nil }
        var potential = SVGPlot(title: "Junction potential profile (pipette x = 0 → bath x = 1)", xLabel: "relative position",
                                yLabel: "φ − φ_pipette (mV)",
                                series: [.init(name: "φ − φ_pipette", x: p.x, y: p.potential.map(\.millivolts))])
        potential.height = 300
        let concentrations = SVGPlot(title: "Concentrations through the junction", xLabel: "relative position", yLabel: "mM",
                                     series: p.concentrations.map { SVGPlot.Series(name: $0.name, x: p.x, y: $0.values) })
        return SVGFigure(panels: [potential, concentrations])
    }
}
