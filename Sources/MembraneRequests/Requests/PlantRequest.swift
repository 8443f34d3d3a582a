import Membrane
import MembraneReport

/// `plant`: H⁺-driven transport of a plant or fungal cell (``PlantCell``): E_H, Δp = V_m − E_H, the H⁺-ATPase's
/// work and stall potential, the largest K⁺ accumulation by a channel and by K⁺/H⁺ symport, and the walled cell's
/// Donnan turgor. Inside is the cytosol, outside the apoplast (or medium); V_m is an input.
public struct PlantRequest: MembraneRequest, PhosphorylationInputs {
    public static let command = "plant"

    /// A cited cell (``PlantCellPreset``); the fields given override its values.
    public var preset: String?
    public var vm: Scalar?
    public var pHInside: Scalar?
    public var pHOutside: Scalar?
    public var kInside: Scalar?
    public var kOutside: Scalar?
    /// H⁺ per K⁺ of the symporter (default 1).
    public var protonsPerK: Int?
    public var deltaGATP: Scalar?
    public var atp: Scalar?
    public var adp: Scalar?
    public var phosphate: Scalar?
    public var temperature: Scalar?
    public var constants: String?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case preset, vm, temperature, constants
        case pHInside = "ph-inside", pHOutside = "ph-outside", kInside = "k-inside", kOutside = "k-outside"
        case protonsPerK = "protons-per-k"
        case deltaGATP = "delta-g-atp-kJ-per-mol", atp = "atp-mM", adp = "adp-mM", phosphate = "phosphate-mM"
    }

    public init() {}

    public func run(in context: inout RequestContext) throws -> PlantCellReport {
        let preset = try preset.map { try PlantCellPreset.named($0) }
        let c = try Defaults.conditions(temperature: temperature, constants: constants,
                                        fallback: preset?.cell.conditions.temperature ?? Defaults.temperature)
        guard let vm = try vm.map({ try $0.voltage(field: "vm") }) ?? preset?.cell.vm,
              let pHIn = try pHInside.map({ try $0.number(field: "ph-inside") }) ?? preset?.cell.pHCytosol,
              let pHOut = try pHOutside.map({ try $0.number(field: "ph-outside") }) ?? preset?.cell.pHApoplast else {
            throw MembraneError.invalidValue(field: vm == nil ? "vm" : (pHInside == nil ? "ph-inside" : "ph-outside"), value: "",
                                             allowed: "`vm`, `ph-inside` and `ph-outside`, or `preset` NAME")
        }
        var cell = preset?.cell ?? PlantCell(vm: vm, pHCytosol: pHIn, pHApoplast: pHOut)
        cell.vm = vm
        cell.pHCytosol = pHIn
        cell.pHApoplast = pHOut
        cell.conditions = c
        if let kInside { cell.potassiumCytosol = try kInside.concentration(field: "k-inside") }
        if let kOutside { cell.potassiumApoplast = try kOutside.concentration(field: "k-outside") }
        if let protonsPerK { cell.protonsPerPotassium = protonsPerK }
        cell.atp = try hydrolysis(conditions: c)
        return PlantCellReport(analysis: try cell.analyze(), preset: preset)
    }
}
