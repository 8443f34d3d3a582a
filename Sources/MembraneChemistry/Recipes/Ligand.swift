import MembraneUnits
import RealModule

/// An equilibrium constant as published: log₁₀ K of an association reaction at a reference
/// temperature and ionic strength, with its reaction enthalpy.
///
/// Corrections (both standard, e.g. Bers, Patton & Nuccitelli 2010, Methods Cell Biol. 99:1, which
/// MaxChelator implements):
/// - temperature, van 't Hoff: log K(T) = log K(T_r) − ΔH/(R ln 10)·(1/T − 1/T_r);
/// - ionic strength, Davies: log K(I) = log K(I_r) − A(T)·Δ(z²)·[f(I) − f(I_r)],
///   f(I) = √I/(1 + √I) − 0.3 I, Δ(z²) = Σ z²(reactants) − Σ z²(products).
/// Constants are concentration quotients (M⁻¹); the pH of a recipe is an activity, converted with
/// the Davies γ of H⁺.
public struct LogK: Sendable, Hashable {
    /// log₁₀ K at the reference temperature and ionic strength (K in M⁻¹).
    public let value: Double
    /// T_r, the reference temperature, K.
    public let kelvin: Double
    /// I_r, the reference molar ionic strength, mol/L.
    public let ionicStrength: Double
    /// ΔH of the association, J/mol (nil when unpublished: then K is taken as temperature-independent).
    public let enthalpy: Double?

    /// log₁₀ K = `value` at `celsius` °C and ionic strength I (mol/L), with ΔH of the association in J/mol (nil:
    /// temperature-independent).
    public init(_ value: Double, celsius: Double, ionicStrength: Double, enthalpy: Double?) {
        self.value = value
        self.kelvin = celsius + CODATA2018.celsiusZero
        self.ionicStrength = ionicStrength
        self.enthalpy = enthalpy
    }

    /// log K at temperature `t` and ionic strength `i`, for a reaction with Δ(z²) = `deltaZ2`.
    public func at(_ t: Temperature, ionicStrength i: Double, deltaZ2: Int, a: Double) -> Double {
        var v = value
        if let h = enthalpy {
            v -= h / (CODATA2018.gasConstant * Double.log(10)) * (1 / t.kelvin - 1 / kelvin)
        }
        func f(_ x: Double) -> Double { let s = x.squareRoot(); return s / (1 + s) - 0.3 * x }
        return v - a * Double(deltaZ2) * (f(i) - f(ionicStrength))
    }
}

/// A pH-dependent species of a recipe: its protonation states and, where published, its complexes
/// with Ca²⁺ and Mg²⁺.
public struct Ligand: Sendable {
    /// The name recipes use ("HEPES", "EGTA", "ATP").
    public let name: String
    /// Charge of the fully deprotonated form L.
    public let baseCharge: Int
    /// Stepwise protonation constants: K_n for H⁺ + H_{n−1}L ⇌ H_nL, n = 1, 2, ….
    public let protonation: [LogK]
    /// Species name of each protonation state (index n = number of protons).
    public let speciesNames: [String]
    /// The catalog ion whose transport datum (D) every state keeps (``Ion/withCharge(_:)``).
    public let catalogName: String
    /// Metal complexes M + L ⇌ ML and M + HL ⇌ MHL.
    public struct Complex: Sendable {
        /// The metal's catalog name ("Ca", "Mg").
        public let metal: String
        /// K_ML of M + L ⇌ ML.
        public let ml: LogK
        /// K_MHL of M + HL ⇌ MHL, where published.
        public let mhl: LogK?
    }
    /// Its complexes with Ca²⁺ and Mg²⁺ (empty for the pH buffers HEPES and Tris).
    public let complexes: [Complex]
    /// pK (of the buffering step) ± 1: where the ligand buffers pH; nil when it is not used as a buffer.
    public let bufferStep: Int?
    /// Where the constants come from.
    public let source: String

    /// The ligands Membrane knows.
    public static let all: [String: Ligand] = {
        var d: [String: Ligand] = [:]
        for l in [hepes, tris, phosphate, atp, egta, bapta] { d[l.name] = l }
        return d
    }()

    static let kcal = 4184.0
    static let goldberg = "Goldberg, Kishore & Lennen 2002, J. Phys. Chem. Ref. Data 31:231 (I = 0, 25 °C, ΔrH°)"
    static let nist = "NIST Critical Stability Constants (Martell & Smith; NIST SRD 46) as used by MaxChelator's 'NIST' set "
        + "(Bers, Patton & Nuccitelli 2010, Methods Cell Biol. 99:1; file Stability Constants/NIST.json of AmruteLab/PyChelator), I = 0.1 M, 25 °C, ΔH in kcal/mol"

    /// HEPES: pKa 7.564 at 25 °C, I = 0, ΔH(dissociation) = 20.4 kJ/mol (Goldberg et al. 2002), i.e.
    /// dpKa/dT = −0.012 K⁻¹ (Vega & Bates 1976, Anal. Chem. 48:1293, measured pK2 = 7.565 at 25 °C, I = 0;
    /// Good et al. 1966 give 7.55 at 20 °C, −0.014 K⁻¹, in 0.1 M salt). L = HEPES⁻, HL = zwitterion.
    public static let hepes = Ligand(name: "HEPES", baseCharge: -1,
        protonation: [LogK(7.564, celsius: 25, ionicStrength: 0, enthalpy: -20.4e3)],
        speciesNames: ["HEPES", "HEPES-H"], catalogName: "HEPES", complexes: [], bufferStep: 1, source: goldberg)

    /// Tris: pKa 8.072 at 25 °C, I = 0, ΔH = 47.45 kJ/mol (Goldberg et al. 2002; dpKa/dT = −0.028 K⁻¹).
    public static let tris = Ligand(name: "Tris", baseCharge: 0,
        protonation: [LogK(8.072, celsius: 25, ionicStrength: 0, enthalpy: -47.45e3)],
        speciesNames: ["Tris-base", "Tris"], catalogName: "Tris", complexes: [], bufferStep: 1, source: goldberg)

    /// Phosphate: pK 12.35, 7.198, 2.148 at 25 °C, I = 0; ΔH(dissociation) 16.0, 3.6, −8.0 kJ/mol (Goldberg et al. 2002).
    public static let phosphate = Ligand(name: "phosphate", baseCharge: -3,
        protonation: [LogK(12.35, celsius: 25, ionicStrength: 0, enthalpy: -16.0e3),
                      LogK(7.198, celsius: 25, ionicStrength: 0, enthalpy: -3.6e3),
                      LogK(2.148, celsius: 25, ionicStrength: 0, enthalpy: 8.0e3)],
        speciesNames: ["PO4", "HPO4", "H2PO4", "H3PO4"], catalogName: "HPO4", complexes: [], bufferStep: 2, source: goldberg)

    /// ATP: log K_H 6.48, 3.99, 1.9 (ΔH 0.5, −3.6, 2.3 kcal/mol); CaATP 3.86 (3.2), MgATP 4.19 (4.4);
    /// CaHATP 2.16 (1.9), MgHATP 2.32 (2.3) — NIST set via MaxChelator, I = 0.1 M, 25 °C.
    public static let atp = Ligand(name: "ATP", baseCharge: -4,
        protonation: [LogK(6.48, celsius: 25, ionicStrength: 0.1, enthalpy: 0.5 * kcal),
                      LogK(3.99, celsius: 25, ionicStrength: 0.1, enthalpy: -3.6 * kcal),
                      LogK(1.9, celsius: 25, ionicStrength: 0.1, enthalpy: 2.3 * kcal)],
        speciesNames: ["ATP", "HATP", "H2ATP", "H3ATP"], catalogName: "ATP",
        complexes: [Complex(metal: "Ca", ml: LogK(3.86, celsius: 25, ionicStrength: 0.1, enthalpy: 3.2 * kcal),
                            mhl: LogK(2.16, celsius: 25, ionicStrength: 0.1, enthalpy: 1.9 * kcal)),
                    Complex(metal: "Mg", ml: LogK(4.19, celsius: 25, ionicStrength: 0.1, enthalpy: 4.4 * kcal),
                            mhl: LogK(2.32, celsius: 25, ionicStrength: 0.1, enthalpy: 2.3 * kcal))],
        bufferStep: nil, source: nist)

    /// EGTA: log K_H 9.4, 8.79, 2.7 (ΔH −5.6, −5.6, −2.6 kcal/mol); CaEGTA 10.86 (−7.9), MgEGTA 5.28 (5.5);
    /// CaHEGTA 5.307, MgHEGTA 3.47 (ΔH 0) — NIST set via MaxChelator, I = 0.1 M, 25 °C
    /// (Harrison & Bers 1987, Biochim. Biophys. Acta 925:133, measured the Ca–EGTA constant's dependence on T and I).
    public static let egta = Ligand(name: "EGTA", baseCharge: -4,
        protonation: [LogK(9.4, celsius: 25, ionicStrength: 0.1, enthalpy: -5.6 * kcal),
                      LogK(8.79, celsius: 25, ionicStrength: 0.1, enthalpy: -5.6 * kcal),
                      LogK(2.7, celsius: 25, ionicStrength: 0.1, enthalpy: -2.6 * kcal)],
        speciesNames: ["EGTA", "HEGTA", "H2EGTA", "H3EGTA"], catalogName: "EGTA",
        complexes: [Complex(metal: "Ca", ml: LogK(10.86, celsius: 25, ionicStrength: 0.1, enthalpy: -7.9 * kcal),
                            mhl: LogK(5.307, celsius: 25, ionicStrength: 0.1, enthalpy: 0)),
                    Complex(metal: "Mg", ml: LogK(5.28, celsius: 25, ionicStrength: 0.1, enthalpy: 5.5 * kcal),
                            mhl: LogK(3.47, celsius: 25, ionicStrength: 0.1, enthalpy: 0))],
        bufferStep: nil, source: nist)

    /// BAPTA: log K_H 6.372, 5.491, 3.26, 2.2; CaBAPTA 6.97, MgBAPTA 1.77 at 20 °C, I = 0.1 M
    /// (Tsien 1980, Biochemistry 19:2396, as compiled in MaxChelator's BAPTA set, file
    /// Stability Constants/Bapta-ATP_Ca-Mg_20C.json of AmruteLab/PyChelator). No enthalpies are
    /// published there: the constants are used at every temperature, with a warning away from 20 °C.
    public static let bapta = Ligand(name: "BAPTA", baseCharge: -4,
        protonation: [LogK(6.372, celsius: 20, ionicStrength: 0.1, enthalpy: nil),
                      LogK(5.491, celsius: 20, ionicStrength: 0.1, enthalpy: nil),
                      LogK(3.26, celsius: 20, ionicStrength: 0.1, enthalpy: nil),
                      LogK(2.2, celsius: 20, ionicStrength: 0.1, enthalpy: nil)],
        speciesNames: ["BAPTA", "HBAPTA", "H2BAPTA", "H3BAPTA", "H4BAPTA"], catalogName: "BAPTA",
        complexes: [Complex(metal: "Ca", ml: LogK(6.97, celsius: 20, ionicStrength: 0.1, enthalpy: nil), mhl: nil),
                    Complex(metal: "Mg", ml: LogK(1.77, celsius: 20, ionicStrength: 0.1, enthalpy: nil), mhl: nil)],
        bufferStep: nil, source: "Tsien 1980 via MaxChelator (20 °C, I = 0.1 M)")
}
