import ArgumentParser
import Foundation
import Membrane
import MembraneRequests

/// The options that pick and adjust a pump–leak scenario: `--preset`, `--config`, `--pump-rate`, the pump's
/// current and ATP (MembraneRequests' `PumpLeakInputs` applies them).
struct PumpLeakOptions: ParsableArguments {
    @Option(help: "Pump–leak preset: kay-2017 (default) or keener-sneyd.") var preset: String?
    @Option(help: "JSON file overriding preset parameters (keys in docs/pump-leak-config.md).") var config: String?
    @Option(name: .customLong("pump-rate"), parsing: .unconditional,
            help: "Keener & Sneyd's dimensionless pump rate P = F·J/(g_Na·RT/F) (needs an ohmic Na leak).") var pumpRate: Scalar?
    @Option(name: .customLong("pump-current-uA-per-cm2"), parsing: .unconditional,
            help: "The pump's maximal net current density in µA/cm² (sets its rate directly).") var pumpCurrent: Scalar?
    @Option(name: .customLong("atp-mM"), parsing: .unconditional,
            help: "Cytoplasmic ATP at the pump (mM): its rate × [ATP]/([ATP] + K_m·(1 + [ADP]/K_i)), Cortassa et al. 2006.") var atp: Scalar?
    @Option(name: .customLong("adp-mM"), parsing: .unconditional,
            help: "Cytoplasmic ADP (mM), a competitive inhibitor of the pump (with --atp-mM; default 0).") var adp: Scalar?
    @Option(name: .customLong("phosphate-mM"), parsing: .unconditional,
            help: "Cytoplasmic Pi (mM): with --atp-mM and --adp-mM, ΔG_ATP = ΔG′° + RT·ln([ADP][Pi]/[ATP]) (ΔG′° = −30.5 kJ/mol) for the energy budget.") var phosphate: Scalar?

    /// The configuration file, read and decoded (the request carries its content, not its path), named by the
    /// file unless it names itself.
    func configuration() throws -> PumpLeakConfig? {
        guard let config else { return nil }
        guard let data = FileManager.default.contents(atPath: config) else {
            throw MembraneError.invalidValue(field: "config", value: config, allowed: "a readable JSON file")
        }
        var decoded = try PumpLeakConfig.decode(String(decoding: data, as: UTF8.self))
        if decoded.name == nil { decoded.name = URL(fileURLWithPath: config).lastPathComponent }
        return decoded
    }

    /// Sets the request's pump–leak fields.
    func apply<R: PumpLeakInputs>(to r: inout R) throws {
        r.preset = preset
        r.config = try configuration()
        r.pumpRate = pumpRate
        r.pumpCurrent = pumpCurrent
        r.atp = atp
        r.adp = adp
        r.phosphate = phosphate
    }
}
