/// What differs between the cells of a ``GatedCellKernel``, in its units: ḡ·(1 − b) and E of each channel (mS/cm²,
/// mV), the summed passive conductance and Σ g·E (mS/cm², µA/cm²), the stimulus (µA/cm²), 1/C (cm²/µF); and the start state.
public struct GatedCellParameters: Sendable, Equatable {
    /// ḡ_c·(1 − b_c) of each channel c, mS/cm² (the maximal conductance times the unblocked fraction).
    public var conductances: [Double]
    /// E_c of each channel c, mV (fixed, or the Nernst potential of the held concentrations).
    public var reversals: [Double]
    /// Σ g_L of the passive currents, mS/cm².
    public var passiveConductance: Double
    /// Σ g_L·E_L of the passive currents, µA/cm².
    public var passiveDrive: Double
    /// I_stim, the constant current-clamp density, µA/cm² (positive depolarises: C·dV/dt = I_stim − Σ I_ion).
    public var stimulus: Double
    /// 1/C, cm²/µF.
    public var inverseCapacitance: Double
    /// The lane's start state: [V (mV), the gates channel by channel].
    public var initialState: [Double]

    /// The parameters of one cell (the units above).
    public init(conductances: [Double], reversals: [Double], passiveConductance: Double, passiveDrive: Double,
                stimulus: Double, inverseCapacitance: Double, initialState: [Double]) {
        self.conductances = conductances
        self.reversals = reversals
        self.passiveConductance = passiveConductance
        self.passiveDrive = passiveDrive
        self.stimulus = stimulus
        self.inverseCapacitance = inverseCapacitance
        self.initialState = initialState
    }
}
