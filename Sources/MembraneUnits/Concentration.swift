/// An amount-of-substance concentration. Stored in mol/m³, which is numerically mM.
public struct Concentration: Quantity {
    public let storedValue: Double
    @inlinable public init(storedValue: Double) { self.storedValue = storedValue }
    public static let storageUnit = "mM"

    /// A Concentration of `x` mM (mol/m³).
    @inlinable public static func millimolar(_ x: Double) -> Concentration { Concentration(storedValue: x) }
    /// A Concentration of `x` µM.
    @inlinable public static func micromolar(_ x: Double) -> Concentration { Concentration(storedValue: x * 1e-3) }
    /// A Concentration of `x` nM.
    @inlinable public static func nanomolar(_ x: Double) -> Concentration { Concentration(storedValue: x * 1e-6) }
    /// A Concentration of `x` M (mol/L).
    @inlinable public static func molar(_ x: Double) -> Concentration { Concentration(storedValue: x * 1e3) }
    /// A Concentration of `x` mol/m³ (= mM).
    @inlinable public static func molesPerCubicMetre(_ x: Double) -> Concentration { Concentration(storedValue: x) }

    /// Value in mM (= mol/m³).
    @inlinable public var millimolar: Double { storedValue }
    /// Value in mol/L.
    @inlinable public var molar: Double { storedValue * 1e-3 }
    /// Value in mol/m³ (SI).
    @inlinable public var molesPerCubicMetre: Double { storedValue }
}
