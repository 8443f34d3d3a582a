import ArgumentParser
import Foundation
import Membrane
import MembraneReport

struct SteadyStateCommand: CalculationCommand {
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
    @Option(help: "Sweep the pump rate P: FROM:TO:POINTS (e.g. 0.1:14:140).") var sweep: String?
    @Option(help: "Write the sweep as CSV.") var csv: String?
    @Option(help: "Write the sweep as an SVG plot (V_m, concentrations, volume against P).") var plot: String?
    @Option(name: .customLong("max-iterations"), help: "Cap on Newton iterations (for diagnosis).") var maxIterations: Int?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func execute() throws -> any Renderable {
        let scenario = try pumpLeak.scenario(conditions: conditions)
        var solver = SteadyStateSolver()
        if let maxIterations {
            guard maxIterations >= 1 else {
                throw MembraneError.invalidValue(field: "max-iterations", value: "\(maxIterations)", allowed: "at least 1")
            }
            solver = solver.limited(to: maxIterations)
        }
        if let sweep { return try runSweep(sweep, scenario: scenario, solver: solver) }
        if csv != nil || plot != nil {
            throw MembraneError.invalidValue(field: csv != nil ? "csv" : "plot", value: csv ?? plot ?? "",
                                             allowed: "--csv and --plot with --sweep (a single steady state is one row)")
        }
        let steady = try solver.solve(scenario)
        return SteadyStateReport(steadyState: steady, closedForm: closedForm(scenario),
                                 range: SteadyStateExistence.pumpRateRange(scenario))
    }

    /// Keener & Sneyd's closed form, for the keener-sneyd preset when its assumptions hold.
    func closedForm(_ s: Scenario) -> KeenerSneyd.SteadyState? {
        guard s.name == "keener-sneyd", s.pump?.kinetics == .constant, let p = s.dimensionlessPumpRate,
              let na = s.index(of: "Na"), let k = s.index(of: "K"), let gNa = s.sodiumConductance else { return nil }
        var gK = 0.0
        for leak in s.leaks where leak.ion == "K" { if case .ohmic(let g) = leak.kind { gK += g.siemensPerSquareMetre } }
        guard gK > 0 else { return nil }
        return KeenerSneyd.steadyState(pumpRate: p, sodiumOutside: s.outside[na].millimolar, potassiumOutside: s.outside[k].millimolar,
                                       gamma: gNa / gK, impermeantCharge: s.impermeant.charge)
    }

    func runSweep(_ text: String, scenario: Scenario, solver: SteadyStateSolver) throws -> any Renderable {
        let parts = text.split(separator: ":").map(String.init)
        guard parts.count == 3, let count = Int(parts[2]), count >= 2, count <= 100_000 else {
            throw MembraneError.invalidValue(field: "sweep", value: text, allowed: "FROM:TO:POINTS with 2 ≤ POINTS ≤ 100000, e.g. 0.1:14:140")
        }
        let from = try Inputs.number(parts[0], field: "sweep"), to = try Inputs.number(parts[1], field: "sweep")
        guard from >= 0, to > from else {
            throw MembraneError.invalidValue(field: "sweep", value: text, allowed: "0 ≤ FROM < TO")
        }
        var points: [SteadyStateSweep.Point] = []
        var progress = ProgressBar(label: "sweep")
        Interrupt.install()
        defer { Interrupt.restore() }
        var interrupted = false
        for i in 0..<count {
            if Interrupt.requested { interrupted = true; break }
            let p = from + (to - from) * Double(i) / Double(count - 1)
            var s = scenario
            try s.setDimensionlessPumpRate(p)
            do {
                let steady = try solver.solve(s)
                points.append(.init(pumpRate: p, steadyState: steady, closedForm: closedForm(s), reason: nil))
            } catch let error as MembraneError {
                if case .undefined = error {
                    points.append(.init(pumpRate: p, steadyState: nil, closedForm: nil, reason: error.message))
                } else { throw error }
            }
            progress.update(Double(i + 1) / Double(count), detail: "P = \(Format.significant(p, 4))")
        }
        progress.finish()
        let result = SteadyStateSweep(scenario: scenario, points: points, range: SteadyStateExistence.pumpRateRange(scenario),
                                      interrupted: interrupted)
        if let csv { try result.csv().write(toFile: csv, atomically: true, encoding: .utf8) }
        if let plot { try result.svg().write(toFile: plot, atomically: true, encoding: .utf8) }
        return result
    }
}
