import MembraneUnits
import MembraneChemistry
import RealModule

/// Chemical and electrochemical potential, and the Gibbs energy of moving ions across a membrane.
///
///     μ  = μ° + RT·ln a                          (chemical potential)
///     μ̃ = μ° + RT·ln a + zFφ                    (electrochemical potential)
///     ΔG(out → in) = μ̃_in − μ̃_out = RT·ln(a_in/a_out) + zF·V_m
///
/// with V_m = φ_in − φ_out and activities relative to the 1 mol/L standard state.
/// Sources: Hille 2001, ch. 1; Nelson, *Biological Physics* (2004) §11.1. A move is spontaneous when ΔG < 0; ΔG = 0 exactly at V_m = E.
public enum ElectrochemicalPotential {
    /// μ − μ° = RT·ln(a / 1 M), in J/mol.
    public static func chemical(activity: Concentration, conditions: Conditions) -> MolarEnergy {
        MolarEnergy(joulesPerMole: conditions.rt * Double.log(activity.molar))
    }

    /// μ̃ − μ° = RT·ln(a / 1 M) + zFφ, in J/mol.
    public static func electrochemical(activity: Concentration, charge z: Int, potential phi: Voltage,
                                       conditions: Conditions) -> MolarEnergy {
        chemical(activity: activity, conditions: conditions)
            + MolarEnergy(joulesPerMole: Double(z) * conditions.faraday * phi.volts)
    }

    /// The free energy of moving one mole of ions (valence `z`) from outside to inside at `vm`
    /// (|V_m| ≤ 1 V, ``Domain/membranePotentialVolts``).
    public static func transfer(charge z: Int, activityInside: Concentration, activityOutside: Concentration,
                                vm: Voltage, conditions: Conditions) throws -> TransferEnergy {
        try MembraneError.requirePositive(activityInside.millimolar, field: "inside",
                                          allowed: "a concentration > 0 (ΔG of moving an ion to or from a side where it is absent is infinite)")
        try MembraneError.requirePositive(activityOutside.millimolar, field: "outside",
                                          allowed: "a concentration > 0 (ΔG of moving an ion to or from a side where it is absent is infinite)")
        try MembraneError.requireMembranePotential(vm, field: "vm")
        let chemical = conditions.rt * Nernst.logRatio(activityInside.millimolar, activityOutside.millimolar)
        let electrical = Double(z) * conditions.faraday * vm.volts
        return TransferEnergy(chemical: MolarEnergy(joulesPerMole: chemical),
                              electrical: MolarEnergy(joulesPerMole: electrical),
                              conditions: conditions)
    }
}

/// ΔG of moving one mole of an ion from outside to inside, split into its two work terms.
public struct TransferEnergy: Sendable, Hashable {
    /// RT·ln(a_in/a_out): the work against (or with) the activity gradient.
    public var chemical: MolarEnergy
    /// zF·V_m: the work of carrying the charge across the membrane potential.
    public var electrical: MolarEnergy
    /// The temperature and constant set of RT and F.
    public var conditions: Conditions

    /// ΔG = chemical + electrical, in J/mol.
    public var total: MolarEnergy { chemical + electrical }

    /// ΔG for one ion, in joules (ΔG / N_A).
    public var perIonJoules: Double { total.joulesPerMole / conditions.constants.avogadro }

    /// ΔG for one ion in units of k_B·T.
    public var perIonKT: Double { total.joulesPerMole / conditions.rt }

    /// Which move, if any, is spontaneous.
    public var spontaneousDirection: FluxDirection {
        total.joulesPerMole < 0 ? .influx : (total.joulesPerMole > 0 ? .efflux : .none)
    }
}
