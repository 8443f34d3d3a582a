/// Names for the components of a flat state vector, so that a `[Double]` can be read by meaning.
///
/// Models lay their state out as consecutive blocks (the amounts of each ion in the cell, the cell
/// volume, the amounts in the bath, gating variables…); a layout records the name and unit of each
/// component. Populations of cells repeat one cell's layout with a stride.
public struct StateLayout: Sendable, Hashable {
    public struct Component: Sendable, Hashable {
        public var name: String
        public var unit: String
    }
    public private(set) var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    public var count: Int { components.count }

    /// Appends a component and returns its index.
    @discardableResult
    public mutating func append(_ name: String, unit: String) -> Int {
        components.append(Component(name: name, unit: unit))
        return components.count - 1
    }

    /// The index of the component called `name`, or nil.
    public func index(of name: String) -> Int? { components.firstIndex { $0.name == name } }

    public var names: [String] { components.map(\.name) }
}
