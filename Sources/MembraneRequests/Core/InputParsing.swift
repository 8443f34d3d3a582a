import Membrane

/// Reading the inputs that several requests share: solutions (with a recipe's warnings), ions, methods.
public enum InputParsing {
    static let parser = SolutionParser()

    /// An ion list or a recipe (its pKa's at 25 °C); a recipe's warnings (pH range, imbalance, missing
    /// constants) become input warnings. A pure function of the text and the field: runs that share a memo (a
    /// sweep's points) read each text once.
    static func solution(_ value: Assignments, field: String, context: inout RequestContext) throws -> Solution {
        let text = value.text
        let (solution, warnings) = try context.value(of: ["solution", field, text]) { () throws -> (Solution, [String]) in
            let entries = try parser.splitEntries(text, field: field)
            guard parser.isRecipe(entries: entries) else { return (try parser.parse(entries: entries, text: text, field: field), []) }
            let r = try parser.parseRecipe(text, field: field)
            return (r.solution, r.warnings.map { "(\(field) recipe) \($0)" })
        }
        for w in warnings { context.warn(w) }
        return solution
    }

    /// NAME=NUMBER pairs (permeabilities, conductances), each name once (``NamedValues``). A pure function of the
    /// text: runs that share a memo read each text once.
    static func namedValues(_ value: Assignments, field: String, example: String = "K=1,Na=0.04,Cl=0.45",
                            context: RequestContext) throws -> [(name: String, value: Double)] {
        try context.value(of: ["named values", field, example, value.text]) { try value.namedValues(field: field, example: example) }
    }

    /// A stiff integration method by name (`rodas4`, `bdf`).
    public static func integrationMethod(_ text: String, field: String = "method") throws -> IntegrationMethod {
        guard let m = IntegrationMethod(rawValue: text.trimmingWhitespace().lowercased()) else {
            throw MembraneError.invalidValue(field: field, value: text,
                                             allowed: IntegrationMethod.allCases.map(\.rawValue).joined(separator: " or "))
        }
        return m
    }

    /// A catalog ion, optionally re-charged (`valence`), or a custom ion `NAME(z=+2)`.
    static func ion(_ name: String, valence: Int?, field: String = "ion") throws -> Ion {
        let trimmed = name.trimmingWhitespace()
        guard !trimmed.isEmpty else {
            throw MembraneError.invalidValue(field: field, value: name, allowed: "an ion name such as K, Na, Cl, Ca")
        }
        // Reuse the solution syntax for names with attributes: "X(z=+2)" → parse "X(z=+2)=1".
        let ion: Ion
        do {
            ion = try parser.parse(trimmed + "=1", field: field).ions[0]
        } catch MembraneError.unknownName(let field, let value, let suggestions) {
            // An unknown name is a custom ion when its valence is given.
            guard let valence else { throw MembraneError.unknownName(field: field, value: value, suggestions: suggestions) }
            return try Ion.custom(name: trimmed, charge: valence, field: "valence")
        }
        if let valence, valence != ion.charge {
            guard Ion.validCharges.contains(valence) else {
                throw MembraneError.invalidValue(field: "valence", value: "\(valence)", allowed: "an integer from -6 to +6")
            }
            return ion.withCharge(valence)
        }
        return ion
    }
}
