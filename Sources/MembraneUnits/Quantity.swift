/// A physical quantity of one dimension, stored as a `Double` in a fixed SI-coherent unit.
///
/// Conforming types get the operations that make sense within one dimension:
/// sums and differences of like quantities, scaling by a pure number, ratios of
/// like quantities (a pure number), negation and ordering. Products across
/// dimensions are named functions on the types that own them, so a concentration
/// can never be passed where a voltage is expected.
public protocol Quantity: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// The value in the type's storage unit (documented on each type).
    var storedValue: Double { get }
    /// Wraps a value given in the storage unit.
    init(storedValue: Double)
    /// The unit `storedValue` is expressed in, for messages.
    static var storageUnit: String { get }
}

extension Quantity {
    /// The sum of two like quantities.
    @inlinable public static func + (a: Self, b: Self) -> Self { Self(storedValue: a.storedValue + b.storedValue) }
    /// The difference of two like quantities.
    @inlinable public static func - (a: Self, b: Self) -> Self { Self(storedValue: a.storedValue - b.storedValue) }
    /// The quantity with its sign reversed.
    @inlinable public static prefix func - (a: Self) -> Self { Self(storedValue: -a.storedValue) }
    /// The quantity scaled by a pure number.
    @inlinable public static func * (k: Double, a: Self) -> Self { Self(storedValue: k * a.storedValue) }
    /// The quantity scaled by a pure number.
    @inlinable public static func * (a: Self, k: Double) -> Self { Self(storedValue: k * a.storedValue) }
    /// The quantity divided by a pure number.
    @inlinable public static func / (a: Self, k: Double) -> Self { Self(storedValue: a.storedValue / k) }
    /// The ratio of two like quantities is a pure number.
    @inlinable public static func / (a: Self, b: Self) -> Double { a.storedValue / b.storedValue }
    @inlinable public static func < (a: Self, b: Self) -> Bool { a.storedValue < b.storedValue }
    /// Zero in any unit.
    @inlinable public static var zero: Self { Self(storedValue: 0) }
    /// The absolute value.
    @inlinable public var magnitude: Self { Self(storedValue: Swift.abs(storedValue)) }
    /// False for NaN and ±infinity.
    @inlinable public var isFinite: Bool { storedValue.isFinite }
    public var description: String { "\(storedValue) \(Self.storageUnit)" }
}
