import ArgumentParser
import Membrane
import MembraneReport

struct PMFCommand: CalculationCommand {
    static let configuration = CommandConfiguration(
        commandName: "pmf",
        abstract: "The proton-motive force Δp = Δψ − (ln10·RT/F)·ΔpH, ΔG per H⁺ entering, and the least H⁺/ATP.",
        discussion: """
        Examples:
          membrane pmf --delta-psi-mV -150 --ph-inside 7.8 --ph-outside 7.0
          membrane pmf --preset mitochondrion-state-4 --atp-mM 5 --adp-mM 0.05 --phosphate-mM 5
          membrane pmf --preset chloroplast-thylakoid
        Inside is the N-side (mitochondrial matrix, chloroplast stroma, bacterial cytosol); Δψ = ψ_in − ψ_out and
        ΔpH = pH_in − pH_out, so energized mitochondria have Δψ < 0, ΔpH > 0 and Δp < 0 (H⁺ entry downhill).
        Presets: \(ProtonGradientPreset.all.map(\.name).joined(separator: ", ")) (their values can be overridden).
        """)

    @Option(name: .customLong("delta-psi-mV"), parsing: .unconditional, help: "Δψ = ψ_in − ψ_out in mV.") var deltaPsi: String?
    @Option(name: .customLong("ph-inside"), parsing: .unconditional, help: "pH inside (matrix, stroma).") var pHInside: String?
    @Option(name: .customLong("ph-outside"), parsing: .unconditional, help: "pH outside (intermembrane space, lumen).") var pHOutside: String?
    @Option(help: "A published gradient: \(ProtonGradientPreset.all.map(\.name).joined(separator: ", ")).") var preset: String?
    @OptionGroup var atp: PhosphorylationOptions
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func execute() throws -> any Renderable {
        let preset = try preset.map { try ProtonGradientPreset.named($0) }
        let c = try conditions.conditions(defaultTemperature: preset?.temperature ?? .body)
        guard let psi = try deltaPsi.map({ try Inputs.voltage($0, field: "delta-psi-mV") }) ?? preset?.deltaPsi,
              let pHIn = try pHInside.map({ try Inputs.number($0, field: "ph-inside") }) ?? preset?.pHInside,
              let pHOut = try pHOutside.map({ try Inputs.number($0, field: "ph-outside") }) ?? preset?.pHOutside else {
            throw MembraneError.invalidValue(field: deltaPsi == nil ? "delta-psi-mV" : (pHInside == nil ? "ph-inside" : "ph-outside"), value: "",
                                             allowed: "--delta-psi-mV, --ph-inside and --ph-outside, or --preset NAME")
        }
        let pmf = try ProtonMotiveForce(deltaPsi: psi, pHInside: pHIn, pHOutside: pHOut, conditions: c)
        return ProtonMotiveForceReport(pmf: pmf, bound: ATPSynthesisBound(pmf: pmf, atp: try atp.hydrolysis(conditions: c)), preset: preset)
    }
}
