import RealModule

/// The cell-volume law of Hübel & Ullah 2016 (PLoS ONE 11:e0147060; ModelDB 187599 `code_Fig3.ode` lines 108–117 and
/// 168): the cell volume relaxes towards an equilibrium volume with time constant τ,
///
///     dv/dt = (v∞ − v)/τ,   v∞ = (1 − s)·V_tot·nᵢ/(nᵢ + nₑ) + s·v₀·(1.35 − 0.35·e^{(pₑ − pᵢ)/20})
///
/// with nᵢ, nₑ the particle amounts (fmol, impermeants included) in the cell and the extracellular space,
/// pᵢ = 1000·nᵢ/v and pₑ = 1000·nₑ/(V_tot − v) their osmolarities (mM), V_tot the fixed total volume and v₀ the
/// reference cell volume (µm³). s = 0 is the paper's derived model (Fig. 3), s = 1 its exponential model (Fig. 3
/// insets). Code units: µm³, fmol, mM; τ in seconds.
public struct VolumeRelaxation: Sendable, Hashable {
    /// V_tot: the fixed total of cell and extracellular-space volume, µm³ (2880 µm³ in the paper, code line 87).
    public var totalVolume: Double
    /// v₀: the reference cell volume of the exponential model, µm³ (2160 µm³ in the paper, code line 112).
    public var referenceVolume: Double
    /// τ in seconds (the code's `t_vl` = 250 ms).
    public var timeConstant: Double
    /// s: 0 the derived model, 1 the exponential one (values between blend them, as the code does).
    public var blend: Double

    /// The law with V_tot and v₀ in µm³, τ in seconds and the blend s (0 derived, 1 exponential).
    public init(totalVolume: Double, referenceVolume: Double, timeConstant: Double, blend: Double) {
        self.totalVolume = totalVolume
        self.referenceVolume = referenceVolume
        self.timeConstant = timeConstant
        self.blend = blend
    }

    /// v∞ for particle amounts nᵢ, nₑ (fmol) at cell volume v (µm³).
    @inlinable
    public func equilibriumVolume(inside ni: Double, outside ne: Double, volume v: Double) -> Double {
        let derived = totalVolume * ni / (ni + ne)
        guard blend != 0 else { return derived }
        let pi = ni / v * 1000, pe = ne / (totalVolume - v) * 1000
        let exponential = referenceVolume * (1.35 - 0.35 * Double.exp((pe - pi) / 20))
        return (1 - blend) * derived + blend * exponential
    }

    /// dv/dt (µm³/s).
    @inlinable
    public func rate(inside ni: Double, outside ne: Double, volume v: Double) -> Double {
        (equilibriumVolume(inside: ni, outside: ne, volume: v) - v) / timeConstant
    }
}
