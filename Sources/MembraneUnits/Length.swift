/// A length. Stored in metres.
public struct Length: Quantity {
    public let storedValue: Double
    @inlinable public init(storedValue: Double) { self.storedValue = storedValue }
    public static let storageUnit = "m"

    @inlinable public static func metres(_ x: Double) -> Length { Length(storedValue: x) }
    @inlinable public static func micrometres(_ x: Double) -> Length { Length(storedValue: x * 1e-6) }

    @inlinable public var metres: Double { storedValue }
    @inlinable public var micrometres: Double { storedValue * 1e6 }
}
