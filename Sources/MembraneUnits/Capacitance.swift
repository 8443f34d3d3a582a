/// A specific (per-area) membrane capacitance. Stored in F/m².
public struct SpecificCapacitance: Quantity {
    public let storedValue: Double
    @inlinable public init(storedValue: Double) { self.storedValue = storedValue }
    public static let storageUnit = "F/m²"

    /// A SpecificCapacitance of `x` F/m².
    @inlinable public static func faradsPerSquareMetre(_ x: Double) -> SpecificCapacitance { .init(storedValue: x) }
    /// A SpecificCapacitance of `x` µF/cm².
    @inlinable public static func microfaradsPerSquareCentimetre(_ x: Double) -> SpecificCapacitance { .init(storedValue: x * 1e-2) }

    /// The textbook value for biological membranes, 1 µF/cm² (Cole 1968; Hille 2001, ch. 1;
    /// Gentet, Stuart & Clements 2000, Biophys. J. 79:314, measured 0.9 µF/cm²).
    public static let biological = SpecificCapacitance(storedValue: 1e-2)

    /// The value in F/m².
    @inlinable public var faradsPerSquareMetre: Double { storedValue }
    /// The value in µF/cm².
    @inlinable public var microfaradsPerSquareCentimetre: Double { storedValue * 1e2 }

}
