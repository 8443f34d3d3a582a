import MembraneUnits
import MembraneNumerics
import RealModule

/// ``WeiUllahSchiff2014`` compiled: its twelve ODEs (time in s) as a ``SimulationModel``, so that ``Simulation`` runs
/// it with either stiff integrator, timed events (bath O₂ and K⁺ are the run-time parameters `O2_bath` and `K_bath`),
/// spike detection (`vm`) and recording. Observables in SI: `vm` (V), gates, `inside.X`/`outside.X` (mM), `E_X` (V),
/// `volume`, `volume_ecs` (m³), `volume_relative` (to Vol₀), `O2` and `O2_bath` (mg/L), `I.<current>` (A/m², outward),
/// `K_loss` (mM/s: K⁺ leaving the ECS to the bath, the glia and the glial pump).
public struct WeiUllahSchiffModel: SimulationModel, Hashable {
    /// The parameters the model was compiled from (bath O₂ and K⁺ as at t = 0).
    public var parameters: WeiUllahSchiff2014
    /// Bath O₂ (mg/L) and K⁺ (mM) in force: events change them.
    public var o2Bath: Double, kBath: Double
    /// The Na⁺/K⁺-ATPases' activity, the run-time parameter `pump.activity` (1 as published; 0 once a timed event
    /// blocks them, ``WeiUllahSchiff2014/pumpBlockTime``): ρ, and with it the neuron's pump, the glial pump and their
    /// O₂ consumption, is ρ_max·activity/(1 + e^{(20 − [O₂]ₒ)/3}).
    public var pumpActivity = 1.0

    /// Compiles `p` with its bath at t = 0.
    public init(_ p: WeiUllahSchiff2014) {
        parameters = p
        o2Bath = p.o2Bath
        kBath = p.kBath
    }

    public var dimension: Int { 12 }
    public var isAutonomous: Bool { true }
    public var initialState: [Double] { WeiUllahSchiff2014.initialState }
    public var layout: StateLayout {
        StateLayout([.init(name: "vm", unit: "mV"), .init(name: "m", unit: "1"), .init(name: "h", unit: "1"), .init(name: "n", unit: "1"),
                     .init(name: "n_K_outside", unit: "fmol"), .init(name: "n_K_inside", unit: "fmol"),
                     .init(name: "n_Na_outside", unit: "fmol"), .init(name: "n_Na_inside", unit: "fmol"),
                     .init(name: "n_Cl_outside", unit: "fmol"), .init(name: "n_Cl_inside", unit: "fmol"),
                     .init(name: "volume", unit: "µm³"), .init(name: "O2", unit: "mg/L")])
    }

    /// Everything the equations derive from a state (the paper's units: mV, mM, mg/L, µA/cm², mM/s; volumes in µm³).
    public struct Quantities: Sendable {
        /// Concentrations inside and in the ECS, mM.
        public var inside = (na: 0.0, k: 0.0, cl: 0.0), outside = (na: 0.0, k: 0.0, cl: 0.0)
        /// Cell and ECS volumes (µm³) and β = Volᵢ/Volₒ.
        public var volume = 0.0, extracellularVolume = 0.0, beta = 0.0
        /// [O₂]ₒ (mg/L, clamped at 0 as the paper's codes do) and the bath's in force.
        public var o2 = 0.0, o2Bath = 0.0
        /// γ = S/(F·Volᵢ)·10⁻², mM/s per µA/cm².
        public var gamma = 0.0
        /// Nernst potentials (26.64 mV·ln), mV.
        public var eNa = 0.0, eK = 0.0, eCl = 0.0
        /// Membrane currents, µA/cm², outward positive: I_Na, I_K, I_Cl (gated + leak), the neuron's pump and the glial pump
        /// (ρ/γ-scaled, as the paper writes them).
        public var iNa = 0.0, iK = 0.0, iCl = 0.0, pump = 0.0, gliaPump = 0.0
        /// ECS K⁺ fluxes, mM/s: glial uptake I_glia and diffusion to the bath I_diff.
        public var glia = 0.0, diffusion = 0.0
        /// Cotransporter fluxes, mM/s (outward positive): F_KCC2, F_NKCC1.
        public var kcc2 = 0.0, nkcc1 = 0.0
        /// Osmolarities Πᵢ, Πₒ (mM) and the volume target V̂ol (µm³).
        public var osmolarityInside = 0.0, osmolarityOutside = 0.0, volumeTarget = 0.0
        /// The pump rate ρ (mM/s).
        public var rho = 0.0
        /// K⁺ leaving the ECS other than across the neuron's membrane, mM/s: I_diff + I_glia + 2γ·I_gliapump.
        public var potassiumLoss: Double { diffusion + glia + 2 * gamma * gliaPump }
        /// I_Na + I_K + I_Cl + I_pump, µA/cm²: C·dV/dt = −total.
        public var totalCurrent: Double { iNa + iK + iCl + pump }
    }

    /// The derived quantities of the state `y`, read through a pointer to the twelve values (the integrators' inner loop).
    @inline(__always)
    public func quantities(_ y: UnsafePointer<Double>) -> Quantities {
        typealias W = WeiUllahSchiff2014
        let p = parameters, v = y[0], vol0 = W.initialVolume
        var q = Quantities()
        let vi = y[10], vo = (1 + 1 / W.initialVolumeRatio) * vol0 - vi
        q.volume = vi
        q.extracellularVolume = vo
        q.beta = vi / vo
        q.outside = (y[6] / vo * 1e3, y[4] / vo * 1e3, y[8] / vo * 1e3)
        q.inside = (y[7] / vi * 1e3, y[5] / vi * 1e3, y[9] / vi * 1e3)
        q.o2 = max(y[11], 0)
        q.o2Bath = o2Bath
        let fO = 1 / (1 + Double.exp((2.5 - o2Bath) / 0.2))
        let fV = 1 / (1 + Double.exp((q.beta - 20) / 2))
        let volumeM3 = vi * 1e-18
        let area = 4 * Double.pi * Double.pow(3 * volumeM3 / (4 * Double.pi), 2.0 / 3.0)
        q.gamma = area / (W.faraday * volumeM3) * 1e-2
        let ko = q.outside.k, nai = q.inside.na
        q.rho = pumpActivity * p.rhoMax / (1 + Double.exp((20 - q.o2) / 3))
        let kSaturation = 1 / (1 + Double.exp(3.5 - ko))
        q.pump = q.rho / q.gamma / (1 + Double.exp((25 - nai) / 3)) * kSaturation
        q.gliaPump = q.rho / q.gamma / 3 / (1 + Double.exp((25 - W.gliaSodium) / 3)) * kSaturation
        q.glia = p.gliaMax * fO / (1 + Double.exp((18 - ko) / 2.5))
        q.diffusion = p.epsilonK * fO * fV * (ko - kBath)
        let lnKCl = Double.log(q.inside.k * q.inside.cl / (ko * q.outside.cl))
        let lnNaCl = Double.log(nai * q.inside.cl / (q.outside.na * q.outside.cl))
        q.kcc2 = p.uKCC2 * lnKCl
        q.nkcc1 = p.uNKCC1 / (1 + Double.exp(16 - ko)) * (lnKCl + lnNaCl)
        let rtf = W.thermalVoltage
        q.eK = rtf * Double.log(ko / q.inside.k)
        q.eNa = rtf * Double.log(q.outside.na / nai)
        q.eCl = rtf * Double.log(q.inside.cl / q.outside.cl)
        let m = y[1], h = y[2], n = y[3]
        q.iNa = (p.gNa * m * m * m * h + p.gNaL) * (v - q.eNa)
        q.iK = (p.gK * n * n * n * n + p.gKL) * (v - q.eK)
        q.iCl = p.gClL * (v - q.eCl)
        q.osmolarityInside = q.inside.na + q.inside.k + q.inside.cl + W.impermeantInside * vol0 / vi
        q.osmolarityOutside = q.outside.na + q.outside.k + q.outside.cl + W.impermeantOutside * W.initialECSVolume / vo
        q.volumeTarget = vol0 * (1.1029 - 0.1029 * Double.exp((q.osmolarityOutside - q.osmolarityInside) / 20))
        return q
    }

    /// The derived quantities of the state `y`.
    public func quantities(_ y: [Double]) -> Quantities { y.withUnsafeBufferPointer { quantities($0.baseAddress!) } }

    public func derivatives(at t: Double, state y: [Double], into dydt: inout [Double]) {
        y.withUnsafeBufferPointer { yp in
            let y = yp.baseAddress!, q = quantities(y), p = parameters
            typealias W = WeiUllahSchiff2014
            let r = W.rates(y[0]), g = q.gamma, vi = q.volume, vo = q.extracellularVolume, beta = q.beta
            let perSecond = 1000 * W.tau  // the ion and O₂ rates: τ·(mM/s) per ms, ×1000 ms/s
            dydt[0] = -1000 / p.capacitance * q.totalCurrent
            dydt[1] = 1000 * (r.am * (1 - y[1]) - r.bm * y[1])
            dydt[2] = 1000 * (r.ah * (1 - y[2]) - r.bh * y[2])
            dydt[3] = 1000 * (r.an * (1 - y[3]) - r.bn * y[3])
            // amounts: mM·µm³·10⁻³ = fmol
            let kNeuron = g * (q.iK - 2 * q.pump) + q.kcc2 + q.nkcc1      // K⁺ out of the cell, mM/s of cell volume
            let naNeuron = g * (q.iNa + 3 * q.pump) + q.nkcc1
            let clNeuron = g * q.iCl - q.kcc2 - 2 * q.nkcc1                 // Cl⁻ into the cell
            dydt[4] = perSecond * (beta * kNeuron - q.potassiumLoss) * vo * 1e-3
            dydt[5] = -perSecond * kNeuron * vi * 1e-3
            dydt[6] = perSecond * beta * naNeuron * vo * 1e-3
            dydt[7] = -perSecond * naNeuron * vi * 1e-3
            dydt[8] = -perSecond * beta * clNeuron * vo * 1e-3
            dydt[9] = perSecond * clNeuron * vi * 1e-3
            dydt[10] = -perSecond * (vi - q.volumeTarget) / W.volumeTimeConstant
            dydt[11] = perSecond * (-p.alpha * g * (q.pump + q.gliaPump) + p.epsilonO * (o2Bath - q.o2))
        }
    }

    // MARK: Parameters and observables

    public var parameterNames: [String] { ["O2_bath", "K_bath", "pump.activity"] }
    public func parameterValue(_ index: Int) -> Double {
        switch index {
        case 0: return o2Bath
        case 1: return kBath
        default: return pumpActivity
        }
    }
    public mutating func setParameter(_ index: Int, to value: Double) throws {
        let name = parameterNames[index]
        if index == 2 {
            guard value.isFinite, (0...1).contains(value) else {
                throw MembraneError.invalidValue(field: name, value: "\(value)", allowed: "a pump activity from 0 (blocked) to 1")
            }
            pumpActivity = value
            return
        }
        guard value.isFinite, value >= 0 else {
            throw MembraneError.invalidValue(field: name, value: "\(value)", allowed: "a bath concentration ≥ 0 (O2_bath in mg/L, K_bath in mM)")
        }
        if index == 0 { o2Bath = value } else { kBath = value }
    }

    /// The observable names, in ``observe(_:at:state:)``'s index order: SI units (V, mM, m³, A/m² outward; O₂ in mg/L).
    public static let observables = ["vm", "m", "h", "n", "inside.Na", "inside.K", "inside.Cl", "outside.Na", "outside.K",
                                     "outside.Cl", "E_Na", "E_K", "E_Cl", "volume", "volume_ecs", "volume_relative",
                                     "O2", "O2_bath", "K_bath", "I.Na", "I.K", "I.Cl", "I.pump", "I.gliapump", "K_loss"]
    public var observableNames: [String] { Self.observables }

    public func observe(_ index: Int, at t: Double, state y: [Double]) -> Double {
        switch index {
        case 0: return y[0] * 1e-3
        case 1, 2, 3: return y[index]
        default: break
        }
        let q = quantities(y)
        switch index {
        case 4: return q.inside.na
        case 5: return q.inside.k
        case 6: return q.inside.cl
        case 7: return q.outside.na
        case 8: return q.outside.k
        case 9: return q.outside.cl
        case 10: return q.eNa * 1e-3
        case 11: return q.eK * 1e-3
        case 12: return q.eCl * 1e-3
        case 13: return q.volume * 1e-18
        case 14: return q.extracellularVolume * 1e-18
        case 15: return q.volume / WeiUllahSchiff2014.initialVolume
        case 16: return q.o2
        case 17: return o2Bath
        case 18: return kBath
        case 19: return q.iNa * 1e-2
        case 20: return q.iK * 1e-2
        case 21: return q.iCl * 1e-2
        case 22: return q.pump * 1e-2
        case 23: return q.gliaPump * 1e-2
        default: return q.potassiumLoss
        }
    }
}

/// A state of the Wei–Ullah–Schiff cell: V_m, inside and ECS concentrations of Na⁺, K⁺, Cl⁻, their E, the volumes,
/// ECS and bath O₂, and the pump current.
public struct WeiUllahSchiffState: Sendable {
    /// Time, s.
    public var time: Double
    /// mV.
    public var potential: Double
    /// mM, keyed "Na", "K", "Cl".
    public var inside: [(ion: String, millimolar: Double)]
    /// ECS concentrations, mM, keyed "Na", "K", "Cl".
    public var outside: [(ion: String, millimolar: Double)]
    /// Nernst potentials, mV (RT/F = 26.64 mV).
    public var reversal: [(ion: String, millivolts: Double)]
    /// Cell and ECS volumes, µm³.
    public var volume: Double, extracellularVolume: Double
    /// The cell volume over Vol₀ = 1436.8 µm³.
    public var relativeVolume: Double
    /// ECS O₂ and bath O₂ (mg/L), bath K⁺ (mM).
    public var o2: Double, o2Bath: Double, kBath: Double
    /// The neuron's pump current, µA/cm².
    public var pumpCurrent: Double
}

extension WeiUllahSchiffModel {
    /// The state object of the state vector `y` at `time` (s).
    public func state(time: Double, state y: [Double]) -> WeiUllahSchiffState {
        let q = quantities(y)
        return WeiUllahSchiffState(time: time, potential: y[0],
                                   inside: [("Na", q.inside.na), ("K", q.inside.k), ("Cl", q.inside.cl)],
                                   outside: [("Na", q.outside.na), ("K", q.outside.k), ("Cl", q.outside.cl)],
                                   reversal: [("Na", q.eNa), ("K", q.eK), ("Cl", q.eCl)],
                                   volume: q.volume, extracellularVolume: q.extracellularVolume,
                                   relativeVolume: q.volume / WeiUllahSchiff2014.initialVolume,
                                   o2: q.o2, o2Bath: o2Bath, kBath: kBath, pumpCurrent: q.pump)
    }
}

extension Simulation where Model == WeiUllahSchiffModel {
    /// A run of the Wei–Ullah–Schiff cell from the initial state of the paper's codes with its hypoxic episode, over `duration` s.
    public init(weiUllahSchiff p: WeiUllahSchiff2014, duration: Double, solver: SimulationSolver = SimulationSolver(),
                stateEvents: [StateEvent] = [], recording: Recording = .everyStep) throws {
        try self.init(model: p.model, duration: duration, solver: solver, events: p.events.filter { $0.time < duration },
                      stateEvents: stateEvents, recording: recording)
    }
}

extension Trajectory where Model == WeiUllahSchiffModel {
    /// The state object at record i.
    public func weiUllahSchiffState(at i: Int) -> WeiUllahSchiffState { model(at: i).state(time: times[i], state: stateVector(at: i)) }
    /// The state object at the last record.
    public var finalWeiUllahSchiffState: WeiUllahSchiffState { weiUllahSchiffState(at: count - 1) }
}
