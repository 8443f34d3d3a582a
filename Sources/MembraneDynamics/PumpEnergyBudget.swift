import MembraneUnits
import MembranePhysics
import RealModule

/// What the Na⁺/K⁺ pump costs and what it buys, at one cell state.
///
/// - cycles per second = J_p·A (mol/s); ATP molecules per second = that × N_A (one ATP per cycle);
/// - power drawn from ATP = cycles/s × |ΔG_ATP| (W);
/// - power stored in the gradients = cycles/s × W_cycle, with W_cycle the electrochemical work of
///   3 Na⁺ out and 2 K⁺ in (``PumpCycleWork``);
/// - efficiency W_cycle/|ΔG_ATP|; the pump stalls where W_cycle = |ΔG_ATP| (V_m = V_stall).
///
/// At a steady state the passive fluxes dissipate exactly what the pump stores (their Gibbs energy
/// loss Σ J·Δμ̃ equals J_p·W_cycle): a second-law check reported as ``passiveDissipation``.
public struct PumpEnergyBudget: Sendable {
    /// J_p: the pump's cycle flux, mol·m⁻²·s⁻¹.
    public var cycleFlux: Double
    /// J_p·A: pump cycles of the whole cell, mol/s.
    public var cyclesPerSecond: Double
    /// ATP molecules hydrolysed per second by the whole cell: J_p·A·N_A (one ATP per cycle).
    public var atpPerSecond: Double
    /// I_p = F·J_p, the net outward pump current density (one charge out per cycle).
    public var pumpCurrent: CurrentDensity
    /// W_cycle: the electrochemical work of one cycle (3 Na⁺ out, 2 K⁺ in) at this state.
    public var work: PumpCycleWork
    /// ΔG_ATP: the free energy of ATP hydrolysis the scenario assumes.
    public var atp: ATPHydrolysis
    /// Power drawn from ATP: cycles/s × |ΔG_ATP|, W.
    public var powerConsumed: Double
    /// Power stored in the ion gradients: cycles/s × W_cycle, W.
    public var powerStored: Double
    /// Rate of Gibbs-energy dissipation by the leaks and cotransporters (W, ≥ 0).
    public var passiveDissipation: Double
    /// W_cycle/|ΔG_ATP|: the fraction of ATP's free energy stored in the gradients.
    public var efficiency: Double { work.efficiency(atp) }
    /// V_stall: the V_m at which W_cycle = |ΔG_ATP| at these concentrations (the pump cannot run forward beyond it).
    public var stallVoltage: Voltage { work.stallVoltage(atp) }
    /// True when W_cycle ≥ |ΔG_ATP|: a real pump could not run forward here (the kinetic laws used in
    /// these models do not know this; the report says so).
    public var beyondStall: Bool { work.total.joulesPerMole >= abs(atp.deltaG.joulesPerMole) }

    /// The budget at `state` of the scenario (nil when it has no pump or lacks Na or K).
    public init?(state: borrowing CellState, scenario: borrowing Scenario) {
        guard scenario.pump != nil, let na = scenario.index(of: "Na"), let k = scenario.index(of: "K"),
              let work = try? PumpCycleWork.naKATPase(sodiumInside: state.inside[na], sodiumOutside: state.outside[na],
                                                      potassiumInside: state.inside[k], potassiumOutside: state.outside[k],
                                                      vm: state.potential, conditions: scenario.conditions) else { return nil }
        let c = scenario.conditions
        let area = scenario.geometry.area
        cycleFlux = state.transport.pump
        cyclesPerSecond = cycleFlux * area
        atpPerSecond = cyclesPerSecond * c.constants.avogadro
        pumpCurrent = .amperesPerSquareMetre(c.faraday * cycleFlux)
        self.work = work
        atp = scenario.atp
        powerConsumed = cyclesPerSecond * abs(atp.deltaG.joulesPerMole)
        powerStored = cyclesPerSecond * work.total.joulesPerMole
        // Δμ̃(in − out) per ion; outward flux × that = dissipation.
        var dissipation = 0.0
        var mu = [Double](repeating: 0, count: state.ions.count)
        for (j, ion) in state.ions.enumerated() {
            mu[j] = c.rt * Double.log(state.inside[j].millimolar / state.outside[j].millimolar)
                + Double(ion.charge) * c.faraday * state.potential.volts
            dissipation += state.leakFluxes[j] * mu[j]
        }
        if let kk = scenario.index(of: "K"), let cl = scenario.index(of: "Cl") {
            dissipation += state.transport.kcc2 * (mu[kk] + mu[cl])
            if let nn = scenario.index(of: "Na") {
                dissipation += state.transport.nkcc1 * (mu[nn] + mu[kk] + 2 * mu[cl])
            }
        }
        passiveDissipation = dissipation * area
    }
}
