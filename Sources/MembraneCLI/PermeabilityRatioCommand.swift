import ArgumentParser
import MembraneRequests

struct PermeabilityRatioCommand: RequestCommand {
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
    @Option(parsing: .unconditional, help: "Reference ion concentration inside (bi-ionic).") var inside: Scalar?
    @Option(parsing: .unconditional, help: "Test ion concentration outside (bi-ionic, substitution).") var outside: Scalar?
    @Option(name: .customLong("reference-outside"), parsing: .unconditional, help: "Reference ion concentration outside before substitution.") var referenceOutside: Scalar?
    @Option(parsing: .unconditional, help: "Reversal potential shift E_test − E_reference in mV (substitution).") var shift: Scalar?
    @Option(name: .customLong("inside-solution"), help: "Full inside solution (general mode).") var insideSolution: Assignments?
    @Option(name: .customLong("outside-solution"), help: "Full outside solution (general mode).") var outsideSolution: Assignments?
    @Option(help: "Known relative permeabilities (general mode), e.g. \"K=1,Cl=0.45\".") var known: Assignments?
    @Option(parsing: .unconditional, help: "Measured reversal potential in mV.") var reversal: Scalar?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func request() -> PermeabilityRatioRequest {
        var r = PermeabilityRatioRequest(test: test)
        r.reference = reference
        r.inside = inside
        r.outside = outside
        r.referenceOutside = referenceOutside
        r.shift = shift
        r.insideSolution = insideSolution
        r.outsideSolution = outsideSolution
        r.known = known
        r.reversal = reversal
        r.temperature = conditions.temperature
        r.constants = conditions.constants
        return r
    }
}
