import MembraneUnits
import MembraneNumerics
import RealModule

/// The ventricular cell of Luo & Rudy 1991 ("A model of the ventricular cardiac action potential. Depolarization,
/// repolarization, and their interaction", Circ Res 68:1501–1526, doi:10.1161/01.RES.68.6.1501), the "LR1" model,
/// as the paper's equations write it (Tests/Reference/luo-rudy-1991/README.md maps each to the paper and to the
/// curated CellML model `luo_rudy_1991`). Units of the paper: mV, ms, mM, µA/cm², mS/cm², µF/cm²; outward positive.
///
///     C·dV/dt = −(I_Na + I_si + I_K + I_K1 + I_Kp + I_b − I_stim)              (I_stim > 0 depolarises)
///     I_Na = 23·m³·h·j·(V − E_Na),   E_Na = (RT/F)·ln([Na]ₒ/[Na]ᵢ)
///     I_si = 0.09·d·f·(V − E_si),    E_si = 7.7 − 13.0287·ln([Ca]ᵢ/1 mM)
///     d[Ca]ᵢ/dt = −10⁻⁴·I_si + 0.07·(10⁻⁴ − [Ca]ᵢ)                            (mM/ms)
///     I_K = 0.282·√([K]ₒ/5.4)·X·Xᵢ·(V − E_K),  E_K = (RT/F)·ln(([K]ₒ + PR_NaK[Na]ₒ)/([K]ᵢ + PR_NaK[Na]ᵢ)), PR_NaK = 0.01833
///     Xᵢ = 2.837·(e^{0.04(V+77)} − 1)/((V + 77)·e^{0.04(V+35)}) for V > −100 mV, 1 otherwise
///     I_K1 = 0.6047·√([K]ₒ/5.4)·K1∞·(V − E_K1),  K1∞ = α_K1/(α_K1 + β_K1),  E_K1 = (RT/F)·ln([K]ₒ/[K]ᵢ)
///     I_Kp = 0.0183·Kp·(V − E_Kp),  Kp = 1/(1 + e^{(7.488 − V)/5.98}),  E_Kp = E_K1
///     I_b = 0.03921·(V + 59.87)
///
/// RT/F uses CODATA 2018 R and F at 37 °C (310.15 K); the paper's (and the CellML model's) R = 8314 mJ/(mol·K),
/// T = 310 K, F = 96484.6 C/mol give RT/F 0.05 % smaller (E_K1 −87.89 instead of −87.94 mV at 5.4 mM).
public struct LuoRudy1991: Sendable, Hashable {
    /// Maximal conductances, mS/cm²: I_Na (23), I_si (0.09), I_K and I_K1 at [K]ₒ = 5.4 mM (0.282, 0.6047; both
    /// scale with √([K]ₒ/5.4)), I_Kp (0.0183), I_b (0.03921).
    public var gNa = 23.0, gSi = 0.09, gK = 0.282, gK1 = 0.6047, gKp = 0.0183, gB = 0.03921
    /// The reversal potential of I_b, mV (−59.87).
    public var backgroundReversal = -59.87
    /// Concentrations, mM: [K]ₒ (5.4), [K]ᵢ (145), [Na]ₒ (140), [Na]ᵢ (18); fixed in the model (only [Ca]ᵢ moves).
    public var potassiumOutside = 5.4, potassiumInside = 145.0, sodiumOutside = 140.0, sodiumInside = 18.0
    /// The Na⁺/K⁺ permeability ratio of I_K's channel in E_K (0.01833).
    public var permeabilityRatioNaK = 0.01833
    /// µF/cm².
    public var capacitance = 1.0
    /// K (37 °C).
    public var temperature = 310.15
    /// The stimulus: a depolarising current of `stimulusAmplitude` µA/cm² for `stimulusDuration` ms from
    /// `stimulusStart` ms, repeated every `pacingCycle` ms (0: one pulse). Defaults: the CellML model's protocol,
    /// 25.5 µA/cm² for 2 ms every 1000 ms from 100 ms (its `stim_amplitude` is −25.5 in its own sign convention).
    public var stimulusAmplitude = 25.5, stimulusDuration = 2.0, stimulusStart = 100.0, pacingCycle = 1000.0

    /// The published parameters at [K]ₒ = 5.4 mM, paced at 1 Hz.
    public init() {}

    /// RT/F, mV (CODATA 2018 R and F at ``temperature``).
    public var thermalVoltage: Double {
        ConstantSet.codata2018.gasConstant * temperature / ConstantSet.codata2018.faraday * 1e3
    }
    /// E_Na = (RT/F)·ln([Na]ₒ/[Na]ᵢ), mV.
    public var eNa: Double { thermalVoltage * Double.log(sodiumOutside / sodiumInside) }
    /// E_K = (RT/F)·ln(([K]ₒ + PR_NaK·[Na]ₒ)/([K]ᵢ + PR_NaK·[Na]ᵢ)), mV: the reversal potential of I_K.
    public var eK: Double {
        thermalVoltage * Double.log((potassiumOutside + permeabilityRatioNaK * sodiumOutside)
                                    / (potassiumInside + permeabilityRatioNaK * sodiumInside))
    }
    /// E_K1 = (RT/F)·ln([K]ₒ/[K]ᵢ), mV: the reversal potential of I_K1 and I_Kp (E_Kp = E_K1).
    public var eK1: Double { thermalVoltage * Double.log(potassiumOutside / potassiumInside) }
    /// √([K]ₒ/5.4): the [K]ₒ dependence of g_K and g_K1.
    public var potassiumScale: Double { (potassiumOutside / 5.4).squareRoot() }

    /// The state's names: V (mV), the gates m, h, j (I_Na), d, f (I_si), X (I_K), and [Ca]ᵢ (mM).
    public static let stateNames = ["V", "m", "h", "j", "d", "f", "X", "Ca_i"]
    /// The initial state of the curated CellML model `luo_rudy_1991` (a state during pacing, not the rest).
    public static let cellMLInitialState = [-84.3801107371, 0.00171338077730188, 0.982660523699656, 0.989108212766685,
                                            0.00302126301779861, 0.999967936476325, 0.0417603108167287, 0.00017948816388306]
}

extension LuoRudy1991 {
    /// (e^x − 1)/x, 1 at x = 0: the removable singularities of α_m (V = −47.13 mV) and Xᵢ (V = −77 mV).
    @inline(__always) static func exprel(_ x: Double) -> Double { x == 0 ? 1 : Double.expMinusOne(x) / x }

    /// The opening and closing rates (per ms) of the gates m, h, j, d, f, X at V (mV), the paper's Appendix:
    ///
    ///     α_m = 0.32(V + 47.13)/(1 − e^{−0.1(V+47.13)}),  β_m = 0.08·e^{−V/11}
    ///     V < −40 mV: α_h = 0.135·e^{(80+V)/−6.8},  β_h = 3.56·e^{0.079V} + 3.1·10⁵·e^{0.35V},
    ///                 α_j = (−1.2714·10⁵·e^{0.2444V} − 3.474·10⁻⁵·e^{−0.04391V})·(V + 37.78)/(1 + e^{0.311(V+79.23)}),
    ///                 β_j = 0.1212·e^{−0.01052V}/(1 + e^{−0.1378(V+40.14)})
    ///     V ≥ −40 mV: α_h = α_j = 0,  β_h = 1/(0.13(1 + e^{(V+10.66)/−11.1})),  β_j = 0.3·e^{−2.535·10⁻⁷V}/(1 + e^{−0.1(V+32)})
    ///     α_d = 0.095·e^{−0.01(V−5)}/(1 + e^{−0.072(V−5)}),  β_d = 0.07·e^{−0.017(V+44)}/(1 + e^{0.05(V+44)})
    ///     α_f = 0.012·e^{−0.008(V+28)}/(1 + e^{0.15(V+28)}),  β_f = 0.0065·e^{−0.02(V+30)}/(1 + e^{−0.2(V+30)})
    ///     α_X = 0.0005·e^{0.083(V+50)}/(1 + e^{0.057(V+50)}),  β_X = 0.0013·e^{−0.06(V+20)}/(1 + e^{−0.04(V+20)})
    public static func rates(at v: Double) -> [(alpha: Double, beta: Double)] {
        let am = 3.2 / exprel(-0.1 * (v + 47.13)), bm = 0.08 * Double.exp(-v / 11)
        let ah, bh, aj, bj: Double
        if v < -40 {
            ah = 0.135 * Double.exp((80 + v) / -6.8)
            bh = 3.56 * Double.exp(0.079 * v) + 3.1e5 * Double.exp(0.35 * v)
            aj = (-1.2714e5 * Double.exp(0.2444 * v) - 3.474e-5 * Double.exp(-0.04391 * v)) * (v + 37.78)
                / (1 + Double.exp(0.311 * (v + 79.23)))
            bj = 0.1212 * Double.exp(-0.01052 * v) / (1 + Double.exp(-0.1378 * (v + 40.14)))
        } else {
            ah = 0
            bh = 1 / (0.13 * (1 + Double.exp((v + 10.66) / -11.1)))
            aj = 0
            bj = 0.3 * Double.exp(-2.535e-7 * v) / (1 + Double.exp(-0.1 * (v + 32)))
        }
        let ad = 0.095 * Double.exp(-0.01 * (v - 5)) / (1 + Double.exp(-0.072 * (v - 5)))
        let bd = 0.07 * Double.exp(-0.017 * (v + 44)) / (1 + Double.exp(0.05 * (v + 44)))
        let af = 0.012 * Double.exp(-0.008 * (v + 28)) / (1 + Double.exp(0.15 * (v + 28)))
        let bf = 0.0065 * Double.exp(-0.02 * (v + 30)) / (1 + Double.exp(-0.2 * (v + 30)))
        let ax = 0.0005 * Double.exp(0.083 * (v + 50)) / (1 + Double.exp(0.057 * (v + 50)))
        let bx = 0.0013 * Double.exp(-0.06 * (v + 20)) / (1 + Double.exp(-0.04 * (v + 20)))
        return [(am, bm), (ah, bh), (aj, bj), (ad, bd), (af, bf), (ax, bx)]
    }

    /// The ionic currents of a state, µA/cm², outward positive.
    public struct Currents: Sendable, Hashable {
        /// I_Na, I_si, I_K, I_K1, I_Kp, I_b.
        public var sodium = 0.0, slowInward = 0.0, potassium = 0.0, inwardRectifier = 0.0, plateau = 0.0, background = 0.0
        /// E_si = 7.7 − 13.0287·ln([Ca]ᵢ), mV.
        public var eSi = 0.0
        /// The sum of the six: I_ion.
        public var total: Double { sodium + slowInward + potassium + inwardRectifier + plateau + background }
    }

    /// The currents of the state `y` (``stateNames``: V in mV, the gates, [Ca]ᵢ in mM).
    public func currents(_ y: UnsafePointer<Double>) -> Currents {
        let v = y[0], m = y[1], h = y[2], j = y[3], d = y[4], f = y[5], x = y[6], ca = y[7]
        var c = Currents()
        let scale = potassiumScale, ek1 = eK1
        c.sodium = gNa * m * m * m * h * j * (v - eNa)
        c.eSi = 7.7 - 13.0287 * Double.log(ca)
        c.slowInward = gSi * d * f * (v - c.eSi)
        let xi = v <= -100 ? 1 : 2.837 * 0.04 * Self.exprel(0.04 * (v + 77)) / Double.exp(0.04 * (v + 35))
        c.potassium = gK * scale * x * xi * (v - eK)
        let ak1 = 1.02 / (1 + Double.exp(0.2385 * (v - ek1 - 59.215)))
        let bk1 = (0.49124 * Double.exp(0.08032 * (v - ek1 + 5.476)) + Double.exp(0.06175 * (v - ek1 - 594.31)))
            / (1 + Double.exp(-0.5143 * (v - ek1 + 4.753)))
        c.inwardRectifier = gK1 * scale * ak1 / (ak1 + bk1) * (v - ek1)
        c.plateau = gKp / (1 + Double.exp((7.488 - v) / 5.98)) * (v - ek1)
        c.background = gB * (v - backgroundReversal)
        return c
    }

    /// The currents of the state `y`.
    public func currents(_ y: [Double]) -> Currents { y.withUnsafeBufferPointer { currents($0.baseAddress!) } }

    /// The state at rest at V (mV): every gate at its steady state α/(α + β) and the [Ca]ᵢ at which d[Ca]ᵢ/dt = 0
    /// (unique: the rate falls monotonically in [Ca]ᵢ; found by Brent in ln [Ca]ᵢ).
    public func steadyState(at v: Double) -> [Double] {
        let gates = Self.rates(at: v).map { $0.alpha / ($0.alpha + $0.beta) }
        let df = gSi * gates[3] * gates[4]
        let rate = { (lnCa: Double) in -1e-4 * df * (v - 7.7 + 13.0287 * lnCa) + 0.07 * (1e-4 - Double.exp(lnCa)) }
        let lnCa = BrentRootFinder(absoluteTolerance: 1e-14).root(in: Double.log(1e-12), Double.log(10), of: rate)?.root
            ?? Double.log(1e-4)
        return [v] + gates + [Double.exp(lnCa)]
    }

    /// The resting potential: the lowest V in [−120, 60] mV at which the total ionic current of ``steadyState(at:)``
    /// vanishes (scanned in 0.5 mV steps, then Brent to round-off), with that state; nil if there is none.
    public func rest() -> (potential: Double, state: [Double])? {
        let total = { (v: Double) in self.currents(self.steadyState(at: v)).total }
        var a = -120.0, fa = total(a)
        while a < 60 {
            let b = a + 0.5, fb = total(b)
            if fa == 0 || fa.sign != fb.sign {
                guard let r = BrentRootFinder(absoluteTolerance: 1e-13).root(in: a, b, of: total) else { return nil }
                return (r.root, steadyState(at: r.root))
            }
            (a, fa) = (b, fb)
        }
        return nil
    }

    /// The onsets of the stimulus pulses before `end` (ms): stimulusStart + k·pacingCycle.
    public func stimulusOnsets(until end: Double) -> [Double] {
        guard stimulusAmplitude != 0, stimulusDuration > 0 else { return [] }
        var onsets: [Double] = [], t = stimulusStart
        while t < end {
            onsets.append(t)
            guard pacingCycle > 0 else { break }
            t += pacingCycle
        }
        return onsets
    }

    /// The stimulus current density (µA/cm²) in the piece of the run that starts at t (ms): the amplitude during a
    /// pulse [onset, onset + duration), 0 otherwise. Times within 10⁻⁹ ms of an edge count as the edge (a piece
    /// starts at an edge computed in seconds, which rounding may leave a hair before it).
    public func stimulus(at t: Double) -> Double {
        let slack = 1e-9
        guard stimulusAmplitude != 0, stimulusDuration > 0, t >= stimulusStart - slack else { return 0 }
        let k = pacingCycle > 0 ? ((t - stimulusStart + slack) / pacingCycle).rounded(.down) : 0
        let since = t - stimulusStart - k * pacingCycle
        return since >= -slack && since < stimulusDuration - slack ? stimulusAmplitude : 0
    }
}
