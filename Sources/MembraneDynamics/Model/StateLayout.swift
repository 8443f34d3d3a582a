/// Names for the components of a flat state vector, so that a `[Double]` can be read by meaning.
///
/// Models lay their state out as consecutive blocks (the amounts of each ion in the cell, the cell
/// volume, the amounts in the bath, gating variables…); a layout records the name and unit of each
/// component. Populations of cells repeat one cell's layout with a stride.
public struct StateLayout: Sendable, Hashable {
    /// One state component: its name and unit.
    public struct Component: Sendable, Hashable {
        /// The component's name ("cell.Na", "cell.volume", "hh_Na.m"; "vm" in the Hübel–Ullah model).
        public var name: String
        /// The unit of its values as printed ("mM·w_ref", "w_ref", "V", "1").
        public var unit: String
    }
    /// The components in state-vector order.
    public private(set) var components: [Component]

    /// A layout of `components`, in state-vector order.
    public init(_ components: [Component] = []) { self.components = components }

    /// The number of components: the dimension of the state vector.
    public var count: Int { components.count }

    /// Appends a component and returns its index.
    @discardableResult
    public mutating func append(_ name: String, unit: String) -> Int {
        components.append(Component(name: name, unit: unit))
        return components.count - 1
    }

    /// The index of the component called `name`, or nil.
    public func index(of name: String) -> Int? { components.firstIndex { $0.name == name } }

    /// The components' names, in order.
    public var names: [String] { components.map(\.name) }
}
