import MembraneUnits

/// A solution written as experimenters write it: salts with their amounts in mM, and a pH with the
/// titrant used to reach it, e.g.
///
///     "K-gluconate 135, KCl 5, HEPES 10, MgATP 4, Na2GTP 0.3, EGTA 0.5, pH 7.3 KOH"
///
/// Entries are separated by commas or semicolons. `NAME AMOUNT[UNIT]` adds a salt of
/// ``SaltCatalog`` (or a catalog species on its own, e.g. `glucose 10`); `pH X [TITRANT]` states the
/// pH and, optionally, the base or acid (KOH, NaOH, CsOH, HCl, NMDG, Tris) whose amount
/// ``RecipeSolver`` computes; `CO2 5%` (or `carbogen`) the gas a bicarbonate saline is bubbled with (5 % CO₂
/// unless written); `NAME=VALUE` entries of the ion syntax may be mixed in.
public struct Recipe: Sendable {
    /// One salt of the recipe and its concentration.
    public struct Item: Sendable {
        /// The salt (or catalog species) weighed in.
        public var salt: Salt
        /// Its concentration, mM.
        public var millimolar: Double
    }
    /// The salts, in the order written.
    public var items: [Item]
    /// Species given directly in the ion syntax (`K=140`).
    public var ionEntries: [SolutionComponent]
    /// The stated pH (`pH 7.3`), or nil.
    public var pH: Double?
    /// The stated titrant (`pH 7.3 KOH`), or nil.
    public var titrant: Salt?
    /// The CO₂ the solution is gassed with, when stated (`CO2 5%`, `carbogen`).
    public var co2: CarbonDioxide?
    /// The recipe as written.
    public var text: String

    /// True when some entry is not of the `NAME=VALUE` form, i.e. the text is a recipe.
    public static func isRecipe(entries: [String]) -> Bool {
        entries.contains { entry in
            // In ASCII text, an "=" byte is an "=".
            if entry.utf8.allSatisfy({ $0 < 0x80 }) { return !entry.utf8.contains(UInt8(ascii: "=")) }
            return !entry.contains("=")
        }
    }

    /// Parses a recipe; `field` names the option in errors.
    public static func parse(_ text: String, field: String, parser: SolutionParser = SolutionParser()) throws -> Recipe {
        let entries = try parser.splitEntries(text, field: field)
        guard !entries.isEmpty else {
            throw MembraneError.invalidValue(field: field, value: text, allowed: "a recipe such as \"KCl 140, HEPES 10, pH 7.3 KOH\"")
        }
        var recipe = Recipe(items: [], ionEntries: [], pH: nil, titrant: nil, co2: nil, text: text)
        // A recipe sheet that writes its salts as NAME=VALUE pairs (`K-gluconate=135, HEPES=10, …, pH 7.3 KOH`) means
        // its buffers and acids as salts too (`HEPES=10`: 10 mM of the buffer, not of its anion); otherwise a
        // NAME=VALUE pair of an ion stays that ion (`KCl 140, Ca=100nM`; `HEPES=10` in an ion list).
        let saltsAsPairs = entries.contains { parser.saltEntry($0) != nil }
        for entry in entries {
            // A salt written NAME=VALUE (`K-gluconate=135`) is the recipe line `K-gluconate 135`.
            if let tokens = parser.saltEntry(entry, evenIfAnIon: saltsAsPairs) {
                try recipe.parseItem(tokens, entry: entry, field: field, catalog: parser.catalog)
                continue
            }
            if entry.contains("=") {
                let (ion, c) = try parser.parseEntry(entry, field: field)
                // As in an ion list, a species written twice is refused (not summed): "K=5, K=6" is a typo.
                guard !recipe.ionEntries.contains(where: { $0.ion.name == ion.name }) else {
                    throw MembraneError.invalidValue(field: "\(field).\(ion.name)", value: entry,
                                                     allowed: "each NAME=VALUE species once per recipe")
                }
                recipe.ionEntries.append(SolutionComponent(ion: ion, concentration: c))
                continue
            }
            let tokens = entry.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            if tokens.first?.lowercased() == "ph" {
                try recipe.parsePH(tokens, entry: entry, field: field)
                continue
            }
            if tokens.first?.lowercased() == "co2" || entry.lowercased() == "carbogen" {
                try recipe.parseCO2(tokens, entry: entry, field: field)
                continue
            }
            try recipe.parseItem(tokens, entry: entry, field: field, catalog: parser.catalog)
        }
        return recipe
    }

    mutating func parsePH(_ tokens: [String], entry: String, field: String) throws {
        guard pH == nil else {
            throw MembraneError.invalidValue(field: "\(field).pH", value: entry, allowed: "one pH entry per recipe")
        }
        guard tokens.count >= 2, let value = Double(tokens[1]), value.isFinite, value >= 0, value <= 14 else {
            throw MembraneError.invalidValue(field: "\(field).pH", value: entry,
                                             allowed: "pH VALUE [TITRANT] with 0 ≤ VALUE ≤ 14, e.g. \"pH 7.3 KOH\"")
        }
        pH = value
        if tokens.count > 2 {
            let name = tokens[2...].joined(separator: " ")
            guard let salt = SaltCatalog.salt(named: name), salt.isTitrant else {
                throw MembraneError.unknownName(field: "\(field).pH", value: name,
                                                suggestions: SaltCatalog.titrants.sorted())
            }
            titrant = salt
        }
    }

    mutating func parseCO2(_ tokens: [String], entry: String, field: String) throws {
        let allowed = "CO2 PERCENT with 0 < PERCENT ≤ 100 (the CO2 fraction of the dry gas, e.g. \"CO2 5%\"), or \"carbogen\" (5 %)"
        guard co2 == nil else {
            throw MembraneError.invalidValue(field: "\(field).CO2", value: entry, allowed: "one CO2 entry per recipe")
        }
        if entry.lowercased() == "carbogen" { co2 = .carbogen; return }
        let text = tokens.dropFirst().joined().replacingPercent()
        guard tokens.count >= 2, let percent = Double(text), percent.isFinite, percent > 0, percent <= 100 else {
            throw MembraneError.invalidValue(field: "\(field).CO2", value: entry, allowed: allowed)
        }
        co2 = CarbonDioxide(fraction: percent / 100)
    }

    mutating func parseItem(_ tokens: [String], entry: String, field: String, catalog: IonCatalog) throws {
        // The amount is the last token ("135", "100uM") or the last two ("100 uM").
        var nameTokens = tokens, amountText = ""
        if tokens.count >= 3, Double(tokens[tokens.count - 2]) != nil, tokens.last!.allSatisfy({ $0.isLetter || $0 == "µ" }) {
            amountText = tokens[tokens.count - 2] + tokens.last!
            nameTokens = Array(tokens.dropLast(2))
        } else if tokens.count >= 2 {
            amountText = tokens.last!
            nameTokens = Array(tokens.dropLast())
        }
        let name = nameTokens.joined(separator: " ")
        guard !name.isEmpty, !amountText.isEmpty, amountText.first.map({ $0.isNumber || $0 == "-" || $0 == "." || $0 == "+" }) == true else {
            throw MembraneError.invalidValue(field: field, value: entry,
                                             allowed: "NAME AMOUNT (mM unless a unit is written), e.g. \"KCl 5\", or pH VALUE TITRANT, or NAME=VALUE")
        }
        if amountText.hasPrefix("-") {
            throw MembraneError.invalidValue(field: "\(field).\(name)", value: amountText,
                                             allowed: "an amount ≥ 0 mM (a recipe cannot remove a salt)")
        }
        let amount = try QuantityParser.concentration(amountText, field: "\(field).\(name)")
        let salt: Salt
        if let s = SaltCatalog.salt(named: name) {
            salt = s
        } else if let ion = catalog.ion(named: name) {
            salt = Salt(ion.name, [], [(.ion(ion.name), 1)], formula: ion.name)
        } else {
            var suggestions = SaltCatalog.suggestions(for: name)
            for s in catalog.suggestions(for: name) where !suggestions.contains(s) { suggestions.append(s) }
            throw MembraneError.unknownName(field: field, value: name, suggestions: Array(suggestions.prefix(5)))
        }
        // A salt listed twice is a typo, not a sum (different salts sharing an ion do add up).
        guard !items.contains(where: { $0.salt.name == salt.name }) else {
            throw MembraneError.invalidValue(field: "\(field).\(salt.name)", value: entry,
                                             allowed: "each salt once per recipe (write the total amount)")
        }
        items.append(Item(salt: salt, millimolar: amount.millimolar))
    }
}

extension String {
    /// The text without a trailing "%".
    func replacingPercent() -> String { hasSuffix("%") ? String(dropLast()) : self }
}
