import MembraneUnits
import MembraneChemistry
import MembranePhysics

/// A snapshot of the pump–leak cell: what INTERFACE.md calls a state object, and more.
public struct CellState: Sendable {
    /// Time since the start of the run, s.
    public var time: Double
    /// The membrane potential V_m = φ_in − φ_out.
    public var potential: Voltage
    /// The mobile ions, in state order.
    public var ions: [Ion]
    /// Inside and outside concentrations, one per ion.
    public var inside: [Concentration]
    /// Outside (bath) concentrations, one per ion.
    public var outside: [Concentration]
    /// Concentration of the impermeant solute inside at the current volume.
    public var impermeantInside: Concentration
    /// Concentration of the bath's impermeant solute.
    public var impermeantOutside: Concentration
    /// Cell volume in m³.
    public var volume: Double
    /// Volume relative to the volume at t = 0.
    public var relativeVolume: Double
    /// Volume relative to the scenario's reference volume.
    public var referenceRelativeVolume: Double
    /// Amounts of each ion in the cell, mol.
    public var amounts: [Double]
    /// Net charge of the cell, C (= C·A·V in the charge-difference model).
    public var charge: Double
    /// Σ c inside / outside, mOsm/L.
    public var osmolarityInside: Double
    /// Σ c outside, mOsm/L.
    public var osmolarityOutside: Double
    /// Net outward flux of each ion, mol·m⁻²·s⁻¹ (zero at a steady state).
    public var netFluxes: [Double]
    /// Outward flux of each ion through its leak alone, mol·m⁻²·s⁻¹.
    public var leakFluxes: [Double]
    /// Amount of each ion a finite bath's exchange (bath diffusion, glial uptake; ``ExtracellularExchange``) has
    /// removed from it since the start, mol (0 for ions without exchange; empty without any): cell + bath + this is
    /// each ion's constant total.
    public var exchanged: [Double] = []
    /// Pump cycle flux and cotransporter fluxes, mol·m⁻²·s⁻¹.
    public var transport: FluxParts
    /// The pump's activity, 0 (blocked) to 1.
    public var pumpActivity: Double
    /// What each mechanism on the membrane contributes (fluxes per ion, nonspecific current), evaluated when asked.
    public var mechanisms: [CellModel.MechanismFlux] { model.mechanismFluxes(state: stateVector) }
    /// The model and state vector this state was read from.
    let model: CellModel
    let stateVector: [Double]

    /// The concentration inside of ion `name`, or nil.
    public func inside(_ name: String) -> Concentration? { ions.firstIndex { $0.name == name }.map { inside[$0] } }
    /// The concentration outside of ion `name`, or nil.
    public func outside(_ name: String) -> Concentration? { ions.firstIndex { $0.name == name }.map { outside[$0] } }
}

/// The fluxes of the individual transporters at a state (mol·m⁻²·s⁻¹, efflux positive): the pump's cycle flux and
/// the cotransporters' (per cycle).
public struct FluxParts: Sendable, Hashable {
    /// The Na⁺/K⁺ pump's cycle flux.
    public var pump = 0.0
    /// The KCC2 cycle flux (K⁺ and Cl⁻ out).
    public var kcc2 = 0.0
    /// The NKCC1 cycle flux (efflux positive; it normally runs inward).
    public var nkcc1 = 0.0
    /// All fluxes zero.
    public init() {}
}

extension CellModel {
    /// The cell state at time t for state vector y.
    public func cellState(time t: Double, state y: [Double]) -> CellState {
        var ci = [Double](repeating: 0, count: n), co = ci, phi = ci, leak = ci
        var natural = NaturalVariables(volume: 1, bathWater: 0, potential: 0, osmolarityInside: 0, osmolarityOutside: 0)
        var parts = FluxParts(), activity = 0.0
        let na = scenario.index(of: "Na"), k = scenario.index(of: "K")
        withWorkspace { ws in
            y.withUnsafeBufferPointer { yp in
                let states = yp.baseAddress! + stateOffset
                natural = naturalVariables(yp.baseAddress!, ws)
                evaluateMembrane(natural, potential: natural.potential, states: states, ws, rates: ws.rates)
                for j in 0..<n { ci[j] = ws.ci[j]; co[j] = ws.co[j]; phi[j] = ws.phi[j] }
                // The leaks' fluxes and the transporters' (their types tell them apart; the pump read as itself), each
                // mechanism evaluated alone.
                withSite(natural, potential: natural.potential, states: states, ws, rates: ws.rates) { site in
                    for place in mechanismPlaces {
                        let group = groups[place.group]
                        if let pump = group.instance(place.instance, as: NaKPump.self) {
                            activity = pump.activity
                            if pump.activity > 0, let na, let k {
                                parts.pump += pump.activity * pump.cycleFlux(sodiumInside: ws.ci[na], sodiumOutside: ws.co[na],
                                                                             potassiumOutside: ws.co[k], potential: natural.potential,
                                                                             thermalVoltage: vt)
                            }
                            continue
                        }
                        let isLeak = group.kind == Leak.self, isKCC2 = group.kind == KCC2.self, isNKCC1 = group.kind == NKCC1.self
                        guard isLeak || isKCC2 || isNKCC1 else { continue }
                        clear(ws.phi, count: n)
                        ws.extra[0] = 0
                        ws.extra[1] = 0
                        group.contribute(place.instance, at: site)
                        if isLeak {
                            for j in 0..<n { leak[j] += ws.phi[j] }
                        } else if isKCC2 {
                            if let k { parts.kcc2 += ws.phi[k] }
                        } else if let na {
                            parts.nkcc1 += ws.phi[na]
                        }
                    }
                }
            }
        }
        let w = scenario.geometry.volume
        let volume = natural.volume
        let x = impermeantAmount / volume
        var osmIn = x
        for c in ci { osmIn += c }
        return CellState(time: t, potential: .volts(natural.potential), ions: scenario.ions,
                         inside: ci.map { .millimolar($0) }, outside: co.map { .millimolar($0) },
                         impermeantInside: .millimolar(x),
                         impermeantOutside: .millimolar(infiniteBath ? outsideImpermeant : outsideImpermeantAmount / natural.bathWater),
                         volume: volume * w, relativeVolume: volume / initialRelativeVolume, referenceRelativeVolume: volume,
                         amounts: (0..<n).map { j in (cellIndex[j] >= 0 ? y[cellIndex[j]] : ci[j] * volume) * w },
                         charge: faraday * w * chargeAmount(y) + capacitance * scenario.geometry.area * (otherIndex >= 0 ? y[otherIndex] : 0),
                         osmolarityInside: osmIn, osmolarityOutside: natural.osmolarityOutside,
                         netFluxes: phi, leakFluxes: leak,
                         exchanged: exchangeTerms.isEmpty ? [] : exchangedAmounts(state: y).map { $0 * w },
                         transport: parts, pumpActivity: activity,
                         model: self, stateVector: y)
    }

    /// The state vector for given inside concentrations (mM) and cell volume relative to the reference volume,
    /// starting a run there (e.g. from a steady state). Bath amounts, V_other and states start at their initial values.
    public func stateVector(inside concentrations: [Double], relativeVolume v: Double) -> [Double] {
        var y = initialState
        for j in 0..<n where cellIndex[j] >= 0 { y[cellIndex[j]] = concentrations[j] * v }
        if case .dynamic(let index) = volume { y[index] = v }
        return y
    }
}
