import Dispatch
import Synchronization
import MembraneUnits
import MembraneNumerics

/// The cells of a ``SpikingRun`` still to start, shared by its worker threads: each takes the next index when it has
/// a free lane. Also the stop flag (the monitor said stop) and the count of finished cells.
final class WorkQueue: Sendable {
    let count: Int
    let next = Atomic<Int>(0)
    let finished = Atomic<Int>(0)
    let stopped = Atomic<Bool>(false)
    let monitor: (@Sendable (Int) -> Bool)?

    init(count: Int, monitor: (@Sendable (Int) -> Bool)?) {
        self.count = count
        self.monitor = monitor
    }

    /// The next cell to start, or nil when none is left (or the run was stopped).
    func take() -> Int? {
        if stopped.load(ordering: .relaxed) { return nil }
        let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return k < count ? k : nil
    }

    func didFinish() { finished.wrappingAdd(1, ordering: .relaxed) }

    var isStopped: Bool { stopped.load(ordering: .relaxed) }

    /// Asks the monitor whether to go on; remembers a stop.
    func check() -> Bool {
        if isStopped { return false }
        guard let monitor else { return true }
        if monitor(finished.load(ordering: .relaxed)) { return true }
        stopped.store(true, ordering: .relaxed)
        return false
    }
}

/// Runs `body(worker)` for each of `workers` workers on their own threads and returns the results in worker order.
enum Parallel {
    static func map<T: Sendable>(_ workers: Int, _ body: @Sendable (Int) -> T) -> [T] {
        if workers == 1 { return [body(0)] }
        let results = Mutex<[T?]>([T?](repeating: nil, count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let r = body(w)
            results.withLock { $0[w] = r }
        }
        return results.withLock { $0.map { $0! } }
    }
}

/// One worker's outcomes and work.
struct WorkerResult: Sendable {
    var outcomes: [CellOutcome] = []
    var statistics = IntegratorStatistics()
}

/// A worker of the kernel path: ``LaneDormandPrince`` over lanes of a ``GatedLaneSystem`` (the squid axon's compiled
/// ``HodgkinHuxley1952Kernel`` when `squid`, which the caller sets only where that kernel ``GatedLaneSystem/runs(_:)``
/// the structure; else the general ``GatedCellKernel``), refilled from the queue.
enum KernelWorker {
    static func run(lanes: Int, squid: Bool, structure: GatedCellStructure, parameters: [GatedCellParameters],
                    models: [CellModel], run: SpikingRun, queue: WorkQueue) -> WorkerResult {
        switch lanes {
        case 2: return work(SIMD2<Double>.self, squid, structure, parameters, models, run, queue)
        case 8: return work(SIMD8<Double>.self, squid, structure, parameters, models, run, queue)
        default: return work(SIMD4<Double>.self, squid, structure, parameters, models, run, queue)
        }
    }

    static func work<Lanes: SIMD>(_: Lanes.Type, _ squid: Bool, _ structure: GatedCellStructure,
                                  _ parameters: [GatedCellParameters], _ models: [CellModel], _ run: SpikingRun,
                                  _ queue: WorkQueue) -> WorkerResult where Lanes.Scalar == Double {
        if squid {
            return work(HodgkinHuxley1952Kernel<Lanes>.self, structure, parameters, models, run, queue)
        }
        return work(GatedCellKernel<Lanes>.self, structure, parameters, models, run, queue)
    }

    static func work<Kernel: GatedLaneSystem>(_: Kernel.Type, _ structure: GatedCellStructure, _ parameters: [GatedCellParameters],
                                              _ models: [CellModel], _ run: SpikingRun, _ queue: WorkQueue) -> WorkerResult {
        typealias Lanes = Kernel.Lanes
        var result = WorkerResult()
        guard var integrator = try? LaneDormandPrince(system: Kernel(structure: structure),
                                                      solver: run.solver.dormandPrince(gates: structure.gates.count)) else {
            preconditionFailure("the solver's settings are checked by SpikingSolver.validate()")
        }
        let end = run.duration * 1e3, threshold = run.threshold.millivolts
        let laneCount = Lanes.scalarCount
        var cellOf = [Int](repeating: -1, count: laneCount)
        var spikes = [[Double]](repeating: [], count: laneCount)

        func load(_ lane: Int) {
            guard let k = queue.take() else {
                integrator.stop(lane: lane)
                cellOf[lane] = -1
                return
            }
            integrator.system.load(parameters[k], into: lane)
            integrator.start(lane: lane, at: 0, state: parameters[k].initialState, end: end)
            cellOf[lane] = k
            spikes[lane] = []
        }
        func record(_ lane: Int, _ termination: Termination) {
            let k = cellOf[lane]
            let state = structure.modelState(integrator.state(lane: lane), model: models[k])
            result.outcomes.append(CellOutcome(index: k, scenario: run.cells[k], spikeTimes: spikes[lane].map { $0 * 1e-3 },
                                               finalTime: integrator.time[lane] * 1e-3, finalState: state,
                                               termination: termination))
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
                    record(lane, outcome.failed[lane] ? .failed(reason: integrator.failures[lane] ?? "failed") : .finished)
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

/// A worker of the general path: one cell at a time on ``Simulation`` with a spike event, recording crossings and the
/// final state only.
enum GeneralWorker {
    static func run(models: [CellModel], run: SpikingRun, queue: WorkQueue) -> WorkerResult {
        var result = WorkerResult()
        while let k = queue.take() {
            let outcome: CellOutcome
            do {
                var simulation = try Simulation(model: models[k], duration: run.duration, solver: run.solver.general,
                                                events: run.cells[k].events,
                                                stateEvents: [.spikes(threshold: run.threshold.millivolts)],
                                                recording: .crossingsAndFinal)
                var termination = Termination.finished
                var steps = 0
                loop: while true {
                    switch simulation.step() {
                    case .accepted: break
                    case .finished: break loop
                    case .stepLimit: termination = .stepLimit; break loop
                    case .failed(let reason): termination = .failed(reason: reason); break loop
                    }
                    steps &+= 1
                    if steps & 255 == 0, !queue.check() { termination = .interrupted; break }
                }
                let trajectory = simulation.trajectory(termination: termination)
                result.statistics = result.statistics + trajectory.statistics
                outcome = CellOutcome(index: k, scenario: run.cells[k], spikeTimes: trajectory.crossingTimes(of: "spike"),
                                      finalTime: trajectory.times.last ?? 0, finalState: trajectory.stateVector(at: trajectory.count - 1),
                                      termination: trajectory.termination)
            } catch {
                outcome = CellOutcome(index: k, scenario: run.cells[k], spikeTimes: [], finalTime: 0,
                                      finalState: models[k].initialState, termination: .failed(reason: "\(error)"))
            }
            result.outcomes.append(outcome)
            queue.didFinish()
        }
        return result
    }
}
