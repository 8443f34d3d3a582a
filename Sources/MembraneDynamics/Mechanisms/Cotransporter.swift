import MembraneUnits
import RealModule

/// Electroneutral cation–chloride cotransporters driven by their thermodynamic force, in the form of
/// Wei, Ullah & Schiff 2014 (J. Neurosci. 34:11733), per membrane area as in Sætra, Einevoll & Halnes 2020
/// (PLoS Comput. Biol. 16:e1007661, edNEG `pump.py`, U values "Wei et al. 2014"):
///
///     KCC2:  J = U_KCC2 · ln(K_in·Cl_in / (K_out·Cl_out))                      (1 K⁺ + 1 Cl⁻ out)
///     NKCC1: J = U_NKCC1 · f(K_out) · ln(Na_in·K_in·Cl_in² / (Na_out·K_out·Cl_out²)),
///            f(K_out) = 1/(1 + e^{16 − K_out/mM})                                (1 Na⁺ + 1 K⁺ + 2 Cl⁻ out)
///
/// J > 0 is efflux; each logarithm is the free energy of one transport cycle over RT, so the flux always
/// runs down the combined gradient and vanishes at its equilibrium. Both are electroneutral: they move
/// no net charge and do not enter the voltage.
public enum Cotransporter: Sendable, Hashable {
    /// KCC2 with U in mol·m⁻²·s⁻¹ (edNEG: 7.00·10⁻⁷).
    case kcc2(strength: Double)
    /// NKCC1 with U in mol·m⁻²·s⁻¹ (edNEG: 2.33·10⁻⁷).
    case nkcc1(strength: Double)

    public static let kcc2Wei2014 = Cotransporter.kcc2(strength: 7.00e-7)
    public static let nkcc1Wei2014 = Cotransporter.nkcc1(strength: 2.33e-7)

    public var name: String {
        switch self {
        case .kcc2: return "KCC2"
        case .nkcc1: return "NKCC1"
        }
    }

    public var strength: Double {
        switch self {
        case .kcc2(let u), .nkcc1(let u): return u
        }
    }

    /// Ions this transporter moves per cycle (name, count), efflux direction.
    public var stoichiometry: [(ion: String, count: Double)] {
        switch self {
        case .kcc2: return [("K", 1), ("Cl", 1)]
        case .nkcc1: return [("Na", 1), ("K", 1), ("Cl", 2)]
        }
    }
}
