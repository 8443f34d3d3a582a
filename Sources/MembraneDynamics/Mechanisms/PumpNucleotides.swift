import MembraneUnits
import MembranePhysics

/// The ATP and ADP at the Na/K-ATPase's cytoplasmic face and how they set its rate: the substrate term of
/// Cortassa et al. 2006 (Biophys. J. 91:1564, the I_NaK of their excitation–contraction–mitochondrial-energetics
/// model; also Zhou et al. 2009, Biophys. J. 97:1843), ATP binding with competitive inhibition by ADP:
///
///     f_ATP = [ATP] / ([ATP] + K_m,ATP·(1 + [ADP]/K_i,ADP)),    K_m,ATP = 8 µM,  K_i,ADP = 0.1 mM
///
/// The cycle flux of every kinetic law is multiplied by f_ATP (``NaKPump/cycleFlux(sodiumInside:sodiumOutside:potassiumOutside:potential:thermalVoltage:)``).
/// At cytoplasmic ATP (mM) the pump is saturated (f ≈ 1); f falls with severe depletion, half-maximal at
/// [ATP] = K_m,ATP·(1 + [ADP]/K_i,ADP). This is the kinetic effect of the nucleotides only: the thermodynamic limit,
/// where the free energy of ATP hydrolysis no longer pays for moving 3 Na⁺ out and 2 K⁺ in, is reported by the
/// energy budget (``PumpEnergyBudget``: stall voltage, `beyondStall`) from ΔG_ATP, not imposed on the rate.
public struct PumpNucleotides: Sendable, Hashable {
    /// [ATP] at the pump (cytoplasmic).
    public var atp: Concentration
    /// [ADP] at the pump (cytoplasmic), a competitive inhibitor.
    public var adp: Concentration
    /// K_m,ATP (Cortassa et al. 2006: 8 µM).
    public var halfSaturationATP: Concentration
    /// K_i,ADP (Cortassa et al. 2006: 0.1 mM).
    public var inhibitionADP: Concentration

    /// K_m,ATP = 8 µM (Cortassa et al. 2006).
    public static let cortassaHalfSaturationATP = Concentration.millimolar(0.008)
    /// K_i,ADP = 0.1 mM (Cortassa et al. 2006).
    public static let cortassaInhibitionADP = Concentration.millimolar(0.1)

    /// The nucleotides at the pump, with Cortassa et al. 2006's K_m,ATP and K_i,ADP by default.
    public init(atp: Concentration, adp: Concentration = .zero,
                halfSaturationATP: Concentration = PumpNucleotides.cortassaHalfSaturationATP,
                inhibitionADP: Concentration = PumpNucleotides.cortassaInhibitionADP) {
        self.atp = atp
        self.adp = adp
        self.halfSaturationATP = halfSaturationATP
        self.inhibitionADP = inhibitionADP
    }

    /// f_ATP ∈ [0, 1).
    public var factor: Double {
        let a = atp.millimolar
        return a / (a + halfSaturationATP.millimolar * (1 + adp.millimolar / inhibitionADP.millimolar))
    }

    /// Checks that the concentrations are ≥ 0 and the constants > 0.
    func validate() throws {
        try MembraneError.requireNonNegative(atp.millimolar, field: "pump.atp_mM", allowed: "an ATP concentration ≥ 0 mM")
        try MembraneError.requireNonNegative(adp.millimolar, field: "pump.adp_mM", allowed: "an ADP concentration ≥ 0 mM")
        try MembraneError.requirePositive(halfSaturationATP.millimolar, field: "pump.atp_half_saturation_uM",
                                          allowed: "a half-saturation constant > 0 (Cortassa et al. 2006: 8 µM)")
        try MembraneError.requirePositive(inhibitionADP.millimolar, field: "pump.adp_inhibition_mM",
                                          allowed: "an inhibition constant > 0 (Cortassa et al. 2006: 0.1 mM)")
    }
}

extension Scenario {
    /// Sets ΔG_ATP of the energy budget from the pump's ATP and ADP (``NaKPump/nucleotides``) and inorganic
    /// phosphate: ΔG = ΔG′° + R·T·ln([ADP][Pi]/[ATP]) with ΔG′° = −30.5 kJ/mol
    /// (``ATPHydrolysis/standardTransformedFreeEnergy``). `field` names the input in errors.
    public mutating func setATPFreeEnergy(phosphate: Concentration, field: String) throws {
        guard let n = pump?.nucleotides, n.adp.millimolar > 0 else {
            throw MembraneError.invalidValue(field: field, value: "\(phosphate.millimolar)",
                                             allowed: "a phosphate concentration together with the pump's ATP and ADP > 0 (ΔG_ATP needs all three)")
        }
        atp = try ATPHydrolysis.fromConcentrations(standard: ATPHydrolysis.standardTransformedFreeEnergy, atp: n.atp, adp: n.adp,
                                                   phosphate: phosphate, conditions: conditions)
    }
}
