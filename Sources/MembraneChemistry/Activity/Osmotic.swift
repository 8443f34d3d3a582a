import MembraneUnits

/// Osmolarity, osmolality and osmotic pressure of a solution.
///
///     osmolality  = φ Σ mᵢ          (mOsm/kg water)
///     osmolarity  = φ Σ cᵢ          (mOsm/L)
///     Π = φ R T Σ cᵢ                (van 't Hoff's law with the osmotic coefficient φ;
///                                    Robinson & Stokes 1959, §2.7; c in mol/m³, Π in Pa)
///
/// φ is Pitzer's osmotic coefficient with `pitzer`, 1 with `ideal`, and for the Debye–Hückel-family
/// models the φ their single-ion laws imply through the Gibbs–Duhem equation
/// (`ActivityCalculator.gibbsDuhemOsmotic(laws:molalities:ionicStrength:)`).
/// Every solute particle counts (neutral solutes included); ion pairs are counted as the species
/// listed. A 150 mM NaCl solution has φ = 0.93 (Robinson & Stokes, Appendix 8.3), so its
/// osmolarity is 279, not 300, mOsm/L.
public struct OsmoticResult: Sendable {
    /// The activity coefficients the osmotic coefficient comes with.
    public var activity: ActivityResult
    /// Σ cᵢ, mOsm/L (φ = 1).
    public var idealOsmolarity: Double
    /// Σ mᵢ, mOsm/kg.
    public var idealOsmolality: Double
    /// The osmotic coefficient φ of the solution (1 when ideal).
    public var osmoticCoefficient: Double
    /// φ·Σ cᵢ, mOsm/L.
    public var osmolarity: Double { osmoticCoefficient * idealOsmolarity }
    /// φ·Σ mᵢ, mOsm/kg.
    public var osmolality: Double { osmoticCoefficient * idealOsmolality }
    /// Π in pascals.
    public var osmoticPressure: Double
    /// Fallbacks and validity warnings of the model.
    public var warnings: [String]

    /// The osmotic properties of `solution` under `model`.
    public init(solution: Solution, model: ActivityModel, conditions: Conditions) throws {
        let activity = try ActivityCalculator(model: model, temperature: conditions.temperature).analyze(solution)
        self.activity = activity
        idealOsmolarity = solution.idealOsmolarity
        idealOsmolality = activity.ions.reduce(0) { $0 + $1.molality } * 1000
        var warnings = activity.warnings
        if let phi = activity.osmoticCoefficient {
            osmoticCoefficient = phi
        } else {
            osmoticCoefficient = 1
            warnings.append("\(model.rawValue) defines no osmotic coefficient: φ = 1 used (the pitzer model gives φ)")
        }
        osmoticPressure = osmoticCoefficient * conditions.rt * solution.idealOsmolarity
        self.warnings = warnings
    }
}
