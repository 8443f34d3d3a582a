import Membrane
import MembraneReport

/// A preset parameter spread over a population: `--set g_Na=60:120` with `--cells N` gives cell k the value
/// A + (B − A)·k/(N − 1), the same rule as `--stimulus-uA-per-cm2 FROM:TO` (INTERFACE.md, `cells`).
public struct ParameterSpread: Sendable, Hashable {
    /// The parameter's name in the preset's notation (`g_Na`).
    public var name: String
    /// The value of the first and of the last cell, in the parameter's unit.
    public var from: Double, to: Double

    /// The value of cell `k` of `count`: A + (B − A)·k/(count − 1) (A alone for one cell).
    public func value(cell k: Int, of count: Int) -> Double {
        count == 1 ? from : from + (to - from) * Double(k) / Double(count - 1)
    }
}

extension HHSimulationRequest {
    /// `set` split into its single values (left as `set` text) and its ranges `NAME=A:B` (``ParameterSpread``).
    /// A range needs `cells` and cannot be combined with `block` (whose scaling applies to single values): both are
    /// refused with the field named.
    func parameterSpreads() throws -> (rest: Assignments?, spreads: [ParameterSpread]) {
        guard let set else { return (nil, []) }
        var rest: [String] = [], spreads: [ParameterSpread] = []
        let allowed = "NAME=VALUE pairs; with `cells`, a range NAME=FROM:TO spreads the parameter over the cells (g_Na=60:120)"
        for entry in set.text.split(separator: ",") {
            let parts = entry.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
            guard parts.count == 2, parts[1].contains(":") else { rest.append(String(entry)); continue }
            let ends = parts[1].split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            guard ends.count == 2, let a = try? QuantityParser.number(ends[0], field: "set"),
                  let b = try? QuantityParser.number(ends[1], field: "set"), a.isFinite, b.isFinite else {
                throw MembraneError.invalidValue(field: "set", value: String(entry).trimmingWhitespace(), allowed: allowed)
            }
            spreads.append(ParameterSpread(name: parts[0], from: a, to: b))
        }
        guard !spreads.isEmpty else { return (set, []) }
        let typed = spreads.map { "\($0.name)=\(Format.significant($0.from, 12)):\(Format.significant($0.to, 12))" }.joined(separator: ", ")
        guard cells != nil else {
            throw MembraneError.invalidValue(field: "set", value: typed, allowed: "a range FROM:TO only with `cells` (--cells N), which it is spread over; one cell takes NAME=VALUE")
        }
        guard block == nil else {
            throw MembraneError.invalidValue(field: "block", value: block?.text ?? "", allowed: "no block together with a `set` range (\(typed)): set the blocked conductances' range by hand")
        }
        let names = spreads.map(\.name)
        if let twice = names.first(where: { n in names.filter { $0 == n }.count > 1 }) {
            throw MembraneError.invalidValue(field: "set", value: twice, allowed: "each parameter once")
        }
        return (rest.isEmpty ? nil : Assignments(rest.joined(separator: ",")), spreads)
    }

    /// The cells of a population with `spreads`: cell k is `preset` with `overrides` and each spread's value for k
    /// (each checked against the parameter's range), under the constant current A + (B − A)·k/(N − 1).
    static func spreadCells(_ preset: ScenarioPreset, overrides: [(name: String, value: Double)], spreads: [ParameterSpread],
                            count: Int, stimulus: (Double, Double)) throws -> [Scenario] {
        for s in spreads { _ = try preset.parameter(named: s.name) }
        var cells: [Scenario] = []
        for k in 0..<count {
            let own = spreads.map { ($0.name, $0.value(cell: k, of: count)) }
            var cell = try preset.scenario(setting: overrides.filter { o in !spreads.contains { $0.name == o.name } }
                                                        + own.map { (name: $0.0, value: $0.1) })
            let j = count == 1 ? stimulus.0 : stimulus.0 + (stimulus.1 - stimulus.0) * Double(k) / Double(count - 1)
            cell.stimuli = [.constantCurrent(.microamperesPerSquareCentimetre(j))]
            cells.append(cell)
        }
        return cells
    }
}
