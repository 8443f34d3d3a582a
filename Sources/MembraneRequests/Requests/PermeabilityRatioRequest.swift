import Membrane
import MembraneReport

/// `permeability-ratio`: P_X/P_Y from measured reversal potentials, the inverse of GHK: bi-ionic, ion
/// substitution, or general (full compositions, known permeabilities, one unknown) (Hille 2001, ch. 14).
public struct PermeabilityRatioRequest: MembraneRequest {
    public static let command = "permeability-ratio"

    /// The ion whose permeability is sought.
    public var test: String
    public var reference: String?
    public var inside: Scalar?
    public var outside: Scalar?
    public var referenceOutside: Scalar?
    /// Reversal potential shift E_test − E_reference in mV (substitution).
    public var shift: Scalar?
    public var insideSolution: Assignments?
    public var outsideSolution: Assignments?
    /// Known relative permeabilities (general mode).
    public var known: Assignments?
    public var reversal: Scalar?
    public var temperature: Scalar?
    public var constants: String?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case test, reference, inside, outside, shift, known, reversal, temperature, constants
        case referenceOutside = "reference-outside", insideSolution = "inside-solution", outsideSolution = "outside-solution"
    }

    public init(test: String) { self.test = test }

    public func run(in context: inout RequestContext) throws -> PermeabilityRatioReport {
        let conditions = try Defaults.conditions(temperature: temperature, constants: constants)
        let testIon = try InputParsing.ion(test, valence: nil, field: "test")
        if let insideSolution, let outsideSolution, let known {
            let si = try InputParsing.solution(insideSolution, field: "inside-solution", context: &context)
            let so = try InputParsing.solution(outsideSolution, field: "outside-solution", context: &context)
            let erev = try (reversal ?? "").voltage(field: "reversal")
            let knownPermeants = try Permeant.list(inside: si, outside: so, permeabilities: known.namedValues(field: "known"))
            guard let cIn = si[testIon.name], let cOut = so[testIon.name] else {
                throw MembraneError.invalidValue(field: "test", value: testIon.name,
                                                 allowed: "an ion listed in both solutions (write X=0 where absent)")
            }
            let p = try PermeabilityRatio.solve(
                unknown: Permeant(ion: testIon, inside: cIn, outside: cOut, permeability: 0),
                known: knownPermeants, reversal: erev, conditions: conditions)
            return PermeabilityRatioReport(mode: "general", test: testIon.name,
                                           reference: knownPermeants.map(\.ion.name).joined(separator: "+"),
                                           ratio: p, reversal: erev, conditions: conditions)
        }
        guard let reference else {
            throw MembraneError.invalidValue(field: "reference", value: "",
                                             allowed: "`reference` (bi-ionic or substitution), or `inside-solution`/`outside-solution`/`known`")
        }
        let refIon = try InputParsing.ion(reference, valence: nil, field: "reference")
        if let shift {
            let ratio = try PermeabilityRatio.substitution(
                charge: testIon.charge,
                yOutside: (referenceOutside ?? "").concentration(field: "reference-outside"),
                xOutside: (outside ?? "").concentration(field: "outside"),
                shift: shift.voltage(field: "shift"), conditions: conditions)
            return PermeabilityRatioReport(mode: "substitution", test: testIon.name, reference: refIon.name,
                                           ratio: ratio, reversal: try shift.voltage(field: "shift"), conditions: conditions)
        }
        let erev = try (reversal ?? "").voltage(field: "reversal")
        let ratio = try PermeabilityRatio.biIonic(
            a: refIon, aInside: (inside ?? "").concentration(field: "inside"),
            b: testIon, bOutside: (outside ?? "").concentration(field: "outside"),
            reversal: erev, conditions: conditions)
        return PermeabilityRatioReport(mode: "bi-ionic", test: testIon.name, reference: refIon.name,
                                       ratio: ratio, reversal: erev, conditions: conditions)
    }
}
