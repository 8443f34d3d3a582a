import MembraneUnits

/// One kind of Ca²⁺-binding site, 1:1 binding: Ca + B ⇌ CaB with on-rate k_on and K_D = k_off/k_on,
/// carried by a molecule that diffuses with D_B. A protein with several kinds of sites (calbindin-D28k) is
/// several `CalciumBuffer`s, each with its site concentration (sites per molecule × molecules), treated as
/// independent (Nägerl et al. 2000).
public struct CalciumBuffer: Sendable, Hashable {
    /// The buffer's name ("EGTA", "calbindin (high-affinity sites)").
    public var name: String
    /// B_T, the total concentration of these sites.
    public var total: Concentration
    /// k_on in M⁻¹·s⁻¹.
    public var onRate: Double
    /// K_D = k_off/k_on.
    public var dissociationConstant: Concentration
    /// D_B of the buffer molecule (free and bound alike).
    public var diffusivity: Diffusivity
    /// Where the constants come from.
    public var source: String

    /// A buffer of B_T = `total` sites with k_on (M⁻¹·s⁻¹), K_D and D_B, and the source of the constants.
    public init(name: String, total: Concentration, onRate: Double, dissociationConstant: Concentration,
                diffusivity: Diffusivity, source: String) {
        self.name = name
        self.total = total
        self.onRate = onRate
        self.dissociationConstant = dissociationConstant
        self.diffusivity = diffusivity
        self.source = source
    }

    /// k_off = k_on·K_D in s⁻¹.
    public var offRate: Double { onRate * dissociationConstant.molar }

    /// Free sites in equilibrium with free Ca²⁺ c: B_T·K_D/(K_D + c).
    public func free(at c: Concentration) -> Concentration {
        let k = dissociationConstant.millimolar
        return .millimolar(total.millimolar * k / (k + c.millimolar))
    }

    /// Occupied sites in equilibrium with free Ca²⁺ c: B_T·c/(K_D + c).
    public func bound(at c: Concentration) -> Concentration {
        .millimolar(total.millimolar * c.millimolar / (dissociationConstant.millimolar + c.millimolar))
    }

    /// The first-order rate at which free Ca²⁺ is captured in the bulk, k_on·B_free(c∞), in s⁻¹.
    public func captureRate(bulk: Concentration) -> Double { onRate * free(at: bulk).molar }

    func validate(field: String) throws {
        try MembraneError.requireNonNegative(total.millimolar, field: field, allowed: "a buffer concentration ≥ 0 mM")
        try MembraneError.requirePositive(onRate, field: "\(field).kon", allowed: "an on-rate > 0 in M⁻¹·s⁻¹, e.g. 1e7")
        try MembraneError.requirePositive(dissociationConstant.millimolar, field: "\(field).kd",
                                          allowed: "a dissociation constant > 0, e.g. 150nM")
        try MembraneError.requireNonNegative(diffusivity.squareMetresPerSecond, field: "\(field).D", scale: 1e12,
                                             allowed: "a diffusion coefficient ≥ 0 µm²/s")
    }
}
