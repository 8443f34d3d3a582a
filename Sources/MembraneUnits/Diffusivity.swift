/// A diffusion coefficient. Stored in m²/s.
public struct Diffusivity: Quantity {
    public let storedValue: Double
    @inlinable public init(storedValue: Double) { self.storedValue = storedValue }
    public static let storageUnit = "m²/s"

    /// A Diffusivity of `x` m²/s.
    @inlinable public static func squareMetresPerSecond(_ x: Double) -> Diffusivity { .init(storedValue: x) }
    /// The value in m²/s.
    @inlinable public var squareMetresPerSecond: Double { storedValue }
}
