/// An electric charge. Stored in coulombs.
public struct Charge: Quantity {
    public let storedValue: Double
    @inlinable public init(storedValue: Double) { self.storedValue = storedValue }
    public static let storageUnit = "C"

    @inlinable public static func coulombs(_ x: Double) -> Charge { Charge(storedValue: x) }
    @inlinable public var coulombs: Double { storedValue }
}
