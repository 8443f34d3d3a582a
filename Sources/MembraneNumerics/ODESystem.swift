/// A system of ordinary differential equations y′ = f(t, y) on a flat state vector.
///
/// The state is a plain `[Double]`; what each component means is the business of the model (see
/// `StateLayout` in MembraneDynamics). Conformers are values, so an integrator can be given a modified
/// copy at an event (a pump blocked at time t) without shared mutable state.
public protocol ODESystem {
    /// How the Jacobian is stored: dense (the default) or with a structure the integrators exploit
    /// (``BlockDiagonalMatrix``).
    associatedtype Jacobian: JacobianMatrix = DenseMatrix
    /// Number of state components.
    var dimension: Int { get }
    /// True when f does not depend on t explicitly. Rosenbrock methods need ∂f/∂t for
    /// non-autonomous systems (``timeDerivative(at:state:into:)``).
    var isAutonomous: Bool { get }
    /// Writes f(t, y) into `dydt` (already of size `dimension`).
    func derivatives(at t: Double, state y: [Double], into dydt: inout [Double])
    /// A zero Jacobian of the system's structure (for a dense Jacobian, an n × n matrix).
    func makeJacobian() -> Jacobian
    /// Writes the Jacobian ∂f/∂y (row i = component of f, column j = component of y) into `j` and
    /// returns true, or returns false to let the integrator estimate it by finite differences.
    func jacobian(at t: Double, state y: [Double], into j: inout Jacobian) -> Bool
    /// Writes ∂f/∂t at (t, y) into `dfdt` and returns true, or returns false to let the integrator estimate it by
    /// central differences. Only non-autonomous systems are asked.
    func timeDerivative(at t: Double, state y: [Double], into dfdt: inout [Double]) -> Bool
    /// Components `activeDimension ..< dimension` are *passive*: f does not depend on them (their Jacobian
    /// columns are zero), like running integrals or bookkeeping of what left a compartment. The integrator
    /// then factors only the active block and gets the passive stage values from it, an exact shortcut
    /// (the iteration matrix is block triangular). Default: every component is active.
    var activeDimension: Int { get }
}

extension ODESystem {
    public var isAutonomous: Bool { false }
    public var activeDimension: Int { dimension }
    public func jacobian(at t: Double, state y: [Double], into j: inout Jacobian) -> Bool { false }
    public func timeDerivative(at t: Double, state y: [Double], into dfdt: inout [Double]) -> Bool { false }
}

extension ODESystem where Jacobian == DenseMatrix {
    public func makeJacobian() -> DenseMatrix { DenseMatrix(size: dimension) }
}

/// An ODE system given by closures (tests, small problems).
public struct ClosureODESystem: ODESystem {
    public let dimension: Int
    public let isAutonomous: Bool
    let f: (Double, [Double], inout [Double]) -> Void
    let jac: ((Double, [Double], inout DenseMatrix) -> Void)?

    /// A system dy/dt = f(t, y) of `dimension` components given by closures, with an optional exact Jacobian (finite differences otherwise).
    public init(dimension: Int, isAutonomous: Bool = false,
                f: @escaping (Double, [Double], inout [Double]) -> Void,
                jacobian: ((Double, [Double], inout DenseMatrix) -> Void)? = nil) {
        self.dimension = dimension
        self.isAutonomous = isAutonomous
        self.f = f
        self.jac = jacobian
    }

    public func derivatives(at t: Double, state y: [Double], into dydt: inout [Double]) { f(t, y, &dydt) }

    public func jacobian(at t: Double, state y: [Double], into j: inout DenseMatrix) -> Bool {
        guard let jac else { return false }
        jac(t, y, &j)
        return true
    }
}
