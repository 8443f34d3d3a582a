import Membrane
import MembraneReport

/// `chord`: the chord-conductance resting potential V = Σ g·E / Σ g (Hodgkin & Huxley 1952), from reversal
/// potentials, or from Nernst potentials of inside and outside solutions.
public struct ChordRequest: MembraneRequest {
    public static let command = "chord"

    /// Conductances on any common scale.
    public var conductance: Assignments
    /// Reversal potentials in mV.
    public var reversal: Assignments?
    public var inside: Assignments?
    public var outside: Assignments?
    public var temperature: Scalar?
    public var constants: String?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case conductance, reversal, inside, outside, temperature, constants
    }

    public init(conductance: Assignments) { self.conductance = conductance }

    public func run(in context: inout RequestContext) throws -> ChordReport {
        let conditions = try Defaults.conditions(temperature: temperature, constants: constants)
        let gs = try conductance.namedValues(field: "conductance", example: "K=1,Na=0.05,Cl=0.2")
        var branches: [ChordConductance.Branch] = []
        if let reversal {
            let es = try reversal.namedValues(field: "reversal", example: "K=-89,Na=61")
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
                                                 allowed: "`reversal`, or `inside` and `outside` to compute them")
            }
            let si = try InputParsing.solution(inside, field: "inside", context: &context)
            let so = try InputParsing.solution(outside, field: "outside", context: &context)
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
