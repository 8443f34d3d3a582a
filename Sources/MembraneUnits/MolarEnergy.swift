/// A Gibbs energy per mole. Stored in J/mol.
public struct MolarEnergy: Quantity {
    public let storedValue: Double
    @inlinable public init(storedValue: Double) { self.storedValue = storedValue }
    public static let storageUnit = "J/mol"

    @inlinable public init(joulesPerMole: Double) { storedValue = joulesPerMole }
    @inlinable public static func kilojoulesPerMole(_ x: Double) -> MolarEnergy { .init(storedValue: x * 1e3) }

    @inlinable public var joulesPerMole: Double { storedValue }
    @inlinable public var kilojoulesPerMole: Double { storedValue * 1e-3 }
}
