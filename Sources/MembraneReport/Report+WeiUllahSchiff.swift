import Membrane

/// `membrane simulate hh --preset wei-ullah-schiff-2014`: the neuron of Wei, Ullah & Schiff 2014 (J Neurosci
/// 34:11733) with its hypoxic episode — spike times, the spreading-depolarization summary (the longest stretch of V_m above
/// −20 mV, peak [K]ₒ, peak cell volume, least ECS volume), the final state and, with a CSV or figure, the time course.
///
/// The JSON has the keys of ``HubelUllahReport`` (`spike_count`, `spike_times_ms`, `final`, …) so that a script reads
/// both presets alike, plus `hypoxia` and `depolarization`. The temperature is the one the paper's hard-coded
/// RT/F = 26.64 mV implies (T = 26.64 mV·F/R with CODATA 2018 F and R).
public struct WeiUllahSchiffReport: Renderable {
    /// The run: only crossings and the final state, or a time course when a CSV or figure was asked for.
    public var trajectory: Trajectory<WeiUllahSchiffModel>
    /// How the run ended.
    public var termination: Termination
    /// Simulated time asked for, s.
    public var duration: Double
    /// The preset's parameters as run (the overrides applied).
    public var parameters: [PresetParameter]
    /// The solver's name.
    public var method: String
    /// The solver's statistics.
    public var statistics: IntegratorStatistics
    /// Wall-clock time of the run, s.
    public var wallTime: Double?
    /// Resampling interval of the CSV and figure (nil: every step).
    public var interval: Double?
    /// Where the CSV and the figure were written.
    public var csvPath: String?, plotPath: String?

    /// A report of a finished (or stopped) run.
    public init(trajectory: Trajectory<WeiUllahSchiffModel>, termination: Termination, duration: Double,
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

    var model: WeiUllahSchiff2014 { trajectory.model.parameters }
    var spikeTimes: [Double] { trajectory.crossingTimes(of: "spike") }

    /// The INTERFACE.md state object of a Wei–Ullah–Schiff state, with its E per ion, the volumes and O₂.
    public static func stateJSON(_ s: WeiUllahSchiffState) -> JSONValue {
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
            ("O2_mg_per_L", .number(s.o2)),
            ("O2_bath_mg_per_L", .number(s.o2Bath)),
            ("K_bath_mM", .number(s.kBath)),
        ])
    }

    /// The recorded states (every record of the trajectory).
    var states: [WeiUllahSchiffState] { (0..<trajectory.count).map { trajectory.weiUllahSchiffState(at: $0) } }

    /// The sustained depolarization over the records: the longest stretch of consecutive records with V_m above
    /// −20 mV (spikes last milliseconds; SD tens of seconds) — its onset (nil when no stretch lasts 1 s) and length —
    /// with the peak [K]ₒ, the largest relative cell volume and the least ECS volume of the whole run.
    public var depolarization: (onset: Double?, time: Double, peakK: Double, peakVolume: Double, leastECS: Double) {
        var best: (start: Double, length: Double)?, start: Double?
        var peakK = 0.0, peakVolume = 0.0, leastECS = Double.infinity
        let s = states
        for i in s.indices {
            if s[i].potential > -20 {
                let from = start ?? s[i].time
                start = from
                if s[i].time - from >= (best?.length ?? 1) { best = (from, s[i].time - from) }
            } else {
                start = nil
            }
            peakK = max(peakK, s[i].outside[1].millimolar)
            peakVolume = max(peakVolume, s[i].relativeVolume)
            leastECS = min(leastECS, s[i].extracellularVolume)
        }
        return (best?.start, best?.length ?? 0, peakK, peakVolume, leastECS)
    }

    public var json: JSONValue {
        let final = trajectory.finalWeiUllahSchiffState
        let spikes = spikeTimes
        let d = depolarization
        let kelvin = HubelUllahReport.impliedTemperatureKelvin
        let statistics: JSONValue = .object([
            ("accepted_steps", .integer(self.statistics.acceptedSteps)),
            ("rejected_steps", .integer(self.statistics.rejectedSteps)),
            ("rhs_evaluations", .integer(self.statistics.rhsEvaluations)),
            ("wall_time_s", wallTime.map { JSONValue.number($0) } ?? .null),
        ])
        let sources: [(String, JSONValue)] = ["Na", "K", "Cl"].map { ion in
            (ion, .object([("source", .string("changing_concentrations")),
                           ("description", .string("Nernst potential of the cell's and the ECS's concentrations, which follow the currents (RT/F = 26.64 mV)"))]))
        }
        let parameterValues: [(String, JSONValue)] = parameters.map {
            ($0.name, .object([("value", .number($0.value)), ("unit", .string($0.unit))]))
        }
        let hypoxia: JSONValue = .object([("start_s", model.hypoxiaStart.map { JSONValue.number($0) } ?? .null),
                                          ("end_s", model.reoxygenation.map { JSONValue.number($0) } ?? .null),
                                          ("O2_bath_mg_per_L", .number(model.o2Hypoxic))])
        let note = "over the recorded states (\(trajectory.count) records)"
        let depolarizationPairs: [(String, JSONValue)] = [
            ("threshold_mV", .number(-20)),
            ("definition", .string("the longest stretch of records with V_m above the threshold, if it lasts 1 s or more")),
            ("onset_s", d.onset.map { JSONValue.number($0) } ?? .null),
            ("time_above_s", .number(d.time)),
            ("peak_K_outside_mM", .number(d.peakK)),
            ("peak_volume_relative", .number(d.peakVolume)),
            ("least_extracellular_volume_um3", .number(d.leastECS)),
            ("note", .string(note)),
        ]
        var pairs: [(String, JSONValue)] = [
            ("model", .string("hh")),
            ("preset", .string(WeiUllahSchiff2014.preset.name)),
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
            ("hypoxia", hypoxia),
            ("pump_block_s", model.pumpBlockTime.map { JSONValue.number($0) } ?? .null),
            ("depolarization", .object(depolarizationPairs)),
            ("final", Self.stateJSON(final)),
        ] + RunFooter.jsonPairs(method: method, statistics: statistics, notes: model.notes, csv: csvPath, plot: plotPath)
        pairs += RunFooter.publishedConstantsPairs(source: WeiUllahSchiff2014.preset.source, thermalVoltage: WeiUllahSchiff2014.thermalVoltage,
                                                   kelvin: kelvin, constants: "wei-ullah-schiff-2014 (RT/F = 26.64 mV and F = 6.02e23 × 1.6e-19 C/mol as the paper's codes hard-code them)")
        return .object(pairs)
    }

    public var text: String {
        let final = trajectory.finalWeiUllahSchiffState
        let spikes = spikeTimes
        var lines = ["\(WeiUllahSchiff2014.preset.name): \(WeiUllahSchiff2014.preset.summary)",
                     "simulated \(Format.significant(duration, 6)) s: \(termination.name)" + (termination.reason.map { " (\($0))" } ?? "")]
        lines.append(Format.spikeList(spikes, unit: "s", decimals: 4))
        let d = depolarization
        if let onset = d.onset {
            lines.append("spreading depolarization: V_m above −20 mV from \(Format.fixed(onset, 2)) s for \(Format.fixed(d.time, 1)) s (recorded states); peak [K]ₒ \(Format.fixed(d.peakK, 2)) mM, cell volume up to \(Format.fixed(d.peakVolume, 4)) of Vol₀, ECS down to \(Format.fixed(d.leastECS, 1)) µm³")
        } else {
            lines.append("no sustained depolarization (V_m above −20 mV for 1 s or more) in the recorded states")
        }
        var table = TextTable(headers: ["ion", "inside (mM)", "ECS (mM)", "E (mV)"], alignments: [.left, .right, .right, .right])
        for k in final.inside.indices {
            table.add([final.inside[k].ion, Format.fixed(final.inside[k].millimolar, 3), Format.fixed(final.outside[k].millimolar, 3),
                       Format.fixed(final.reversal[k].millivolts, 2)])
        }
        lines += ["final state at \(Format.significant(final.time, 6)) s: V_m = \(Format.fixed(final.potential, 3)) mV, "
                  + "cell volume \(Format.fixed(final.volume, 1)) µm³ (\(Format.fixed(final.relativeVolume, 4)) of Vol₀), ECS \(Format.fixed(final.extracellularVolume, 1)) µm³, O₂ \(Format.fixed(final.o2, 2)) mg/L",
                  table.render()]
        lines += RunFooter.textLines(notes: model.notes, method: method, wallTime: wallTime, csv: csvPath, plot: plotPath)
        return lines.joined(separator: "\n")
    }

    /// The recorded times: every record, or every `interval` seconds.
    var times: [Double] { RunFooter.sampledTimes(trajectory.times, every: interval) }

    /// The time series: time_s, then every observable of ``WeiUllahSchiffModel/observables`` in its unit (mV, mM, µm³,
    /// mg/L, µA/cm² outward positive, mM/s).
    public var csv: String {
        func column(_ name: String) -> (String, Double) {
            switch name {
            case "vm": return ("vm_mV", 1e3)
            case let n where n.hasPrefix("E_"): return (n + "_mV", 1e3)
            case let n where n.hasPrefix("inside.") || n.hasPrefix("outside."):
                let parts = n.split(separator: ".")
                return ("\(parts[0])_mM.\(parts[1])", 1)
            case "volume", "volume_ecs": return (name + "_um3", 1e18)
            case "O2", "O2_bath": return (name + "_mg_per_L", 1)
            case "K_bath": return ("K_bath_mM", 1)
            case "K_loss": return ("K_loss_mM_per_s", 1)
            case let n where n.hasPrefix("I."): return (n + "_uA_per_cm2", 100)
            default: return (name, 1)
            }
        }
        let columns = WeiUllahSchiffModel.observables.map(column)
        var out = (["time_s"] + columns.map(\.0)).joined(separator: ",") + "\n"
        for time in times {
            let (model, y) = trajectory.interpolatedState(at: time)
            let row = [time] + columns.indices.map { model.observe($0, at: time, state: y) * columns[$0].1 }
            out += row.map { JSONValue.number($0).render(pretty: false) }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// V_m and each E, the ECS K⁺ and Na⁺ with O₂, and the cell's relative volume against time (s).
    public var figure: SVGFigure {
        let times = times
        let states = times.map { trajectory.interpolatedState(at: $0) }
        func series(_ name: String, _ label: String, scale: Double) -> SVGPlot.Series {
            let k = WeiUllahSchiffModel.observables.firstIndex(of: name)!
            return .init(name: label, x: times, y: zip(times, states).map { $0.1.model.observe(k, at: $0.0, state: $0.1.state) * scale })
        }
        var v = SVGPlot(title: "wei-ullah-schiff-2014: membrane potential and reversal potentials", xLabel: "time (s)", yLabel: "mV",
                        series: [series("vm", "V_m", scale: 1e3), series("E_Na", "E_Na", scale: 1e3),
                                 series("E_K", "E_K", scale: 1e3), series("E_Cl", "E_Cl", scale: 1e3)])
        v.horizontalLines = [0]
        let c = SVGPlot(title: "ECS concentrations and O₂", xLabel: "time (s)", yLabel: "mM, mg/L",
                        series: [series("outside.K", "K ECS", scale: 1), series("outside.Na", "Na ECS", scale: 1),
                                 series("inside.Na", "Na in", scale: 1), series("O2", "O₂ ECS (mg/L)", scale: 1),
                                 series("O2_bath", "O₂ bath (mg/L)", scale: 1)])
        let w = SVGPlot(title: "volumes", xLabel: "time (s)", yLabel: "relative to the initial",
                        series: [series("volume_relative", "cell", scale: 1),
                                 .init(name: "ECS", x: times, y: zip(times, states).map {
                                     $0.1.model.observe(14, at: $0.0, state: $0.1.state) * 1e18 / WeiUllahSchiff2014.initialECSVolume
                                 })])
        return SVGFigure(panels: [v, c, w])
    }
}
