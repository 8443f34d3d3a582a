import MembraneUnits
import MembraneChemistry

/// A named parameter of a ``ScenarioPreset`` in the paper's notation and units (`g_Na` in mS/cm², `E_L` in mV): what
/// `--set NAME=VALUE` overrides and `presets --json` lists (INTERFACE.md), with the range of values allowed.
public struct PresetParameter: Sendable, Hashable {
    /// The name in the paper's notation.
    public var name: String
    /// The preset's value, in ``unit``.
    public var value: Double
    /// The unit of ``value`` and ``allowed`` as printed (`mS/cm²`, `mV`, `1` for a pure number).
    public var unit: String
    /// What it is, in a few words.
    public var summary: String
    /// The values accepted (in ``unit``): physically meaningful, not only the paper's.
    public var allowed: ClosedRange<Double>

    /// A parameter called `name` with the preset's `value` in `unit`, a few words on what it is, and the values allowed.
    public init(_ name: String, _ value: Double, unit: String, summary: String, allowed: ClosedRange<Double>) {
        self.name = name
        self.value = value
        self.unit = unit
        self.summary = summary
        self.allowed = allowed
    }
}

/// A published model as a preset: a ``Scenario`` built from a table of named parameters (``PresetParameter``), any
/// of which a user may override by name. Building checks every override: an unknown name is answered with the
/// closest names, a value outside the parameter's range with that range.
public struct ScenarioPreset: Sendable {
    /// The command-line name (`hodgkin-huxley-1952`).
    public var name: String
    /// One line on what the preset models.
    public var summary: String
    /// The paper and code it reproduces.
    public var source: String
    /// The parameters with the preset's values, in the paper's notation and order.
    public var parameters: [PresetParameter]
    /// Builds the scenario from one value per parameter (in ``parameters`` order and units).
    let make: @Sendable ([Double]) -> Scenario

    /// A preset called `name` whose `make` builds the scenario from one value per parameter, in `parameters`' order
    /// and units.
    public init(name: String, summary: String, source: String, parameters: [PresetParameter],
                make: @escaping @Sendable ([Double]) -> Scenario) {
        self.name = name
        self.summary = summary
        self.source = source
        self.parameters = parameters
        self.make = make
    }

    /// The preset's scenario with the parameters `overrides` set (name → value in the parameter's unit), applied in
    /// order. Throws ``MembraneError/unknownName(field:value:suggestions:)`` for a name the preset does not have and
    /// ``MembraneError/invalidValue(field:value:allowed:)`` for a value outside the parameter's range (both with field
    /// `set`, the option that overrides them, and the name in the value: `g_Na=-1`).
    public func scenario(setting overrides: [(name: String, value: Double)] = []) throws -> Scenario {
        var values = parameters.map(\.value)
        for (name, value) in overrides {
            let i = try index(of: name)
            try check(value, for: parameters[i])
            values[i] = value
        }
        return make(values)
    }

    /// The parameter called `name` (exactly as listed; case-sensitive, as g_K and g_k could both exist), or an error
    /// naming the closest ones.
    public func parameter(named name: String) throws -> PresetParameter { parameters[try index(of: name)] }

    func index(of name: String) throws -> Int {
        if let i = parameters.firstIndex(where: { $0.name == name }) { return i }
        throw MembraneError.unknownName(field: "set", value: name,
                                        suggestions: closestNames(to: name, among: parameters.map(\.name)))
    }

    func check(_ value: Double, for p: PresetParameter) throws {
        guard value.isFinite, p.allowed.contains(value) else {
            throw MembraneError.invalidValue(field: "set", value: "\(p.name)=\(value)",
                                             allowed: "\(p.name) (\(p.summary)) from \(p.allowed.lowerBound) to \(p.allowed.upperBound) \(p.unit)")
        }
    }
}

extension ScenarioPreset {
    /// The presets of excitable cells, by command-line name.
    public static var excitable: [ScenarioPreset] { [hodgkinHuxley1952] }

    /// The excitable-cell preset called `name`, or an error listing the closest names.
    public static func excitable(named name: String) throws -> ScenarioPreset {
        if let p = excitable.first(where: { $0.name == name.lowercased() }) { return p }
        let aliases = ["hh": "hodgkin-huxley-1952", "hodgkin-huxley": "hodgkin-huxley-1952", "hh1952": "hodgkin-huxley-1952"]
        if let target = aliases[name.lowercased()], let p = excitable.first(where: { $0.name == target }) { return p }
        throw MembraneError.unknownName(field: "preset", value: name, suggestions: closestNames(to: name, among: excitable.map(\.name)))
    }
}

extension Array where Element == PresetParameter {
    /// The parameters' values with `overrides` (name → value in the parameter's unit) set, in order, for the presets
    /// that run a published model as its own equations (`hubel-ullah-2016`, `cressman-2009`, `luo-rudy-1991`,
    /// `wei-ullah-schiff-2014`). `aliases` maps other accepted spellings to a parameter's name. An unknown name is
    /// ``MembraneError/unknownName(field:value:suggestions:)`` (field `set`, the name as typed, the closest names); a
    /// value outside the parameter's range ``MembraneError/invalidValue(field:value:allowed:)`` naming the parameter.
    public func values(setting overrides: [(name: String, value: Double)], aliases: [String: String] = [:]) throws -> [Double] {
        var v = map(\.value)
        for (typed, value) in overrides {
            let name = aliases[typed] ?? typed
            guard let i = firstIndex(where: { $0.name == name }) else {
                throw MembraneError.unknownName(field: "set", value: typed, suggestions: closestNames(to: name, among: map(\.name)))
            }
            let p = self[i]
            guard value.isFinite, p.allowed.contains(value) else {
                throw MembraneError.invalidValue(field: p.name, value: "\(value) \(p.unit)",
                                                 allowed: "\(p.summary) from \(p.allowed.lowerBound) to \(p.allowed.upperBound) \(p.unit)")
            }
            v[i] = value
        }
        return v
    }
}
