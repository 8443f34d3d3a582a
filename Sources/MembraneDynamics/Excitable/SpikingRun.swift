import MembraneUnits
import MembraneNumerics
import MembraneLanes

/// How a ``SpikingRun`` integrates: the explicit Dormand–Prince 5(4) method in SIMD lanes for cells the
/// ``GatedCellKernel`` can run (held concentrations, Hodgkin–Huxley channels, passive currents, constant stimuli:
/// a non-stiff system, for which an explicit high-order method with its dense output is the efficient choice), the
/// general ``Simulation`` (stiff methods) for any other cell.
public struct SpikingSolver: Sendable {
    /// Dormand–Prince's relative tolerance and absolute tolerances of V (volts) and of the gates.
    public var relativeTolerance: Double
    /// Dormand–Prince's absolute tolerance of V_m, volts.
    public var potentialTolerance: Double
    /// Dormand–Prince's absolute tolerance of the gating variables (dimensionless).
    public var gateTolerance: Double
    /// Worker threads (each runs its own lanes and takes the next cell from a shared counter).
    public var threads: Int
    /// Cells per vector for the kernel: 2, 4 or 8; nil: 2 for a single cell, 4 for more (the fastest on x86-64, where
    /// 8 lanes spill registers and run slower).
    public var lanes: Int?
    /// The method for cells the kernel cannot run.
    public var general: SimulationSolver
    /// Whether cells whose channels are exactly the squid axon's run on the ``HodgkinHuxley1952Kernel``, its rates
    /// compiled in (the same equations as the general ``GatedCellKernel``, 1.2–1.6× faster on a population); false
    /// runs every cell on the general kernel (for comparison).
    public var compiledKernels: Bool
    /// The vector instructions of the kernel path; nil: the best this build runs on this processor
    /// (``VectorInstructionSet/best``: AVX2 where the processor has it, 1.5–1.9× faster on x86-64 than the portable
    /// SSE2 code on the squid axon's kernel and 1.15–1.25× on the general one, with the same results to the bit).
    public var instructionSet: VectorInstructionSet?

    /// The defaults (rtol 10⁻⁵, atol 10 µV and 10⁻⁵) hold the 684 spike times of Tests/Reference/hh's 10 s train at
    /// 10 µA/cm² within 0.02 ms of DOP853 at 10⁻¹² (NEURON's fixed step: 44.7 ms, three spikes lost) and give every
    /// spike count of its 1000-cell population (BENCHMARKS.md "Hodgkin–Huxley" has the tolerance study).
    public init(relativeTolerance: Double = 1e-5, potentialTolerance: Double = 1e-5, gateTolerance: Double = 1e-5,
                threads: Int = 2, lanes: Int? = nil, general: SimulationSolver = SimulationSolver(relativeTolerance: 1e-8),
                compiledKernels: Bool = true, instructionSet: VectorInstructionSet? = nil) {
        self.relativeTolerance = relativeTolerance
        self.potentialTolerance = potentialTolerance
        self.gateTolerance = gateTolerance
        self.threads = threads
        self.lanes = lanes
        self.general = general
        self.compiledKernels = compiledKernels
        self.instructionSet = instructionSet
    }

    /// The Dormand–Prince settings for a kernel of `gates` gates, in its units (mV and 1).
    func dormandPrince(gates: Int) -> DormandPrinceSolver {
        DormandPrinceSolver(relativeTolerance: relativeTolerance,
                            absoluteTolerances: [potentialTolerance * 1e3] + [Double](repeating: gateTolerance, count: gates))
    }

    func validate() throws {
        try MembraneError.requirePositive(relativeTolerance, field: "rtol", allowed: "a relative tolerance in (0, 1), e.g. 1e-9")
        guard relativeTolerance < 1 else {
            throw MembraneError.invalidValue(field: "rtol", value: "\(relativeTolerance)", allowed: "a relative tolerance in (0, 1)")
        }
        try MembraneError.requirePositive(potentialTolerance, field: "atol (V)", allowed: "an absolute tolerance > 0 V")
        try MembraneError.requirePositive(gateTolerance, field: "atol (gates)", allowed: "an absolute tolerance > 0")
        guard (1...256).contains(threads) else {
            throw MembraneError.invalidValue(field: "threads", value: "\(threads)", allowed: "1 to 256 worker threads")
        }
        if let lanes, ![2, 4, 8].contains(lanes) {
            throw MembraneError.invalidValue(field: "lanes", value: "\(lanes)", allowed: "2, 4 or 8 cells per vector")
        }
        if let instructionSet, !VectorInstructionSet.available.contains(instructionSet) {
            throw MembraneError.invalidValue(field: "instruction set", value: instructionSet.rawValue,
                                             allowed: "one this build runs on this processor: "
                                                + VectorInstructionSet.available.map(\.rawValue).joined(separator: ", "))
        }
    }
}

/// What a spiking run gives for one cell.
public struct CellOutcome: Sendable {
    /// The cell's place in the population (0-based).
    public var index: Int
    /// The scenario it ran.
    public var scenario: Scenario
    /// Upward crossings of the threshold, in seconds, located on the dense output.
    public var spikeTimes: [Double]
    /// The time reached and the state there (a ``CellModel`` state vector of ``scenario``).
    public var finalTime: Double
    /// The ``CellModel`` state vector at ``finalTime``.
    public var finalState: [Double]
    /// How the cell's run ended: `finished` at the run's duration, `interrupted` by the monitor, or at the step limit
    /// or a failure of the integrator.
    public var termination: Termination

    /// The number of spikes (threshold crossings).
    public var spikeCount: Int { spikeTimes.count }
    /// The time of the first spike, seconds; nil when the cell never fired.
    public var firstSpike: Double? { spikeTimes.first }
    /// The constant current density of the cell's current clamps (its stimulus), A/m².
    public var stimulus: CurrentDensity {
        .amperesPerSquareMetre(scenario.stimuli.reduce(0) { s, x in
            if case .currentClamp(.constant(let a)) = x { return s + a }
            return s
        })
    }

    /// The cell state at the end (compiles the cell's model).
    public func final() throws -> CellState {
        try CellModel(scenario).cellState(time: finalTime, state: finalState)
    }
}

/// The outcome of a ``SpikingRun``: each cell's spikes and final state, in cell order.
public struct PopulationResult: Sendable {
    /// Each cell's outcome, in the order of ``SpikingRun/cells``.
    public var cells: [CellOutcome]
    /// How the cells were integrated ("Dormand–Prince 5(4), 4 cells per SIMD vector, 2 threads").
    public var method: String
    /// Why the cells ran on the general simulation rather than the vectorised kernel (nil: they ran on the kernel).
    public var generalPathReason: String?
    /// The integrators' work, summed over cells.
    public var statistics: IntegratorStatistics
    /// `finished`, or `interrupted` when the monitor stopped the run (the cells keep what was computed).
    public var termination: Termination

    /// Spikes of every cell.
    public var spikeCount: Int { cells.reduce(0) { $0 + $1.spikeCount } }
}

/// A run of one cell or of a population of independent cells to a fixed time, keeping only what a long run needs: the
/// spike times (upward crossings of a threshold, 0 mV by default; INTERFACE.md) and the final state
/// (``Recording/crossingsAndFinal``). Cells run on ``SpikingSolver/threads`` threads; each thread integrates
/// ``SpikingSolver/lanes`` cells at once in SIMD lanes (``GatedCellKernel``, or ``HodgkinHuxley1952Kernel`` for the
/// squid axon's channels; ``LaneDormandPrince``), each lane with its
/// own step size, a finished lane taking the next cell. Cells the kernel cannot run (changing concentrations, other
/// mechanisms) run one by one on the general ``Simulation``, still on every thread.
public struct SpikingRun: Sendable {
    /// The cells to run, each a scenario with held or changing concentrations.
    public var cells: [Scenario]
    /// Length of the run, seconds (the scenarios' own durations are not used).
    public var duration: Double
    /// The spike threshold: a spike is an upward crossing of V_m through it (0 mV by default).
    public var threshold: Voltage
    /// Tolerances, threads and lanes of the integration.
    public var solver: SpikingSolver

    /// A run of `cells` over `duration` seconds, counting upward crossings of `threshold` (0 mV) as spikes.
    public init(cells: [Scenario], duration: Double, threshold: Voltage = .millivolts(0), solver: SpikingSolver = SpikingSolver()) {
        self.cells = cells
        self.duration = duration
        self.threshold = threshold
        self.solver = solver
    }

    /// N copies of `base`, cell k (0-based) stimulated by a constant current density A + (B − A)·k/(N − 1) from t = 0
    /// (INTERFACE.md `--cells N --stimulus-uA-per-cm2 A:B`; one cell gets A). Other stimuli of `base` are replaced.
    public static func stimulusSpread(_ base: Scenario, count: Int, from a: CurrentDensity, to b: CurrentDensity) throws -> [Scenario] {
        guard count >= 1 else {
            throw MembraneError.invalidValue(field: "cells", value: "\(count)", allowed: "at least 1 cell")
        }
        try MembraneError.requireFinite(a.amperesPerSquareMetre, field: "stimulus", allowed: "a finite current density")
        try MembraneError.requireFinite(b.amperesPerSquareMetre, field: "stimulus", allowed: "a finite current density")
        let ja = a.amperesPerSquareMetre, jb = b.amperesPerSquareMetre
        return (0..<count).map { k in
            var s = base
            let j = count == 1 ? ja : ja + (jb - ja) * Double(k) / Double(count - 1)
            s.stimuli = [.constantCurrent(.amperesPerSquareMetre(j))]
            return s
        }
    }

    /// Runs every cell. `monitor` is called now and then from the worker threads with the number of cells finished;
    /// returning false stops the run (Ctrl-C): each cell keeps what was computed, and the result is `interrupted`.
    public func run(monitor: (@Sendable (Int) -> Bool)? = nil) throws -> PopulationResult {
        guard !cells.isEmpty else { throw MembraneError.invalidValue(field: "cells", value: "0", allowed: "at least 1 cell") }
        try MembraneError.requirePositive(duration, field: "duration", allowed: "a duration > 0 in seconds")
        try MembraneError.requireFinite(threshold.volts, field: "threshold", allowed: "a finite potential")
        try solver.validate()
        let models = try cells.map { try CellModel($0) }
        let kernel: (structure: GatedCellStructure, parameters: [GatedCellParameters])?
        var fallback: String?
        do { kernel = try Self.compileKernel(models) } catch { kernel = nil; fallback = error.description }
        let queue = WorkQueue(count: models.count, monitor: monitor)
        let lanes = solver.lanes ?? (models.count == 1 ? 2 : 4)
        let threads = min(solver.threads, models.count)
        let instructionSet = solver.instructionSet ?? VectorInstructionSet.best
        // The squid axon's compiled kernel where it computes these cells' structure (and the solver allows it).
        let squid = kernel.map { solver.compiledKernels && $0.structure.runsOnHodgkinHuxley1952Kernel } ?? false
        let job = kernel.map {
            LanePopulationJob(structure: $0.structure, parameters: $0.parameters,
                              solver: solver.dormandPrince(gates: $0.structure.gates.count), end: duration * 1e3,
                              threshold: threshold.millivolts, lanes: lanes, squidKernel: squid)
        }
        let parts = Parallel.map(threads) { _ -> WorkerResult in
            if let job {
                return KernelWorker.run(job, instructionSet: instructionSet, models: models, run: self, queue: queue)
            }
            return GeneralWorker.run(models: models, run: self, queue: queue)
        }
        var outcomes = parts.flatMap { $0.outcomes }
        // Cells never started (an interrupted run) keep their initial state.
        var seen = [Bool](repeating: false, count: models.count)
        for o in outcomes { seen[o.index] = true }
        for (k, model) in models.enumerated() where !seen[k] {
            outcomes.append(CellOutcome(index: k, scenario: cells[k], spikeTimes: [], finalTime: 0, finalState: model.initialState,
                                        termination: .interrupted))
        }
        outcomes.sort { $0.index < $1.index }
        let statistics = parts.reduce(IntegratorStatistics()) { $0 + $1.statistics }
        let plural = threads == 1 ? "" : "s"
        let method = kernel != nil
            ? "Dormand–Prince 5(4) (rtol \(solver.relativeTolerance)), \(lanes) cells per SIMD vector (\(instructionSet)), \(threads) thread\(plural)"
                + (squid ? ", the squid axon's rates compiled in" : "")
            : "\(solver.general.methodName) per cell (rtol \(solver.general.integrator.relativeTolerance)), \(threads) thread\(plural)"
        return PopulationResult(cells: outcomes, method: method, generalPathReason: fallback, statistics: statistics,
                                termination: queue.isStopped ? .interrupted : .finished)
    }

    /// The kernel's structure and every cell's parameters, when all cells compile to one structure.
    static func compileKernel(_ models: [CellModel]) throws(KernelIncompatibility)
        -> (structure: GatedCellStructure, parameters: [GatedCellParameters]) {
        var parameters: [GatedCellParameters] = []
        parameters.reserveCapacity(models.count)
        let (structure, first) = try GatedCellStructure.compile(models[0])
        parameters.append(first)
        for model in models.dropFirst() {
            let (s, p) = try GatedCellStructure.compile(model)
            guard s == structure else { throw KernelIncompatibility(description: "cells of different structure") }
            parameters.append(p)
        }
        return (structure, parameters)
    }
}
