import Membrane

/// `membrane steady-state`: one steady state with its energy budget.
public struct SteadyStateReport: Renderable {
    public var steadyState: SteadyState
    /// Keener & Sneyd's closed form at the same P (keener-sneyd preset).
    public var closedForm: KeenerSneyd.SteadyState?
    /// The range of pump rates with a steady state (when computed).
    public var range: PumpRateRange?

    public init(steadyState: SteadyState, closedForm: KeenerSneyd.SteadyState? = nil, range: PumpRateRange? = nil) {
        self.steadyState = steadyState
        self.closedForm = closedForm
        self.range = range
    }

    public var json: JSONValue {
        let s = steadyState
        var pairs: [(String, JSONValue)] = [
            ("preset", .string(s.scenario.name)),
            ("converged", .bool(s.converged)),
            ("state", stateJSON(s.state)),
            ("method", .string(s.method.rawValue)),
            ("iterations", .integer(s.iterations)),
            ("residual", .number(s.residual)),
            ("pump_rate", .number(s.scenario.dimensionlessPumpRate)),
            ("pump_current_uA_per_cm2", .number(s.scenario.pumpCurrentDensity)),
            ("pump_kinetics", .string(s.scenario.pump?.kineticsName ?? "none")),
            ("pump_nucleotides", s.scenario.pump?.nucleotides.map(nucleotidesJSON) ?? .null),
            ("voltage_model", .string(s.scenario.voltageModel.rawValue)),
            ("osmotic_model", .string(pumpLeakOsmoticModel)),
            ("volume_reference_relative", .number(s.state.referenceRelativeVolume)),
            ("energy", s.energy.map(energyJSON) ?? .null),
        ]
        if let range { pairs.append(("existence", rangeJSON(range))) }
        if let c = closedForm {
            pairs.append(("keener_sneyd", .object([
                ("P", .number(c.pumpRate)), ("alpha", .number(c.alpha)), ("mu", .number(c.mu)),
                ("vm_mV", .number(-s.scenario.conditions.thermalVoltage * 1e3 * Double.log(c.y))),
                ("source", .string("closed form of Keener & Sneyd, pump_leak1.m")),
            ])))
        }
        pairs.append(("sources", .object(s.scenario.sources.map { ($0.field, .string($0.source)) })))
        pairs.append(("notes", .array(s.scenario.notes.map { .string($0) })))
        return .object(pairs + conditionsFields(s.scenario.conditions))
    }

    public var text: String {
        let s = steadyState, st = s.state
        var lines = ["steady state of \(s.scenario.name): \(s.scenario.summary)", ""]
        lines.append(stateTable(st, conditions: s.scenario.conditions))
        lines.append("")
        lines.append("V_m = \(Format.fixed(st.potential.millivolts, 3)) mV, volume \(Format.significant(st.volume * 1e18, 6)) µm³ "
                     + "(\(Format.significant(st.referenceRelativeVolume, 6)) × the reference volume, \(Format.significant(st.relativeVolume, 6)) × the initial volume)")
        if let p = s.scenario.dimensionlessPumpRate {
            lines.append("pump rate P = \(Format.significant(p, 6)) (Keener & Sneyd's F·J/(g_Na·RT/F)) = \(Format.significant(s.scenario.pumpCurrentDensity, 5)) µA/cm² maximal net current")
        }
        if let n = s.scenario.pump?.nucleotides { lines.append(nucleotidesLine(n)) }
        if let c = closedForm {
            lines.append("Keener & Sneyd closed form: α = \(Format.significant(c.alpha, 6)), μ = \(Format.significant(c.mu, 6)), "
                         + "V = \(Format.fixed(-s.scenario.conditions.thermalVoltage * 1e3 * Double.log(c.y), 3)) mV")
        }
        if let range, !range.intervals.isEmpty { lines.append("steady states exist for " + range.describe()) }
        if let e = s.energy { lines += energyLines(e) }
        lines.append("\(s.method == .newton ? "Newton" : "Newton failed; continuation") converged in \(s.iterations) iterations, residual \(Format.significant(s.residual, 2))")
        lines.append(conditionsLine(s.scenario.conditions))
        return lines.joined(separator: "\n")
    }
}

func rangeJSON(_ r: PumpRateRange) -> JSONValue {
    .array(r.intervals.map { i in
        .object([
            ("pump_rate_min", .number(r.dimensionless(i.lower))),
            ("pump_rate_max", i.upper.map { .number(r.dimensionless($0)) } ?? .null),
            ("pump_current_min_uA_per_cm2", .number(r.microamperes(i.lower))),
            ("pump_current_max_uA_per_cm2", i.upper.map { .number(r.microamperes($0)) } ?? .null),
        ])
    })
}

/// `membrane steady-state --sweep`: steady states against the pump rate.
public struct SteadyStateSweep: Renderable {
    public struct Point: Sendable {
        public var pumpRate: Double
        public var steadyState: SteadyState?
        public var closedForm: KeenerSneyd.SteadyState?
        public var reason: String?
        public init(pumpRate: Double, steadyState: SteadyState?, closedForm: KeenerSneyd.SteadyState?, reason: String?) {
            self.pumpRate = pumpRate
            self.steadyState = steadyState
            self.closedForm = closedForm
            self.reason = reason
        }
    }
    public var scenario: Scenario
    public var points: [Point]
    public var range: PumpRateRange?
    public var interrupted: Bool

    public init(scenario: Scenario, points: [Point], range: PumpRateRange?, interrupted: Bool = false) {
        self.scenario = scenario
        self.points = points
        self.range = range
        self.interrupted = interrupted
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("preset", .string(scenario.name)),
            ("converged", .bool(points.allSatisfy { $0.steadyState != nil || $0.reason != nil })),
            ("sweep", .array(points.map { p in
                var o: [(String, JSONValue)] = [("pump_rate", .number(p.pumpRate)), ("exists", .bool(p.steadyState != nil))]
                if let s = p.steadyState {
                    o.append(("state", stateJSON(s.state)))
                    o.append(("volume_reference_relative", .number(s.state.referenceRelativeVolume)))
                    if let e = s.energy { o.append(("atp_per_s", .number(e.atpPerSecond))) }
                }
                if let c = p.closedForm { o.append(("keener_sneyd_mu", .number(c.mu))) }
                if let r = p.reason { o.append(("reason", .string(r))) }
                return .object(o)
            })),
            ("interrupted", .bool(interrupted)),
        ]
        if let range { pairs.append(("existence", rangeJSON(range))) }
        return .object(pairs + conditionsFields(scenario.conditions))
    }

    public var text: String {
        var table = TextTable(headers: ["P", "V_m (mV)"] + scenario.ions.map { "\($0.name)_in (mM)" } + ["volume (× ref)"])
        for p in points {
            if let s = p.steadyState {
                table.add([Format.significant(p.pumpRate, 5), Format.fixed(s.state.potential.millivolts, 2)]
                          + s.state.inside.map { Format.significant($0.millimolar, 5) } + [Format.significant(s.state.referenceRelativeVolume, 5)])
            } else {
                table.add([Format.significant(p.pumpRate, 5), "no steady state"] + scenario.ions.map { _ in "" } + [""])
            }
        }
        var lines = [table.render()]
        if let range, !range.intervals.isEmpty { lines.append("steady states exist for " + range.describe()) }
        if interrupted { lines.append("interrupted: the sweep stopped early") }
        lines.append(conditionsLine(scenario.conditions))
        return lines.joined(separator: "\n")
    }

    /// Columns pump_rate, vm_mV, inside_mM.<ion>, volume_relative (to the reference volume).
    public func csv() -> String {
        var out = "pump_rate,exists,vm_mV," + scenario.ions.map { "inside_mM.\($0.name)" }.joined(separator: ",") + ",volume_reference_relative\n"
        for p in points {
            if let s = p.steadyState {
                out += "\(p.pumpRate),true,\(s.state.potential.millivolts)," + s.state.inside.map { "\($0.millimolar)" }.joined(separator: ",")
                    + ",\(s.state.referenceRelativeVolume)\n"
            } else {
                out += "\(p.pumpRate),false,," + scenario.ions.map { _ in "" }.joined(separator: ",") + ",\n"
            }
        }
        return out
    }

    /// V_m, concentrations and volume against the pump rate: three panels.
    public func figure() -> SVGFigure {
        let ok = points.filter { $0.steadyState != nil }
        let x = ok.map(\.pumpRate)
        var v = SVGPlot(title: "\(scenario.name): membrane potential against pump rate", xLabel: "pump rate P", yLabel: "V_m (mV)",
                        series: [.init(name: "V_m", x: x, y: ok.map { $0.steadyState!.state.potential.millivolts })])
        v.horizontalLines = [0]
        let c = SVGPlot(title: "inside concentrations", xLabel: "pump rate P", yLabel: "mM",
                        series: scenario.ions.indices.map { j in
                            .init(name: scenario.ions[j].name, x: x, y: ok.map { $0.steadyState!.state.inside[j].millimolar })
                        })
        let w = SVGPlot(title: "cell volume (× reference volume)", xLabel: "pump rate P", yLabel: "volume",
                        series: [.init(name: "volume", x: x, y: ok.map { $0.steadyState!.state.referenceRelativeVolume })])
        return SVGFigure(panels: [v, c, w])
    }
}
