import Membrane

/// `membrane simulate hh`: spike times and counts of one cell, or of each cell of a population, and the final state;
/// per ion whether E was fixed or followed the concentrations (``Scenario/reversalPotentialSources``).
public struct SpikingReport: Renderable {
    public var result: PopulationResult
    public var duration: Double
    public var preset: String
    /// The preset's parameters as run (the overrides applied).
    public var parameters: [PresetParameter]
    /// One cell without `cells`: its spike times and final state; otherwise the `cells` array.
    public var single: Bool
    /// Per cell, the values of the parameters spread over the population (`--set g_Na=60:120`); empty without.
    public var cellParameters: [[(String, Double)]]
    /// The current-clamp protocol as typed (`stimulus-protocol`), added to the constant stimulus; nil: none.
    public var stimulusProtocol: String?
    public var wallTime: Double?
    /// With `spike-cost`: the cost of each trough-to-trough cycle of the one cell (``ActionPotentialCost``).
    public var costs: [ActionPotentialCost]?
    public var csvPath: String?
    public var plotPath: String?

    public init(result: PopulationResult, duration: Double, preset: String, parameters: [PresetParameter], single: Bool,
                cellParameters: [[(String, Double)]] = [], stimulusProtocol: String? = nil, wallTime: Double? = nil) {
        self.cellParameters = cellParameters
        self.stimulusProtocol = stimulusProtocol
        self.result = result
        self.duration = duration
        self.preset = preset
        self.parameters = parameters
        self.single = single
        self.wallTime = wallTime
    }

    var first: CellOutcome { result.cells[0] }

    /// The termination of the run: interrupted if it was stopped, otherwise the worst of the cells'.
    var termination: Termination {
        if result.termination == .interrupted { return .interrupted }
        return result.cells.first { $0.termination != .finished }?.termination ?? .finished
    }

    /// `{"Na": {"source": "fixed", "E_mV": 50, "description": …}, …}`.
    static func reversalJSON(_ scenario: Scenario) -> JSONValue {
        .object(scenario.reversalPotentialSources.map { ion, source in
            var pairs: [(String, JSONValue)] = []
            switch source {
            case .fixed(let e): pairs = [("source", .string("fixed")), ("E_mV", .number(e.millivolts))]
            case .heldConcentrations: pairs = [("source", .string("held_concentrations"))]
            case .changingConcentrations: pairs = [("source", .string("changing_concentrations"))]
            case .mixed: pairs = [("source", .string("mixed"))]
            }
            return (ion, .object(pairs + [("description", .string(source.description))]))
        })
    }

    /// The state object of the final state with `reversal_mV`: each ion's E at that state: the fixed number where E
    /// is fixed, otherwise the Nernst potential E = (RT/zF)·ln(c_out/c_in) of the final concentrations.
    func finalJSON(_ state: CellState) -> JSONValue {
        guard case .object(let pairs) = stateJSON(state) else { return stateJSON(state) }
        let vt = first.scenario.conditions.thermalVoltage
        let reversal: [(String, JSONValue)] = first.scenario.reversalPotentialSources.compactMap { ion, source in
            if case .fixed(let e) = source { return (ion, .number(e.millivolts)) }
            guard let i = state.ions.firstIndex(where: { $0.name == ion }), state.ions[i].charge != 0 else { return nil }
            let ratio = state.outside[i].millimolar / state.inside[i].millimolar
            guard ratio.isFinite, ratio > 0 else { return nil }
            return (ion, .number(vt / Double(state.ions[i].charge) * Double.log(ratio) * 1e3))
        }
        return .object(pairs + [("reversal_mV", .object(reversal))])
    }

    /// `{"cycles", "mean": {…}, "per_cycle": [{…}]}`: per cycle the window, Q_Na and C·ΔV in nC/cm², the overlap
    /// factor, Na⁺ ions entering and the fewest that could do, ATP; the mean over the cycles (null without one).
    static func costJSON(_ costs: [ActionPotentialCost]) -> JSONValue {
        func object(_ c: ActionPotentialCost, window: Bool) -> JSONValue {
            .object((window ? [("start_ms", .number(c.start * 1e3)), ("end_ms", .number(c.end * 1e3)),
                               ("peak_mV", .number(c.peak.millivolts)), ("trough_mV", .number(c.trough.millivolts))] : [])
                    + [("sodium_charge_nC_per_cm2", .number(c.sodiumCharge * 1e5)),
                       ("capacitive_charge_nC_per_cm2", .number(c.capacitiveCharge * 1e5)),
                       ("overlap_factor", .number(c.overlapFactor)),
                       ("sodium_ions", .number(c.sodiumIons)), ("minimum_ions", .number(c.minimumIons)),
                       ("atp", .number(c.atp))])
        }
        var mean: JSONValue = .null
        if let first = costs.first {
            let n = Double(costs.count)
            var m = first
            m.sodiumCharge = costs.map(\.sodiumCharge).reduce(0, +) / n
            m.peak = .volts(costs.map(\.peak.volts).reduce(0, +) / n)
            m.trough = .volts(costs.map(\.trough.volts).reduce(0, +) / n)
            mean = object(m, window: false)
        }
        return .object([("cycles", .integer(costs.count)), ("mean", mean),
                        ("per_cycle", .array(costs.map { object($0, window: true) })),
                        ("definition", .string("trough to trough around each spike with a spike on either side; Q_Na: Na⁺ charge entering through channels and leaks; minimum C·ΔV (ΔV = peak − trough); overlap factor Q_Na/(C·ΔV); ATP = Na⁺ ions/3 (Hodgkin 1975; Crotty, Sangrey & Levy 2006; Carter & Bean 2009)"))])
    }

    public var json: JSONValue {
        let scenario = first.scenario
        var pairs: [(String, JSONValue)] = [
            ("model", .string("hh")),
            ("preset", .string(preset)),
            ("termination", .string(termination.name)),
            ("termination_reason", termination.reason.map { .string($0) } ?? .null),
            ("duration_s", .number(duration)),
            ("parameters", .object(parameters.map { ($0.name, .object([("value", .number($0.value)), ("unit", .string($0.unit))])) })),
            ("reversal_potentials", Self.reversalJSON(scenario)),
            ("ions", VoltageClampReport.ionsJSON(scenario)),
            ("spike_threshold_mV", .number(0)),
            ("spike_count", .integer(result.spikeCount)),
        ]
        if single {
            pairs.append(("stimulus_uA_per_cm2", .number(first.stimulus.microamperesPerSquareCentimetre)))
            pairs.append(("stimulus_protocol", stimulusProtocol.map { .string($0) } ?? .null))
            pairs.append(("spike_times_ms", .array(first.spikeTimes.map { .number($0 * 1e3) })))
            pairs.append(("final", (try? first.final()).map(finalJSON) ?? .null))
            if let costs { pairs.append(("action_potential_cost", Self.costJSON(costs))) }
            if let model = try? CellModel(first.scenario),
               let exchange = extracellularExchangeJSON(model, initial: model.initialState, final: first.finalState) {
                pairs.append(("extracellular_exchange", exchange))
            }
        } else {
            if let model = try? CellModel(first.scenario), let exchange = extracellularExchangeJSON(model, initial: model.initialState, final: nil) {
                pairs.append(("extracellular_exchange", exchange))
            }
            pairs.append(("cells", .array(result.cells.map { c in
                .object([("index", .integer(c.index)),
                         ("stimulus_uA_per_cm2", .number(c.stimulus.microamperesPerSquareCentimetre)),
                         ("spike_count", .integer(c.spikeCount)),
                         ("first_spike_ms", c.firstSpike.map { .number($0 * 1e3) } ?? .null)]
                        + (c.index < cellParameters.count
                           ? [("set", .object(cellParameters[c.index].map { ($0.0, .number($0.1)) }))] : [])
                        + Self.exchangeCellFields(c))
            })))
        }
        pairs += [
            ("method", .string(result.method)),
            ("general_path_reason", result.generalPathReason.map { .string($0) } ?? .null),
            ("statistics", .object([
                ("accepted_steps", .integer(result.statistics.acceptedSteps)),
                ("rejected_steps", .integer(result.statistics.rejectedSteps)),
                ("rhs_evaluations", .integer(result.statistics.rhsEvaluations)),
                ("wall_time_s", .number(wallTime)),
            ])),
            ("notes", .array(scenario.notes.map { .string($0) })),
            ("csv", csvPath.map { .string($0) } ?? .null),
            ("plot", plotPath.map { .string($0) } ?? .null),
            ("sources", .object(scenario.sources.map { ($0.field, .string($0.source)) })),
        ]
        return .object(pairs + conditionsFields(scenario.conditions))
    }

    public var text: String {
        let scenario = first.scenario
        var lines = ["\(preset): \(scenario.summary)",
                     "simulated \(Format.significant(duration, 6)) s: \(termination.name)" + (termination.reason.map { " (\($0))" } ?? "")]
        for (ion, source) in scenario.reversalPotentialSources { lines.append("E_\(ion): \(source.description)") }
        if single {
            if let stimulusProtocol { lines.append("stimulus protocol (added): \(stimulusProtocol)") }
            lines.append("stimulus \(Format.significant(first.stimulus.microamperesPerSquareCentimetre, 6)) µA/cm²: "
                         + Format.spikeList(first.spikeTimes, unit: "ms", decimals: 3, shown: 20))
            if let f = try? first.final() { lines.append("final V_m = \(Format.fixed(f.potential.millivolts, 4)) mV") }
            if !scenario.extracellularExchange.isEmpty, let model = try? CellModel(scenario) {
                lines += extracellularExchangeLines(model, initial: model.initialState, final: first.finalState)
            }
            if let costs {
                if costs.isEmpty {
                    lines.append("cost of an action potential: no full cycle (needs three spikes: one on either side of a cycle)")
                } else {
                    let n = Double(costs.count)
                    let q = costs.map(\.sodiumCharge).reduce(0, +) / n, cdv = costs.map(\.capacitiveCharge).reduce(0, +) / n
                    let ions = costs.map(\.sodiumIons).reduce(0, +) / n, atp = costs.map(\.atp).reduce(0, +) / n
                    lines.append("cost of an action potential (mean of \(costs.count) trough-to-trough cycles): Q_Na \(Format.significant(q * 1e5, 4)) nC/cm² "
                                 + "against C·ΔV \(Format.significant(cdv * 1e5, 4)) nC/cm² (overlap factor \(Format.significant(q / cdv, 4))); "
                                 + "\(Format.significant(ions, 4)) Na⁺ ions, \(Format.significant(atp, 4)) ATP")
                }
            }
        } else {
            let spread = cellParameters.first?.map(\.0) ?? []
            var table = TextTable(headers: ["cell", "stimulus (µA/cm²)"] + spread + ["spikes", "first spike (ms)"],
                                  alignments: Array(repeating: .right, count: 4 + spread.count))
            for c in result.cells.prefix(50) {
                let own = c.index < cellParameters.count ? cellParameters[c.index].map { Format.significant($0.1, 6) } : []
                table.add(["\(c.index)", Format.significant(c.stimulus.microamperesPerSquareCentimetre, 6)] + own
                          + ["\(c.spikeCount)", c.firstSpike.map { Format.fixed($0 * 1e3, 3) } ?? "–"])
            }
            lines += ["", table.render()]
            if result.cells.count > 50 { lines.append("… \(result.cells.count - 50) more cells (--json lists all)") }
            lines.append("\(result.spikeCount) spikes in all")
        }
        lines.append(result.method + (wallTime.map { ", \(Format.significant($0 * 1000, 3)) ms" } ?? ""))
        if let csvPath { lines.append("time series written to \(csvPath)") }
        if let plotPath { lines.append("plot written to \(plotPath)") }
        lines.append(conditionsLine(scenario.conditions))
        return lines.joined(separator: "\n")
    }

    /// A population cell's final extracellular concentrations (`outside_mM`) and what its exchange removed
    /// (`exchanged_mol`), when its extracellular space exchanges ions (``ExtracellularExchange``; each cell may have
    /// its own rates through a `set` range); nothing otherwise.
    static func exchangeCellFields(_ c: CellOutcome) -> [(String, JSONValue)] {
        guard !c.scenario.extracellularExchange.isEmpty, let f = try? c.final() else { return [] }
        return [("outside_mM", .object(zip(f.ions, f.outside).map { ($0.0.name, .number($0.1.millimolar)) })),
                ("exchanged_mol", .object(zip(f.ions, f.exchanged).map { ($0.0.name, .number($0.1)) }))]
    }

    /// The recorded times: every step, or every `interval` seconds.
    static func times(_ t: Trajectory<CellModel>, interval: Double?) -> [Double] { RunFooter.sampledTimes(t.times, every: interval) }

    /// A column of the time series besides the state object's: its name and its value at a time and state.
    typealias Column = (name: String, value: (CellModel, Double, [Double]) -> Double)

    /// Gates (by layout name), E_<ion> in mV (the fixed number where the ion's E is fixed, as NEURON's hh reads
    /// `ena`; otherwise the Nernst potential of the concentrations), I_stim and each mechanism's current in µA/cm²
    /// (outward positive).
    static func extraColumns(_ model: CellModel) -> [Column] {
        let fixed = Dictionary(model.scenario.reversalPotentialSources.compactMap { ion, source -> (String, Double)? in
            if case .fixed(let e) = source { return ("E_" + ion, e.millivolts) }
            return nil
        }, uniquingKeysWith: { a, _ in a })
        var columns: [Column] = []
        for (k, name) in model.observableNames.enumerated() {
            func observed(_ scale: Double) -> (CellModel, Double, [Double]) -> Double { { m, t, y in m.observe(k, at: t, state: y) * scale } }
            if name.hasPrefix("E_") {
                if let e = fixed[name] { columns.append((name + "_mV", { _, _, _ in e })) } else { columns.append((name + "_mV", observed(1e3))) }
            } else if name == "I_stim" || name.hasPrefix("I.") {
                columns.append((name + "_uA_per_cm2", observed(100)))
            } else if name.hasPrefix("J.") {
                columns.append((name + "_mM_per_s", observed(1)))  // an exchange of the extracellular space
            } else if name.hasPrefix("exchanged.") {
                columns.append((name + "_mol", observed(model.scenario.geometry.volume)))
            } else if name.contains("."), !name.hasPrefix("inside."), !name.hasPrefix("outside."),
                      !name.hasPrefix("cell."), !name.hasPrefix("bath.") {
                columns.append((name, observed(1)))
            }
        }
        return columns
    }

    /// The time series: time_s, vm_mV, inside_mM.<ion>, outside_mM.<ion>, volume_um3, volume_relative, then
    /// ``extraColumns(_:)``.
    public static func csv(_ t: Trajectory<CellModel>, interval: Double?) -> String {
        let extra = extraColumns(t.model)
        let ions = t.scenario.ions.map(\.name)
        var header = ["time_s", "vm_mV"] + ions.map { "inside_mM.\($0)" } + ions.map { "outside_mM.\($0)" }
        header += ["volume_um3", "volume_relative"] + extra.map(\.name)
        var out = header.joined(separator: ",") + "\n"
        for time in times(t, interval: interval) {
            let (model, y) = t.interpolatedState(at: time)
            let s = model.cellState(time: time, state: y)
            var row = [time, s.potential.millivolts] + s.inside.map(\.millimolar) + s.outside.map(\.millimolar)
            row += [s.volume * 1e18, s.relativeVolume]
            row += extra.map { $0.value(model, time, y) }
            out += row.map { JSONValue.number($0).render(pretty: false) }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// V_m, the currents and the inside concentrations against time (ms).
    public static func figure(_ t: Trajectory<CellModel>, interval: Double?) -> SVGFigure {
        let times = times(t, interval: interval)
        let states = times.map { t.interpolatedState(at: $0) }
        let ms = times.map { $0 * 1e3 }
        var v = SVGPlot(title: "\(t.scenario.name): membrane potential", xLabel: "time (ms)", yLabel: "V_m (mV)",
                        series: [.init(name: "V_m", x: ms, y: states.map { $0.model.potential($0.state) * 1e3 })])
        v.horizontalLines = [0]
        let currents = t.model.observableNames.filter { $0.hasPrefix("I.") && $0.split(separator: ".").count == 2 }
        let i = SVGPlot(title: "currents (outward positive)", xLabel: "time (ms)", yLabel: "µA/cm²",
                        series: currents.compactMap { name in
                            guard let k = try? t.model.observableIndex(named: name) else { return nil }
                            return .init(name: String(name.dropFirst(2)), x: ms,
                                         y: zip(times, states).map { $0.1.model.observe(k, at: $0.0, state: $0.1.state) * 100 })
                        })
        let ions = t.scenario.ions
        let c = SVGPlot(title: "inside concentrations", xLabel: "time (ms)", yLabel: "mM",
                        series: ions.indices.map { j in
                            .init(name: ions[j].name + " in", x: ms,
                                  y: zip(times, states).map { $0.1.model.cellState(time: $0.0, state: $0.1.state).inside[j].millimolar })
                        })
        return SVGFigure(panels: [v, i, c])
    }
}
