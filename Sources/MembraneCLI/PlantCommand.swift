import ArgumentParser
import Membrane
import MembraneRequests

struct PlantCommand: RequestCommand {
    static let configuration = CommandConfiguration(
        commandName: "plant",
        abstract: "H⁺-driven transport of plant and fungal cells: E_H, Δp, the H⁺-ATPase's limit, K⁺ accumulation by channel and K⁺/H⁺ symport, wall turgor.",
        discussion: """
        Examples:
          membrane plant --preset arabidopsis-root
          membrane plant --vm -120 --ph-inside 7.3 --ph-outside 5.5 --k-inside 100 --k-outside 1
          membrane plant --preset arabidopsis-root --vm -200 --k-outside 0.01 --json
        Inside = cytosol, outside = apoplast (or medium). A channel can hold [K]in/[K]out ≤ exp(−FV/RT); n H⁺ : 1 K⁺
        symport ≤ exp(−(1+n)FV/RT)·10^(n·ΔpH). The preset's wall is solved as a Gibbs–Donnan problem with an elastic
        wall (turgor). V_m is an input: the pump–leak steady state of a plant cell is not computed here.
        Presets: \(PlantCellPreset.all.map(\.name).joined(separator: ", ")).
        """)

    @Option(help: "A cited plant cell: \(PlantCellPreset.all.map(\.name).joined(separator: ", ")).") var preset: String?
    @Option(parsing: .unconditional, help: "Membrane potential V_m in mV.") var vm: Scalar?
    @Option(name: .customLong("ph-inside"), parsing: .unconditional, help: "Cytosolic pH.") var pHInside: Scalar?
    @Option(name: .customLong("ph-outside"), parsing: .unconditional, help: "Apoplastic (medium) pH.") var pHOutside: Scalar?
    @Option(name: .customLong("k-inside"), parsing: .unconditional, help: "Cytosolic K⁺ (mM unless a unit is written).") var kInside: Scalar?
    @Option(name: .customLong("k-outside"), parsing: .unconditional, help: "Apoplastic K⁺.") var kOutside: Scalar?
    @Option(name: .customLong("protons-per-k"), parsing: .unconditional, help: "H⁺ per K⁺ of the symporter (default 1).") var protonsPerK: Int?
    @OptionGroup var atp: PhosphorylationOptions
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func request() -> PlantRequest {
        var r = PlantRequest()
        r.preset = preset
        r.vm = vm
        r.pHInside = pHInside
        r.pHOutside = pHOutside
        r.kInside = kInside
        r.kOutside = kOutside
        r.protonsPerK = protonsPerK
        atp.apply(to: &r)
        r.temperature = conditions.temperature
        r.constants = conditions.constants
        return r
    }
}
