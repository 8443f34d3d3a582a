import ArgumentParser
import Membrane
import MembraneReport

struct PlantCommand: CalculationCommand {
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
    @Option(parsing: .unconditional, help: "Membrane potential V_m in mV.") var vm: String?
    @Option(name: .customLong("ph-inside"), parsing: .unconditional, help: "Cytosolic pH.") var pHInside: String?
    @Option(name: .customLong("ph-outside"), parsing: .unconditional, help: "Apoplastic (medium) pH.") var pHOutside: String?
    @Option(name: .customLong("k-inside"), parsing: .unconditional, help: "Cytosolic K⁺ (mM unless a unit is written).") var kInside: String?
    @Option(name: .customLong("k-outside"), parsing: .unconditional, help: "Apoplastic K⁺.") var kOutside: String?
    @Option(name: .customLong("protons-per-k"), help: "H⁺ per K⁺ of the symporter (default 1).") var protonsPerK: Int?
    @OptionGroup var atp: PhosphorylationOptions
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func execute() throws -> any Renderable {
        let preset = try preset.map { try PlantCellPreset.named($0) }
        let c = try conditions.conditions(defaultTemperature: preset?.cell.conditions.temperature ?? .body)
        guard let vm = try vm.map({ try Inputs.voltage($0, field: "vm") }) ?? preset?.cell.vm,
              let pHIn = try pHInside.map({ try Inputs.number($0, field: "ph-inside") }) ?? preset?.cell.pHCytosol,
              let pHOut = try pHOutside.map({ try Inputs.number($0, field: "ph-outside") }) ?? preset?.cell.pHApoplast else {
            throw MembraneError.invalidValue(field: vm == nil ? "vm" : (pHInside == nil ? "ph-inside" : "ph-outside"), value: "",
                                             allowed: "--vm, --ph-inside and --ph-outside, or --preset NAME")
        }
        var cell = preset?.cell ?? PlantCell(vm: vm, pHCytosol: pHIn, pHApoplast: pHOut)
        cell.vm = vm
        cell.pHCytosol = pHIn
        cell.pHApoplast = pHOut
        cell.conditions = c
        if let kInside { cell.potassiumCytosol = try Inputs.concentration(kInside, field: "k-inside") }
        if let kOutside { cell.potassiumApoplast = try Inputs.concentration(kOutside, field: "k-outside") }
        if let protonsPerK { cell.protonsPerPotassium = protonsPerK }
        cell.atp = try atp.hydrolysis(conditions: c)
        return PlantCellReport(analysis: try cell.analyze(), preset: preset)
    }
}
