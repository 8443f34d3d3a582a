/// An electric potential difference. Stored in volts.
public struct Voltage: Quantity {
    public let storedValue: Double
    @inlinable public init(storedValue: Double) { self.storedValue = storedValue }
    public static let storageUnit = "V"

    @inlinable public init(volts: Double) { storedValue = volts }
    @inlinable public static func millivolts(_ x: Double) -> Voltage { Voltage(storedValue: x * 1e-3) }
    @inlinable public static func volts(_ x: Double) -> Voltage { Voltage(storedValue: x) }

    @inlinable public var volts: Double { storedValue }
    @inlinable public var millivolts: Double { storedValue * 1e3 }
}
