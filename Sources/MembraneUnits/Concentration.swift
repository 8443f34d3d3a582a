/// An amount-of-substance concentration. Stored in mol/m³, which is numerically mM.
public struct Concentration: Quantity {
    public let storedValue: Double
    @inlinable public init(storedValue: Double) { self.storedValue = storedValue }
    public static let storageUnit = "mM"

    @inlinable public static func millimolar(_ x: Double) -> Concentration { Concentration(storedValue: x) }
    @inlinable public static func micromolar(_ x: Double) -> Concentration { Concentration(storedValue: x * 1e-3) }
    @inlinable public static func nanomolar(_ x: Double) -> Concentration { Concentration(storedValue: x * 1e-6) }
    @inlinable public static func molar(_ x: Double) -> Concentration { Concentration(storedValue: x * 1e3) }
    @inlinable public static func molesPerCubicMetre(_ x: Double) -> Concentration { Concentration(storedValue: x) }

    /// Value in mM (= mol/m³).
    @inlinable public var millimolar: Double { storedValue }
    /// Value in mol/L.
    @inlinable public var molar: Double { storedValue * 1e-3 }
    /// Value in mol/m³ (SI).
    @inlinable public var molesPerCubicMetre: Double { storedValue }
}
