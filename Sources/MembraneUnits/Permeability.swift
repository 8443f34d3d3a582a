/// A membrane permeability coefficient P (as in the GHK equations). Stored in m/s.
public struct Permeability: Quantity {
    public let storedValue: Double
    @inlinable public init(storedValue: Double) { self.storedValue = storedValue }
    public static let storageUnit = "m/s"

    /// A Permeability of `x` m/s.
    @inlinable public static func metresPerSecond(_ x: Double) -> Permeability { Permeability(storedValue: x) }
    /// A Permeability of `x` cm/s.
    @inlinable public static func centimetresPerSecond(_ x: Double) -> Permeability { Permeability(storedValue: x * 1e-2) }

    /// The value in m/s.
    @inlinable public var metresPerSecond: Double { storedValue }
    /// The value in cm/s.
    @inlinable public var centimetresPerSecond: Double { storedValue * 1e2 }
}
