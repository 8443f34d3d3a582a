/// The K⁺–Cl⁻ cotransporter KCC2: J = U·ln(K_in·Cl_in/(K_out·Cl_out)), one K⁺ and one Cl⁻ out per cycle (Wei,
/// Ullah & Schiff 2014, J. Neurosci. 34:11733; per area as edNEG, Sætra et al. 2020: U = 7.00·10⁻⁷ mol·m⁻²·s⁻¹).
/// The law and its derivatives: ``Cotransporter``.
public struct KCC2: Cotransporter, Hashable {
    public var strength: Double
    /// A KCC2 of strength U in mol·m⁻²·s⁻¹ (7.00·10⁻⁷ in Wei et al. 2014 per area, edNEG).
    public init(strength: Double) { self.strength = strength }
    public var name: String { "KCC2" }
    public static let stoichiometry: [(ion: String, count: Double)] = [("K", 1), ("Cl", 1)]
}
