import Membrane

/// The fields that pick and adjust a pump–leak scenario, shared by `steady-state` and `simulate pump-leak`:
/// `preset`, `config`, `pump-rate`, `pump-current-uA-per-cm2`, `atp-mM`, `adp-mM`, `phosphate-mM`,
/// `temperature`, `constants`.
public protocol PumpLeakInputs {
    var preset: String? { get set }
    var config: PumpLeakConfig? { get set }
    var pumpRate: Scalar? { get set }
    var pumpCurrent: Scalar? { get set }
    var atp: Scalar? { get set }
    var adp: Scalar? { get set }
    var phosphate: Scalar? { get set }
    var temperature: Scalar? { get set }
    var constants: String? { get set }
    /// `--set NAME=VALUE`: refused, with where the pump–leak presets' parameters are set instead.
    var set: Assignments? { get set }
}

extension PumpLeakInputs {
    /// The scenario: the preset, then the configuration, then the temperature and constants (default: the
    /// preset's), the pump current, its ATP and ADP, the phosphate, then the pump rate.
    public func scenario() throws -> Scenario {
        if let set {
            throw MembraneError.invalidValue(field: "set", value: set.text,
                                             allowed: "no named parameters on the pump–leak presets (kay-2017, keener-sneyd): override them with `config` (--config FILE, keys in docs/pump-leak-config.md); --set NAME=VALUE applies to simulate hh's presets (membrane presets --json lists their parameters)")
        }
        var s = try Scenario.pumpLeakPreset(named: preset ?? Defaults.pumpLeakPreset)
        try config?.apply(to: &s)
        if temperature != nil || constants != nil {
            s.conditions = try Defaults.conditions(temperature: temperature, constants: constants, fallback: s.conditions.temperature)
        }
        if let pumpCurrent {
            let i = try pumpCurrent.nonNegative(field: "pump-current-uA-per-cm2", allowed: "a current density ≥ 0 µA/cm²")
            if s.pump == nil { s.pump = NaKPump(.constant, maximalRate: 0) }
            s.pump!.maximalRate = i * 1e-2 / s.conditions.faraday
        }
        if atp != nil || adp != nil {
            guard s.pump != nil else {
                throw MembraneError.invalidValue(field: "atp-mM", value: atp?.text ?? adp?.text ?? "", allowed: "a scenario with a Na/K pump")
            }
            guard let atp else {
                throw MembraneError.invalidValue(field: "adp-mM", value: adp?.text ?? "", allowed: "`adp-mM` together with `atp-mM`")
            }
            var n = s.pump!.nucleotides ?? PumpNucleotides(atp: .zero)
            n.atp = .millimolar(try atp.nonNegative(field: "atp-mM", allowed: "an ATP concentration ≥ 0 mM"))
            if let adp {
                n.adp = .millimolar(try adp.nonNegative(field: "adp-mM", allowed: "an ADP concentration ≥ 0 mM"))
            }
            s.pump!.nucleotides = n
        }
        if let phosphate {
            try s.setATPFreeEnergy(phosphate: .millimolar(try phosphate.number(field: "phosphate-mM")), field: "phosphate-mM")
        }
        if let pumpRate {
            try s.setDimensionlessPumpRate(try pumpRate.number(field: "pump-rate"))
        }
        return s
    }
}
