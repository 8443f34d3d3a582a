import MembraneUnits
import RealModule

/// The properties of pure liquid water that set the strength of ionic interactions, at 1 atm.
///
/// - Relative permittivity ε_r(T): D. J. Bradley & K. S. Pitzer, "Thermodynamics of electrolytes.
///   12. Dielectric properties of water and Debye–Hückel parameters to 350 °C and 1 kbar",
///   J. Phys. Chem. 83:1599 (1979), eq. 1 and Table 1 (the form and constants PHREEQC uses in
///   `calc_dielectrics`, usgs-coupled/phreeqc3 `src/utilities.cpp`):
///
///       ε_r = D1000 + C·ln((B + P)/(B + 1000)),  D1000 = U1·exp(U2·T + U3·T²),
///       C = U4 + U5/(U6 + T),  B = U7 + U8/T + U9·T       (T in K, P in bar)
///
///   with U1…U9 = 342.79, −5.0866e-3, 9.469e-7, −2.0525, 3115.9, −182.89, −8032.5, 4.2142e6, 2.1417.
///   ε_r(25 °C) = 78.38 (Malmberg & Maryott 1956 measured 78.30).
/// - Density ρ(T): G. S. Kell, "Density, thermal expansivity, and compressibility of liquid water from
///   0 °C to 150 °C", J. Chem. Eng. Data 20:97 (1975), eq. 16 (1 atm, t in °C):
///
///       ρ = (999.83952 + 16.945176 t − 7.9870401e-3 t² − 46.170461e-6 t³ + 105.56302e-9 t⁴
///            − 280.54253e-12 t⁵) / (1 + 16.879850e-3 t)      kg/m³
///
/// Both are valid from 0 to 100 °C (Bradley & Pitzer to 350 °C); Membrane accepts −10 to 100 °C and
/// ``DebyeHuckelParameters`` warns outside 0–50 °C, the range the activity tests cover.
public enum WaterProperties {
    /// Standard atmosphere in bar (exact: 101 325 Pa).
    public static let standardPressureBar = 1.01325

    /// Relative permittivity of water at temperature `t` and pressure `bar` (Bradley & Pitzer 1979).
    public static func relativePermittivity(_ t: Temperature, bar: Double = standardPressureBar) -> Double {
        let T = t.kelvin
        let d1000 = 342.79 * Double.exp(T * (-5.0866e-3 + T * 9.469e-7))
        let c = -2.0525 + 3115.9 / (-182.89 + T)
        let b = -8032.5 + 4.2142e6 / T + 2.1417 * T
        return d1000 + c * Double.log((b + bar) / (b + 1000))
    }

    /// Density of water at 1 atm in kg/m³ (Kell 1975, eq. 16).
    public static func density(_ t: Temperature) -> Double {
        let c = t.celsius
        let numerator = 999.83952 + c * (16.945176 + c * (-7.9870401e-3 + c * (-46.170461e-6
            + c * (105.56302e-9 + c * -280.54253e-12))))
        return numerator / (1 + 16.879850e-3 * c)
    }

    /// Molar mass of water, kg/mol (IUPAC standard atomic weights: 2·1.008 + 15.999 g/mol).
    public static let molarMass = 0.018015
}

/// The Debye–Hückel constants of water at one temperature, from ε_r and ρ by the Debye–Hückel theory.
///
/// With the Bjerrum length l_B = e²/(4π ε₀ ε_r k_B T) and the inverse Debye length per √I,
/// κ/√I = √(2 e² N_A ρ_w / (ε₀ ε_r k_B T)) (I molal, ρ_w in kg/m³):
///
///     B  = κ/√I                         (Å⁻¹·kg^½·mol^-½)
///     A  = l_B·(κ/√I) / (2 ln 10)         (log₁₀ scale, kg^½·mol^-½)
///     A_φ = l_B·(κ/√I) / 6                 (Pitzer's osmotic Debye–Hückel slope, natural log)
///
/// (Robinson & Stokes, *Electrolyte Solutions*, 2nd ed. 1959, ch. 4; Pitzer, *Activity Coefficients
/// in Electrolyte Solutions*, 2nd ed. 1991, ch. 3, eq. 3; the same expressions as PHREEQC's
/// `calc_dielectrics`.) In the customary CGS form A = 1.82483e6·√ρ/(ε_r T)^{3/2} with ρ in g/cm³ —
/// the √ρ factor makes A molal. At 25 °C: A = 0.5100, B = 0.3285 Å⁻¹, A_φ = 0.3914
/// (Bradley & Pitzer 1979 tabulate A_φ = 0.3915).
public struct DebyeHuckelParameters: Sendable, Hashable {
    /// The temperature the parameters are evaluated at.
    public let temperature: Temperature
    /// ε_r of water at that temperature and 1 atm (Bradley & Pitzer 1979).
    public let relativePermittivity: Double
    /// Water density, kg/m³.
    public let waterDensity: Double
    /// A on the log₁₀ scale, (kg/mol)^½.
    public let a: Double
    /// B in Å⁻¹·(kg/mol)^½.
    public let b: Double
    /// Pitzer's A_φ (natural log), (kg/mol)^½.
    public let aPhi: Double

    /// A, B and A_φ at temperature `t` from water's ε_r and ρ, with CODATA 2018 constants.
    public init(temperature t: Temperature) {
        temperature = t
        let eps = WaterProperties.relativePermittivity(t)
        let rho = WaterProperties.density(t)
        relativePermittivity = eps
        waterDensity = rho
        let e = CODATA2018.elementaryCharge, kT = CODATA2018.boltzmann * t.kelvin
        let eps0 = CODATA2018.vacuumPermittivity
        let bjerrum = e * e / (4 * Double.pi * eps0 * eps * kT)                       // m
        let kappa = (2 * e * e * CODATA2018.avogadro * rho / (eps0 * eps * kT)).squareRoot() // m⁻¹ per √(mol/kg)
        a = bjerrum * kappa / (2 * Double.log(10))
        b = kappa * 1e-10
        aPhi = bjerrum * kappa / 6
    }

    /// Temperatures outside this range get a warning: the water data and the models' parameters are
    /// fitted (and Membrane tested) within it.
    public static let validCelsius: ClosedRange<Double> = 0...50
}
