import MembraneUnits
import RealModule

/// The Na⁺/K⁺-ATPase: each cycle moves 3 Na⁺ out and 2 K⁺ in (one net charge outward), at a cycle flux
/// J_p (mol·m⁻²·s⁻¹) set by one of the published kinetic laws below, times the ATP/ADP factor of
/// ``PumpNucleotides`` when given. Net pump current I_p = F·J_p.
public struct NaKPump: Sendable, Hashable {
    /// Na⁺ ions moved out and K⁺ ions moved in per cycle (Skou 1957; Post & Jolly 1957).
    public static let sodiumPerCycle = 3.0
    /// K⁺ ions moved in per cycle (Skou 1957; Post & Jolly 1957).
    public static let potassiumPerCycle = 2.0

    /// The published kinetic law of the cycle flux J_p.
    public enum Kinetics: Sendable, Hashable {
        /// J_p = J_max, independent of the state: Kay 2017's `PLM_CD.m` and Keener & Sneyd's pump–leak
        /// model (Mathematical Physiology, 3rd ed., ch. 2, code `pump_leak1.m`, pump rate P).
        case constant
        /// J_p = J_max·(Na_in/Na_out)³: Keener & Sneyd's "P = ρu³", u = Na_in/Na_out (`pump_leak1.m`), also used by
        /// Düsterwald et al. 2018 (eLife 7:e39575, `plm_singlecomp_withkcc2.py`).
        case cubicSodium
        /// Luo & Rudy 1994 (Circ. Res. 74:1071), I_NaK eq.:
        /// J_p = J_max·f_NaK(V)·1/(1 + (K_m,Nai/Na_in)^1.5)·K_out/(K_out + K_m,Ko), with
        /// f_NaK = 1/(1 + 0.1245·e^{−0.1·FV/RT} + 0.0365·σ·e^{−FV/RT}), σ = (e^{Na_out/67.3 mM} − 1)/7,
        /// K_m,Nai = 10 mM, K_m,Ko = 1.5 mM, Ī_NaK = 1.5 µA/µF (CellML luo_rudy_1994; ports agree on the
        /// exponent 1.5). `voltageDependent: false` drops f_NaK.
        case luoRudy1994(voltageDependent: Bool)
        /// Wei, Ullah & Schiff 2014 (J. Neurosci. 34:11733):
        /// J_p = J_max/(1 + e^{(25 − Na_in)/3})·1/(1 + e^{3.5 − K_out}), concentrations in mM, J_max = ρ = 1.87·10⁻⁶
        /// mol·m⁻²·s⁻¹ in the per-area form of Sætra, Einevoll & Halnes 2020 (PLoS Comput. Biol. 16:e1007661, edNEG).
        case wei2014
    }

    /// The kinetic law of the cycle flux.
    public var kinetics: Kinetics
    /// The rate parameter J_max in mol·m⁻²·s⁻¹ (the maximal cycle flux; for `.constant` the flux itself).
    public var maximalRate: Double
    /// ATP and ADP at the pump, when its rate should depend on them (``PumpNucleotides``: the cycle flux is
    /// multiplied by f_ATP); nil for a pump saturated with ATP, as in the published pump–leak models.
    public var nucleotides: PumpNucleotides? = nil
    /// The fraction of the pump running (1 = running, 0 = blocked by ouabain or ATP depletion): a parameter events
    /// change (`pump.activity`).
    public var activity: Double = 1

    /// A pump following `kinetics` with J_max = `maximalRate` in mol·m⁻²·s⁻¹, saturated with ATP and fully active.
    public init(_ kinetics: Kinetics, maximalRate: Double) {
        self.kinetics = kinetics
        self.maximalRate = maximalRate
    }

    /// A pump with the given maximal net current density (I = F·J_max).
    public init(_ kinetics: Kinetics, maximalCurrent: CurrentDensity, conditions: Conditions) {
        self.init(kinetics, maximalRate: maximalCurrent.amperesPerSquareMetre / conditions.faraday)
    }

    /// The command-line name of the kinetic law.
    public var kineticsName: String {
        switch kinetics {
        case .constant: return "constant"
        case .cubicSodium: return "cubic"
        case .luoRudy1994(let v): return v ? "luo-rudy-1994" : "luo-rudy-1994-no-voltage"
        case .wei2014: return "wei-2014"
        }
    }

    /// True when the cycle flux depends on V (so the electroneutral voltage needs a root search).
    public var dependsOnVoltage: Bool {
        if case .luoRudy1994(true) = kinetics { return true }
        return false
    }

    /// The cycle flux (mol·m⁻²·s⁻¹) at inside Na, outside Na and K (mM) and V (volts, V_T = RT/F): the kinetic
    /// law times f_ATP when ``nucleotides`` are given.
    public func cycleFlux(sodiumInside na: Double, sodiumOutside nao: Double, potassiumOutside ko: Double,
                          potential v: Double, thermalVoltage vt: Double) -> Double {
        let law = lawFlux(sodiumInside: na, sodiumOutside: nao, potassiumOutside: ko, potential: v, thermalVoltage: vt)
        guard let nucleotides else { return law }
        return law * nucleotides.factor
    }

    /// The kinetic law alone (f_ATP = 1).
    func lawFlux(sodiumInside na: Double, sodiumOutside nao: Double, potassiumOutside ko: Double,
                 potential v: Double, thermalVoltage vt: Double) -> Double {
        switch kinetics {
        case .constant:
            return maximalRate
        case .cubicSodium:
            let u = na / nao
            return maximalRate * u * u * u
        case .luoRudy1994(let voltageDependent):
            let naTerm = 1 / (1 + Double.pow(10 / na, 1.5))
            let kTerm = ko / (ko + 1.5)
            var f = 1.0
            if voltageDependent {
                let sigma = (Double.exp(nao / 67.3) - 1) / 7
                let u = v / vt
                f = 1 / (1 + 0.1245 * Double.exp(-0.1 * u) + 0.0365 * sigma * Double.exp(-u))
            }
            return maximalRate * f * naTerm * kTerm
        case .wei2014:
            return maximalRate / (1 + Double.exp((25 - na) / 3)) / (1 + Double.exp(3.5 - ko))
        }
    }

    /// The partial derivatives of ``cycleFlux(sodiumInside:sodiumOutside:potassiumOutside:potential:thermalVoltage:)``
    /// (per mM and per volt), each law differentiated in closed form.
    public struct Gradient: Sendable, Hashable {
        /// ∂J/∂[Na]ᵢ, ∂J/∂[Na]ₒ, ∂J/∂[K]ₒ (mol·m⁻²·s⁻¹ per mM) and ∂J/∂V (mol·m⁻²·s⁻¹ per volt).
        public var sodiumInside = 0.0, sodiumOutside = 0.0, potassiumOutside = 0.0, potential = 0.0
        /// A zero gradient.
        public init() {}
    }

    /// The gradient of the cycle flux at (Na_in, Na_out, K_out, V): cubic ∂J/∂Na_in = 3J/Na_in, ∂J/∂Na_out = −3J/Na_out;
    /// Luo–Rudy ∂/∂Na_in of 1/(1 + (10/Na_in)^1.5) = 1.5·N²·(10/Na_in)^1.5/Na_in, ∂/∂K_out of K_o/(K_o + 1.5) =
    /// 1.5/(K_o + 1.5)², and f_NaK′ = f²·(0.01245·e^{−0.1u} + 0.0365·σ·e^{−u})/V_T in V and −f²·0.0365·e^{−u}·σ′ in
    /// Na_out with σ′ = e^{Na_o/67.3}/(7·67.3); Wei 2014 ∂/∂x of 1/(1 + e^{a − x/s}) = (1/s)·e^{a − x/s}/(1 + e^{a − x/s})².
    public func cycleFluxGradient(sodiumInside na: Double, sodiumOutside nao: Double, potassiumOutside ko: Double,
                                  potential v: Double, thermalVoltage vt: Double) -> Gradient {
        var g = lawGradient(sodiumInside: na, sodiumOutside: nao, potassiumOutside: ko, potential: v, thermalVoltage: vt)
        if let f = nucleotides?.factor {
            g.sodiumInside *= f; g.sodiumOutside *= f; g.potassiumOutside *= f; g.potential *= f
        }
        return g
    }

    /// The gradient of the kinetic law alone.
    func lawGradient(sodiumInside na: Double, sodiumOutside nao: Double, potassiumOutside ko: Double,
                     potential v: Double, thermalVoltage vt: Double) -> Gradient {
        var g = Gradient()
        switch kinetics {
        case .constant:
            break
        case .cubicSodium:
            let u = na / nao
            let j = maximalRate * u * u * u
            g.sodiumInside = 3 * j / na
            g.sodiumOutside = -3 * j / nao
        case .luoRudy1994(let voltageDependent):
            let ratio = Double.pow(10 / na, 1.5)
            let naTerm = 1 / (1 + ratio)
            let kTerm = ko / (ko + 1.5)
            var f = 1.0, dfdV = 0.0, dfdNao = 0.0
            if voltageDependent {
                let eNao = Double.exp(nao / 67.3)
                let sigma = (eNao - 1) / 7
                let u = v / vt
                let slow = 0.1245 * Double.exp(-0.1 * u), fast = 0.0365 * Double.exp(-u)
                f = 1 / (1 + slow + fast * sigma)
                dfdV = f * f * (0.1 * slow + fast * sigma) / vt
                dfdNao = -f * f * fast * eNao / (7 * 67.3)
            }
            let dNaTerm = naTerm * naTerm * 1.5 * ratio / na
            let dKTerm = 1.5 / ((ko + 1.5) * (ko + 1.5))
            g.sodiumInside = maximalRate * f * dNaTerm * kTerm
            g.potassiumOutside = maximalRate * f * naTerm * dKTerm
            g.potential = maximalRate * dfdV * naTerm * kTerm
            g.sodiumOutside = maximalRate * dfdNao * naTerm * kTerm
        case .wei2014:
            let eNa = Double.exp((25 - na) / 3), eK = Double.exp(3.5 - ko)
            let naTerm = 1 / (1 + eNa), kTerm = 1 / (1 + eK)
            g.sodiumInside = maximalRate * (naTerm * naTerm * eNa / 3) * kTerm
            g.potassiumOutside = maximalRate * naTerm * (kTerm * kTerm * eK)
        }
        return g
    }
}
