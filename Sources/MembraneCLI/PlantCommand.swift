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
          membrane plant --preset arabidopsis-root --pump-max-uA-per-cm2 0      (the steady state with the pump off)
        Inside = cytosol, outside = apoplast (or medium). A channel can hold [K]in/[K]out ≤ exp(−FV/RT); n H⁺ : 1 K⁺
        symport ≤ exp(−(1+n)FV/RT)·10^(n·ΔpH). The preset's wall is solved as a Gibbs–Donnan problem with an elastic
        wall (turgor). V_m is an input for these limits. With a preset or --k-outside the pump–leak steady state is
        solved too (`steady_state`): the H⁺-ATPase (two-state model, Hansen et al. 1981), the K⁺/H⁺ symporter and K⁺,
        Cl⁻, H⁺ leaks give V_m, cytosolic K⁺ and Cl⁻ (pH_in clamped), each flux, the pump's current and ATP use, and
        the wall's turgor.
        Presets: \(PlantCellPreset.all.map(\.name).joined(separator: ", ")).
        """)

    @Option(help: "A cited plant cell: \(PlantCellPreset.all.map(\.name).joined(separator: ", ")).") var preset: String?
    @Option(parsing: .unconditional, help: "Membrane potential V_m in mV.") var vm: Scalar?
    @Option(name: .customLong("ph-inside"), parsing: .unconditional, help: "Cytosolic pH.") var pHInside: Scalar?
    @Option(name: .customLong("ph-outside"), parsing: .unconditional, help: "Apoplastic (medium) pH.") var pHOutside: Scalar?
    @Option(name: .customLong("k-inside"), parsing: .unconditional, help: "Cytosolic K⁺ (mM unless a unit is written).") var kInside: Scalar?
    @Option(name: .customLong("k-outside"), parsing: .unconditional, help: "Apoplastic K⁺.") var kOutside: Scalar?
    @Option(name: .customLong("protons-per-k"), parsing: .unconditional, help: "H⁺ per K⁺ of the symporter (default 1).") var protonsPerK: Int?
    @Option(name: .customLong("cl-outside"), parsing: .unconditional, help: "Apoplastic Cl⁻ for the steady state (default: the preset's, or equal to --k-outside).") var clOutside: Scalar?
    @Option(name: .customLong("pump-max-uA-per-cm2"), parsing: .unconditional, help: "H⁺-ATPase saturating current, µA/cm² (default 1; 0 = pump off).") var pumpMax: Scalar?
    @Option(name: .customLong("p-k-cm-per-s"), parsing: .unconditional, help: "K⁺ leak permeability, cm/s (default 1e-6).") var pK: Scalar?
    @Option(name: .customLong("p-cl-cm-per-s"), parsing: .unconditional, help: "Cl⁻ leak permeability, cm/s (default 1e-8).") var pCl: Scalar?
    @Option(name: .customLong("p-h-cm-per-s"), parsing: .unconditional, help: "H⁺ leak permeability, cm/s (default 1e-4).") var pProton: Scalar?
    @Option(name: .customLong("symport-max-pmol-per-cm2-s"), parsing: .unconditional, help: "K⁺/H⁺ symporter J_max, pmol/cm²/s (default 1; 0 = off).") var symportMax: Scalar?
    @Option(name: .customLong("symport-km"), parsing: .unconditional, help: "Symporter K_m for outside K⁺ (mM unless a unit is written; default 0.03).") var symportKm: Scalar?
    @Option(name: .customLong("cl-symport-max-pmol-per-cm2-s"), parsing: .unconditional, help: "A Cl⁻/2 H⁺ symporter's J_max, pmol/cm²/s (default none: Cl⁻ only leaks).") var clSymportMax: Scalar?
    @Option(name: .customLong("cl-symport-km"), parsing: .unconditional, help: "The Cl⁻ symporter's K_m (default 10 µM).") var clSymportKm: Scalar?
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
        r.clOutside = clOutside
        r.pumpMax = pumpMax
        r.pK = pK
        r.pCl = pCl
        r.pProton = pProton
        r.symportMax = symportMax
        r.symportKm = symportKm
        r.clSymportMax = clSymportMax
        r.clSymportKm = clSymportKm
        atp.apply(to: &r)
        r.temperature = conditions.temperature
        r.constants = conditions.constants
        return r
    }
}
