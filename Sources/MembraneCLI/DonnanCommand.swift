import ArgumentParser
import MembraneRequests

struct DonnanCommand: RequestCommand {
    static let configuration = CommandConfiguration(
        commandName: "donnan",
        abstract: "The Gibbs–Donnan equilibrium: V_D, every concentration, the Donnan ratio, the product rule and the osmotic imbalance.",
        discussion: """
        Example:
          membrane donnan --outside "K=100,Cl=100" --inside-impermeant "charge=-1.2,concentration=120" --permeant K,Cl
        The ions named in --permeant cross the membrane; every other species of --outside is an impermeant bath
        solute. --inside-impermeant (repeatable) gives a (mean) charge and the concentration at the reference volume.
        --compartment rigid (default) holds the volume and reports the osmotic pressure it must bear; osmotic lets
        the volume follow water (a finite equilibrium needs impermeant bath solute: otherwise the cell swells without
        bound, and the command says so); --wall-relative-volume V adds a cell wall (rigid, or elastic with
        --wall-modulus-MPa), whose turgor balances the osmotic excess.
        """)

    @Option(parsing: .unconditional, help: "Bath solution, e.g. \"K=100,Cl=100\".") var outside: Assignments
    @Option(name: .customLong("inside-impermeant"), parsing: .unconditionalSingleValue,
            help: "Impermeant inside solute: \"charge=-1.2,concentration=120\" (repeatable).") var insideImpermeant: [Assignments] = []
    @Option(name: .customLong("outside-impermeant"), parsing: .unconditionalSingleValue,
            help: "Extra impermeant bath solute: \"charge=-1,concentration=20\" (repeatable).") var outsideImpermeant: [Assignments] = []
    @Option(help: "Permeant ions, comma-separated, e.g. K,Cl or K,Cl,Na.") var permeant: NameList
    @Option(help: "rigid (default), osmotic, or walled (with --wall-relative-volume).") var compartment: String?
    @Option(name: .customLong("wall-relative-volume"), parsing: .unconditional,
            help: "Cell wall: the largest free volume, relative to the reference volume.") var wallVolume: Scalar?
    @Option(name: .customLong("wall-modulus-MPa"), parsing: .unconditional,
            help: "Volumetric elastic modulus of the wall in MPa (omit for a rigid wall).") var wallModulus: Scalar?
    @Option(name: .customLong("activity-model"), help: "ideal (default), davies, truesdell-jones, pitzer, …: equilibrium in activities.") var activityModel: String?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func request() -> DonnanRequest {
        var r = DonnanRequest(outside: outside, permeant: permeant)
        r.insideImpermeant = insideImpermeant.isEmpty ? nil : Repeated(insideImpermeant)
        r.outsideImpermeant = outsideImpermeant.isEmpty ? nil : Repeated(outsideImpermeant)
        r.compartment = compartment
        r.wallRelativeVolume = wallVolume
        r.wallModulusMPa = wallModulus
        r.activityModel = activityModel
        r.temperature = conditions.temperature
        r.constants = conditions.constants
        return r
    }
}
