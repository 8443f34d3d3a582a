import Membrane
import MembraneReport

/// `activity-model` (and, for a single ion, `inside-solution`/`outside-solution`) of the potential commands:
/// nernst, ghk, drive, report.
///
/// With a model other than `ideal`, activity coefficients are computed for the inside and outside solutions and
/// every potential uses activities a = γ·c:
/// - ghk, report: γ of each ion in its own solution (inside or outside, or the preset's);
/// - nernst, drive: the ion at the given concentration in `inside-solution`/`outside-solution` when given (the
///   ion's entry is set to `inside`/`outside`); otherwise the ion with its counter-ion to electroneutrality —
///   Cl⁻ for a cation, Na⁺ for an anion (K 140 inside is taken as 140 mM KCl). The output states the background.
/// The default `ideal` keeps textbook results (γ = 1).
struct ActivityInputs {
    var activityModel: String?
    var insideSolution: Assignments? = nil
    var outsideSolution: Assignments? = nil

    func model() throws -> ActivityModel {
        try ActivityModel.named(activityModel ?? Defaults.potentialActivityModel, field: "activity-model")
    }

    /// γ of one ion on each side.
    struct SingleIon {
        var gammaInside: Double
        var gammaOutside: Double
        var inside: ActivityResult
        var outside: ActivityResult
        var insideBackground: String
        var outsideBackground: String
    }

    /// γ of one ion on each side, or nil with the ideal model.
    func singleIon(_ ion: Ion, inside: Concentration, outside: Concentration, conditions: Conditions,
                   explicitGammas: Bool) throws -> SingleIon? {
        let model = try model()
        guard model != .ideal else {
            guard insideSolution == nil && outsideSolution == nil else {
                throw MembraneError.invalidValue(field: "inside-solution", value: insideSolution?.text ?? outsideSolution?.text ?? "",
                                                 allowed: "a background solution only together with `activity-model` other than ideal")
            }
            return nil
        }
        guard !explicitGammas else {
            throw MembraneError.invalidValue(field: "activity-model", value: model.rawValue,
                                             allowed: "either `activity-model` or `gamma-inside`/`gamma-outside`/`activities`, not both")
        }
        let calc = ActivityCalculator(model: model, temperature: conditions.temperature)
        let (sIn, dIn) = try background(ion, inside, given: insideSolution, field: "inside-solution", conditions: conditions)
        let (sOut, dOut) = try background(ion, outside, given: outsideSolution, field: "outside-solution", conditions: conditions)
        let rIn = try calc.analyze(sIn), rOut = try calc.analyze(sOut)
        return SingleIon(gammaInside: rIn.gamma(of: ion.name) ?? 1, gammaOutside: rOut.gamma(of: ion.name) ?? 1,
                         inside: rIn, outside: rOut, insideBackground: dIn, outsideBackground: dOut)
    }

    /// The solution a single ion's γ is computed in, and a description of it.
    func background(_ ion: Ion, _ c: Concentration, given: Assignments?, field: String, conditions: Conditions) throws -> (Solution, String) {
        if let given {
            var s = try SolutionParser(recipeTemperature: conditions.temperature).parse(given.text, field: field)
            if s[ion.name] != nil { s[ion.name] = c } else { try s.add(ion, c) }
            return (s, "\(given.text) with \(ion.name) at \(Format.concentration(c.millimolar))")
        }
        var s = try Solution()
        try s.add(ion, c)
        guard ion.charge != 0 else { return (s, ion.name + " alone") }
        let counter = IonCatalog.standard.ion(named: ion.charge > 0 ? "Cl" : "Na")!
        guard counter.name != ion.name else { return (s, ion.name + " alone") }
        try s.add(counter, .millimolar(c.millimolar * Double(abs(ion.charge))))
        return (s, "\(ion.name) with \(counter.name) to neutrality (\(ion.name)\(counter.name)-like salt)")
    }

    /// Each concentration replaced by its activity γ·c (for GHK and the resting report), with the γ used.
    func activities(of solution: Solution, conditions: Conditions) throws -> (Solution, ActivityResult)? {
        let model = try model()
        guard model != .ideal else { return nil }
        let r = try ActivityCalculator(model: model, temperature: conditions.temperature).analyze(solution)
        var scaled = try Solution()
        for a in r.ions { try scaled.add(a.ion, a.activity) }
        return (scaled, r)
    }

    /// The result with `activity_model` and, for a non-ideal model, the γ on each side.
    func annotate(_ base: any Renderable, inside: ActivityResult?, outside: ActivityResult?,
                  backgrounds: (String, String)? = nil, concentrationsAreActivities: Bool = false) throws -> ActivityAnnotated {
        let model = try model()
        var fields: [(String, JSONValue)] = []
        var lines: [String] = []
        if let inside, let outside {
            func gammas(_ r: ActivityResult) -> JSONValue { .object(r.ions.map { ($0.ion.name, .number($0.gamma)) }) }
            fields += [("activity_coefficients_inside", gammas(inside)), ("activity_coefficients_outside", gammas(outside)),
                       ("ionic_strength_inside_M", .number(inside.ionicStrengthMolar)),
                       ("ionic_strength_outside_M", .number(outside.ionicStrengthMolar))]
            let warnings = inside.warnings.map { "inside: " + $0 } + outside.warnings.map { "outside: " + $0 }
            fields.append(("activity_warnings", .array(warnings.map { .string($0) })))
            lines.append("activities from \(model.rawValue): I_in = \(Format.significant(inside.ionicStrengthMolar, 3)) M, "
                         + "I_out = \(Format.significant(outside.ionicStrengthMolar, 3)) M")
            if let backgrounds {
                fields += [("activity_background_inside", .string(backgrounds.0)), ("activity_background_outside", .string(backgrounds.1))]
                lines.append("  backgrounds: inside \(backgrounds.0); outside \(backgrounds.1)")
            }
            if concentrationsAreActivities {
                fields.append(("concentration_basis", .string("the inside/outside values above are activities γ·c (\(model.rawValue))")))
                lines.append("  the concentrations above are activities γ·c")
            }
            for w in warnings { lines.append("warning: " + w) }
        }
        return ActivityAnnotated(base: base, model: model, fields: fields, lines: lines)
    }
}
