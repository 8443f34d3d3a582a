import Membrane
import MembraneReport
import Synchronization

/// `simulate hh`: one excitable cell or a population of independent ones (`cells`) under a constant current clamp
/// from t = 0, run by ``SpikingRun`` (Dormand–Prince 5(4) in SIMD lanes on all cores for held-concentration cells):
/// spike times (upward crossings of 0 mV located on the dense output), spike counts and the final state. For a CSV
/// or a figure of one cell, the same cell is also run on the general ``Simulation`` (Rodas4, every step recorded or
/// resampled every `interval`), which gives gates, currents and concentrations along the way.
public struct HHSimulationRequest: MembraneRequest {
    public static let command = "simulate/hh"
    public static let defaultPreset = "hodgkin-huxley-1952"
    /// Upper bounds that keep one request's memory bounded (a server's concern; a CLI user hitting them runs shards).
    public static let maxCells = 100_000
    public static let maxDuration = 1e6

    public var preset: String?
    /// `NAME=VALUE` overrides of the preset's named parameters (`g_Na=60, E_L=-60`), in the preset's units.
    public var set: Assignments?
    /// Simulated time in seconds (default 1 s).
    public var duration: Scalar?
    /// Constant current density in µA/cm² (depolarising), or `A:B` spread over `cells`.
    public var stimulus: Scalar?
    /// Number of independent cells; cell k gets A + (B − A)·k/(N − 1).
    public var cells: Int?
    /// Dormand–Prince's relative tolerance (default 1e-5: BENCHMARKS.md's tolerance study).
    public var rtol: Scalar?
    /// Resampling interval (s) of the CSV and figure of one cell (default: every step).
    public var interval: Scalar?
    /// The integration method of the presets that run their own model on ``Simulation`` (`rodas4`, `bdf`, `auto`;
    /// default `auto`: Dormand–Prince in spiking stretches, BDF in stiff ones, ``SwitchingIntegrator``). The
    /// Hodgkin–Huxley-type presets run on Dormand–Prince lanes (``SpikingSolver``) and refuse it.
    public var method: String?
    /// How E_Na and E_K arise (``HodgkinHuxleyConcentrations``): `fixed` (NEURON's hh, default), `held` (Nernst of
    /// held concentrations) or `dynamic` (Na⁺ and K⁺ follow the currents; E follows them).
    public var concentrations: String?
    /// With `dynamic`: a restricted extracellular space of this volume relative to the cell's (default: an
    /// infinite bath).
    public var extracellularVolume: Scalar?
    /// With a restricted extracellular space: ION=RATE pairs (s⁻¹) of diffusion to a bath of fixed concentration
    /// (``BathDiffusion``; Cressman et al. 2009's ε = 4/3 s⁻¹ for K⁺).
    public var bathDiffusion: Assignments?
    /// ION=mM: the bath concentration each diffusing ion tends to (default: the initial outside concentration).
    public var bathConcentration: Assignments?
    /// With a restricted extracellular space: the maximal glial K⁺ uptake G, mM/s (``GlialUptake``; Cressman 66).
    public var glialUptake: Scalar?
    /// The glial uptake's half-activation K_sat, mM (default 18).
    public var glialUptakeHalf: Scalar?
    /// The glial uptake's slope s, mM (default 2.5).
    public var glialUptakeSlope: Scalar?
    /// With `concentrations` held or dynamic: a Na⁺/K⁺ pump of maximal current ρ_max in µA/cm² (``HubelUllahPump``:
    /// 3 Na⁺ out, 2 K⁺ in per cycle, saturating in [Na]ᵢ and [K]ₒ as Kager et al. 2000 and Cressman et al. 2009).
    public var pump: Scalar?
    /// Fractional block of named channels by their blockers (``ChannelBlocker``): `TTX=0.5, TEA=1`.
    public var block: Assignments?
    /// The cost of each action potential of the one cell (Na⁺ entering against C·ΔV, the overlap factor, ATP).
    public var spikeCost: Bool?
    /// Current-clamp protocol added to the constant stimulus (``StimulusProtocol/currentClamp(_:field:)``):
    /// `step:start=10,duration=50,amplitude=10; train:…; ramp:…` in ms and µA/cm² (one cell, on ``Simulation``).
    public var stimulusProtocol: String?
    /// Ideal voltage-clamp protocol (``StimulusProtocol/voltageClamp(_:holding:field:)``): `hold=-65;step:start=5,
    /// duration=20,to=-80:40:10` in ms and mV, one sweep per level (``runVoltageClamp(in:)``).
    public var voltageClamp: String?
    /// Per gated ion, `ohmic` or `ghk` (``ChannelPermeation``): `Na=ghk, K=ohmic` (GHK with concentrations held or
    /// dynamic).
    public var permeation: Assignments?
    /// The time (s) at which the Na⁺/K⁺ pump is blocked (ouabain, energy failure), or `none`: `hubel-ullah-2016`'s
    /// `t_pump_stop`; the pump of `cressman-2009`, the pumps of `wei-ullah-schiff-2014` (neuron and glia), and the
    /// `pump-uA-per-cm2` pump of a Hodgkin–Huxley cell, stopped by a timed event (``PumpBlock``).
    public var pumpBlockAt: Scalar?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case preset, set, duration, cells, rtol, interval, concentrations, block, method
        case stimulus = "stimulus-uA-per-cm2", extracellularVolume = "extracellular-volume-relative", spikeCost = "spike-cost"
        case stimulusProtocol = "stimulus-protocol", voltageClamp = "voltage-clamp", permeation
        case bathDiffusion = "bath-diffusion-per-s", bathConcentration = "bath-concentration"
        case glialUptake = "glial-uptake-mM-per-s", glialUptakeHalf = "glial-uptake-half-mM", glialUptakeSlope = "glial-uptake-slope-mM"
        case pump = "pump-uA-per-cm2", pumpBlockAt = "pump-block-at"
    }

    public init(preset: String? = nil) { self.preset = preset }

    /// Every preset `simulate hh` runs: the Hodgkin–Huxley-type scenarios, `hubel-ullah-2016`, `luo-rudy-1991`, `cressman-2009` and `wei-ullah-schiff-2014`.
    public static var presetNames: [String] {
        ScenarioPreset.excitable.map(\.name) + [HubelUllah2016.preset.name, LuoRudy1991.preset.name, Cressman2009.preset.name,
                                                 WeiUllahSchiff2014.preset.name]
    }

    /// The preset, with `set` and `block` applied: the scenario, the parameters in force and a sentence per block.
    public func presetScenario() throws -> (ScenarioPreset, Scenario, [PresetParameter], blockNotes: [String]) {
        let r = try presetWithOverrides()
        return (r.preset, r.scenario, r.parameters, r.blockNotes)
    }

    /// ``presetScenario()`` with the overrides applied (name → value), so that cells of a population can be rebuilt
    /// with more of them.
    func presetWithOverrides() throws -> (preset: ScenarioPreset, scenario: Scenario, parameters: [PresetParameter],
                                          blockNotes: [String], overrides: [(name: String, value: Double)]) {
        let name = preset ?? Self.defaultPreset
        let found: ScenarioPreset
        do { found = try ScenarioPreset.excitable(named: name) } catch let error as MembraneError {
            if Scenario.pumpLeakPresets.contains(where: { $0.name == name.lowercased() }) {
                throw MembraneError.invalidValue(field: "preset", value: name,
                                                 allowed: "an excitable-cell preset (\(Self.presetNames.joined(separator: ", "))); \(name) is a pump–leak model: membrane simulate pump-leak --preset \(name)")
            }
            if case .unknownName(let field, let value, _) = error {
                throw MembraneError.unknownName(field: field, value: value, suggestions: closestNames(to: name, among: Self.presetNames))
            }
            throw error
        }
        let p = try Self.treatment(of: found, concentrations: concentrations, extracellularVolume: extracellularVolume)
        // `set` names of the extracellular exchange (glia.K.G_max, …) go to ``withExchange(_:)``, the others to the preset.
        var presetOnly = self
        presetOnly.set = try exchangeSettings().rest
        let settings = try presetOnly.settings(of: p.parameters, example: "g_Na=60, E_L=-60")
        if settings.overrides.contains(where: { $0.name == "K_o" }), !p.parameters.contains(where: { $0.name == "K_o" }) {
            throw MembraneError.invalidValue(field: "set", value: set?.text ?? "",
                                             allowed: "K_o with `concentrations` held or dynamic (with E fixed, as in NEURON's hh, concentrations do not enter: set E_K instead)")
        }
        return (p, try withExchange(withPumpBlock(withPump(withPermeation(p.scenario(setting: settings.overrides))))), settings.inForce, settings.notes,
                settings.overrides)
    }

    /// `set` parsed once and the channels of `block` scaled (``ChannelBlocker/apply(_:to:parameters:field:)``): the
    /// overrides to apply, the preset's `parameters` with them in force, and a sentence per block.
    func settings(of parameters: [PresetParameter], example: String) throws
        -> (overrides: [(name: String, value: Double)], inForce: [PresetParameter], notes: [String]) {
        let typed = try set.map { try $0.namedValues(field: "set", example: example) } ?? []
        let blocks = try block.map { try ChannelBlocker.parse($0.text, field: "block") } ?? []
        let (overrides, notes) = try ChannelBlocker.apply(blocks, to: typed, parameters: parameters)
        var inForce = parameters
        for (name, value) in overrides {
            if let i = inForce.firstIndex(where: { $0.name == name }) { inForce[i].value = value }
        }
        return (overrides, inForce, notes)
    }

    /// `duration` in seconds (`seconds` when not given), refused outside (0, ``maxDuration``].
    func durationSeconds(default seconds: Double) throws -> Double {
        let allowed = "a duration > 0 s, at most \(Int(Self.maxDuration)) s"
        let value = try (duration ?? Scalar("\(seconds)")).positive(field: "duration", allowed: allowed)
        guard value <= Self.maxDuration else {
            throw MembraneError.invalidValue(field: "duration", value: duration?.text ?? "", allowed: allowed)
        }
        return value
    }

    /// The preset with the concentration treatment asked for (only `hodgkin-huxley-1952` offers them).
    static func treatment(of preset: ScenarioPreset, concentrations: String?, extracellularVolume: Scalar?) throws -> ScenarioPreset {
        let allowed = "fixed (E_Na, E_K fixed numbers, NEURON's hh), held (Nernst of held concentrations) or dynamic (Na⁺ and K⁺ follow the currents)"
        let mode = concentrations?.lowercased() ?? "fixed"
        let ecs = try extracellularVolume.map { try $0.positive(field: "extracellular-volume-relative", allowed: "a volume > 0 relative to the cell's") }
        if ecs != nil, mode != "dynamic" {
            throw MembraneError.invalidValue(field: "extracellular-volume-relative", value: extracellularVolume?.text ?? "",
                                             allowed: "a restricted extracellular space with `concentrations` dynamic")
        }
        let treatment: HodgkinHuxleyConcentrations
        switch mode {
        case "fixed": return preset
        case "held": treatment = .held
        case "dynamic": treatment = .dynamic(extracellularVolume: ecs)
        default: throw MembraneError.invalidValue(field: "concentrations", value: concentrations ?? "", allowed: allowed)
        }
        guard preset.name == ScenarioPreset.hodgkinHuxley1952.name else {
            throw MembraneError.invalidValue(field: "concentrations", value: mode, allowed: "fixed for \(preset.name)")
        }
        return ScenarioPreset.hodgkinHuxley1952(concentrations: treatment)
    }

    /// The stimulus as A and B in µA/cm² (equal for a single value).
    func stimulusRange() throws -> (Double, Double) {
        guard let stimulus else { return (0, 0) }
        let parts = stimulus.text.split(separator: ":", omittingEmptySubsequences: false)
        let allowed = "a current density in µA/cm² (10), or FROM:TO (0:20) spread over `cells`"
        switch parts.count {
        case 1:
            let x = try QuantityParser.number(stimulus.text, field: "stimulus-uA-per-cm2", allowed: allowed)
            return (x, x)
        case 2:
            guard let a = try? QuantityParser.number(String(parts[0]), field: "stimulus-uA-per-cm2"),
                  let b = try? QuantityParser.number(String(parts[1]), field: "stimulus-uA-per-cm2") else {
                throw MembraneError.invalidValue(field: "stimulus-uA-per-cm2", value: stimulus.text, allowed: allowed)
            }
            return (a, b)
        default:
            throw MembraneError.invalidValue(field: "stimulus-uA-per-cm2", value: stimulus.text, allowed: allowed)
        }
    }

    /// The cells to run (their duration and solver), the preset, its parameters as run and a sentence per block.
    public func spikingRun() throws -> (SpikingRun, ScenarioPreset, [PresetParameter], blockNotes: [String]) {
        let r = try spikingRunWithSpreads()
        return (r.run, r.preset, r.parameters, r.blockNotes)
    }

    /// ``spikingRun()`` with each cell's values of the `set` ranges (``ParameterSpread``; empty without ranges).
    func spikingRunWithSpreads() throws -> (run: SpikingRun, preset: ScenarioPreset, parameters: [PresetParameter],
                                            blockNotes: [String], cellValues: [[(String, Double)]]) {
        let (rest, spreads) = try parameterSpreads()
        // The exchange's names (bath_diffusion.K.rate, glia.K.G_max, …) go to each cell's exchange, the rest to the preset.
        let exchangeSpreads = spreads.filter { Self.isExchangeParameter($0.name) }
        let presetSpreads = spreads.filter { !Self.isExchangeParameter($0.name) }
        var single = self
        // An exchange range enters the shared scenario at its first cell's value, so that a single shape (glia.K.K_half)
        // finds its process on; each cell then sets its own value (``withExchange(_:setting:)``).
        let exchangeFrom = exchangeSpreads.map { "\($0.name)=\($0.from)" }
        single.set = exchangeFrom.isEmpty ? rest : Assignments(([rest?.text].compactMap { $0 } + exchangeFrom).joined(separator: ", "))
        let (preset, scenario, parameters, notes, overrides) = try single.presetWithOverrides()
        let seconds = try durationSeconds(default: 1)
        if let cells, !(1...Self.maxCells).contains(cells) {
            throw MembraneError.invalidValue(field: "cells", value: "\(cells)", allowed: "1 to \(Self.maxCells) cells")
        }
        let (a, b) = try stimulusRange()
        if cells == nil, a != b {
            throw MembraneError.invalidValue(field: "stimulus-uA-per-cm2", value: stimulus?.text ?? "",
                                             allowed: "one current density for one cell; FROM:TO needs `cells` (--cells N)")
        }
        let population: [Scenario], cellValues: [[(String, Double)]]
        if spreads.isEmpty {
            population = try withProtocol(SpikingRun.stimulusSpread(scenario, count: cells ?? 1,
                                                                    from: .microamperesPerSquareCentimetre(a), to: .microamperesPerSquareCentimetre(b)))
            cellValues = []
        } else {
            let count = cells ?? 1
            // Each cell's values of every range: reported as its `set`, and its exchange's applied from the same list.
            cellValues = (0..<count).map { k in spreads.map { ($0.name, $0.value(cell: k, of: count)) } }
            let spread = try Self.spreadCells(preset, overrides: overrides, spreads: presetSpreads, count: count, stimulus: (a, b))
            population = try withProtocol(spread.enumerated().map { k, cell in
                try single.withExchange(withPumpBlock(withPump(withPermeation(cell))),
                                        setting: cellValues[k].filter { Self.isExchangeParameter($0.0) }.map { (name: $0.0, value: $0.1) })
            })
        }
        var solver = SpikingSolver()
        if let rtol {
            solver.relativeTolerance = try rtol.positive(field: "rtol", allowed: "a relative tolerance in (0, 1), e.g. 1e-5")
        }
        return (SpikingRun(cells: population, duration: seconds, solver: solver), preset, parameters, notes, cellValues)
    }

    public struct Output: Renderable {
        /// What ran: the Hodgkin–Huxley-type cells of ``SpikingRun`` (with one cell's time course for a CSV or
        /// figure), or the Hübel–Ullah 2016 cell on ``Simulation``.
        public enum Run {
            case spiking(SpikingReport, trajectory: Trajectory<CellModel>?)
            case hubelUllah(HubelUllahReport)
            case voltageClamp(VoltageClampReport)
            case luoRudy(LuoRudyReport)
            /// The Cressman et al. 2009 cell on ``Simulation``.
            case cressman(CressmanReport)
            /// The Wei–Ullah–Schiff 2014 cell on ``Simulation``.
            case weiUllahSchiff(WeiUllahSchiffReport)
        }
        public var run: Run
        public var interval: Double?
        public var json: JSONValue {
            switch run { case .spiking(let r, _): r.json; case .hubelUllah(let r): r.json; case .voltageClamp(let r): r.json; case .luoRudy(let r): r.json; case .cressman(let r): r.json; case .weiUllahSchiff(let r): r.json }
        }
        public var text: String {
            switch run { case .spiking(let r, _): r.text; case .hubelUllah(let r): r.text; case .voltageClamp(let r): r.text; case .luoRudy(let r): r.text; case .cressman(let r): r.text; case .weiUllahSchiff(let r): r.text }
        }

        /// The time series of one cell: the state object's names, then each gate, E and current.
        public var csv: String? {
            switch run {
            case .spiking(_, let trajectory): trajectory.map { SpikingReport.csv($0, interval: interval) }
            case .hubelUllah(let r): r.csv
            case .voltageClamp(let r): r.csv
            case .luoRudy(let r): r.csv
            case .cressman(let r): r.csv
            case .weiUllahSchiff(let r): r.csv
            }
        }

        /// Records the files written, for the report.
        public mutating func wrote(csv: String?, plot: String?) {
            switch run {
            case .spiking(var r, let trajectory):
                (r.csvPath, r.plotPath) = (csv, plot)
                run = .spiking(r, trajectory: trajectory)
            case .hubelUllah(var r):
                (r.csvPath, r.plotPath) = (csv, plot)
                run = .hubelUllah(r)
            case .voltageClamp(var r):
                (r.csvPath, r.plotPath) = (csv, plot)
                run = .voltageClamp(r)
            case .luoRudy(var r):
                (r.csvPath, r.plotPath) = (csv, plot)
                run = .luoRudy(r)
            case .cressman(var r):
                (r.csvPath, r.plotPath) = (csv, plot)
                run = .cressman(r)
            case .weiUllahSchiff(var r):
                (r.csvPath, r.plotPath) = (csv, plot)
                run = .weiUllahSchiff(r)
            }
        }
    }

    /// V_m, the currents and the concentrations against time (one cell).
    public func figure(of output: Output) -> SVGFigure? {
        switch output.run {
        case .spiking(_, let trajectory): trajectory.map { SpikingReport.figure($0, interval: output.interval) }
        case .hubelUllah(let r): r.figure
        case .voltageClamp(let r): r.figure
        case .luoRudy(let r): r.figure
        case .cressman(let r): r.figure
        case .weiUllahSchiff(let r): r.figure
        }
    }

    /// Runs the cells; when the caller wants the figure (`--plot`, `--csv`, `POST /api/plot/simulate/hh`), also the
    /// single cell on the general simulation for its time series. `hubel-ullah-2016` runs on its own model
    /// (``runHubelUllah(in:)``).
    public func run(in context: inout RequestContext) throws -> Output {
        if (preset ?? Self.defaultPreset).lowercased() == HubelUllah2016.preset.name { return try runHubelUllah(in: &context) }
        if (preset ?? Self.defaultPreset).lowercased() == Cressman2009.preset.name { return try runCressman(in: &context) }
        if (preset ?? Self.defaultPreset).lowercased() == WeiUllahSchiff2014.preset.name { return try runWeiUllahSchiff(in: &context) }
        if (preset ?? Self.defaultPreset).lowercased() == LuoRudy1991.preset.name { return try runLuoRudy(in: &context) }
        if let method {
            throw MembraneError.invalidValue(field: "method", value: method,
                                             allowed: "no method for \(preset ?? Self.defaultPreset): the Hodgkin–Huxley-type presets run on Dormand–Prince 5(4) in SIMD lanes (set rtol instead); method (rodas4, bdf, auto) applies to hubel-ullah-2016, cressman-2009, wei-ullah-schiff-2014 and luo-rudy-1991")
        }
        if voltageClamp != nil { return try runVoltageClamp(in: &context) }
        try checkSpikeCost()
        let (run, preset, parameters, notes, cellValues) = try spikingRunWithSpreads()
        for note in notes { context.warn(note) }
        let interval = try interval.map { try $0.positive(field: "interval", allowed: "a sampling interval > 0 s") }
        if let interval {
            try SimulationDefaults.checkSampleCount(interval: interval, typed: self.interval?.text ?? "", duration: run.duration)
        }
        let monitor = RunMonitor(shouldStop: context.shouldStop, progress: context.progress, cells: run.cells.count)
        let clock = ContinuousClock(), started = clock.now
        let result = try run.run(monitor: { finished in monitor.goOn(finished: finished) })
        let elapsed = clock.now - started
        if result.termination == .interrupted { context.status = .interrupted }
        var trajectory: Trajectory<CellModel>?
        if context.wantsFigure || context.wantsTimeSeries, run.cells.count == 1, result.termination != .interrupted {
            var scenario = run.cells[0]
            scenario.duration = run.duration
            // Samples every `interval` are taken during the run (nothing stored per step); without, every step.
            var simulation = try Simulation(scenario: scenario, solver: SimulationSolver(relativeTolerance: 1e-8),
                                            recording: interval.map { Recording.interval($0) } ?? .everyStep)
            let (termination, _) = SimulationDriver.run(&simulation, context: &context)
            trajectory = simulation.trajectory(termination: termination)
        }
        let costs = spikeCost == true && result.termination != .interrupted
            ? try spikeCosts(of: run.cells[0], duration: run.duration, in: &context) : nil
        var report = SpikingReport(result: result, duration: run.duration, preset: preset.name, parameters: parameters,
                                   single: cells == nil, cellParameters: cellValues, stimulusProtocol: stimulusProtocol,
                                   wallTime: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        report.costs = costs
        return Output(run: .spiking(report, trajectory: trajectory), interval: interval)
    }
}

/// The caller's stop request and progress report, called from the worker threads of a ``SpikingRun``: the stop is
/// the command line's atomic SIGINT flag or a server's deadline (safe from any thread); progress reports (cells
/// finished of all) are serialised by a lock, as the progress bar is not thread-safe.
final class RunMonitor: @unchecked Sendable {
    let shouldStop: () -> Bool
    let progress: ((Double, () -> String) -> Void)?
    let cells: Int
    let lock = Mutex(())

    init(shouldStop: @escaping () -> Bool, progress: ((Double, () -> String) -> Void)?, cells: Int) {
        self.shouldStop = shouldStop
        self.progress = progress
        self.cells = cells
    }

    /// Reports progress; false when the caller asks to stop.
    func goOn(finished: Int) -> Bool {
        if let progress {
            lock.withLock { _ in progress(Double(finished) / Double(cells)) { "\(finished) of \(self.cells) cells" } }
        }
        return !shouldStop()
    }
}
