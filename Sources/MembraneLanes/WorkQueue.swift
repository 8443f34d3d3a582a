import Synchronization

/// The cells of a population still to start, shared by the worker threads of a run: each takes the next index when it
/// has a free lane (or, on the general path, when its cell is done). Also the stop flag (the monitor said stop) and
/// the count of finished cells.
public final class WorkQueue: Sendable {
    /// The number of cells.
    public let count: Int
    @usableFromInline let next = Atomic<Int>(0)
    @usableFromInline let finished = Atomic<Int>(0)
    @usableFromInline let stopped = Atomic<Bool>(false)
    @usableFromInline let monitor: (@Sendable (Int) -> Bool)?

    /// A queue of cells 0 ..< `count`; `monitor`, asked now and then with the number of cells finished, stops the run
    /// when it returns false.
    public init(count: Int, monitor: (@Sendable (Int) -> Bool)?) {
        self.count = count
        self.monitor = monitor
    }

    /// The next cell to start, or nil when none is left (or the run was stopped).
    @inlinable public func take() -> Int? {
        if stopped.load(ordering: .relaxed) { return nil }
        let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return k < count ? k : nil
    }

    /// Counts a finished cell.
    @inlinable public func didFinish() { finished.wrappingAdd(1, ordering: .relaxed) }

    /// Whether the monitor stopped the run.
    @inlinable public var isStopped: Bool { stopped.load(ordering: .relaxed) }

    /// Asks the monitor whether to go on; remembers a stop.
    @inlinable public func check() -> Bool {
        if isStopped { return false }
        guard let monitor else { return true }
        if monitor(finished.load(ordering: .relaxed)) { return true }
        stopped.store(true, ordering: .relaxed)
        return false
    }
}
