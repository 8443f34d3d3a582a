import MembraneUnits
import MembranePhysics
import RealModule

/// The plasma-membrane H⁺-ATPase of plants and fungi (P-type, AHA/PMA family) as the two-state "class-I" carrier of
/// Hansen, Gradmann, Sanders & Slayman (1981, J. Membr. Biol. 63:165): one voltage-dependent step that carries the
/// n H⁺ of a cycle across the field, and one lumped voltage-independent step (ATP binding and hydrolysis, H⁺ binding
/// inside and release outside).
///
/// With u = n·F·V/RT and a symmetric Eyring barrier for the charge step, the rates are
///
///     k_out = k⁰_out·e^{u/2},   k_in = k⁰_in·e^{−u/2},   κ_f (forward),   κ_b (backward),
///
/// and the steady cycling rate of the two-state cycle is (k_out·κ_f − k_in·κ_b)/(k_out + k_in + κ_f + κ_b).
/// Detailed balance ties the four: k_out·κ_f/(k_in·κ_b) = e^{−ΔG_cycle/RT} with
///
///     ΔG_cycle = ΔG_ATP − n·F·(V − E_H)      (ATP → ADP + Pi and n H⁺ moved from cytosol to apoplast)
///
/// so κ_b = κ_f·(k⁰_out/k⁰_in)·e^{(ΔG_ATP + n·F·E_H)/RT}. Writing a = k⁰_out/κ_f, b = k⁰_in/κ_f and
/// I_sat = n·F·N·κ_f (the current at large positive V, where the pump saturates), the outward current density is
///
///     I = I_sat · a·(e^{u/2} − e^{−u/2}·B) / (a·e^{u/2} + b·e^{−u/2} + 1 + (a/b)·B),   B = e^{(ΔG_ATP + n·F·E_H)/RT}
///
/// It vanishes at the stall (reversal) potential V_stall = E_H − |ΔG_ATP|/(n·F), where ΔG_cycle = 0, is outward
/// above it and inward (ATP synthesis) below it. The pump's I–V is sigmoid, saturating at positive V, as measured for
/// Neurospora (Gradmann, Hansen, Long, Slayman & Warncke 1978, J. Membr. Biol. 39:333) and Chara (Blatt, Beilby &
/// Tester 1990, J. Membr. Biol. 114:205), both of which place the pump's reversal potential near −400 mV.
public struct PlasmaMembraneHATPase: Sendable, Hashable {
    /// I_sat = n·F·N·κ_f, the outward current density at saturating (positive) V_m.
    public var saturationCurrent: CurrentDensity
    /// n, H⁺ moved out per ATP hydrolysed (1 for the P-type H⁺-ATPase: Palmgren 2001, Annu. Rev. Plant Physiol. Plant
    /// Mol. Biol. 52:817).
    public var protonsPerATP: Int
    /// a = k⁰_out/κ_f: the outward charge step at 0 mV relative to the lumped forward step.
    public var forwardTranslocation: Double
    /// b = k⁰_in/κ_f: the inward (reverse) charge step at 0 mV relative to the lumped forward step.
    public var reverseTranslocation: Double

    /// A pump with the given saturating current, stoichiometry and relative rate constants of its charge step.
    public init(saturationCurrent: CurrentDensity, protonsPerATP: Int = 1, forwardTranslocation: Double = 10,
                reverseTranslocation: Double = 0.01) {
        self.saturationCurrent = saturationCurrent
        self.protonsPerATP = protonsPerATP
        self.forwardTranslocation = forwardTranslocation
        self.reverseTranslocation = reverseTranslocation
    }

    /// An illustrative plant-root pump (order of magnitude, not a fit): I_sat = 1 µA/cm² (0.01 A/m²), n = 1, a = 10,
    /// b = 0.01. With ΔG_ATP = −50 kJ/mol and pH 7.3 | 5.5 it reverses near −410 mV, gives 57 % of I_sat at −100 mV and
    /// 91 % at 0 mV: a sigmoid like the Neurospora and Chara pump I–V curves (Gradmann et al. 1978; Blatt et al. 1990).
    /// I_sat was chosen with the H⁺ leak (``PlantLeaks/plantRoot``) to put the Arabidopsis-root cell in the published
    /// V_m range; measured pump currents differ between species and states by more than an order of magnitude.
    public static let plantRoot = PlasmaMembraneHATPase(saturationCurrent: .microamperesPerSquareCentimetre(1))

    /// Checks the parameters; `fields` name them in errors.
    public func validate(fields: (current: String, protons: String) = ("pump-max-uA-per-cm2", "protons-per-atp")) throws {
        try MembraneError.requireNonNegative(saturationCurrent.amperesPerSquareMetre, field: fields.current, scale: 100,
                                             allowed: "a saturating pump current ≥ 0 µA/cm² (0 switches the pump off)")
        guard (1...4).contains(protonsPerATP) else {
            throw MembraneError.invalidValue(field: fields.protons, value: "\(protonsPerATP)",
                                             allowed: "an integer from 1 to 4 (plant H⁺-ATPase: 1)")
        }
        try MembraneError.requirePositive(forwardTranslocation, field: "pump-forward-translocation", allowed: "a rate ratio > 0")
        try MembraneError.requirePositive(reverseTranslocation, field: "pump-reverse-translocation", allowed: "a rate ratio > 0")
    }

    /// ΔG_cycle = ΔG_ATP − n·F·(V − E_H) per mole of cycles (< 0: the pump runs forward).
    public func cycleFreeEnergy(at v: Voltage, protonPotential eH: Voltage, atp: ATPHydrolysis, conditions: Conditions) -> MolarEnergy {
        MolarEnergy(joulesPerMole: atp.deltaG.joulesPerMole - Double(protonsPerATP) * conditions.faraday * (v.volts - eH.volts))
    }

    /// V_stall = E_H − |ΔG_ATP|/(n·F), where ΔG_cycle = 0 and the pump current reverses.
    public func stallPotential(protonPotential eH: Voltage, atp: ATPHydrolysis, conditions: Conditions) -> Voltage {
        .volts(eH.volts - abs(atp.deltaG.joulesPerMole) / (Double(protonsPerATP) * conditions.faraday))
    }

    /// The steady cycling rate over κ_f, I/I_sat (dimensionless, < 1; negative below the stall potential).
    public func turnoverFraction(at v: Voltage, protonPotential eH: Voltage, atp: ATPHydrolysis, conditions: Conditions) -> Double {
        let n = Double(protonsPerATP), a = forwardTranslocation, b = reverseTranslocation
        let u = n * v.volts / conditions.thermalVoltage
        let lnB = (atp.deltaG.joulesPerMole + n * conditions.faraday * eH.volts) / conditions.rt
        let up = Double.exp(u / 2), down = Double.exp(-u / 2), bb = Double.exp(lnB)
        // e^{u/2} − e^{−u/2}·B = e^{u/2}·(1 − e^{lnB − u}) = −e^{u/2}·expm1(lnB − u): exact near the stall.
        let numerator = -a * up * Double.expMinusOne(lnB - u)
        return numerator / (a * up + b * down + 1 + (a / b) * bb)
    }

    /// The pump's outward current density at V_m = `v`.
    public func current(at v: Voltage, protonPotential eH: Voltage, atp: ATPHydrolysis, conditions: Conditions) -> CurrentDensity {
        .amperesPerSquareMetre(saturationCurrent.amperesPerSquareMetre
                               * turnoverFraction(at: v, protonPotential: eH, atp: atp, conditions: conditions))
    }
}
