/// A Gibbs energy per mole. Stored in J/mol.
public struct MolarEnergy: Quantity {
    public let storedValue: Double
    @inlinable public init(storedValue: Double) { self.storedValue = storedValue }
    public static let storageUnit = "J/mol"

    /// A MolarEnergy of the given value in J/mol.
    @inlinable public init(joulesPerMole: Double) { storedValue = joulesPerMole }
    /// A MolarEnergy of `x` kJ/mol.
    @inlinable public static func kilojoulesPerMole(_ x: Double) -> MolarEnergy { .init(storedValue: x * 1e3) }

    /// The value in J/mol.
    @inlinable public var joulesPerMole: Double { storedValue }
    /// The value in kJ/mol.
    @inlinable public var kilojoulesPerMole: Double { storedValue * 1e-3 }
}
