import ArgumentParser
import Membrane
import MembraneReport

struct ChargeCommand: CalculationCommand {
    static let configuration = CommandConfiguration(
        commandName: "charge",
        abstract: "The charge that holds V_m on a spherical cell, in coulombs and in ions.",
        discussion: """
        Example: membrane charge --vm -80 --radius-um 10 --ion K --inside 140
        Q = C_m·4πr²·V_m; ions = |Q|/(|z|e); with --inside, the fraction of the cell's ions of that species.
        """)

    @Option(parsing: .unconditional, help: "Membrane potential in mV.") var vm: String
    @Option(name: .customLong("radius-um"), parsing: .unconditional, help: "Cell radius in µm.") var radiusUm: String
    @Option(name: .customLong("capacitance-uF-per-cm2"), parsing: .unconditional, help: "Specific capacitance (default 1 µF/cm²).") var capacitance: String = "1"
    @Option(parsing: .unconditional, help: "The ion that moves (default K).") var ion: String = "K"
    @Option(parsing: .unconditional, help: "Its concentration inside, for the fraction of the cell's ions.") var inside: String?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func execute() throws -> any Renderable {
        let ion = try Inputs.ion(self.ion, valence: nil)
        return try MembraneCharge(
            vm: Inputs.voltage(vm, field: "vm"),
            radius: .micrometres(Inputs.number(radiusUm, field: "radius-um")),
            specificCapacitance: .microfaradsPerSquareCentimetre(Inputs.number(capacitance, field: "capacitance-uF-per-cm2")),
            charge: ion.charge,
            insideConcentration: inside.map { try Inputs.concentration($0, field: "inside") },
            conditions: conditions.conditions())
    }
}
