import Dispatch
import Synchronization
import MembraneUnits
import MembraneNumerics
import MembraneLanes
#if MEMBRANE_AVX2
import MembraneLanesAVX2
#endif

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

/// A worker of the kernel path: ``LanePopulation`` (``LaneDormandPrince`` over lanes of a ``GatedLaneSystem``) compiled
/// for `instructionSet`, its cells' lane states mapped back to the ``CellModel``'s and its times to seconds.
enum KernelWorker {
    static func run(_ job: LanePopulationJob, instructionSet: VectorInstructionSet, models: [CellModel], run: SpikingRun,
                    queue: WorkQueue) -> WorkerResult {
        let lanes: LaneWorkerResult
        switch instructionSet {
        case .portable: lanes = LanePopulation.run(job, queue: queue)
        case .avx2:
            #if MEMBRANE_AVX2
            lanes = LanePopulationAVX2.run(job, queue: queue)
            #else
            preconditionFailure("SpikingSolver.validate() admits only VectorInstructionSet.available")
            #endif
        }
        var result = WorkerResult(statistics: lanes.statistics)
        result.outcomes = lanes.cells.map { cell in
            let termination: Termination
            switch cell.end {
            case .finished: termination = .finished
            case .failed(let reason): termination = .failed(reason: reason)
            case .interrupted: termination = .interrupted
            }
            return CellOutcome(index: cell.index, scenario: run.cells[cell.index], spikeTimes: cell.spikeTimes.map { $0 * 1e-3 },
                               finalTime: cell.finalTime * 1e-3,
                               finalState: job.structure.modelState(cell.finalState, model: models[cell.index]),
                               termination: termination)
        }
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
