/// A specific (per-area) membrane conductance. Stored in S/m².
public struct SpecificConductance: Quantity {
    public let storedValue: Double
    @inlinable public init(storedValue: Double) { self.storedValue = storedValue }
    public static let storageUnit = "S/m²"

    /// A SpecificConductance of `x` S/m².
    @inlinable public static func siemensPerSquareMetre(_ x: Double) -> SpecificConductance { .init(storedValue: x) }
    /// A SpecificConductance of `x` mS/cm².
    @inlinable public static func millisiemensPerSquareCentimetre(_ x: Double) -> SpecificConductance { .init(storedValue: x * 10) }

    /// The value in S/m².
    @inlinable public var siemensPerSquareMetre: Double { storedValue }
    /// The value in mS/cm².
    @inlinable public var millisiemensPerSquareCentimetre: Double { storedValue / 10 }

    /// Ohm's law for a conductance: the current density g·ΔV.
    @inlinable public func current(drivenBy dv: Voltage) -> CurrentDensity {
        CurrentDensity(storedValue: storedValue * dv.volts)
    }
}
