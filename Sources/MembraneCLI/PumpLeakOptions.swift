import ArgumentParser
import Foundation
import Membrane

/// The options that pick and adjust a pump–leak scenario: `--preset`, `--config`, `--pump-rate`.
struct PumpLeakOptions: ParsableArguments {
    @Option(help: "Pump–leak preset: kay-2017 or keener-sneyd.") var preset: String = "kay-2017"
    @Option(help: "JSON file overriding preset parameters (keys in docs/pump-leak-config.md).") var config: String?
    @Option(name: .customLong("pump-rate"), parsing: .unconditional,
            help: "Keener & Sneyd's dimensionless pump rate P = F·J/(g_Na·RT/F) (needs an ohmic Na leak).") var pumpRate: String?
    @Option(name: .customLong("pump-current-uA-per-cm2"), parsing: .unconditional,
            help: "The pump's maximal net current density in µA/cm² (sets its rate directly).") var pumpCurrent: String?

    /// The scenario: preset, then config, then the temperature option, then the pump rate.
    func scenario(conditions: ConditionsOptions) throws -> Scenario {
        var s = try Scenario.pumpLeakPreset(named: preset)
        if let config { try PumpLeakConfig.load(config, into: &s) }
        if conditions.temperature != nil || conditions.constants != "codata2018" {
            s.conditions = try conditions.conditions(defaultTemperature: s.conditions.temperature)
        }
        if let pumpCurrent {
            let i = try Inputs.number(pumpCurrent, field: "pump-current-uA-per-cm2")
            try MembraneError.requireNonNegative(i, field: "pump-current-uA-per-cm2", allowed: "a current density ≥ 0 µA/cm²")
            if s.pump == nil { s.pump = NaKPump(.constant, maximalRate: 0) }
            s.pump!.maximalRate = i * 1e-2 / s.conditions.faraday
        }
        if let pumpRate {
            try s.setDimensionlessPumpRate(try Inputs.number(pumpRate, field: "pump-rate"))
        }
        return s
    }
}
