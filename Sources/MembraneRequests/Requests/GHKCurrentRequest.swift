import Membrane
import MembraneReport

/// `ghk-current`: the GHK current density and flux of one ion at a voltage (Goldman 1943; Hodgkin & Katz
/// 1949), and with `from`/`to`/`step` the I–V curve.
public struct GHKCurrentRequest: MembraneRequest {
    public static let command = "ghk-current"
    public static let defaultVoltage: Scalar = "0"
    /// The I–V curve's range when only one end (or only a plot) is asked for, and its step, in mV.
    public static let defaultFrom: Scalar = "-100", defaultTo: Scalar = "100", defaultStep: Scalar = "5"

    public var ion: String
    public var inside: Scalar
    public var outside: Scalar
    /// Permeability in cm/s.
    public var permeability: Scalar
    public var voltage: Scalar?
    public var valence: Int?
    public var from: Scalar?
    public var to: Scalar?
    public var step: Scalar?
    public var temperature: Scalar?
    public var constants: String?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case ion, inside, outside, permeability, voltage, valence, from, to, step, temperature, constants
    }

    public init(ion: String, inside: Scalar, outside: Scalar, permeability: Scalar) {
        self.ion = ion
        self.inside = inside
        self.outside = outside
        self.permeability = permeability
    }

    /// One point, or the I–V curve when `from` or `to` is given.
    public enum Output: Renderable {
        case point(GHKCurrentResult)
        case curve(IVCurve)
        public var json: JSONValue {
            switch self { case .point(let p): return p.json; case .curve(let c): return c.json }
        }
        public var text: String {
            switch self { case .point(let p): return p.text; case .curve(let c): return c.text }
        }
    }

    /// The I–V curve (none for a single point).
    public func figure(of output: Output) -> SVGFigure? {
        if case .curve(let c) = output { return SVGFigure(panels: [c.figure()]) }
        return nil
    }

    public func run(in context: inout RequestContext) throws -> Output {
        let ion = try InputParsing.ion(self.ion, valence: valence)
        let conditions = try Defaults.conditions(temperature: temperature, constants: constants)
        let p = Permeability.centimetresPerSecond(try permeability.nonNegative(field: "permeability", allowed: "a permeability ≥ 0 in cm/s"))
        let cIn = try inside.concentration(field: "inside")
        let cOut = try outside.concentration(field: "outside")
        let v = try (voltage ?? Self.defaultVoltage).voltage(field: "voltage")
        let single = try GHKCurrent.calculate(ion: ion, permeability: p, inside: cIn, outside: cOut, at: v, conditions: conditions)
        guard from != nil || to != nil else { return .point(single) }
        let start = try (from ?? Self.defaultFrom).voltage(field: "from")
        let end = try (to ?? Self.defaultTo).voltage(field: "to")
        try MembraneError.requireMembranePotential(start, field: "from")
        try MembraneError.requireMembranePotential(end, field: "to")
        let step = self.step ?? Self.defaultStep
        let dv = try step.voltage(field: "step")
        guard dv.volts > 0, end > start, (end - start) / dv <= 100_000 else {
            throw MembraneError.invalidValue(field: "step", value: step.text,
                                             allowed: "a step > 0 with `to` > `from` and at most 100000 points")
        }
        let n = Int(((end - start) / dv).rounded(.down)) + 1
        let voltages = (0..<n).map { start + Double($0) * dv }
        let currents = GHKCurrent.curve(z: ion.charge, permeability: p, inside: cIn, outside: cOut,
                                        voltages: voltages, conditions: conditions)
        return .curve(IVCurve(point: single, voltages: voltages, currents: currents))
    }
}
