/// The defining constants of the SI and the constants Membrane derives from them.
///
/// Source: CODATA 2018 recommended values (Tiesinga, Mohr, Newell & Taylor,
/// Rev. Mod. Phys. 93, 025010 (2021); NIST SP 961 (2019)). Since the 2019
/// redefinition of the SI, e, N_A and k_B are exact by definition, so
/// F = e·N_A and R = k_B·N_A are exact too.
public enum CODATA2018 {
    /// Elementary charge e, in coulombs (exact).
    public static let elementaryCharge = 1.602176634e-19
    /// Avogadro constant N_A, in mol⁻¹ (exact).
    public static let avogadro = 6.02214076e23
    /// Boltzmann constant k_B, in J/K (exact).
    public static let boltzmann = 1.380649e-23
    /// Faraday constant F = e·N_A = 96 485.332 12… C/mol (exact).
    public static let faraday = elementaryCharge * avogadro
    /// Molar gas constant R = k_B·N_A = 8.314 462 618… J/(mol·K) (exact).
    public static let gasConstant = boltzmann * avogadro
    /// Vacuum electric permittivity ε₀ = 8.854 187 8128(13)e-12 F/m (measured, CODATA 2018).
    public static let vacuumPermittivity = 8.8541878128e-12
    /// Zero of the Celsius scale, 273.15 K (exact, SI definition of the degree Celsius).
    public static let celsiusZero = 273.15
}
