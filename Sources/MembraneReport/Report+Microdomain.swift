import Membrane

extension MicrodomainResult: Renderable {
    var approximationName: String {
        problem.buffers.contains { $0.total.millimolar > 0 } ? problem.approximation.rawValue : "none"
    }

    var equation: String {
        let sum = problem.channels.count > 1 ? "Σ_k " : ""
        let r = problem.channels.count > 1 ? "ρ_k" : "r"
        switch approximationName {
        case "eba": return "c(r) = c∞ + \(sum)i/(2π·z·F·D·\(r))·exp(−\(r)/λ), λ = √(D/Σ k_on·B_free(c∞)) (excess-buffer approximation; Neher 1986, Naraghi & Neher 1997)"
        case "rba": return "D·c + Σ D_B·B_T·c/(K_D + c) = D·c∞ + Σ D_B·B_T·c∞/(K_D + c∞) + \(sum)i/(2π·z·F·\(r)) (rapid-buffer approximation; Smith 1996)"
        default: return "c(r) = c∞ + \(sum)i/(2π·z·F·D·\(r)) (steady point source into the cytosolic half space; Neher 1986)"
        }
    }

    var transientEquation: String {
        transientModel.hasPrefix("excess")
            ? "Δc(r,t) = i/(4π·z·F·D·r)·[e^(−r/λ)·erfc(r/√(4Dt) − √(t/τ)) + e^(r/λ)·erfc(r/√(4Dt) + √(t/τ))], τ = λ²/D"
            : "Δc(r,t) = Δc_ss(r)·erfc(r/√(4Dt)) (half space, source switched on at t = 0)"
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("local_mM", .number(point.concentration.millimolar)),
            ("local_uM", .number(point.concentration.millimolar * 1e3)),
            ("local_potential_mV", .number(point.potential.millivolts)),
            ("bulk_potential_mV", .number(bulkPotential.millivolts)),
            ("distance_nm", .number(point.distance.metres * 1e9)),
            ("enrichment", .number(enrichment)),
            ("unbuffered_local_mM", .number(unbufferedConcentration.millimolar)),
            ("current_pA", .number(problem.current * 1e12)),
            ("current_convention", .string("magnitude of the inward single-channel current (Ca²⁺ entering the cytosol)")),
            ("flux_per_channel_mol_per_s", .number(problem.fluxPerChannel)),
            ("valence", .integer(problem.valence)),
            ("inside_mM", .number(problem.inside.millimolar)),
            ("outside_mM", .number(problem.outside.millimolar)),
            ("diffusion_um2_per_s", .number(problem.diffusivity.squareMetresPerSecond * 1e12)),
            ("pore_radius_nm", .number(problem.poreRadius.metres * 1e9)),
            ("channels", .array(problem.channels.map { .object([("x_nm", .number($0.x.metres * 1e9)), ("y_nm", .number($0.y.metres * 1e9))]) })),
            ("geometry", .string("point sources on a flat membrane emitting into the cytosolic half space; c evaluated at depth r below the first (reference) channel")),
            ("approximation", .string(approximationName)),
            ("equation", .string(equation)),
            ("buffers", .array(problem.buffers.map { b in
                .object([("name", .string(b.name)), ("total_mM", .number(b.total.millimolar)),
                         ("kon_per_M_per_s", .number(b.onRate)), ("kd_uM", .number(b.dissociationConstant.millimolar * 1e3)),
                         ("koff_per_s", .number(b.offRate)), ("diffusion_um2_per_s", .number(b.diffusivity.squareMetresPerSecond * 1e12)),
                         ("length_constant_nm", .number(lengthConstants.first { $0.name == b.name }.map { $0.length.metres * 1e9 })),
                         ("source", .string(b.source))])
            })),
            ("length_constant_nm", .number(combinedLengthConstant.map { $0.metres * 1e9 })),
            ("buffer_depletion", .array(bufferDepletion.map { .object([("name", .string($0.name)), ("at_distance", .number($0.atDistance)), ("at_pore_radius", .number($0.atPore))]) })),
            ("buffer_saturation", .array(bufferSaturation.map { .object([("name", .string($0.name)), ("bound_fraction", .number($0.fraction))]) })),
            ("transient_model", .string(transientModel)),
            ("transient_equation", .string(transientEquation)),
            ("steady_state_times", .array(steadyStateTimes.map { .object([("fraction", .number($0.fraction)), ("time_s", .number($0.seconds))]) })),
            ("profile", .array(profile.map { s in
                .object([("distance_nm", .number(s.distance.metres * 1e9)), ("local_mM", .number(s.concentration.millimolar)),
                         ("local_potential_mV", .number(s.potential.millivolts))])
            })),
            ("warnings", .array(warnings.map { .string($0) })),
        ]
        pairs += conditionsFields(conditions)
        return .object(pairs)
    }

    public var text: String {
        let n = problem.channels.count
        let bufferText = approximationName == "none" ? "no buffer"
            : problem.buffers.map { "\($0.name) \(Format.concentration($0.total.millimolar))" }.joined(separator: ", ") + ", \(problem.approximation.label)"
        var lines = [
            "Ca²⁺ microdomain: \(n == 1 ? "one open channel" : "\(n) open channels"), |i| = \(Format.significant(problem.current * 1e12, 4)) pA each (σ = i/zF = \(Format.significant(problem.fluxPerChannel, 4)) mol/s), D = \(Format.significant(problem.diffusivity.squareMetresPerSecond * 1e12, 4)) µm²/s, \(bufferText)",
            equation,
            "at r = \(Format.significant(point.distance.metres * 1e9, 4)) nm\(n > 1 ? " below the reference channel" : ""): [Ca²⁺] = \(Format.concentration(point.concentration.millimolar)) (\(Format.significant(enrichment, 4)) × the bulk \(Format.concentration(problem.inside.millimolar)))"
                + (approximationName == "none" ? "" : "; unbuffered \(Format.concentration(unbufferedConcentration.millimolar))"),
            "local E_Ca = \(Format.signed(point.potential.millivolts, 2)) mV against the bulk E_Ca = \(Format.signed(bulkPotential.millivolts, 2)) mV (\(Format.concentration(problem.outside.millimolar)) outside): the channel's driving force V_m − E_Ca is measured from the local value",
        ]
        if let lambda = combinedLengthConstant {
            lines.append("buffer length constant λ = \(Format.significant(lambda.metres * 1e9, 4)) nm"
                         + (lengthConstants.count > 1 ? " (" + lengthConstants.map { "\($0.name) \(Format.significant($0.length.metres * 1e9, 4)) nm" }.joined(separator: ", ") + ")" : ""))
            for d in bufferDepletion {
                lines.append("  free \(d.name) consumed: \(Format.significant(100 * d.atDistance, 3)) % at r, \(Format.significant(100 * d.atPore, 3)) % at the pore radius (EBA needs ≪ 100 %)")
            }
        }
        for s in bufferSaturation {
            lines.append("\(s.name) at r: \(Format.significant(100 * s.fraction, 3)) % of its sites occupied (λ = \(Format.significant((lengthConstants.first { $0.name == s.name }?.length.metres ?? 0) * 1e9, 4)) nm; RBA needs r ≫ λ)")
        }
        var table = TextTable(headers: ["r (nm)", "[Ca²⁺]", "× bulk", "E_Ca local (mV)"])
        for s in profile {
            table.add([Format.significant(s.distance.metres * 1e9, 4), Format.concentration(s.concentration.millimolar),
                       Format.significant(s.concentration / problem.inside, 4), Format.signed(s.potential.millivolts, 2)])
        }
        if !profile.isEmpty { lines.append(table.render()) }
        if !steadyStateTimes.isEmpty {
            lines.append("approach to steady state at r after the channel opens (\(transientModel)): " + transientEquation)
            lines.append("  " + steadyStateTimes.map { "\(Format.significant(100 * $0.fraction, 3)) % at \(Format.duration($0.seconds))" }.joined(separator: ", "))
        }
        lines.append("pore radius \(Format.significant(problem.poreRadius.metres * 1e9, 3)) nm (the point source holds for r ≥ it); D of Ca²⁺: Allbritton, Meyer & Stryer 1992 (223 µm²/s in cytosolic extract)")
        for w in warnings { lines.append("warning: \(w)") }
        lines.append(conditionsLine(conditions))
        return lines.joined(separator: "\n")
    }

    /// Local and bulk E_Ca against distance (log axis), for `--plot`.
    public func figure() -> SVGPlot {
        var plot = SVGPlot(title: "Local E_Ca near \(problem.channels.count == 1 ? "an open Ca²⁺ channel" : "\(problem.channels.count) open Ca²⁺ channels")",
                           xLabel: "distance from the pore r (nm)", yLabel: "E_Ca (mV)",
                           series: [.init(name: "local E_Ca", x: profile.map { $0.distance.metres * 1e9 }, y: profile.map { $0.potential.millivolts }),
                                    .init(name: "bulk E_Ca", x: [profile.first, profile.last].compactMap { $0?.distance.metres }.map { $0 * 1e9 },
                                          y: [bulkPotential.millivolts, bulkPotential.millivolts])])
        plot.logarithmicX = true
        return plot
    }
}

extension Format {
    /// A time in a natural unit: "14.2 µs", "3.1 ms", "2.5 s".
    static func duration(_ seconds: Double) -> String {
        if seconds < 1e-6 { return significant(seconds * 1e9, 3) + " ns" }
        if seconds < 1e-3 { return significant(seconds * 1e6, 3) + " µs" }
        if seconds < 1 { return significant(seconds * 1e3, 3) + " ms" }
        return significant(seconds, 3) + " s"
    }
}
