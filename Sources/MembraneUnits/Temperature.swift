/// An absolute (thermodynamic) temperature. Stored in kelvin; always > 0 when built by the
/// throwing initialisers.
public struct Temperature: Quantity {
    public let storedValue: Double
    @inlinable public init(storedValue: Double) { self.storedValue = storedValue }
    public static let storageUnit = "K"

    /// A temperature in kelvin; throws for values ≤ 0 K or not finite.
    public static func kelvin(_ x: Double) throws -> Temperature {
        guard x.isFinite, x > 0 else {
            throw MembraneError.invalidValue(field: "temperature", value: "\(x) K",
                                             allowed: "a temperature above absolute zero (> 0 K, > -273.15 °C)")
        }
        return Temperature(storedValue: x)
    }

    /// A temperature in degrees Celsius; throws below absolute zero.
    public static func celsius(_ x: Double) throws -> Temperature {
        guard x.isFinite, x > -CODATA2018.celsiusZero else {
            throw MembraneError.invalidValue(field: "temperature", value: "\(x) °C",
                                             allowed: "a temperature above absolute zero (> -273.15 °C, > 0 K)")
        }
        return Temperature(storedValue: x + CODATA2018.celsiusZero)
    }

    /// 37 °C, the default of every command without a preset temperature.
    public static let body = Temperature(storedValue: 310.15)
    /// 25 °C, the reference temperature of conductivity tables.
    public static let standard = Temperature(storedValue: 298.15)

    @inlinable public var kelvin: Double { storedValue }
    @inlinable public var celsius: Double { storedValue - CODATA2018.celsiusZero }
}
