import Membrane

/// The chord-conductance result.
public struct ChordReport: Renderable {
    public var branches: [ChordConductance.Branch]
    public var potential: Voltage
    public var conditions: Conditions

    public init(branches: [ChordConductance.Branch], potential: Voltage, conditions: Conditions) {
        self.branches = branches
        self.potential = potential
        self.conditions = conditions
    }

    public var json: JSONValue {
        .object([
            ("potential_mV", .number(potential.millivolts)),
            ("conductances", .object(branches.map { ($0.name, .number($0.conductance)) })),
            ("reversal_mV", .object(branches.map { ($0.name, .number($0.reversal.millivolts)) })),
        ] + conditionsFields(conditions))
    }

    public var text: String {
        var table = TextTable(headers: ["branch", "g", "E (mV)"])
        for b in branches { table.add([b.name, Format.significant(b.conductance, 4), Format.fixed(b.reversal.millivolts, 2)]) }
        return table.render() + "\n\nV = Σ g·E / Σ g = \(Format.fixed(potential.millivolts, 2)) mV\n" + conditionsLine(conditions)
    }
}

/// A permeability ratio P_test / P_reference.
public struct PermeabilityRatioReport: Renderable {
    public var mode: String
    public var test: String
    public var reference: String
    public var ratio: Double
    public var reversal: Voltage
    public var conditions: Conditions

    public init(mode: String, test: String, reference: String, ratio: Double, reversal: Voltage, conditions: Conditions) {
        self.mode = mode
        self.test = test
        self.reference = reference
        self.ratio = ratio
        self.reversal = reversal
        self.conditions = conditions
    }

    public var json: JSONValue {
        .object([
            ("mode", .string(mode)),
            ("test", .string(test)),
            ("reference", .string(reference)),
            ("permeability_ratio", .number(ratio)),
            (mode == "substitution" ? "shift_mV" : "reversal_mV", .number(reversal.millivolts)),
        ] + conditionsFields(conditions))
    }

    public var text: String {
        let what = mode == "substitution" ? "shift ΔE = \(Format.signed(reversal.millivolts, 2)) mV"
                                          : "E_rev = \(Format.fixed(reversal.millivolts, 2)) mV"
        return "P_\(test) / P_\(reference) = \(Format.significant(ratio, 5))   (\(mode), \(what))\n" + conditionsLine(conditions)
    }
}
