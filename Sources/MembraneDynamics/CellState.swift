import MembraneUnits
import MembraneChemistry
import MembranePhysics

/// A snapshot of the pump–leak cell: what INTERFACE.md calls a state object, and more.
public struct CellState: Sendable {
    public var time: Double
    public var potential: Voltage
    public var ions: [Ion]
    /// Inside and outside concentrations, one per ion.
    public var inside: [Concentration]
    public var outside: [Concentration]
    public var impermeantInside: Concentration
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
    public var osmolarityOutside: Double
    /// Net outward flux of each ion, mol·m⁻²·s⁻¹ (zero at a steady state).
    public var netFluxes: [Double]
    /// Outward flux of each ion through its leak alone, mol·m⁻²·s⁻¹.
    public var leakFluxes: [Double]
    /// Pump cycle flux and cotransporter fluxes, mol·m⁻²·s⁻¹.
    public var transport: FluxParts
    public var pumpActivity: Double

    /// The concentration inside of ion `name`, or nil.
    public func inside(_ name: String) -> Concentration? { ions.firstIndex { $0.name == name }.map { inside[$0] } }
    public func outside(_ name: String) -> Concentration? { ions.firstIndex { $0.name == name }.map { outside[$0] } }
}

extension PumpLeakSystem {
    /// The cell state at time t for state vector y.
    public func cellState(time t: Double, state y: [Double]) -> CellState {
        var ci = [Double](repeating: 0, count: n), co = ci, phi = ci, leak = ci
        var volume = 0.0, potential = 0.0
        var parts = FluxParts()
        ci.withUnsafeMutableBufferPointer { c in
            co.withUnsafeMutableBufferPointer { o in
                phi.withUnsafeMutableBufferPointer { p in
                    (volume, potential) = evaluateState(y, ci: c, co: o, phi: p)
                    parts = fluxes(ci: c, co: o, v: potential, phi: p)
                }
            }
        }
        // Leak part alone.
        ci.withUnsafeMutableBufferPointer { c in
            co.withUnsafeMutableBufferPointer { o in
                leak.withUnsafeMutableBufferPointer { p in leakFluxes(ci: c, co: o, v: potential, phi: p) }
            }
        }
        let w = scenario.geometry.volume
        let x = impermeantAmount / volume
        var osmIn = x
        for c in ci { osmIn += c }
        return CellState(time: t, potential: .volts(potential), ions: scenario.ions,
                         inside: ci.map { .millimolar($0) }, outside: co.map { .millimolar($0) },
                         impermeantInside: .millimolar(x),
                         impermeantOutside: .millimolar(infiniteBath ? outsideImpermeant : outsideImpermeantAmount / (waterTotal - volume)),
                         volume: volume * w, relativeVolume: volume / initialRelativeVolume, referenceRelativeVolume: volume,
                         amounts: (0..<n).map { y[$0] * w },
                         charge: faraday * w * chargeAmount(y),
                         osmolarityInside: osmIn, osmolarityOutside: outsideOsmolarity(y, volume),
                         netFluxes: phi, leakFluxes: leak, transport: parts, pumpActivity: pumpActivity)
    }

    /// The state vector for given inside concentrations (mM), cell volume relative to the reference volume,
    /// starting a run there (e.g. from a steady state). Bath amounts start at their initial values.
    public func stateVector(inside concentrations: [Double], relativeVolume v: Double) -> [Double] {
        var y = initialState
        for j in 0..<n { y[j] = concentrations[j] * v }
        if wIndex >= 0 { y[wIndex] = v }
        return y
    }
}
