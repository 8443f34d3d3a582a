import RealModule

/// Pitzer interaction parameters for the physiological major ions Na⁺, K⁺, Ca²⁺, Mg²⁺, H⁺, Cl⁻,
/// SO₄²⁻ and HCO₃⁻, with their temperature dependence.
///
/// Source: pitzer.dat of PHREEQC 3.8.6 (bundled with pyEQL 1.7.0; usgs-coupled/phreeqc3
/// `database/pitzer.dat`), sections -B0, -B1, -B2, -C0, -THETA, -PSI. Its 25 °C values are those of
/// Harvie, Møller & Weare 1984 (Geochim. Cosmochim. Acta 48:723, Tables 1–3), refitted with
/// temperature terms for the Na, K, Ca, Mg chlorides and sulfates by Appelo 2015 (Appl. Geochem.
/// 55:62, "ref. 3" in the file). Each parameter P(T) follows PHREEQC's `calc_pitz_param`:
///
///     P = a0 + a1 (1/T − 1/Tr) + a2 ln(T/Tr) + a3 (T − Tr) + a4 (T² − Tr²) + a5 (1/T² − 1/Tr²),
///     Tr = 298.15 K.
///
/// Parameters listed without temperature terms (H⁺ pairs, HCO₃⁻ pairs except with K⁺, most θ and ψ)
/// stay at their 25 °C values at every temperature, as in PHREEQC; the Debye–Hückel slope A_φ(T)
/// always follows water's ε_r and ρ (``DebyeHuckelParameters``).
public enum PitzerParameters {
    /// One temperature-dependent parameter (a0…a5 of the expression above).
    public struct Coefficients: Sendable, Hashable {
        public let a: [Double]
        public init(_ a: Double...) { self.a = a + Array(repeating: 0, count: max(0, 6 - a.count)) }

        /// P(T) at `kelvin`.
        public func value(at kelvin: Double) -> Double {
            let tr = 298.15, t = kelvin
            if abs(t - tr) < 1e-9 { return a[0] }
            return a[0] + a[1] * (1 / t - 1 / tr) + a[2] * Double.log(t / tr) + a[3] * (t - tr)
                + a[4] * (t * t - tr * tr) + a[5] * (1 / (t * t) - 1 / (tr * tr))
        }
    }

    /// Key for an unordered pair of catalog names.
    static func pair(_ a: String, _ b: String) -> String { a < b ? a + "|" + b : b + "|" + a }
    /// Key for a triple: the pair of like-charged ions (sorted) and the third ion.
    static func triple(_ a: String, _ b: String, _ c: String) -> String { pair(a, b) + "|" + c }

    /// β⁽⁰⁾ (cation–anion).
    public static let beta0: [String: Coefficients] = [
        pair("Ca", "Cl"): .init(0.3159, 0, 0, -3.27e-4, 1.4e-7),
        pair("Ca", "HCO3"): .init(0.4),
        pair("Ca", "SO4"): .init(0),
        pair("H", "Cl"): .init(0.1775, 0, 0, -3.081e-4),
        pair("K", "Cl"): .init(0.04808, -758.48, -4.7062, 0.010072, -3.7599e-6),
        pair("Mg", "Cl"): .init(0.351, 0, 0, -9.32e-4, 5.94e-7),
        pair("Na", "Cl"): .init(7.534e-2, 9598.4, 35.48, -5.8731e-2, 1.798e-5, -5e5),
        pair("H", "SO4"): .init(0.0298),
        pair("K", "HCO3"): .init(0.0296, 0, 0, 0.996e-3),
        pair("Mg", "HCO3"): .init(0.329),
        pair("Na", "HCO3"): .init(-0.018),
        pair("K", "SO4"): .init(3.17e-2, 0, 0, 9.28e-4),
        pair("Mg", "SO4"): .init(0.2135, -951, 0, -2.34e-2, 2.28e-5),
        pair("Na", "SO4"): .init(2.73e-2, 0, -5.8, 9.89e-3, 0, -1.563e5),
    ]

    /// β⁽¹⁾ (cation–anion).
    public static let beta1: [String: Coefficients] = [
        pair("Ca", "Cl"): .init(1.614, 0, 0, 7.63e-3, -8.19e-7),
        pair("Ca", "HCO3"): .init(2.977),
        pair("Ca", "SO4"): .init(3.546, 0, 0, 5.77e-3),
        pair("H", "Cl"): .init(0.2945, 0, 0, 1.419e-4),
        pair("K", "Cl"): .init(0.2168, 0, -6.895, 2.262e-2, -9.293e-6, -1e5),
        pair("Mg", "Cl"): .init(1.65, 0, 0, -1.09e-2, 2.6e-5),
        pair("Na", "Cl"): .init(0.2769, 1.377e4, 46.8, -6.9512e-2, 2e-5, -7.4823e5),
        pair("K", "HCO3"): .init(0.25, 0, 0, 1.104e-3),
        pair("Mg", "HCO3"): .init(0.6072),
        pair("Na", "HCO3"): .init(0),
        pair("K", "SO4"): .init(0.756, -1.514e4, -80.3, 0.1091),
        pair("Mg", "SO4"): .init(3.367, -5.78e3, 0, -1.48e-1, 1.576e-4),
        pair("Na", "SO4"): .init(0.956, 2.663e3, 0, 1.158e-2, 0, -3.194e5),
    ]

    /// β⁽²⁾ (cation–anion).
    public static let beta2: [String: Coefficients] = [
        pair("Ca", "Cl"): .init(-1.13, 0, 0, -0.0476),
        pair("Ca", "SO4"): .init(-59.3, 0, 0, -0.443, -3.96e-6),
        pair("Na", "HCO3"): .init(8.22, 0, 0, -0.049),
        pair("Mg", "SO4"): .init(-32.45, 0, -3.236e3, 21.812, -1.8859e-2),
    ]

    /// C^φ (cation–anion).
    public static let cPhi: [String: Coefficients] = [
        pair("Ca", "Cl"): .init(1.4e-4, -57, -0.098, -7.83e-4, 7.18e-7),
        pair("Ca", "SO4"): .init(0.114),
        pair("H", "Cl"): .init(0.0008, 0, 0, 6.213e-5),
        pair("K", "Cl"): .init(-7.88e-4, 91.27, 0.58643, -1.298e-3, 4.9567e-7),
        pair("Mg", "Cl"): .init(0.00651, 0, 0, -2.5e-4, 2.418e-7),
        pair("Na", "Cl"): .init(1.48e-3, -120.5, -0.2081, 0, 1.166e-7, 11121),
        pair("H", "SO4"): .init(0.0438),
        pair("K", "HCO3"): .init(-0.008),
        pair("K", "SO4"): .init(8.18e-3, -625, -3.3, 4.06e-3),
        pair("Mg", "SO4"): .init(2.875e-2, 0, -2.084, 1.1428e-2, -8.228e-6),
        pair("Na", "SO4"): .init(3.418e-3, -384, 0, -8.451e-4, 0, 5.177e4),
    ]

    /// θ (like-charged pairs).
    public static let theta: [String: Coefficients] = [
        pair("Ca", "H"): .init(0.092),
        pair("Ca", "K"): .init(-5.35e-3, 0, 0, 3.08e-4),
        pair("Ca", "Mg"): .init(0.007),
        pair("Ca", "Na"): .init(9.22e-2, 0, 0, -4.29e-4, 1.21e-6),
        pair("Cl", "HCO3"): .init(0.03),
        pair("Cl", "SO4"): .init(0.03),
        pair("H", "K"): .init(0.005),
        pair("H", "Mg"): .init(0.1),
        pair("H", "Na"): .init(0.036),
        pair("HCO3", "SO4"): .init(0.01),
        pair("K", "Na"): .init(-0.012),
        pair("Mg", "Na"): .init(0.07),
    ]

    /// ψ (two like-charged ions and one of the opposite sign), keyed by ``triple(_:_:_:)``.
    public static let psi: [String: Coefficients] = [
        triple("Ca", "H", "Cl"): .init(-0.015),
        triple("Ca", "K", "Cl"): .init(-0.025),
        triple("Ca", "Mg", "Cl"): .init(-0.012),
        triple("Ca", "Na", "Cl"): .init(-1.48e-2, 0, 0, -5.2e-6),
        triple("Cl", "SO4", "Ca"): .init(-0.122, 0, 0, -1.21e-3),
        triple("Ca", "K", "SO4"): .init(-0.0365),
        triple("Ca", "Mg", "SO4"): .init(0.024),
        triple("Ca", "Na", "SO4"): .init(-0.055, 17.2),
        triple("H", "K", "Cl"): .init(-0.011),
        triple("H", "Mg", "Cl"): .init(-0.011),
        triple("H", "Na", "Cl"): .init(-0.004),
        triple("Cl", "HCO3", "Mg"): .init(-0.096),
        triple("Cl", "HCO3", "Na"): .init(0),
        triple("K", "Mg", "Cl"): .init(-0.022, -14.27),
        triple("K", "Na", "Cl"): .init(-0.0015, 0, 0, 1.8e-5),
        triple("Cl", "SO4", "K"): .init(-1e-3),
        triple("Mg", "Na", "Cl"): .init(-0.012, -9.51),
        triple("Cl", "SO4", "Mg"): .init(-0.008, 32.63),
        triple("Cl", "SO4", "Na"): .init(0),
        triple("H", "K", "SO4"): .init(0.197),
        triple("K", "Na", "HCO3"): .init(-0.003),
        triple("HCO3", "SO4", "Mg"): .init(-0.161),
        triple("HCO3", "SO4", "Na"): .init(-0.005),
        triple("K", "Mg", "SO4"): .init(-0.048),
        triple("K", "Na", "SO4"): .init(-0.01),
        triple("Mg", "Na", "SO4"): .init(-0.015),
    ]

    /// The ions this set parameterises (catalog names).
    public static let ions: Set<String> = ["Na", "K", "Ca", "Mg", "H", "Cl", "SO4", "HCO3"]
}
