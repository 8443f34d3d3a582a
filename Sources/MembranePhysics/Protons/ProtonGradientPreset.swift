import MembraneUnits

/// Published proton gradients across energy-transducing membranes, for `membrane pmf --preset NAME`.
///
/// Sides follow ``ProtonMotiveForce``: inside is the N-side (matrix, stroma). Values are representative of the
/// ranges in the sources; the verification status of each is in docs/research/applications.md.
public struct ProtonGradientPreset: Sendable {
    /// Command-line name (`mitochondrion-state-4`).
    public var name: String
    /// One line for listings.
    public var description: String
    /// Δψ = ψ_in − ψ_out (inside: the N-side).
    public var deltaPsi: Voltage
    /// pH of the N-side (matrix, stroma).
    public var pHInside: Double
    /// pH of the P-side (intermembrane space, thylakoid lumen).
    public var pHOutside: Double
    /// The temperature the values belong to (37 °C for mammalian mitochondria, 25 °C for thylakoids).
    public var temperature: Temperature
    /// What "inside" and "outside" are in this membrane.
    public var insideName: String
    /// What "outside" is in this membrane (the P-side).
    public var outsideName: String
    /// The membrane's ATP synthase c-ring (its H⁺/ATP).
    public var ring: ATPSynthaseRing
    /// Where the values come from, and how representative they are.
    public var source: String

    /// Δp of the preset at its temperature, with the constant set `constants`.
    public func pmf(constants: ConstantSet = .codata2018) throws -> ProtonMotiveForce {
        try ProtonMotiveForce(deltaPsi: deltaPsi, pHInside: pHInside, pHOutside: pHOutside,
                              conditions: Conditions(temperature: temperature, constants: constants))
    }

    /// Isolated mitochondria respiring without ADP (state 4, Chance & Williams 1955): Δψ ≈ −180 mV, matrix 0.5 pH
    /// more alkaline; Δp ≈ −211 mV at 37 °C. Measured: |Δp| = 228 mV in state 4 and 170 mV in state 3 for rat liver
    /// mitochondria, ΔpH never more than half of it in state 4 (Nicholls 1974, Eur. J. Biochem. 50:305, abstract;
    /// Rb⁺/acetate/methylammonium distribution). The split into Δψ and ΔpH here is representative, not measured.
    public static let mitochondrionState4 = ProtonGradientPreset(
        name: "mitochondrion-state-4",
        description: "isolated mammalian mitochondria, state 4 (respiring, no ADP): high Δψ, matrix alkaline",
        deltaPsi: .millivolts(-180), pHInside: 7.5, pHOutside: 7.0, temperature: .body,
        insideName: "matrix", outsideName: "intermembrane space (≈ cytosol)", ring: .mammalianMitochondrion,
        source: "representative values: Δψ 150–180 mV (matrix negative), ΔpH 0.5–1 (matrix alkaline) as in Nicholls & Ferguson, Bioenergetics 4 (2013), ch. 4; measured |Δp| 228 mV in state 4 (rat liver; Nicholls 1974, Eur. J. Biochem. 50:305); Mitchell & Moyle 1969 (Eur. J. Biochem. 7:471) first measured both components")

    /// Phosphorylating mitochondria (state 3, ADP present): Δψ drops by some 20–30 mV as ATP synthase runs.
    public static let mitochondrionState3 = ProtonGradientPreset(
        name: "mitochondrion-state-3",
        description: "isolated mammalian mitochondria, state 3 (ADP phosphorylating): Δψ lowered by the ATP synthase's H⁺ return",
        deltaPsi: .millivolts(-150), pHInside: 7.5, pHOutside: 7.0, temperature: .body,
        insideName: "matrix", outsideName: "intermembrane space (≈ cytosol)", ring: .mammalianMitochondrion,
        source: "representative values: in state 3 Δψ falls to about 150 mV (Nicholls & Ferguson, Bioenergetics 4, 2013, ch. 4 and 6); measured |Δp| 170 mV in state 3 (rat liver; Nicholls 1974, Eur. J. Biochem. 50:305); the respiratory states are those of Chance & Williams 1955")

    /// Thylakoids in steady light: the lumen acidified to about pH 5.8 against a stroma near 7.8, Δψ small (most
    /// of it dissipated by counter-ion movement): Δp dominated by ΔpH, ≈ −140 mV at 25 °C. Under phosphorylating
    /// conditions the lumen stays at pH ≥ 6.0–6.2 with the stroma at 7.8–8.0, ΔpH ≤ 1.6–2.0 (Tikhonov 2012,
    /// Biochemistry (Moscow) 77:1155, abstract): ΔpH = 2.0 here is the upper end. The Δψ share is illustrative; in
    /// leaves it varies with conditions (Kramer, Cruz & Kanazawa 2003, not read).
    public static let chloroplastThylakoid = ProtonGradientPreset(
        name: "chloroplast-thylakoid",
        description: "chloroplast thylakoid membrane in steady light: ΔpH-dominated (lumen acidic, small Δψ)",
        deltaPsi: .millivolts(-20), pHInside: 7.8, pHOutside: 5.8, temperature: .standard,
        insideName: "stroma", outsideName: "thylakoid lumen", ring: .chloroplast,
        source: "stroma ≈ 7.8–8.0, lumen pH ≥ 6.0–6.2 when phosphorylating, ΔpH ≤ 1.6–2.0 (Tikhonov 2012, Biochemistry (Moscow) 77:1155); lumen ≈ 5.8 as the lower limit and a minor, non-zero Δψ: Kramer, Cruz & Kanazawa 2003 (Trends Plant Sci. 8:27); Δψ −20 mV illustrative")

    /// Every proton-gradient preset.
    public static let all: [ProtonGradientPreset] = [.mitochondrionState4, .mitochondrionState3, .chloroplastThylakoid]

    /// The preset called `name` (case-insensitive), or ``MembraneError/unknownName(field:value:suggestions:)`` listing them.
    public static func named(_ name: String) throws -> ProtonGradientPreset {
        let key = name.lowercased().trimmingWhitespace()
        if let p = all.first(where: { $0.name == key }) { return p }
        throw MembraneError.unknownName(field: "preset", value: name, suggestions: closestNames(to: name, among: all.map(\.name)))
    }
}
