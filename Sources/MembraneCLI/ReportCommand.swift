import ArgumentParser
import Membrane
import MembraneReport

struct ReportCommand: CalculationCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A cell at rest on one screen: every E, GHK V_m, driving forces, ΔG, and the charge holding V_m.",
        discussion: """
        Examples:
          membrane report                              (the default mammalian neuron)
          membrane report --preset squid-giant-axon
          membrane report --inside "K=140,Na=12,Cl=7" --outside "K=5,Na=145,Cl=120" --permeability "K=1,Na=0.04,Cl=0.45"
        Driving forces are evaluated at the GHK potential unless --vm is given.
        """)

    @Option(help: "Cell preset (membrane presets lists them). Default: mammalian-neuron.") var preset: String?
    @Option(help: "Inside solution (instead of a preset).") var inside: String?
    @Option(help: "Outside solution (instead of a preset).") var outside: String?
    @Option(help: "Relative permeabilities (instead of a preset).") var permeability: String?
    @Option(parsing: .unconditional, help: "Evaluate driving forces at this V_m (mV) instead of the GHK potential.") var vm: String?
    @Option(name: .customLong("pump-ratio"), parsing: .unconditional, help: "Mullins–Noda Na/K pump ratio for the GHK V_m.") var pumpRatio: String?
    @Option(name: .customLong("radius-um"), parsing: .unconditional, help: "Cell radius for the charge (default: the preset's, or 10 µm).") var radiusUm: String?
    @OptionGroup var activity: ActivityOptions
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func execute() throws -> any Renderable {
        let vm = try self.vm.map { try Inputs.voltage($0, field: "vm") }
        let r = try pumpRatio.map { try Inputs.number($0, field: "pump-ratio") }
        let constants = try ConstantSet.named(conditions.constants)
        let temperature = try conditions.temperature.map { try QuantityParser.temperature($0) }
        if inside != nil || outside != nil || permeability != nil {
            guard preset == nil else {
                throw MembraneError.invalidValue(field: "preset", value: preset!,
                                                 allowed: "either --preset or --inside/--outside/--permeability, not both")
            }
            guard let inside, let outside, let permeability else {
                throw MembraneError.invalidValue(field: "inside", value: "",
                                                 allowed: "--inside, --outside and --permeability together")
            }
            let radius = try radiusUm.map { try Inputs.number($0, field: "radius-um") } ?? 10
            let c = Conditions(temperature: temperature ?? .body, constants: constants)
            var sIn = try Inputs.solution(inside, field: "inside"), sOut = try Inputs.solution(outside, field: "outside")
            let aIn = try activity.activities(of: sIn, conditions: c), aOut = try activity.activities(of: sOut, conditions: c)
            if let aIn, let aOut { sIn = aIn.0; sOut = aOut.0 }
            let analysis = try RestingAnalysis(
                inside: sIn, outside: sOut,
                permeabilities: NamedValues.parse(permeability, field: "permeability"), vm: vm, pumpRatio: r,
                radius: .micrometres(radius),
                conditions: c)
            return try activity.annotate(RestingReport(analysis: analysis, preset: nil), inside: aIn?.1, outside: aOut?.1,
                                         concentrationsAreActivities: true)
        }
        var cell = try preset.map { try CellPreset.named($0) } ?? CellPreset.defaultPreset
        if let radiusUm {
            let radius = try Inputs.number(radiusUm, field: "radius-um")
            try MembraneError.requirePositive(radius, field: "radius-um")
            cell.radius = .micrometres(radius)
        }
        let c = Conditions(temperature: temperature ?? cell.temperature, constants: constants)
        let aIn = try activity.activities(of: cell.inside, conditions: c), aOut = try activity.activities(of: cell.outside, conditions: c)
        if let aIn, let aOut { cell.inside = aIn.0; cell.outside = aOut.0 }
        let analysis = try RestingAnalysis(preset: cell, temperature: temperature, constants: constants, vm: vm, pumpRatio: r)
        return try activity.annotate(RestingReport(analysis: analysis, preset: cell), inside: aIn?.1, outside: aOut?.1,
                                     concentrationsAreActivities: true)
    }
}

struct PresetsCommand: CalculationCommand {
    static let configuration = CommandConfiguration(
        commandName: "presets", abstract: "List the built-in cell presets with their temperatures and sources.")
    @OptionGroup var output: OutputOptions
    func execute() throws -> any Renderable { PresetList(presets: CellPreset.all, models: Scenario.pumpLeakPresets) }
}

struct IonsCommand: CalculationCommand {
    static let configuration = CommandConfiguration(
        commandName: "ions", abstract: "List the ion catalog: charge, conductivity, D, mobility, ion size and sources.",
        discussion: "With --temperature, D is also given at that temperature by Stokes–Einstein with water's viscosity.")
    @Option(parsing: .unconditional, help: "Also give D at this temperature (°C, or K with a K suffix).") var temperature: String?
    @OptionGroup var output: OutputOptions
    func execute() throws -> any Renderable {
        IonList(catalog: .standard, temperature: try temperature.map { try QuantityParser.temperature($0) })
    }
}
