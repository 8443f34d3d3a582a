import Membrane
import MembraneReport

/// `plant`: H⁺-driven transport of a plant or fungal cell (``PlantCell``): E_H, Δp = V_m − E_H, the H⁺-ATPase's
/// work and stall potential, the largest K⁺ accumulation by a channel and by K⁺/H⁺ symport, and the walled cell's
/// Donnan turgor. Inside is the cytosol, outside the apoplast (or medium); V_m is an input. With a preset or
/// `k-outside`, also the pump–leak steady state (``PlantSteadyStateSolver``: V_m, K⁺ and Cl⁻ in the cytosol, every flux,
/// the pump's current and ATP use, turgor), from the transport fields below or their cited defaults.
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
    /// Apoplastic Cl⁻ for the steady state (default: the preset's, or `k-outside`: a KCl medium).
    public var clOutside: Scalar?
    /// The H⁺-ATPase's saturating current, µA/cm² (0: pump off; default ``PlasmaMembraneHATPase/plantRoot``).
    public var pumpMax: Scalar?
    /// Leak permeabilities in cm/s (defaults ``PlantLeaks/plantRoot``).
    public var pK: Scalar?
    /// P_Cl in cm/s.
    public var pCl: Scalar?
    /// P_H in cm/s.
    public var pProton: Scalar?
    /// The K⁺/H⁺ symporter's J_max, pmol·cm⁻²·s⁻¹ (0: off; default ``ProtonCoupledSymporter/arabidopsisPotassium``).
    public var symportMax: Scalar?
    /// The symporter's K_m for outside K⁺ (mM unless a unit is written).
    public var symportKm: Scalar?
    /// A Cl⁻/2 H⁺ symporter's J_max, pmol·cm⁻²·s⁻¹ (default none: Cl⁻ has only its leak).
    public var clSymportMax: Scalar?
    /// The Cl⁻ symporter's K_m (default 10 µM).
    public var clSymportKm: Scalar?
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
        case clOutside = "cl-outside", pumpMax = "pump-max-uA-per-cm2", pK = "p-k-cm-per-s", pCl = "p-cl-cm-per-s",
             pProton = "p-h-cm-per-s", symportMax = "symport-max-pmol-per-cm2-s", symportKm = "symport-km"
        case clSymportMax = "cl-symport-max-pmol-per-cm2-s", clSymportKm = "cl-symport-km"
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
        let analysis = try cell.analyze()
        return PlantCellReport(analysis: analysis, preset: preset, steadyState: try steadyState(cell: cell, preset: preset))
    }

    /// The pump–leak steady state, when the apoplast's K⁺ is known (a preset or `k-outside`); nil otherwise.
    func steadyState(cell: PlantCell, preset: PlantCellPreset?) throws -> PlantSteadyState? {
        let steadyFields: [Scalar?] = [clOutside, pumpMax, pK, pCl, pProton, symportMax, symportKm, clSymportMax, clSymportKm]
        guard let kOut = cell.potassiumApoplast else {
            if let i = steadyFields.firstIndex(where: { $0 != nil }) {
                let names = ["cl-outside", "pump-max-uA-per-cm2", "p-k-cm-per-s", "p-cl-cm-per-s", "p-h-cm-per-s",
                             "symport-max-pmol-per-cm2-s", "symport-km", "cl-symport-max-pmol-per-cm2-s", "cl-symport-km"]
                throw MembraneError.invalidValue(field: "k-outside", value: "",
                    allowed: "an apoplastic K⁺ concentration (or `preset`): `\(names[i])` is a steady-state input, and the steady state needs K⁺ outside")
            }
            return nil
        }
        var s = preset.flatMap { PlantPumpLeakCell(preset: $0) }
            ?? PlantPumpLeakCell(pHCytosol: cell.pHCytosol, pHApoplast: cell.pHApoplast, potassiumOutside: kOut, chlorideOutside: kOut)
        s.pHCytosol = cell.pHCytosol
        s.pHApoplast = cell.pHApoplast
        s.potassiumOutside = kOut
        s.atp = cell.atp
        s.conditions = cell.conditions
        s.symporter.protonsPerSubstrate = cell.protonsPerPotassium
        if let clOutside { s.chlorideOutside = try clOutside.concentration(field: "cl-outside") }
        if let pumpMax {
            s.pump.saturationCurrent = .microamperesPerSquareCentimetre(
                try pumpMax.nonNegative(field: "pump-max-uA-per-cm2", allowed: "a saturating pump current ≥ 0 µA/cm² (0 switches the pump off)"))
        }
        for (field, value, path) in [("p-k-cm-per-s", pK, \PlantLeaks.potassium), ("p-cl-cm-per-s", pCl, \PlantLeaks.chloride),
                                     ("p-h-cm-per-s", pProton, \PlantLeaks.proton)] {
            if let value { s.leaks[keyPath: path] = .centimetresPerSecond(try value.number(field: field)) }
        }
        if let symportMax {
            s.symporter.maximumFlux = .molesPerSquareMetreSecond(
                1e-8 * (try symportMax.nonNegative(field: "symport-max-pmol-per-cm2-s", allowed: "a maximal symport flux ≥ 0 pmol/cm²/s (0 switches the symporter off)")))
        }
        if let symportKm { s.symporter.halfSaturation = try symportKm.concentration(field: "symport-km") }
        if let clSymportMax {
            s.chlorideSymporter = .chloride(maximumFlux: .molesPerSquareMetreSecond(
                1e-8 * (try clSymportMax.nonNegative(field: "cl-symport-max-pmol-per-cm2-s", allowed: "a maximal Cl⁻ symport flux ≥ 0 pmol/cm²/s"))))
        }
        if let clSymportKm {
            guard s.chlorideSymporter != nil else {
                throw MembraneError.invalidValue(field: "cl-symport-km", value: clSymportKm.text,
                                                 allowed: "a K_m only together with `cl-symport-max-pmol-per-cm2-s` (there is no Cl⁻ symporter by default)")
            }
            s.chlorideSymporter?.halfSaturation = try clSymportKm.concentration(field: "cl-symport-km")
        }
        return try PlantSteadyStateSolver.solve(s)
    }
}
