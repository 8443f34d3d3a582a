import ArgumentParser
import Membrane
import MembraneRequests

struct PMFCommand: RequestCommand {
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

    @Option(name: .customLong("delta-psi-mV"), parsing: .unconditional, help: "Δψ = ψ_in − ψ_out in mV.") var deltaPsi: Scalar?
    @Option(name: .customLong("ph-inside"), parsing: .unconditional, help: "pH inside (matrix, stroma).") var pHInside: Scalar?
    @Option(name: .customLong("ph-outside"), parsing: .unconditional, help: "pH outside (intermembrane space, lumen).") var pHOutside: Scalar?
    @Option(help: "A published gradient: \(ProtonGradientPreset.all.map(\.name).joined(separator: ", ")).") var preset: String?
    @OptionGroup var atp: PhosphorylationOptions
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func request() -> PMFRequest {
        var r = PMFRequest()
        r.deltaPsiMV = deltaPsi
        r.pHInside = pHInside
        r.pHOutside = pHOutside
        r.preset = preset
        atp.apply(to: &r)
        r.temperature = conditions.temperature
        r.constants = conditions.constants
        return r
    }
}
