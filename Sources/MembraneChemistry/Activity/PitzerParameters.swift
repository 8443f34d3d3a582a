import RealModule

/// Pitzer interaction parameters for the physiological major ions Na⁺, K⁺, Ca²⁺, Mg²⁺, H⁺, Cl⁻,
/// SO₄²⁻ and HCO₃⁻, with their temperature dependence.
///
/// **25 °C values: Harvie, Møller & Weare 1984** (Geochim. Cosmochim. Acta 48:723; "HMW84"), Table 1
/// (β⁰, β¹, β², C^φ) and Table 2 (θ, ψ). The binary values of the four chlorides are those of Pitzer &
/// Mayorga 1973 (J. Phys. Chem. 77:2300, Tables I and VI; for the 2:1 salts PM73 tabulate (4/3)β⁰,
/// (4/3)β¹ and (2^{5/2}/3)C^φ: MgCl₂ 0.4698, 2.242, 0.00979 → 0.35235, 1.6815, 0.00519; CaCl₂ 0.4212,
/// 2.152, −0.00064 → 0.3159, 1.614, −0.00034), which HMW84 adopted.
///
/// **Temperature terms and the transcription used: PHREEQC's pitzer.dat as distributed before its 2015
/// revision** (usgs-coupled/phreeqc, `database/pitzer.dat`, commit 32e5684f6a7150bc28b4e208b8a8b6ec830f3b5b;
/// the PHRQPITZ data base of Plummer, Parkhurst, Fleming & Dunkle 1988, USGS WRI Report 88-4153). Its
/// PITZER block holds HMW84's 25 °C values and, for most binary pairs, first temperature derivatives
/// ∂P/∂T at 25 °C (the a3 column) from Silvester & Pitzer (J. Phys. Chem. 81:1822, 1977; J. Solution Chem.
/// 7:327, 1978), as tabulated by Pitzer 1991 (*Activity Coefficients in Electrolyte Solutions*, 2nd ed.,
/// ch. 3, Tables 12–13); NaCl carries a fuller function. The excerpt of that file for these eight ions is
/// committed verbatim as `Tests/Reference/activity/pitzer-hmw84.dat`, and a test checks this table
/// against it entry by entry. Each parameter P(T) follows PHREEQC's `calc_pitz_param`:
///
///     P = a0 + a1 (1/T − 1/Tr) + a2 ln(T/Tr) + a3 (T − Tr) + a4 (T² − Tr²) + a5 (1/T² − 1/Tr²),
///     Tr = 298.15 K.
///
/// Why this set and not the current pitzer.dat (Appelo 2015, Appl. Geochem. 55:62, whose 25 °C values
/// for the Na, K, Ca, Mg chlorides and sulfates are refits over 0–200 °C): at 25 °C the refit leaves
/// MgCl₂ 1.0–1.1 % below the measured γ± of Robinson & Stokes (0.3–0.7 mol/kg), HMW84/PM73 within 0.4 %;
/// and Membrane's range is 0–50 °C, where first derivatives about 25 °C are the natural expansion.
///
/// Known differences between transcriptions, kept as PHREEQC has them: NaCl β¹ = 0.2664 (PM73; pytzer's
/// HMW84 module, mvdh7/pytzer, has 0.2644); ψ(Na, Cl, HCO₃) = −0.015 (pytzer: −0.15); ∂C^φ/∂T of HCl =
/// +6.213e-5 (pytzer's copy of Pitzer 1991 Table 12: −6.213e-5, negligible at physiological H⁺); of the
/// CaCl₂ and MgCl₂ derivatives, β¹ (3.9e-3, 3.6525e-3 K⁻¹) and CaCl₂'s β⁰ and C^φ are not those of pytzer's
/// copy of Pitzer 1991 Table 13 (β¹ 2.66e-3, 2.78e-3 K⁻¹); the other derivatives agree with Tables 12–13.
///
/// Parameters listed without temperature terms (all θ and ψ; the H–SO₄, Ca–HCO₃ and Mg–HCO₃ pairs; β⁰ of
/// CaSO₄, C^φ of CaCl₂ and KHCO₃) stay at their 25 °C values at every temperature, as in PHREEQC; the Debye–Hückel slope
/// A_φ(T) always follows water's ε_r and ρ (``DebyeHuckelParameters``).
public enum PitzerParameters {
    /// One temperature-dependent parameter (a0…a5 of the expression above).
    public struct Coefficients: Sendable, Hashable {
        /// a0…a5 (six values, missing ones 0).
        public let a: [Double]
        /// The coefficients a0, a1, … as listed (missing ones 0).
        public init(_ a: Double...) { self.a = a + Array(repeating: 0, count: max(0, 6 - a.count)) }
        /// The coefficients a0, a1, … of an array (missing ones 0).
        public init(array a: [Double]) { self.a = a + Array(repeating: 0, count: max(0, 6 - a.count)) }

        /// P(T) at `kelvin`.
        public func value(at kelvin: Double) -> Double {
            let tr = 298.15, t = kelvin
            if abs(t - tr) < 1e-9 { return a[0] }
            return a[0] + a[1] * (1 / t - 1 / tr) + a[2] * Double.log(t / tr) + a[3] * (t - tr)
                + a[4] * (t * t - tr * tr) + a[5] * (1 / (t * t) - 1 / (tr * tr))
        }
    }

    /// Key for an unordered pair of catalog names.
    public static func pair(_ a: String, _ b: String) -> String { a < b ? a + "|" + b : b + "|" + a }
    /// Key for a triple: the pair of like-charged ions (sorted) and the third ion.
    public static func triple(_ a: String, _ b: String, _ c: String) -> String { pair(a, b) + "|" + c }

    /// β⁽⁰⁾ (cation–anion). HMW84 Table 1; T terms: pitzer.dat before 2015.
    public static let beta0: [String: Coefficients] = [
        pair("Na", "Cl"): .init(0.0765, -777.03, -4.4706, 0.008946, -3.3158e-6),
        pair("K", "Cl"): .init(0.04835, 0, 0, 5.794e-4),
        pair("Mg", "Cl"): .init(0.35235, 0, 0, -1.943e-4),
        pair("Ca", "Cl"): .init(0.3159, 0, 0, -1.725e-4),
        pair("H", "Cl"): .init(0.1775, 0, 0, -3.081e-4),
        pair("Na", "SO4"): .init(0.01958, 0, 0, 2.367e-3),
        pair("K", "SO4"): .init(0.04995, 0, 0, 1.44e-3),
        pair("Mg", "SO4"): .init(0.221, 0, 0, -0.69e-3),
        pair("Ca", "SO4"): .init(0.2),
        pair("H", "SO4"): .init(0.0298),
        pair("Na", "HCO3"): .init(0.0277, 0, 0, 1.00e-3),
        pair("K", "HCO3"): .init(0.0296, 0, 0, 0.996e-3),
        pair("Mg", "HCO3"): .init(0.329),
        pair("Ca", "HCO3"): .init(0.4),
    ]

    /// β⁽¹⁾ (cation–anion). HMW84 Table 1; T terms: pitzer.dat before 2015.
    public static let beta1: [String: Coefficients] = [
        pair("Na", "Cl"): .init(0.2664, 0, 0, 6.1608e-5, 1.0715e-6),
        pair("K", "Cl"): .init(0.2122, 0, 0, 10.71e-4),
        pair("Mg", "Cl"): .init(1.6815, 0, 0, 3.6525e-3),
        pair("Ca", "Cl"): .init(1.614, 0, 0, 3.9e-3),
        pair("H", "Cl"): .init(0.2945, 0, 0, 1.419e-4),
        pair("Na", "SO4"): .init(1.113, 0, 0, 5.6325e-3),
        pair("K", "SO4"): .init(0.7793, 0, 0, 6.6975e-3),
        pair("Mg", "SO4"): .init(3.343, 0, 0, 1.53e-2),
        pair("Ca", "SO4"): .init(3.1973, 0, 0, 5.46e-2),
        pair("Na", "HCO3"): .init(0.0411, 0, 0, 1.10e-3),
        pair("K", "HCO3"): .init(-0.013, 0, 0, 1.104e-3),
        pair("Mg", "HCO3"): .init(0.6072),
        pair("Ca", "HCO3"): .init(2.977),
    ]

    /// β⁽²⁾ (2:2 pairs, α₂ = 12). HMW84 Table 1; T terms: pitzer.dat before 2015.
    public static let beta2: [String: Coefficients] = [
        pair("Mg", "SO4"): .init(-37.23, 0, 0, -0.253),
        pair("Ca", "SO4"): .init(-54.24, 0, 0, -0.516),
    ]

    /// C^φ (cation–anion). HMW84 Table 1; T terms: pitzer.dat before 2015.
    public static let cPhi: [String: Coefficients] = [
        pair("Na", "Cl"): .init(0.00127, 33.317, 0.09421, -4.655e-5),
        pair("K", "Cl"): .init(-0.00084, 0, 0, -5.095e-5),
        pair("Mg", "Cl"): .init(0.00519, 0, 0, -1.64933e-4),
        pair("Ca", "Cl"): .init(-0.00034),
        pair("H", "Cl"): .init(0.0008, 0, 0, 6.213e-5),
        pair("Na", "SO4"): .init(0.00497, 0, 0, -4.87904e-4),
        pair("Mg", "SO4"): .init(0.025, 0, 0, 0.523e-3),
        pair("H", "SO4"): .init(0.0438),
        pair("K", "HCO3"): .init(-0.008),
    ]

    /// θ (like-charged pairs). HMW84 Table 2.
    public static let theta: [String: Coefficients] = [
        pair("K", "Na"): .init(-0.012),
        pair("Mg", "Na"): .init(0.07),
        pair("Ca", "Na"): .init(0.07),
        pair("H", "Na"): .init(0.036),
        pair("Ca", "K"): .init(0.032),
        pair("H", "K"): .init(0.005),
        pair("Ca", "Mg"): .init(0.007),
        pair("H", "Mg"): .init(0.1),
        pair("Ca", "H"): .init(0.092),
        pair("Cl", "SO4"): .init(0.02),
        pair("Cl", "HCO3"): .init(0.03),
        pair("HCO3", "SO4"): .init(0.01),
    ]

    /// ψ (two like-charged ions and one of the opposite sign), keyed by ``triple(_:_:_:)``. HMW84 Table 2.
    public static let psi: [String: Coefficients] = [
        triple("K", "Na", "Cl"): .init(-0.0018),
        triple("K", "Na", "SO4"): .init(-0.010),
        triple("K", "Na", "HCO3"): .init(-0.003),
        triple("Ca", "Na", "Cl"): .init(-0.007),
        triple("Ca", "Na", "SO4"): .init(-0.055),
        triple("Mg", "Na", "Cl"): .init(-0.012),
        triple("Mg", "Na", "SO4"): .init(-0.015),
        triple("H", "Na", "Cl"): .init(-0.004),
        triple("Ca", "K", "Cl"): .init(-0.025),
        triple("K", "Mg", "Cl"): .init(-0.022),
        triple("K", "Mg", "SO4"): .init(-0.048),
        triple("H", "K", "Cl"): .init(-0.011),
        triple("H", "K", "SO4"): .init(0.197),
        triple("Ca", "Mg", "Cl"): .init(-0.012),
        triple("Ca", "Mg", "SO4"): .init(0.024),
        triple("Ca", "H", "Cl"): .init(-0.015),
        triple("H", "Mg", "Cl"): .init(-0.011),
        triple("Cl", "SO4", "Na"): .init(0.0014),
        triple("Cl", "SO4", "Ca"): .init(-0.018),
        triple("Cl", "SO4", "Mg"): .init(-0.004),
        triple("Cl", "HCO3", "Na"): .init(-0.015),
        triple("Cl", "HCO3", "Mg"): .init(-0.096),
        triple("HCO3", "SO4", "Na"): .init(-0.005),
        triple("HCO3", "SO4", "Mg"): .init(-0.161),
    ]

    /// The ions this set parameterises (catalog names).
    public static let ions: Set<String> = ["Na", "K", "Ca", "Mg", "H", "Cl", "SO4", "HCO3"]
}
