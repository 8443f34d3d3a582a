/// Why a simulation stopped. Hitting a limit or failing is a result with a reason, not a crash
/// (DESIGN.md; SciML's `ReturnCode`).
public enum Termination: Sendable, Equatable {
    /// The end time was reached.
    case finished
    /// The solver's step limit was reached first.
    case stepLimit
    /// The user stopped the run (Ctrl-C); what was computed is kept.
    case interrupted
    /// The integrator could not continue.
    case failed(reason: String)
    /// A state event ended the run (``StateEvent/Action/stop``).
    case stopped(event: String)

    /// The JSON name: `finished`, `step_limit`, `interrupted`, `failed`, `stopped`.
    public var name: String {
        switch self {
        case .finished: return "finished"
        case .stepLimit: return "step_limit"
        case .interrupted: return "interrupted"
        case .failed: return "failed"
        case .stopped: return "stopped"
        }
    }

    /// The failure's reason, or the state event that stopped the run; nil for the other endings.
    public var reason: String? {
        switch self {
        case .failed(let r): return r
        case .stopped(let e): return "stopped at a crossing of \(e)"
        default: return nil
        }
    }
}
