import MembraneUnits
import MembranePhysics

/// The passive (channel and background) permeabilities of a plant plasma membrane to K⁺, Cl⁻ and H⁺, each carrying a
/// Goldman–Hodgkin–Katz current (``GHKCurrent``; Hille 2001 eq. 14-4).
///
/// Defaults (order of magnitude, illustrative, not fits): P_K = 10⁻⁶ cm/s for the K⁺ channels of a resting plant plasma
/// membrane (cf. Hope & Walker, *The Physiology of Giant Algal Cells*, 1975, for Characean cells); P_Cl = 10⁻⁸ cm/s,
/// Cl⁻ far less permeant at rest; P_H = 10⁻⁴ cm/s, the order of the H⁺/OH⁻ permeability of lipid bilayers, orders
/// of magnitude above that of other ions (Deamer & Nichols 1983, PNAS 80:165). P_H and the pump's saturating current
/// (``PlasmaMembraneHATPase/plantRoot``) were chosen together so that the Arabidopsis-root cell sits in the published
/// V_m range (about −160 mV).
public struct PlantLeaks: Sendable, Hashable {
    /// P_K.
    public var potassium: Permeability
    /// P_Cl.
    public var chloride: Permeability
    /// P_H (the H⁺ leak that returns what the pump exports).
    public var proton: Permeability

    /// Leaks with the given permeabilities.
    public init(potassium: Permeability, chloride: Permeability, proton: Permeability) {
        self.potassium = potassium
        self.chloride = chloride
        self.proton = proton
    }

    /// The defaults above: P_K 10⁻⁶, P_Cl 10⁻⁸, P_H 10⁻⁴ cm/s.
    public static let plantRoot = PlantLeaks(potassium: .centimetresPerSecond(1e-6), chloride: .centimetresPerSecond(1e-8),
                                             proton: .centimetresPerSecond(1e-4))

    /// Checks that each permeability is finite and ≥ 0 (P_K and P_Cl > 0: each needs a path to reach a steady state).
    public func validate() throws {
        try MembraneError.requirePositive(potassium.metresPerSecond, field: "p-k-cm-per-s", scale: 100,
                                          allowed: "a K⁺ permeability > 0 cm/s, e.g. 1e-6")
        try MembraneError.requirePositive(chloride.metresPerSecond, field: "p-cl-cm-per-s", scale: 100,
                                          allowed: "a Cl⁻ permeability > 0 cm/s, e.g. 1e-8")
        try MembraneError.requireNonNegative(proton.metresPerSecond, field: "p-h-cm-per-s", scale: 100,
                                             allowed: "an H⁺ permeability ≥ 0 cm/s, e.g. 1e-4")
    }
}
