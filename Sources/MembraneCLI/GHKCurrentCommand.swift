import ArgumentParser
import Foundation
import Membrane
import MembraneReport

struct GHKCurrentCommand: CalculationCommand {
    static let configuration = CommandConfiguration(
        commandName: "ghk-current",
        abstract: "The GHK current density and flux of one ion at a voltage (or an I–V curve).",
        discussion: """
        Example: membrane ghk-current --ion Ca --inside 1e-4 --outside 2 --permeability 1e-6 --voltage -20
        The permeability is in cm/s; current is outward positive, flux efflux positive. With --from/--to/--step
        the I–V curve is printed (and drawn with --plot FILE.svg).
        """)

    @Option(parsing: .unconditional, help: "Ion name or custom ion NAME(z=..).") var ion: String
    @Option(parsing: .unconditional, help: "Inside concentration.") var inside: String
    @Option(parsing: .unconditional, help: "Outside concentration.") var outside: String
    @Option(parsing: .unconditional, help: "Permeability in cm/s.") var permeability: String
    @Option(parsing: .unconditional, help: "Membrane potential in mV.") var voltage: String = "0"
    @Option(help: "Valence override / custom ion valence.") var valence: Int?
    @Option(parsing: .unconditional, help: "I–V curve start, mV.") var from: String?
    @Option(parsing: .unconditional, help: "I–V curve end, mV.") var to: String?
    @Option(parsing: .unconditional, help: "I–V curve step, mV.") var step: String = "5"
    @Option(parsing: .unconditional, help: "Write the I–V curve as an SVG plot.") var plot: String?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func execute() throws -> any Renderable {
        let ion = try Inputs.ion(self.ion, valence: valence)
        let conditions = try self.conditions.conditions()
        let p = Permeability.centimetresPerSecond(try Inputs.number(permeability, field: "permeability"))
        let cIn = try Inputs.concentration(inside, field: "inside")
        let cOut = try Inputs.concentration(outside, field: "outside")
        let v = try Inputs.voltage(voltage, field: "voltage")
        let single = try GHKCurrent.calculate(ion: ion, permeability: p, inside: cIn, outside: cOut,
                                              at: v, conditions: conditions)
        guard from != nil || to != nil || plot != nil else { return single }
        let start = try Inputs.voltage(from ?? "-100", field: "from")
        let end = try Inputs.voltage(to ?? "100", field: "to")
        try MembraneError.requireMembranePotential(start, field: "from")
        try MembraneError.requireMembranePotential(end, field: "to")
        let dv = try Inputs.voltage(step, field: "step")
        guard dv.volts > 0, end > start, (end - start) / dv <= 100_000 else {
            throw MembraneError.invalidValue(field: "step", value: step,
                                             allowed: "a step > 0 with --to > --from and at most 100000 points")
        }
        let n = Int(((end - start) / dv).rounded(.down)) + 1
        let voltages = (0..<n).map { start + Double($0) * dv }
        let currents = GHKCurrent.curve(z: ion.charge, permeability: p, inside: cIn, outside: cOut,
                                        voltages: voltages, conditions: conditions)
        let curve = IVCurve(point: single, voltages: voltages, currents: currents)
        if let plot {
            try curve.svg().write(toFile: plot, atomically: true, encoding: .utf8)
        }
        return curve
    }
}
