import MembraneUnits
import MembranePhysics
import RealModule

/// How an open channel passes its ion, as a flux per unit of open channel, with its exact partial derivatives:
///
/// - ohmic, Φ = g·(V − E)/(zF) (Hodgkin & Huxley 1952; Kay 2017's `PLM_CD.m` and Keener & Sneyd's pump–leak model),
///   with E = (RT/zF)·ln(c_out/c_in) recomputed from the concentrations at every evaluation, or a fixed E (NEURON's
///   `hh` with its default ion style): ∂Φ/∂V = g/(zF), ∂Φ/∂c_in = g·(RT/F)/(z²F·c_in), ∂Φ/∂c_out = −g·(RT/F)/(z²F·c_out)
///   (zero for a fixed E);
/// - Goldman–Hodgkin–Katz, Φ = P·(c_in·k(u) − c_out·k(−u)), k(u) = u/(1 − e^{−u}), u = zV/(RT/F) (Goldman 1943;
///   Hodgkin & Katz 1949; ``GHKCurrent``): ∂Φ/∂c_in = P·k(u), ∂Φ/∂c_out = −P·k(−u),
///   ∂Φ/∂V = P·(z/(RT/F))·(c_in·k′(u) + c_out·k′(−u)) (``GHKCurrent/kernelDerivative(_:)``).
///
/// Fluxes are outward positive (the current zFΦ is outward positive). ``Leak`` (always open) and
/// ``HodgkinHuxleyChannel`` (gated) use it for their ion.
public enum PermeationLaw: Sendable, Hashable {
    /// Ohmic: Φ = g·(V − E)/(zF), g in S/m², E the Nernst potential (the default) or a fixed reversal potential.
    case ohmic(SpecificConductance, reversal: Reversal = .nernst)
    /// GHK constant field: Φ = P·[c_in·k(u) − c_out·k(−u)], u = zFV/RT, P in m/s (Goldman 1943; Hodgkin & Katz 1949).
    case ghk(Permeability)

    /// The reversal potential of an ohmic channel.
    public enum Reversal: Sendable, Hashable {
        /// E from the concentrations (Nernst), recomputed at every evaluation.
        case nernst
        /// A fixed E, whatever the concentrations (NEURON's `ena`, `ek` of the `hh` mechanism).
        case fixed(Voltage)
    }

    /// The magnitude (g in S/m² or P in m/s).
    public var magnitude: Double {
        switch self {
        case .ohmic(let g, _): g.siemensPerSquareMetre
        case .ghk(let p): p.metresPerSecond
        }
    }

    /// The same law with magnitude `value` (S/m² or m/s).
    public func with(magnitude value: Double) -> PermeationLaw {
        switch self {
        case .ohmic(_, let e): .ohmic(.siemensPerSquareMetre(value), reversal: e)
        case .ghk: .ghk(.metresPerSecond(value))
        }
    }

    /// The name of the magnitude as a parameter: "g" or "P".
    public var magnitudeName: String {
        if case .ghk = self { return "P" }
        return "g"
    }

    /// True for an ohmic law (affine in V).
    public var isOhmic: Bool {
        if case .ohmic = self { return true }
        return false
    }

    /// The flux Φ (mol·m⁻²·s⁻¹, outward) of the ion in `slot` at `site`, fully open.
    @inlinable @inline(__always)
    public func flux(at site: MembraneSite, slot: Int) -> Double {
        switch self {
        case .ohmic(let conductance, let reversal):
            let g = conductance.siemensPerSquareMetre
            if g == 0 { return 0 }
            let z = site.valence(slot)
            let e: Double
            switch reversal {
            case .nernst: e = site.thermalVoltage / z * Double.log(site.outside(slot) / site.inside(slot))
            case .fixed(let fixed): e = fixed.volts
            }
            return g * (site.potential - e) / (z * site.faraday)
        case .ghk(let permeability):
            let p = permeability.metresPerSecond
            if p == 0 { return 0 }
            let u = site.valence(slot) * site.potential / site.thermalVoltage
            return p * (site.inside(slot) * GHKCurrent.kernel(u) - site.outside(slot) * GHKCurrent.kernel(-u))
        }
    }

    /// Adds `factor` × the partial derivatives of ``flux(at:slot:)`` with respect to V, c_in and c_out to the site.
    @inlinable @inline(__always)
    public func addFluxDerivatives(at site: MembraneSite, slot: Int, factor: Double) {
        switch self {
        case .ohmic(let conductance, let reversal):
            let g = conductance.siemensPerSquareMetre
            if g == 0 { return }
            let z = site.valence(slot), vt = site.thermalVoltage, f = site.faraday
            if case .nernst = reversal {
                let s = g * vt / (z * z * f)
                site.addDerivative(of: .flux(slot), withRespectTo: .inside(slot), factor * (s / site.inside(slot)))
                site.addDerivative(of: .flux(slot), withRespectTo: .outside(slot), factor * (-s / site.outside(slot)))
            }
            site.addDerivative(of: .flux(slot), withRespectTo: .potential, factor * (g / (z * f)))
        case .ghk(let permeability):
            let p = permeability.metresPerSecond
            if p == 0 { return }
            let z = site.valence(slot), vt = site.thermalVoltage
            let u = z * site.potential / vt
            site.addDerivative(of: .flux(slot), withRespectTo: .inside(slot), factor * (p * GHKCurrent.kernel(u)))
            site.addDerivative(of: .flux(slot), withRespectTo: .outside(slot), factor * (-p * GHKCurrent.kernel(-u)))
            site.addDerivative(of: .flux(slot), withRespectTo: .potential,
                               factor * (p * z / vt * (site.inside(slot) * GHKCurrent.kernelDerivative(u)
                                                       + site.outside(slot) * GHKCurrent.kernelDerivative(-u))))
        }
    }

    /// A typical magnitude of the flux: g·(RT/F)/(|z|F) (ohmic) or P·(c_in + c_out) (GHK).
    public func characteristicFlux(at site: MembraneSite, slot: Int) -> Double {
        switch self {
        case .ohmic(let g, _): g.siemensPerSquareMetre * site.thermalVoltage / (abs(site.valence(slot)) * site.faraday)
        case .ghk(let p): p.metresPerSecond * (site.inside(slot) + site.outside(slot))
        }
    }
}
