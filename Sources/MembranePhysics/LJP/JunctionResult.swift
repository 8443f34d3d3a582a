import MembraneUnits

/// The methods that compute a liquid junction potential.
public enum JunctionMethod: String, Sendable, Hashable, CaseIterable {
    /// Generalized Henderson equation (linear mixing), as JPCalc.
    case henderson
    /// The exact stationary electroneutral Nernst–Planck (Planck) junction, as LJPcalc approximates.
    case planck
    /// Stationary Poisson–Nernst–Planck over a finite junction length; converges to `planck` when the
    /// junction is many Debye lengths long (≥ 1 µm: within a few µV).
    case npp
}

/// A junction potential and how it splits among the ions.
public struct JunctionResult: Sendable {
    /// The method that computed it.
    public var method: JunctionMethod
    /// V_L = φ_bath − φ_pipette (patch-clamp convention): V_m = V_measured − V_L.
    public var potential: Voltage
    /// Each ion's additive share of V_L (they sum to V_L).
    public var contributions: [(name: String, potential: Voltage)]
    /// Newton iterations (0 for Henderson).
    public var iterations: Int
    /// Final residual of the nonlinear solve (0 for Henderson).
    public var residual: Double
    /// The solved profile through the junction (Planck only).
    public var profile: JunctionProfile?
    /// Remarks to print with the result (ignored neutral species, estimated mobilities, temperature).
    public var notes: [String]
    /// Temperature and constants.
    public var conditions: Conditions
    /// The activity model the potentials used (`ideal`: concentrations).
    public var activityModel = "ideal"
    /// For each species whose D is an estimate, the potential at the ends of its plausible range.
    public var estimateSpread: [DiffusionEstimateSpread] = []

    /// The range of V_L when every estimated D may lie anywhere in its plausible range: V_L plus the sum of
    /// each species' lowest and highest shift (first order: the shifts of different species add to
    /// within their cross terms, which are of second order in the small shares of these species).
    public var estimateRange: (low: Voltage, high: Voltage)? {
        guard !estimateSpread.isEmpty else { return nil }
        let v = potential.volts
        var low = v, high = v
        for s in estimateSpread {
            low += min(s.atLow.volts - v, s.atHigh.volts - v, 0)
            high += max(s.atLow.volts - v, s.atHigh.volts - v, 0)
        }
        return (.volts(low), .volts(high))
    }

    /// The value in the opposite convention: the pipette relative to the bath, −V_L.
    public var pipetteRelativeToBath: Voltage { -potential }
}

/// How far a junction potential moves when one estimated diffusion coefficient spans its plausible range.
public struct DiffusionEstimateSpread: Sendable {
    /// The ion whose D is estimated.
    public var name: String
    /// The estimated D, m²/s, and its relative uncertainty u.
    public var diffusion: Double
    /// Its relative uncertainty u.
    public var uncertainty: Double
    /// Where the estimate comes from (method and source).
    public var source: String
    /// V_L with D·(1 − u) and with D·(1 + u).
    public var atLow: Voltage
    /// V_L with D·(1 + u).
    public var atHigh: Voltage
}

/// Concentration and potential profiles through a stationary junction, from the pipette side (x = 0)
/// to the bath side (x = 1).
public struct JunctionProfile: Sendable {
    /// Relative position, 0 (pipette) to 1 (bath).
    public var x: [Double]
    /// φ(x) − φ_pipette.
    public var potential: [Voltage]
    /// Concentrations in mM by ion name, each the same length as `x`.
    public var concentrations: [(name: String, values: [Double])]
    /// The constant flux of each ion for a junction of unit length, J_i·L in mol·m⁻¹·s⁻¹ (positive from
    /// pipette to bath): divide by the junction's length in metres for mol·m⁻²·s⁻¹. Σ z_i·J_i = 0.
    public var fluxes: [(name: String, flux: Double)]
}
