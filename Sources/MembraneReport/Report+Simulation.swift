import Membrane

/// `membrane simulate pump-leak`: the run's initial and final states, events, statistics and checks.
public struct SimulationReport: Renderable {
    public var trajectory: Trajectory<CellModel>
    public var csvPath: String?
    public var plotPath: String?
    /// Wall-clock time of the integration, seconds.
    public var wallTime: Double?

    public init(trajectory: Trajectory<CellModel>, csvPath: String? = nil, plotPath: String? = nil, wallTime: Double? = nil) {
        self.trajectory = trajectory
        self.csvPath = csvPath
        self.plotPath = plotPath
        self.wallTime = wallTime
    }

    public var json: JSONValue {
        let t = trajectory, c = t.conservation
        let final = t.final
        var pairs: [(String, JSONValue)] = [
            ("model", .string("pump-leak")),
            ("preset", .string(t.scenario.name)),
            ("termination", .string(t.termination.name)),
            ("termination_reason", t.termination.reason.map { .string($0) } ?? .null),
            ("duration_s", .number(t.scenario.duration)),
            ("initial", stateJSON(t.initial)),
            ("final", stateJSON(final)),
            ("events", .array(t.events.map { e in
                .object([("time_s", .number(e.time)), ("event", .string(e.description)), ("parameter", .string(e.parameter)),
                         ("value", .number(e.value)), ("pump_activity", .number(e.pumpActivity))])
            })),
            ("samples", .integer(t.count)),
            ("solver", .object([
                ("method", .string(t.solver.methodName)),
                ("rtol", .number(t.solver.integrator.relativeTolerance)),
                ("atol", .number(t.solver.integrator.absoluteTolerance)),
                ("logarithmic_amounts_from_s", .number(t.logarithmicSince)),
                // The log-amount continuation always runs on Rodas4 (`LogStateIntegrator`), whatever `method` began.
                ("method_after_switch", t.logarithmicSince == nil ? .null : .string("Rodas4")),
            ])),
            ("statistics", .object([
                ("accepted_steps", .integer(t.statistics.acceptedSteps)),
                ("rejected_steps", .integer(t.statistics.rejectedSteps)),
                ("rhs_evaluations", .integer(t.statistics.rhsEvaluations)),
                ("jacobian_evaluations", .integer(t.statistics.jacobianEvaluations)),
                ("lu_decompositions", .integer(t.statistics.decompositions)),
                ("newton_iterations", .integer(t.statistics.newtonIterations)),
                ("wall_time_s", .number(wallTime)),
            ])),
            ("conservation", .object([
                ("max_relative_drift", .object(c.ions.map { ($0.name, .number($0.drift)) }
                                       + [("charge", .number(c.charge)), ("osmoles", .number(c.osmoles))])),
                ("cell_charge_vs_CV", .number(c.cellChargeMismatch)),
            ])),
            ("energy_final", PumpEnergyBudget(state: final, scenario: t.scenario).map(energyJSON) ?? .null),
            ("pump_nucleotides", t.scenario.pump?.nucleotides.map(nucleotidesJSON) ?? .null),
            ("voltage_model", .string(t.scenario.voltageModel.rawValue)),
            ("osmotic_model", .string(pumpLeakOsmoticModel)),
            ("warnings", .array(t.scenario.warnings.map { .string($0) })),
            ("csv", csvPath.map { .string($0) } ?? .null),
            ("plot", plotPath.map { .string($0) } ?? .null),
        ]
        if t.count > 0, let exchange = extracellularExchangeJSON(t.model, initial: t.stateVector(at: 0), final: t.stateVector(at: t.count - 1)) {
            pairs.append(("extracellular_exchange", exchange))
        }
        pairs.append(("sources", .object(t.scenario.sources.map { ($0.field, .string($0.source)) })))
        return .object(pairs + conditionsFields(t.scenario.conditions))
    }

    public var text: String {
        let t = trajectory
        let i = t.initial, f = t.final
        var lines = ["\(t.scenario.name): \(t.scenario.summary)",
                     "simulated 0 → \(Format.significant(f.time, 6)) s of \(Format.significant(t.scenario.duration, 6)) s: \(t.termination.name)"
                        + (t.termination.reason.map { " (\($0))" } ?? "")]
        for e in t.events { lines.append("  t = \(Format.significant(e.time, 6)) s: \(e.description)") }
        for w in t.scenario.warnings { lines.append("note: " + w) }
        if let n = t.scenario.pump?.nucleotides { lines.append(nucleotidesLine(n)) }
        var table = TextTable(headers: ["", "t = \(Format.significant(i.time, 5)) s", "t = \(Format.significant(f.time, 5)) s"])
        table.add(["V_m (mV)", Format.fixed(i.potential.millivolts, 3), Format.fixed(f.potential.millivolts, 3)])
        for (j, ion) in t.scenario.ions.enumerated() {
            table.add(["\(ion.name) inside (mM)", Format.significant(i.inside[j].millimolar, 6), Format.significant(f.inside[j].millimolar, 6)])
        }
        table.add(["impermeant inside (mM)", Format.significant(i.impermeantInside.millimolar, 6), Format.significant(f.impermeantInside.millimolar, 6)])
        table.add(["volume (µm³)", Format.significant(i.volume * 1e18, 6), Format.significant(f.volume * 1e18, 6)])
        table.add(["volume (× initial)", Format.significant(i.relativeVolume, 6), Format.significant(f.relativeVolume, 6)])
        lines += ["", table.render(), ""]
        if let e = PumpEnergyBudget(state: f, scenario: t.scenario), f.pumpActivity > 0 { lines += energyLines(e) }
        if !t.scenario.extracellularExchange.isEmpty, t.count > 0 {
            lines += extracellularExchangeLines(t.model, initial: t.stateVector(at: 0), final: t.stateVector(at: t.count - 1)) + [""]
        }
        let s = t.statistics
        lines.append("\(t.solver.methodName): \(s.acceptedSteps) steps (\(s.rejectedSteps) rejected), \(s.rhsEvaluations) f evaluations"
                     + (wallTime.map { ", \(Format.significant($0 * 1000, 3)) ms" } ?? ""))
        if let since = t.logarithmicSince {
            lines.append("from t = \(Format.significant(since, 6)) s the ion amounts were integrated as logarithms on Rodas4 (an amount fell below 1000 × atol)")
        }
        lines.append("conservation: largest relative drift \(Format.significant(t.conservation.worst, 2)) (ions in cell + bath, charge, osmoles)")
        if let csvPath { lines.append("time series written to \(csvPath)") }
        if let plotPath { lines.append("plot written to \(plotPath)") }
        lines.append(conditionsLine(t.scenario.conditions))
        return lines.joined(separator: "\n")
    }

    /// The time series as CSV with the state object's names: time_s, vm_mV, inside_mM.<ion>, outside_mM.<ion>,
    /// volume_um3, volume_relative, and more.
    public static func csv(_ states: [CellState]) -> String {
        csv(count: states.count) { states[$0] }
    }

    /// The same CSV from `count` states made one at a time by `state` (a long time series is not held as cell
    /// states all at once).
    public static func csv(count: Int, state: (Int) -> CellState) -> String {
        guard count > 0 else { return "" }
        let first = state(0)
        var header = ["time_s", "vm_mV"]
        header += first.ions.map { "inside_mM.\($0.name)" }
        header += first.ions.map { "outside_mM.\($0.name)" }
        header += ["impermeant_inside_mM", "volume_um3", "volume_relative", "osmolarity_inside_mOsm", "pump_activity",
                   "pump_cycle_flux_mol_per_m2_s"]
        var out = header.joined(separator: ",") + "\n"
        for i in 0..<count {
            let s = i == 0 ? first : state(i)
            var row = [s.time, s.potential.millivolts]
            row += s.inside.map(\.millimolar)
            row += s.outside.map(\.millimolar)
            row += [s.impermeantInside.millimolar, s.volume * 1e18, s.relativeVolume, s.osmolarityInside, s.pumpActivity, s.transport.pump]
            out += row.map { JSONValue.number($0).render(pretty: false) }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// V_m, inside concentrations and volume against time, three panels (its JSON is ``SVGFigure/spec``).
    public static func figure(_ states: [CellState], title: String) -> SVGFigure {
        guard let first = states.first else { return SVGFigure(panels: []) }
        let t = states.map(\.time)
        var v = SVGPlot(title: "\(title): membrane potential", xLabel: "time (s)", yLabel: "V_m (mV)",
                        series: [.init(name: "V_m", x: t, y: states.map { $0.potential.millivolts })])
        v.horizontalLines = [0]
        var series = first.ions.indices.map { j in
            SVGPlot.Series(name: first.ions[j].name + " in", x: t, y: states.map { $0.inside[j].millimolar })
        }
        series.append(.init(name: "impermeant in", x: t, y: states.map { $0.impermeantInside.millimolar }))
        let c = SVGPlot(title: "inside concentrations", xLabel: "time (s)", yLabel: "mM", series: series)
        let w = SVGPlot(title: "cell volume (× initial)", xLabel: "time (s)", yLabel: "volume",
                        series: [.init(name: "volume", x: t, y: states.map(\.relativeVolume))])
        return SVGFigure(panels: [v, c, w])
    }
}
