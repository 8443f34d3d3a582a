import Foundation

/// A minimal SVG line plot: one or more series on linear axes with ticks, labels and a legend.
///
/// Dependency-free so the CLI can write pictures anywhere; the workbench draws the same data in the browser.
public struct SVGPlot: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        public init(name: String, x: [Double], y: [Double]) {
            self.name = name
            self.x = x
            self.y = y
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    /// Horizontal reference lines (e.g. y = 0), drawn dashed.
    public var horizontalLines: [Double] = []
    /// A logarithmic x axis (decade ticks; points with x ≤ 0 are left out).
    public var logarithmicX = false
    public var width = 720.0
    public var height = 440.0

    public init(title: String, xLabel: String, yLabel: String, series: [Series]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
    }

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]

    /// "Nice" tick positions covering [lo, hi] (1, 2, 5 × 10^k steps).
    static func ticks(_ lo: Double, _ hi: Double, count: Int = 6) -> [Double] {
        guard hi > lo, lo.isFinite, hi.isFinite else { return [lo] }
        let raw = (hi - lo) / Double(count)
        let magnitude = pow10(floorLog10(raw))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var t = (lo / step).rounded(.up) * step
        var out: [Double] = []
        while t <= hi + step * 1e-9 { out.append(abs(t) < step * 1e-9 ? 0 : t); t += step }
        return out
    }

    static func floorLog10(_ x: Double) -> Int {
        var k = 0, v = x
        while v >= 10 { v /= 10; k += 1 }
        while v < 1 && v > 0 { v *= 10; k -= 1 }
        return k
    }

    static func pow10(_ k: Int) -> Double {
        var r = 1.0
        if k >= 0 { for _ in 0..<k { r *= 10 } } else { for _ in 0..<(-k) { r /= 10 } }
        return r
    }

    /// A tick label with as many decimals as the tick spacing needs ("0.6", not "0.6000000000000001").
    static func label(_ x: Double, among ticks: [Double] = []) -> String {
        let step = ticks.count > 1 ? abs(ticks[1] - ticks[0]) : 0
        if x == x.rounded() && abs(x) < 1e6 && (step == 0 || step >= 1) { return String(Int(x)) }
        if abs(x) >= 1e6 || (abs(x) < 1e-4 && x != 0) { return String(format: "%.3g", x) }
        let decimals = step > 0 ? max(0, -floorLog10(step)) : 3
        return String(format: "%.\(decimals)f", x)
    }

    public func render() -> String {
        let left = 80.0, right = 20.0, top = 40.0, bottom = 60.0
        let pw = width - left - right, ph = height - top - bottom
        // On a logarithmic axis every x is placed by its log10, and ticks sit at decades.
        func tx(_ x: Double) -> Double { logarithmicX ? (x > 0 ? log10(x) : .nan) : x }
        let xs = series.flatMap(\.x).map(tx).filter(\.isFinite), ys = (series.flatMap(\.y) + horizontalLines).filter(\.isFinite)
        var x0 = xs.min() ?? 0, x1 = xs.max() ?? 1, y0 = ys.min() ?? 0, y1 = ys.max() ?? 1
        if x1 == x0 { x0 -= 1; x1 += 1 }
        if y1 == y0 { y0 -= 1; y1 += 1 }
        let pad = (y1 - y0) * 0.05
        y0 -= pad; y1 += pad
        func px(_ x: Double) -> Double { left + (x - x0) / (x1 - x0) * pw }
        func py(_ y: Double) -> Double { top + (1 - (y - y0) / (y1 - y0)) * ph }
        func f(_ v: Double) -> String { String((v * 10).rounded() / 10) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"sans-serif\" font-size=\"12\">\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        svg += "<text x=\"\(f(width / 2))\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">\(escape(title))</text>\n"
        let xTicks = logarithmicX
            ? Array(Int(x0.rounded(.up))...max(Int(x0.rounded(.up)), Int(x1.rounded(.down)))).map(Double.init).filter { $0 <= x1 }
            : SVGPlot.ticks(x0, x1)
        let yTicks = SVGPlot.ticks(y0, y1)
        for t in xTicks {
            let text = logarithmicX ? String(format: "%g", SVGPlot.pow10(Int(t))) : SVGPlot.label(t, among: xTicks)
            svg += "<line x1=\"\(f(px(t)))\" y1=\"\(f(top))\" x2=\"\(f(px(t)))\" y2=\"\(f(top + ph))\" stroke=\"#eee\"/>\n"
            svg += "<text x=\"\(f(px(t)))\" y=\"\(f(top + ph + 18))\" text-anchor=\"middle\">\(text)</text>\n"
        }
        for t in yTicks {
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(py(t)))\" x2=\"\(f(left + pw))\" y2=\"\(f(py(t)))\" stroke=\"#eee\"/>\n"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(py(t) + 4))\" text-anchor=\"end\">\(SVGPlot.label(t, among: yTicks))</text>\n"
        }
        for h in horizontalLines where h >= y0 && h <= y1 {
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(py(h)))\" x2=\"\(f(left + pw))\" y2=\"\(f(py(h)))\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>\n"
        }
        svg += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(pw))\" height=\"\(f(ph))\" fill=\"none\" stroke=\"#333\"/>\n"
        for (i, s) in series.enumerated() {
            let color = SVGPlot.palette[i % SVGPlot.palette.count]
            let points = zip(s.x.map(tx), s.y).filter { $0.0.isFinite && $0.1.isFinite }
                .map { "\(f(px($0.0))),\(f(py($0.1)))" }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(points)\"/>\n"
        }
        if !series.isEmpty {
            // The legend goes on top of the curves, in a translucent box that keeps it readable.
            svg += "<rect x=\"\(f(left + pw - 156))\" y=\"\(f(top + 4))\" width=\"150\" height=\"\(f(Double(series.count) * 16 + 6))\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#ddd\"/>\n"
        }
        for (i, s) in series.enumerated() {
            let color = SVGPlot.palette[i % SVGPlot.palette.count]
            let ly = top + 16 + Double(i) * 16
            svg += "<line x1=\"\(f(left + pw - 150))\" y1=\"\(f(ly - 4))\" x2=\"\(f(left + pw - 130))\" y2=\"\(f(ly - 4))\" stroke=\"\(color)\" stroke-width=\"2\"/>\n"
            svg += "<text x=\"\(f(left + pw - 125))\" y=\"\(f(ly))\">\(escape(s.name))</text>\n"
        }
        svg += "<text x=\"\(f(left + pw / 2))\" y=\"\(f(height - 15))\" text-anchor=\"middle\">\(escape(xLabel))</text>\n"
        svg += "<text transform=\"translate(18,\(f(top + ph / 2))) rotate(-90)\" text-anchor=\"middle\">\(escape(yLabel))</text>\n"
        svg += "</svg>\n"
        return svg
    }

    private func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
