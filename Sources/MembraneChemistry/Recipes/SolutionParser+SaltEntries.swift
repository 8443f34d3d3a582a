import MembraneUnits

extension SolutionParser {
    /// The salt entry `NAME=VALUE` whose NAME is a salt of ``SaltCatalog`` (`K-gluconate=135`, `NaHCO3=26`,
    /// `Na2-phosphocreatine=10`) and not an ion of the catalog, as the recipe tokens it stands for
    /// (`["K-gluconate", "135"]`); nil for anything else (an ion, a custom ion `X(z=+1,D=…)=10`, a recipe line).
    /// With `evenIfAnIon`, a name that is both (`HEPES`, `GTP`: the buffer or free acid, and its anion) is the salt too.
    ///
    /// People write a pipette or bath solution as their lab's recipe sheet lists it, salts and amounts, and often with
    /// `=`: such a list is read as the recipe it is (``isRecipe(entries:)``), so that its salts dissociate, its pH
    /// buffers and chelators speciate and its charge balances, instead of being refused as unknown ions.
    func saltEntry(_ entry: String, evenIfAnIon: Bool = false) -> [String]? {
        guard let equals = entry.firstIndex(of: "="), entry.lastIndex(of: "=") == equals else { return nil }
        let name = String(entry[..<equals]).trimmingWhitespace()
        let amount = String(entry[entry.index(after: equals)...])
        guard !name.isEmpty, !name.contains("("), evenIfAnIon || catalog.ion(named: name) == nil,
              SaltCatalog.salt(named: name) != nil else { return nil }
        return (name + " " + amount).split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// True when `entries` are a recipe: some entry is not of the `NAME=VALUE` form (``Recipe/isRecipe(entries:)``), or
    /// some `NAME=VALUE` names a salt of ``SaltCatalog`` rather than an ion (`K-gluconate=135`).
    public func isRecipe(entries: [String]) -> Bool {
        Recipe.isRecipe(entries: entries) || entries.contains { saltEntry($0) != nil }
    }
}
