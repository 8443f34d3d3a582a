import Membrane

/// `membrane simulate hh --preset hubel-ullah-2016`: the energy-failure neuron of Hübel & Ullah 2016 (PLoS ONE
/// 11:e0147060; ModelDB 187599 `code_Fig3.ode`) — spike times, the final state (V_m, concentrations in the cell and
/// the extracellular space, each E, the cell's volume) and, with a CSV or figure, the time course.
///
/// The JSON has the keys of ``SpikingReport`` for one cell (`spike_count`, `spike_times_ms`, `final`, …) so that a
/// script reads both presets alike; the temperature is the one the code's hard-coded RT/F = 26.64 mV implies,
/// T = 26.64 mV · F/R (CODATA 2018 F and R), and `constants` says that RT/F was taken from the code.
public struct HubelUllahReport: Renderable {
    /// The run: only crossings and the final state, or a time course when a CSV or figure was asked for.
    public var trajectory: Trajectory<HubelUllahModel>
    public var termination: Termination
    public var duration: Double
    /// The preset's parameters as run (the overrides applied).
    public var parameters: [PresetParameter]
    /// The solver's name and statistics.
    public var method: String
    public var statistics: IntegratorStatistics
    public var wallTime: Double?
    /// Resampling interval of the CSV and figure (nil: every step).
    public var interval: Double?
    public var csvPath: String?
    public var plotPath: String?

    /// A report of a finished (or stopped) run.
    public init(trajectory: Trajectory<HubelUllahModel>, termination: Termination, duration: Double,
                parameters: [PresetParameter], method: String, statistics: IntegratorStatistics, wallTime: Double? = nil,
                interval: Double? = nil) {
        self.trajectory = trajectory
        self.termination = termination
        self.duration = duration
        self.parameters = parameters
        self.method = method
        self.statistics = statistics
        self.wallTime = wallTime
        self.interval = interval
    }

    var model: HubelUllah2016 { trajectory.model.parameters }
    var spikeTimes: [Double] { trajectory.crossingTimes(of: "spike") }

    /// The temperature at which RT/F equals the code's 26.64 mV: T = (RT/F)·F/R with CODATA 2018 F and R (≈ 309.1 K).
    public static var impliedTemperatureKelvin: Double {
        HubelUllah2016.thermalVoltage * 1e-3 * ConstantSet.codata2018.faraday / ConstantSet.codata2018.gasConstant
    }

    /// The INTERFACE.md state object of a Hübel–Ullah state, with its E per ion and the extracellular volume.
    public static func stateJSON(_ s: HubelUllahState) -> JSONValue {
        .object([
            ("time_s", .number(s.time)),
            ("vm_mV", .number(s.potential)),
            ("inside_mM", .object(s.inside.map { ($0.ion, .number($0.millimolar)) })),
            ("outside_mM", .object(s.outside.map { ($0.ion, .number($0.millimolar)) })),
            ("volume_um3", .number(s.volume)),
            ("volume_relative", .number(s.relativeVolume)),
            ("extracellular_volume_um3", .number(s.extracellularVolume)),
            ("reversal_mV", .object(s.reversal.map { ($0.ion, .number($0.millivolts)) })),
            ("pump_current_uA_per_cm2", .number(s.pumpCurrent)),
        ])
    }

    public var json: JSONValue {
        let final = trajectory.finalState
        let spikes = spikeTimes
        let sources: [(String, JSONValue)] = ["Na", "K", "Cl"].map { ion in
            (ion, .object([("source", .string("changing_concentrations")),
                           ("description", .string("Nernst potential of the cell's and the extracellular space's concentrations, which follow the currents (RT/F = 26.64 mV)"))]))
        }
        let kelvin = Self.impliedTemperatureKelvin
        let statistics: JSONValue = .object([
            ("accepted_steps", .integer(self.statistics.acceptedSteps)),
            ("rejected_steps", .integer(self.statistics.rejectedSteps)),
            ("rhs_evaluations", .integer(self.statistics.rhsEvaluations)),
            ("wall_time_s", wallTime.map { JSONValue.number($0) } ?? .null),
        ])
        let parameterValues: [(String, JSONValue)] = parameters.map {
            ($0.name, .object([("value", .number($0.value)), ("unit", .string($0.unit))]))
        }
        var pairs: [(String, JSONValue)] = [
            ("model", .string("hh")),
            ("preset", .string(HubelUllah2016.preset.name)),
            ("termination", .string(termination.name)),
            ("termination_reason", termination.reason.map { JSONValue.string($0) } ?? .null),
            ("duration_s", .number(duration)),
            ("parameters", .object(parameterValues)),
            ("reversal_potentials", .object(sources)),
            ("spike_threshold_mV", .number(0)),
            ("spike_count", .integer(spikes.count)),
            ("spike_times_ms", .array(spikes.map { JSONValue.number($0 * 1e3) })),
        ]
        pairs += [
            ("pump_stop_s", model.pumpStopTime.map { JSONValue.number($0) } ?? .null),
            ("final", Self.stateJSON(final)),
        ] + RunFooter.jsonPairs(method: method, statistics: statistics, notes: model.notes, csv: csvPath, plot: plotPath)
        pairs += RunFooter.publishedConstantsPairs(source: HubelUllah2016.preset.source, thermalVoltage: HubelUllah2016.thermalVoltage,
                                                   kelvin: kelvin, constants: "hubel-ullah-2016 (RT/F = 26.64 mV from the published code)")
        return .object(pairs)
    }

    public var text: String {
        let final = trajectory.finalState
        let spikes = spikeTimes
        var lines = ["\(HubelUllah2016.preset.name): \(HubelUllah2016.preset.summary)",
                     "simulated \(Format.significant(duration, 6)) s: \(termination.name)" + (termination.reason.map { " (\($0))" } ?? "")]
        lines.append(model.pumpStopTime.map { "pump stops at \(Format.significant($0, 6)) s" } ?? "pump never stops")
        lines.append(Format.spikeList(spikes, unit: "s", decimals: 4))
        var table = TextTable(headers: ["ion", "inside (mM)", "ECS (mM)", "E (mV)"], alignments: [.left, .right, .right, .right])
        for k in final.inside.indices {
            table.add([final.inside[k].ion, Format.fixed(final.inside[k].millimolar, 3), Format.fixed(final.outside[k].millimolar, 3),
                       Format.fixed(final.reversal[k].millivolts, 2)])
        }
        lines += ["final state at \(Format.significant(final.time, 6)) s: V_m = \(Format.fixed(final.potential, 3)) mV, "
                  + "cell volume \(Format.fixed(final.volume, 1)) µm³ (\(Format.fixed(final.relativeVolume, 4)) of 2160 µm³)",
                  table.render()]
        lines += RunFooter.textLines(notes: model.notes, method: method, wallTime: wallTime, csv: csvPath, plot: plotPath)
        lines.append("RT/F = 26.64 mV as in the published code (≈ \(Format.fixed(Self.impliedTemperatureKelvin - 273.15, 1)) °C)")
        return lines.joined(separator: "\n")
    }

    /// The recorded times: every record, or every `interval` seconds.
    var times: [Double] { RunFooter.sampledTimes(trajectory.times, every: interval) }

    /// The time series: time_s, then every observable of ``HubelUllahModel/observables`` in its unit (mV, mM, µm³,
    /// µA/cm²; outward positive).
    public var csv: String {
        let names = HubelUllahModel.observables
        func column(_ name: String) -> (String, Double) {
            switch name {
            case "vm": return ("vm_mV", 1e3)
            case let n where n.hasPrefix("E_"): return (n + "_mV", 1e3)
            case let n where n.hasPrefix("inside.") || n.hasPrefix("outside."):
                let parts = n.split(separator: ".")
                return ("\(parts[0])_mM.\(parts[1])", 1)
            case "volume", "volume_ecs": return (name + "_um3", 1e18)
            case let n where n.hasPrefix("I."): return (n + "_uA_per_cm2", 100)
            default: return (name, 1)
            }
        }
        let columns = names.map(column)
        var out = (["time_s"] + columns.map(\.0)).joined(separator: ",") + "\n"
        for time in times {
            let (model, y) = trajectory.interpolatedState(at: time)
            let row = [time] + columns.indices.map { model.observe($0, at: time, state: y) * columns[$0].1 }
            out += row.map { JSONValue.number($0).render(pretty: false) }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// V_m and each E, the concentrations in the cell and the extracellular space, and the cell's relative volume
    /// against time (s).
    public var figure: SVGFigure {
        let times = times
        let states = times.map { trajectory.interpolatedState(at: $0) }
        func series(_ name: String, _ label: String, scale: Double) -> SVGPlot.Series {
            let k = HubelUllahModel.observables.firstIndex(of: name)!
            return .init(name: label, x: times, y: zip(times, states).map { $0.1.model.observe(k, at: $0.0, state: $0.1.state) * scale })
        }
        var v = SVGPlot(title: "hubel-ullah-2016: membrane potential and reversal potentials", xLabel: "time (s)", yLabel: "mV",
                        series: [series("vm", "V_m", scale: 1e3), series("E_Na", "E_Na", scale: 1e3),
                                 series("E_K", "E_K", scale: 1e3), series("E_Cl", "E_Cl", scale: 1e3)])
        v.horizontalLines = [0]
        let c = SVGPlot(title: "concentrations", xLabel: "time (s)", yLabel: "mM",
                        series: ["Na", "K", "Cl"].flatMap { ion in
                            [series("inside.\(ion)", "\(ion) in", scale: 1), series("outside.\(ion)", "\(ion) ECS", scale: 1)]
                        })
        let w = SVGPlot(title: "cell volume", xLabel: "time (s)", yLabel: "relative to 2160 µm³",
                        series: [series("volume_relative", "volume", scale: 1)])
        return SVGFigure(panels: [v, c, w])
    }
}
