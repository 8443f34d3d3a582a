/// An absolute (thermodynamic) temperature. Stored in kelvin. The throwing initialisers accept the
/// temperatures of liquid water, ``Domain/celsius`` (−40 °C to 150 °C), the range of every model here.
public struct Temperature: Quantity {
    public let storedValue: Double
    @inlinable public init(storedValue: Double) { self.storedValue = storedValue }
    public static let storageUnit = "K"

    /// A temperature in kelvin; throws outside ``Domain/celsius`` (233.15 K to 423.15 K) or when not finite.
    public static func kelvin(_ x: Double) throws -> Temperature {
        guard x.isFinite, Domain.celsius.contains(x - CODATA2018.celsiusZero) else {
            throw MembraneError.invalidValue(field: "temperature", value: "\(x) K", allowed: Domain.celsiusDescription)
        }
        return Temperature(storedValue: x)
    }

    /// A temperature in degrees Celsius; throws outside ``Domain/celsius`` (−40 °C to 150 °C).
    public static func celsius(_ x: Double) throws -> Temperature {
        guard x.isFinite, Domain.celsius.contains(x) else {
            throw MembraneError.invalidValue(field: "temperature", value: "\(x) °C", allowed: Domain.celsiusDescription)
        }
        return Temperature(storedValue: x + CODATA2018.celsiusZero)
    }

    /// 37 °C, the default of every command without a preset temperature.
    public static let body = Temperature(storedValue: 310.15)
    /// 25 °C, the reference temperature of conductivity tables.
    public static let standard = Temperature(storedValue: 298.15)

    /// The value in K.
    @inlinable public var kelvin: Double { storedValue }
    /// The value in °C.
    @inlinable public var celsius: Double { storedValue - CODATA2018.celsiusZero }
}
