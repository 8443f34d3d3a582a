import Foundation
import Membrane
import MembraneReport

/// `--plot FILE.svg` of a sweep of one or two options: result columns against the varied option (lines), or one
/// heat map per column over the grid of two; an axis is logarithmic when its range is (`FROM:TO:COUNT:log`). The
/// varied values must be plain numbers; failed points are gaps (grey cells).
public enum SweepPlot {
    /// Checks, before the sweep runs, that its specs can be drawn.
    public static func check(_ vary: [VarySpec]) throws {
        guard (1...2).contains(vary.count) else {
            throw MembraneError.invalidValue(field: "plot", value: "\(vary.count) varied options",
                                             allowed: "a sweep of one option (lines) or two (a heat map)")
        }
        for spec in vary {
            if let bad = spec.values.first(where: { Double($0)?.isFinite != true }) {
                throw MembraneError.invalidValue(field: "plot", value: "\(spec.option)=\(bad)",
                                                 allowed: "numeric values of the varied options (a value with a unit or a name cannot be placed on an axis)")
            }
        }
    }

    /// The result columns drawn: `keys` (comma-separated) or the first column holding a number.
    static func keys(_ keys: String?, table: SweepTable, vary: Int) throws -> [String] {
        let results = Array(table.header.dropFirst(1 + vary).dropLast())
        if let keys {
            let names = keys.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for name in names where !results.contains(name) {
                throw MembraneError.unknownName(field: "plot-y", value: name, suggestions: closestNames(to: name, among: results, limit: 3))
            }
            guard !names.isEmpty else {
                throw MembraneError.invalidValue(field: "plot-y", value: keys, allowed: "result columns separated by commas")
            }
            return names
        }
        for (offset, name) in results.enumerated() {
            let c = 1 + vary + offset
            if table.rows.contains(where: { Double($0[c]) != nil }) { return [name] }
        }
        throw MembraneError.undefined(field: "plot", reason: "no result column holds a number to draw")
    }

    /// The SVG document.
    public static func svg(table: SweepTable, vary: [VarySpec], command: String, keys requested: String?) throws -> String {
        try check(vary)
        let keys = try keys(requested, table: table, vary: vary.count)
        let column = Dictionary(uniqueKeysWithValues: table.header.enumerated().map { ($1, $0) })
        func number(_ row: [String], _ key: String) -> Double { Double(row[column[key]!]) ?? .nan }
        func logarithmic(_ spec: VarySpec) -> Bool { spec.scale == .log && spec.values.allSatisfy { (Double($0) ?? 0) > 0 } }
        if vary.count == 1 {
            let x = table.rows.map { Double($0[1]) ?? .nan }
            var plot = SVGPlot(title: "membrane \(command): sweep of \(vary[0].option)", xLabel: vary[0].option,
                               yLabel: keys.count == 1 ? keys[0] : "value",
                               series: keys.map { key in SVGPlot.Series(name: key, x: x, y: table.rows.map { number($0, key) }) })
            plot.logarithmicX = logarithmic(vary[0])
            return plot.render()
        }
        var z: [String: [String]] = [:]
        for row in table.rows { z[row[1] + "\u{0}" + row[2]] = row }
        let maps = keys.map { key -> SVGHeatMap in
            var map = SVGHeatMap(title: "membrane \(command): \(key)", xLabel: vary[0].option, yLabel: vary[1].option, zLabel: key,
                                 x: vary[0].values.map { Double($0)! }, y: vary[1].values.map { Double($0)! },
                                 z: vary[1].values.map { b in vary[0].values.map { a in z[a + "\u{0}" + b].map { number($0, key) } ?? .nan } })
            map.logarithmicX = logarithmic(vary[0])
            map.logarithmicY = logarithmic(vary[1])
            return map
        }
        guard maps.count > 1 else { return maps[0].render() }
        // Several maps stacked, each an <svg> placed at its offset (as SVGFigure stacks plots).
        let width = maps[0].width, height = maps.reduce(0) { $0 + $1.height }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">\n"
        var y = 0.0
        for map in maps {
            svg += map.render().replacingOccurrences(of: "<svg ", with: "<svg x=\"0\" y=\"\(Int(y))\" ", options: .anchored)
            y += map.height
        }
        return svg + "</svg>\n"
    }
}
