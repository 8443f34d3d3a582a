import ArgumentParser
import MembraneRequests

struct ReportCommand: RequestCommand {
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
    @Option(help: "Inside solution (instead of a preset).") var inside: Assignments?
    @Option(help: "Outside solution (instead of a preset).") var outside: Assignments?
    @Option(help: "Relative permeabilities (instead of a preset).") var permeability: Assignments?
    @Option(parsing: .unconditional, help: "Evaluate driving forces at this V_m (mV) instead of the GHK potential.") var vm: Scalar?
    @Option(name: .customLong("pump-ratio"), parsing: .unconditional, help: "Mullins–Noda Na/K pump ratio for the GHK V_m.") var pumpRatio: Scalar?
    @Option(name: .customLong("radius-um"), parsing: .unconditional, help: "Cell radius for the charge (default: the preset's, or 10 µm).") var radiusUm: Scalar?
    @OptionGroup var activity: ActivityOptions
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func request() -> ReportRequest {
        var r = ReportRequest()
        r.preset = preset
        r.inside = inside
        r.outside = outside
        r.permeability = permeability
        r.vm = vm
        r.pumpRatio = pumpRatio
        r.radiusUm = radiusUm
        r.activityModel = activity.activityModel
        r.temperature = conditions.temperature
        r.constants = conditions.constants
        return r
    }
}

struct PresetsCommand: RequestCommand {
    static let configuration = CommandConfiguration(
        commandName: "presets", abstract: "List the built-in cell presets with their temperatures and sources.")
    @OptionGroup var output: OutputOptions
    func request() -> PresetsRequest { PresetsRequest() }
}

struct IonsCommand: RequestCommand {
    static let configuration = CommandConfiguration(
        commandName: "ions", abstract: "List the ion catalog: charge, conductivity, D, mobility, ion size and sources.",
        discussion: "With --temperature, D is also given at that temperature by Stokes–Einstein with water's viscosity.")
    @Option(parsing: .unconditional, help: "Also give D at this temperature (°C, or K with a K suffix).") var temperature: Scalar?
    @OptionGroup var output: OutputOptions
    func request() -> IonsRequest {
        var r = IonsRequest()
        r.temperature = temperature
        return r
    }
}
