import MembraneUnits
import RealModule

/// The activity coefficient of one species in a solution.
public struct IonActivity: Sendable, Hashable {
    /// The species.
    public var ion: Ion
    /// Concentration as given, mM.
    public var concentration: Concentration
    /// Molality, mol/kg water (c/ρ_w, see ``IonicComposition``).
    public var molality: Double
    /// Single-ion activity coefficient on the molal scale (as every model defines it).
    public var gamma: Double
    /// How γ was obtained for this species when it differs from the model asked for
    /// (e.g. "davies (no Kielland å for gluconate)"); nil when the model applied as such.
    public var fallback: String?

    /// Activity a = γ·c in mM: the model's γ applied to the molar concentration (the convention of
    /// physiology, where E = (RT/zF) ln(a_out/a_in)); the molal→molar scale factor m·ρ_w/c is 1 under
    /// the c/ρ_w molality approximation.
    public var activity: Concentration { gamma * concentration }
}

/// Activity coefficients of every species of a solution under one model.
public struct ActivityResult: Sendable {
    /// The model applied.
    public var model: ActivityModel
    /// The temperature.
    public var temperature: Temperature
    /// A, B and A_φ at that temperature.
    public var debyeHuckel: DebyeHuckelParameters
    /// One entry per species, in the solution's order.
    public var ions: [IonActivity]
    /// Molar ionic strength, mol/L.
    public var ionicStrengthMolar: Double
    /// Molal ionic strength, mol/kg water (the models' variable).
    public var ionicStrengthMolal: Double
    /// Σ z c in mM.
    public var chargeImbalance: Double
    /// The osmotic coefficient: Pitzer's, 1 for `ideal`, Gibbs–Duhem-consistent for the Debye–Hückel family.
    public var osmoticCoefficient: Double?
    /// Validity, fallback and balance warnings, each naming its limit or reason.
    public var warnings: [String]

    /// The activity coefficient of the species called `name`, or nil.
    public func gamma(of name: String) -> Double? { ions.first { $0.ion.name == name }?.gamma }

    /// Mean activity coefficient of a salt MνM XνX: ln γ± = (νM ln γM + νX ln γX)/(νM + νX).
    public func meanGamma(cation: String, anion: String) -> Double? {
        guard let c = ions.first(where: { $0.ion.name == cation }), let a = ions.first(where: { $0.ion.name == anion }),
              c.ion.charge > 0, a.ion.charge < 0 else { return nil }
        let nuC = Double(-a.ion.charge), nuA = Double(c.ion.charge)
        return Double.exp((nuC * Double.log(c.gamma) + nuA * Double.log(a.gamma)) / (nuC + nuA))
    }
}
