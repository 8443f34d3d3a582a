import ArgumentParser
import Foundation
import Membrane
import MembraneRequests

struct SteadyStateCommand: RequestCommand {
    static let configuration = CommandConfiguration(
        commandName: "steady-state",
        abstract: "The pump–leak steady state (Newton, continuation fallback): V_m, concentrations, volume, the pump's energy budget.",
        discussion: """
        Examples:
          membrane steady-state --preset kay-2017
          membrane steady-state --preset keener-sneyd --pump-rate 3
          membrane steady-state --preset keener-sneyd --sweep 0.1:14:140 --plot ks.svg --csv ks.csv
        Presets: kay-2017 (Kay 2017, PLM_CD.m), keener-sneyd (Mathematical Physiology ch. 2). --pump-rate is Keener &
        Sneyd's dimensionless P = F·J/(g_Na·RT/F). If no steady state exists (no pump: the Donnan catastrophe; or a pump
        rate beyond the limit) the command says so and gives the range of pump rates with a steady state. The existence
        range is reported with every result. --config FILE overrides parameters (docs/pump-leak-config.md).
        """)

    @OptionGroup var pumpLeak: PumpLeakOptions
    @Option(name: .customLong("set"), help: "NAME=VALUE: not for pump–leak presets (their parameters are set with --config FILE).") var set: [String] = []
    @Option(parsing: .unconditional, help: "Sweep the pump rate P: FROM:TO:POINTS (e.g. 0.1:14:140).") var sweep: String?
    @Option(help: "Write the sweep as CSV.") var csv: String?
    @Option(help: "Write the sweep as an SVG plot (V_m, concentrations, volume against P).") var plot: String?
    @Option(name: .customLong("max-iterations"), parsing: .unconditional, help: "Cap on Newton iterations (for diagnosis).") var maxIterations: Int?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    var progressLabel: String? { sweep != nil ? "sweep" : nil }

    func request() throws -> SteadyStateRequest {
        var r = SteadyStateRequest()
        try pumpLeak.apply(to: &r)
        r.set = set.isEmpty ? nil : Assignments(set.joined(separator: ", "))
        r.sweep = sweep
        r.maxIterations = maxIterations
        r.temperature = conditions.temperature
        r.constants = conditions.constants
        if sweep == nil, csv != nil || plot != nil {
            throw MembraneError.invalidValue(field: csv != nil ? "csv" : "plot", value: csv ?? plot ?? "",
                                             allowed: "--csv and --plot with --sweep (a single steady state is one row)")
        }
        return r
    }

    var outputFiles: [(field: String, path: String?)] { [("csv", csv), ("plot", plot)] }

    func writeFiles(_ output: inout SteadyStateRequest.Output) throws {
        if let csv, let text = output.csv { try OutputFile.write(text, to: csv, field: "csv") }
    }
}
