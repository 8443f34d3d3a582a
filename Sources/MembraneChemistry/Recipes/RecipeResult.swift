import MembraneUnits

/// The outcome of ``RecipeSolver/solve(_:temperature:)``.
public struct RecipeResult: Sendable {
    public var recipe: Recipe
    public var temperature: Temperature
    public var pH: Double?
    public var titrant: Salt?
    /// Titrant added to reach the pH, mM.
    public var titrantMillimolar: Double?
    /// True when the recipe named no titrant and ``RecipeSolver`` chose one (said in `warnings`).
    public var titrantInferred: Bool
    /// The free species (free Ca²⁺, Mg²⁺; every protonation state and complex of the ligands).
    public var solution: Solution
    /// Molar ionic strength of the free species, mol/L.
    public var ionicStrengthMolar: Double
    public var freeCalcium: Concentration?
    public var freeMagnesium: Concentration?
    /// Mean charge of each ligand at the pH (e.g. HEPES −0.39, ATP −2.1).
    public var ligandCharges: [(String, Double)]
    /// Σ z c of the free species, mM (zero within round-off after titration; reported otherwise).
    public var chargeImbalance: Double
    /// For a bicarbonate saline closed by the CO₂/HCO₃⁻ exchange: what happened to the bicarbonate.
    public var bicarbonate: BicarbonateEquilibrium?
    public var iterations: Int
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
