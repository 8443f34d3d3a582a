import MembraneUnits

/// The names of a cell model, derived on demand from its scenario and structure (compiling a model for one steady
/// state or one run builds no strings).
extension CellModel {
    /// The names of the mechanisms on the membrane, in the order of ``Scenario/membraneMechanisms``, made unique
    /// ("leak_Na", "leak_Na_2").
    public var mechanismNames: [String] {
        var names: [String] = []
        for i in mechanismPlaces.indices {
            let base = mechanism(at: i).name
            var name = base, k = 2
            while names.contains(name) { name = "\(base)_\(k)"; k += 1 }
            names.append(name)
        }
        return names
    }

    /// The names and units of the state components: `cell.<ion>` and `bath.<ion>` (mM·w_ref), `cell.volume` (w_ref),
    /// `cell.V_other` (V), `<mechanism>.<state>` (1), `exchanged.bath_diffusion.<ion>` and `exchanged.glia.K` (mM·w_ref:
    /// what the finite bath's exchange has removed from it, ``ExtracellularExchange``).
    public var layout: StateLayout {
        var layout = StateLayout()
        let ions = scenario.ions
        for j in 0..<n where cellIndex[j] >= 0 { layout.append("cell.\(ions[j].name)", unit: "mM·w_ref") }
        for j in 0..<n where bathIndex[j] >= 0 { layout.append("bath.\(ions[j].name)", unit: "mM·w_ref") }
        if case .dynamic = volume { layout.append("cell.volume", unit: "w_ref") }
        if otherIndex >= 0 { layout.append("cell.V_other", unit: "V") }
        for (i, name) in mechanismNames.enumerated() {
            for s in mechanism(at: i).stateNames { layout.append("\(name).\(s)", unit: "1") }
        }
        for term in exchangeTerms { layout.append("exchanged.\(term.name(ion: ions[term.ion].name))", unit: "mM·w_ref") }
        precondition(layout.count == dimension, "the layout names \(layout.count) of \(dimension) components")
        return layout
    }

    /// What a named parameter changes.
    enum ParameterTarget: Sendable {
        /// Parameter `index` of mechanism `mechanism` (in ``mechanismNames`` order).
        case mechanism(Int, index: Int)
        /// The concentration of ion j in an infinite bath.
        case outside(Int)
        /// Parameter `index` of exchange term `term` (``ExtracellularExchange``).
        case exchange(Int, index: Int)
    }

    /// What parameter `index` (of ``parameterNames``) changes, found without building the names.
    func parameterTarget(_ index: Int) -> ParameterTarget {
        var k = index
        for i in mechanismPlaces.indices {
            let count = mechanism(at: i).parameterNames.count
            if k < count { return .mechanism(i, index: k) }
            k -= count
        }
        if infiniteBath {
            precondition(k < n, "no parameter \(index)")
            return .outside(k)
        }
        for (t, term) in exchangeTerms.enumerated() {
            let count = term.parameterNames.count
            if k < count { return .exchange(t, index: k) }
            k -= count
        }
        preconditionFailure("no parameter \(index)")
    }

    /// The index of the parameter called `name`: its mechanism found by name, then the parameter among that
    /// mechanism's (without building every parameter name), or an error listing the closest names.
    public func parameterIndex(named name: String) throws -> Int {
        if let dot = name.firstIndex(of: ".") {
            let owner = name[..<dot], parameter = name[name.index(after: dot)...]
            var offset = 0
            for (i, mechanismName) in mechanismNames.enumerated() {
                let parameters = mechanism(at: i).parameterNames
                if mechanismName == owner, let k = parameters.firstIndex(where: { $0 == parameter }) { return offset + k }
                offset += parameters.count
            }
            if infiniteBath, owner == "outside", let j = scenario.ions.firstIndex(where: { $0.name == parameter }) {
                return offset + j
            }
        }
        let names = parameterNames
        if let i = names.firstIndex(of: name) { return i }
        throw MembraneError.unknownName(field: "parameter", value: name, suggestions: closestNames(to: name, among: names))
    }

    /// The named parameters (SI units): each mechanism's (`<mechanism>.<parameter>`), then, for an infinite bath, its
    /// concentrations (`outside.<ion>`, mM); for a finite bath with exchange, `bath_diffusion.<ion>.rate` (s⁻¹) and
    /// `bath_diffusion.<ion>.concentration` (mM), `glia.K.G_max` (mM/s), `glia.K.K_half` and `glia.K.slope` (mM).
    public var parameterNames: [String] {
        var names: [String] = []
        for (i, name) in mechanismNames.enumerated() {
            for p in mechanism(at: i).parameterNames { names.append("\(name).\(p)") }
        }
        if infiniteBath {
            for ion in scenario.ions { names.append("outside.\(ion.name)") }
        }
        for term in exchangeTerms {
            let name = term.name(ion: scenario.ions[term.ion].name)
            for p in term.parameterNames { names.append("\(name).\(p)") }
        }
        return names
    }
}
