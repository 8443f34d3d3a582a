import Membrane
import MembraneReport

/// `donnan`: the Gibbs–Donnan equilibrium (Donnan 1911, Z. Elektrochem. 17:572): V_D, every concentration, the
/// Donnan ratio, the product rule and the osmotic imbalance, for a rigid, osmotic or walled compartment.
public struct DonnanRequest: MembraneRequest {
    public static let command = "donnan"

    /// The bath.
    public var outside: Assignments
    /// Impermeant inside solutes, each `"charge=-1.2,concentration=120"` or {"charge": -1.2, "concentration": 120}.
    public var insideImpermeant: Repeated<Assignments>?
    /// Extra impermeant bath solutes, the same form.
    public var outsideImpermeant: Repeated<Assignments>?
    /// The ions that cross the membrane.
    public var permeant: NameList
    /// rigid (default), osmotic, or walled.
    public var compartment: String?
    public var wallRelativeVolume: Scalar?
    public var wallModulusMPa: Scalar?
    public var activityModel: String?
    public var temperature: Scalar?
    public var constants: String?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case outside, permeant, compartment, temperature, constants
        case insideImpermeant = "inside-impermeant", outsideImpermeant = "outside-impermeant"
        case wallRelativeVolume = "wall-relative-volume", wallModulusMPa = "wall-modulus-MPa", activityModel = "activity-model"
    }

    public init(outside: Assignments, permeant: NameList) {
        self.outside = outside
        self.permeant = permeant
    }

    /// One impermeant solute from `charge=…,concentration=…` (mean valence and mM at the reference volume).
    static func impermeant(_ value: Assignments, field: String, name: String) throws -> ImpermeantSolute {
        let pairs = try value.namedValues(field: field, example: "charge=-1.2,concentration=120")
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
            throw MembraneError.invalidValue(field: field, value: value.text,
                                             allowed: "both charge and concentration, e.g. \"charge=-1.2,concentration=120\"")
        }
        try MembraneError.requireNonNegative(concentration, field: field, allowed: "a concentration ≥ 0 mM")
        return ImpermeantSolute(name: name, charge: charge, concentration: .millimolar(concentration))
    }

    public func run(in context: inout RequestContext) throws -> DonnanEquilibrium {
        let bath = try InputParsing.solution(outside, field: "outside", context: &context)
        let inside = try (insideImpermeant?.values ?? []).enumerated().map { i, v in
            try Self.impermeant(v, field: "inside-impermeant", name: i == 0 ? "X" : "X\(i + 1)")
        }
        let extra = try (outsideImpermeant?.values ?? []).enumerated().map { i, v in
            try Self.impermeant(v, field: "outside-impermeant", name: "X_out" + (i == 0 ? "" : "\(i + 1)"))
        }
        var kind: DonnanCompartment
        switch compartment?.lowercased() {
        case nil: kind = wallRelativeVolume == nil ? .rigid : .walled(maximumRelativeVolume: 1, elasticModulus: nil)
        case "rigid": kind = .rigid
        case "osmotic": kind = .osmotic
        case "walled", "wall": kind = .walled(maximumRelativeVolume: 1, elasticModulus: nil)
        default:
            throw MembraneError.invalidValue(field: "compartment", value: compartment!, allowed: "rigid, osmotic or walled")
        }
        if case .walled = kind {
            let v = try (wallRelativeVolume ?? "1").positive(field: "wall-relative-volume", allowed: "a volume > 0 relative to the reference volume")
            let e = try wallModulusMPa.map { try $0.positive(field: "wall-modulus-MPa", allowed: "an elastic modulus > 0 in MPa") * 1e6 }
            kind = .walled(maximumRelativeVolume: v, elasticModulus: e)
        } else if wallRelativeVolume != nil || wallModulusMPa != nil {
            throw MembraneError.invalidValue(field: wallRelativeVolume != nil ? "wall-relative-volume" : "wall-modulus-MPa",
                                             value: wallRelativeVolume?.text ?? wallModulusMPa?.text ?? "",
                                             allowed: "a wall only with `compartment` walled (or without `compartment`)")
        }
        let problem = try DonnanProblem(outside: bath, permeant: permeant.names, insideImpermeants: inside, extraOutside: extra,
                                        compartment: kind, conditions: Defaults.conditions(temperature: temperature, constants: constants))
        return try Donnan.solve(problem, activityModel: ActivityModel.named(activityModel ?? Defaults.potentialActivityModel,
                                                                           field: "activity-model"))
    }
}
