import ArgumentParser
import Foundation
import Membrane
import MembraneReport

/// `membrane bench-activity`: activity coefficients of a 10-ion solution per second, for each model.
/// Benchmarks are not tests; results and the pyEQL comparison are in BENCHMARKS.md
/// (Benchmarks/run-activity-peers.sh runs both).
struct BenchActivityCommand: CalculationCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-activity",
        abstract: "Measure activity-coefficient evaluations per second of a 10-ion plasma-like solution for every model.",
        discussion: "swift run -c release membrane bench-activity [--seconds 1] — see BENCHMARKS.md.")

    @Option(parsing: .unconditional, help: "Minimum time per case, in seconds.") var seconds: Double = 1
    @OptionGroup var output: OutputOptions

    /// Plasma-like, 10 ions (mM ≈ mmol/kg here): Na 142, K 4.5, Ca 2.5, Mg 0.9, Cl 103, HCO3 25, SO4 0.5,
    /// HPO4 0.8, H2PO4 0.2, H 4e-5 — the same composition as Benchmarks/peers/activity_peer.py.
    static let species: [(String, Double)] = [
        ("Na", 142), ("K", 4.5), ("Ca", 2.5), ("Mg", 0.9), ("Cl", 103), ("HCO3", 25), ("SO4", 0.5),
        ("HPO4", 0.8), ("H2PO4", 0.2), ("H", 4e-5),
    ]

    func execute() throws -> any Renderable {
        try MembraneError.requirePositive(seconds, field: "seconds")
        let ions = Self.species.map { IonCatalog.standard.ion(named: $0.0)! }
        var molalities = Self.species.map { $0.1 * 1e-3 }
        let bench = BenchCommand(seconds: seconds)
        var cases: [BenchReport.Case] = []
        for model in ActivityModel.allCases {
            let calc = ActivityCalculator(model: model, temperature: .body)
            cases.append(bench.measure("activity, 10 ions, \(model.rawValue)") { i in
                molalities[0] = 0.142 + Double(i & 7) * 1e-4
                return (try? calc.coefficients(ions: ions, molalities: molalities).ions[0].gamma) ?? 0
            })
        }
        return BenchReport(cases: cases)
    }
}

extension BenchCommand {
    init(seconds: Double) {
        self.init()
        self.seconds = seconds
    }
}
