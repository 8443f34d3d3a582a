import Membrane

/// `membrane simulate hh --preset cressman-2009`: the seizure neuron of Cressman et al. 2009 with the 2011 erratum
/// (J Comput Neurosci 26:159–170 and 30:781) — spike times, bursts (runs of spikes less than ``burstGap`` apart)
/// with [K]ₒ and [Na]ᵢ at their first and last spikes, the final state and, with a CSV or figure, the time course.
///
/// The JSON has the keys of ``SpikingReport`` for one cell (`spike_count`, `spike_times_ms`, `final`, …) so that a
/// script reads every preset alike; the temperature is the one the hard-coded RT/F = 26.64 mV implies,
/// T = 26.64 mV · F/R (CODATA 2018 F and R).
public struct CressmanReport: Renderable {
    /// The run: crossings (with their states) and the final state, or a time course for a CSV or figure.
    public var trajectory: Trajectory<CressmanModel>
    /// Why the run ended.
    public var termination: Termination
    /// The requested simulated time, s.
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
    /// Where the CSV was written, if it was.
    public var csvPath: String?
    /// Where the figure was written, if it was.
    public var plotPath: String?

    /// Spikes closer than this (s) belong to one burst: within a burst of the seizure-like state they come every
    /// 30–60 ms, and bursts are tens of seconds apart.
    public static let burstGap = 1.0

    /// A report of a finished (or stopped) run.
    public init(trajectory: Trajectory<CressmanModel>, termination: Termination, duration: Double,
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

    var model: Cressman2009 { trajectory.model.parameters }
    var spikeTimes: [Double] { trajectory.crossingTimes(of: "spike") }

    /// A run of spikes less than ``burstGap`` apart: its first and last spike times (s), its spike count, [K]ₒ and
    /// [Na]ᵢ (mM) at the first and the last spike, and the highest [K]ₒ at any of its spikes (in the seizure-like
    /// state [K]ₒ peaks within the first seconds of a burst and falls while [Na]ᵢ, and with it the pump, rises).
    public struct Burst: Sendable {
        /// First and last spike, s.
        public var start: Double, end: Double
        /// Spikes in the burst.
        public var spikes: Int
        /// [K]ₒ at the first and last spike, mM.
        public var potassiumOutside: (start: Double, end: Double)
        /// The highest [K]ₒ at a spike of the burst, mM.
        public var potassiumOutsidePeak: Double
        /// [Na]ᵢ at the first and last spike, mM.
        public var sodiumInside: (start: Double, end: Double)
    }

    /// The bursts of spike times `times` (s, increasing): runs of spikes less than `gap` apart.
    public static func bursts(of times: [Double], gap: Double = burstGap) -> [ClosedRange<Int>] {
        guard !times.isEmpty else { return [] }
        var runs: [ClosedRange<Int>] = [], first = 0
        for i in 1..<max(times.count, 1) where times[i] - times[i - 1] >= gap {
            runs.append(first...(i - 1))
            first = i
        }
        runs.append(first...(times.count - 1))
        return runs
    }

    /// The run's bursts with the concentrations at their spikes (the recorded crossing states; interpolated when the
    /// run was resampled every `interval`).
    public var bursts: [Burst] {
        let times = spikeTimes
        return Self.bursts(of: times).map { r in
            let states = r.map { trajectory.interpolatedState(at: times[$0]).state }
            let a = states.first!, b = states.last!
            return Burst(start: times[r.lowerBound], end: times[r.upperBound], spikes: r.count,
                         potassiumOutside: (a[3], b[3]), potassiumOutsidePeak: states.map { $0[3] }.max()!,
                         sodiumInside: (a[4], b[4]))
        }
    }

    /// The mean interval between the onsets of the bursts after the first (the first starts from the initial
    /// state), s; nil with fewer than three bursts.
    public static func period(of bursts: [Burst]) -> Double? {
        guard bursts.count >= 3 else { return nil }
        return (bursts.last!.start - bursts[1].start) / Double(bursts.count - 2)
    }

    /// The temperature at which RT/F equals the paper's 26.64 mV: T = (RT/F)·F/R with CODATA 2018 F and R (≈ 309.1 K).
    public static var impliedTemperatureKelvin: Double {
        Cressman2009.thermalVoltage * 1e-3 * ConstantSet.codata2018.faraday / ConstantSet.codata2018.gasConstant
    }

    /// The state object of a Cressman state: V_m, concentrations, the volumes (fixed: `volume_relative` 1, the
    /// extracellular space 1/β of the cell; the paper gives no absolute volume, so `volume_um3` is null), each E, and
    /// the pump, glia and diffusion terms.
    public static func stateJSON(_ s: CressmanState, beta: Double) -> JSONValue {
        .object([
            ("time_s", .number(s.time)),
            ("vm_mV", .number(s.potential)),
            ("inside_mM", .object(s.inside.map { ($0.ion, .number($0.millimolar)) })),
            ("outside_mM", .object(s.outside.map { ($0.ion, .number($0.millimolar)) })),
            ("volume_um3", .null),
            ("volume_relative", .number(1)),
            ("extracellular_volume_relative", .number(1 / beta)),
            ("reversal_mV", .object(s.reversal.map { ($0.ion, .number($0.millivolts)) })),
            ("pump_mM_per_s", .number(s.pump)),
            ("glia_mM_per_s", .number(s.glia)),
            ("diffusion_mM_per_s", .number(s.diffusion)),
        ])
    }

    /// The report as JSON (docs/CLI-CONTRACT.md).
    public var json: JSONValue {
        let final = trajectory.finalState
        let spikes = spikeTimes, bursts = bursts
        let sources: [(String, JSONValue)] = [
            ("Na", .object([("source", .string("changing_concentrations")),
                            ("description", .string("Nernst potential of [Na]o = 144 − β([Na]i − 18) mM over [Na]i, which follows I_Na and the pump (RT/F = 26.64 mV)"))])),
            ("K", .object([("source", .string("changing_concentrations")),
                           ("description", .string("Nernst potential of [K]o, which follows I_K, pump, glia and bath, over [K]i = 158 mM − [Na]i (RT/F = 26.64 mV)"))])),
            ("Cl", .object([("source", .string("held_concentrations")),
                            ("description", .string("Nernst potential of 6 mM inside, 130 mM outside (RT/F = 26.64 mV)"))])),
        ]
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
        let burstJSON: [JSONValue] = bursts.map { b in
            .object([("start_s", .number(b.start)), ("end_s", .number(b.end)), ("spike_count", .integer(b.spikes)),
                     ("K_o_start_mM", .number(b.potassiumOutside.start)), ("K_o_peak_mM", .number(b.potassiumOutsidePeak)),
                     ("K_o_end_mM", .number(b.potassiumOutside.end)),
                     ("Na_i_start_mM", .number(b.sodiumInside.start)), ("Na_i_end_mM", .number(b.sodiumInside.end))])
        }
        var pairs: [(String, JSONValue)] = [
            ("model", .string("hh")),
            ("preset", .string(Cressman2009.preset.name)),
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
            ("k_bath_mM", .number(model.kBath)),
            ("pump_block_s", model.pumpBlockTime.map { JSONValue.number($0) } ?? .null),
            ("burst_gap_s", .number(Self.burstGap)),
            ("burst_count", .integer(bursts.count)),
            ("burst_period_s", Self.period(of: bursts).map { JSONValue.number($0) } ?? .null),
            ("bursts", .array(burstJSON)),
            ("final", Self.stateJSON(final, beta: model.beta)),
        ] + RunFooter.jsonPairs(method: method, statistics: statistics, notes: model.notes, csv: csvPath, plot: plotPath)
        pairs += RunFooter.publishedConstantsPairs(source: Cressman2009.preset.source, thermalVoltage: Cressman2009.thermalVoltage,
                                                   kelvin: kelvin, constants: "cressman-2009 (RT/F = 26.64 mV and γ = 0.044494542 mM/s per µA/cm² as published)")
        return .object(pairs)
    }

    /// The report for a terminal.
    public var text: String {
        let final = trajectory.finalState
        let spikes = spikeTimes, bursts = bursts
        var lines = ["\(Cressman2009.preset.name): \(Cressman2009.preset.summary)",
                     "simulated \(Format.significant(duration, 6)) s at bath K⁺ \(Format.significant(model.kBath, 6)) mM: \(termination.name)"
                        + (termination.reason.map { " (\($0))" } ?? "")]
        lines.append(Format.spikeList(spikes, unit: "s", decimals: 4))
        if !bursts.isEmpty {
            var table = TextTable(headers: ["burst", "from (s)", "to (s)", "spikes", "[K]o first → peak → last (mM)", "[Na]i (mM)"],
                                  alignments: [.right, .right, .right, .right, .right, .right])
            for (k, b) in bursts.prefix(12).enumerated() {
                table.add(["\(k + 1)", Format.fixed(b.start, 3), Format.fixed(b.end, 3), "\(b.spikes)",
                           "\(Format.fixed(b.potassiumOutside.start, 2)) → \(Format.fixed(b.potassiumOutsidePeak, 2)) → \(Format.fixed(b.potassiumOutside.end, 2))",
                           "\(Format.fixed(b.sodiumInside.start, 2)) → \(Format.fixed(b.sodiumInside.end, 2))"])
            }
            lines.append("\(bursts.count) burst\(bursts.count == 1 ? "" : "s") (spikes < \(Format.significant(Self.burstGap, 3)) s apart)"
                         + (Self.period(of: bursts).map { ", period \(Format.fixed($0, 3)) s" } ?? "")
                         + (bursts.count > 12 ? " (first 12 shown)" : ""))
            lines.append(table.render())
        }
        var table = TextTable(headers: ["ion", "inside (mM)", "outside (mM)", "E (mV)"], alignments: [.left, .right, .right, .right])
        for k in final.reversal.indices {
            table.add([final.inside[k].ion, Format.fixed(final.inside[k].millimolar, 3), Format.fixed(final.outside[k].millimolar, 3),
                       Format.fixed(final.reversal[k].millivolts, 2)])
        }
        lines += ["final state at \(Format.significant(final.time, 6)) s: V_m = \(Format.fixed(final.potential, 3)) mV, [Ca]i = \(Format.significant(final.inside[3].millimolar, 4)) mM; "
                  + "pump \(Format.significant(final.pump, 4)), glia \(Format.significant(final.glia, 4)), diffusion \(Format.significant(final.diffusion, 4)) mM/s",
                  table.render()]
        lines += RunFooter.textLines(notes: model.notes, method: method, wallTime: wallTime, csv: csvPath, plot: plotPath)
        lines.append("RT/F = 26.64 mV as published (≈ \(Format.fixed(Self.impliedTemperatureKelvin - 273.15, 1)) °C)")
        return lines.joined(separator: "\n")
    }

    /// The recorded times: every record, or every `interval` seconds.
    var times: [Double] { RunFooter.sampledTimes(trajectory.times, every: interval) }

    /// The CSV column name and the factor from SI of each observable of ``CressmanModel/observables``.
    static func column(_ name: String) -> (String, Double) {
        switch name {
        case "vm": return ("vm_mV", 1e3)
        case let n where n.hasPrefix("E_"): return (n + "_mV", 1e3)
        case let n where n.hasPrefix("inside.") || n.hasPrefix("outside."):
            let parts = n.split(separator: ".")
            return ("\(parts[0])_mM.\(parts[1])", 1)
        case let n where n.hasPrefix("I."): return (n + "_uA_per_cm2", 100)
        case let n where n.hasPrefix("J."): return (n + "_mM_per_s", 1)
        default: return (name, 1)
        }
    }

    /// The time series: time_s, then every observable of ``CressmanModel/observables`` in the paper's units (mV, mM,
    /// µA/cm² outward positive, mM/s).
    public var csv: String {
        let columns = CressmanModel.observables.map(Self.column)
        var out = (["time_s"] + columns.map(\.0)).joined(separator: ",") + "\n"
        for time in times {
            let (model, y) = trajectory.interpolatedState(at: time)
            let row = [time] + columns.indices.map { model.observe($0, at: time, state: y) * columns[$0].1 }
            out += row.map { JSONValue.number($0).render(pretty: false) }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// V_m with E_K and E_Na, [K]ₒ and [Na]ᵢ, and the pump's, glia's and diffusion's shares of the K⁺ clearance
    /// (2β·I_pump, I_glia, I_diff in mM/s of extracellular K⁺), against time (s).
    public var figure: SVGFigure {
        let times = times
        let states = times.map { trajectory.interpolatedState(at: $0) }
        func series(_ name: String, _ label: String, scale: Double) -> SVGPlot.Series {
            let k = CressmanModel.observables.firstIndex(of: name)!
            return .init(name: label, x: times, y: zip(times, states).map { $0.1.model.observe(k, at: $0.0, state: $0.1.state) * scale })
        }
        var v = SVGPlot(title: "cressman-2009: membrane potential and reversal potentials", xLabel: "time (s)", yLabel: "mV",
                        series: [series("vm", "V_m", scale: 1e3), series("E_K", "E_K", scale: 1e3), series("E_Na", "E_Na", scale: 1e3)])
        v.horizontalLines = [0]
        let c = SVGPlot(title: "[K]o and [Na]i", xLabel: "time (s)", yLabel: "mM",
                        series: [series("outside.K", "[K]o", scale: 1), series("inside.Na", "[Na]i", scale: 1)])
        // Each term's share of −d[K]o/dt: the pump takes 2 K⁺ per cycle from a volume β times smaller (2β·I_pump).
        let j = SVGPlot(title: "K⁺ clearance from the extracellular space (−d[K]o/dt terms)", xLabel: "time (s)", yLabel: "mM/s",
                        series: [series("J.pump", "pump 2β·I_pump", scale: 2 * model.beta), series("J.glia", "glia I_glia", scale: 1),
                                 series("J.diffusion", "diffusion I_diff", scale: 1)])
        return SVGFigure(panels: [v, c, j])
    }
}
