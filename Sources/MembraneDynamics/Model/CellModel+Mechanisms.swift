/// What each mechanism contributes at a state, one by one (for reports and observables; the right-hand side
/// evaluates them by type, ``MechanismGroup``).
extension CellModel {
    /// One mechanism's contribution: its outward flux of each of the model's ions (mol·m⁻²·s⁻¹) and the current no
    /// modelled ion carries (A/m²).
    public struct MechanismFlux: Sendable {
        /// The mechanism's name in the model (unique: "leak_Na", "leak_Na_2", "pump").
        public var name: String
        /// Its outward flux Φⱼ of each of the model's ions, in the model's ion order, mol·m⁻²·s⁻¹.
        public var fluxes: [Double]
        /// I_x: the outward current no modelled ion carries, A/m² (NEURON's NONSPECIFIC_CURRENT; 0 for most mechanisms).
        public var nonspecificCurrent: Double
        /// True for a primary active transporter (``Mechanism/isActiveTransport``).
        public var isActiveTransport: Bool
        /// The outward current it carries, F·Σ zⱼΦⱼ + I_x (A/m²).
        public func current(valences z: [Double], faraday: Double) -> Double {
            var s = 0.0
            for (j, f) in fluxes.enumerated() { s += z[j] * f }
            return faraday * s + nonspecificCurrent
        }
    }

    /// Sets every mechanism's state variables in `y` to their steady state at the potential and concentrations of `y`.
    func withSteadyStates(_ y: [Double]) -> [Double] {
        var out = y
        withWorkspace { ws in
            y.withUnsafeBufferPointer { yp in
                let states = yp.baseAddress! + stateOffset
                let natural = naturalVariables(yp.baseAddress!, ws)
                out.withUnsafeMutableBufferPointer { o in
                    let target = o.baseAddress! + stateOffset
                    withSite(natural, potential: natural.potential, states: states, ws, rates: ws.rates) { site in
                        struct SteadyStates: MechanismVisitor {
                            let site: MembraneSite, target: UnsafeMutablePointer<Double>
                            func visit<M: Mechanism>(_ m: M) { m.steadyState(at: site, into: target + site.stateOffset) }
                        }
                        for place in mechanismPlaces {
                            let group = groups[place.group]
                            var visitor = SteadyStates(site: group.bound(place.instance, at: site), target: target)
                            group.visit(place.instance, &visitor)
                        }
                    }
                }
            }
        }
        return out
    }

    /// Each mechanism's contribution at state `y`.
    public func mechanismFluxes(state y: [Double]) -> [MechanismFlux] {
        let names = mechanismNames
        var result: [MechanismFlux] = []
        result.reserveCapacity(names.count)
        forEachContribution(state: y) { i, phi, current in
            result.append(MechanismFlux(name: names[i], fluxes: Array(phi), nonspecificCurrent: current,
                                        isActiveTransport: mechanism(at: i).isActiveTransport))
        }
        return result
    }

    /// Calls `body` with each mechanism's index (in ``mechanismNames`` order), its outward flux of each ion and the
    /// current no modelled ion carries, evaluated alone at state `y`.
    func forEachContribution(state y: [Double], _ body: (Int, UnsafeBufferPointer<Double>, Double) -> Void) {
        withWorkspace { ws in
            y.withUnsafeBufferPointer { yp in
                let natural = naturalVariables(yp.baseAddress!, ws)
                withSite(natural, potential: natural.potential, states: yp.baseAddress! + stateOffset, ws, rates: ws.rates) { site in
                    for (i, place) in mechanismPlaces.enumerated() {
                        for j in 0..<n { ws.phi[j] = 0 }
                        ws.extra[0] = 0
                        ws.extra[1] = 0
                        groups[place.group].contribute(place.instance, at: site)
                        body(i, UnsafeBufferPointer(start: ws.phi, count: n), ws.extra[0])
                    }
                }
            }
        }
    }

    /// The characteristic flux of each ion (``Mechanism/characteristicFlux(at:slot:)``, summed over the mechanisms)
    /// at the given inside concentrations and the bath's, at V = 0.
    func characteristicFluxes(inside: [Double]) -> [Double] {
        var scale = [Double](repeating: 0, count: n)
        withWorkspace { ws in
            for j in 0..<n { ws.ci[j] = inside[j]; ws.co[j] = scenario.outside[j].millimolar }
            let natural = NaturalVariables(volume: 1, bathWater: 0, potential: 0, osmolarityInside: 0, osmolarityOutside: 0)
            initialState.withUnsafeBufferPointer { y in
                let states = y.baseAddress! + stateOffset
                withSite(natural, potential: 0, states: states, ws, rates: ws.rates) { site in
                    struct Scales: MechanismVisitor {
                        let site: MembraneSite
                        var scale: [Double]
                        mutating func visit<M: Mechanism>(_ m: M) {
                            for slot in m.ions.indices { scale[site.slots[slot]] += m.characteristicFlux(at: site, slot: slot) }
                        }
                    }
                    for place in mechanismPlaces {
                        let group = groups[place.group]
                        var visitor = Scales(site: group.bound(place.instance, at: site), scale: scale)
                        scale = []
                        group.visit(place.instance, &visitor)
                        scale = visitor.scale
                    }
                }
            }
        }
        return scale
    }
}
