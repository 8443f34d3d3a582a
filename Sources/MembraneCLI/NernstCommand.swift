import ArgumentParser
import Membrane
import MembraneReport

struct NernstCommand: CalculationCommand {
    static let configuration = CommandConfiguration(
        commandName: "nernst",
        abstract: "The Nernst (equilibrium) potential of one ion: E = (RT/zF)·ln(a_out/a_in).",
        discussion: """
        Examples:
          membrane nernst --ion K --inside 140 --outside 5
          membrane nernst --ion Ca --inside 100nM --outside 2 --temperature 34
          membrane nernst --ion K --inside 140 --outside 4 --gamma-inside 0.85 --gamma-outside 0.70
        A neutral solute, or an ion absent on one side, has no Nernst potential: the command says why.
        """)

    @Option(parsing: .unconditional, help: "Ion name (K, Na, Cl, Ca, ...) or a custom ion NAME(z=+2).") var ion: String
    @Option(parsing: .unconditional, help: "Inside concentration (mM unless a unit is written).") var inside: String
    @Option(parsing: .unconditional, help: "Outside concentration (mM unless a unit is written).") var outside: String
    @Option(help: "Valence, to override the catalog's or to define a custom ion.") var valence: Int?
    @Option(name: .customLong("gamma-inside"), parsing: .unconditional, help: "Activity coefficient inside (default 1).") var gammaInside: String?
    @Option(name: .customLong("gamma-outside"), parsing: .unconditional, help: "Activity coefficient outside (default 1).") var gammaOutside: String?
    @Flag(help: "Treat --inside and --outside as activities rather than concentrations.") var activities = false
    @OptionGroup var activity: ActivityOptions
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func execute() throws -> any Renderable {
        let ion = try Inputs.ion(self.ion, valence: valence)
        let cIn = try Inputs.concentration(inside, field: "inside")
        let cOut = try Inputs.concentration(outside, field: "outside")
        if activities && (gammaInside != nil || gammaOutside != nil) {
            throw MembraneError.invalidValue(field: "activities", value: "with gamma",
                                             allowed: "either --activities or activity coefficients, not both")
        }
        var gIn = try gammaInside.map { try Inputs.number($0, field: "gamma-inside") } ?? 1
        var gOut = try gammaOutside.map { try Inputs.number($0, field: "gamma-outside") } ?? 1
        let c = try conditions.conditions()
        let model = try activity.singleIon(ion, inside: cIn, outside: cOut, conditions: c,
                                           explicitGammas: gammaInside != nil || gammaOutside != nil || activities)
        if let model { gIn = model.gammaInside; gOut = model.gammaOutside }
        var result = try Nernst.calculate(ion: ion, inside: cIn, outside: cOut, gammaInside: gIn, gammaOutside: gOut,
                                          conditions: c)
        result.inputsAreActivities = activities
        return try activity.annotate(result, inside: model?.inside, outside: model?.outside,
                                     backgrounds: model.map { ($0.insideBackground, $0.outsideBackground) })
    }
}
