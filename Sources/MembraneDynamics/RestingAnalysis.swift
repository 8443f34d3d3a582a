import MembraneUnits
import MembraneChemistry
import MembranePhysics

/// The one-screen answer about a cell at rest: every ion's E, the GHK potential, the driving force,
/// current and flux direction and ΔG of each ion at V_m, and the charge that holds V_m.
public struct RestingAnalysis: Sendable {
    /// One ion's row.
    public struct IonRow: Sendable {
        /// The ion.
        public var ion: Ion
        /// Concentration inside.
        public var inside: Concentration
        /// Concentration outside.
        public var outside: Concentration
        /// Its relative permeability, when it is a permeant.
        public var permeability: Double?
        /// nil when no Nernst potential exists; `undefinedReason` says why.
        public var nernst: Voltage?
        /// Why no Nernst potential exists (neutral, or absent on a side).
        public var undefinedReason: String?
        /// V_m − E and the direction it drives the ion.
        public var drivingForce: DrivingForce?
        /// ΔG of moving one mole of the ion from outside to inside.
        public var transfer: TransferEnergy?
    }

    /// The solution inside.
    public var inside: Solution
    /// The solution outside.
    public var outside: Solution
    /// Temperature and constants.
    public var conditions: Conditions
    /// The potential the driving forces are evaluated at (GHK, or the user's V_m).
    public var vm: Voltage
    /// How `vm` was chosen.
    public var vmSource: String
    /// The GHK potential, when permeabilities were given.
    public var ghk: GHKVoltageResult?
    /// One row per ion.
    public var rows: [IonRow]
    /// The charge the membrane holds at ``vm``.
    public var charge: MembraneCharge
    /// Remarks on the inputs (ions outside their usual range, say).
    public var warnings: [String]

    /// Analyses `inside`/`outside` with GHK permeabilities; `vm` overrides the GHK potential.
    public init(inside: Solution, outside: Solution, permeabilities: [(name: String, value: Double)],
                vm: Voltage? = nil, pumpRatio: Double? = nil, radius: Length, conditions: Conditions,
                warnings: [String] = []) throws {
        self.inside = inside
        self.outside = outside
        self.conditions = conditions
        self.warnings = warnings
        let permeants = try Permeant.list(inside: inside, outside: outside, permeabilities: permeabilities)
        let ghk = try GHKVoltage.potential(permeants, pumpRatio: pumpRatio, conditions: conditions)
        self.ghk = ghk
        if let vm {
            self.vm = vm
            self.vmSource = "given"
        } else {
            self.vm = ghk.potential
            self.vmSource = pumpRatio == nil ? "GHK" : "GHK with Mullins–Noda pump ratio \(pumpRatio!)"
        }
        var names: [String] = []
        for ion in inside.ions + outside.ions where !names.contains(ion.name) { names.append(ion.name) }
        var rows: [IonRow] = []
        for name in names {
            let ion = inside.ions.first { $0.name == name } ?? outside.ions.first { $0.name == name }!
            let cIn = inside[name] ?? .zero, cOut = outside[name] ?? .zero
            var row = IonRow(ion: ion, inside: cIn, outside: cOut,
                             permeability: permeabilities.first { $0.name == name }?.value)
            do {
                let e = try Nernst.potential(z: ion.charge, inside: cIn, outside: cOut, name: name, conditions: conditions)
                row.nernst = e
                row.drivingForce = DrivingForce(ion: ion, vm: self.vm, reversal: e, conditions: conditions)
                row.transfer = try ElectrochemicalPotential.transfer(charge: ion.charge, activityInside: cIn,
                                                                     activityOutside: cOut, vm: self.vm,
                                                                     conditions: conditions)
            } catch let error as MembraneError {
                row.undefinedReason = error.message
            }
            rows.append(row)
        }
        self.rows = rows
        let k = inside["K"]
        self.charge = try MembraneCharge(vm: self.vm, radius: radius, charge: 1,
                                         insideConcentration: k, conditions: conditions)
    }

    /// The analysis of a preset at its own temperature, or at `temperature` with a warning if far from it.
    public init(preset: CellPreset, temperature: Temperature? = nil, constants: ConstantSet = .codata2018,
                vm: Voltage? = nil, pumpRatio: Double? = nil) throws {
        let t = temperature ?? preset.temperature
        var warnings: [String] = []
        if let w = preset.temperatureWarning(at: t) { warnings.append(w) }
        try self.init(inside: preset.inside, outside: preset.outside, permeabilities: preset.permeabilities,
                      vm: vm, pumpRatio: pumpRatio, radius: preset.radius,
                      conditions: Conditions(temperature: t, constants: constants), warnings: warnings)
    }
}
