import Membrane

/// `membrane simulate hh --preset luo-rudy-1991`: the paced ventricular cell of Luo & Rudy 1991 (Circ Res
/// 68:1501–1526) — per beat the rest, peak, V̇max and APD90, the spike times, the final state and, with a CSV or
/// figure, the time course.
///
/// The JSON has the keys of ``SpikingReport`` for one cell (`spike_count`, `spike_times_ms`, `final`, …) so that a
/// script reads every preset alike, and adds `beats` (one object per stimulus onset) and `rest_mV` (the zero of the
/// total ionic current with every gate at steady state, which the run starts from).
public struct LuoRudyReport: Renderable {
    /// The run, every step recorded.
    public var trajectory: Trajectory<LuoRudyModel>
    public var termination: Termination
    public var duration: Double
    /// The preset's parameters as run (the overrides applied).
    public var parameters: [PresetParameter]
    /// The resting potential the run starts from, mV.
    public var rest: Double
    /// One entry per stimulus onset within the run.
    public var beats: [ActionPotentialBeat]
    /// The solver's name and statistics.
    public var method: String
    public var statistics: IntegratorStatistics
    public var wallTime: Double?
    /// Resampling interval of the CSV and figure (nil: every step).
    public var interval: Double?
    public var csvPath: String?
    public var plotPath: String?

    /// A report of a finished (or stopped) run.
    public init(trajectory: Trajectory<LuoRudyModel>, termination: Termination, duration: Double, parameters: [PresetParameter],
                rest: Double, beats: [ActionPotentialBeat], method: String, statistics: IntegratorStatistics,
                wallTime: Double? = nil, interval: Double? = nil) {
        self.trajectory = trajectory
        self.termination = termination
        self.duration = duration
        self.parameters = parameters
        self.rest = rest
        self.beats = beats
        self.method = method
        self.statistics = statistics
        self.wallTime = wallTime
        self.interval = interval
    }

    var model: LuoRudy1991 { trajectory.model.parameters }
    var spikeTimes: [Double] { trajectory.crossingTimes(of: "spike") }

    /// A beat as JSON: `onset_ms`, `rest_mV`, `peak_mV`, `vmax_V_per_s`, `t_vmax_ms`, `apd90_ms` (null if V did not
    /// repolarise within the beat) and `excited` (V rose through 0 mV with the membrane's own current inward there).
    public static func beatJSON(_ b: ActionPotentialBeat) -> JSONValue {
        .object([
            ("onset_ms", .number(b.onset)), ("rest_mV", .number(b.rest)), ("peak_mV", .number(b.peak)),
            ("vmax_V_per_s", .number(b.maximalRate)), ("t_vmax_ms", .number(b.timeOfMaximalRate)),
            ("apd90_ms", b.apd90.map { JSONValue.number($0) } ?? .null), ("excited", .bool(b.excited)),
        ])
    }

    /// What the output says about the preset's conventions.
    var notes: [String] {
        let m = model
        let pacing = m.stimulusAmplitude == 0 ? "no stimulus"
            : "stimulus \(Format.significant(m.stimulusAmplitude, 6)) µA/cm² (depolarising) for \(Format.significant(m.stimulusDuration, 6)) ms from \(Format.significant(m.stimulusStart, 6)) ms"
            + (m.pacingCycle > 0 ? ", every \(Format.significant(m.pacingCycle, 6)) ms" : ", once")
        return [
            pacing,
            "equations of the paper (g_K and g_K1 ∝ √(K_o/5.4), E_Kp = E_K1, E_K with PR_NaK = 0.01833); RT/F from CODATA 2018 at 37 °C",
            "[Na]ᵢ, [K]ᵢ, [Na]ₒ, [K]ₒ fixed; only [Ca]ᵢ moves (d[Ca]ᵢ/dt = −1e-4·I_si + 0.07·(1e-4 − [Ca]ᵢ))",
            "the run starts at rest (every gate and [Ca]ᵢ at steady state, total ionic current 0)",
            "per beat: rest = V at the onset, V̇max within 20 ms of it (stimulus included), APD90 from the time of V̇max",
        ]
    }

    public var json: JSONValue {
        let final = trajectory.stateVector(at: trajectory.count - 1), t = trajectory.times.last ?? 0
        let spikes = spikeTimes
        let m = model
        let statistics: JSONValue = .object([
            ("accepted_steps", .integer(self.statistics.acceptedSteps)),
            ("rejected_steps", .integer(self.statistics.rejectedSteps)),
            ("rhs_evaluations", .integer(self.statistics.rhsEvaluations)),
            ("wall_time_s", wallTime.map { JSONValue.number($0) } ?? .null),
        ])
        let finalState: JSONValue = .object(
            [("time_s", .number(t)), ("vm_mV", .number(final[0]))]
            + zip(["m", "h", "j", "d", "f", "X"], final[1...6]).map { ($0.0, JSONValue.number($0.1)) }
            + [("inside_mM", .object([("Na", .number(m.sodiumInside)), ("K", .number(m.potassiumInside)), ("Ca", .number(final[7]))])),
               ("outside_mM", .object([("Na", .number(m.sodiumOutside)), ("K", .number(m.potassiumOutside))]))])
        return .object([
            ("model", .string("hh")),
            ("preset", .string(LuoRudy1991.preset.name)),
            ("termination", .string(termination.name)),
            ("termination_reason", termination.reason.map { JSONValue.string($0) } ?? .null),
            ("duration_s", .number(duration)),
            ("parameters", .object(parameters.map { ($0.name, .object([("value", .number($0.value)), ("unit", .string($0.unit))])) })),
            ("reversal_potentials_mV", .object([("E_Na", .number(m.eNa)), ("E_K", .number(m.eK)), ("E_K1", .number(m.eK1))])),
            ("rest_mV", .number(rest)),
            ("spike_threshold_mV", .number(0)),
            ("spike_count", .integer(spikes.count)),
            ("spike_times_ms", .array(spikes.map { JSONValue.number($0 * 1e3) })),
            ("beats", .array(beats.map(Self.beatJSON))),
            ("final", finalState),
        ] + RunFooter.jsonPairs(method: method, statistics: statistics, notes: notes, csv: csvPath, plot: plotPath) + [
            ("sources", .object([("model", .string(LuoRudy1991.preset.source))])),
            ("temperature_K", .number(m.temperature)),
            ("temperature_C", .number(m.temperature - 273.15)),
            ("constants", .string("codata2018")),
        ])
    }

    public var text: String {
        let final = trajectory.stateVector(at: trajectory.count - 1), m = model
        let spikes = spikeTimes
        var lines = ["\(LuoRudy1991.preset.name): \(LuoRudy1991.preset.summary)",
                     "simulated \(Format.significant(duration, 6)) s: \(termination.name)" + (termination.reason.map { " (\($0))" } ?? ""),
                     "K_o \(Format.significant(m.potassiumOutside, 6)) mM: rest \(Format.fixed(rest, 2)) mV, E_K1 \(Format.fixed(m.eK1, 2)) mV, E_K \(Format.fixed(m.eK, 2)) mV, E_Na \(Format.fixed(m.eNa, 2)) mV"]
        lines.append(Format.spikeList(spikes, unit: "ms", decimals: 2))
        var table = TextTable(headers: ["onset (ms)", "rest (mV)", "peak (mV)", "V̇max (V/s)", "APD90 (ms)", "AP"],
                              alignments: [.right, .right, .right, .right, .right, .left])
        for b in beats {
            table.add([Format.fixed(b.onset, 1), Format.fixed(b.rest, 2), Format.fixed(b.peak, 2), Format.fixed(b.maximalRate, 1),
                       b.apd90.map { Format.fixed($0, 1) } ?? "—", b.excited ? "yes" : "no"])
        }
        if !beats.isEmpty { lines.append(table.render()) }
        lines.append("final state at \(Format.significant(trajectory.times.last ?? 0, 6)) s: V_m = \(Format.fixed(final[0], 3)) mV, [Ca]ᵢ = \(Format.significant(final[7] * 1e3, 4)) µM")
        lines += RunFooter.textLines(notes: notes, method: method, wallTime: wallTime, csv: csvPath, plot: plotPath)
        return lines.joined(separator: "\n")
    }

    /// The recorded times: every record, or every `interval` seconds.
    var times: [Double] { RunFooter.sampledTimes(trajectory.times, every: interval) }

    /// The column name and scale of an observable: V and E in mV, [Ca]ᵢ in mM, currents in µA/cm² (outward).
    static func column(_ name: String) -> (String, Double) {
        switch name {
        case "vm": ("vm_mV", 1e3)
        case let n where n.hasPrefix("E_"): (n + "_mV", 1e3)
        case "Ca_i": ("Ca_i_mM", 1)
        case let n where n.hasPrefix("I."): (n + "_uA_per_cm2", 100)
        default: (name, 1)
        }
    }

    /// The time series: time_s, then every observable of ``LuoRudyModel/observables`` in its unit.
    public var csv: String {
        let columns = LuoRudyModel.observables.map(Self.column)
        var out = (["time_s"] + columns.map(\.0)).joined(separator: ",") + "\n"
        for time in times {
            let (model, y) = trajectory.interpolatedState(at: time)
            let row = [time] + columns.indices.map { model.observe($0, at: time, state: y) * columns[$0].1 }
            out += row.map { JSONValue.number($0).render(pretty: false) }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// V_m with E_K1 and E_Na, and the currents against time (ms).
    public var figure: SVGFigure {
        let times = times
        let states = times.map { trajectory.interpolatedState(at: $0) }
        let ms = times.map { $0 * 1e3 }
        func series(_ name: String, _ label: String, scale: Double) -> SVGPlot.Series {
            let k = LuoRudyModel.observables.firstIndex(of: name)!
            return .init(name: label, x: ms, y: zip(times, states).map { $0.1.model.observe(k, at: $0.0, state: $0.1.state) * scale })
        }
        var v = SVGPlot(title: "luo-rudy-1991: membrane potential (K_o \(Format.significant(model.potassiumOutside, 4)) mM)",
                        xLabel: "time (ms)", yLabel: "mV", series: [series("vm", "V_m", scale: 1e3), series("E_K1", "E_K1", scale: 1e3)])
        v.horizontalLines = [0]
        let c = SVGPlot(title: "ionic currents (outward positive)", xLabel: "time (ms)", yLabel: "µA/cm²",
                        series: [("I.si", "I_si"), ("I.K", "I_K"), ("I.K1", "I_K1"), ("I.Kp", "I_Kp"), ("I.b", "I_b")].map {
                            series($0.0, $0.1, scale: 100)
                        })
        return SVGFigure(panels: [v, c])
    }
}
