import Membrane
import MembraneReport

/// `hyperkalemia`: rest and excitability against the bath's K⁺ (issue 9) for the ventricular cell `luo-rudy-1991`
/// (default) or the squid axon `hodgkin-huxley-1952` (with held concentrations): for each K_o the resting potential,
/// E_K, whether one test pulse from rest evokes an action potential, its V̇max and APD90 (``Hyperkalemia``).
public struct HyperkalemiaRequest: MembraneRequest {
    public static let command = "hyperkalemia"
    /// The most K_o values one request computes.
    public static let maxValues = 200

    /// `luo-rudy-1991` (default) or `hodgkin-huxley-1952`.
    public var preset: String?
    /// The K_o values in mM: `FROM:TO:STEP` (4:12:1), or a comma-separated list (4, 5.4, 8).
    public var kOutside: Scalar?
    /// `NAME=VALUE` overrides of the preset's other parameters, in the preset's units.
    public var set: Assignments?
    /// The test pulse's amplitude, µA/cm² (depolarising; default: luo-rudy-1991 25.5, hodgkin-huxley-1952 20).
    public var stimulus: Scalar?
    /// The test pulse's duration, ms (default: luo-rudy-1991 2, hodgkin-huxley-1952 1).
    public var stimulusDuration: Scalar?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case preset, set
        case kOutside = "k-o", stimulus = "stimulus-uA-per-cm2", stimulusDuration = "stimulus-ms"
    }

    public init(preset: String? = nil, kOutside: Scalar? = nil) {
        self.preset = preset
        self.kOutside = kOutside
    }

    /// The presets this command runs.
    public static let presets = [LuoRudy1991.preset.name, ScenarioPreset.hodgkinHuxley1952.name]

    /// The K_o values of `k-o` (default: 4:12:1 for luo-rudy-1991, 2.5:20:2.5 for hodgkin-huxley-1952), each > 0.
    func potassiumValues(default fallback: String) throws -> [Double] {
        let text = kOutside?.text ?? fallback
        let allowed = "K_o values in mM: FROM:TO:STEP (4:12:1) or a list (4, 5.4, 8), each > 0, at most \(Self.maxValues)"
        func number(_ s: Substring) throws -> Double {
            let x = try QuantityParser.number(String(s.filter { $0 != " " }), field: "k-o", allowed: allowed)
            guard x.isFinite else { throw MembraneError.invalidValue(field: "k-o", value: text, allowed: allowed) }
            return x
        }
        var values: [Double]
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 3 {
            let (a, b, step) = (try number(parts[0]), try number(parts[1]), try number(parts[2]))
            guard step > 0, b >= a, (b - a) / step < Double(Self.maxValues) else {
                throw MembraneError.invalidValue(field: "k-o", value: text, allowed: allowed)
            }
            let n = Int(((b - a) / step + 1e-9).rounded(.down))
            values = (0...n).map { a + Double($0) * step }
        } else if parts.count == 1 {
            values = try text.split(separator: ",").map(number)
        } else {
            throw MembraneError.invalidValue(field: "k-o", value: text, allowed: allowed)
        }
        guard !values.isEmpty, values.count <= Self.maxValues, values.allSatisfy({ $0 > 0 }) else {
            throw MembraneError.invalidValue(field: "k-o", value: text, allowed: allowed)
        }
        return values
    }

    /// A pulse setting (`field`) as a number in `allowed`, or nil when not given.
    func pulse(_ value: Scalar?, field: String, allowed range: ClosedRange<Double>, unit: String) throws -> Double? {
        guard let value else { return nil }
        let allowed = "a number from \(range.lowerBound) to \(range.upperBound) \(unit)"
        let x = try QuantityParser.number(value.text, field: field, allowed: allowed)
        guard x.isFinite, range.contains(x) else { throw MembraneError.invalidValue(field: field, value: value.text, allowed: allowed) }
        return x
    }

    public func run(in context: inout RequestContext) throws -> HyperkalemiaReport {
        let name = (preset ?? LuoRudy1991.preset.name).lowercased()
        guard Self.presets.contains(name) else {
            throw MembraneError.unknownName(field: "preset", value: preset ?? "", suggestions: closestNames(to: name, among: Self.presets))
        }
        let overrides = try set.map { try $0.namedValues(field: "set", example: "g_Na=10") } ?? []
        if let k = overrides.first(where: { $0.name == "K_o" }) {
            throw MembraneError.invalidValue(field: "set", value: "K_o=\(k.value)", allowed: "the other parameters: K_o is the table's axis (k-o)")
        }
        let amplitude = try pulse(stimulus, field: "stimulus-uA-per-cm2", allowed: 0...1_000, unit: "µA/cm²")
        let width = try pulse(stimulusDuration, field: "stimulus-ms", allowed: 0.01...1_000, unit: "ms")
        var rows: [HyperkalemiaRow] = []
        let clock = ContinuousClock(), started = clock.now
        if name == LuoRudy1991.preset.name {
            var p = try LuoRudy1991.preset.parameters(setting: overrides)
            if let amplitude { p.stimulusAmplitude = amplitude }
            if let width { p.stimulusDuration = width }
            let values = try potassiumValues(default: "4:12:1")
            let range = LuoRudy1991.preset.parameters[0].allowed
            if let bad = values.first(where: { !range.contains($0) }) {
                throw MembraneError.invalidValue(field: "k-o", value: kOutside?.text ?? "\(bad)",
                                                 allowed: "K_o values from \(range.lowerBound) to \(range.upperBound) mM for \(name) (\(Format.significant(bad, 6)) is outside)")
            }
            for (i, k) in values.enumerated() {
                if context.shouldStop() { context.status = .interrupted; break }
                context.progress?(Double(i) / Double(values.count)) { "K_o = \(Format.significant(k, 4)) mM" }
                rows.append(try typed { try Hyperkalemia.luoRudy(p, potassiumOutside: k) })
            }
            return HyperkalemiaReport(preset: name, rows: rows, amplitude: p.stimulusAmplitude, width: p.stimulusDuration,
                                      source: LuoRudy1991.preset.source, wallTime: Self.seconds(clock.now - started))
        }
        let hh = ScenarioPreset.hodgkinHuxley1952(concentrations: .held)
        _ = try hh.scenario(setting: overrides)  // names and ranges checked once, before the runs
        let values = try potassiumValues(default: "2.5:20:2.5")
        if let range = hh.parameters.first(where: { $0.name == "K_o" })?.allowed, let bad = values.first(where: { !range.contains($0) }) {
            throw MembraneError.invalidValue(field: "k-o", value: kOutside?.text ?? "\(bad)",
                                             allowed: "K_o values from \(range.lowerBound) to \(range.upperBound) mM for \(name) (\(Format.significant(bad, 6)) is outside)")
        }
        for (i, k) in values.enumerated() {
            if context.shouldStop() { context.status = .interrupted; break }
            context.progress?(Double(i) / Double(values.count)) { "K_o = \(Format.significant(k, 4)) mM" }
            rows.append(try typed {
                try Hyperkalemia.hodgkinHuxley(hh, overrides: overrides, potassiumOutside: k, amplitude: amplitude ?? 20, width: width ?? 1)
            })
        }
        return HyperkalemiaReport(preset: name, rows: rows, amplitude: amplitude ?? 20, width: width ?? 1, source: hh.source,
                                  wallTime: Self.seconds(clock.now - started))
    }

    /// Rest and E_K against K_o, and V̇max against K_o.
    public func figure(of output: HyperkalemiaReport) -> SVGFigure? { output.figure }
}

extension HyperkalemiaRequest {
    /// `body`, with an error about one K_o value quoting `k-o` as typed.
    func typed<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch MembraneError.invalidValue(let field, _, let allowed) where field == "k-o" {
            throw MembraneError.invalidValue(field: field, value: kOutside?.text ?? "", allowed: allowed)
        }
    }

    /// A duration in seconds.
    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
}
