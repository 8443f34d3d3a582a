import MembraneNumerics
import RealModule

/// The scratch of one evaluation: concentrations inside and outside, the fluxes, the nonspecific current and water
/// flux, and the mechanisms' state rates (n, n, n, 2 and stateCount values), and the mechanisms' shared
/// ``SiteEnvironment``.
struct Workspace {
    let ci: UnsafeMutablePointer<Double>
    let co: UnsafeMutablePointer<Double>
    let phi: UnsafeMutablePointer<Double>
    /// [0]: current no modelled ion carries (A/m², outward); [1]: water flux (m/s, inward).
    let extra: UnsafeMutablePointer<Double>
    let rates: UnsafeMutablePointer<Double>
    let environment: UnsafeMutablePointer<SiteEnvironment>
}

/// Sets `count` values at `p` to zero with plain stores: for the few values of an evaluation a call to memset costs
/// more than the stores, and its wide stores stall the narrow loads that accumulate into them.
@inline(__always)
func clear(_ p: UnsafeMutablePointer<Double>, count: Int) {
    var i = 0
    while i < count {
        p[i] = 0
        i &+= 1
        if i == count { break }  // (two stores per trip: not a loop the optimiser turns into memset)
        p[i] = 0
        i &+= 1
    }
}

/// The natural variables at a state: cell volume and bath water (relative to w_ref), V and the osmolarities.
struct NaturalVariables {
    var volume: Double
    var bathWater: Double
    var potential: Double
    var osmolarityInside: Double
    var osmolarityOutside: Double
}

extension CellModel {
    var workspaceSize: Int { 3 * n + 2 + stateCount }

    /// Calls `body` with a workspace on the stack (a constant capacity for the usual few ions and gates, so that the
    /// call needs no run-time stack-size check).
    @inline(__always)
    func withWorkspace<R>(_ body: (Workspace) -> R) -> R {
        let environmentSize = MemoryLayout<SiteEnvironment>.stride
        func run(_ buffer: UnsafeMutableRawBufferPointer) -> R {
            let e = buffer.baseAddress!.bindMemory(to: SiteEnvironment.self, capacity: 1)
            let p = (buffer.baseAddress! + environmentSize).bindMemory(to: Double.self, capacity: workspaceSize), n = self.n
            return body(Workspace(ci: p, co: p + n, phi: p + 2 * n, extra: p + 3 * n, rates: p + 3 * n + 2, environment: e))
        }
        let size = environmentSize + 8 * workspaceSize
        if size <= 1024 {
            return withUnsafeTemporaryAllocation(byteCount: 1024, alignment: 16, run)
        }
        return withUnsafeTemporaryAllocation(byteCount: size, alignment: 16, run)
    }

    // MARK: - Volumes, concentrations, charge, potential

    /// Cell volume relative to the reference volume.
    public func relativeVolume(_ y: [Double]) -> Double { y.withUnsafeBufferPointer { relativeVolume($0.baseAddress!) } }

    func relativeVolume(_ y: UnsafePointer<Double>) -> Double {
        switch volume {
        case .constant: return 1
        case .dynamic(let index): return y[index]
        case .instantaneous:
            var cell = impermeantAmount
            for j in 0..<n where cellIndex[j] >= 0 { cell += y[cellIndex[j]] }
            if infiniteBath { return cell / osmOutFixed }
            var bath = outsideImpermeantAmount
            for j in 0..<n where bathIndex[j] >= 0 { bath += y[bathIndex[j]] }
            return waterTotal * cell / (cell + bath)
        }
    }

    /// Net charge of the cell's modelled ions and impermeant, mM·w_ref: Σ zⱼNⱼ + z_X·N_X.
    public func chargeAmount(_ y: [Double]) -> Double { y.withUnsafeBufferPointer { chargeAmount($0.baseAddress!) } }

    func chargeAmount(_ y: UnsafePointer<Double>) -> Double {
        var q = zX * impermeantAmount
        for j in 0..<n where cellIndex[j] >= 0 { q += z[j] * y[cellIndex[j]] }
        return q
    }

    /// Fills the concentrations of `ws` and returns the natural variables at state `y` (t only matters for a
    /// stimulus, which the electroneutral model excludes).
    @inline(__always)
    func naturalVariables(_ y: UnsafePointer<Double>, _ ws: Workspace) -> NaturalVariables {
        naturalVariables(y, ws, ions: n)
    }

    /// The same with the number of ions `n` given (a constant where the caller knows it, so that the loops unroll).
    @inline(__always)
    func naturalVariables(_ y: UnsafePointer<Double>, _ ws: Workspace, ions n: Int) -> NaturalVariables {
        var natural = NaturalVariables(volume: 1, bathWater: 0, potential: 0, osmolarityInside: 0, osmolarityOutside: 0)
        var charge = zX * impermeantAmount
        // One pass over the ions with the index tables in hand (the hot path of every evaluation).
        cellIndex.withUnsafeBufferPointer { cellIndex in
            bathIndex.withUnsafeBufferPointer { bathIndex in
                z.withUnsafeBufferPointer { z in
                    // The volume: instantaneous water needs the solute amounts first.
                    var v = 1.0
                    switch volume {
                    case .constant: break
                    case .dynamic(let index): v = y[index]
                    case .instantaneous:
                        var cell = impermeantAmount, bath = outsideImpermeantAmount
                        for j in 0..<n where cellIndex[j] >= 0 {
                            cell += y[cellIndex[j]]
                            if bathIndex[j] >= 0 { bath += y[bathIndex[j]] }
                        }
                        v = infiniteBath ? cell / osmOutFixed : waterTotal * cell / (cell + bath)
                    }
                    let bathWater = infiniteBath ? 0 : waterTotal - v
                    var osmIn = impermeantAmount / v
                    var bathOsmoles = outsideImpermeantAmount
                    for j in 0..<n {
                        let c = cellIndex[j]
                        if c >= 0 {
                            ws.ci[j] = y[c] / v
                            charge += z[j] * y[c]
                        } else {
                            ws.ci[j] = fixedInside[j]
                        }
                        osmIn += ws.ci[j]
                        let b = bathIndex[j]
                        if b >= 0 {
                            ws.co[j] = y[b] / bathWater
                            bathOsmoles += y[b]
                        } else {
                            ws.co[j] = outsideFixed[j]
                        }
                    }
                    natural = NaturalVariables(volume: v, bathWater: bathWater, potential: 0, osmolarityInside: osmIn,
                                               osmolarityOutside: infiniteBath ? osmOutFixed : bathOsmoles / bathWater)
                }
            }
        }
        if electroneutral {
            natural.potential = electroneutralPotential(natural, y + stateOffset, ws)
        } else {
            natural.potential = kappa * charge + (otherIndex >= 0 ? y[otherIndex] : 0)
        }
        return natural
    }

    /// Natural variables at cell volume v̂ for evaluating the membrane at given concentrations (the osmolarities, which
    /// only water fluxes read, are left at 0).
    func natural(volume v: Double) -> NaturalVariables {
        NaturalVariables(volume: v, bathWater: infiniteBath ? 0 : waterTotal - v, potential: 0, osmolarityInside: 0,
                         osmolarityOutside: 0)
    }

    // MARK: - The membrane

    /// Evaluates every mechanism at V = `potential` and the concentrations of `ws`: the fluxes into `ws.phi`, the
    /// nonspecific current and the water flux into `ws.extra`, the state rates into `rates`, and, if `partials` is
    /// given, the local Jacobian into it: rows [Φ₁ … Φₙ | I_x | J_v | ṡ₁ … ṡ_G], columns [V | c_in,1…n | c_out,1…n |
    /// Osm_in | Osm_out | s₁ … s_G] (row-major, ``MembraneSite/addDerivative(of:withRespectTo:_:)``).
    @inline(__always)
    func evaluateMembrane(_ natural: NaturalVariables, potential: Double, states: UnsafePointer<Double>, _ ws: Workspace,
                          rates: UnsafeMutablePointer<Double>, partials: UnsafeMutablePointer<Double>? = nil) {
        evaluateMembrane(natural, potential: potential, states: states, ws, rates: rates, partials: partials, ions: n)
    }

    /// The same with the number of ions `n` given.
    @inline(__always)
    func evaluateMembrane(_ natural: NaturalVariables, potential: Double, states: UnsafePointer<Double>, _ ws: Workspace,
                          rates: UnsafeMutablePointer<Double>, partials: UnsafeMutablePointer<Double>?, ions n: Int) {
        clear(ws.phi, count: n)
        ws.extra[0] = 0
        ws.extra[1] = 0
        if let partials {
            let size = (n + 2 + stateCount) * (3 + 2 * n + stateCount)
            clear(partials, count: size)
        }
        withSite(natural, potential: potential, states: states, ws, rates: rates, partials: partials) { site in
            let derivatives = partials != nil
            groups.withUnsafeBufferPointer { g in
                for i in 0..<g.count { g[i].contribute(at: site, derivatives: derivatives) }
            }
        }
    }

    /// Calls `body` with the site of the membrane at V = `potential` and the concentrations of `ws` (not yet bound to
    /// a mechanism): its ``SiteEnvironment``, in the workspace, written once for every mechanism.
    @inline(__always)
    func withSite<R>(_ natural: NaturalVariables, potential: Double, states: UnsafePointer<Double>, _ ws: Workspace,
                     rates: UnsafeMutablePointer<Double>, partials: UnsafeMutablePointer<Double>? = nil,
                     _ body: (MembraneSite) -> R) -> R {
        z.withUnsafeBufferPointer { valences in
            ws.environment.initialize(to: SiteEnvironment(
                potential: potential, thermalVoltage: vt, faraday: faraday, temperature: scenario.conditions.temperature.kelvin,
                osmolarityInside: natural.osmolarityInside, osmolarityOutside: natural.osmolarityOutside,
                inside: ws.ci, outside: ws.co, valences: valences.baseAddress!, states: states, fluxes: ws.phi,
                current: ws.extra, water: ws.extra + 1, rates: rates, partials: partials, ionCount: n,
                columns: 3 + 2 * n + stateCount))
            return body(MembraneSite(unbound: ws.environment))
        }
    }

    /// The total outward membrane current density (A/m²) at V: F·Σ zⱼΦⱼ + I_x.
    func totalCurrent(_ natural: NaturalVariables, potential: Double, states: UnsafePointer<Double>, _ ws: Workspace) -> Double {
        evaluateMembrane(natural, potential: potential, states: states, ws, rates: ws.rates)
        var s = 0.0
        for j in 0..<n { s += z[j] * ws.phi[j] }
        return faraday * s + ws.extra[0]
    }

    /// The electroneutral potential: the V at which the total membrane current vanishes. Affine in V when every
    /// mechanism is (closed form), otherwise bracketed and solved by Brent's method (the current increases strictly
    /// with V).
    func electroneutralPotential(_ natural: NaturalVariables, _ states: UnsafePointer<Double>, _ ws: Workspace) -> Double {
        let i0 = totalCurrent(natural, potential: 0, states: states, ws)
        if allAffine {
            let slope = totalCurrent(natural, potential: 1, states: states, ws) - i0
            return -i0 / slope
        }
        let f: (Double) -> Double = { v in self.totalCurrent(natural, potential: v, states: states, ws) }
        let limit = 600 * vt
        guard let (a, b) = BracketExpander(lowerLimit: -limit, upperLimit: limit).bracket(around: -0.1, 0.05, of: f),
              let r = BrentRootFinder(absoluteTolerance: 1e-15, relativeTolerance: 1e-15).root(in: a, b, of: f) else {
            return .nan
        }
        return r.root
    }

    /// The injected stimulus current density at t and V (A/m², depolarising positive), from the pieces in force.
    func stimulusCurrent(at t: Double, potential v: Double) -> Double {
        var i = 0.0
        for (k, s) in stimuli.enumerated() {
            let p = pieces[k]
            let value = p.value + p.slope * (t - p.origin)
            switch s {
            case .currentClamp: i += value
            case .voltageClamp(_, let g): i += g.siemensPerSquareMetre * (value - v)
            }
        }
        return i
    }

    // MARK: - Right-hand side

    /// f(t, y): see ``CellModel``.
    public func derivatives(at t: Double, state y: [Double], into dydt: inout [Double]) {
        withWorkspace { ws in
            y.withUnsafeBufferPointer { y in
                dydt.withUnsafeMutableBufferPointer { out in evaluate(t, y.baseAddress!, out.baseAddress!, ws) }
            }
        }
    }

    func evaluate(_ t: Double, _ y: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>, _ ws: Workspace) {
        // The number of ions as a constant for the usual three (the loops over them unrolled), else as a variable.
        if n == 3 {
            evaluate(t, y, out, ws, ions: 3)
        } else {
            evaluate(t, y, out, ws, ions: n)
        }
    }

    @inline(__always)
    func evaluate(_ t: Double, _ y: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>, _ ws: Workspace, ions n: Int) {
        let natural = naturalVariables(y, ws, ions: n)
        evaluateMembrane(natural, potential: natural.potential, states: y + stateOffset, ws, rates: out + stateOffset,
                         partials: nil, ions: n)
        let sigma = self.sigma, other = otherIndex
        var held = 0.0
        cellIndex.withUnsafeBufferPointer { cellIndex in
            bathIndex.withUnsafeBufferPointer { bathIndex in
                for j in 0..<n {
                    let c = cellIndex[j], phi = ws.phi[j]
                    if c >= 0 { out[c] = -sigma * phi } else { held += z[j] * phi }
                    let b = bathIndex[j]
                    if b >= 0 { out[b] = sigma * phi }
                }
            }
        }
        if other >= 0 {
            let q = -ws.extra[0] - faraday * held + stimulusCurrent(at: t, potential: natural.potential)
            out[other] = q / capacitance
        }
        if case .dynamic(let index) = volume { out[index] = sigma * ws.extra[1] }
        if !exchangeTerms.isEmpty { addExchange(y, water: natural.bathWater, out) }
    }
}
