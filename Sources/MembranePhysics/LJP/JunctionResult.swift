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
    public var notes: [String]
    public var conditions: Conditions
    /// The activity model the potentials used (`ideal`: concentrations).
    public var activityModel = "ideal"

    /// The value in the opposite convention: the pipette relative to the bath, −V_L.
    public var pipetteRelativeToBath: Voltage { -potential }
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
