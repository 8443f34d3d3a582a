import Membrane

/// `membrane simulate hh --voltage-clamp …`: an ideal voltage clamp (``VoltageClampedCell``), one sweep per command
/// level: per sweep the clamp current's peak inward (its minimum) and late (end of the test step) values and each
/// channel's peak and late current; the I–V table of them; the clamp current time courses (CSV, figure).
/// Currents in µA/cm², outward positive (the membrane current, HH 1952's sign).
public struct VoltageClampReport: Renderable {
    /// The preset's name (`hodgkin-huxley-1952`).
    public var preset: String
    /// The preset's parameters as run (the overrides applied).
    public var parameters: [PresetParameter]
    /// The protocol as typed.
    public var protocolText: String
    /// The sweeps run, in level order (fewer than asked when the run was interrupted or failed).
    public var sweeps: [VoltageClampSweep]
    /// The test window [start, end] in seconds (nil: none, the whole run measured).
    public var window: ClosedRange<Double>?
    /// Simulated time of each sweep, s.
    public var duration: Double
    /// The integrator and its tolerance.
    public var method: String
    /// Wall-clock time of all sweeps, s.
    public var wallTime: Double?
    /// Why the run ended: `finished`, or `interrupted` with the sweeps done so far, or the first failure.
    public var termination: Termination
    /// Resampling interval of the CSV and figure, s (nil: every step).
    public var interval: Double?
    /// The CSV file written, if any.
    public var csvPath: String?
    /// The figure written, if any.
    public var plotPath: String?

    /// A report of `sweeps` of `preset` (its `parameters` as run) under the protocol typed as `protocolText`.
    public init(preset: String, parameters: [PresetParameter], protocolText: String, sweeps: [VoltageClampSweep],
                window: ClosedRange<Double>?, duration: Double, method: String, wallTime: Double?, termination: Termination,
                interval: Double?) {
        self.preset = preset
        self.parameters = parameters
        self.protocolText = protocolText
        self.sweeps = sweeps
        self.window = window
        self.duration = duration
        self.method = method
        self.wallTime = wallTime
        self.termination = termination
        self.interval = interval
    }

    /// The scenario clamped (that of the first sweep).
    var scenario: Scenario? { sweeps.first?.trajectory.model.cell.scenario }

    /// `[{"name": "Na", "permeation": "ghk", "P_cm_per_s": …}, …]`: each gated ion's permeation (issue 9).
    static func ionsJSON(_ scenario: Scenario) -> JSONValue {
        .array(scenario.channelPermeations.map { p in
            .object([("name", .string(p.ion)), ("permeation", .string(p.mode.rawValue)),
                     (p.mode == .ghk ? "P_cm_per_s" : "g_mS_per_cm2", .number(p.magnitude))])
        })
    }

    static func measureJSON(_ m: VoltageClampMeasure) -> JSONValue {
        .object([("min_uA_per_cm2", .number(m.minimum * 100)), ("t_min_ms", .number(m.minimumTime * 1e3)),
                 ("max_uA_per_cm2", .number(m.maximum * 100)), ("t_max_ms", .number(m.maximumTime * 1e3)),
                 ("peak_uA_per_cm2", .number(m.peak * 100)), ("t_peak_ms", .number(m.peakTime * 1e3)),
                 ("end_uA_per_cm2", .number(m.end * 100))])
    }

    /// One flat row per sweep: V, the clamp current's minimum (peak inward) and end (late), each channel's peak and end.
    var ivRows: [[(String, JSONValue)]] {
        sweeps.map { s in
            var row: [(String, JSONValue)] = [("V_mV", .number(s.level * 1e3)),
                                              ("I_min_uA_per_cm2", .number(s.clamp.minimum * 100)),
                                              ("I_end_uA_per_cm2", .number(s.clamp.end * 100))]
            for m in s.mechanisms {
                row += [("peak_\(m.name)_uA_per_cm2", .number(m.peak * 100)), ("end_\(m.name)_uA_per_cm2", .number(m.end * 100))]
            }
            return row
        }
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("model", .string("hh")),
            ("mode", .string("voltage_clamp")),
            ("clamp", .string("ideal: V_m = V_cmd(t), I_clamp = C·dV_cmd/dt + Σ I_ion (Hodgkin & Huxley 1952)")),
            ("preset", .string(preset)),
            ("protocol", .string(protocolText)),
            ("holding_mV", sweeps.first.map { .number($0.trajectory.model.command.holding * 1e3) } ?? .null),
            ("termination", .string(termination.name)),
            ("termination_reason", termination.reason.map { .string($0) } ?? .null),
            ("duration_s", .number(duration)),
            ("window_ms", window.map { .array([.number($0.lowerBound * 1e3), .number($0.upperBound * 1e3)]) } ?? .null),
            ("parameters", .object(parameters.map { ($0.name, .object([("value", .number($0.value)), ("unit", .string($0.unit))])) })),
        ]
        if let scenario {
            pairs += [("reversal_potentials", SpikingReport.reversalJSON(scenario)), ("ions", Self.ionsJSON(scenario))]
        }
        pairs += [
            ("sweeps", .array(sweeps.map { s in
                .object([("V_step_mV", .number(s.level * 1e3)),
                         ("termination", .string(s.trajectory.termination.name)),
                         ("I_clamp", Self.measureJSON(s.clamp)),
                         ("currents", .object(s.mechanisms.map { ($0.name, Self.measureJSON($0)) }))])
            })),
            ("iv", .array(ivRows.map { .object($0) })),
            ("method", .string(method)),
            ("statistics", .object([
                ("accepted_steps", .integer(sweeps.reduce(0) { $0 + $1.trajectory.statistics.acceptedSteps })),
                ("rejected_steps", .integer(sweeps.reduce(0) { $0 + $1.trajectory.statistics.rejectedSteps })),
                ("wall_time_s", .number(wallTime)),
            ])),
            ("notes", .array((scenario?.notes ?? []).map { .string($0) })),
            ("csv", csvPath.map { .string($0) } ?? .null),
            ("plot", plotPath.map { .string($0) } ?? .null),
            ("sources", .object((scenario?.sources ?? []).map { ($0.field, .string($0.source)) })),
        ]
        return .object(pairs + (scenario.map { conditionsFields($0.conditions) } ?? []))
    }

    public var text: String {
        var lines = ["\(preset): ideal voltage clamp (V_m = V_cmd), \(sweeps.count) sweep\(sweeps.count == 1 ? "" : "s"): \(protocolText)",
                     "simulated \(Format.significant(duration, 6)) s per sweep: \(termination.name)" + (termination.reason.map { " (\($0))" } ?? "")]
        if let scenario {
            for (ion, source) in scenario.reversalPotentialSources { lines.append("E_\(ion): \(source.description)") }
            for p in scenario.channelPermeations where p.mode == .ghk {
                lines.append("\(p.ion): GHK, P = \(Format.significant(p.magnitude, 6)) cm/s (chord conductance = ḡ at rest)")
            }
        }
        if let window {
            lines.append("measured over the test step \(Format.significant(window.lowerBound * 1e3, 6))–\(Format.significant(window.upperBound * 1e3, 6)) ms; currents in µA/cm², outward positive")
        } else {
            lines.append("no step: the whole run is measured; currents in µA/cm², outward positive")
        }
        lines.append("I min: the clamp current's most negative value (peak inward); I end: at the end of the step (late); per channel its peak (larger in magnitude of min and max) and end")
        let names = sweeps.first?.mechanisms.map(\.name) ?? []
        var table = TextTable(headers: ["V (mV)", "I min", "t min (ms)", "I end"] + names.flatMap { ["\($0) peak", "\($0) end"] },
                              alignments: [TextTable.Alignment](repeating: .right, count: 4 + 2 * names.count))
        for s in sweeps {
            table.add([Format.significant(s.level * 1e3, 6), Format.significant(s.clamp.minimum * 100, 5),
                       Format.fixed(s.clamp.minimumTime * 1e3, 3), Format.significant(s.clamp.end * 100, 5)]
                      + s.mechanisms.flatMap { [Format.significant($0.peak * 100, 5), Format.significant($0.end * 100, 5)] })
        }
        lines += ["", table.render(), ""]
        lines.append(method + (wallTime.map { ", \(Format.significant($0 * 1000, 3)) ms" } ?? ""))
        if let csvPath { lines.append("time series written to \(csvPath)") }
        if let plotPath { lines.append("plot written to \(plotPath)") }
        if let scenario { lines.append(conditionsLine(scenario.conditions)) }
        return lines.joined(separator: "\n")
    }

    /// The sample times of a sweep: every step, or every `interval` seconds.
    func times(_ t: Trajectory<VoltageClampedCell>) -> [Double] { RunFooter.sampledTimes(t.times, every: interval) }

    /// Every sweep's time series: sweep, V_step_mV, time_s, vm_mV, I_clamp_uA_per_cm2, each mechanism's current
    /// (µA/cm², outward) and each gate.
    public var csv: String {
        guard let model = sweeps.first?.trajectory.model else { return "" }
        let names = model.observableNames
        let currents = model.cell.mechanismNames.compactMap { n in names.firstIndex(of: "I.\(n)").map { ("I.\(n)_uA_per_cm2", $0) } }
        let gates = names.indices.filter { names[$0].contains(".") && !names[$0].hasPrefix("I.") && !names[$0].hasPrefix("inside.")
            && !names[$0].hasPrefix("outside.") && !names[$0].hasPrefix("cell.") && !names[$0].hasPrefix("bath.") }
        let ions = model.cell.scenario.ions.map(\.name)
        let inside = ions.compactMap { ion in names.firstIndex(of: "inside.\(ion)").map { ("inside_mM.\(ion)", $0) } }
        let clamp = names.count - 1
        var out = (["sweep", "V_step_mV", "time_s", "vm_mV", "I_clamp_uA_per_cm2"] + currents.map(\.0) + gates.map { names[$0] }
                   + inside.map(\.0)).joined(separator: ",") + "\n"
        for (k, s) in sweeps.enumerated() {
            let t = s.trajectory
            for time in times(t) {
                let (m, y) = t.interpolatedState(at: time)
                var row = [Double(k), s.level * 1e3, time, m.observe(0, at: time, state: y) * 1e3, m.observe(clamp, at: time, state: y) * 100]
                row += currents.map { m.observe($0.1, at: time, state: y) * 100 }
                row += gates.map { m.observe($0, at: time, state: y) }
                row += inside.map { m.observe($0.1, at: time, state: y) }
                out += row.map { JSONValue.number($0).render(pretty: false) }.joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// The clamp current of each sweep against time, the I–V curves (clamp current minimum and end, each channel's
    /// peak) and the command potentials.
    public var figure: SVGFigure {
        let shown = sweeps.prefix(40)
        var series: [SVGPlot.Series] = [], commands: [SVGPlot.Series] = []
        for s in shown {
            let t = s.trajectory, times = times(t)
            let clamp = t.model.observableNames.count - 1
            let states = times.map { t.interpolatedState(at: $0) }
            let ms = times.map { $0 * 1e3 }
            let label = "\(Format.significant(s.level * 1e3, 4)) mV"
            series.append(.init(name: label, x: ms, y: zip(times, states).map { $0.1.model.observe(clamp, at: $0.0, state: $0.1.state) * 100 }))
            commands.append(.init(name: label, x: ms, y: zip(times, states).map { $0.1.model.observe(0, at: $0.0, state: $0.1.state) * 1e3 }))
        }
        var current = SVGPlot(title: "\(preset): clamp current (outward positive)", xLabel: "time (ms)", yLabel: "I_clamp (µA/cm²)", series: series)
        current.horizontalLines = [0]
        var panels = [current]
        if sweeps.count > 1 {
            let v = sweeps.map { $0.level * 1e3 }
            var iv: [SVGPlot.Series] = [.init(name: "I_clamp min (peak inward)", x: v, y: sweeps.map { $0.clamp.minimum * 100 }),
                                        .init(name: "I_clamp end (late)", x: v, y: sweeps.map { $0.clamp.end * 100 })]
            for (k, m) in (sweeps.first?.mechanisms ?? []).enumerated() {
                iv.append(.init(name: "\(m.name) peak", x: v, y: sweeps.map { $0.mechanisms[k].peak * 100 }))
            }
            var plot = SVGPlot(title: "I–V", xLabel: "V_step (mV)", yLabel: "µA/cm²", series: iv)
            plot.horizontalLines = [0]
            panels.append(plot)
        }
        panels.append(SVGPlot(title: "command potential", xLabel: "time (ms)", yLabel: "V_cmd (mV)", series: commands))
        return SVGFigure(panels: panels)
    }
}
