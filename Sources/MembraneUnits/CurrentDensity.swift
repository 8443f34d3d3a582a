/// An electric current per membrane area. Stored in A/m²; positive outward
/// (cations leaving the cell), the convention of Hodgkin & Huxley 1952 and of INTERFACE.md.
public struct CurrentDensity: Quantity {
    public let storedValue: Double
    @inlinable public init(storedValue: Double) { self.storedValue = storedValue }
    public static let storageUnit = "A/m²"

    /// A CurrentDensity of `x` A/m².
    @inlinable public static func amperesPerSquareMetre(_ x: Double) -> CurrentDensity { .init(storedValue: x) }
    /// A CurrentDensity of `x` µA/cm².
    @inlinable public static func microamperesPerSquareCentimetre(_ x: Double) -> CurrentDensity { .init(storedValue: x * 1e-2) }

    /// The value in A/m².
    @inlinable public var amperesPerSquareMetre: Double { storedValue }
    /// The value in µA/cm².
    @inlinable public var microamperesPerSquareCentimetre: Double { storedValue * 1e2 }
}
