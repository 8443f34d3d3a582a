import MembraneUnits

/// What an experimenter applies to the cell: a current clamp or a voltage clamp, each following a ``Waveform``.
/// Stimuli are the non-autonomous terms of a model: a simulation restarts its integrator at every breakpoint of a
/// waveform (a step switching on or off), so each integration segment sees a smooth (linear) stimulus, and the
/// model supplies ∂f/∂t exactly.
public enum Stimulus: Sendable, Hashable {
    /// A current density injected into the cell, A/m² (positive depolarises: NEURON's IClamp per unit area).
    case currentClamp(Waveform)
    /// A voltage clamp through a series conductance per unit area: the injected current g_s·(V_command(t) − V_m)
    /// (NEURON's SEClamp, i = (vc − v)/rs, with g_s = 1/(r_s·area)); a large g_s holds V_m at the command.
    case voltageClamp(command: Waveform, conductance: SpecificConductance)

    /// A constant current density from t = 0.
    public static func constantCurrent(_ density: CurrentDensity) -> Stimulus {
        .currentClamp(.constant(density.amperesPerSquareMetre))
    }

    /// A current step (NEURON's IClamp: del, dur, amp).
    public static func currentStep(start: Double, duration: Double, _ density: CurrentDensity) -> Stimulus {
        .currentClamp(.step(start: start, duration: duration, amplitude: density.amperesPerSquareMetre))
    }

    var waveform: Waveform {
        switch self {
        case .currentClamp(let w), .voltageClamp(let w, _): w
        }
    }
}

/// A piecewise-linear function of time (seconds): the amplitude of a stimulus (A/m² for a current clamp, V for a
/// voltage-clamp command). Right-continuous at its breakpoints.
public enum Waveform: Sendable, Hashable {
    /// The amplitude for t ≥ 0.
    case constant(Double)
    /// The amplitude for start ≤ t < start + duration, 0 otherwise.
    case step(start: Double, duration: Double, amplitude: Double)
    /// `count` pulses of `width` every `period` from `start` (a pulse train), 0 between and after them.
    case train(start: Double, period: Double, width: Double, count: Int, amplitude: Double)
    /// Linear from `from` to `to` over start ≤ t < start + duration, 0 outside (NeuroML's rampGenerator with a
    /// baseline of 0).
    case ramp(start: Double, duration: Double, from: Double, to: Double)

    /// The times in (0, end) where the waveform jumps or changes slope, ascending.
    public func breakpoints(until end: Double) -> [Double] {
        var times: [Double] = []
        switch self {
        case .constant: break
        case .step(let s, let d, _), .ramp(let s, let d, _, _): times = [s, s + d]
        case .train(let s, let p, let w, let count, _):
            for k in 0..<max(0, count) { times += [s + Double(k) * p, s + Double(k) * p + w] }
        }
        return times.filter { $0 > 0 && $0 < end }.sorted()
    }

    /// The linear piece in force from t on (until the next breakpoint): value(τ) = value + slope·(τ − t).
    public func piece(at t: Double) -> (value: Double, slope: Double) {
        switch self {
        case .constant(let a):
            return t >= 0 ? (a, 0) : (0, 0)
        case .step(let s, let d, let a):
            return t >= s && t < s + d ? (a, 0) : (0, 0)
        case .train(let s, let p, let w, let count, let a):
            guard t >= s, p > 0 else { return (0, 0) }
            let k = ((t - s) / p).rounded(.down)
            return k < Double(count) && t < s + k * p + w ? (a, 0) : (0, 0)
        case .ramp(let s, let d, let from, let to):
            guard t >= s && t < s + d, d > 0 else { return (0, 0) }
            let slope = (to - from) / d
            return (from + slope * (t - s), slope)
        }
    }

    /// Checks the times and amplitudes (finite, durations and periods > 0, widths ≤ periods), naming `field`.
    public func validate(field: String) throws {
        func check(_ x: Double, _ name: String) throws {
            try MembraneError.requireFinite(x, field: "\(field).\(name)", allowed: "a finite number")
        }
        switch self {
        case .constant(let a): try check(a, "amplitude")
        case .step(let s, let d, let a):
            try check(a, "amplitude")
            try MembraneError.requireNonNegative(s, field: "\(field).start", allowed: "a start time ≥ 0 s")
            try MembraneError.requirePositive(d, field: "\(field).duration", allowed: "a duration > 0 s")
        case .train(let s, let p, let w, let count, let a):
            try check(a, "amplitude")
            try MembraneError.requireNonNegative(s, field: "\(field).start", allowed: "a start time ≥ 0 s")
            try MembraneError.requirePositive(p, field: "\(field).period", allowed: "a period > 0 s")
            guard w > 0, w <= p else {
                throw MembraneError.invalidValue(field: "\(field).width", value: "\(w)", allowed: "a pulse width in (0, period]")
            }
            try MembraneError.requireNonNegative(Double(count), field: "\(field).count", allowed: "a number of pulses ≥ 0")
        case .ramp(let s, let d, let from, let to):
            try check(from, "from"); try check(to, "to")
            try MembraneError.requireNonNegative(s, field: "\(field).start", allowed: "a start time ≥ 0 s")
            try MembraneError.requirePositive(d, field: "\(field).duration", allowed: "a duration > 0 s")
        }
    }
}
