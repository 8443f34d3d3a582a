/// Where `membrane serve` listens and the limits that keep one client from hurting the server or the machine.
public struct WorkbenchConfiguration: Sendable {
    /// The address to bind: loopback (`127.0.0.1`, the default) keeps the workbench to this machine.
    public var host: String
    /// The TCP port; 0 picks a free one (the bound port is reported to `onServerRunning`).
    public var port: Int
    public var limits: WorkbenchLimits

    public init(host: String = "127.0.0.1", port: Int = 8080, limits: WorkbenchLimits = WorkbenchLimits()) {
        self.host = host
        self.port = port
        self.limits = limits
    }

    /// Whether `host` is a loopback address or name (`127.0.0.0/8`, `::1`, `localhost`).
    public var bindsLoopbackOnly: Bool { HostPolicy.isLoopback(host) }
}

/// The server's limits; each refusal answers the error object with the status given here (docs/CLI-CONTRACT.md,
/// section 7).
public struct WorkbenchLimits: Sendable {
    /// The largest request body accepted (413 beyond). A request is a few hundred bytes; a pump–leak `config` a
    /// few kilobytes.
    public var maximumBodyBytes: Int
    /// The wall-clock time one request may take, counted from its arrival. Long runs (simulations, sweeps) poll it
    /// and stop, answering 503 with the error object and what was computed; a computation that does not poll is
    /// answered 503 once `timeLimit + stopGrace` has passed.
    public var timeLimit: Duration
    /// How long a run that polls its stop request may take past ``timeLimit`` to return what it has.
    public var stopGrace: Duration
    /// A connection without traffic for this long is closed.
    public var idleTimeout: Duration
    /// Requests waiting for a calculation's answer beyond this many are refused at once (503).
    public var maximumPendingComputations: Int
    /// Open connections beyond this many wait in the listen backlog.
    public var maximumConnections: Int

    public init(maximumBodyBytes: Int = 256 * 1024, timeLimit: Duration = .seconds(30), stopGrace: Duration = .seconds(2),
                idleTimeout: Duration = .seconds(60), maximumPendingComputations: Int = 512, maximumConnections: Int = 1024) {
        self.maximumBodyBytes = maximumBodyBytes
        self.timeLimit = timeLimit
        self.stopGrace = stopGrace
        self.idleTimeout = idleTimeout
        self.maximumPendingComputations = maximumPendingComputations
        self.maximumConnections = maximumConnections
    }
}
