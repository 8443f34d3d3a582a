import Testing
import Foundation
import MembraneReport

/// The figure JSON (spec v1) that the workbench page draws: what SVGFigure encodes must read back to the same
/// series, and its layout must be the one the page's plotter (plot.js) reads.
@Suite("figure JSON of SVGFigure")
struct FigureJSONTests {
    /// Doubles that a lossy number format would change: binary fractions, tiny and huge magnitudes, many digits.
    static let awkward: [Double] = [0.1 + 0.2, 1.0 / 3.0, 6.02214076e23, 1e-300, -89.05869403673188, 2.220446049250313e-16, 123456789012345.67]

    static func figure() -> SVGFigure {
        var v = SVGPlot(title: "kay-2017: membrane potential", xLabel: "time (s)", yLabel: "V_m (mV)",
                        series: [.init(name: "V_m", x: [0, 1, 2, 3, 4, 5, 6], y: awkward)])
        v.horizontalLines = [0, -70.5]
        var c = SVGPlot(title: "inside concentrations", xLabel: "distance from the pore r (nm)", yLabel: "mM",
                        series: [.init(name: "Na in", x: awkward.map(abs), y: [1, 2, .nan, 4, 5, 6, 7]),
                                 .init(name: "K in", x: [1, 10], y: [140, 133.27735750641423])])
        c.logarithmicX = true
        c.height = 300
        let w = SVGPlot(title: "cell volume (× initial)", xLabel: "time (s)", yLabel: "I (µA/cm², outward +)",
                        series: [.init(name: "volume", x: [0, 3000], y: [1, 1.7873959057763793])])
        return SVGFigure(panels: [v, c, w])
    }

    @Test func encodingRoundTripsEverySeries() throws {
        let original = Self.figure()
        let text = original.spec.json.render()
        let back = SVGFigure(spec: try FigureSpec(json: text))
        #expect(back.panels.count == original.panels.count)
        for (a, b) in zip(original.panels, back.panels) {
            #expect(a.title == b.title)
            #expect(a.xLabel == b.xLabel)
            #expect(a.yLabel == b.yLabel)
            #expect(a.logarithmicX == b.logarithmicX)
            #expect(a.horizontalLines == b.horizontalLines)
            #expect(a.width == b.width && a.height == b.height)
            #expect(a.series.count == b.series.count)
            for (s, t) in zip(a.series, b.series) {
                #expect(s.name == t.name)
                #expect(s.x == t.x)
                #expect(s.y.count == t.y.count)
                for (p, q) in zip(s.y, t.y) { #expect(p == q || (p.isNaN && q.isNaN), "\(s.name): \(p) read back as \(q)") }
            }
        }
        // The same figure, so the same picture.
        #expect(back.render() == original.render())
    }

    @Test func layoutIsTheSpecThePageReads() throws {
        let text = Self.figure().spec.json.render(pretty: false)
        let doc = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(doc["version"] as? Int == 1)
        let panels = try #require(doc["panels"] as? [[String: Any]])
        #expect(panels.count == 3)
        let x = try #require(panels[0]["x"] as? [String: Any]), y = try #require(panels[0]["y"] as? [String: Any])
        #expect(x["label"] as? String == "time" && x["unit"] as? String == "s" && x["log"] as? Bool == false)
        #expect(y["label"] as? String == "V_m" && y["unit"] as? String == "mV")
        let markers = try #require(panels[0]["markers"] as? [[String: Any]])
        #expect(markers.map { $0["axis"] as? String } == ["y", "y"])
        #expect(markers.map { $0["value"] as? Double } == [0, -70.5])
        #expect((panels[1]["x"] as? [String: Any])?["log"] as? Bool == true)
        #expect((panels[1]["y"] as? [String: Any])?["unit"] as? String == "")
        #expect((panels[2]["y"] as? [String: Any])?["unit"] as? String == "µA/cm², outward +")
        let nan = try #require((panels[1]["series"] as? [[String: Any]])?.first?["y"] as? [Any])
        #expect(nan[2] is NSNull, "a non-finite value must be written as null, not as invalid JSON")
    }

    @Test func readsAFigureThePageWrote() throws {
        // What plot.js draws may carry categories, vertical markers, colours and arrows; SVGPlot keeps what it can draw.
        let page = """
        {"version": 1, "panels": [{"title": "", "x": {"label": "V_m", "unit": "mV"}, "y": {"label": "I", "unit": "µA/cm²", "log": false},
          "series": [{"name": "K⁺", "x": [-100, 0, 50], "y": [-0.6, 13.0, 29.7], "color": "#6f42c1", "style": "line"}],
          "markers": [{"axis": "x", "value": -89.06, "label": "E_K"}, {"axis": "y", "value": 0}],
          "arrows": [{"x": 0, "from": -89, "to": -70}]}]}
        """
        let figure = SVGFigure(spec: try FigureSpec(json: page))
        let plot = try #require(figure.panels.first)
        #expect(plot.xLabel == "V_m (mV)" && plot.yLabel == "I (µA/cm²)")
        #expect(plot.horizontalLines == [0])
        #expect(plot.series.first?.y == [-0.6, 13.0, 29.7])
        #expect(figure.render().contains("K⁺"))
    }

    @Test func refusesWhatItCannotRead() {
        #expect(throws: (any Error).self) { try FigureSpec(json: #"{"version": 2, "panels": []}"#) }
        #expect(throws: (any Error).self) {
            try FigureSpec(json: #"{"version": 1, "panels": [{"x": {"label": "t"}, "y": {"label": "v"}, "series": [{"name": "a", "x": [1, 2], "y": [1]}]}]}"#)
        }
    }
}
