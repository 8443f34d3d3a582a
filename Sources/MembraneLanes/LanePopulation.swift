import MembraneNumerics

/// What the worker threads of a population on the lane kernels share: the cells' structure and parameters, the
/// integration settings, and which kernel runs them.
public struct LanePopulationJob: Sendable {
    /// What every cell shares.
    public var structure: GatedCellStructure
    /// Each cell's parameters, in cell order.
    public var parameters: [GatedCellParameters]
    /// Dormand–Prince's settings, in the kernel's units (mV and 1).
    public var solver: DormandPrinceSolver
    /// The time every cell runs to, ms (from 0).
    public var end: Double
    /// The spike threshold, mV: a spike is an upward crossing located on the dense output.
    public var threshold: Double
    /// Cells per vector: 2, 4 or 8.
    public var lanes: Int
    /// Whether the squid axon's compiled ``HodgkinHuxley1952Kernel`` runs the cells (the caller checked that it runs
    /// ``structure``); else the general ``GatedCellKernel``.
    public var squidKernel: Bool

    /// A job of `parameters.count` cells of `structure`.
    public init(structure: GatedCellStructure, parameters: [GatedCellParameters], solver: DormandPrinceSolver, end: Double,
                threshold: Double, lanes: Int, squidKernel: Bool) {
        self.structure = structure
        self.parameters = parameters
        self.solver = solver
        self.end = end
        self.threshold = threshold
        self.lanes = lanes
        self.squidKernel = squidKernel
    }
}

/// One cell's run on the lanes, in the kernel's units.
public struct LaneCellResult: Sendable {
    /// How a lane's cell ended.
    public enum End: Sendable, Equatable {
        /// At the job's end time.
        case finished
        /// The integrator failed (the reason).
        case failed(String)
        /// The monitor stopped the run.
        case interrupted
    }
    /// The cell's index in the job.
    public var index: Int
    /// Upward crossings of the threshold, ms.
    public var spikeTimes: [Double]
    /// The time reached, ms.
    public var finalTime: Double
    /// The lane state there: [V (mV), the gates].
    public var finalState: [Double]
    /// How it ended.
    public var end: End

    @usableFromInline
    init(index: Int, spikeTimes: [Double], finalTime: Double, finalState: [Double], end: End) {
        self.index = index
        self.spikeTimes = spikeTimes
        self.finalTime = finalTime
        self.finalState = finalState
        self.end = end
    }
}

/// What one worker thread did: its cells, in the order they finished, and the integrator's work.
public struct LaneWorkerResult: Sendable {
    /// The cells this worker ran.
    public var cells: [LaneCellResult] = []
    /// The integrator's work, summed over its lanes.
    public var statistics = IntegratorStatistics()

    /// No cells yet.
    @inlinable public init() {}
}

/// A worker of a population on the lane kernels: ``LaneDormandPrince`` over `lanes` cells at once, each lane refilled
/// from the ``WorkQueue`` when its cell ends, spikes located on the dense output of each accepted step.
///
/// The worker's code is `@inlinable` and specialised in the module that calls ``specializedRun(_:queue:copy:)``, so it is
/// compiled for that module's instruction set: ``run(_:queue:)`` here (the portable x86-64 or arm64 baseline), and
/// `LanePopulationAVX2.run(_:queue:)` in MembraneLanesAVX2, built with AVX2 and FMA (x86-64-v3) and called only where
/// ``VectorInstructionSet/available`` has it. Both execute the same operations in the same order (Swift does not
/// contract a·b + c into a fused multiply–add), so they give the same bits.
public enum LanePopulation {
    /// Runs cells from `queue` until it is empty or stopped, compiled for the baseline instruction set.
    @inline(never)
    public static func run(_ job: LanePopulationJob, queue: WorkQueue) -> LaneWorkerResult {
        specializedRun(job, queue: queue, copy: PortableLaneCode.self)
    }

    /// The worker, inlined into (and so compiled for) the calling module, whose own ``LaneCodeCopy`` type `copy` keeps
    /// its specialisations apart from other copies': the lane count and kernel chosen, then `work(_:_:queue:)`.
    @inlinable @inline(__always)
    public static func specializedRun<Copy: LaneCodeCopy>(_ job: LanePopulationJob, queue: WorkQueue,
                                                         copy: Copy.Type) -> LaneWorkerResult {
        switch (job.lanes, job.squidKernel) {
        case (2, true): return work(HodgkinHuxley1952Kernel<SIMD2<Double>, Copy>.self, job, queue: queue)
        case (2, false): return work(GatedCellKernel<SIMD2<Double>, Copy>.self, job, queue: queue)
        case (8, true): return work(HodgkinHuxley1952Kernel<SIMD8<Double>, Copy>.self, job, queue: queue)
        case (8, false): return work(GatedCellKernel<SIMD8<Double>, Copy>.self, job, queue: queue)
        case (_, true): return work(HodgkinHuxley1952Kernel<SIMD4<Double>, Copy>.self, job, queue: queue)
        case (_, false): return work(GatedCellKernel<SIMD4<Double>, Copy>.self, job, queue: queue)
        }
    }

    /// The lanes of one kernel type: start a cell in every lane, step all lanes together, record the spikes of the
    /// lanes that accepted, and refill the lanes whose cells ended; the monitor is asked every 4096 steps.
    @inlinable
    static func work<Kernel: GatedLaneSystem>(_: Kernel.Type, _ job: LanePopulationJob, queue: WorkQueue) -> LaneWorkerResult {
        typealias Lanes = Kernel.Lanes
        var result = LaneWorkerResult()
        guard var integrator = try? LaneDormandPrince(system: Kernel(structure: job.structure), solver: job.solver) else {
            preconditionFailure("the caller validates the solver's settings")
        }
        let end = job.end, threshold = job.threshold
        let laneCount = Lanes.scalarCount
        var cellOf = [Int](repeating: -1, count: laneCount)
        var spikes = [[Double]](repeating: [], count: laneCount)

        func load(_ lane: Int) {
            guard let k = queue.take() else {
                integrator.stop(lane: lane)
                cellOf[lane] = -1
                return
            }
            integrator.system.load(job.parameters[k], into: lane)
            integrator.start(lane: lane, at: 0, state: job.parameters[k].initialState, end: end)
            cellOf[lane] = k
            spikes[lane] = []
        }
        func record(_ lane: Int, _ how: LaneCellResult.End) {
            result.cells.append(LaneCellResult(index: cellOf[lane], spikeTimes: spikes[lane], finalTime: integrator.time[lane],
                                               finalState: integrator.state(lane: lane), end: how))
            queue.didFinish()
        }

        for lane in 0..<laneCount { load(lane) }
        let level = Lanes(repeating: threshold)
        var iterations = 0
        while any(integrator.active) {
            let outcome = integrator.step()
            if any(outcome.accepted) {
                let crossed = outcome.accepted .& (integrator.previousState(component: 0) .< level)
                    .& (integrator.state(component: 0) .>= level)
                if any(crossed) {
                    for lane in 0..<laneCount where crossed[lane] {
                        let p = integrator.interpolant(lane: lane, component: 0)
                        spikes[lane].append(p.crossing(of: threshold) ?? p.start + p.step)
                    }
                }
            }
            let done = outcome.finished .| outcome.failed
            if any(done) {
                for lane in 0..<laneCount where done[lane] {
                    record(lane, outcome.failed[lane] ? .failed(integrator.failures[lane] ?? "failed") : .finished)
                    load(lane)
                }
            }
            iterations &+= 1
            if iterations & 4095 == 0, !queue.check() { break }
        }
        if queue.isStopped {
            for lane in 0..<laneCount where cellOf[lane] >= 0 && integrator.active[lane] { record(lane, .interrupted) }
        }
        result.statistics = integrator.statistics
        return result
    }
}
