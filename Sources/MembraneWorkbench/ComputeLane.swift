import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization

/// Where the calculations run: worker threads of their own, off the event loops and off Swift's cooperative pool,
/// so that a long simulation never stalls the server or another client's slider. Two pools: quick calculations
/// (one thread per core) and long runs (simulations, steady states; half the cores), so that long runs cannot
/// occupy every thread.
///
/// Each computation has a deadline (``WorkbenchLimits/timeLimit`` from the request's arrival). The work receives
/// a `shouldStop` that turns true at the deadline or when the server shuts down (simulations and sweeps poll it and
/// return what they have), and whatever the work does, the caller is answered by `deadline + stopGrace`. Beyond
/// ``WorkbenchLimits/maximumPendingComputations`` callers waiting for an answer, new work is refused at once.
///
/// A `Service`: the application runs it, and it stops the threads when the server shuts down.
public final class ComputeLane: Service, Sendable {
    /// How a computation ended, for the caller.
    public enum Outcome<T: Sendable>: Sendable {
        case finished(T)
        /// Refused: too many computations pending.
        case busy
        /// Not finished by the deadline and its grace (the work may still run; its result is dropped).
        case timedOut
    }

    let quick: NIOThreadPool
    let long: NIOThreadPool
    let timers: any EventLoopGroup
    let limits: WorkbenchLimits
    let pending = Atomic<Int>(0)
    let stopping = Atomic<Bool>(false)

    /// True once the server is shutting down: running computations are asked to stop.
    public var isStopping: Bool { stopping.load(ordering: .relaxed) }

    public init(limits: WorkbenchLimits, threads: Int = System.coreCount) {
        self.limits = limits
        quick = NIOThreadPool(numberOfThreads: max(2, threads))
        long = NIOThreadPool(numberOfThreads: max(1, threads / 2))
        quick.start()
        long.start()
        timers = MultiThreadedEventLoopGroup.singleton
    }

    /// Runs `work` on a worker thread. `work` gets the `shouldStop` to poll; `isLong` picks the pool.
    public func run<T: Sendable>(isLong: Bool, deadline: ContinuousClock.Instant,
                                 _ work: @escaping @Sendable (_ shouldStop: @escaping @Sendable () -> Bool) -> T) async -> Outcome<T> {
        let count = pending.wrappingAdd(1, ordering: .relaxed).newValue
        defer { pending.wrappingSubtract(1, ordering: .relaxed) }
        guard count <= limits.maximumPendingComputations else { return .busy }

        let reply = OneReply<Outcome<T>>()
        let pool = isLong ? long : quick
        return await withCheckedContinuation { continuation in
            reply.set(continuation)
            let wait = max(.zero, deadline - .now + limits.stopGrace)
            let timer = timers.any().scheduleTask(in: .nanoseconds(Int64(wait / .nanoseconds(1)))) { reply.send(.timedOut) }
            reply.onSend { timer.cancel() }
            pool.submit { state in
                guard state == .active, ContinuousClock.now < deadline else {
                    reply.send(.timedOut)
                    return
                }
                reply.send(.finished(work { ContinuousClock.now >= deadline || self.isStopping }))
            }
        }
    }

    /// Waits for the server's shutdown, then stops the worker threads (work in progress finishes first).
    public func run() async throws {
        try? await gracefulShutdown()
        try await shutdown()
    }

    /// Asks running computations to stop and stops the threads once they have.
    public func shutdown() async throws {
        stopping.store(true, ordering: .relaxed)
        try await quick.shutdownGracefully()
        try await long.shutdownGracefully()
    }
}

/// A reply sent at most once, by whichever comes first: the work or its timer.
final class OneReply<T: Sendable>: Sendable {
    struct State {
        var continuation: CheckedContinuation<T, Never>?
        var sent = false
        var onSend: (@Sendable () -> Void)?
    }
    let state = Mutex(State())

    func set(_ continuation: CheckedContinuation<T, Never>) { state.withLock { $0.continuation = continuation } }

    func onSend(_ action: @escaping @Sendable () -> Void) {
        let alreadySent = state.withLock { s in
            if !s.sent { s.onSend = action }
            return s.sent
        }
        if alreadySent { action() }
    }

    func send(_ value: T) {
        let (continuation, action) = state.withLock { s -> (CheckedContinuation<T, Never>?, (@Sendable () -> Void)?) in
            guard !s.sent else { return (nil, nil) }
            s.sent = true
            defer { s.continuation = nil; s.onSend = nil }
            return (s.continuation, s.onSend)
        }
        action?()
        continuation?.resume(returning: value)
    }
}
