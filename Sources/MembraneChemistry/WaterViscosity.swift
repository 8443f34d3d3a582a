import RealModule

/// The dynamic viscosity of liquid water and the Stokes–Einstein–Walden temperature correction of D.
///
///     η(T) = A·10^(B/(T − C)),  A = 2.414e-5 Pa·s, B = 247.8 K, C = 140 K
///
/// (Vogel-type fit of Al-Shemmeri, *Engineering Fluid Mechanics* (2012), also in the CRC Handbook's
/// "Viscosity of water" discussion; 0.89 mPa·s at 25 °C, within 0.5 % of IAPWS 2008 over 0–100 °C).
/// Stokes–Einstein (and Walden's rule λ°·η ≈ const): D(T) = D(25 °C)·(T/298.15 K)·η(25 °C)/η(T).
///
/// Every ion gets the same factor, so ratios of mobilities — and therefore liquid junction
/// potentials — do not change: the correction only matters for absolute fluxes and times.
public enum WaterViscosity {
    /// The range the fit was made over (°C); Membrane uses it from −40 to 150 °C (``Domain/celsius``), where it
    /// stays finite (its pole is at −133 °C) and the outputs that use it say when they extrapolate.
    public static let fittedCelsius: ClosedRange<Double> = 0...100

    /// η in Pa·s at `kelvin`.
    public static func pascalSeconds(kelvin: Double) -> Double {
        2.414e-5 * Double.pow(10, 247.8 / (kelvin - 140))
    }

    /// D(T)/D(25 °C) by Stokes–Einstein.
    public static func stokesEinsteinFactor(kelvin: Double) -> Double {
        kelvin / 298.15 * pascalSeconds(kelvin: 298.15) / pascalSeconds(kelvin: kelvin)
    }
}
