import Foundation

/// A heat map of z over a grid of x and y values (a two-parameter sweep), with a colour bar. Each grid point is a
/// cell reaching halfway to its neighbours (in log10 on a logarithmic axis); a point without a value (a failed
/// sweep point) is grey. Colours follow viridis (perceptually uniform, readable in grey; van der Walt & Smith 2015),
/// interpolated between eleven of its samples (at 0, 0.1, …, 1).
public struct SVGHeatMap: Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// What z is (the colour bar's label).
    public var zLabel: String
    public var x: [Double]
    public var y: [Double]
    /// z[j][i] is the value at (x[i], y[j]); NaN where there is none.
    public var z: [[Double]]
    public var logarithmicX = false
    public var logarithmicY = false
    public var width = 720.0
    public var height = 480.0

    public init(title: String, xLabel: String, yLabel: String, zLabel: String, x: [Double], y: [Double], z: [[Double]]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.zLabel = zLabel
        self.x = x
        self.y = y
        self.z = z
    }

    /// viridis at 0, 0.1, …, 1 (matplotlib's table).
    static let viridis: [(Double, Double, Double)] = [
        (0.267, 0.005, 0.329), (0.283, 0.141, 0.458), (0.254, 0.265, 0.530), (0.207, 0.372, 0.553), (0.164, 0.471, 0.558),
        (0.128, 0.567, 0.551), (0.135, 0.659, 0.518), (0.267, 0.749, 0.441), (0.478, 0.821, 0.318), (0.741, 0.873, 0.150),
        (0.993, 0.906, 0.144),
    ]

    static func color(_ t: Double) -> String {
        guard t.isFinite else { return "#cccccc" }
        let s = max(0, min(1, t)) * Double(viridis.count - 1)
        let i = min(Int(s), viridis.count - 2), f = s - Double(i)
        let a = viridis[i], b = viridis[i + 1]
        func hex(_ u: Double, _ v: Double) -> String {
            let c = Int(((u + (v - u) * f) * 255).rounded())
            return String(format: "%02x", max(0, min(255, c)))
        }
        return "#" + hex(a.0, b.0) + hex(a.1, b.1) + hex(a.2, b.2)
    }

    /// Cell edges around sorted positions: midpoints, and half a neighbour's gap beyond the ends (±0.5 for one value).
    static func edges(_ p: [Double]) -> [Double] {
        guard p.count > 1 else { return p.isEmpty ? [] : [p[0] - 0.5, p[0] + 0.5] }
        var e = [p[0] - (p[1] - p[0]) / 2]
        for i in 1..<p.count { e.append((p[i - 1] + p[i]) / 2) }
        e.append(p[p.count - 1] + (p[p.count - 1] - p[p.count - 2]) / 2)
        return e
    }

    public func render() -> String {
        let left = 80.0, right = 130.0, top = 40.0, bottom = 60.0
        let pw = width - left - right, ph = height - top - bottom
        let tx = x.map { logarithmicX ? log10($0) : $0 }, ty = y.map { logarithmicY ? log10($0) : $0 }
        let ex = Self.edges(tx), ey = Self.edges(ty)
        let x0 = min(ex.first ?? 0, ex.last ?? 1), x1 = max(ex.first ?? 0, ex.last ?? 1)
        let y0 = min(ey.first ?? 0, ey.last ?? 1), y1 = max(ey.first ?? 0, ey.last ?? 1)
        let zs = z.flatMap { $0 }.filter(\.isFinite)
        var z0 = zs.min() ?? 0, z1 = zs.max() ?? 1
        if z1 == z0 { z0 -= 1; z1 += 1 }
        func px(_ v: Double) -> Double { left + (v - x0) / (x1 - x0) * pw }
        func py(_ v: Double) -> Double { top + (1 - (v - y0) / (y1 - y0)) * ph }
        func f(_ v: Double) -> String { String((v * 10).rounded() / 10) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"sans-serif\" font-size=\"12\">\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        svg += "<text x=\"\(f(left + pw / 2))\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">\(escape(title))</text>\n"
        for j in ty.indices {
            for i in tx.indices {
                let v = j < z.count && i < z[j].count ? z[j][i] : .nan
                let xa = px(ex[i]), xb = px(ex[i + 1]), ya = py(ey[j]), yb = py(ey[j + 1])
                svg += "<rect x=\"\(f(min(xa, xb)))\" y=\"\(f(min(ya, yb)))\" width=\"\(f(abs(xb - xa) + 0.4))\" height=\"\(f(abs(yb - ya) + 0.4))\" fill=\"\(Self.color((v - z0) / (z1 - z0)))\"/>\n"
            }
        }
        svg += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(pw))\" height=\"\(f(ph))\" fill=\"none\" stroke=\"#333\"/>\n"
        for (t, text) in Self.axisTicks(x0, x1, logarithmic: logarithmicX) {
            svg += "<line x1=\"\(f(px(t)))\" y1=\"\(f(top + ph))\" x2=\"\(f(px(t)))\" y2=\"\(f(top + ph + 5))\" stroke=\"#333\"/>\n"
            svg += "<text x=\"\(f(px(t)))\" y=\"\(f(top + ph + 18))\" text-anchor=\"middle\">\(text)</text>\n"
        }
        for (t, text) in Self.axisTicks(y0, y1, logarithmic: logarithmicY) {
            svg += "<line x1=\"\(f(left - 5))\" y1=\"\(f(py(t)))\" x2=\"\(f(left))\" y2=\"\(f(py(t)))\" stroke=\"#333\"/>\n"
            svg += "<text x=\"\(f(left - 8))\" y=\"\(f(py(t) + 4))\" text-anchor=\"end\">\(text)</text>\n"
        }
        // Colour bar.
        let bx = left + pw + 25, bw = 18.0, steps = 64
        for s in 0..<steps {
            let t0 = Double(s) / Double(steps), t1 = Double(s + 1) / Double(steps)
            svg += "<rect x=\"\(f(bx))\" y=\"\(f(top + (1 - t1) * ph))\" width=\"\(f(bw))\" height=\"\(f((t1 - t0) * ph + 0.4))\" fill=\"\(Self.color((t0 + t1) / 2))\"/>\n"
        }
        svg += "<rect x=\"\(f(bx))\" y=\"\(f(top))\" width=\"\(f(bw))\" height=\"\(f(ph))\" fill=\"none\" stroke=\"#333\"/>\n"
        let zTicks = SVGPlot.ticks(z0, z1)
        for t in zTicks {
            let yy = top + (1 - (t - z0) / (z1 - z0)) * ph
            svg += "<line x1=\"\(f(bx + bw))\" y1=\"\(f(yy))\" x2=\"\(f(bx + bw + 4))\" y2=\"\(f(yy))\" stroke=\"#333\"/>\n"
            svg += "<text x=\"\(f(bx + bw + 7))\" y=\"\(f(yy + 4))\">\(SVGPlot.label(t, among: zTicks))</text>\n"
        }
        svg += "<text transform=\"translate(\(f(width - 12)),\(f(top + ph / 2))) rotate(-90)\" text-anchor=\"middle\">\(escape(zLabel))</text>\n"
        svg += "<text x=\"\(f(left + pw / 2))\" y=\"\(f(height - 15))\" text-anchor=\"middle\">\(escape(xLabel))</text>\n"
        svg += "<text transform=\"translate(18,\(f(top + ph / 2))) rotate(-90)\" text-anchor=\"middle\">\(escape(yLabel))</text>\n"
        svg += "</svg>\n"
        return svg
    }

    /// Ticks (position on the drawn axis, label): decades on a logarithmic axis, "nice" steps otherwise.
    static func axisTicks(_ lo: Double, _ hi: Double, logarithmic: Bool) -> [(Double, String)] {
        guard logarithmic else {
            let t = SVGPlot.ticks(lo, hi)
            return t.map { ($0, SVGPlot.label($0, among: t)) }
        }
        let first = Int(lo.rounded(.up)), last = Int(hi.rounded(.down))
        guard first <= last else { return [] }
        return (first...last).map { (Double($0), String(format: "%g", SVGPlot.pow10($0))) }
    }

    private func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
