/// An electric potential difference. Stored in volts.
public struct Voltage: Quantity {
    public let storedValue: Double
    @inlinable public init(storedValue: Double) { self.storedValue = storedValue }
    public static let storageUnit = "V"

    /// A Voltage of the given value in V.
    @inlinable public init(volts: Double) { storedValue = volts }
    /// A Voltage of `x` mV.
    @inlinable public static func millivolts(_ x: Double) -> Voltage { Voltage(storedValue: x * 1e-3) }
    /// A Voltage of `x` V.
    @inlinable public static func volts(_ x: Double) -> Voltage { Voltage(storedValue: x) }

    /// The value in V.
    @inlinable public var volts: Double { storedValue }
    /// The value in mV.
    @inlinable public var millivolts: Double { storedValue * 1e3 }
}
