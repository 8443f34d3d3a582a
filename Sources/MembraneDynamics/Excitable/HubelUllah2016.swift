import MembraneUnits
import MembraneNumerics
import RealModule

/// The energy-failure neuron of Hübel & Ullah 2016 ("Anions govern cell volume", PLoS ONE 11:e0147060,
/// doi:10.1371/journal.pone.0147060) exactly as its published code, ModelDB 187599 `code_Fig3.ode`, writes it
/// (Tests/Reference/hubel-ullah-2016/README.md maps every line). Parameters in the code's units.
///
/// State (the code's, lines 17–32): V (mV), the K⁺ gate n, the Na⁺ inactivation h, the K⁺ and Cl⁻ amounts in the
/// cell (fmol), the cell volume (µm³); time in seconds (every rate ×1000, lines 15–22).
///
///     C·dV/dt = −(I_Na + I_K + I_Cl)                                                          (line 163)
///     I_Na = g_NaL·(V − E_Na) + g_Na·m∞³·h·(V − E_Na) + 3·I_p,  I_K = g_KL·(V − E_K) + g_K·n⁴·(V − E_K) − 2·I_p,
///     I_Cl = g_ClL·(V − E_Cl)                                                                 (lines 137–148)
///     dn/dt = φ·(α_n(1 − n) − β_n·n), dh/dt = φ·(α_h(1 − h) − β_h·h), m = m∞ = α_m/(α_m + β_m)  (lines 51–57, 164–165)
///     dN_K/dt = −conv·I_K, dN_Cl/dt = conv·I_Cl, conv = 9.55589·10⁻⁵ fmol/ms per µA/cm²       (lines 159, 166–167)
///     N_Na = N_Na,0 + N_K,0 − N_K − N_Cl,0 + N_Cl (electroneutrality), extracellular amounts by conservation
///     in the closed cell + extracellular space, V_ECS = 2880 µm³ − v                          (lines 78–88)
///     E_X = 26.64 mV·ln([X]ₑ/[X]ᵢ)/z (RT/F hard-coded, lines 122–124), the pump ``HubelUllahPump``, the volume
///     ``VolumeRelaxation``.
public struct HubelUllah2016: Sendable, Hashable {
    // Parameters (the preset's, paper notation; code names in brackets).
    /// Leak and gated conductances, mS/cm² [gna_l, gna_g, gk_l, gk_g, gcl_l].
    public var gNaL = 0.0175, gNa = 100.0, gKL = 0.05, gK = 40.0, gClL = 0.05
    /// Maximal pump current, µA/cm² [max_p].
    public var rhoMax = 6.8
    /// µF/cm² [c].
    public var capacitance = 1.0
    /// The gating time-scale factor [phi].
    public var phi = 3.0
    /// Volume time constant, ms [t_vl].
    public var volumeTimeConstant = 250.0
    /// Volume model: 0 derived, 1 exponential [s].
    public var volumeModel = 0.0
    /// The time the pump stops (s; the code's heav(50 − t)); nil: it never stops.
    public var pumpStopTime: Double? = 50

    /// The published parameters (ModelDB 187599 `code_Fig3.ode`, Fig. 3 of the paper): pump stopped at 50 s.
    public init() {}

    // Constants of the code.
    /// RT/F as the code hard-codes it (lines 122–124), mV: not CODATA's RT/F at any stated temperature.
    public static let thermalVoltage = 26.64
    /// conv, fmol/ms per µA/cm² (line 159): the membrane area over F.
    public static let conversion = 9.55589e-5
    /// Total volume (cell + extracellular space, line 87) and the reference cell volume (line 112), µm³.
    public static let totalVolume = 2880.0, referenceVolume = 2160.0
    /// Resting amounts, fmol (lines 64–71): K, Na, Cl inside and outside, impermeants inside and outside.
    public static let kInside0 = 277.7, kOutside0 = 2.8, naInside0 = 54.6, naOutside0 = 91.3
    /// Resting amounts, fmol (lines 64–71, continued): Cl⁻ inside and outside, the impermeant particles inside and outside.
    public static let clInside0 = 21.7, clOutside0 = 89.8, impermeantInside = 318.0, impermeantOutside = 40.0
    /// The initial state (lines 27–32): V, n, h, N_K, N_Cl, v.
    public static let initialState = [-67.0, 0.070, 0.978, 277.7, 21.7, 2160.0]

    /// Gate rates (per ms, V in mV; lines 51–56) in NeuroML's forms (``HodgkinHuxleyChannel/RateFunction``, per second
    /// and volts): α_n = 0.01(V + 34)/(1 − e^{−(V + 34)/10}), β_n = 0.125e^{−(V + 44)/80}, α_m = 0.1(V + 30)/(1 − e^{−(V + 30)/10}),
    /// β_m = 4e^{−(V + 55)/18}, α_h = 0.07e^{−(V + 44)/20}, β_h = 1/(1 + e^{−(V + 14)/10}). The code leaves α_n and α_m
    /// as 0/0 at exactly −34 and −30 mV; the rate forms take their limits there.
    public static let alphaN = HodgkinHuxleyChannel.RateFunction.expLinear(perMillisecond: 0.1, midpointMillivolts: -34, scaleMillivolts: 10)
    /// β_n = 0.125·e^{−(V + 44)/80} per ms (line 52), the K⁺ gate's closing rate.
    public static let betaN = HodgkinHuxleyChannel.RateFunction.exponential(perMillisecond: 0.125, midpointMillivolts: -44, scaleMillivolts: -80)
    /// α_m = 0.1(V + 30)/(1 − e^{−(V + 30)/10}) per ms (line 53), the Na⁺ activation's opening rate (m = m∞).
    public static let alphaM = HodgkinHuxleyChannel.RateFunction.expLinear(perMillisecond: 1, midpointMillivolts: -30, scaleMillivolts: 10)
    /// β_m = 4·e^{−(V + 55)/18} per ms (line 54), the Na⁺ activation's closing rate.
    public static let betaM = HodgkinHuxleyChannel.RateFunction.exponential(perMillisecond: 4, midpointMillivolts: -55, scaleMillivolts: -18)
    /// α_h = 0.07·e^{−(V + 44)/20} per ms (line 55), the Na⁺ inactivation's recovery rate.
    public static let alphaH = HodgkinHuxleyChannel.RateFunction.exponential(perMillisecond: 0.07, midpointMillivolts: -44, scaleMillivolts: -20)
    /// β_h = 1/(1 + e^{−(V + 14)/10}) per ms (line 56), the Na⁺ inactivation's onset rate.
    public static let betaH = HodgkinHuxleyChannel.RateFunction.sigmoid(perMillisecond: 1, midpointMillivolts: -14, scaleMillivolts: 10)

    /// The timed events of the run: the pump stopped at ``pumpStopTime``.
    public var events: [ScenarioEvent] { pumpStopTime.map { [ScenarioEvent(time: $0, .blockPump)] } ?? [] }

    /// What the output says about the preset's conventions.
    public var notes: [String] {
        [
            "reproduces ModelDB 187599 code_Fig3.ode: RT/F hard-coded as 26.64 mV (not CODATA at a stated temperature), conv = 9.55589e-5 fmol/ms per µA/cm², amounts in fmol, volumes in µm³, time in s",
            "m = m∞ (no m gate); Na⁺ inside from electroneutrality of the K⁺ and Cl⁻ amounts, not from I_Na (it differs from ∫I_Na by C·ΔV)",
            "closed cell + extracellular space: outside amounts by conservation, ECS volume 2880 µm³ − cell volume; volume_relative to 2160 µm³",
            "E_Na, E_K and E_Cl follow the concentrations (Nernst with 26.64 mV), inside and outside",
            pumpStopTime.map { "pump (ρ_max \(rhoMax) µA/cm²) stops at \($0) s" } ?? "pump never stops",
            volumeModel == 0 ? "volume: derived model (s = 0)" : "volume: s = \(volumeModel) (1: exponential model)",
        ]
    }

    /// The compiled model.
    public var model: HubelUllahModel { HubelUllahModel(self) }
}

/// The preset `hubel-ullah-2016`: named parameters in the paper's notation (INTERFACE.md: g_NaL, g_Na, g_KL, g_K,
/// g_ClL in mS/cm², rho_max in µA/cm²), overridable as the excitable presets' (``ScenarioPreset``).
public struct HubelUllahPreset: Sendable {
    /// The preset's name on the command line and in JSON (`hubel-ullah-2016`).
    public let name = "hubel-ullah-2016"
    /// One line on what the preset shows.
    public let summary = "Hübel & Ullah 2016 energy-failure neuron: the pump stops at 50 s, the cell depolarises and swells (Fig. 3)"
    /// The publication and the code the preset reproduces.
    public let source = "Hübel & Ullah 2016, PLoS ONE 11:e0147060 (doi:10.1371/journal.pone.0147060); ModelDB 187599 code_Fig3.ode"
    /// The overridable parameters with their defaults (the published values), units and allowed ranges.
    public let parameters: [PresetParameter] = [
        PresetParameter("g_NaL", 0.0175, unit: "mS/cm²", summary: "Na⁺ leak conductance", allowed: 0...1_000),
        PresetParameter("g_Na", 100, unit: "mS/cm²", summary: "maximal gated Na⁺ conductance", allowed: 0...10_000),
        PresetParameter("g_KL", 0.05, unit: "mS/cm²", summary: "K⁺ leak conductance", allowed: 0...1_000),
        PresetParameter("g_K", 40, unit: "mS/cm²", summary: "maximal gated K⁺ conductance", allowed: 0...10_000),
        PresetParameter("g_ClL", 0.05, unit: "mS/cm²", summary: "Cl⁻ leak conductance", allowed: 0...1_000),
        PresetParameter("rho_max", 6.8, unit: "µA/cm²", summary: "maximal pump current", allowed: 0...1_000),
        PresetParameter("C_m", 1, unit: "µF/cm²", summary: "specific membrane capacitance", allowed: 0.01...100),
        PresetParameter("phi", 3, unit: "1", summary: "gating time-scale factor", allowed: 0.01...100),
        PresetParameter("tau_vol", 250, unit: "ms", summary: "time constant of the volume relaxation", allowed: 1e-3...1e7),
        PresetParameter("s", 0, unit: "1", summary: "volume model (0 derived, 1 exponential)", allowed: 0...1),
        PresetParameter("t_pump_stop", 50, unit: "s", summary: "time at which the pump stops (Fig. 3: 50 s; beyond the run's duration: never)",
                        allowed: 0...1e6),
    ]

    /// The preset with the published defaults.
    public init() {}

    /// The model's parameters with `overrides` (name → value in the parameter's unit) set: unknown names are answered
    /// with the closest ones, values outside a parameter's range with the range.
    public func parameters(setting overrides: [(name: String, value: Double)] = []) throws -> HubelUllah2016 {
        let v = try parameters.values(setting: overrides)
        var h = HubelUllah2016()
        (h.gNaL, h.gNa, h.gKL, h.gK, h.gClL, h.rhoMax) = (v[0], v[1], v[2], v[3], v[4], v[5])
        (h.capacitance, h.phi, h.volumeTimeConstant, h.volumeModel) = (v[6], v[7], v[8], v[9])
        h.pumpStopTime = v[10]
        return h
    }

    /// The compiled model with `overrides` set.
    public func model(setting overrides: [(name: String, value: Double)] = []) throws -> HubelUllahModel {
        try parameters(setting: overrides).model
    }
}

extension HubelUllah2016 {
    /// The preset `hubel-ullah-2016` (``HubelUllahPreset``).
    public static let preset = HubelUllahPreset()
}

/// ``HubelUllah2016`` compiled: its six ODEs (code units, time in s) as a ``SimulationModel``, so that
/// ``Simulation`` runs it with either stiff integrator, timed events (the pump stop: `pump.activity` = 0), spike
/// detection (`vm`) and recording. Observables in SI: `vm` (V), `n`, `h`, `inside.X`/`outside.X` (mM), `E_X` (V),
/// `volume`, `volume_ecs` (m³), `volume_relative` (to 2160 µm³), `I.<current>` (A/m², outward).
public struct HubelUllahModel: SimulationModel, Hashable {
    /// The parameters the model was compiled from.
    public var parameters: HubelUllah2016
    /// The Na⁺/K⁺ pump of the model; its `activity` is the run-time parameter `pump.activity` (0 once the pump stops).
    public var pump: HubelUllahPump
    var volumeLaw: VolumeRelaxation
    let totalNa: Double, totalK: Double, totalCl: Double, particles: Double

    /// Compiles `p`: the pump at ρ_max, the volume law with τ = `volumeTimeConstant`, and the conserved totals of Na⁺,
    /// K⁺, Cl⁻ and particles from the resting amounts (lines 64–88).
    public init(_ p: HubelUllah2016) {
        parameters = p
        pump = HubelUllahPump(maximalCurrent: .microamperesPerSquareCentimetre(p.rhoMax))
        volumeLaw = VolumeRelaxation(totalVolume: HubelUllah2016.totalVolume, referenceVolume: HubelUllah2016.referenceVolume,
                                     timeConstant: p.volumeTimeConstant * 1e-3, blend: p.volumeModel)
        typealias H = HubelUllah2016
        totalNa = H.naInside0 + H.naOutside0
        totalK = H.kInside0 + H.kOutside0
        totalCl = H.clInside0 + H.clOutside0
        particles = totalNa + totalK + totalCl + H.impermeantInside + H.impermeantOutside
    }

    public var dimension: Int { 6 }
    public var isAutonomous: Bool { true }
    public var initialState: [Double] { HubelUllah2016.initialState }
    public var layout: StateLayout {
        StateLayout([.init(name: "vm", unit: "mV"), .init(name: "n", unit: "1"), .init(name: "h", unit: "1"),
                     .init(name: "n_K_inside", unit: "fmol"), .init(name: "n_Cl_inside", unit: "fmol"),
                     .init(name: "volume", unit: "µm³")])
    }

    /// Everything the equations derive from a state (code units: mV, fmol, µm³, mM, µA/cm²).
    public struct Quantities: Sendable {
        /// N_Na inside, fmol (electroneutrality, line 78); concentrations inside and in the extracellular space, mM
        /// (amount/volume·1000).
        public var naInsideAmount = 0.0, inside = (na: 0.0, k: 0.0, cl: 0.0), outside = (na: 0.0, k: 0.0, cl: 0.0)
        /// The cell volume and the extracellular-space volume V_ECS = 2880 µm³ − v, µm³.
        public var volume = 0.0, extracellularVolume = 0.0
        /// Nernst potentials E_X = 26.64 mV·ln([X]ₑ/[X]ᵢ)/z, mV (lines 122–124).
        public var eNa = 0.0, eK = 0.0, eCl = 0.0
        /// Current components, µA/cm², outward positive: Na⁺ leak g_NaL(V − E_Na), gated Na⁺ g_Na·m∞³h(V − E_Na), K⁺ leak,
        /// gated K⁺ g_K·n⁴(V − E_K), Cl⁻ leak g_ClL(V − E_Cl) and the pump current I_p (lines 137–148).
        public var naLeak = 0.0, naGated = 0.0, kLeak = 0.0, kGated = 0.0, clLeak = 0.0, pump = 0.0
        /// Osmotically active particles inside (Na⁺ + K⁺ + Cl⁻ + impermeants, line 108) and outside (by conservation), fmol.
        public var particlesInside = 0.0, particlesOutside = 0.0
        /// I_Na = Na⁺ leak + gated Na⁺ + 3·I_p, µA/cm².
        public var sodiumCurrent: Double { naLeak + naGated + 3 * pump }
        /// I_K = K⁺ leak + gated K⁺ − 2·I_p, µA/cm².
        public var potassiumCurrent: Double { kLeak + kGated - 2 * pump }
        /// I_Na + I_K + I_Cl, µA/cm²: C·dV/dt = −total (line 163).
        public var totalCurrent: Double { sodiumCurrent + potassiumCurrent + clLeak }
    }

    /// The derived quantities of the state `y` (V in mV, n, h, N_K and N_Cl in fmol, v in µm³), read through a pointer
    /// to the six state values (the integrators' inner loop).
    @inline(__always)
    public func quantities(_ y: UnsafePointer<Double>) -> Quantities {
        typealias H = HubelUllah2016
        let p = parameters, v = y[0], vSI = v * 1e-3, nK = y[3], nCl = y[4], vol = y[5]
        var q = Quantities()
        let nNa = H.naInside0 + H.kInside0 - nK - H.clInside0 + nCl  // line 78
        q.naInsideAmount = nNa
        let vle = H.totalVolume - vol
        q.volume = vol
        q.extracellularVolume = vle
        q.inside = (nNa / vol * 1000, nK / vol * 1000, nCl / vol * 1000)
        q.outside = ((totalNa - nNa) / vle * 1000, (totalK - nK) / vle * 1000, (totalCl - nCl) / vle * 1000)
        let rtf = H.thermalVoltage
        q.eK = rtf * Double.log(q.outside.k / q.inside.k)
        q.eNa = rtf * Double.log(q.outside.na / q.inside.na)
        q.eCl = -rtf * Double.log(q.outside.cl / q.inside.cl)
        let am = H.alphaM.value(at: vSI), bm = H.betaM.value(at: vSI), m = am / (am + bm)
        let n = y[1], h = y[2]
        q.naLeak = p.gNaL * (v - q.eNa)
        q.naGated = p.gNa * m * m * m * h * (v - q.eNa)
        q.kLeak = p.gKL * (v - q.eK)
        q.kGated = p.gK * n * n * n * n * (v - q.eK)
        q.clLeak = p.gClL * (v - q.eCl)
        q.pump = pump.activity * p.rhoMax * HubelUllahPump.saturation(sodiumInside: q.inside.na, potassiumOutside: q.outside.k).value
        q.particlesInside = nNa + nK + nCl + H.impermeantInside  // line 108
        q.particlesOutside = particles - q.particlesInside
        return q
    }

    /// The derived quantities of the state `y` (V in mV, n, h, N_K and N_Cl in fmol, v in µm³).
    public func quantities(_ y: [Double]) -> Quantities { y.withUnsafeBufferPointer { quantities($0.baseAddress!) } }

    public func derivatives(at t: Double, state y: [Double], into dydt: inout [Double]) {
        y.withUnsafeBufferPointer { yp in
            let y = yp.baseAddress!, q = quantities(y), p = parameters, vSI = y[0] * 1e-3
            typealias H = HubelUllah2016
            let an = H.alphaN.value(at: vSI), bn = H.betaN.value(at: vSI)
            let ah = H.alphaH.value(at: vSI), bh = H.betaH.value(at: vSI)
            dydt[0] = -1000 / p.capacitance * q.totalCurrent                     // line 163, per s
            dydt[1] = p.phi * (an * (1 - y[1]) - bn * y[1])                      // rates already per s
            dydt[2] = p.phi * (ah * (1 - y[2]) - bh * y[2])
            dydt[3] = -1000 * H.conversion * q.potassiumCurrent                  // line 166
            dydt[4] = 1000 * H.conversion * q.clLeak                             // line 167
            dydt[5] = volumeLaw.rate(inside: q.particlesInside, outside: q.particlesOutside, volume: y[5])  // line 168
        }
    }

    // MARK: Parameters and observables

    public var parameterNames: [String] { ["pump.activity"] }
    public func parameterValue(_ index: Int) -> Double { pump.activity }
    public mutating func setParameter(_ index: Int, to value: Double) throws { try pump.setParameter(0, to: value) }

    /// The observable names, in ``observe(_:at:state:)``'s index order: SI units (V, mM, m³, A/m² outward).
    public static let observables = ["vm", "n", "h", "inside.Na", "inside.K", "inside.Cl", "outside.Na", "outside.K",
                                     "outside.Cl", "E_Na", "E_K", "E_Cl", "volume", "volume_ecs", "volume_relative",
                                     "I.leak_Na", "I.gated_Na", "I.leak_K", "I.gated_K", "I.leak_Cl", "I.pump", "I.Na", "I.K"]
    public var observableNames: [String] { Self.observables }

    public func observe(_ index: Int, at t: Double, state y: [Double]) -> Double {
        if index == 0 { return y[0] * 1e-3 }
        let q = quantities(y)
        switch index {
        case 1: return y[1]
        case 2: return y[2]
        case 3: return q.inside.na
        case 4: return q.inside.k
        case 5: return q.inside.cl
        case 6: return q.outside.na
        case 7: return q.outside.k
        case 8: return q.outside.cl
        case 9: return q.eNa * 1e-3
        case 10: return q.eK * 1e-3
        case 11: return q.eCl * 1e-3
        case 12: return q.volume * 1e-18
        case 13: return q.extracellularVolume * 1e-18
        case 14: return q.volume / HubelUllah2016.referenceVolume
        case 15: return q.naLeak * 1e-2
        case 16: return q.naGated * 1e-2
        case 17: return q.kLeak * 1e-2
        case 18: return q.kGated * 1e-2
        case 19: return q.clLeak * 1e-2
        case 20: return q.pump * 1e-2
        case 21: return q.sodiumCurrent * 1e-2
        default: return q.potassiumCurrent * 1e-2
        }
    }

    public static func == (a: Self, b: Self) -> Bool { a.parameters == b.parameters && a.pump == b.pump }
    public func hash(into h: inout Hasher) { h.combine(parameters); h.combine(pump) }
}

/// A state of the Hübel–Ullah cell as INTERFACE.md's state object has it: V_m, inside and extracellular-space
/// concentrations of Na⁺, K⁺, Cl⁻, their E, the cell volume and volume_relative to 2160 µm³.
public struct HubelUllahState: Sendable {
    /// Time, s.
    public var time: Double
    /// mV.
    public var potential: Double
    /// mM, keyed "Na", "K", "Cl".
    public var inside: [(ion: String, millimolar: Double)]
    /// Extracellular-space concentrations, mM, keyed "Na", "K", "Cl".
    public var outside: [(ion: String, millimolar: Double)]
    /// Nernst potentials, mV (RT/F = 26.64 mV).
    public var reversal: [(ion: String, millivolts: Double)]
    /// µm³.
    public var volume: Double
    /// Extracellular-space volume V_ECS = 2880 µm³ − cell volume, µm³.
    public var extracellularVolume: Double
    /// The cell volume over the reference 2160 µm³ (line 112).
    public var relativeVolume: Double
    /// µA/cm².
    public var pumpCurrent: Double
}

extension HubelUllahModel {
    /// The state object of the state vector `y` at `time` (s), in the code's units.
    public func state(time: Double, state y: [Double]) -> HubelUllahState {
        let q = quantities(y)
        return HubelUllahState(time: time, potential: y[0],
                               inside: [("Na", q.inside.na), ("K", q.inside.k), ("Cl", q.inside.cl)],
                               outside: [("Na", q.outside.na), ("K", q.outside.k), ("Cl", q.outside.cl)],
                               reversal: [("Na", q.eNa), ("K", q.eK), ("Cl", q.eCl)],
                               volume: q.volume, extracellularVolume: q.extracellularVolume,
                               relativeVolume: q.volume / HubelUllah2016.referenceVolume, pumpCurrent: q.pump)
    }
}

extension Simulation where Model == HubelUllahModel {
    /// A run of the Hübel–Ullah cell from the code's initial state with its pump stop, over `duration` seconds.
    public init(hubelUllah p: HubelUllah2016, duration: Double, solver: SimulationSolver = SimulationSolver(),
                stateEvents: [StateEvent] = [], recording: Recording = .everyStep) throws {
        try self.init(model: p.model, duration: duration, solver: solver, events: p.events, stateEvents: stateEvents,
                      recording: recording)
    }
}

extension Trajectory where Model == HubelUllahModel {
    /// The state object at record i.
    public func hubelUllahState(at i: Int) -> HubelUllahState { model(at: i).state(time: times[i], state: stateVector(at: i)) }
    /// The state object at the last record.
    public var finalState: HubelUllahState { hubelUllahState(at: count - 1) }
}
