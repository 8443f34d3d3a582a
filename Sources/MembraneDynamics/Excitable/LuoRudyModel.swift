import MembraneUnits
import MembraneNumerics

/// ``LuoRudy1991`` compiled: its eight ODEs (V in mV, the six gates, [Ca]ᵢ in mM; time in seconds, every rate of
/// the paper ×1000) as a ``SimulationModel``, so that ``Simulation`` runs it with either stiff integrator, spike
/// detection (`vm`) and recording. The stimulus pulses are the model's breakpoints: the run restarts its integrator
/// at each edge and the stimulus is constant within a piece (``enterPiece(at:)``), so f is autonomous in each.
/// Observables in SI: `vm` (V), the gates, `Ca_i` (mM), `E_Na`, `E_K`, `E_K1`, `E_si` (V), `I.<current>` (A/m²,
/// outward; `I.stim` is the depolarising stimulus, positive).
public struct LuoRudyModel: SimulationModel, Hashable {
    /// The parameters the model was compiled from.
    public var parameters: LuoRudy1991
    /// The stimulus in force in the current piece, µA/cm² (depolarising).
    public private(set) var stimulus = 0.0
    /// The state the run starts from (default: the rest at the parameters' K_o, else the CellML state).
    public var start: [Double]

    /// Compiles `p`, starting from `start` (default: the rest of ``LuoRudy1991/rest()``).
    public init(_ p: LuoRudy1991, start: [Double]? = nil) {
        parameters = p
        self.start = start ?? p.rest()?.state ?? LuoRudy1991.cellMLInitialState
    }

    public var dimension: Int { 8 }
    public var isAutonomous: Bool { true }
    public var initialState: [Double] { start }
    public var layout: StateLayout {
        let gates = ["m", "h", "j", "d", "f", "X"].map { StateLayout.Component(name: $0, unit: "1") }
        return StateLayout([StateLayout.Component(name: "vm", unit: "mV")] + gates + [StateLayout.Component(name: "Ca_i", unit: "mM")])
    }

    /// Stimulus edges in (0, end) seconds: each pulse's onset and end.
    public func breakpoints(until end: Double) -> [Double] {
        let p = parameters
        return p.stimulusOnsets(until: end * 1e3).flatMap { [$0 * 1e-3, ($0 + p.stimulusDuration) * 1e-3] }
            .filter { $0 > 0 && $0 < end }
    }

    public mutating func enterPiece(at t: Double) { stimulus = parameters.stimulus(at: t * 1e3) }

    /// C·dV/dt = −(I_ion − I_stim) and the gates' and [Ca]ᵢ's equations (``LuoRudy1991``), per second.
    public func derivatives(at t: Double, state y: [Double], into dydt: inout [Double]) {
        y.withUnsafeBufferPointer { yp in
            let y = yp.baseAddress!, p = parameters, c = p.currents(y)
            let rates = LuoRudy1991.rates(at: y[0])
            dydt[0] = -1000 / p.capacitance * (c.total - stimulus)
            for k in 0..<6 { dydt[k + 1] = 1000 * (rates[k].alpha * (1 - y[k + 1]) - rates[k].beta * y[k + 1]) }
            dydt[7] = 1000 * (-1e-4 * c.slowInward + 0.07 * (1e-4 - y[7]))
        }
    }

    /// dV/dt in V/s (= mV/ms) at state `y` with the piece's stimulus.
    public func voltageRate(_ y: [Double]) -> Double {
        -(parameters.currents(y).total - stimulus) / parameters.capacitance
    }

    /// −I_ion/C in V/s at state `y`: the rate of V without the stimulus.
    public func ionicRate(_ y: [Double]) -> Double { -parameters.currents(y).total / parameters.capacitance }

    // MARK: Parameters and observables

    public var parameterNames: [String] { [] }
    public func parameterValue(_ index: Int) -> Double { .nan }
    public mutating func setParameter(_ index: Int, to value: Double) throws {
        throw MembraneError.invalidValue(field: "parameter", value: "\(index)", allowed: "none: luo-rudy-1991 has no run-time parameters")
    }

    /// The observable names, in ``observe(_:at:state:)``'s index order: SI units (V, mM, A/m² outward).
    public static let observables = ["vm", "m", "h", "j", "d", "f", "X", "Ca_i", "E_Na", "E_K", "E_K1", "E_si",
                                     "I.Na", "I.si", "I.K", "I.K1", "I.Kp", "I.b", "I.ion", "I.stim"]
    public var observableNames: [String] { Self.observables }

    public func observe(_ index: Int, at t: Double, state y: [Double]) -> Double {
        switch index {
        case 0: return y[0] * 1e-3
        case 1...7: return y[index]
        case 8: return parameters.eNa * 1e-3
        case 9: return parameters.eK * 1e-3
        case 10: return parameters.eK1 * 1e-3
        default: break
        }
        let c = parameters.currents(y)
        switch index {
        case 11: return c.eSi * 1e-3
        case 12: return c.sodium * 1e-2
        case 13: return c.slowInward * 1e-2
        case 14: return c.potassium * 1e-2
        case 15: return c.inwardRectifier * 1e-2
        case 16: return c.plateau * 1e-2
        case 17: return c.background * 1e-2
        case 18: return c.total * 1e-2
        default: return stimulus * 1e-2
        }
    }
}

extension Simulation where Model == LuoRudyModel {
    /// A run of the Luo–Rudy cell from its rest (or `start`) with its stimulus protocol, over `duration` seconds.
    public init(luoRudy p: LuoRudy1991, duration: Double, start: [Double]? = nil, solver: SimulationSolver = SimulationSolver(),
                stateEvents: [StateEvent] = [], recording: Recording = .everyStep) throws {
        try self.init(model: LuoRudyModel(p, start: start), duration: duration, solver: solver, stateEvents: stateEvents,
                      recording: recording)
    }
}
