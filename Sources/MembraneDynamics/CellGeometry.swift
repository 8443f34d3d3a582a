import MembraneUnits

/// The membrane area and the reference volume of a cell. The area stays fixed while the volume changes
/// (membrane reserves unfold; Kay 2017 keeps the area of the initial sphere).
public struct CellGeometry: Sendable, Hashable {
    /// Membrane area in m².
    public var area: Double
    /// Reference volume in m³ (the volume at which the scenario's inside concentrations are given).
    public var volume: Double
    /// How the geometry was described, for reports ("sphere of radius 5 µm").
    public var description: String

    /// A geometry of membrane area A (m²) and reference volume V (m³), described as `description`.
    public init(area: Double, volume: Double, description: String) {
        self.area = area
        self.volume = volume
        self.description = description
    }

    /// A sphere: A = 4πr², V = 4πr³/3.
    public static func sphere(radius r: Length) -> CellGeometry {
        let m = r.metres
        return CellGeometry(area: 4 * Double.pi * m * m, volume: 4 * Double.pi * m * m * m / 3,
                            description: "sphere of radius \(r.micrometres) µm")
    }

    /// The radius of the sphere with this reference volume.
    public var equivalentRadius: Length {
        var r = 1e-6
        // r = (3V/4π)^{1/3} by Newton on r³ (no Foundation cbrt needed).
        let target = 3 * volume / (4 * Double.pi)
        for _ in 0..<60 { r -= (r * r * r - target) / (3 * r * r) }
        return .metres(r)
    }
}
