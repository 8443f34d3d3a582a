import ArgumentParser
import Membrane
import MembraneReport

struct DriveCommand: CalculationCommand {
    static let configuration = CommandConfiguration(
        commandName: "drive",
        abstract: "Driving force V_m − E, current and flux direction, Ussing flux ratio and ΔG of one ion.",
        discussion: """
        Example: membrane drive --ion Na --inside 12 --outside 145 --vm -70
        ΔG is for moving one mole from outside to inside: ΔG = RT·ln(a_in/a_out) + zF·V_m.
        """)

    @Option(parsing: .unconditional, help: "Ion name or custom ion NAME(z=..).") var ion: String
    @Option(parsing: .unconditional, help: "Inside concentration.") var inside: String
    @Option(parsing: .unconditional, help: "Outside concentration.") var outside: String
    @Option(parsing: .unconditional, help: "Membrane potential V_m in mV.") var vm: String
    @Option(help: "Valence override / custom ion valence.") var valence: Int?
    @Option(name: .customLong("gamma-inside"), parsing: .unconditional, help: "Activity coefficient inside (default 1).") var gammaInside: String?
    @Option(name: .customLong("gamma-outside"), parsing: .unconditional, help: "Activity coefficient outside (default 1).") var gammaOutside: String?
    @OptionGroup var activity: ActivityOptions
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func execute() throws -> any Renderable {
        let ion = try Inputs.ion(self.ion, valence: valence)
        let conditions = try self.conditions.conditions()
        var gIn = try gammaInside.map { try Inputs.number($0, field: "gamma-inside") } ?? 1
        var gOut = try gammaOutside.map { try Inputs.number($0, field: "gamma-outside") } ?? 1
        let cIn = try Inputs.concentration(inside, field: "inside"), cOut = try Inputs.concentration(outside, field: "outside")
        let model = try activity.singleIon(ion, inside: cIn, outside: cOut, conditions: conditions,
                                           explicitGammas: gammaInside != nil || gammaOutside != nil)
        if let model { gIn = model.gammaInside; gOut = model.gammaOutside }
        let nernst = try Nernst.calculate(ion: ion, inside: cIn, outside: cOut,
                                          gammaInside: gIn, gammaOutside: gOut, conditions: conditions)
        let vm = try Inputs.voltage(self.vm, field: "vm")
        let df = DrivingForce(ion: ion, vm: vm, reversal: nernst.potential, conditions: conditions)
        let transfer = try ElectrochemicalPotential.transfer(charge: ion.charge, activityInside: nernst.activityInside,
                                                             activityOutside: nernst.activityOutside, vm: vm,
                                                             conditions: conditions)
        return try activity.annotate(DriveReport(nernst: nernst, drivingForce: df, transfer: transfer),
                                     inside: model?.inside, outside: model?.outside,
                                     backgrounds: model.map { ($0.insideBackground, $0.outsideBackground) })
    }
}
