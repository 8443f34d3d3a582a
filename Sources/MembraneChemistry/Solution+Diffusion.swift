import MembraneUnits

extension Solution {
    /// The solution with the diffusion coefficients (m²/s) of the named species replaced by user values,
    /// which then override any mobility table. Every name must be present in the solution or the
    /// catalog, and every D must be in (0, 1e-6) m²/s; names absent from this solution are ignored
    /// (an override list can serve both sides of a junction).
    public func overridingDiffusion(_ overrides: [(name: String, value: Double)]) throws -> Solution {
        var copy = self
        for (name, d) in overrides {
            guard d.isFinite, d > 0, d < 1e-6 else {
                throw MembraneError.invalidValue(field: "diffusion.\(name)", value: "\(d)",
                                                 allowed: "a diffusion coefficient in m²/s, > 0 and < 1e-6 (water's self-diffusion is 2.3e-9)")
            }
            let index = copy.components.firstIndex { $0.ion.name == name || $0.ion.name.lowercased() == name.lowercased() }
            if index == nil && IonCatalog.standard.ion(named: name) == nil {
                throw MembraneError.unknownName(field: "diffusion", value: name,
                                                suggestions: IonCatalog.standard.suggestions(for: name))
            }
            guard let index else { continue }
            let ion = copy.components[index].ion
            let replaced = Ion(name: ion.name, charge: ion.charge, longName: ion.longName, aliases: ion.aliases,
                               transport: .diffusion(d), ionSize: ion.ionSize, transportSource: "user-supplied D",
                               ionSizeSource: ion.ionSizeSource, chargeNote: ion.chargeNote, isCustom: ion.isCustom)
            copy.replaceIon(at: index, with: replaced)
        }
        return copy
    }
}
