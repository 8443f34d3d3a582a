import Membrane

/// The `pmf` command's result: Δp with its sign conventions, ΔG per H⁺ entering, and the least H⁺/ATP that a
/// phosphorylation potential needs at that Δp.
public struct ProtonMotiveForceReport: Renderable {
    public var pmf: ProtonMotiveForce
    public var bound: ATPSynthesisBound
    public var preset: ProtonGradientPreset?
    public var ring: ATPSynthaseRing?

    public init(pmf: ProtonMotiveForce, bound: ATPSynthesisBound, preset: ProtonGradientPreset? = nil, ring: ATPSynthaseRing? = nil) {
        self.pmf = pmf
        self.bound = bound
        self.preset = preset
        self.ring = ring ?? preset?.ring
    }

    var insideName: String { preset?.insideName ?? "inside (N-side: matrix, stroma or cytosol)" }
    var outsideName: String { preset?.outsideName ?? "outside (P-side)" }

    public var json: JSONValue {
        let t = pmf.transfer
        var pairs: [(String, JSONValue)] = [
            ("pmf_mV", .number(pmf.value.millivolts)),
            ("delta_g_kJ_per_mol", .number(t.total.kilojoulesPerMole)),
            ("delta_g_direction", .string("one mole of H⁺ from outside to inside")),
            ("delta_psi_mV", .number(pmf.deltaPsi.millivolts)),
            ("ph_inside", .number(pmf.pHInside)),
            ("ph_outside", .number(pmf.pHOutside)),
            ("delta_ph", .number(pmf.deltaPH)),
            ("ph_term_mV", .number(pmf.chemicalTerm.millivolts)),
            ("nernst_slope_mV_per_pH", .number(pmf.nernstSlope * 1e3)),
            ("proton_potential_mV", .number(pmf.protonEquilibriumPotential.millivolts)),
            ("ph_share", .number(pmf.pHShare)),
            ("delta_g_chemical_kJ_per_mol", .number(t.chemical.kilojoulesPerMole)),
            ("delta_g_electrical_kJ_per_mol", .number(t.electrical.kilojoulesPerMole)),
            ("convention", .string("Δψ = ψ_in − ψ_out, ΔpH = pH_in − pH_out, Δp = Δψ − (ln10·RT/F)·ΔpH; inside = \(insideName), outside = \(outsideName); Δp < 0 means H⁺ entry is downhill")),
            ("inside", .string(insideName)),
            ("outside", .string(outsideName)),
            ("delta_g_atp_kJ_per_mol", .number(bound.atp.deltaG.kilojoulesPerMole)),
            ("delta_g_atp_source", .string(bound.atp.source)),
            ("energy_per_proton_kJ_per_mol", .number(bound.energyPerProton.kilojoulesPerMole)),
            ("min_protons_per_atp", .number(bound.minimalProtonsPerATP)),
        ]
        if let ring {
            pairs += [("atp_synthase", .object([
                ("name", .string(ring.name)), ("c_subunits", .integer(ring.cSubunits)),
                ("protons_per_atp", .number(ring.protonsPerATP)),
                ("protons_per_atp_with_transport", .number(ring.protonsPerATPIncludingTransport)),
                ("sufficient", .bool(bound.allows(ring))), ("source", .string(ring.source)),
            ]))]
        }
        if let preset {
            pairs += [("preset", .string(preset.name)), ("description", .string(preset.description)), ("source", .string(preset.source))]
        }
        pairs += conditionsFields(pmf.conditions)
        return .object(pairs)
    }

    public var text: String {
        let t = pmf.transfer
        var lines: [String] = []
        if let preset { lines.append("\(preset.name): \(preset.description)") }
        lines += [
            "Δp = Δψ − (ln10·RT/F)·ΔpH = \(Format.signed(pmf.deltaPsi.millivolts, 1)) mV − \(Format.fixed(pmf.nernstSlope * 1e3, 2)) mV × \(Format.signed(pmf.deltaPH, 2)) = \(Format.signed(pmf.value.millivolts, 1)) mV (Mitchell 1961)",
            "  convention: inside = \(insideName), outside = \(outsideName); Δψ = ψ_in − ψ_out, ΔpH = pH_in − pH_out (\(Format.fixed(pmf.pHInside, 2)) − \(Format.fixed(pmf.pHOutside, 2)))",
            "  electrical part \(Format.signed(pmf.deltaPsi.millivolts, 1)) mV, pH part \(Format.signed(pmf.chemicalTerm.millivolts, 1)) mV"
                + (pmf.pHShare.map { " (\(Format.fixed(100 * $0, 1)) % of Δp from ΔpH)" } ?? "") + "; E_H = \(Format.signed(pmf.protonEquilibriumPotential.millivolts, 1)) mV",
            "ΔG(H⁺ outside → inside) = F·Δp = \(Format.signed(t.total.kilojoulesPerMole, 2)) kJ/mol (chemical \(Format.signed(t.chemical.kilojoulesPerMole, 2)) + electrical \(Format.signed(t.electrical.kilojoulesPerMole, 2))): H⁺ entry is \(t.total.joulesPerMole < 0 ? "downhill" : (t.total.joulesPerMole > 0 ? "uphill" : "at equilibrium"))",
        ]
        if let n = bound.minimalProtonsPerATP {
            lines.append("ATP synthesis needs ≥ |ΔG_ATP|/(F·|Δp|) = \(Format.fixed(abs(bound.atp.deltaG.kilojoulesPerMole), 1)) / \(Format.fixed(bound.energyPerProton.kilojoulesPerMole, 2)) = \(Format.fixed(n, 2)) H⁺ per ATP (ΔG_ATP: \(bound.atp.source))")
            if let ring {
                lines.append("  \(ring.name): c/3 = \(Format.fixed(ring.protonsPerATP, 2)) H⁺/ATP" + (ring.transportProtons > 0 ? ", \(Format.fixed(ring.protonsPerATPIncludingTransport, 2)) with Pi/ADP/ATP transport" : "")
                             + (bound.allows(ring) ? ": enough" : ": not enough at this Δp and ΔG_ATP"))
            }
        } else {
            lines.append("H⁺ entry is not downhill (Δp ≥ 0): no H⁺/ATP ratio can drive ATP synthesis")
        }
        if let preset { lines.append("source: \(preset.source)") }
        lines.append(conditionsLine(pmf.conditions))
        return lines.joined(separator: "\n")
    }
}
