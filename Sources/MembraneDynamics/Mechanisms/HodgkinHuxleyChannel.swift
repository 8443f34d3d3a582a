import MembraneUnits
import MembranePhysics
import RealModule

/// A Hodgkin–Huxley gated channel (Hodgkin & Huxley 1952, J. Physiol. 117:500):
///
///     Φ = (1 − b)·Πᵢ gᵢ^pᵢ · Φ_open(V, c_in, c_out),     dgᵢ/dt = φ·(αᵢ(V)·(1 − gᵢ) − βᵢ(V)·gᵢ),
///     φ = Q10^((T − T_ref)/10)
///
/// with gates gᵢ (m, h, n …) of exponent pᵢ, opening and closing rates αᵢ, βᵢ in the forms of NeuroML
/// (``RateFunction``), a fraction b of channels blocked (TTX, TEA; parameter `block`) and the open channel's
/// ``PermeationLaw``: ohmic ḡ·(V − E) with E fixed (NEURON's `hh`) or recomputed from the concentrations, or GHK with
/// P̄. Its state variables are the gates; its steady state gᵢ∞ = αᵢ/(αᵢ + βᵢ). Exact derivatives:
/// ∂Φ/∂gᵢ = (1 − b)·pᵢ·gᵢ^(pᵢ−1)·Πⱼ≠ᵢ gⱼ^pⱼ·Φ_open, ∂ġᵢ/∂V = φ·(αᵢ′·(1 − gᵢ) − βᵢ′·gᵢ), ∂ġᵢ/∂gᵢ = −φ·(αᵢ + βᵢ), and the
/// open law's in V and the concentrations. Parameters: `g` (S/m²) or `P` (m/s), `block` (0…1).
public struct HodgkinHuxleyChannel: Mechanism, Hashable {
    /// One gate: dg/dt = φ·(α(V)·(1 − g) − β(V)·g), entering the open fraction as g^exponent.
    public struct Gate: Sendable, Hashable {
        /// The gate's name, also its state variable's (`m`, `h`, `n`).
        public var name: String
        /// p: the power of the gate in the open fraction (3 for HH's m, 4 for n).
        public var exponent: Int
        /// α(V): the opening rate, s⁻¹.
        public var alpha: RateFunction
        /// β(V): the closing rate, s⁻¹.
        public var beta: RateFunction
        /// A gate called `name` entering the open fraction as g^`exponent`, with rates α and β.
        public init(_ name: String, exponent: Int, alpha: RateFunction, beta: RateFunction) {
            self.name = name
            self.exponent = exponent
            self.alpha = alpha
            self.beta = beta
        }
    }

    /// A voltage-dependent rate in one of NeuroML's standard forms (NeuroML v2 `HHExpRate`, `HHSigmoidRate`,
    /// `HHExpLinearRate`), r in s⁻¹, V, midpoint and scale in volts; x = (V − midpoint)/scale.
    public enum RateFunction: Sendable, Hashable {
        /// r = rate·e^x.
        case exponential(rate: Double, midpoint: Double, scale: Double)
        /// r = rate/(1 + e^{−x}).
        case sigmoid(rate: Double, midpoint: Double, scale: Double)
        /// r = rate·x/(1 − e^{−x}) (→ rate as x → 0: NEURON's `vtrap`; the GHK kernel ``GHKCurrent/kernel(_:)``).
        case expLinear(rate: Double, midpoint: Double, scale: Double)

        /// The same forms in the units of published tables: rate per millisecond, midpoint and scale in millivolts.
        public static func exponential(perMillisecond rate: Double, midpointMillivolts m: Double, scaleMillivolts s: Double) -> Self {
            .exponential(rate: rate * 1e3, midpoint: m * 1e-3, scale: s * 1e-3)
        }
        /// r = rate/(1 + e^{−x}) with rate per millisecond, midpoint and scale in millivolts (NeuroML `HHSigmoidRate`).
        public static func sigmoid(perMillisecond rate: Double, midpointMillivolts m: Double, scaleMillivolts s: Double) -> Self {
            .sigmoid(rate: rate * 1e3, midpoint: m * 1e-3, scale: s * 1e-3)
        }
        /// r = rate·x/(1 − e^{−x}) with rate per millisecond, midpoint and scale in millivolts (NeuroML `HHExpLinearRate`).
        public static func expLinear(perMillisecond rate: Double, midpointMillivolts m: Double, scaleMillivolts s: Double) -> Self {
            .expLinear(rate: rate * 1e3, midpoint: m * 1e-3, scale: s * 1e-3)
        }

        /// r(V) alone (the right-hand side needs no derivative: one exponential, no kernel derivative).
        @inlinable
        public func value(at v: Double) -> Double {
            switch self {
            case .exponential(let r, let m, let s): r * Double.exp((v - m) / s)
            case .sigmoid(let r, let m, let s): r / (1 + Double.exp(-(v - m) / s))
            case .expLinear(let r, let m, let s): r * Self.expLinearKernel((v - m) / s)
            }
        }

        /// x/(1 − e^{−x}), the exp-linear form, from one exponential (glibc's expm1 costs about three exponentials, and
        /// a model evaluates this for several gates at every step). Near x = 0, where 1 − e^{−x} cancels, its series
        /// 1 + x/2 + x²/12 − x⁴/720 + x⁶/30240 (the Bernoulli-number expansion; the next term, x⁸/1209600, is below
        /// 2·10⁻²⁰ for |x| < 0.02); beyond, the cancellation in 1 − e^{−x} magnifies the exponential's rounding by at
        /// most e^{−x}/|1 − e^{−x}| ≈ 50 (relative error < 10⁻¹⁴). The singularity at 0 is removable; NEURON's `vtrap`
        /// guards it with a cruder series. Below x = −700 (where e^{−x} approaches overflow) −x·eˣ, and 0 below −750,
        /// as ``GHKCurrent/kernel(_:)``.
        @inlinable
        public static func expLinearKernel(_ x: Double) -> Double {
            if abs(x) < 0.02 {
                let x2 = x * x
                return 1 + x / 2 + x2 * (1.0 / 12 + x2 * (-1.0 / 720 + x2 / 30240))
            }
            if x < -700 { return x < -750 ? 0 : -x * Double.exp(x) }
            return x / (1 - Double.exp(-x))
        }

        /// r(V) and dr/dV.
        public func evaluate(at v: Double) -> (value: Double, derivative: Double) {
            switch self {
            case .exponential(let r, let m, let s):
                let e = r * Double.exp((v - m) / s)
                return (e, e / s)
            case .sigmoid(let r, let m, let s):
                let e = Double.exp(-(v - m) / s), f = 1 / (1 + e)
                return (r * f, r * f * f * e / s)
            case .expLinear(let r, let m, let s):
                let x = (v - m) / s
                return (r * Self.expLinearKernel(x), r * GHKCurrent.kernelDerivative(x) / s)
            }
        }
    }

    public var name: String
    /// The ion it passes (one of the model's ions).
    public var ion: String
    /// The open channel: ohmic ḡ (with E fixed or Nernst) or GHK P̄.
    public var permeation: PermeationLaw
    /// The gates; the open fraction is (1 − block)·Π gᵢ^pᵢ.
    public var gates: [Gate]
    /// The factor of every rate per 10 °C, and the temperature the rates are given at.
    public var q10: Double
    /// The temperature the rates are given at (6.3 °C for Hodgkin & Huxley's squid axon).
    public var referenceTemperature: Temperature
    /// The fraction of channels blocked (0…1).
    public var block: Double
    /// φ = Q10^((T − T_ref)/10) at the model's temperature (``prepared(for:)``).
    public private(set) var rateFactor: Double = 1

    /// A channel called `name` passing `ion` through the open law `permeation`, gated by `gates`, its rates scaled by
    /// Q10^((T − T_ref)/10) and a fraction `block` of it blocked.
    public init(name: String, ion: String, permeation: PermeationLaw, gates: [Gate], q10: Double = 1,
                referenceTemperature: Temperature = .standard, block: Double = 0) {
        self.name = name
        self.ion = ion
        self.permeation = permeation
        self.gates = gates
        self.q10 = q10
        self.referenceTemperature = referenceTemperature
        self.block = block
    }

    public var ions: [String] { [ion] }
    public var stateNames: [String] { gates.map(\.name) }
    public var parameterNames: [String] { [permeation.magnitudeName, "block"] }
    public func parameter(_ index: Int) -> Double { index == 0 ? permeation.magnitude : block }

    public mutating func setParameter(_ index: Int, to value: Double) throws {
        if index == 0 {
            try requireNonNegative(value, parameter: permeation.magnitudeName, unit: permeation.isOhmic ? "S/m²" : "m/s")
            permeation = permeation.with(magnitude: value)
        } else {
            guard value.isFinite, value >= 0, value <= 1 else {
                throw MembraneError.invalidValue(field: "\(name).block", value: "\(value)", allowed: "a blocked fraction from 0 to 1")
            }
            block = value
        }
    }

    public func prepared(for conditions: Conditions) -> HodgkinHuxleyChannel {
        var c = self
        c.rateFactor = Double.pow(q10, (conditions.temperature.kelvin - referenceTemperature.kelvin) / 10)
        return c
    }

    /// (1 − b)·Πᵢ gᵢ^pᵢ.
    func openFraction(at site: MembraneSite) -> Double {
        var o = 1 - block
        for (k, gate) in gates.enumerated() { o *= Self.power(site.state(k), gate.exponent) }
        return o
    }

    static func power(_ x: Double, _ p: Int) -> Double {
        var r = 1.0
        for _ in 0..<p { r *= x }
        return r
    }

    public func contribute(at site: MembraneSite) {
        site.addFlux(0, openFraction(at: site) * permeation.flux(at: site, slot: 0))
        let v = site.potential, phi = rateFactor
        for (k, gate) in gates.enumerated() {
            let a = gate.alpha.value(at: v), b = gate.beta.value(at: v)
            let g = site.state(k)
            site.setRate(k, phi * (a * (1 - g) - b * g))
        }
    }

    public func contributeDerivatives(at site: MembraneSite) {
        let open = openFraction(at: site)
        permeation.addFluxDerivatives(at: site, slot: 0, factor: open)
        let flux = permeation.flux(at: site, slot: 0)
        let v = site.potential, phi = rateFactor
        for (k, gate) in gates.enumerated() {
            let g = site.state(k)
            // ∂(Πgⱼ^pⱼ)/∂g_k = p_k·g_k^(p_k − 1)·Πⱼ≠k gⱼ^pⱼ, without dividing by g_k (which may be 0).
            var d = (1 - block) * Double(gate.exponent) * Self.power(g, gate.exponent - 1)
            for (j, other) in gates.enumerated() where j != k { d *= Self.power(site.state(j), other.exponent) }
            site.addDerivative(of: .flux(0), withRespectTo: .state(k), d * flux)
            let a = gate.alpha.evaluate(at: v), b = gate.beta.evaluate(at: v)
            site.addDerivative(of: .rate(k), withRespectTo: .potential, phi * (a.derivative * (1 - g) - b.derivative * g))
            site.addDerivative(of: .rate(k), withRespectTo: .state(k), -phi * (a.value + b.value))
        }
    }

    /// gᵢ∞ = αᵢ/(αᵢ + βᵢ) at the site's V.
    public func steadyState(at site: MembraneSite, into states: UnsafeMutablePointer<Double>) {
        for (k, gate) in gates.enumerated() {
            let a = gate.alpha.evaluate(at: site.potential).value, b = gate.beta.evaluate(at: site.potential).value
            states[k] = a / (a + b)
        }
    }

    /// The fully open channel's.
    public func characteristicFlux(at site: MembraneSite, slot: Int) -> Double {
        (1 - block) * permeation.characteristicFlux(at: site, slot: 0)
    }
}

extension HodgkinHuxleyChannel {
    /// Hodgkin & Huxley's squid axon temperature, 6.3 °C, at which their rates are given (NEURON's `hh`, Q10 = 3).
    public static let squidTemperature = (try? Temperature.celsius(6.3)) ?? .standard

    /// The Na⁺ channel of Hodgkin & Huxley 1952 (J. Physiol. 117:500, eqs. 7, 20, 21, 23, 24, 29) as NEURON's `hh.mod`
    /// writes it (V the membrane potential, not HH's depolarisation; rates per ms, mV): I_Na = ḡ_Na·m³h·(V − E_Na),
    /// α_m = 0.1·vtrap(−(V + 40), 10), β_m = 4·e^{−(V + 65)/18}, α_h = 0.07·e^{−(V + 65)/20},
    /// β_h = 1/(e^{−(V + 35)/10} + 1), Q10 = 3 from 6.3 °C. Defaults: ḡ_Na = 120 mS/cm², E_Na = +50 mV fixed.
    public static func hodgkinHuxley1952Sodium(conductance: SpecificConductance = .millisiemensPerSquareCentimetre(120),
                                               reversal: PermeationLaw.Reversal = .fixed(.millivolts(50))) -> HodgkinHuxleyChannel {
        HodgkinHuxleyChannel(
            name: "hh_Na", ion: "Na", permeation: .ohmic(conductance, reversal: reversal),
            gates: [Gate("m", exponent: 3, alpha: .expLinear(perMillisecond: 1, midpointMillivolts: -40, scaleMillivolts: 10),
                         beta: .exponential(perMillisecond: 4, midpointMillivolts: -65, scaleMillivolts: -18)),
                    Gate("h", exponent: 1, alpha: .exponential(perMillisecond: 0.07, midpointMillivolts: -65, scaleMillivolts: -20),
                         beta: .sigmoid(perMillisecond: 1, midpointMillivolts: -35, scaleMillivolts: 10))],
            q10: 3, referenceTemperature: squidTemperature)
    }

    /// The K⁺ channel of Hodgkin & Huxley 1952 (eqs. 6, 12, 13) as NEURON's `hh.mod`: I_K = ḡ_K·n⁴·(V − E_K),
    /// α_n = 0.01·vtrap(−(V + 55), 10), β_n = 0.125·e^{−(V + 65)/80}, Q10 = 3 from 6.3 °C. Defaults: ḡ_K = 36 mS/cm²,
    /// E_K = −77 mV fixed.
    public static func hodgkinHuxley1952Potassium(conductance: SpecificConductance = .millisiemensPerSquareCentimetre(36),
                                                  reversal: PermeationLaw.Reversal = .fixed(.millivolts(-77))) -> HodgkinHuxleyChannel {
        HodgkinHuxleyChannel(
            name: "hh_K", ion: "K", permeation: .ohmic(conductance, reversal: reversal),
            gates: [Gate("n", exponent: 4, alpha: .expLinear(perMillisecond: 0.1, midpointMillivolts: -55, scaleMillivolts: 10),
                         beta: .exponential(perMillisecond: 0.125, midpointMillivolts: -65, scaleMillivolts: -80))],
            q10: 3, referenceTemperature: squidTemperature)
    }
}
