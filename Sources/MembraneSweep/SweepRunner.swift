import Foundation
import Membrane
import MembraneRequests
import Synchronization

/// A point's result: its flattened JSON, or its error (a failing point never stops the sweep).
public enum PointOutcome: Sendable, Equatable {
    case success(FlatResult)
    case failure(field: String, value: String, message: String)
}

/// Runs points of a plan on `jobs` threads of this process. Each point is independent (its own request, its own
/// context), so the outcomes do not depend on `jobs` or on the order in which threads finish; they are returned in
/// the order the points were given.
public struct SweepRunner: Sendable {
    public var jobs: Int
    /// Polled before each point and by long points (simulations): true stops the sweep; points not finished are
    /// left out (nil).
    public var shouldStop: @Sendable () -> Bool

    public init(jobs: Int, shouldStop: @escaping @Sendable () -> Bool = { false }) {
        self.jobs = max(1, jobs)
        self.shouldStop = shouldStop
    }

    /// The outcome of each of `points` (nil: not computed, the sweep was stopped). `progress(done, total)` is called
    /// on the calling thread about ten times a second and once at the end.
    public func run(_ plan: SweepPlan, points: [Int], reserved: Set<String>,
                    progress: ((_ done: Int, _ total: Int) -> Void)? = nil) -> [PointOutcome?] {
        let state = State(count: points.count)
        let group = DispatchGroup()
        let stop = shouldStop
        for _ in 0..<min(jobs, max(points.count, 1)) {
            group.enter()
            let thread = Thread {
                // The thread's own copy of the plan (it decoded once before, so this cannot fail) and what its points
                // may share (RunMemo: they differ only in the varied fields).
                let plan = (try? plan.unshared()) ?? plan
                let memo = RunMemo(varied: plan.variedFields)
                var flattener = Flattener(reserved: reserved)
                var mine: [(Int, PointOutcome?)] = []
                while !stop() {
                    let i = state.next.add(1, ordering: .relaxed).oldValue
                    guard i < points.count else { break }
                    mine.append((i, Self.outcome(plan, point: points[i], flattener: &flattener, memo: memo, shouldStop: stop)))
                    state.done.add(1, ordering: .relaxed)
                }
                state.results.withLock { results in for (i, outcome) in mine { results[i] = outcome } }
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        while group.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
            progress?(state.done.load(ordering: .relaxed), points.count)
        }
        progress?(state.done.load(ordering: .relaxed), points.count)
        return state.results.withLock { $0 }
    }

    /// One point, as `membrane COMMAND … --json` would print it, flattened; result keys that would repeat the name of
    /// a column of the sweep (`index`, `error`, a varied option) are prefixed `result.`.
    static func outcome(_ plan: SweepPlan, point k: Int, flattener: inout Flattener, memo: RunMemo,
                        shouldStop: @escaping @Sendable () -> Bool) -> PointOutcome? {
        var context = RequestContext(shouldStop: shouldStop)
        context.memo = memo
        do {
            let result = try plan.run(k, context: &context)
            // A run that did not finish (a failed integration, the step limit) is that point's error.
            if result.status == .noConvergence, let f = result.failure {
                return .failure(field: f.field, value: f.value, message: f.message)
            }
            guard result.status == .success else { return nil }
            return .success(flattener.flatten(result.json))
        } catch let error as MembraneError {
            return .failure(field: error.field, value: error.value, message: error.message)
        } catch {
            return .failure(field: "", value: "", message: String(describing: error))
        }
    }

    final class State: Sendable {
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let results: Mutex<[PointOutcome?]>
        init(count: Int) { results = Mutex(Array(repeating: nil, count: count)) }
    }
}
