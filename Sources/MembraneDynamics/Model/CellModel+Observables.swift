import MembraneUnits
import MembraneNumerics
import RealModule

/// The cell model as a ``SimulationModel``: parameters, observables, stimulus pieces.
extension CellModel: SimulationModel {
    public var isAutonomous: Bool { autonomous }

    public mutating func start(from y: [Double]) { initialRelativeVolume = relativeVolume(y) }

    /// The amounts of each dynamic ion in the cell and in a finite bath (positive: the Nernst potentials are
    /// ln(c_out/c_in)), which a run integrates as logarithms if it must (``Simulation/step()``).
    public var positiveComponents: [Int] { (cellIndex + bathIndex).filter { $0 >= 0 }.sorted() }

    public func breakpoints(until end: Double) -> [Double] {
        Array(Set(stimuli.flatMap { $0.waveform.breakpoints(until: end) })).sorted()
    }

    public mutating func enterPiece(at t: Double) {
        for (k, s) in stimuli.enumerated() {
            let p = s.waveform.piece(at: t)
            pieces[k] = (p.value, p.slope, t)
        }
    }

    // MARK: Parameters

    public func parameterValue(_ index: Int) -> Double {
        switch parameterTarget(index) {
        case .mechanism(let m, let k): return mechanism(at: m).parameter(k)
        case .outside(let j): return outsideFixed[j]
        case .exchange(let t, let k): return exchangeTerms[t].parameter(k)
        }
    }

    public mutating func setParameter(_ index: Int, to value: Double) throws {
        switch parameterTarget(index) {
        case .mechanism(let m, let k):
            let place = mechanismPlaces[m]
            var instance = groups[place.group].instance(place.instance)
            try instance.setParameter(k, to: value)
            groups[place.group].replace(place.instance, with: instance)
        case .outside(let j):
            try MembraneError.requirePositive(value, field: "outside.\(scenario.ions[j].name)", allowed: "a concentration > 0 mM")
            outsideFixed[j] = value
            osmOutFixed = outsideFixed.reduce(0, +) + outsideImpermeant
        case .exchange(let t, let k):
            let term = exchangeTerms[t]
            try exchangeTerms[t].setParameter(k, to: value,
                                              field: "\(term.name(ion: scenario.ions[term.ion].name)).\(term.parameterNames[k])")
        }
    }

    /// The value of the parameter called `name` (SI units), or an error listing the closest names.
    public func parameter(named name: String) throws -> Double { parameterValue(try parameterIndex(named: name)) }

    /// Sets the parameter called `name` (SI units).
    public mutating func setParameter(named name: String, to value: Double) throws {
        try setParameter(try parameterIndex(named: name), to: value)
    }

    // MARK: Observables

    /// What an observable measures.
    enum Observable {
        case potential, volume, stimulus
        case inside(Int), outside(Int), reversal(Int)
        /// The current a mechanism carries (A/m², outward), all of it or one ion's.
        case current(mechanism: Int, ion: Int?)
        case state(Int)
        /// The rate of an exchange term (mM/s of the ECS concentration).
        case exchange(Int)
    }

    /// `vm` (V), `volume` (relative to the start), `I_stim` (A/m², depolarising), `inside.<ion>` and `outside.<ion>`
    /// (mM), `E_<ion>` (the Nernst potential, V), `I.<mechanism>` and `I.<mechanism>.<ion>` (A/m², outward),
    /// `J.bath_diffusion.<ion>` and `J.glia.K` (what the finite bath's exchange removes, mM/s of its concentration), and
    /// every state component by its ``layout`` name (amounts, gates, `exchanged.…` amounts).
    public var observableNames: [String] { observables.map(\.name) }

    var observables: [(name: String, kind: Observable)] {
        var list: [(String, Observable)] = [("vm", .potential), ("volume", .volume), ("I_stim", .stimulus)]
        for (j, ion) in scenario.ions.enumerated() {
            list += [("inside.\(ion.name)", .inside(j)), ("outside.\(ion.name)", .outside(j)), ("E_\(ion.name)", .reversal(j))]
        }
        for (m, name) in mechanismNames.enumerated() {
            list.append(("I.\(name)", .current(mechanism: m, ion: nil)))
            let ions = mechanism(at: m).ions
            if ions.count > 1 {
                for ion in ions { list.append(("I.\(name).\(ion)", .current(mechanism: m, ion: scenario.index(of: ion)!))) }
            }
        }
        for (t, term) in exchangeTerms.enumerated() { list.append(("J.\(term.name(ion: scenario.ions[term.ion].name))", .exchange(t))) }
        for (i, c) in layout.components.enumerated() { list.append((c.name, .state(i))) }
        return list
    }

    public func observe(_ index: Int, at t: Double, state y: [Double]) -> Double {
        // The potential (what state events follow, every step) without building the observable list.
        if index == 0 { return potential(y) }
        switch observables[index].kind {
        case .potential: return potential(y)
        case .volume: return relativeVolume(y) / initialRelativeVolume
        case .stimulus: return stimulusCurrent(at: t, potential: potential(y))
        case .state(let i): return y[i]
        case .exchange(let t): return exchangeRates(state: y)[t]
        case .inside(let j), .outside(let j), .reversal(let j):
            return withWorkspace { ws in
                y.withUnsafeBufferPointer { yp in
                    _ = naturalVariables(yp.baseAddress!, ws)
                    switch observables[index].kind {
                    case .inside: return ws.ci[j]
                    case .outside: return ws.co[j]
                    default: return vt / z[j] * Double.log(ws.co[j] / ws.ci[j])
                    }
                }
            }
        case .current(let m, let ion):
            var value = 0.0
            forEachContribution(state: y) { i, phi, current in
                guard i == m else { return }
                if let ion { value = faraday * z[ion] * phi[ion]; return }
                var s = 0.0
                for j in 0..<n { s += z[j] * phi[j] }
                value = faraday * s + current
            }
            return value
        }
    }

    /// V_m at state y (volts).
    public func potential(_ y: [Double]) -> Double {
        if !electroneutral {
            return kappa * chargeAmount(y) + (otherIndex >= 0 ? y[otherIndex] : 0)
        }
        return withWorkspace { ws in y.withUnsafeBufferPointer { naturalVariables($0.baseAddress!, ws).potential } }
    }
}
