import MembraneUnits

/// The command potential of a voltage clamp: a holding potential, replaced during each of its segments by a step to a
/// level or a linear ramp (the protocols of Hodgkin, Huxley & Katz 1952, J. Physiol. 116:424, and of every
/// voltage-clamp amplifier since). Times in seconds, potentials in volts; right-continuous at its breakpoints.
///
///     V_cmd(t) = level of the segment containing t (step), from + (to − from)·(t − start)/duration (ramp),
///                otherwise V_hold
public struct VoltageClampCommand: Sendable, Hashable {
    /// One stretch of the command: a step to a level or a ramp, over start ≤ t < start + duration.
    public enum Segment: Sendable, Hashable {
        /// V_cmd = `level` over the segment.
        case step(start: Double, duration: Double, level: Double)
        /// V_cmd linear from `from` to `to` over the segment.
        case ramp(start: Double, duration: Double, from: Double, to: Double)

        /// The segment's start, s.
        public var start: Double {
            switch self { case .step(let s, _, _), .ramp(let s, _, _, _): s }
        }
        /// The segment's end (start + duration), s.
        public var end: Double {
            switch self { case .step(let s, let d, _), .ramp(let s, let d, _, _): s + d }
        }
    }

    /// V_hold, volts: the command outside every segment (and the potential the gates have settled at before t = 0).
    public var holding: Double
    /// The segments, in time order and not overlapping.
    public var segments: [Segment]

    /// A command holding `holding` volts except during `segments` (sorted by start here).
    public init(holding: Double, segments: [Segment] = []) {
        self.holding = holding
        self.segments = segments.sorted { $0.start < $1.start }
    }

    /// The end of the last segment (0 without segments), s.
    public var end: Double { segments.map(\.end).max() ?? 0 }

    /// The times in (0, end) where the command jumps or changes slope, ascending.
    public func breakpoints(until end: Double) -> [Double] {
        Array(Set(segments.flatMap { [$0.start, $0.end] }.filter { $0 > 0 && $0 < end })).sorted()
    }

    /// The linear piece in force from t on (until the next breakpoint): V_cmd(τ) = value + slope·(τ − t).
    public func piece(at t: Double) -> (value: Double, slope: Double) {
        for segment in segments where t >= segment.start && t < segment.end {
            switch segment {
            case .step(_, _, let level): return (level, 0)
            case .ramp(let s, let d, let from, let to):
                let slope = (to - from) / d
                return (from + slope * (t - s), slope)
            }
        }
        return (holding, 0)
    }

    /// Checks potentials (finite, within ±`limit` volts), times (start ≥ 0, duration > 0, finite) and that segments
    /// do not overlap, naming `field`.
    public func validate(field: String, limit: Double = 0.2) throws {
        let allowed = "a potential from \(-limit * 1e3) to \(limit * 1e3) mV"
        func potential(_ v: Double, _ name: String) throws {
            guard v.isFinite, abs(v) <= limit else {
                throw MembraneError.invalidValue(field: "\(field).\(name)", value: "\(v * 1e3) mV", allowed: allowed)
            }
        }
        try potential(holding, "hold")
        for segment in segments {
            switch segment {
            case .step(let s, let d, let level):
                try times(s, d, field: field)
                try potential(level, "to")
            case .ramp(let s, let d, let from, let to):
                try times(s, d, field: field)
                try potential(from, "from")
                try potential(to, "to")
            }
        }
        for (a, b) in zip(segments, segments.dropFirst()) where b.start < a.end {
            throw MembraneError.invalidValue(field: field, value: "a segment from \(b.start * 1e3) ms, before the one before it ends (\(a.end * 1e3) ms)",
                                             allowed: "segments one after another, not overlapping")
        }
    }

    func times(_ start: Double, _ duration: Double, field: String) throws {
        guard start.isFinite, start >= 0 else {
            throw MembraneError.invalidValue(field: "\(field).start", value: "\(start * 1e3) ms", allowed: "a start time ≥ 0 ms")
        }
        guard duration.isFinite, duration > 0 else {
            throw MembraneError.invalidValue(field: "\(field).duration", value: "\(duration * 1e3) ms", allowed: "a duration > 0 ms")
        }
    }
}
