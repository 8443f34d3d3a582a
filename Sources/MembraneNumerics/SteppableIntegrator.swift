/// What a driver needs from an adaptive integrator: one accepted step at a time, the current point, and a
/// restart after an event changed the system or the state.
///
/// ``Integrator`` (Rosenbrock, Rodas4) and ``BDFIntegrator`` (variable-order NDF/BDF) conform, so a driver
/// written against this protocol (a generic function, specialised per integrator) runs either method:
///
///     func run<I: SteppableIntegrator>(_ integrator: inout I) {
///         while case .accepted = integrator.step() { record(integrator.time, integrator.state) }
///     }
///
/// Events are handled as `Simulation` does: when ``isFinished`` at an event time, change ``system`` (a value),
/// then ``restart(at:state:end:)``, which discards everything that assumed the old system (Jacobian, step-size
/// history, the BDF's backward differences).
public protocol SteppableIntegrator<System> {
    /// The system of ODEs integrated.
    associatedtype System: ODESystem
    /// The system being integrated; after changing it, call ``restart(at:state:end:)``.
    var system: System { get set }
    /// The time reached.
    var time: Double { get }
    /// The state at ``time``.
    var state: [Double] { get }
    /// The time the integration ends at.
    var endTime: Double { get }
    /// Steps, rejections and evaluations so far.
    var statistics: IntegratorStatistics { get }
    /// True once ``time`` has reached ``endTime``.
    var isFinished: Bool { get }
    /// The size of the last accepted step (0 before the first).
    var lastStep: Double { get }
    /// Advances by one accepted step (never past ``endTime``), or says why it cannot.
    mutating func step() -> StepOutcome
    /// f(t, y) at the current point.
    mutating func currentDerivative() -> [Double]
    /// Calls `body` with the current point: t, y and f(t, y), read in place.
    mutating func withCurrentPoint<R>(_ body: (_ time: Double, _ state: UnsafeBufferPointer<Double>,
                                               _ derivative: UnsafeBufferPointer<Double>) -> R) -> R
    /// Continues from (t, y) to a new end time, choosing the step size (and order) afresh.
    mutating func restart(at t: Double, state y: [Double], end: Double)
}

extension Integrator: SteppableIntegrator {}

/// The integration methods of a ``SteppableIntegrator`` Membrane offers (stiff, or switching to stiff when needed).
public enum IntegrationMethod: String, CaseIterable, Sendable, Hashable {
    /// Rosenbrock RODAS4 (Hairer & Wanner 1996): one-step, order 4, L-stable, a Jacobian and an LU every step
    /// (``Integrator``).
    case rodas4
    /// Variable-order (1–5) NDF/BDF of Shampine & Reichelt 1997 as in scipy's `solve_ivp(method="BDF")`:
    /// multistep, modified Newton reusing one LU over many steps (``BDFIntegrator``).
    case bdf
    /// Dormand–Prince 5(4) where the problem is not stiff, BDF where it is, changing as LSODA does
    /// (``SwitchingIntegrator``): for spiking bursts between stiff stretches.
    case auto

    /// The name reports print.
    public var displayName: String {
        switch self {
        case .rodas4: "Rodas4"
        case .bdf: "BDF"
        case .auto: "Dormand–Prince 5(4) / BDF (auto)"
        }
    }
}

/// The calls an integrator makes into its system, with the system passed `inout`: calling a method of the stored
/// `system` while another stored property is passed `inout` would make Swift copy the whole system first (to keep the
/// two accesses apart); as disjoint `inout` arguments, neither is copied. (A model of a cell is hundreds of bytes.)
extension ODESystem {
    @inlinable @inline(__always)
    static func evaluate(_ system: inout Self, at t: Double, state y: [Double], into dydt: inout [Double]) {
        system.derivatives(at: t, state: y, into: &dydt)
    }

    @inlinable @inline(__always)
    static func evaluateJacobian(_ system: inout Self, at t: Double, state y: [Double], into j: inout Jacobian) -> Bool {
        system.jacobian(at: t, state: y, into: &j)
    }

    @inlinable @inline(__always)
    static func evaluateTimeDerivative(_ system: inout Self, at t: Double, state y: [Double], into dfdt: inout [Double]) -> Bool {
        system.timeDerivative(at: t, state: y, into: &dfdt)
    }
}
