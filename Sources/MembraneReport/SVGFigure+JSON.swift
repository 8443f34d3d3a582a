import Foundation

/// The figure JSON of the workbench (spec version 1): the series of an ``SVGFigure`` as data, so that the CLI's
/// `--plot` SVG and the page's own plotter (`Sources/MembraneWorkbench/Page/plot.js`) draw the same figure
/// from the same numbers.
///
/// ```
/// { "version": 1, "title"?, "panels": [
///     { "title", "x": {"label", "unit", "log"}, "y": {"label", "unit", "log"},
///       "series": [{"name", "x": [..], "y": [..]}], "markers": [{"axis": "y", "value"}], "width", "height" } ] }
/// ```
///
/// An axis label written "V_m (mV)" is the label "V_m" with the unit "mV"; a label without a trailing
/// parenthesis has no unit. Non-finite numbers are written `null` (JSON has no NaN) and read back as NaN.
/// The page's plotter also reads `categories`, `min`/`max`, series `style`/`color`/`dash`, vertical markers,
/// arrows and annotations; an ``SVGPlot`` has none of these and ignores them when it reads a spec.
public struct FigureSpec: Codable, Sendable, Equatable {
    public static let currentVersion = 1

    public struct Axis: Codable, Sendable, Equatable {
        public var label: String
        public var unit: String
        public var log: Bool
        public init(label: String, unit: String = "", log: Bool = false) {
            self.label = label
            self.unit = unit
            self.log = log
        }

        enum CodingKeys: String, CodingKey { case label, unit, log }

        /// Axes written by the page may leave out `unit` and `log`.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            label = try c.decode(String.self, forKey: .label)
            unit = try c.decodeIfPresent(String.self, forKey: .unit) ?? ""
            log = try c.decodeIfPresent(Bool.self, forKey: .log) ?? false
        }

        /// "V_m (mV)" → label "V_m", unit "mV"; "volume" → no unit.
        public init(title: String, log: Bool = false) {
            self.log = log
            if title.hasSuffix(")"), let open = Self.unitOpening(title), title.distance(from: open, to: title.endIndex) > 3 {
                label = String(title[..<open])
                unit = String(title[title.index(open, offsetBy: 2)..<title.index(before: title.endIndex)])
            } else {
                label = title
                unit = ""
            }
        }

        /// The axis title as SVGPlot writes it: "label (unit)".
        public var title: String { unit.isEmpty ? label : "\(label) (\(unit))" }

        /// The " (" that opens the trailing parenthesis, matched against the closing one.
        static func unitOpening(_ s: String) -> String.Index? {
            var depth = 0
            var i = s.index(before: s.endIndex)
            while i > s.startIndex {
                if s[i] == ")" { depth += 1 }
                if s[i] == "(" {
                    depth -= 1
                    if depth == 0 {
                        let before = s.index(before: i)
                        return s[before] == " " && before > s.startIndex ? before : nil
                    }
                }
                i = s.index(before: i)
            }
            return nil
        }
    }

    public struct Series: Codable, Sendable, Equatable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        public init(name: String, x: [Double], y: [Double]) {
            self.name = name
            self.x = x
            self.y = y
        }

        enum CodingKeys: String, CodingKey { case name, x, y }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            x = try c.decode([Double?].self, forKey: .x).map { $0 ?? .nan }
            y = try c.decode([Double?].self, forKey: .y).map { $0 ?? .nan }
            guard x.count == y.count else {
                throw DecodingError.dataCorruptedError(forKey: .y, in: c, debugDescription: "series \(name): \(x.count) x values but \(y.count) y values")
            }
        }

        public static func == (a: Series, b: Series) -> Bool {
            func same(_ u: [Double], _ v: [Double]) -> Bool {
                u.count == v.count && zip(u, v).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
            }
            return a.name == b.name && same(a.x, b.x) && same(a.y, b.y)
        }
    }

    public struct Marker: Codable, Sendable, Equatable {
        /// `"x"` (a vertical line at x = value) or `"y"` (a horizontal line).
        public var axis: String
        public var value: Double
        public var label: String?
        public init(axis: String, value: Double, label: String? = nil) {
            self.axis = axis
            self.value = value
            self.label = label
        }
    }

    public struct Panel: Codable, Sendable, Equatable {
        public var title: String
        public var x: Axis
        public var y: Axis
        public var series: [Series]
        public var markers: [Marker]
        public var width: Double?
        public var height: Double?

        enum CodingKeys: String, CodingKey { case title, x, y, series, markers, width, height }

        public init(title: String, x: Axis, y: Axis, series: [Series], markers: [Marker] = [], width: Double? = nil, height: Double? = nil) {
            self.title = title
            self.x = x
            self.y = y
            self.series = series
            self.markers = markers
            self.width = width
            self.height = height
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
            x = try c.decode(Axis.self, forKey: .x)
            y = try c.decode(Axis.self, forKey: .y)
            series = try c.decode([Series].self, forKey: .series)
            markers = try c.decodeIfPresent([Marker].self, forKey: .markers) ?? []
            width = try c.decodeIfPresent(Double.self, forKey: .width)
            height = try c.decodeIfPresent(Double.self, forKey: .height)
        }
    }

    public var version: Int
    public var title: String?
    public var panels: [Panel]

    public init(title: String? = nil, panels: [Panel]) {
        version = Self.currentVersion
        self.title = title
        self.panels = panels
    }

    /// Reads a figure written by ``json`` (or by the page); an unknown version is an error.
    public init(json text: String) throws {
        let spec = try JSONDecoder().decode(FigureSpec.self, from: Data(text.utf8))
        guard spec.version == Self.currentVersion else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "figure spec version \(spec.version); this build reads version \(Self.currentVersion)"))
        }
        self = spec
    }

    /// The figure as JSON, keys in the order of the spec.
    public var json: JSONValue {
        func axis(_ a: Axis) -> JSONValue { .object([("label", .string(a.label)), ("unit", .string(a.unit)), ("log", .bool(a.log))]) }
        var top: [(String, JSONValue)] = [("version", .integer(version))]
        if let title { top.append(("title", .string(title))) }
        top.append(("panels", .array(panels.map { p in
            var pairs: [(String, JSONValue)] = [("title", .string(p.title)), ("x", axis(p.x)), ("y", axis(p.y)),
                ("series", .array(p.series.map { s in
                    .object([("name", .string(s.name)), ("x", .array(s.x.map { .number($0) })), ("y", .array(s.y.map { .number($0) }))])
                })),
                ("markers", .array(p.markers.map { m in
                    .object([("axis", .string(m.axis)), ("value", .number(m.value))] + (m.label.map { [("label", JSONValue.string($0))] } ?? []))
                }))]
            if let w = p.width { pairs.append(("width", .number(w))) }
            if let h = p.height { pairs.append(("height", .number(h))) }
            return .object(pairs)
        })))
        return .object(top)
    }
}

extension SVGPlot {
    /// This plot as a panel of the figure spec: its horizontal lines become markers on the y axis.
    public var figurePanel: FigureSpec.Panel {
        FigureSpec.Panel(title: title, x: .init(title: xLabel, log: logarithmicX), y: .init(title: yLabel),
                         series: series.map { .init(name: $0.name, x: $0.x, y: $0.y) },
                         markers: horizontalLines.map { .init(axis: "y", value: $0) }, width: width, height: height)
    }

    /// The plot a panel describes (what SVGPlot cannot draw — vertical markers, a log y axis — is left out).
    public init(panel: FigureSpec.Panel) {
        self.init(title: panel.title, xLabel: panel.x.title, yLabel: panel.y.title,
                  series: panel.series.map { .init(name: $0.name, x: $0.x, y: $0.y) })
        horizontalLines = panel.markers.filter { $0.axis == "y" }.map(\.value)
        logarithmicX = panel.x.log
        if let w = panel.width { width = w }
        if let h = panel.height { height = h }
    }
}

extension SVGFigure {
    /// The figure's series as the figure spec (what `POST /api/plot/COMMAND` answers).
    public var spec: FigureSpec { FigureSpec(panels: panels.map(\.figurePanel)) }

    public init(spec: FigureSpec) { self.init(panels: spec.panels.map(SVGPlot.init(panel:))) }
}
