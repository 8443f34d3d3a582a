import MembraneNumerics

/// The equations an integrator advances for a ``PumpLeakSystem``: the whole state, or, with an infinite bath,
/// only the cell's part.
///
/// With an infinite bath (fixed outside concentrations) the bath components Bⱼ only book what the cell gave
/// away: f does not depend on them and dBⱼ/dt = −dNⱼ/dt, so Nⱼ + Bⱼ = Tⱼ holds exactly and
/// Bⱼ(t) = Tⱼ − Nⱼ(t) needs no integration. Integrating only [N₁ … Nₙ (v̂)] halves the integrator's vector work
/// and makes ion conservation exact by construction (scipy users write the same three-equation system for
/// Kay 2017). With a finite bath the bath amounts set the outside concentrations and are integrated.
/// A simulation's recorder rebuilds the full state vector of ``PumpLeakSystem/layout``.
public struct PumpLeakODE: ODESystem, Sendable {
    public var system: PumpLeakSystem
    /// The number of integrated components: the full dimension, or the cell's part with an infinite bath.
    public let dimension: Int
    /// Tⱼ = Nⱼ + Bⱼ of each ion (used when the bath part is not integrated).
    let totals: [Double]
    public var isAutonomous: Bool { true }

    /// The integrated equations of `system` for a run starting at the full state `start`.
    public init(_ system: PumpLeakSystem, start: [Double]) {
        precondition(start.count == system.dimension)
        self.system = system
        dimension = system.infiniteBath ? system.bathOffset : system.dimension
        totals = (0..<system.n).map { start[$0] + start[system.bathOffset + $0] }
    }

    /// The pump activity of the system (events change it).
    public var pumpActivity: Double {
        get { system.pumpActivity }
        set { system.pumpActivity = newValue }
    }

    /// The integrated part of a full state vector.
    public func reduce(_ full: [Double]) -> [Double] {
        dimension == full.count ? full : Array(full[0..<dimension])
    }

    public func derivatives(at t: Double, state y: [Double], into dydt: inout [Double]) {
        system.derivatives(at: t, state: y, into: &dydt)
    }

    public func jacobian(at t: Double, state y: [Double], into j: inout DenseMatrix) -> Bool {
        system.jacobian(at: t, state: y, into: &j)
    }

    /// Every integrated component is active (the passive bath bookkeeping of an infinite bath is not integrated).
    public var activeDimension: Int { dimension }
}
