import ArgumentParser
import Foundation
import Membrane
import MembraneReport

/// `--json`: one JSON document on stdout instead of a table.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print exactly one JSON document on stdout.")
    var json = false

    func emit(_ result: any Renderable, inputWarnings: [String] = []) {
        guard json else { print(result.text); return }
        var document = result.json
        if !inputWarnings.isEmpty, case .object(var pairs) = document {
            pairs.append(("input_warnings", .array(inputWarnings.map { .string($0) })))
            document = .object(pairs)
        }
        print(document.render())
    }
}

/// `--temperature` and `--constants`.
struct ConditionsOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: "Temperature in °C (37) or kelvin with K (310.15K). Default: 37 °C or the preset's.")
    var temperature: String?

    @Option(name: .long, help: "Constant set: codata2018 (default) or neuron-legacy (NEURON < 8).")
    var constants: String = "codata2018"

    func conditions(defaultTemperature: Temperature = .body) throws -> Conditions {
        let t = try temperature.map { try QuantityParser.temperature($0) } ?? defaultTemperature
        return Conditions(temperature: t, constants: try ConstantSet.named(constants))
    }
}

/// A subcommand that computes one renderable result.
protocol CalculationCommand: ParsableCommand {
    var output: OutputOptions { get }
    func execute() throws -> any Renderable
}

extension CalculationCommand {
    func run() throws { try runCalculation() }

    /// Executes with input warnings collected, and prints the result.
    func runCalculation() throws {
        let diagnostics = Diagnostics(json: output.json)
        let result = try Diagnostics.$current.withValue(diagnostics) { try execute() }
        output.emit(result, inputWarnings: diagnostics.warnings)
    }
}

/// Warnings raised while reading inputs (e.g. a recipe's), scoped to one command run.
/// In text mode they go to stderr at once; with --json they are collected and printed inside the
/// one JSON document (`input_warnings`), so stderr stays free for a JSON error object.
final class Diagnostics: @unchecked Sendable {
    @TaskLocal static var current: Diagnostics?
    let json: Bool
    private(set) var warnings: [String] = []

    init(json: Bool) { self.json = json }

    /// Reports a warning about an input: now on stderr (text mode) or later in the JSON.
    static func warn(_ message: String) {
        if let current, current.json {
            current.warnings.append(message)
        } else {
            FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
        }
    }
}

/// Shared parsing helpers for the commands.
enum Inputs {
    static let parser = SolutionParser()

    /// An ion list or a recipe; a recipe's warnings (pH range, imbalance, missing constants) go to stderr.
    static func solution(_ text: String, field: String) throws -> Solution {
        guard Recipe.isRecipe(entries: try parser.splitEntries(text, field: field)) else { return try parser.parse(text, field: field) }
        let r = try parser.parseRecipe(text, field: field)
        for w in r.warnings { Diagnostics.warn("(\(field) recipe) \(w)") }
        return r.solution
    }

    static func concentration(_ text: String, field: String) throws -> Concentration {
        try QuantityParser.concentration(text, field: field)
    }

    static func voltage(_ text: String, field: String) throws -> Voltage {
        try QuantityParser.voltage(text, field: field)
    }

    static func number(_ text: String, field: String) throws -> Double {
        try QuantityParser.number(text, field: field)
    }

    /// A stiff integration method by name (`rodas4`, `bdf`).
    static func integrationMethod(_ text: String, field: String = "method") throws -> IntegrationMethod {
        guard let m = IntegrationMethod(rawValue: text.trimmingWhitespace().lowercased()) else {
            throw MembraneError.invalidValue(field: field, value: text,
                                             allowed: IntegrationMethod.allCases.map(\.rawValue).joined(separator: " or "))
        }
        return m
    }

    /// A catalog ion, optionally re-charged (`--valence`), or a custom ion `NAME(z=+2)`.
    static func ion(_ name: String, valence: Int?) throws -> Ion {
        let trimmed = name.trimmingWhitespace()
        guard !trimmed.isEmpty else {
            throw MembraneError.invalidValue(field: "ion", value: name, allowed: "an ion name such as K, Na, Cl, Ca")
        }
        // Reuse the solution syntax for names with attributes: "X(z=+2)" → parse "X(z=+2)=1".
        let ion: Ion
        do {
            ion = try parser.parse(trimmed + "=1", field: "ion").ions[0]
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
