import MembraneUnits

/// One species and its concentration in a solution.
public struct SolutionComponent: Sendable, Hashable {
    /// The species.
    public var ion: Ion
    /// Its concentration.
    public var concentration: Concentration
    /// A species at a concentration.
    public init(ion: Ion, concentration: Concentration) {
        self.ion = ion
        self.concentration = concentration
    }
}

/// An aqueous solution: an ordered list of species with their concentrations.
///
/// A value type: sweeps copy and modify (`var s = base; s[ "K"] = .millimolar(10)`).
/// Names are unique within a solution (one entry per canonical ion name).
public struct Solution: Sendable, Hashable {
    /// The species, in the order given.
    public private(set) var components: [SolutionComponent]

    /// A solution of `components`; throws for a repeated name or an invalid concentration.
    public init(_ components: [SolutionComponent] = []) throws {
        self.components = []
        for component in components { try add(component.ion, component.concentration) }
    }

    /// A solution from catalog names and millimolar values, e.g. `["K": 140, "Cl": 140]`.
    /// Throws for unknown names or invalid concentrations.
    public init(millimolar pairs: KeyValuePairs<String, Double>, catalog: IonCatalog = .standard,
                field: String = "solution") throws {
        self.components = []
        for (name, value) in pairs {
            try MembraneError.requireConcentration(value, field: "\(field).\(name)")
            try add(catalog.lookup(name, field: field), .millimolar(value))
        }
    }

    /// Adds a species; throws if it is already present or the concentration is invalid.
    public mutating func add(_ ion: Ion, _ concentration: Concentration) throws {
        try MembraneError.requireConcentration(concentration.millimolar, field: ion.name)
        guard !components.contains(where: { $0.ion.name == ion.name }) else {
            throw MembraneError.invalidValue(field: ion.name, value: "listed twice",
                                             allowed: "each species once per solution")
        }
        components.append(SolutionComponent(ion: ion, concentration: concentration))
    }

    /// The concentration of the species with canonical name `name`, or nil if absent.
    /// Setting nil removes it; setting a value replaces it, or adds the catalog species of that name.
    /// Setting a name that is neither in the solution nor in the catalog is a programming error
    /// (use ``add(_:_:)`` for custom ions, which validates).
    public subscript(name: String) -> Concentration? {
        get { components.first(where: { $0.ion.name == name })?.concentration }
        set {
            if let i = components.firstIndex(where: { $0.ion.name == name }) {
                if let newValue { components[i].concentration = newValue } else { components.remove(at: i) }
            } else if let newValue {
                guard let ion = IonCatalog.standard.ion(named: name) else {
                    preconditionFailure("Solution[\(name)]: not a catalog ion; add custom ions with add(_:_:)")
                }
                components.append(SolutionComponent(ion: ion, concentration: newValue))
            }
        }
    }

    /// Replaces the species at `index` by `ion` (same name), keeping its concentration.
    mutating func replaceIon(at index: Int, with ion: Ion) {
        precondition(components[index].ion.name == ion.name, "replaceIon: names differ")
        components[index].ion = ion
    }

    /// The concentration of `ion` (by canonical name); zero when absent.
    public func concentration(of ion: Ion) -> Concentration {
        self[ion.name] ?? .zero
    }

    /// The species present, in order.
    public var ions: [Ion] { components.map(\.ion) }

    /// True when the solution has no species.
    public var isEmpty: Bool { components.isEmpty }

    /// Net charge concentration Σ zᵢcᵢ in mM (zero for an electroneutral solution).
    public var chargeBalance: Double {
        components.reduce(0) { $0 + Double($1.ion.charge) * $1.concentration.millimolar }
    }

    /// Total cation charge concentration Σ_{z>0} zᵢcᵢ in mM.
    public var cationCharge: Double {
        components.reduce(0) { $0 + Double(max($1.ion.charge, 0)) * $1.concentration.millimolar }
    }

    /// Ideal osmolarity Σ cᵢ in mOsm/L (every solute particle counted once, φ = 1).
    public var idealOsmolarity: Double {
        components.reduce(0) { $0 + $1.concentration.millimolar }
    }

    /// Molar ionic strength I = ½ Σ zᵢ² cᵢ, in mol/L.
    public var ionicStrength: Double {
        0.5e-3 * components.reduce(0) { $0 + Double($1.ion.charge * $1.ion.charge) * $1.concentration.millimolar }
    }
}
