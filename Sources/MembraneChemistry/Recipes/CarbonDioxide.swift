import MembraneUnits
import RealModule

/// The CO₂/HCO₃⁻ equilibrium of a bicarbonate saline gassed with a CO₂ mixture (carbogen: 95 % O₂, 5 % CO₂).
///
///     CO₂(aq) + H₂O ⇌ H⁺ + HCO₃⁻        K₁ = a_H · γ_HCO₃·[HCO₃⁻] / [CO₂(aq)]
///     [CO₂(aq)] = K_H · p_CO₂,           p_CO₂ = f_CO₂ · (P − p_H₂O(T))
///
/// so at a given pH the bicarbonate in equilibrium with the gas is [HCO₃⁻] = K₁·K_H·p_CO₂ / (10^−pH·γ_HCO₃):
/// the Henderson–Hasselbalch equation pH = pK₁ + log₁₀(γ·[HCO₃⁻]/[CO₂]) (in plasma at 37 °C, pK′ ≈ 6.1 with
/// α = 0.0307 mM/mmHg; e.g. Boron & Boulpaep, *Medical Physiology*, ch. 28).
///
/// - K₁ and K_H(T): L. N. Plummer & E. Busenberg, Geochim. Cosmochim. Acta 46:1011 (1982), Table 2
///   (log K₁ = −356.3094 − 0.06091964 T + 21834.37/T + 126.8339 log T − 1684915/T², pK₁ = 6.352 at 25 °C as
///   Harned & Davis 1943 measured; log K_H = 108.3865 + 0.01985076 T − 6919.53/T − 40.45154 log T + 669365/T²
///   in mol·kg⁻¹·atm⁻¹, −1.468 at 25 °C), valid 0–250 °C and 0–80 °C.
/// - p_H₂O(T): the gas bubbled through the saline is saturated with water vapour; Buck's equation
///   p = 0.61121·exp((18.678 − t/234.5)·t/(257.14 + t)) kPa (A. L. Buck, J. Appl. Meteorol. 20:1527, 1981,
///   as revised 1996), 6.28 kPa at 37 °C.
/// - γ_HCO₃ is Davies', as for the other constants of a recipe; CO₂(aq) is taken as ideal and its salting out
///   (about 3 % at I = 0.15) is neglected.
public struct CarbonDioxide: Sendable, Hashable {
    /// Fraction of CO₂ in the dry gas (0.05 for carbogen).
    public var fraction: Double
    /// Total gas pressure, atm (1 atm at sea level).
    public var pressureAtm: Double

    /// A gas of CO₂ fraction `fraction` (5 % by default: carbogen) at total pressure `pressureAtm` (1 atm).
    public init(fraction: Double = 0.05, pressureAtm: Double = 1) {
        self.fraction = fraction
        self.pressureAtm = pressureAtm
    }

    /// Carbogen at 1 atm.
    public static let carbogen = CarbonDioxide()

    /// pK₁ of CO₂(aq) at I = 0 (Plummer & Busenberg 1982).
    public static func pK1(_ t: Temperature) -> Double {
        let T = t.kelvin
        return -(-356.3094 - 0.06091964 * T + 21834.37 / T + 126.8339 * Double.log10(T) - 1684915 / (T * T))
    }

    /// Henry's constant of CO₂, mol·kg⁻¹·atm⁻¹ (Plummer & Busenberg 1982).
    public static func henry(_ t: Temperature) -> Double {
        let T = t.kelvin
        return Double.pow(10, 108.3865 + 0.01985076 * T - 6919.53 / T - 40.45154 * Double.log10(T) + 669365 / (T * T))
    }

    /// Saturation vapour pressure of water, atm (Buck 1981/1996).
    public static func waterVapourAtm(_ t: Temperature) -> Double {
        let c = t.celsius
        return 0.61121 * Double.exp((18.678 - c / 234.5) * (c / (257.14 + c))) / 101.325
    }

    /// Partial pressure of CO₂ over the saline, atm.
    public func partialPressure(_ t: Temperature) -> Double {
        fraction * max(pressureAtm - Self.waterVapourAtm(t), 0)
    }

    /// Dissolved CO₂, mol/L (K_H·p_CO₂, molal taken as molar: ρ_w within 1 %).
    public func dissolved(_ t: Temperature) -> Double {
        Self.henry(t) * partialPressure(t)
    }

    /// [HCO₃⁻] (mol/L) in equilibrium with this gas at `pH` (activity scale) and bicarbonate activity coefficient `gamma`.
    public func bicarbonate(pH: Double, gamma: Double, temperature t: Temperature) -> Double {
        dissolved(t) * Double.pow(10, pH - Self.pK1(t)) / gamma
    }

    /// The fraction of CO₂ in the dry gas that holds `bicarbonate` (mol/L) at `pH`: the inverse of ``bicarbonate(pH:gamma:temperature:)``.
    public static func fraction(holding bicarbonate: Double, pH: Double, gamma: Double, temperature t: Temperature,
                                pressureAtm: Double = 1) -> Double {
        let co2 = bicarbonate * gamma * Double.pow(10, pK1(t) - pH)
        return co2 / henry(t) / max(pressureAtm - waterVapourAtm(t), 1e-12)
    }
}
