/// An electric current per membrane area. Stored in A/m²; positive outward
/// (cations leaving the cell), the convention of Hodgkin & Huxley 1952 and of INTERFACE.md.
public struct CurrentDensity: Quantity {
    public let storedValue: Double
    @inlinable public init(storedValue: Double) { self.storedValue = storedValue }
    public static let storageUnit = "A/m²"

    @inlinable public static func amperesPerSquareMetre(_ x: Double) -> CurrentDensity { .init(storedValue: x) }
    @inlinable public static func microamperesPerSquareCentimetre(_ x: Double) -> CurrentDensity { .init(storedValue: x * 1e-2) }

    @inlinable public var amperesPerSquareMetre: Double { storedValue }
    @inlinable public var microamperesPerSquareCentimetre: Double { storedValue * 1e2 }
}
