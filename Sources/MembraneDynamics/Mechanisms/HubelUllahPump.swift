import MembraneUnits
import RealModule

/// The Na⁺/K⁺ pump of Hübel & Ullah 2016 (PLoS ONE 11:e0147060, doi:10.1371/journal.pone.0147060; ModelDB 187599,
/// `code_Fig3.ode` line 142, after Cressman et al. 2009):
///
///     I_p = a·ρ_max / (1 + e^{(25 − [Na]ᵢ)/3}) / (1 + e^{5.5 − [K]ₑ})      (µA/cm², concentrations in mM)
///
/// carrying 3 Na⁺ out and 2 K⁺ in per cycle (lines 147–148: I_Na += 3·I_p, I_K −= 2·I_p), so the cycle flux is
/// I_p/F. a is the pump's activity (1 running, 0 stopped: the code's `heav(50 − t)`, line 38). Slots: Na, K.
/// Parameters: `activity` (0…1), `rho_max` (A/m²; the code's `max_p` = 6.8 µA/cm² = 0.068 A/m²).
public struct HubelUllahPump: Mechanism, Hashable {
    /// ρ_max in A/m².
    public var maximalCurrent: Double
    /// a: the fraction of the pump running (1 running, 0 stopped; the code's `heav(50 − t)`).
    public var activity: Double

    /// A pump with ρ_max = `maximalCurrent` and activity a.
    public init(maximalCurrent: CurrentDensity, activity: Double = 1) {
        self.maximalCurrent = maximalCurrent.amperesPerSquareMetre
        self.activity = activity
    }

    /// The current per unit ρ_max and its partial derivatives in [Na]ᵢ and [K]ₑ (mM).
    @inlinable
    public static func saturation(sodiumInside na: Double, potassiumOutside k: Double)
        -> (value: Double, sodiumInside: Double, potassiumOutside: Double) {
        let a = Double.exp((25 - na) / 3), b = Double.exp(5.5 - k)
        let fa = 1 / (1 + a), fb = 1 / (1 + b)
        return (fa * fb, fa * fa * a / 3 * fb, fa * fb * fb * b)
    }

    public var name: String { "pump" }
    public var ions: [String] { ["Na", "K"] }
    public var parameterNames: [String] { ["activity", "rho_max"] }
    public func parameter(_ index: Int) -> Double { index == 0 ? activity : maximalCurrent }

    public mutating func setParameter(_ index: Int, to value: Double) throws {
        if index == 0 {
            guard value.isFinite, value >= 0, value <= 1 else {
                throw MembraneError.invalidValue(field: "pump.activity", value: "\(value)", allowed: "a pump activity from 0 (stopped) to 1")
            }
            activity = value
        } else {
            try requireNonNegative(value, parameter: "rho_max", unit: "A/m²")
            maximalCurrent = value
        }
    }

    public func contribute(at site: MembraneSite) {
        let i = activity * maximalCurrent * Self.saturation(sodiumInside: site.inside(0), potassiumOutside: site.outside(1)).value
        site.addFlux(0, 3 * i / site.faraday)
        site.addFlux(1, -2 * i / site.faraday)
    }

    public func contributeDerivatives(at site: MembraneSite) {
        let s = Self.saturation(sodiumInside: site.inside(0), potassiumOutside: site.outside(1))
        let scale = activity * maximalCurrent / site.faraday
        for (slot, count) in [(0, 3.0), (1, -2.0)] {
            site.addDerivative(of: .flux(slot), withRespectTo: .inside(0), count * scale * s.sodiumInside)
            site.addDerivative(of: .flux(slot), withRespectTo: .outside(1), count * scale * s.potassiumOutside)
        }
    }

    public func characteristicFlux(at site: MembraneSite, slot: Int) -> Double {
        (slot == 0 ? 3 : 2) * activity * maximalCurrent / site.faraday
    }

    public var isAffineInPotential: Bool { true }
    public var isActiveTransport: Bool { true }
}
