/// Several ``SVGPlot`` panels stacked vertically in one SVG document (e.g. V_m, concentrations and
/// volume against time), each panel keeping its own axes.
public struct SVGFigure: Sendable {
    public var panels: [SVGPlot]

    public init(panels: [SVGPlot]) { self.panels = panels }

    /// The panels stacked top to bottom; a single panel is drawn as itself.
    public func render() -> String {
        if panels.count == 1 { return panels[0].render() }
        let width = panels.map(\.width).max() ?? 720
        let height = panels.reduce(0) { $0 + $1.height }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">\n"
        var y = 0.0
        for panel in panels {
            var body = panel.render()
            // Nest each panel as an <svg> element placed at its vertical offset.
            if let range = body.range(of: "<svg ") {
                body.replaceSubrange(range, with: "<svg x=\"0\" y=\"\(Int(y))\" ")
            }
            svg += body
            y += panel.height
        }
        svg += "</svg>\n"
        return svg
    }
}
