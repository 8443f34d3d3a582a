import MembraneUnits

/// Water crossing the membrane down its osmotic gradient: J_v = P_f·V̄_w·(Osm_in − Osm_out) (m³·m⁻²·s⁻¹, inward
/// positive), with the osmotic permeability P_f (m/s) and the partial molar volume of water V̄_w
/// (``WaterTransport/molarVolumeOfWater``; Finkelstein, *Water Movement Through Lipid Bilayers, Pores, and Plasma
/// Membranes*, 1987, ch. 2; Keener & Sneyd's dμ/dt = Q/τ_w). Ideal (van 't Hoff) osmolarities. A model with this
/// mechanism integrates the cell volume (``WaterTransport/osmotic(permeability:)``). Parameter: `Pf` (m/s).
public struct OsmoticWater: Mechanism, Hashable {
    /// The osmotic water permeability P_f (m/s).
    public var permeability: Permeability

    /// Water flux through a membrane of osmotic permeability P_f.
    public init(permeability: Permeability) { self.permeability = permeability }

    public var name: String { "water" }
    public var ions: [String] { [] }
    public var parameterNames: [String] { ["Pf"] }
    public func parameter(_ index: Int) -> Double { permeability.metresPerSecond }

    public mutating func setParameter(_ index: Int, to value: Double) throws {
        try requireNonNegative(value, parameter: "Pf", unit: "m/s")
        permeability = .metresPerSecond(value)
    }

    var hydraulicConductivity: Double { permeability.metresPerSecond * WaterTransport.molarVolumeOfWater }

    public func contribute(at site: MembraneSite) {
        site.addWaterFlux(hydraulicConductivity * (site.osmolarityInside - site.osmolarityOutside))
    }

    public func contributeDerivatives(at site: MembraneSite) {
        site.addDerivative(of: .waterFlux, withRespectTo: .osmolarityInside, hydraulicConductivity)
        site.addDerivative(of: .waterFlux, withRespectTo: .osmolarityOutside, -hydraulicConductivity)
    }

    public func characteristicFlux(at site: MembraneSite, slot: Int) -> Double { 0 }
    public var isAffineInPotential: Bool { true }
}
