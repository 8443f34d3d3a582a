import MembraneUnits
import RealModule

/// Thermal (Johnson–Nyquist) noise of a membrane conductance G in parallel with its capacitance C.
///
///     S_I(f) = 4·k_B·T·G                       (current noise, one-sided, A²/Hz; white)
///     I_rms = √(4·k_B·T·G·B)                   over a bandwidth B from 0 to B
///     S_V(f) = 4·k_B·T·R / (1 + (f/f_c)²),     R = 1/G, f_c = G/(2π·C)
///     ⟨δV²⟩ = ∫₀^∞ S_V df = k_B·T/C            (independent of R: equipartition, ½C⟨δV²⟩ = ½k_B·T)
///     ⟨δV²⟩_B = (2·k_B·T/(π·C))·arctan(B/f_c)  within 0…B
///
/// Johnson 1928 (Phys. Rev. 32:97) and Nyquist 1928 (Phys. Rev. 32:110); for membranes DeFelice, *Introduction to
/// Membrane Noise* (Plenum 1981), ch. 8. k_B is the constant set's (CODATA 2018: 1.380649e-23 J/K exactly). Seed
/// 002 ("The Quiet Hum of Equilibrium"): at V_m = E no net current flows, yet ions cross both ways — this noise.
public struct ThermalNoise: Sendable, Hashable {
    /// G in siemens.
    public var conductance: Double
    /// B in hertz (nil: no RMS values).
    public var bandwidth: Double?
    /// C in farads (nil: no voltage noise).
    public var capacitance: Double?
    /// Temperature and constant set (k_B·T).
    public var conditions: Conditions

    /// The noise of conductance G (S), with bandwidth B (Hz) and capacitance C (F) when given; throws ``MembraneError``
    /// (fields `conductance-nS`, `bandwidth-Hz`, `capacitance-pF`) unless each is > 0.
    public init(conductance: Double, bandwidth: Double? = nil, capacitance: Double? = nil, conditions: Conditions = Conditions()) throws {
        try MembraneError.requirePositive(conductance, field: "conductance-nS", scale: 1e9, allowed: "a membrane conductance > 0 nS")
        if let bandwidth {
            try MembraneError.requirePositive(bandwidth, field: "bandwidth-Hz", allowed: "a bandwidth > 0 Hz (an RMS over zero bandwidth is zero by definition)")
        }
        if let capacitance {
            try MembraneError.requirePositive(capacitance, field: "capacitance-pF", scale: 1e12, allowed: "a membrane capacitance > 0 pF")
        }
        self.conductance = conductance
        self.bandwidth = bandwidth
        self.capacitance = capacitance
        self.conditions = conditions
    }

    /// 4·k_B·T·G in A²/Hz.
    public var currentSpectralDensity: Double { 4 * conditions.kT * conductance }
    /// √(4·k_B·T·G·B) in A.
    public var currentRMS: Double? { bandwidth.map { Double.sqrt(currentSpectralDensity * $0) } }
    /// 4·k_B·T/G in V²/Hz, the voltage noise density below f_c.
    public var voltageSpectralDensity: Double { 4 * conditions.kT / conductance }
    /// k_B·T/C in V².
    public var voltageVariance: Double? { capacitance.map { conditions.kT / $0 } }
    /// √(k_B·T/C) in V.
    public var voltageRMS: Double? { voltageVariance.map { Double.sqrt($0) } }
    /// f_c = G/(2π·C) in Hz.
    public var cornerFrequency: Double? { capacitance.map { conductance / (2 * .pi * $0) } }
    /// (2·k_B·T/(π·C))·arctan(B/f_c) in V².
    public var voltageVarianceInBand: Double? {
        guard let c = capacitance, let b = bandwidth, let fc = cornerFrequency else { return nil }
        return 2 * conditions.kT / (.pi * c) * Double.atan(b / fc)
    }
}
