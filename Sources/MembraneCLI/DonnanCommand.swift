import ArgumentParser
import Membrane
import MembraneReport

struct DonnanCommand: CalculationCommand {
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

    @Option(parsing: .unconditional, help: "Bath solution, e.g. \"K=100,Cl=100\".") var outside: String
    @Option(name: .customLong("inside-impermeant"), parsing: .unconditionalSingleValue,
            help: "Impermeant inside solute: \"charge=-1.2,concentration=120\" (repeatable).") var insideImpermeant: [String] = []
    @Option(name: .customLong("outside-impermeant"), parsing: .unconditionalSingleValue,
            help: "Extra impermeant bath solute: \"charge=-1,concentration=20\" (repeatable).") var outsideImpermeant: [String] = []
    @Option(help: "Permeant ions, comma-separated, e.g. K,Cl or K,Cl,Na.") var permeant: String
    @Option(help: "rigid (default), osmotic, or walled (with --wall-relative-volume).") var compartment: String?
    @Option(name: .customLong("wall-relative-volume"), parsing: .unconditional,
            help: "Cell wall: the largest free volume, relative to the reference volume.") var wallVolume: String?
    @Option(name: .customLong("wall-modulus-MPa"), parsing: .unconditional,
            help: "Volumetric elastic modulus of the wall in MPa (omit for a rigid wall).") var wallModulus: String?
    @Option(name: .customLong("activity-model"), help: "ideal (default), davies, truesdell-jones, pitzer, …: equilibrium in activities.") var activityModel: String = "ideal"
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    static func impermeant(_ text: String, field: String, index: Int) throws -> ImpermeantSolute {
        let pairs = try NamedValues.parse(text, field: field, example: "charge=-1.2,concentration=120")
        var charge: Double?, concentration: Double?
        for (key, value) in pairs {
            switch key.lowercased() {
            case "charge", "z", "valence": charge = value
            case "concentration", "c", "concentration_mm", "mm": concentration = value
            default:
                throw MembraneError.unknownName(field: field, value: key, suggestions: ["charge", "concentration"])
            }
        }
        guard let charge, let concentration else {
            throw MembraneError.invalidValue(field: field, value: text, allowed: "both charge and concentration, e.g. \"charge=-1.2,concentration=120\"")
        }
        try MembraneError.requireNonNegative(concentration, field: field, allowed: "a concentration ≥ 0 mM")
        return ImpermeantSolute(name: index == 0 ? "X" : "X\(index + 1)", charge: charge, concentration: .millimolar(concentration))
    }

    func execute() throws -> any Renderable {
        let bath = try Inputs.solution(outside, field: "outside")
        let inside = try insideImpermeant.enumerated().map { try Self.impermeant($1, field: "inside-impermeant", index: $0) }
        let extra = try outsideImpermeant.enumerated().map { i, text in
            var x = try Self.impermeant(text, field: "outside-impermeant", index: i)
            x.name = "X_out" + (i == 0 ? "" : "\(i + 1)")
            return x
        }
        let names = permeant.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        var kind: DonnanCompartment
        switch compartment?.lowercased() {
        case nil: kind = wallVolume == nil ? .rigid : .walled(maximumRelativeVolume: 1, elasticModulus: nil)
        case "rigid": kind = .rigid
        case "osmotic": kind = .osmotic
        case "walled", "wall": kind = .walled(maximumRelativeVolume: 1, elasticModulus: nil)
        default:
            throw MembraneError.invalidValue(field: "compartment", value: compartment!, allowed: "rigid, osmotic or walled")
        }
        if case .walled = kind {
            let v = try Inputs.number(wallVolume ?? "1", field: "wall-relative-volume")
            let e = try wallModulus.map { try Inputs.number($0, field: "wall-modulus-MPa") * 1e6 }
            kind = .walled(maximumRelativeVolume: v, elasticModulus: e)
        } else if wallVolume != nil || wallModulus != nil {
            throw MembraneError.invalidValue(field: "wall-relative-volume", value: wallVolume ?? wallModulus ?? "",
                                             allowed: "a wall only with --compartment walled (or without --compartment)")
        }
        let problem = try DonnanProblem(outside: bath, permeant: names, insideImpermeants: inside, extraOutside: extra,
                                        compartment: kind, conditions: try conditions.conditions())
        return try Donnan.solve(problem, activityModel: ActivityModel.named(activityModel, field: "activity-model"))
    }
}
