import MembraneUnits

/// The outcome of ``RecipeSolver/solve(_:temperature:)``.
public struct RecipeResult: Sendable {
    /// The recipe solved.
    public var recipe: Recipe
    /// The temperature the constants were corrected to.
    public var temperature: Temperature
    /// The pH: stated, or set by the gas of a bicarbonate saline; nil when the recipe has neither.
    public var pH: Double?
    /// The titrant that closed the charge balance (stated or inferred), or nil.
    public var titrant: Salt?
    /// Titrant added to reach the pH, mM.
    public var titrantMillimolar: Double?
    /// True when the recipe named no titrant and ``RecipeSolver`` chose one (said in `warnings`).
    public var titrantInferred: Bool
    /// The free species (free Ca²⁺, Mg²⁺; every protonation state and complex of the ligands).
    public var solution: Solution
    /// Molar ionic strength of the free species, mol/L.
    public var ionicStrengthMolar: Double
    /// Free Ca²⁺ after binding to the ligands, when the recipe has calcium.
    public var freeCalcium: Concentration?
    /// Free Mg²⁺ after binding to the ligands, when the recipe has magnesium.
    public var freeMagnesium: Concentration?
    /// Mean charge of each ligand at the pH (e.g. HEPES −0.39, ATP −2.1).
    public var ligandCharges: [(String, Double)]
    /// Σ z c of the free species, mM (zero within round-off after titration; reported otherwise).
    public var chargeImbalance: Double
    /// For a bicarbonate saline closed by the CO₂/HCO₃⁻ exchange: what happened to the bicarbonate.
    public var bicarbonate: BicarbonateEquilibrium?
    /// Iterations of the ionic strength to self-consistency.
    public var iterations: Int
    /// What a reader should know: an inferred titrant, how a bicarbonate saline was balanced, constants used without
    /// their temperature dependence, a pH outside a buffer's useful range.
    public var warnings: [String]
}

/// The bicarbonate of a saline whose charge balance the CO₂/HCO₃⁻ exchange closes (``RecipeSolver``).
public struct BicarbonateEquilibrium: Sendable, Hashable {
    /// HCO₃⁻ weighed in, mM.
    public var added: Double
    /// HCO₃⁻ left after the exchange, mM.
    public var free: Double
    /// The pH (stated, or set by the gas).
    public var pH: Double
    /// The CO₂ fraction of the dry gas: the one assumed when the pH follows from it, the one the stated pH implies otherwise.
    public var co2Fraction: Double
    /// True when the pH was computed from the gas (no pH in the recipe).
    public var pHFromGas: Bool
}
