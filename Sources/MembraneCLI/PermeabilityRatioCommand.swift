import ArgumentParser
import Membrane
import MembraneReport

struct PermeabilityRatioCommand: CalculationCommand {
    static let configuration = CommandConfiguration(
        commandName: "permeability-ratio",
        abstract: "Permeability ratios from measured reversal potentials (the inverse of GHK).",
        discussion: """
        Bi-ionic: test ion outside only, reference ion inside only (any valences):
          membrane permeability-ratio --reference Cs --inside 140 --test Ca --outside 10 --reversal 20
        General: full compositions, known permeabilities, one unknown (ion substitution experiments):
          membrane permeability-ratio --test Na --inside-solution "K=140,Na=10" \\
              --outside-solution "K=5,Na=145" --known "K=1" --reversal -60
        Substitution shift (monovalent): reference Y replaced by test X outside shifts E_rev by ΔE:
          membrane permeability-ratio --reference Na --test Li --reference-outside 150 --outside 150 --shift -12
        """)

    @Option(help: "The ion whose permeability is sought.") var test: String
    @Option(help: "Reference ion (bi-ionic or substitution).") var reference: String?
    @Option(parsing: .unconditional, help: "Reference ion concentration inside (bi-ionic).") var inside: String?
    @Option(parsing: .unconditional, help: "Test ion concentration outside (bi-ionic, substitution).") var outside: String?
    @Option(name: .customLong("reference-outside"), parsing: .unconditional, help: "Reference ion concentration outside before substitution.") var referenceOutside: String?
    @Option(parsing: .unconditional, help: "Reversal potential shift E_test − E_reference in mV (substitution).") var shift: String?
    @Option(name: .customLong("inside-solution"), help: "Full inside solution (general mode).") var insideSolution: String?
    @Option(name: .customLong("outside-solution"), help: "Full outside solution (general mode).") var outsideSolution: String?
    @Option(help: "Known relative permeabilities (general mode), e.g. \"K=1,Cl=0.45\".") var known: String?
    @Option(parsing: .unconditional, help: "Measured reversal potential in mV.") var reversal: String?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func execute() throws -> any Renderable {
        let conditions = try self.conditions.conditions()
        let testIon = try Inputs.ion(test, valence: nil)
        if let insideSolution, let outsideSolution, let known {
            let si = try Inputs.solution(insideSolution, field: "inside-solution")
            let so = try Inputs.solution(outsideSolution, field: "outside-solution")
            let erev = try Inputs.voltage(reversal ?? "", field: "reversal")
            let knownPermeants = try Permeant.list(inside: si, outside: so,
                                                   permeabilities: NamedValues.parse(known, field: "known"))
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
                                             allowed: "--reference (bi-ionic or substitution), or --inside-solution/--outside-solution/--known")
        }
        let refIon = try Inputs.ion(reference, valence: nil)
        if let shift {
            let ratio = try PermeabilityRatio.substitution(
                charge: testIon.charge,
                yOutside: Inputs.concentration(referenceOutside ?? "", field: "reference-outside"),
                xOutside: Inputs.concentration(outside ?? "", field: "outside"),
                shift: Inputs.voltage(shift, field: "shift"), conditions: conditions)
            return PermeabilityRatioReport(mode: "substitution", test: testIon.name, reference: refIon.name,
                                           ratio: ratio, reversal: try Inputs.voltage(shift, field: "shift"),
                                           conditions: conditions)
        }
        let erev = try Inputs.voltage(reversal ?? "", field: "reversal")
        let ratio = try PermeabilityRatio.biIonic(
            a: refIon, aInside: Inputs.concentration(inside ?? "", field: "inside"),
            b: testIon, bOutside: Inputs.concentration(outside ?? "", field: "outside"),
            reversal: erev, conditions: conditions)
        return PermeabilityRatioReport(mode: "bi-ionic", test: testIon.name, reference: refIon.name,
                                       ratio: ratio, reversal: erev, conditions: conditions)
    }
}
