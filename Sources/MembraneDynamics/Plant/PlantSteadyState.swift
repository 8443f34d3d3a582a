import MembraneUnits
import MembranePhysics
import RealModule

/// The pump–leak steady state of a ``PlantPumpLeakCell`` (``PlantSteadyStateSolver``): V_m, the cytosolic K⁺ and Cl⁻,
/// every flux and current at that point, the K⁺ accumulation against its thermodynamic bounds and the wall's turgor.
///
/// Fluxes are effluxes (positive out of the cytosol) and currents outward-positive, as in ``GHKCurrent``, except
/// ``symportInflux``, which counts K⁺ into the cytosol.
public struct PlantSteadyState: Sendable {
    /// The cell solved.
    public var cell: PlantPumpLeakCell
    /// V_m.
    public var vm: Voltage
    /// K⁺ in the cytosol.
    public var potassiumInside: Concentration
    /// Cl⁻ in the cytosol.
    public var chlorideInside: Concentration
    /// The pump's outward current density.
    public var pumpCurrent: CurrentDensity
    /// The K⁺/H⁺ symporter's K⁺ influx (each turnover also brings n H⁺ in).
    public var symportInflux: MolarFlux
    /// The Cl⁻/2 H⁺ symporter's Cl⁻ influx (zero without one).
    public var chlorideSymportInflux: MolarFlux
    /// GHK currents of the leaks (outward positive).
    public var potassiumLeakCurrent: CurrentDensity
    /// The Cl⁻ leak current (outward positive: Cl⁻ entering).
    public var chlorideLeakCurrent: CurrentDensity
    /// The H⁺ leak current (outward positive).
    public var protonLeakCurrent: CurrentDensity
    /// Outer (V_m) iterations of the nested Brent solve.
    public var iterations: Int

    var thermalVoltage: Double { cell.conditions.thermalVoltage }
    var faraday: Double { cell.conditions.faraday }
    var n: Double { Double(cell.symporter.protonsPerSubstrate) }

    /// E_H = (ln 10·RT/F)·(pH_in − pH_out).
    public var protonPotential: Voltage { cell.protonPotential }
    /// E_K = (RT/F)·ln(K_out/K_in).
    public var potassiumPotential: Voltage { .volts(thermalVoltage * Double.log(cell.potassiumOutside.millimolar / potassiumInside.millimolar)) }
    /// E_Cl = −(RT/F)·ln(Cl_out/Cl_in) (nil without Cl⁻).
    public var chloridePotential: Voltage? {
        guard cell.chlorideOutside.millimolar > 0, chlorideInside.millimolar > 0 else { return nil }
        return .volts(-thermalVoltage * Double.log(cell.chlorideOutside.millimolar / chlorideInside.millimolar))
    }
    /// The pump's stall potential E_H − |ΔG_ATP|/(n·F).
    public var stallPotential: Voltage { cell.pump.stallPotential(protonPotential: protonPotential, atp: cell.atp, conditions: cell.conditions) }
    /// ATP hydrolysed by the pump per area and time: I_pump/(n_ATP·F).
    public var atpUse: MolarFlux {
        .molesPerSquareMetreSecond(pumpCurrent.amperesPerSquareMetre / (Double(cell.pump.protonsPerATP) * faraday))
    }
    /// The symporter's current (outward positive): −(1 + n)·F·J_sym.
    public var symportCurrent: CurrentDensity { .amperesPerSquareMetre(-(1 + n) * faraday * symportInflux.molesPerSquareMetreSecond) }
    /// The Cl⁻/2 H⁺ symporter's current (outward positive): −(n − 1)·F·J_Cl,sym.
    public var chlorideSymportCurrent: CurrentDensity {
        cell.chlorideSymporter?.current(influx: chlorideSymportInflux, conditions: cell.conditions) ?? .amperesPerSquareMetre(0)
    }
    var chlorideProtons: Double { Double(cell.chlorideSymporter?.protonsPerSubstrate ?? 0) }
    /// Net K⁺ efflux: leak − symport (zero at the steady state).
    public var netPotassiumEfflux: MolarFlux {
        .molesPerSquareMetreSecond(potassiumLeakCurrent.amperesPerSquareMetre / faraday - symportInflux.molesPerSquareMetreSecond)
    }
    /// Net Cl⁻ efflux: leak − symport (zero at the steady state).
    public var netChlorideEfflux: MolarFlux {
        .molesPerSquareMetreSecond(-chlorideLeakCurrent.amperesPerSquareMetre / faraday - chlorideSymportInflux.molesPerSquareMetreSecond)
    }
    /// Net H⁺ efflux: pump + leak − the symporters' H⁺ (zero at the steady state: the pump's H⁺ all return).
    public var netProtonEfflux: MolarFlux {
        .molesPerSquareMetreSecond(pumpCurrent.amperesPerSquareMetre / faraday + protonLeakCurrent.amperesPerSquareMetre / faraday
                                   - n * symportInflux.molesPerSquareMetreSecond
                                   - chlorideProtons * chlorideSymportInflux.molesPerSquareMetreSecond)
    }
    /// The net membrane current, the sum of every current (zero at the steady state).
    public var netCurrent: CurrentDensity {
        .amperesPerSquareMetre(pumpCurrent.amperesPerSquareMetre + symportCurrent.amperesPerSquareMetre
                               + chlorideSymportCurrent.amperesPerSquareMetre + potassiumLeakCurrent.amperesPerSquareMetre + chlorideLeakCurrent.amperesPerSquareMetre
                               + protonLeakCurrent.amperesPerSquareMetre)
    }
    /// The charge density (mM, signed) of impermeant solutes that keeps the cytosol electroneutral:
    /// X = −(K_in − Cl_in). Negative: organic anions (malate…, made by the biochemical pH-stat as K⁺ is taken up:
    /// Raven & Smith 1976, New Phytol. 76:415). Free H⁺ (10⁻⁴ mM) is buffered and not counted.
    public var impermeantCharge: Double { chlorideInside.millimolar - potassiumInside.millimolar }
    /// ln(K_in/K_out).
    public var potassiumLogRatio: Double { Double.log(potassiumInside.millimolar / cell.potassiumOutside.millimolar) }
    /// ln of the largest K_in/K_out a channel allows at this V_m: −F·V/RT.
    public var uniporterLogBound: Double { -vm.volts / thermalVoltage }
    /// ln of the largest K_in/K_out the n H⁺ : 1 K⁺ symporter allows: −(1 + n)·F·V/RT + n·ln 10·(pH_in − pH_out).
    public var symporterLogBound: Double {
        -(1 + n) * vm.volts / thermalVoltage + n * Double.log(10) * (cell.pHCytosol - cell.pHApoplast)
    }
    /// ln(Cl_in/Cl_out) (nil without Cl⁻ outside).
    public var chlorideLogRatio: Double? {
        cell.chlorideOutside.millimolar > 0 ? Double.log(chlorideInside.millimolar / cell.chlorideOutside.millimolar) : nil
    }
    /// ln of the largest Cl_in/Cl_out the Cl⁻/2 H⁺ symporter allows at this V_m (nil without one):
    /// n·ln 10·(pH_in − pH_out) − (n − 1)·F·V/RT. The leak alone holds Cl_in/Cl_out = e^{F·V/RT}.
    public var chlorideSymporterLogBound: Double? {
        cell.chlorideSymporter?.logRatioBound(pHInside: cell.pHCytosol, pHOutside: cell.pHApoplast, at: vm, conditions: cell.conditions)
    }
    /// The GHK potential of the leaks alone (K⁺, Cl⁻, H⁺) at the steady concentrations:
    /// (RT/F)·ln((P_K·K_o + P_H·H_o + P_Cl·Cl_i)/(P_K·K_i + P_H·H_i + P_Cl·Cl_o)) (Hille 2001 eq. 14-5).
    public var leakPotential: Voltage {
        let l = cell.leaks
        let hIn = Double.pow(10, -cell.pHCytosol) * 1e3, hOut = Double.pow(10, -cell.pHApoplast) * 1e3
        let num = l.potassium.metresPerSecond * cell.potassiumOutside.millimolar + l.proton.metresPerSecond * hOut
            + l.chloride.metresPerSecond * chlorideInside.millimolar
        let den = l.potassium.metresPerSecond * potassiumInside.millimolar + l.proton.metresPerSecond * hIn
            + l.chloride.metresPerSecond * cell.chlorideOutside.millimolar
        return .volts(thermalVoltage * Double.log(num / den))
    }
    /// The osmolarity (mOsm/L, ideal) of the cytosol's ions: K⁺ + Cl⁻ + |X| (the impermeant ions taken monovalent).
    public var ionOsmolarity: Double { potassiumInside.millimolar + chlorideInside.millimolar + abs(impermeantCharge) }
    /// The bath's osmolarity (K⁺ + Cl⁻; free H⁺ not counted).
    public var outsideOsmolarity: Double { cell.potassiumOutside.millimolar + cell.chlorideOutside.millimolar }
    /// The wall's balance at this composition (nil without a wall).
    public var wall: PlantWall.Balance?

    /// Where the solution leaves the range in which the model describes a cell: a cytosolic ion above 1 M (no ideal
    /// solution, and no cytosol, holds that: the transport parameters do not describe a viable cell at these inputs),
    /// or |V_m| above 300 mV (lipid bilayers break down near 0.2–1 V: Weaver & Chizmadzhev 1996, Bioelectrochem.
    /// Bioenerg. 41:135). The numbers are still the model's exact steady state.
    public var warnings: [String] {
        var w: [String] = []
        for (name, c) in [("K⁺", potassiumInside), ("Cl⁻", chlorideInside)] where c.millimolar > 1000 {
            w.append("the steady state needs \(c.millimolar) mM \(name) in the cytosol: above 1 M no ideal-solution model applies and no cytosol holds it, so these transport parameters do not describe a viable cell")
        }
        if abs(vm.volts) > 0.3 {
            w.append("V_m = \(vm.millivolts) mV: beyond ±300 mV, near the electrical breakdown of lipid bilayers (0.2–1 V; Weaver & Chizmadzhev 1996)")
        }
        return w
    }
}
