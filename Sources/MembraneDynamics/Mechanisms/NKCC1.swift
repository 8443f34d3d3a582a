import RealModule

/// The Na⁺–K⁺–2Cl⁻ cotransporter NKCC1: J = U·f(K_out)·ln(Na_in·K_in·Cl_in²/(Na_out·K_out·Cl_out²)),
/// f(K_out) = 1/(1 + e^{16 − K_out/mM}), one Na⁺, one K⁺ and two Cl⁻ out per cycle (Wei, Ullah & Schiff 2014,
/// J. Neurosci. 34:11733; per area as edNEG, Sætra et al. 2020: U = 2.33·10⁻⁷ mol·m⁻²·s⁻¹). f′ = f·(1 − f).
/// The law and its derivatives: ``Cotransporter``.
public struct NKCC1: Cotransporter, Hashable {
    public var strength: Double
    /// An NKCC1 of strength U in mol·m⁻²·s⁻¹ (2.33·10⁻⁷ in Wei et al. 2014 per area, edNEG).
    public init(strength: Double) { self.strength = strength }
    public var name: String { "NKCC1" }
    public static let stoichiometry: [(ion: String, count: Double)] = [("Na", 1), ("K", 1), ("Cl", 2)]

    /// f(K_out), in the K slot (1).
    public func activation(at site: MembraneSite) -> (value: Double, outsideSlot: Int?, derivative: Double) {
        let f = 1 / (1 + Double.exp(16 - site.outside(1)))
        return (f, 1, f * (1 - f))
    }
}
