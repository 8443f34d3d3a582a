import MembraneUnits

/// Parses the solution syntax of INTERFACE.md:
///
///     "Na=145, K=5, Cl=120, Ca=2, HCO3=25"      (mM unless a unit is written: nM, uM, µM, mM, M)
///     "Ca=100nM"                                   (units)
///     "X(z=+1,D=1.33e-9)=10"                       (a custom ion: charge and D in m²/s)
///     "ATP(z=-3)=4"                                (a catalog species in another charge state)
///
/// Names are case-insensitive and accept aliases (`Na`, `Na+`, `sodium`). An unknown name is
/// an error that lists the closest known names.
///
/// A recipe is accepted wherever a solution is: when an entry is not of the `NAME=VALUE` form
/// (`"KCl 140, HEPES 10, pH 7.3 KOH"`), the text is read as a ``Recipe`` and solved by
/// ``RecipeSolver`` at `recipeTemperature` (25 °C unless set: pH is adjusted at room temperature),
/// and the free species are returned.
public struct SolutionParser: Sendable {
    /// The ions names resolve against.
    public var catalog: IonCatalog
    /// Temperature at which recipes' pKa's and binding constants are evaluated.
    public var recipeTemperature: Temperature

    /// A parser resolving names in `catalog`, evaluating recipes at `recipeTemperature`.
    public init(catalog: IonCatalog = .standard, recipeTemperature: Temperature = .standard) {
        self.catalog = catalog
        self.recipeTemperature = recipeTemperature
    }

    /// Parses and solves a recipe (or an ion list, returned unchanged as a trivial recipe result).
    public func parseRecipe(_ text: String, field: String) throws -> RecipeResult {
        try RecipeSolver.solve(Recipe.parse(text, field: field, parser: self), temperature: recipeTemperature)
    }

    /// Parses `text`; `field` names the option in errors (`inside`, `pipette`, ...).
    public func parse(_ text: String, field: String) throws -> Solution {
        try parse(entries: try splitEntries(text, field: field), text: text, field: field)
    }

    /// Parses `text` already split (``splitEntries(_:field:)``).
    public func parse(entries: [String], text: String, field: String) throws -> Solution {
        guard !entries.isEmpty else {
            throw MembraneError.invalidValue(field: field, value: text,
                                             allowed: "at least one NAME=VALUE pair, e.g. \"K=140, Cl=140\"")
        }
        if isRecipe(entries: entries) {
            return try parseRecipe(text, field: field).solution
        }
        var solution = try Solution()
        for entry in entries {
            let (ion, concentration) = try parseEntry(entry, field: field)
            try solution.add(ion, concentration)
        }
        return solution
    }

    /// Splits on commas and semicolons that are not inside parentheses.
    public func splitEntries(_ text: String, field: String) throws -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return try splitASCIIEntries(text, field: field) }
        var entries: [String] = []
        var current = ""
        var depth = 0
        for c in text {
            switch c {
            case "(": depth += 1; current.append(c)
            case ")":
                depth -= 1
                guard depth >= 0 else {
                    throw MembraneError.invalidValue(field: field, value: text, allowed: "balanced parentheses")
                }
                current.append(c)
            case "," where depth == 0, ";" where depth == 0:
                entries.append(current)
                current = ""
            default: current.append(c)
            }
        }
        guard depth == 0 else {
            throw MembraneError.invalidValue(field: field, value: text, allowed: "balanced parentheses")
        }
        entries.append(current)
        return entries.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// ``splitEntries(_:field:)`` of ASCII text, byte by byte: each byte is a character (CR LF, the one pair that is
    /// a single character, is neither a separator nor a parenthesis), so the pieces are the same.
    func splitASCIIEntries(_ text: String, field: String) throws -> [String] {
        var entries: [String] = []
        var depth = 0
        let bytes = text.utf8
        var start = bytes.startIndex
        var i = start
        /// The piece before `i`, trimmed (ASCII white space), unless empty.
        func take() {
            var a = start, b = i
            while a < b, Self.isSpace(bytes[a]) { a = bytes.index(after: a) }
            while b > a, Self.isSpace(bytes[bytes.index(before: b)]) { b = bytes.index(before: b) }
            if a < b { entries.append(String(text[a..<b])) }
        }
        while i < bytes.endIndex {
            switch bytes[i] {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                guard depth >= 0 else {
                    throw MembraneError.invalidValue(field: field, value: text, allowed: "balanced parentheses")
                }
            case UInt8(ascii: ","), UInt8(ascii: ";"):
                if depth == 0 {
                    take()
                    start = bytes.index(after: i)
                }
            default: break
            }
            i = bytes.index(after: i)
        }
        guard depth == 0 else {
            throw MembraneError.invalidValue(field: field, value: text, allowed: "balanced parentheses")
        }
        take()
        return entries
    }

    /// White space as ``String/trimmingWhitespace()`` trims it, for ASCII bytes.
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }

    /// Parses one `NAME[(z=..,D=..)]=VALUE[UNIT]` entry.
    func parseEntry(_ entry: String, field: String) throws -> (Ion, Concentration) {
        // In ASCII text the last "=" byte is the last "=" character.
        let lastEquals = entry.utf8.allSatisfy({ $0 < 0x80 }) ? entry.utf8.lastIndex(of: UInt8(ascii: "=")) : entry.lastIndex(of: "=")
        guard let equals = lastEquals, !entry[..<equals].isEmpty else {
            throw MembraneError.invalidValue(field: field, value: entry,
                                             allowed: "NAME=VALUE, e.g. K=140 or Ca=100nM")
        }
        var nameText = String(entry[..<equals]).trimmingWhitespace()
        let valueText = String(entry[entry.index(after: equals)...])
        var attributes: [String: String] = [:]
        if let open = nameText.firstIndex(of: "("), nameText.hasSuffix(")"),
           nameText[nameText.index(after: open)...].contains("=") {
            let inner = nameText[nameText.index(after: open)..<nameText.index(before: nameText.endIndex)]
            for part in inner.split(separator: ",") {
                let kv = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
                guard kv.count == 2, ["z", "d"].contains(kv[0].lowercased()) else {
                    throw MembraneError.invalidValue(field: field, value: entry,
                                                     allowed: "attributes z=CHARGE and D=DIFFUSION_m2_per_s, e.g. X(z=+1,D=1.33e-9)=10")
                }
                attributes[kv[0].lowercased()] = kv[1]
            }
            nameText = String(nameText[..<open]).trimmingWhitespace()
        }
        let entryField = "\(field).\(nameText)"
        let concentration = try QuantityParser.concentration(valueText, field: entryField)
        let ion = try resolveIon(named: nameText, attributes: attributes, field: field, entryField: entryField)
        return (ion, concentration)
    }

    /// The catalog ion, re-charged if `z` is given, or a custom ion when the name is unknown and both z and D are given.
    func resolveIon(named name: String, attributes: [String: String], field: String, entryField: String) throws -> Ion {
        let charge = try attributes["z"].map { text -> Int in
            let t = text.hasPrefix("+") ? String(text.dropFirst()) : text
            guard let z = Int(t), Ion.validCharges.contains(z) else {
                throw MembraneError.invalidValue(field: "\(entryField).z", value: text,
                                                 allowed: "an integer charge from -6 to +6")
            }
            return z
        }
        let diffusion = try attributes["d"].map { text -> Double in
            let d = try QuantityParser.number(text, field: "\(entryField).D",
                                              allowed: "a diffusion coefficient in m²/s > 0, e.g. 1.33e-9")
            guard d > 0, d < 1e-6 else {
                throw MembraneError.invalidValue(field: "\(entryField).D", value: text,
                                                 allowed: "a diffusion coefficient in m²/s, > 0 and < 1e-6 (water's self-diffusion is 2.3e-9)")
            }
            return d
        }
        if var ion = catalog.ion(named: name) {
            if let charge, charge != ion.charge { ion = ion.withCharge(charge) }
            if let diffusion {
                ion = Ion(name: ion.name, charge: ion.charge, longName: ion.longName, aliases: ion.aliases,
                          transport: .diffusion(diffusion), ionSize: ion.ionSize,
                          transportSource: "user-supplied D", ionSizeSource: ion.ionSizeSource,
                          chargeNote: ion.chargeNote, isCustom: ion.isCustom)
            }
            return ion
        }
        guard let charge else {
            throw MembraneError.unknownName(field: field, value: name, suggestions: catalog.suggestions(for: name))
        }
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || "-+_".contains($0) }), name.first?.isLetter == true else {
            throw MembraneError.invalidValue(field: field, value: name,
                                             allowed: "a custom ion name of letters, digits, '-', '+' or '_', starting with a letter")
        }
        return try Ion.custom(name: name, charge: charge, diffusion: diffusion, field: "\(entryField).z")
    }
}
