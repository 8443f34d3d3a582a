import MembraneUnits
import RealModule

/// The open–closed (binomial) current noise of N independent identical channels, each open with probability p and
/// carrying the unitary current i when open.
///
///     ⟨I⟩ = N·p·i,     σ² = N·p·(1 − p)·i²     ( = i·⟨I⟩ − ⟨I⟩²/N, the parabola of non-stationary noise analysis)
///
/// For two-state gating with relaxation time τ the autocovariance is σ²·e^{−|t|/τ}, a Lorentzian spectrum
///
///     S(f) = 4·σ²·τ / (1 + (2π·f·τ)²),   corner f_c = 1/(2π·τ),   σ²_B = σ²·(2/π)·arctan(2π·B·τ) within 0…B
///
/// (Neher & Stevens 1977, Annu. Rev. Biophys. Bioeng. 6:345; Sigworth 1980, J. Physiol. 307:97; DeFelice 1981,
/// ch. 6). Gating noise is usually far above the thermal and shot noise of the same channels: compare with
/// ``ThermalNoise`` and ``GHKNoise``.
public struct ChannelNoise: Sendable, Hashable {
    /// N: the number of independent channels.
    public var count: Int
    /// p: each channel's open probability.
    public var openProbability: Double
    /// i in A (signed, outward positive).
    public var unitaryCurrent: Double
    /// τ in s (nil: no spectrum).
    public var relaxationTime: Double?
    /// B in Hz, the recording bandwidth (nil: no in-band variance).
    public var bandwidth: Double?

    /// The noise of N channels; throws ``MembraneError`` (fields `channels`, `open-probability`, `unitary-current-pA`,
    /// `channel-tau-ms`, `bandwidth-Hz`) unless N ≥ 1, 0 ≤ p ≤ 1, i finite and τ, B > 0.
    public init(count: Int, openProbability: Double, unitaryCurrent: Double, relaxationTime: Double? = nil,
                bandwidth: Double? = nil) throws {
        guard count >= 1 else {
            throw MembraneError.invalidValue(field: "channels", value: "\(count)", allowed: "a number of channels ≥ 1")
        }
        guard openProbability.isFinite, (0...1).contains(openProbability) else {
            throw MembraneError.invalidValue(field: "open-probability", value: "\(openProbability)", allowed: "a probability from 0 to 1")
        }
        try MembraneError.requireFinite(unitaryCurrent, field: "unitary-current-pA")
        if let relaxationTime {
            try MembraneError.requirePositive(relaxationTime, field: "channel-tau-ms", scale: 1e3, allowed: "a gating relaxation time > 0 ms")
        }
        if let bandwidth {
            try MembraneError.requirePositive(bandwidth, field: "bandwidth-Hz", allowed: "a bandwidth > 0 Hz (an RMS over zero bandwidth is zero by definition)")
        }
        self.count = count
        self.openProbability = openProbability
        self.unitaryCurrent = unitaryCurrent
        self.relaxationTime = relaxationTime
        self.bandwidth = bandwidth
    }

    /// N·p·i in A.
    public var meanCurrent: Double { Double(count) * openProbability * unitaryCurrent }
    /// N·p·(1 − p)·i² in A².
    public var variance: Double { Double(count) * openProbability * (1 - openProbability) * unitaryCurrent * unitaryCurrent }
    /// σ = √(N·p·(1 − p))·|i| in A.
    public var rms: Double { Double.sqrt(variance) }
    /// S(0) = 4·σ²·τ in A²/Hz.
    public var spectralDensityAtZero: Double? { relaxationTime.map { 4 * variance * $0 } }
    /// 1/(2π·τ) in Hz.
    public var cornerFrequency: Double? { relaxationTime.map { 1 / (2 * .pi * $0) } }
    /// σ²·(2/π)·arctan(2π·B·τ) in A².
    public var varianceInBand: Double? {
        guard let tau = relaxationTime, let b = bandwidth else { return nil }
        return variance * 2 / .pi * Double.atan(2 * .pi * b * tau)
    }
}
