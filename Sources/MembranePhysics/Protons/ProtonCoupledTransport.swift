import MembraneUnits
import RealModule

/// The thermodynamic ceiling on K⁺ accumulation at a given V_m, by a K⁺ channel (uniport) and by H⁺-coupled
/// symport, in plant and fungal cells whose plasma membrane is energized by H⁺ rather than Na⁺.
///
/// Uniport (a channel: AKT1 in roots): K⁺ entry is downhill while ΔG = RT·ln(K_in/K_out) + F·V ≤ 0, so
///
///     K_in/K_out ≤ e^{−F·V/RT}                            (equality at V = E_K)
///
/// n H⁺ : 1 K⁺ symport (HAK5-type high-affinity uptake; 1:1 in Arabidopsis roots, Maathuis & Sanders 1994,
/// PNAS 91:9272): the coupled reaction K⁺_out + n H⁺_out → K⁺_in + n H⁺_in has
/// ΔG = RT·ln(K_in/K_out) + n·RT·ln(H_in/H_out) + (1 + n)·F·V ≤ 0, so with ln(H_in/H_out) = −ln 10·(pH_in − pH_out)
///
///     K_in/K_out ≤ e^{−(1 + n)·F·V/RT} · 10^{n·(pH_in − pH_out)} = e^{−F·V/RT} · e^{−n·F·Δp/RT}
///
/// — the uniport limit times e^{−n·F·Δp/RT}, Δp = V − E_H the H⁺ driving force (Nobel, *Physicochemical
/// and Environmental Plant Physiology*, 4th ed. 2009, ch. 3). Ratios are computed as logarithms.
public struct PotassiumAccumulation: Sendable, Hashable {
    /// V_m (as Δψ, inside the cytosol), the two pH values and the conditions.
    public var pmf: ProtonMotiveForce
    /// n, H⁺ per K⁺ of the symporter.
    public var protonsPerPotassium: Int

    /// The limits at `pmf` for an n H⁺ : 1 K⁺ symporter; throws ``MembraneError`` (field `protons-per-k`) unless 1 ≤ n ≤ 4.
    public init(pmf: ProtonMotiveForce, protonsPerPotassium: Int = 1) throws {
        guard (1...4).contains(protonsPerPotassium) else {
            throw MembraneError.invalidValue(field: "protons-per-k", value: "\(protonsPerPotassium)",
                                             allowed: "an integer from 1 to 4 H⁺ per K⁺ (HAK5-type symport: 1)")
        }
        self.pmf = pmf
        self.protonsPerPotassium = protonsPerPotassium
    }

    var fOverRT: Double { 1 / pmf.conditions.thermalVoltage }
    /// ln of the uniporter's maximal K_in/K_out: −F·V/RT.
    public var uniporterLogRatio: Double { -pmf.deltaPsi.volts * fOverRT }
    /// ln of the symporter's maximal K_in/K_out: −(1 + n)·F·V/RT + n·ln 10·(pH_in − pH_out).
    public var symporterLogRatio: Double {
        let n = Double(protonsPerPotassium)
        return -(1 + n) * pmf.deltaPsi.volts * fOverRT + n * Double.log(10) * pmf.deltaPH
    }
    /// The uniporter's maximal K_in/K_out = e^{−F·V/RT}.
    public var uniporterMaximumRatio: Double { Double.exp(uniporterLogRatio) }
    /// The symporter's maximal K_in/K_out = e^{−F·V/RT}·e^{−n·F·Δp/RT}.
    public var symporterMaximumRatio: Double { Double.exp(symporterLogRatio) }

    /// The lowest outside K⁺ from which each route can still load the cytosol to `inside`.
    public func minimumOutside(forInside inside: Concentration) -> (uniporter: Concentration, symporter: Concentration) {
        (.millimolar(inside.millimolar * Double.exp(-uniporterLogRatio)), .millimolar(inside.millimolar * Double.exp(-symporterLogRatio)))
    }
}

/// What the plasma-membrane H⁺-ATPase (P-type, AHA family; 1 H⁺ per ATP: Palmgren 2001, Annu. Rev. Plant Physiol.
/// Plant Mol. Biol. 52:817) pays and can reach.
///
/// Moving n H⁺ from the cytosol out costs W = −n·F·Δp per cycle (Δp = V − E_H < 0 in an energized cell); the pump
/// runs forward only while W ≤ |ΔG_ATP|, i.e. down to the stall potential
///
///     V_stall = E_H − |ΔG_ATP|/(n·F)
///
/// (the thermodynamic limit of an electrogenic primary pump; Nobel 2009, ch. 3; cf. ``PumpCycleWork`` for the Na/K
/// pump). With |ΔG_ATP| = 50 kJ/mol and n = 1, |ΔG_ATP|/F = 518 mV: plant cells can hyperpolarize far beyond E_K.
public struct ProtonPumpLimit: Sendable, Hashable {
    /// Δp across the plasma membrane, inside the cytosol (Δψ = V_m).
    public var pmf: ProtonMotiveForce
    /// ΔG_ATP available to the pump.
    public var atp: ATPHydrolysis
    /// n: H⁺ moved out per ATP (1 for the plant H⁺-ATPase; Palmgren 2001).
    public var protonsPerATP: Int

    /// The pump at `pmf` with `atp`; throws ``MembraneError`` (field `protons-per-atp`) unless 1 ≤ n ≤ 4.
    public init(pmf: ProtonMotiveForce, atp: ATPHydrolysis, protonsPerATP: Int = 1) throws {
        guard (1...4).contains(protonsPerATP) else {
            throw MembraneError.invalidValue(field: "protons-per-atp", value: "\(protonsPerATP)", allowed: "an integer from 1 to 4 (plant H⁺-ATPase: 1)")
        }
        self.pmf = pmf
        self.atp = atp
        self.protonsPerATP = protonsPerATP
    }

    /// −n·F·Δp in J/mol of cycles.
    public var workPerCycle: MolarEnergy {
        MolarEnergy(joulesPerMole: -Double(protonsPerATP) * pmf.conditions.faraday * pmf.value.volts)
    }
    /// W/|ΔG_ATP|: the fraction of ATP's free energy stored per cycle.
    public var efficiency: Double { workPerCycle.joulesPerMole / abs(atp.deltaG.joulesPerMole) }
    /// V_stall = E_H − |ΔG_ATP|/(n·F): the most negative V_m the pump can drive.
    public var stallPotential: Voltage {
        pmf.protonEquilibriumPotential - .volts(abs(atp.deltaG.joulesPerMole) / (Double(protonsPerATP) * pmf.conditions.faraday))
    }
    /// True when W > |ΔG_ATP|: the pump could not run forward at this V_m.
    public var beyondStall: Bool { workPerCycle.joulesPerMole > abs(atp.deltaG.joulesPerMole) }
}
