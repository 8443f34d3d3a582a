import MembraneUnits
import MembraneNumerics
import MembranePhysics
import RealModule

/// The pump–leak cell as equations: a ``Scenario`` compiled into an ``ODESystem`` on a flat state.
///
/// State (amounts in units of mM × reference volume, i.e. mol/m³ × w_ref, so that they read as
/// concentrations at the reference volume):
///
///     [N₁ … Nₙ  (ions in the cell) | v̂ (cell volume / w_ref, only with osmotic water) | B₁ … Bₙ (bath)]
///
/// For a finite bath Bⱼ is the amount in the bath; for an infinite bath (fixed concentrations) Bⱼ is the
/// amount the cell has given to the bath since t = 0. Either way Nⱼ + Bⱼ is conserved exactly.
///
/// Equations (σ = A/w_ref; Φⱼ the net outward flux of ion j in mol·m⁻²·s⁻¹ from leaks, pump and
/// cotransporters; Keener & Sneyd ch. 2; Kay 2017):
///
///     dNⱼ/dt = −σ·Φⱼ,     dBⱼ/dt = +σ·Φⱼ
///     V = F·w_ref·(Σ zⱼNⱼ + z_X·N_X)/(C·A)                      (charge difference, Fraser & Huang 2004)
///       or Σ zⱼ·F·Φⱼ(V) = 0                                      (electroneutral limit)
///     v̂ = (Σ Nⱼ + N_X)/Osm_out                                   (instantaneous water), or
///     dv̂/dt = σ·P_f·V̄_w·(Osm_in − Osm_out)                       (osmotic permeability)
public struct PumpLeakSystem: ODESystem, Sendable {
    public let scenario: Scenario
    /// Fraction of the pump running (events change it).
    public var pumpActivity: Double
    public let dimension: Int
    /// The state at t = 0 built from the scenario.
    public let initialState: [Double]
    /// The cell volume at t = 0 relative to the reference volume (the unit of ``CellState/relativeVolume``;
    /// a run started from another state measures volumes relative to that state's).
    public internal(set) var initialRelativeVolume: Double
    public var isAutonomous: Bool { true }
    /// With an infinite bath the bath components only book what left the cell: f does not depend on them.
    public var activeDimension: Int { infiniteBath ? bathOffset : dimension }

    let n: Int
    let z: [Double]
    let ohmic: [Double]
    let ghk: [Double]
    let hasGHK: Bool
    let pump: NaKPump?
    let na: Int, k: Int, cl: Int
    let kcc2: Double, nkcc1: Double
    let sigma: Double
    let kappa: Double
    let vt: Double, faraday: Double
    let impermeantAmount: Double, zX: Double
    let outsideImpermeant: Double, zXo: Double
    let outsideImpermeantAmount: Double
    let infiniteBath: Bool
    let outsideFixed: [Double]
    let osmOutFixed: Double
    let waterTotal: Double
    let hydraulic: Double?
    let electroneutral: Bool
    let wIndex: Int
    let bathOffset: Int
    /// True for ions that some mechanism can move (others keep their amount).
    public let hasPathway: [Bool]

    /// Compiles `scenario` (validating it first).
    public init(_ scenario: Scenario) throws {
        try scenario.validate()
        self.scenario = scenario
        let n = scenario.ions.count
        self.n = n
        z = scenario.ions.map { Double($0.charge) }
        var ohmic = [Double](repeating: 0, count: n), ghk = [Double](repeating: 0, count: n)
        for leak in scenario.leaks {
            let j = scenario.index(of: leak.ion)!
            switch leak.kind {
            case .ohmic(let g): ohmic[j] += g.siemensPerSquareMetre
            case .ghk(let p): ghk[j] += p.metresPerSecond
            }
        }
        self.ohmic = ohmic
        self.ghk = ghk
        hasGHK = ghk.contains { $0 > 0 }
        pump = scenario.pump
        na = scenario.index(of: "Na") ?? -1
        k = scenario.index(of: "K") ?? -1
        cl = scenario.index(of: "Cl") ?? -1
        var kcc2 = 0.0, nkcc1 = 0.0
        for t in scenario.cotransporters {
            switch t {
            case .kcc2(let u): kcc2 += u
            case .nkcc1(let u): nkcc1 += u
            }
        }
        self.kcc2 = kcc2
        self.nkcc1 = nkcc1
        pumpActivity = scenario.pumpActivity
        let g = scenario.geometry
        sigma = g.area / g.volume
        let c = scenario.conditions
        vt = c.thermalVoltage
        faraday = c.faraday
        kappa = scenario.voltageModel == .chargeDifference
            ? c.faraday * g.volume / (scenario.capacitance.faradsPerSquareMetre * g.area) : 0
        electroneutral = scenario.voltageModel == .electroneutral
        impermeantAmount = scenario.impermeant.concentration.millimolar
        zX = scenario.impermeant.charge
        outsideImpermeant = scenario.outsideImpermeant.concentration.millimolar
        zXo = scenario.outsideImpermeant.charge
        outsideFixed = scenario.outside.map(\.millimolar)
        osmOutFixed = outsideFixed.reduce(0, +) + outsideImpermeant
        var pathway = zip(ohmic, ghk).map { $0 > 0 || $1 > 0 }
        if let p = scenario.pump, p.maximalRate > 0 {
            pathway[na] = true; pathway[k] = true
        }
        for t in scenario.cotransporters where t.strength > 0 {
            for (name, _) in t.stoichiometry { pathway[scenario.index(of: name)!] = true }
        }
        hasPathway = pathway

        var count = n
        if case .osmotic(let pf) = scenario.water {
            wIndex = count
            count += 1
            hydraulic = sigma * pf.metresPerSecond * WaterTransport.molarVolumeOfWater
        } else {
            wIndex = -1
            hydraulic = nil
        }
        bathOffset = count
        dimension = count + n

        // Initial state.
        let amounts = scenario.inside.map(\.millimolar)
        var y = [Double](repeating: 0, count: dimension)
        for j in 0..<n { y[j] = amounts[j] }
        let cellOsmoles = amounts.reduce(0, +) + impermeantAmount
        switch scenario.bath {
        case .infinite:
            infiniteBath = true
            outsideImpermeantAmount = 0
            waterTotal = 0
            initialRelativeVolume = hydraulic == nil ? cellOsmoles / osmOutFixed : 1
        case .finite(let vb):
            infiniteBath = false
            outsideImpermeantAmount = outsideImpermeant * vb
            waterTotal = 1 + vb
            for j in 0..<n { y[bathOffset + j] = outsideFixed[j] * vb }
            let bathOsmoles = outsideFixed.reduce(0, +) * vb + outsideImpermeantAmount
            initialRelativeVolume = hydraulic == nil ? waterTotal * cellOsmoles / (cellOsmoles + bathOsmoles) : 1
        }
        if wIndex >= 0 { y[wIndex] = 1 }
        initialState = y
    }

    /// The names of the state components: cell.<ion> (mM·w_ref), cell.volume (w_ref, osmotic water only),
    /// bath.<ion> (mM·w_ref).
    public var layout: StateLayout {
        var layout = StateLayout()
        for ion in scenario.ions { layout.append("cell.\(ion.name)", unit: "mM·w_ref") }
        if wIndex >= 0 { layout.append("cell.volume", unit: "w_ref") }
        for ion in scenario.ions { layout.append("bath.\(ion.name)", unit: "mM·w_ref") }
        return layout
    }

    // MARK: - Derived quantities

    /// Cell volume relative to the reference volume.
    public func relativeVolume(_ y: [Double]) -> Double {
        if wIndex >= 0 { return y[wIndex] }
        var cell = impermeantAmount
        for j in 0..<n { cell += y[j] }
        if infiniteBath { return cell / osmOutFixed }
        var bath = outsideImpermeantAmount
        for j in 0..<n { bath += y[bathOffset + j] }
        return waterTotal * cell / (cell + bath)
    }

    /// Outside concentration of ion j (mM) at cell volume v̂.
    func outsideConcentration(_ j: Int, _ y: [Double], _ v: Double) -> Double {
        infiniteBath ? outsideFixed[j] : y[bathOffset + j] / (waterTotal - v)
    }

    /// Outside osmolarity (mOsm/L) at cell volume v̂.
    func outsideOsmolarity(_ y: [Double], _ v: Double) -> Double {
        if infiniteBath { return osmOutFixed }
        var bath = outsideImpermeantAmount
        for j in 0..<n { bath += y[bathOffset + j] }
        return bath / (waterTotal - v)
    }

    /// Net charge of the cell in mM·w_ref: Σ zⱼNⱼ + z_X·N_X.
    public func chargeAmount(_ y: [Double]) -> Double {
        var q = zX * impermeantAmount
        for j in 0..<n { q += z[j] * y[j] }
        return q
    }

    // MARK: - Fluxes

    /// Net outward fluxes Φⱼ (mol·m⁻²·s⁻¹) at inside/outside concentrations (mM) and V (volts), written into
    /// `phi`; returns the parts (pump cycle flux, KCC2 and NKCC1 fluxes).
    func fluxes(ci: UnsafeMutableBufferPointer<Double>, co: UnsafeMutableBufferPointer<Double>, v: Double,
                phi: UnsafeMutableBufferPointer<Double>) -> FluxParts {
        leakFluxes(ci: ci, co: co, v: v, phi: phi)
        return addTransport(ci: ci, co: co, v: v, phi: phi)
    }

    /// The leak fluxes alone (no pump, no cotransporters), written into `phi`.
    func leakFluxes(ci: UnsafeMutableBufferPointer<Double>, co: UnsafeMutableBufferPointer<Double>, v: Double,
                    phi: UnsafeMutableBufferPointer<Double>) {
        for j in 0..<n {
            var f = 0.0
            let g = ohmic[j]
            if g > 0 {
                let e = vt / z[j] * Double.log(co[j] / ci[j])
                f += g * (v - e) / (z[j] * faraday)
            }
            let p = ghk[j]
            if p > 0 {
                let u = z[j] * v / vt
                f += p * (ci[j] * GHKCurrent.kernel(u) - co[j] * GHKCurrent.kernel(-u))
            }
            phi[j] = f
        }
    }

    /// Adds the pump and cotransporter fluxes to `phi`, returning them.
    func addTransport(ci: UnsafeMutableBufferPointer<Double>, co: UnsafeMutableBufferPointer<Double>, v: Double,
                      phi: UnsafeMutableBufferPointer<Double>) -> FluxParts {
        var parts = FluxParts()
        if let pump, pumpActivity > 0 {
            let jp = pumpActivity * pump.cycleFlux(sodiumInside: ci[na], sodiumOutside: co[na], potassiumOutside: co[k],
                                                   potential: v, thermalVoltage: vt)
            phi[na] += NaKPump.sodiumPerCycle * jp
            phi[k] -= NaKPump.potassiumPerCycle * jp
            parts.pump = jp
        }
        if kcc2 > 0 {
            let j = kcc2 * Double.log(ci[k] * ci[cl] / (co[k] * co[cl]))
            phi[k] += j; phi[cl] += j
            parts.kcc2 = j
        }
        if nkcc1 > 0 {
            let gate = 1 / (1 + Double.exp(16 - co[k]))
            let j = nkcc1 * gate * Double.log(ci[na] * ci[k] * ci[cl] * ci[cl] / (co[na] * co[k] * co[cl] * co[cl]))
            phi[na] += j; phi[k] += j; phi[cl] += 2 * j
            parts.nkcc1 = j
        }
        return parts
    }

    /// Total outward membrane current density (A/m²) = F·Σ zⱼΦⱼ.
    func totalCurrent(ci: UnsafeMutableBufferPointer<Double>, co: UnsafeMutableBufferPointer<Double>, v: Double,
                      phi: UnsafeMutableBufferPointer<Double>) -> Double {
        _ = fluxes(ci: ci, co: co, v: v, phi: phi)
        var s = 0.0
        for j in 0..<n { s += z[j] * phi[j] }
        return faraday * s
    }

    /// The electroneutral potential: the V at which the total membrane current vanishes. Affine in V when
    /// every leak is ohmic and the pump does not depend on V (closed form), otherwise bracketed and solved
    /// by Brent's method (the current increases strictly with V).
    func electroneutralPotential(ci: UnsafeMutableBufferPointer<Double>, co: UnsafeMutableBufferPointer<Double>,
                                 phi: UnsafeMutableBufferPointer<Double>) -> Double {
        let i0 = totalCurrent(ci: ci, co: co, v: 0, phi: phi)
        if !hasGHK && !(pump?.dependsOnVoltage ?? false) {
            let slope = ohmic.reduce(0, +)
            return -i0 / slope
        }
        let f: (Double) -> Double = { v in self.totalCurrent(ci: ci, co: co, v: v, phi: phi) }
        let limit = 600 * vt
        guard let (a, b) = BracketExpander(lowerLimit: -limit, upperLimit: limit).bracket(around: -0.1, 0.05, of: f),
              let r = BrentRootFinder(absoluteTolerance: 1e-15, relativeTolerance: 1e-15).root(in: a, b, of: f) else {
            return .nan
        }
        return r.root
    }

    /// Fills inside/outside concentrations and returns (v̂, V) for state y.
    func evaluateState(_ y: [Double], ci: UnsafeMutableBufferPointer<Double>, co: UnsafeMutableBufferPointer<Double>,
                       phi: UnsafeMutableBufferPointer<Double>) -> (volume: Double, potential: Double) {
        let v = relativeVolume(y)
        for j in 0..<n {
            ci[j] = y[j] / v
            co[j] = outsideConcentration(j, y, v)
        }
        let potential = electroneutral ? electroneutralPotential(ci: ci, co: co, phi: phi) : kappa * chargeAmount(y)
        return (v, potential)
    }

    // MARK: - ODESystem

    /// f(t, y) for the full state, or, with an infinite bath, for the cell's part alone (y and dydt of
    /// ``PumpLeakODE/dimension`` components).
    public func derivatives(at t: Double, state y: [Double], into dydt: inout [Double]) {
        // Scratch for c_in, c_out and Φ on the stack; a constant capacity for the usual few ions (no run-time
        // stack-size check per call).
        if n <= 16 {
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 48) { evaluate(y, into: &dydt, scratch: $0) }
        } else {
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * n) { evaluate(y, into: &dydt, scratch: $0) }
        }
    }

    /// The right-hand side with `scratch` (at least 3n values) for the concentrations and fluxes.
    func evaluate(_ y: [Double], into dydt: inout [Double], scratch buffer: UnsafeMutableBufferPointer<Double>) {
        let n = self.n
        let ci = UnsafeMutableBufferPointer(rebasing: buffer[0..<n])
        let co = UnsafeMutableBufferPointer(rebasing: buffer[n..<(2 * n)])
        let phi = UnsafeMutableBufferPointer(rebasing: buffer[(2 * n)..<(3 * n)])
        let (v, potential) = evaluateState(y, ci: ci, co: co, phi: phi)
        _ = fluxes(ci: ci, co: co, v: potential, phi: phi)
        let bathOffset = self.bathOffset, sigma = self.sigma
        dydt.withUnsafeMutableBufferPointer { out in
            for j in 0..<n { out[j] = -sigma * phi[j] }
            // The bath part (absent when only the cell's part is integrated: ``PumpLeakODE``).
            if out.count > bathOffset {
                for j in 0..<n { out[bathOffset + j] = sigma * phi[j] }
            }
        }
        if let hydraulic {
            var osmIn = impermeantAmount
            for j in 0..<n { osmIn += y[j] }
            osmIn /= v
            dydt[wIndex] = hydraulic * (osmIn - outsideOsmolarity(y, v))
        }
    }
}

/// The fluxes of the individual transporters at a state (mol·m⁻²·s⁻¹, efflux positive).
public struct FluxParts: Sendable, Hashable {
    public var pump = 0.0
    public var kcc2 = 0.0
    public var nkcc1 = 0.0
    public init() {}
}
