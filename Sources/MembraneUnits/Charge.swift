/// An electric charge. Stored in coulombs.
public struct Charge: Quantity {
    public let storedValue: Double
    @inlinable public init(storedValue: Double) { self.storedValue = storedValue }
    public static let storageUnit = "C"

    /// A Charge of `x` C.
    @inlinable public static func coulombs(_ x: Double) -> Charge { Charge(storedValue: x) }
    /// The value in C.
    @inlinable public var coulombs: Double { storedValue }
}
