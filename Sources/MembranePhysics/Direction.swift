/// The direction of an electric current across the membrane. Outward current is positive
/// (cations leaving, or anions entering), the convention of Hodgkin & Huxley 1952.
public enum CurrentDirection: String, Sendable, Hashable, Codable {
    /// Inward (negative) current, outward (positive) current, or none (at the reversal potential).
    case inward, outward, none
}

/// The direction of the net movement of the ions themselves.
public enum FluxDirection: String, Sendable, Hashable, Codable {
    /// Ions moving in, moving out, or no net movement.
    case influx, efflux, none
}
