import ArgumentParser
import Foundation
import Membrane

/// The options that pick and adjust a pump–leak scenario: `--preset`, `--config`, `--pump-rate`, the pump's ATP.
struct PumpLeakOptions: ParsableArguments {
    @Option(help: "Pump–leak preset: kay-2017 or keener-sneyd.") var preset: String = "kay-2017"
    @Option(help: "JSON file overriding preset parameters (keys in docs/pump-leak-config.md).") var config: String?
    @Option(name: .customLong("pump-rate"), parsing: .unconditional,
            help: "Keener & Sneyd's dimensionless pump rate P = F·J/(g_Na·RT/F) (needs an ohmic Na leak).") var pumpRate: String?
    @Option(name: .customLong("pump-current-uA-per-cm2"), parsing: .unconditional,
            help: "The pump's maximal net current density in µA/cm² (sets its rate directly).") var pumpCurrent: String?
    @Option(name: .customLong("atp-mM"), parsing: .unconditional,
            help: "Cytoplasmic ATP at the pump (mM): its rate × [ATP]/([ATP] + K_m·(1 + [ADP]/K_i)), Cortassa et al. 2006.") var atp: String?
    @Option(name: .customLong("adp-mM"), parsing: .unconditional,
            help: "Cytoplasmic ADP (mM), a competitive inhibitor of the pump (with --atp-mM; default 0).") var adp: String?
    @Option(name: .customLong("phosphate-mM"), parsing: .unconditional,
            help: "Cytoplasmic Pi (mM): with --atp-mM and --adp-mM, ΔG_ATP = ΔG′° + RT·ln([ADP][Pi]/[ATP]) (ΔG′° = −30.5 kJ/mol) for the energy budget.") var phosphate: String?

    /// The scenario: preset, then config, then the temperature option, then the pump current, its ATP and ADP, then
    /// the pump rate.
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
        if atp != nil || adp != nil {
            guard s.pump != nil else {
                throw MembraneError.invalidValue(field: "atp-mM", value: atp ?? adp ?? "", allowed: "a scenario with a Na/K pump")
            }
            guard let atp else {
                throw MembraneError.invalidValue(field: "adp-mM", value: adp ?? "", allowed: "--adp-mM together with --atp-mM")
            }
            var n = s.pump!.nucleotides ?? PumpNucleotides(atp: .zero)
            let atpValue = try Inputs.number(atp, field: "atp-mM")
            try MembraneError.requireNonNegative(atpValue, field: "atp-mM", allowed: "an ATP concentration ≥ 0 mM")
            n.atp = .millimolar(atpValue)
            if let adp {
                let adpValue = try Inputs.number(adp, field: "adp-mM")
                try MembraneError.requireNonNegative(adpValue, field: "adp-mM", allowed: "an ADP concentration ≥ 0 mM")
                n.adp = .millimolar(adpValue)
            }
            s.pump!.nucleotides = n
        }
        if let phosphate {
            try s.setATPFreeEnergy(phosphate: .millimolar(try Inputs.number(phosphate, field: "phosphate-mM")), field: "phosphate-mM")
        }
        if let pumpRate {
            try s.setDimensionlessPumpRate(try Inputs.number(pumpRate, field: "pump-rate"))
        }
        return s
    }
}
