import MembraneUnits
import MembraneChemistry

/// One permeant ion for the GHK equations: its concentrations on both sides and its permeability.
///
/// Permeabilities are relative (any common scale) for voltage equations and absolute (m/s)
/// where a current is computed.
public struct Permeant: Sendable, Hashable {
    /// The ion.
    public var ion: Ion
    /// Its concentration inside.
    public var inside: Concentration
    /// Its concentration outside.
    public var outside: Concentration
    /// Its permeability, relative (P_K = 1, say) or in cm/s: only ratios enter the GHK voltage equation.
    public var permeability: Double

    /// A permeant ion with its concentrations and permeability (unchecked; ``list(inside:outside:permeabilities:catalog:)`` checks).
    public init(ion: Ion, inside: Concentration, outside: Concentration, permeability: Double) {
        self.ion = ion
        self.inside = inside
        self.outside = outside
        self.permeability = permeability
    }

    /// Pairs solutions with permeabilities by ion name, checking that every permeant ion is listed on
    /// both sides (write `Na=0` for an ion absent on one side, as in bi-ionic conditions), that every
    /// permeability is ≥ 0, finite, names a charged species, and that at least one is > 0.
    public static func list(inside: Solution, outside: Solution,
                            permeabilities: [(name: String, value: Double)],
                            catalog: IonCatalog = .standard) throws -> [Permeant] {
        guard !permeabilities.isEmpty else {
            throw MembraneError.invalidValue(field: "permeability", value: "",
                                             allowed: "at least one NAME=VALUE pair, e.g. \"K=1,Na=0.04,Cl=0.45\"")
        }
        var permeants: [Permeant] = []
        for (name, value) in permeabilities {
            let ion = try resolve(name, inside: inside, outside: outside, catalog: catalog)
            try MembraneError.requireNonNegative(value, field: "permeability.\(ion.name)",
                                                 allowed: "a finite permeability ≥ 0 (relative or in cm/s)")
            guard ion.charge != 0 else {
                throw MembraneError.undefined(field: "permeability.\(ion.name)",
                    reason: "\(ion.name) is neutral (z = 0): it carries no current, so it cannot take part in the GHK voltage equation")
            }
            guard let cIn = inside[ion.name] else {
                throw MembraneError.invalidValue(field: "inside", value: "no \(ion.name)",
                    allowed: "every permeant ion listed on both sides; write \(ion.name)=0 if it is absent inside")
            }
            guard let cOut = outside[ion.name] else {
                throw MembraneError.invalidValue(field: "outside", value: "no \(ion.name)",
                    allowed: "every permeant ion listed on both sides; write \(ion.name)=0 if it is absent outside")
            }
            guard !permeants.contains(where: { $0.ion.name == ion.name }) else {
                throw MembraneError.invalidValue(field: "permeability", value: "\(ion.name) listed twice",
                                                 allowed: "each ion once")
            }
            permeants.append(Permeant(ion: inside.components.first { $0.ion.name == ion.name }?.ion ?? ion,
                                      inside: cIn, outside: cOut, permeability: value))
        }
        guard permeants.contains(where: { $0.permeability > 0 }) else {
            throw MembraneError.invalidValue(field: "permeability", value: "all zero",
                                             allowed: "at least one permeability > 0: with none the membrane potential is undefined")
        }
        return permeants
    }

    /// The ion a permeability name refers to: a species of either solution (custom ions included) or the catalog.
    static func resolve(_ name: String, inside: Solution, outside: Solution, catalog: IonCatalog) throws -> Ion {
        if let ion = catalog.ion(named: name) { return ion }
        if let ion = (inside.ions + outside.ions).first(where: { $0.name.lowercased() == name.lowercased() }) {
            return ion
        }
        throw MembraneError.unknownName(field: "permeability", value: name, suggestions: catalog.suggestions(for: name))
    }
}
