import MembraneUnits

/// A model of single-ion activity coefficients γ (molal scale) in aqueous solution.
///
/// | model | log₁₀ γᵢ | source | used up to (molal I) |
/// |---|---|---|---|
/// | `ideal` | 0 | — | — |
/// | `debye-huckel` | −A zᵢ² √I | Debye & Hückel 1923, limiting law | 0.01 |
/// | `extended-debye-huckel` | −A zᵢ² √I / (1 + B åᵢ √I), Kielland's å | Kielland 1937, J. Am. Chem. Soc. 59:1675 | 0.1 |
/// | `guntelberg` | −A zᵢ² √I / (1 + √I) | Güntelberg 1926, Z. Phys. Chem. 123:199 | 0.1 |
/// | `davies` | −A zᵢ² (√I/(1 + √I) − 0.3 I) | Davies 1938, J. Chem. Soc. 2093; *Ion Association* 1962, eq. 3.5 | 0.5 |
/// | `davies-0.2` | −A zᵢ² (√I/(1 + √I) − 0.2 I) | Davies' original 1938 coefficient 0.2 | 0.5 |
/// | `truesdell-jones` | −A zᵢ² √I / (1 + B aᵢ √I) + bᵢ I | Truesdell & Jones 1974, J. Res. USGS 2:233; PHREEQC's `-gamma a b` (phreeqc.dat) | 2 |
/// | `pitzer` | Pitzer's virial equations, MacInnes scale | Pitzer 1973; Harvie, Møller & Weare 1984 (``PitzerParameters``) | 6 |
///
/// The validity limits are the ones the models' authors state (Davies: "up to I ≈ 0.5"; the limiting
/// law only in very dilute solution, < 0.01; Kielland's and Güntelberg's forms to 0.1; Truesdell–Jones
/// to about 2 m in NaCl-dominated waters; Pitzer to saturation of the salts fitted, ≈ 6 m).
public enum ActivityModel: String, CaseIterable, Sendable, CustomStringConvertible {
    /// γ = 1: concentrations stand for activities.
    case ideal
    /// The Debye–Hückel limiting law, log γ = −A·z²·√I (Debye & Hückel 1923); I < 0.01 mol/kg.
    case debyeHuckel = "debye-huckel"
    /// Extended Debye–Hückel, log γ = −A·z²·√I/(1 + B·å·√I) with Kielland's å (Kielland 1937); I < 0.1 mol/kg.
    case extendedDebyeHuckel = "extended-debye-huckel"
    /// Güntelberg, log γ = −A·z²·√I/(1 + √I) (Güntelberg 1926); I < 0.1 mol/kg.
    case guntelberg
    /// Davies, log γ = −A·z²·(√I/(1 + √I) − 0.3·I) (Davies 1962, *Ion Association*); I < 0.5 mol/kg.
    case davies
    /// Davies with 0.2·I in place of 0.3·I (the form of Davies 1938); I < 0.5 mol/kg.
    case davies02 = "davies-0.2"
    /// Truesdell–Jones, extended Debye–Hückel plus b·I with fitted å and b (Truesdell & Jones 1974, J. Res. USGS 2:233).
    case truesdellJones = "truesdell-jones"
    /// The Pitzer ion-interaction model with the Harvie, Møller & Weare 1984 parameters (Geochim. Cosmochim. Acta 48:723); I ≤ 6 mol/kg.
    case pitzer

    public var description: String { rawValue }

    /// The ionic strength (molal) above which the model is outside its stated validity; nil for none.
    public var validityLimit: Double? {
        switch self {
        case .ideal: return nil
        case .debyeHuckel: return 0.01
        case .extendedDebyeHuckel, .guntelberg: return 0.1
        case .davies, .davies02: return 0.5
        case .truesdellJones: return 2
        case .pitzer: return 6
        }
    }

    /// The equation and its source, as printed in outputs.
    public var source: String {
        switch self {
        case .ideal: return "γ = 1"
        case .debyeHuckel: return "Debye–Hückel limiting law log γ = −A z² √I (Debye & Hückel 1923)"
        case .extendedDebyeHuckel: return "extended Debye–Hückel log γ = −A z² √I/(1 + B å √I), å from Kielland 1937 Table I"
        case .guntelberg: return "Güntelberg 1926: log γ = −A z² √I/(1 + √I)"
        case .davies: return "Davies 1962: log γ = −A z² (√I/(1 + √I) − 0.3 I)"
        case .davies02: return "Davies 1938: log γ = −A z² (√I/(1 + √I) − 0.2 I)"
        case .truesdellJones: return "Truesdell–Jones 1974 (PHREEQC b-dot form): log γ = −A z² √I/(1 + B a √I) + b I, a and b from phreeqc.dat"
        case .pitzer: return "Pitzer equations (Pitzer 1991) with the parameters of Harvie, Møller & Weare 1984, MacInnes scale"
        }
    }

    /// Accepts the command-line names and a few spellings (`dh`, `edh`, `tj`, `davies0.3`).
    public static func named(_ text: String, field: String = "model") throws -> ActivityModel {
        // A name as written here is its own key (lower case, no white space, no underscores).
        if let m = ActivityModel(rawValue: text) { return m }
        let key = String(text.lowercased().filter { !$0.isWhitespace }).replacingUnderscores()
        if let m = ActivityModel(rawValue: key) { return m }
        switch key {
        case "dh", "limiting", "limiting-law", "debye-hückel", "debyehuckel": return .debyeHuckel
        case "edh", "extended", "kielland", "extended-debye-hückel": return .extendedDebyeHuckel
        case "güntelberg", "guentelberg": return .guntelberg
        case "davies-0.3", "davies0.3": return .davies
        case "davies0.2": return .davies02
        case "tj", "truesdell", "b-dot", "bdot", "wateq": return .truesdellJones
        case "none", "concentrations": return .ideal
        default:
            throw MembraneError.invalidValue(field: field, value: text,
                                             allowed: allCases.map(\.rawValue).joined(separator: ", "))
        }
    }
}

extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
