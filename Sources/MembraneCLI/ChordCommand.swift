import ArgumentParser
import Membrane
import MembraneReport

struct ChordCommand: CalculationCommand {
    static let configuration = CommandConfiguration(
        commandName: "chord",
        abstract: "Chord-conductance resting potential V = Σ g·E / Σ g.",
        discussion: """
        Either give reversal potentials directly:
          membrane chord --conductance "K=1,Na=0.05,Cl=0.2" --reversal "K=-89,Na=61,Cl=-76"
        or compute them (Nernst) from solutions:
          membrane chord --conductance "K=1,Na=0.05" --inside "K=140,Na=12" --outside "K=5,Na=145"
        Conductances may be on any common scale.
        """)

    @Option(help: "Conductances, e.g. \"K=1,Na=0.05,Cl=0.2\".") var conductance: String
    @Option(parsing: .unconditional, help: "Reversal potentials in mV, e.g. \"K=-89,Na=61\".") var reversal: String?
    @Option(help: "Inside solution (to compute E by Nernst).") var inside: String?
    @Option(help: "Outside solution (to compute E by Nernst).") var outside: String?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func execute() throws -> any Renderable {
        let conditions = try self.conditions.conditions()
        let gs = try NamedValues.parse(conductance, field: "conductance", example: "K=1,Na=0.05,Cl=0.2")
        var branches: [ChordConductance.Branch] = []
        if let reversal {
            let es = try NamedValues.parse(reversal, field: "reversal", example: "K=-89,Na=61")
            for (name, g) in gs {
                guard let e = es.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                    throw MembraneError.invalidValue(field: "reversal", value: "no \(name)",
                                                     allowed: "a reversal potential for every conductance")
                }
                let canonical = IonCatalog.standard.ion(named: name)?.name ?? name
                branches.append(.init(name: canonical, conductance: g, reversal: .millivolts(e.value)))
            }
        } else {
            guard let inside, let outside else {
                throw MembraneError.invalidValue(field: "reversal", value: "",
                                                 allowed: "--reversal, or --inside and --outside to compute them")
            }
            let si = try Inputs.solution(inside, field: "inside"), so = try Inputs.solution(outside, field: "outside")
            for (name, g) in gs {
                let ion = try IonCatalog.standard.lookup(name, field: "conductance")
                let e = try Nernst.potential(z: ion.charge, inside: si[ion.name] ?? .zero, outside: so[ion.name] ?? .zero,
                                             name: ion.name, conditions: conditions)
                branches.append(.init(name: ion.name, conductance: g, reversal: e))
            }
        }
        return ChordReport(branches: branches, potential: try ChordConductance.potential(branches), conditions: conditions)
    }
}
