import MembraneUnits
import RealModule

/// The free energy of ATP hydrolysis that drives a pump, ΔG_ATP (negative: energy released).
///
/// Either a cellular value taken from the literature or computed from metabolite concentrations as
/// ΔG = ΔG°′ + R·T·ln([ADP][Pi]/[ATP]) with concentrations relative to 1 M (Alberty, *Thermodynamics of
/// Biochemical Reactions*, 2003, ch. 4; eQuilibrator's worked example gives ΔG′ ≈ −44 kJ/mol at 1 mM of
/// each with ΔG′° ≈ −26 kJ/mol, https://equilibrator.weizmann.ac.il, "Energy currency and ATP hydrolysis").
public struct ATPHydrolysis: Sendable, Hashable {
    /// ΔG_ATP (< 0).
    public var deltaG: MolarEnergy
    /// Where the value comes from.
    public var source: String

    /// A ΔG_ATP (negative) with its source.
    public init(deltaG: MolarEnergy, source: String) {
        self.deltaG = deltaG
        self.source = source
    }

    /// −50 kJ/mol, the usual figure for the cytoplasm: Garrett & Grisham, *Biochemistry* (≈ 50 kJ/mol "under cellular conditions");
    /// Milo & Phillips, *Cell Biology by the Numbers* (2016), "How much energy is released in ATP
    /// hydrolysis?" (≈ 20 k_BT per molecule). Measured cellular values span about −45 to −60 kJ/mol.
    public static let cellular = ATPHydrolysis(
        deltaG: .kilojoulesPerMole(-50),
        source: "−50 kJ/mol, the usual cytoplasmic value (Garrett & Grisham, Biochemistry; Milo & Phillips, Cell Biology by the Numbers 2016); cellular range −45 to −60 kJ/mol")

    /// ΔG′° = −30.5 kJ/mol, the standard transformed free energy of ATP → ADP + Pi at pH 7, 25 °C (Nelson & Cox,
    /// *Lehninger Principles of Biochemistry*, Table 13-4; it shifts by a few kJ/mol with Mg²⁺ and ionic strength:
    /// eQuilibrator gives ≈ −26 kJ/mol at I = 0.25 M, pMg 3, pH 7.5).
    public static let standardTransformedFreeEnergy = MolarEnergy.kilojoulesPerMole(-30.5)

    /// ΔG = ΔG°′ + RT·ln([ADP][Pi]/[ATP]), concentrations in mM converted to the 1 M standard state;
    /// `fields` name the inputs in errors.
    public static func fromConcentrations(standard: MolarEnergy, atp: Concentration, adp: Concentration, phosphate: Concentration,
                                          conditions: Conditions,
                                          fields: (atp: String, adp: String, phosphate: String) = ("atp", "adp", "phosphate")) throws -> ATPHydrolysis {
        for (name, c) in [(fields.atp, atp), (fields.adp, adp), (fields.phosphate, phosphate)] {
            try MembraneError.requirePositive(c.millimolar, field: name, allowed: "a concentration > 0 mM")
        }
        let q = adp.molar * phosphate.molar / atp.molar
        let g = standard.joulesPerMole + conditions.rt * Double.log(q)
        return ATPHydrolysis(deltaG: MolarEnergy(joulesPerMole: g),
                             source: "ΔG°′ + RT ln([ADP][Pi]/[ATP]) with ΔG°′ = \(standard.kilojoulesPerMole) kJ/mol")
    }
}

/// The electrochemical work of one Na⁺/K⁺-ATPase cycle: 3 Na⁺ moved out, 2 K⁺ moved in.
///
///     W = 3·R·T·ln(Na_out/Na_in) + 2·R·T·ln(K_in/K_out) − F·V_m        (J per mole of cycles)
///
/// Each Na⁺ moved out gains RT·ln(Na_out/Na_in) − F·V_m, each K⁺ moved in RT·ln(K_in/K_out) + F·V_m;
/// the net charge of one cycle (+1 out) makes the electrical term −F·V_m (Hille 2001, ch. 15; Nelson,
/// *Biological Physics* 2004 §11.2.2). The pump can run forward only while W < |ΔG_ATP|; it stalls at
/// W = |ΔG_ATP| (the thermodynamic limit), i.e. at V_m = V_stall below.
public struct PumpCycleWork: Sendable, Hashable {
    /// 3·RT·ln(Na_out/Na_in), J/mol.
    public var sodium: MolarEnergy
    /// 2·RT·ln(K_in/K_out), J/mol.
    public var potassium: MolarEnergy
    /// −F·V_m, J/mol.
    public var electrical: MolarEnergy
    /// The temperature and constant set of RT and F.
    public var conditions: Conditions

    /// W_cycle = 3·RT·ln(Na_out/Na_in) + 2·RT·ln(K_in/K_out) − F·V_m, J/mol of cycles.
    public var total: MolarEnergy { sodium + potassium + electrical }

    /// The work per cycle at the given concentrations (mM) and V_m.
    public static func naKATPase(sodiumInside: Concentration, sodiumOutside: Concentration,
                                 potassiumInside: Concentration, potassiumOutside: Concentration,
                                 vm: Voltage, conditions: Conditions) throws -> PumpCycleWork {
        for (name, c) in [("Na inside", sodiumInside), ("Na outside", sodiumOutside),
                          ("K inside", potassiumInside), ("K outside", potassiumOutside)] {
            try MembraneError.requirePositive(c.millimolar, field: name, allowed: "a concentration > 0 mM")
        }
        try MembraneError.requireFinite(vm.volts, field: "vm")
        let rt = conditions.rt
        return PumpCycleWork(
            sodium: MolarEnergy(joulesPerMole: 3 * rt * Double.log(sodiumOutside.millimolar / sodiumInside.millimolar)),
            potassium: MolarEnergy(joulesPerMole: 2 * rt * Double.log(potassiumInside.millimolar / potassiumOutside.millimolar)),
            electrical: MolarEnergy(joulesPerMole: -conditions.faraday * vm.volts),
            conditions: conditions)
    }

    /// Thermodynamic efficiency W/|ΔG_ATP|.
    public func efficiency(_ atp: ATPHydrolysis) -> Double { total.joulesPerMole / abs(atp.deltaG.joulesPerMole) }

    /// The membrane potential at which W = |ΔG_ATP| at these concentrations: the pump can run forward only
    /// for V_m > V_stall (a more negative V_m raises the −F·V_m cost).
    public func stallVoltage(_ atp: ATPHydrolysis) -> Voltage {
        // W(V) = chem − F·V ⇒ V_stall = (chem − |ΔG|)/F.
        let chemical = sodium.joulesPerMole + potassium.joulesPerMole
        return .volts((chemical - abs(atp.deltaG.joulesPerMole)) / conditions.faraday)
    }
}
