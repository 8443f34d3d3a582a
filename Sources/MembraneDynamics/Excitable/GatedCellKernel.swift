import MembraneUnits
import MembraneNumerics
import RealModule

/// An excitable cell compiled for integration in SIMD lanes (``LaneODESystem``): the equations of its ``CellModel``
/// when every concentration is held, one lane per cell of a population, each with its own conductances, reversal
/// potentials, capacitance and stimulus. In the units of the published tables (t in ms, V in mV, conductances in
/// mS/cm², currents in µA/cm², C in µF/cm²):
///
///     C·dV/dt = I_stim − Σ_c ḡ_c·(1 − b_c)·Π_{gates of c} x^p·(V − E_c) − Σ g_L·(V − E_L)
///     dx/dt = φ·(α_x(V) − (α_x(V) + β_x(V))·x)
///
/// for ``HodgkinHuxleyChannel``s with an ohmic open channel (E fixed, or the Nernst potential of held concentrations),
/// ``PassiveCurrent``s and constant current clamps: the model of NEURON's `hh` and of any cell written with those
/// mechanisms. The rates are the channels' own ``HodgkinHuxleyChannel/RateFunction``s, evaluated with ``LaneMath``.
/// It is a second execution of the same description, not a second model: `GatedCellKernelTests` checks that it
/// gives the ``CellModel``'s right-hand side.
///
/// State of one lane: [V, the gates channel by channel] (``GatedCellStructure/modelState(_:model:)`` maps it to the model's).
public struct GatedCellKernel<Lanes: SIMD>: LaneODESystem where Lanes.Scalar == Double {
    let structure: GatedCellStructure
    var conductances: [Lanes]
    var reversals: [Lanes]
    var passiveConductance = Lanes()
    var passiveDrive = Lanes()
    var stimulus = Lanes()
    var inverseCapacitance = Lanes(repeating: 1)

    public var dimension: Int { 1 + structure.gates.count }

    /// A kernel for cells of `structure`, every lane's conductances, reversal potentials, passive current and stimulus
    /// zero and 1/C = 1 cm²/µF until ``load(_:into:)`` sets them.
    public init(structure: GatedCellStructure) {
        self.structure = structure
        conductances = [Lanes](repeating: Lanes(), count: structure.channelCount)
        reversals = conductances
    }

    /// Sets lane `lane`'s parameters.
    public mutating func load(_ p: GatedCellParameters, into lane: Int) {
        for c in 0..<structure.channelCount {
            conductances[c][lane] = p.conductances[c]
            reversals[c][lane] = p.reversals[c]
        }
        passiveConductance[lane] = p.passiveConductance
        passiveDrive[lane] = p.passiveDrive
        stimulus[lane] = p.stimulus
        inverseCapacitance[lane] = p.inverseCapacitance
    }

    public func derivatives(at t: Lanes, state y: UnsafePointer<Lanes>, into dydt: UnsafeMutablePointer<Lanes>) {
        let v = y[0]
        // Σ I_ion − I_stim, µA/cm², starting with the passive currents.
        var current = passiveConductance * v - passiveDrive - stimulus
        let groups = structure.exponents.count
        withUnsafeTemporaryAllocation(of: Lanes.self, capacity: groups) { values in
            // The rates' exponentials (``GatedCellStructure/exponents``): computed, or squared from another.
            structure.exponents.withUnsafeBufferPointer { exponents in
                for j in 0..<groups {
                    let x = exponents[j]
                    if x.source < 0 {
                        values[j] = LaneMath.exp(Lanes(repeating: x.slope) * v + Lanes(repeating: x.offset))
                    } else {
                        var e = values[x.source]
                        for _ in 0..<x.doublings { e *= e }
                        values[j] = e
                    }
                }
            }
            structure.rates.withUnsafeBufferPointer { rates in
                structure.gates.withUnsafeBufferPointer { gates in
                    structure.firstGate.withUnsafeBufferPointer { first in
                        conductances.withUnsafeBufferPointer { g in
                            reversals.withUnsafeBufferPointer { e in
                                for c in 0..<g.count {
                                    var open = Lanes(repeating: 1)
                                    for k in first[c]..<first[c + 1] {
                                        let gate = gates[k], x = y[1 + k]
                                        let alpha = rates[2 * k], beta = rates[2 * k + 1]
                                        let a = alpha.value(at: v, exponential: values[alpha.exponent])
                                        let b = beta.value(at: v, exponential: values[beta.exponent])
                                        dydt[1 + k] = Lanes(repeating: gate.phi) * (a - (a + b) * x)
                                        var power = x
                                        for _ in 1..<gate.exponent { power *= x }
                                        open *= power
                                    }
                                    current += g[c] * open * (v - e[c])
                                }
                            }
                        }
                    }
                }
            }
        }
        dydt[0] = (Lanes() - current) * inverseCapacitance
    }
}

/// What every cell of a population run by the ``GatedCellKernel`` shares: its channels, their gates and the gates' rates
/// (in ms⁻¹ of V in mV), and where the kernel's state components sit in the ``CellModel``'s.
public struct GatedCellStructure: Sendable, Equatable {
    /// The gates, channel by channel; channel c's are gates[firstGate[c] ..< firstGate[c + 1]]; gate k's α and β are
    /// rates[2k] and rates[2k + 1].
    var gates: [Gate]
    var rates: [Rate]
    /// The exponentials of the rates, in the order they are computed: HH's six rates need two exponentials and three
    /// squarings (α_m, β_h and α_n vary as e^{−V/10}, α_h as e^{−V/20}, β_n as e^{−V/80}: powers of two of one another).
    var exponents: [Exponent]
    var firstGate: [Int]
    var channelCount: Int { firstGate.count - 1 }
    /// The state components of a ``CellModel`` the lanes' components come from (V's: the model's V_other).
    var modelIndices: [Int]

    /// A rate in ms⁻¹ of V in mV, written through u = c·V + d so that every form needs e^u: r·e^u (exponential,
    /// u = (V − m)/s), r/(1 + e^u) (sigmoid, u = −(V − m)/s) or r·u/(e^u − 1) (exp-linear, u = −(V − m)/s: r·x/(1 − e^{−x})
    /// with x = −u). e^u = f·E with E = e^{cV + d₀} the exponential its slope shares with other rates
    /// (``GatedCellStructure/exponents``, f = e^{d − d₀}). Near u = 0, where e^u − 1 cancels, the exp-linear form is
    /// its Bernoulli series 1 − u/2 + u²/12 − u⁴/720 + u⁶/30240 (truncation < 3·10⁻²⁰ for |u| < 0.02; beyond, the
    /// cancellation costs at most a factor 50 of round-off): the removable singularity NEURON's vtrap guards.
    struct Rate: Sendable, Equatable {
        enum Form: Sendable, Equatable { case exponential, sigmoid, expLinear }
        var form: Form
        var rate: Double
        var slope: Double
        var offset: Double
        /// The shared exponential (index into ``GatedCellStructure/exponents``) and the factor f.
        var exponent = 0
        var factor = 1.0

        init(_ f: HodgkinHuxleyChannel.RateFunction) {
            // SI (s⁻¹, V) to ms⁻¹ and mV.
            switch f {
            case .exponential(let r, let m, let s): (form, rate, slope, offset) = (.exponential, r * 1e-3, 1 / (s * 1e3), -m / s)
            case .sigmoid(let r, let m, let s): (form, rate, slope, offset) = (.sigmoid, r * 1e-3, -1 / (s * 1e3), m / s)
            case .expLinear(let r, let m, let s): (form, rate, slope, offset) = (.expLinear, r * 1e-3, -1 / (s * 1e3), m / s)
            }
        }

        /// The rate at V, from its shared exponential E.
        @inline(__always)
        func value<Lanes: SIMD>(at v: Lanes, exponential: Lanes) -> Lanes where Lanes.Scalar == Double {
            let r = Lanes(repeating: rate)
            let e = Lanes(repeating: factor) * exponential
            switch form {
            case .exponential:
                return r * e
            case .sigmoid:
                return r / (Lanes(repeating: 1) + e)
            case .expLinear:
                return r * Self.expLinear(Lanes(repeating: slope) * v + Lanes(repeating: offset), e)
            }
        }

        /// u/(e^u − 1) lane by lane from u and e^u; its Bernoulli series for |u| < 0.02 (above), evaluated only when
        /// some lane is there (rarely: V within 0.2 mV of the rate's midpoint). Shared with the compiled
        /// ``HodgkinHuxley1952Kernel``.
        @inline(__always)
        static func expLinear<Lanes: SIMD>(_ u: Lanes, _ eu: Lanes) -> Lanes where Lanes.Scalar == Double {
            var k = u / (eu - Lanes(repeating: 1))
            let near = LaneMath.magnitude(u) .< Lanes(repeating: 0.02)
            if any(near) {
                let u2 = u * u
                let series = Lanes(repeating: 1) - Lanes(repeating: 0.5) * u
                    + u2 * (Lanes(repeating: 1.0 / 12) + u2 * (Lanes(repeating: -1.0 / 720) + u2 * Lanes(repeating: 1.0 / 30240)))
                k.replace(with: series, where: near)
            }
            return k
        }
    }

    /// An exponential E = e^{cV + d₀} shared by the rates of slope c: computed (``source`` −1), or, when c is 2^k times
    /// the slope of an exponential computed earlier, that one squared k times (then d₀ = 2^k times its offset; each
    /// squaring doubles the relative round-off, ≤ 3 squarings here).
    struct Exponent: Sendable, Equatable {
        var slope: Double
        var offset: Double
        var source = -1
        var doublings = 0
    }

    /// One gate: its channel, its exponent (≥ 1) in the open fraction and the temperature factor φ of its rates.
    struct Gate: Sendable, Equatable {
        var channel: Int
        var exponent: Int
        var phi: Double
    }
}

/// What differs between the cells of a ``GatedCellKernel``, in its units: ḡ·(1 − b) and E of each channel (mS/cm²,
/// mV), the summed passive conductance and Σ g·E (mS/cm², µA/cm²), the stimulus (µA/cm²), 1/C (cm²/µF); and the start state.
public struct GatedCellParameters: Sendable, Equatable {
    /// ḡ_c·(1 − b_c) of each channel c, mS/cm² (the maximal conductance times the unblocked fraction).
    public var conductances: [Double]
    /// E_c of each channel c, mV (fixed, or the Nernst potential of the held concentrations).
    public var reversals: [Double]
    /// Σ g_L of the passive currents, mS/cm².
    public var passiveConductance: Double
    /// Σ g_L·E_L of the passive currents, µA/cm².
    public var passiveDrive: Double
    /// I_stim, the constant current-clamp density, µA/cm² (positive depolarises: C·dV/dt = I_stim − Σ I_ion).
    public var stimulus: Double
    /// 1/C, cm²/µF.
    public var inverseCapacitance: Double
    /// The lane's start state: [V (mV), the gates channel by channel].
    public var initialState: [Double]
}

/// Why a scenario cannot run on the ``GatedCellKernel`` (the population then runs on the general ``Simulation``).
public struct KernelIncompatibility: Error, Sendable, CustomStringConvertible {
    public var description: String
}

extension GatedCellStructure {
    /// The structure and the parameters of the cell compiled in `model`, or why the kernel cannot run it: it needs
    /// every concentration held (no amounts in the state), only ``HodgkinHuxleyChannel``s with an ohmic open channel
    /// and ``PassiveCurrent``s, constant current clamps, and no timed events.
    public static func compile(_ model: CellModel) throws(KernelIncompatibility) -> (GatedCellStructure, GatedCellParameters) {
        func fail(_ why: String) -> KernelIncompatibility { KernelIncompatibility(description: why) }
        let scenario = model.scenario
        guard model.cellIndex.allSatisfy({ $0 < 0 }), model.otherIndex >= 0, !model.electroneutral else {
            throw fail("concentrations that change (the kernel holds every concentration)")
        }
        guard scenario.leaks.isEmpty, scenario.pump == nil, scenario.cotransporters.isEmpty else {
            throw fail("leaks, pumps or cotransporters of the pump–leak cell")
        }
        guard scenario.events.isEmpty else { throw fail("timed events") }
        var stimulus = 0.0
        for s in scenario.stimuli {
            guard case .currentClamp(.constant(let a)) = s else { throw fail("a stimulus other than a constant current") }
            stimulus += a * 1e2  // A/m² → µA/cm²
        }
        let layout = model.layout
        var gates: [Gate] = [], rates: [GatedCellStructure.Rate] = [], firstGate = [0], indices: [Int] = [model.otherIndex]
        var conductances: [Double] = [], reversals: [Double] = []
        var passiveG = 0.0, passiveDrive = 0.0
        let y0 = model.initialState
        var start: [Double] = [model.potential(y0) * 1e3]
        for (i, name) in model.mechanismNames.enumerated() {
            let m = model.mechanism(at: i)
            if let p = m as? PassiveCurrent {
                let g = p.conductance.millisiemensPerSquareCentimetre
                passiveG += g
                passiveDrive += g * p.reversal.millivolts
            } else if let c = m as? HodgkinHuxleyChannel {
                guard case .ohmic(let g, let reversal) = c.permeation else { throw fail("a GHK channel (\(name))") }
                let e: Double
                switch reversal {
                case .fixed(let v): e = v.millivolts
                case .nernst:
                    guard let j = scenario.index(of: c.ion) else { throw fail("an unknown ion \(c.ion)") }
                    e = model.vt / model.z[j] * Double.log(model.outsideFixed[j] / model.fixedInside[j]) * 1e3
                }
                let channel = conductances.count
                conductances.append(g.millisiemensPerSquareCentimetre * (1 - c.block))
                reversals.append(e)
                for gate in c.gates {
                    guard let index = layout.index(of: "\(name).\(gate.name)") else { throw fail("a gate without a state") }
                    guard gate.exponent >= 1 else { throw fail("a gate of exponent \(gate.exponent) (\(name).\(gate.name))") }
                    gates.append(Gate(channel: channel, exponent: gate.exponent, phi: c.rateFactor))
                    rates += [Rate(gate.alpha), Rate(gate.beta)]
                    indices.append(index)
                    start.append(y0[index])
                }
                firstGate.append(gates.count)
            } else {
                throw fail("the mechanism \(name) (the kernel runs Hodgkin–Huxley channels and passive currents)")
            }
        }
        let parameters = GatedCellParameters(conductances: conductances, reversals: reversals, passiveConductance: passiveG,
                                        passiveDrive: passiveDrive, stimulus: stimulus,
                                        inverseCapacitance: 1 / scenario.capacitance.microfaradsPerSquareCentimetre,
                                        initialState: start)
        // Rates of one slope share an exponential; slopes 2^k times a smaller one square it (smallest |slope| first).
        var exponents: [GatedCellStructure.Exponent] = []
        for slope in Set(rates.map(\.slope)).sorted(by: { abs($0) < abs($1) }) {
            let first = rates.first { $0.slope == slope }!
            var exponent = GatedCellStructure.Exponent(slope: slope, offset: first.offset)
            search: for (j, base) in exponents.enumerated() where base.source < 0 {
                for k in 1...6 {
                    let power = Double(1 << k)
                    if abs(slope - power * base.slope) <= 1e-14 * abs(slope) {
                        exponent = GatedCellStructure.Exponent(slope: slope, offset: power * base.offset, source: j, doublings: k)
                        break search
                    }
                }
            }
            exponents.append(exponent)
        }
        for i in rates.indices {
            let j = exponents.firstIndex { $0.slope == rates[i].slope }!
            rates[i].exponent = j
            rates[i].factor = Double.exp(rates[i].offset - exponents[j].offset)
        }
        return (GatedCellStructure(gates: gates, rates: rates, exponents: exponents, firstGate: firstGate, modelIndices: indices),
                parameters)
    }

    /// The ``CellModel`` state vector of a lane state (for cell states and reports).
    public func modelState(_ laneState: [Double], model: CellModel) -> [Double] {
        var y = model.initialState
        // V = κ·(charge of the held-ion-free cell, constant) + V_other.
        let offset = model.potential(y) - y[model.otherIndex]
        y[model.otherIndex] = laneState[0] * 1e-3 - offset
        for k in 1..<laneState.count { y[modelIndices[k]] = laneState[k] }
        return y
    }
}
