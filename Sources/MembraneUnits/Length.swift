/// A length. Stored in metres.
public struct Length: Quantity {
    public let storedValue: Double
    @inlinable public init(storedValue: Double) { self.storedValue = storedValue }
    public static let storageUnit = "m"

    /// A Length of `x` m.
    @inlinable public static func metres(_ x: Double) -> Length { Length(storedValue: x) }
    /// A Length of `x` µm.
    @inlinable public static func micrometres(_ x: Double) -> Length { Length(storedValue: x * 1e-6) }

    /// The value in m.
    @inlinable public var metres: Double { storedValue }
    /// The value in µm.
    @inlinable public var micrometres: Double { storedValue * 1e6 }
}
