import MembraneUnits
import MembraneNumerics

/// What ``Simulation`` needs from a compiled model beyond its equations: the names of its state, its parameters and
/// observables, and the times at which its right-hand side is not smooth in t.
///
/// A model is a value: a simulation changes a parameter (an event) on a copy it gives to the integrator, and a
/// ``Trajectory`` keeps the model in force over each stretch of the run. ``CellModel`` conforms; a population of
/// cells will (one model with a block-diagonal Jacobian).
public protocol SimulationModel: ODESystem, Sendable {
    /// The names and units of the state components.
    var layout: StateLayout { get }
    /// The state at t = 0.
    var initialState: [Double] { get }
    /// Prepares a run that starts at state `y` (e.g. measures volumes relative to it).
    mutating func start(from y: [Double])
    /// The times in (0, end) at which f jumps or bends in t (a stimulus switching), ascending: a simulation
    /// restarts its integrator there.
    func breakpoints(until end: Double) -> [Double]
    /// Called when integration enters the smooth piece of f that starts at t (at 0 and after each breakpoint).
    mutating func enterPiece(at t: Double)

    /// The names of the parameters events may change.
    var parameterNames: [String] { get }
    /// The current value of parameter `index` (of ``parameterNames``), in SI units.
    func parameterValue(_ index: Int) -> Double
    /// Sets parameter `index`, throwing ``MembraneError`` outside its allowed range.
    mutating func setParameter(_ index: Int, to value: Double) throws
    /// The index of the parameter called `name`, or an error listing the closest names.
    func parameterIndex(named name: String) throws -> Int

    /// The names of the quantities a recorder or a state event can follow (V, concentrations, currents, …).
    var observableNames: [String] { get }
    /// The value of observable `index` at (t, y), in SI units.
    func observe(_ index: Int, at t: Double, state y: [Double]) -> Double

    /// The components that are positive by nature (amounts of ions), which a run may integrate as logarithms
    /// (``LogTransformedSystem``). Default: none.
    var positiveComponents: [Int] { get }
}

extension SimulationModel {
    public mutating func start(from y: [Double]) {}
    public func breakpoints(until end: Double) -> [Double] { [] }
    public mutating func enterPiece(at t: Double) {}
    /// None: a model integrates every component as it is unless it names its positive ones.
    public var positiveComponents: [Int] { [] }

    /// The index of the parameter called `name`, or an error listing the closest names.
    public func parameterIndex(named name: String) throws -> Int {
        if let i = parameterNames.firstIndex(of: name) { return i }
        throw MembraneError.unknownName(field: "parameter", value: name, suggestions: closestNames(to: name, among: parameterNames))
    }

    /// The index of the observable called `name`, or an error listing the closest names.
    public func observableIndex(named name: String) throws -> Int {
        if let i = observableNames.firstIndex(of: name) { return i }
        throw MembraneError.unknownName(field: "observable", value: name, suggestions: closestNames(to: name, among: observableNames))
    }
}
