import MembraneUnits
import MembraneNumerics
import RealModule

/// ``Cressman2009`` compiled: its six ODEs (the paper's units, time in s) as a ``SimulationModel``, so that
/// ``Simulation`` runs it with either stiff integrator, spike detection (`vm`) and recording. Observables in SI:
/// `vm` (V), `n`, `h`, `inside.X`/`outside.X` (mM), `E_X` (V), `I.<current>` (A/m², outward), `J.<flux>` (mM/s).
public struct CressmanModel: SimulationModel, Hashable {
    /// The parameters the model was compiled from.
    public var parameters: Cressman2009
    /// E_Cl = 26.64 mV·ln(6/130) (line 59), mV.
    let eCl: Double
    /// The pump's activity, the run-time parameter `pump.activity` (1 as published; 0 once a timed event blocks it,
    /// ``Cressman2009/pumpBlockTime``): I_pump is ρ·activity·(the saturations).
    public var pumpActivity = 1.0

    /// Compiles `p`.
    public init(_ p: Cressman2009) {
        parameters = p
        eCl = Cressman2009.thermalVoltage * Double.log(Cressman2009.clInside / Cressman2009.clOutside)
    }

    /// Six: V, n, h, [K]ₒ, [Na]ᵢ, [Ca]ᵢ.
    public var dimension: Int { 6 }
    /// The model has no time-dependent input.
    public var isAutonomous: Bool { true }
    /// The authors' initial state (``Cressman2009/initialState``).
    public var initialState: [Double] { Cressman2009.initialState }
    /// V (mV), n, h, [K]ₒ, [Na]ᵢ, [Ca]ᵢ (mM).
    public var layout: StateLayout {
        StateLayout([.init(name: "vm", unit: "mV"), .init(name: "n", unit: "1"), .init(name: "h", unit: "1"),
                     .init(name: "K_o", unit: "mM"), .init(name: "Na_i", unit: "mM"), .init(name: "Ca_i", unit: "mM")])
    }

    /// Everything the equations derive from a state (the paper's units: mV, mM, µA/cm², mM/s).
    public struct Quantities: Sendable {
        /// [K]ᵢ = 140 + (18 − [Na]ᵢ) and [Na]ₒ = 144 − β([Na]ᵢ − 18), mM (lines 124–125).
        public var kInside = 0.0, naOutside = 0.0
        /// Nernst potentials E_X = 26.64 mV·ln([X]ₒ/[X]ᵢ)/z, mV (lines 59, 127–128).
        public var eNa = 0.0, eK = 0.0, eCl = 0.0
        /// Current components, µA/cm², outward positive (lines 130–132): gated Na⁺ g_Na·m∞³h(V − E_Na), Na⁺ leak,
        /// gated K⁺ g_K·n⁴(V − E_K), the Ca²⁺-dependent K⁺ g_AHP·[Ca]/(1 + [Ca])·(V − E_K), K⁺ leak and Cl⁻ leak.
        public var naGated = 0.0, naLeak = 0.0, kGated = 0.0, kAHP = 0.0, kLeak = 0.0, clLeak = 0.0
        /// The pump, glial uptake and diffusion terms I_pump, I_glia, I_diff, mM/s (lines 134–136).
        public var pump = 0.0, glia = 0.0, diffusion = 0.0
        /// I_Na = gated + leak, µA/cm².
        public var sodiumCurrent: Double { naGated + naLeak }
        /// I_K = gated + AHP + leak, µA/cm².
        public var potassiumCurrent: Double { kGated + kAHP + kLeak }
        /// I_Na + I_K + I_Cl, µA/cm²: C·dV/dt = −total (line 146).
        public var totalCurrent: Double { sodiumCurrent + potassiumCurrent + clLeak }
    }

    /// The derived quantities of the state `y` (V in mV, n, h, [K]ₒ, [Na]ᵢ, [Ca]ᵢ in mM), read through a pointer to
    /// the six state values (the integrators' inner loop).
    @inline(__always)
    public func quantities(_ y: UnsafePointer<Double>) -> Quantities {
        typealias C = Cressman2009
        let p = parameters, v = y[0], vSI = v * 1e-3, n = y[1], h = y[2], ko = y[3], nai = y[4], ca = y[5]
        var q = Quantities()
        q.kInside = C.kInsideRest + (C.naInsideRest - nai)
        q.naOutside = C.naOutsideRest - p.beta * (nai - C.naInsideRest)
        q.eK = C.thermalVoltage * Double.log(ko / q.kInside)
        q.eNa = C.thermalVoltage * Double.log(q.naOutside / nai)
        q.eCl = eCl
        let am = C.alphaM.value(at: vSI), bm = C.betaM.value(at: vSI), m = am / (am + bm)
        q.naGated = p.gNa * m * m * m * h * (v - q.eNa)
        q.naLeak = p.gNaL * (v - q.eNa)
        q.kGated = p.gK * n * n * n * n * (v - q.eK)
        q.kAHP = p.gAHP * ca / (1 + ca) * (v - q.eK)
        q.kLeak = p.gKL * (v - q.eK)
        q.clLeak = p.gClL * (v - q.eCl)
        q.pump = pumpActivity * p.rho * HubelUllahPump.saturation(sodiumInside: nai, potassiumOutside: ko).value
        q.glia = p.glia / (1 + Double.exp((18 - ko) / 2.5))
        q.diffusion = p.epsilon * (ko - p.kBath)
        return q
    }

    /// The derived quantities of the state `y`.
    public func quantities(_ y: [Double]) -> Quantities { y.withUnsafeBufferPointer { quantities($0.baseAddress!) } }

    /// d[Ca]ᵢ/dt per ms (line 151): −0.002·g_Ca·(V − V_Ca)/(1 + e^{−(V + 25)/2.5}) − [Ca]ᵢ/80.
    func calciumRate(potential v: Double, calcium ca: Double) -> Double {
        -0.002 * parameters.gCa * (v - Cressman2009.calciumReversal) / (1 + Double.exp(-(v + 25) / 2.5)) - ca / 80
    }

    /// f(t, y) per second: the paper's per-ms rates ×1000; the concentration equations' (…)/τ per ms are (…) per s.
    public func derivatives(at t: Double, state y: [Double], into dydt: inout [Double]) {
        y.withUnsafeBufferPointer { yp in
            let y = yp.baseAddress!, q = quantities(y), p = parameters, vSI = y[0] * 1e-3
            typealias C = Cressman2009
            let an = C.alphaN.value(at: vSI), bn = C.betaN.value(at: vSI)
            let ah = C.alphaH.value(at: vSI), bh = C.betaH.value(at: vSI)
            let perSecond = 1000 / C.tau
            dydt[0] = -1000 / p.capacitance * q.totalCurrent                                        // line 146
            dydt[1] = p.phi * (an * (1 - y[1]) - bn * y[1])                                         // rates per s
            dydt[2] = p.phi * (ah * (1 - y[2]) - bh * y[2])
            dydt[3] = perSecond * (C.gamma * p.beta * q.potassiumCurrent - 2 * p.beta * q.pump - q.glia - q.diffusion)  // line 149
            dydt[4] = perSecond * (-C.gamma * q.sodiumCurrent - 3 * q.pump)                         // line 150
            dydt[5] = 1000 * calciumRate(potential: y[0], calcium: y[5])                            // line 151
        }
    }

    // MARK: Parameters and observables

    /// `pump.activity`, the one parameter a timed event changes (a pump block).
    public var parameterNames: [String] { ["pump.activity"] }
    /// ``pumpActivity``.
    public func parameterValue(_ index: Int) -> Double { pumpActivity }
    /// Sets ``pumpActivity``: a fraction from 0 (blocked) to 1 (as published).
    public mutating func setParameter(_ index: Int, to value: Double) throws {
        guard value.isFinite, (0...1).contains(value) else {
            throw MembraneError.invalidValue(field: "pump.activity", value: "\(value)", allowed: "a pump activity from 0 (blocked) to 1")
        }
        pumpActivity = value
    }

    /// The observable names, in ``observe(_:at:state:)``'s index order: SI units (V, mM, A/m² outward, mM/s).
    public static let observables = ["vm", "n", "h", "outside.K", "inside.Na", "inside.Ca", "inside.K", "outside.Na",
                                     "E_Na", "E_K", "E_Cl", "I.gated_Na", "I.leak_Na", "I.gated_K", "I.AHP", "I.leak_K",
                                     "I.leak_Cl", "I.Na", "I.K", "J.pump", "J.glia", "J.diffusion"]
    /// ``observables``.
    public var observableNames: [String] { Self.observables }

    /// Observable `index` of ``observables`` at (t, y), in SI units.
    public func observe(_ index: Int, at t: Double, state y: [Double]) -> Double {
        switch index {
        case 0: return y[0] * 1e-3
        case 1...5: return y[index]
        default: break
        }
        let q = quantities(y)
        switch index {
        case 6: return q.kInside
        case 7: return q.naOutside
        case 8: return q.eNa * 1e-3
        case 9: return q.eK * 1e-3
        case 10: return q.eCl * 1e-3
        case 11: return q.naGated * 1e-2
        case 12: return q.naLeak * 1e-2
        case 13: return q.kGated * 1e-2
        case 14: return q.kAHP * 1e-2
        case 15: return q.kLeak * 1e-2
        case 16: return q.clLeak * 1e-2
        case 17: return q.sodiumCurrent * 1e-2
        case 18: return q.potassiumCurrent * 1e-2
        case 19: return q.pump
        case 20: return q.glia
        default: return q.diffusion
        }
    }
}

/// A state of the Cressman cell: V_m, [K]ₒ, [Na]ᵢ, [Ca]ᵢ and what the conservation laws give, the E and the pump,
/// glia and diffusion terms.
public struct CressmanState: Sendable {
    /// Time, s.
    public var time: Double
    /// mV.
    public var potential: Double
    /// Intracellular concentrations, mM, keyed "Na", "K", "Cl", "Ca".
    public var inside: [(ion: String, millimolar: Double)]
    /// Extracellular concentrations, mM, keyed "Na", "K", "Cl".
    public var outside: [(ion: String, millimolar: Double)]
    /// Nernst potentials, mV (RT/F = 26.64 mV), keyed "Na", "K", "Cl".
    public var reversal: [(ion: String, millivolts: Double)]
    /// I_pump, I_glia, I_diff, mM/s.
    public var pump: Double, glia: Double, diffusion: Double
}

extension CressmanModel {
    /// The state object of the state vector `y` at `time` (s), in the paper's units.
    public func state(time: Double, state y: [Double]) -> CressmanState {
        let q = quantities(y)
        return CressmanState(time: time, potential: y[0],
                             inside: [("Na", y[4]), ("K", q.kInside), ("Cl", Cressman2009.clInside), ("Ca", y[5])],
                             outside: [("Na", q.naOutside), ("K", y[3]), ("Cl", Cressman2009.clOutside)],
                             reversal: [("Na", q.eNa), ("K", q.eK), ("Cl", q.eCl)],
                             pump: q.pump, glia: q.glia, diffusion: q.diffusion)
    }
}

extension Simulation where Model == CressmanModel {
    /// A run of the Cressman cell from the authors' initial state over `duration` seconds.
    public init(cressman p: Cressman2009, duration: Double, solver: SimulationSolver = SimulationSolver(),
                stateEvents: [StateEvent] = [], recording: Recording = .everyStep) throws {
        try self.init(model: p.model, duration: duration, solver: solver, events: p.events.filter { $0.time < duration },
                      stateEvents: stateEvents, recording: recording)
    }
}

extension Trajectory where Model == CressmanModel {
    /// The state object at record i.
    public func cressmanState(at i: Int) -> CressmanState { model(at: i).state(time: times[i], state: stateVector(at: i)) }
    /// The state object at the last record.
    public var finalState: CressmanState { cressmanState(at: count - 1) }
    /// The state object at time t (interpolated between records).
    public func cressmanState(atTime t: Double) -> CressmanState {
        let (m, y) = interpolatedState(at: t)
        return m.state(time: t, state: y)
    }
}
