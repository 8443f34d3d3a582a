/// A flux of substance per membrane area. Stored in mol/(m²·s); positive outward (efflux).
public struct MolarFlux: Quantity {
    public let storedValue: Double
    @inlinable public init(storedValue: Double) { self.storedValue = storedValue }
    public static let storageUnit = "mol/(m²·s)"

    /// A MolarFlux of `x` mol·m⁻²·s⁻¹.
    @inlinable public static func molesPerSquareMetreSecond(_ x: Double) -> MolarFlux { .init(storedValue: x) }
    /// The value in mol·m⁻²·s⁻¹.
    @inlinable public var molesPerSquareMetreSecond: Double { storedValue }
}
