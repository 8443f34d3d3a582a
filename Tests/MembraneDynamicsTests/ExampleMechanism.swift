import MembraneDynamics
import MembraneUnits
import RealModule

/// The example of docs/writing-a-mechanism.md, compiled and tested here: a K⁺ channel with one first-order gate,
///
///     I = ḡ·s·(V − E_K),   ds/dt = (s∞(V) − s)/τ,   s∞(V) = 1/(1 + e^{−(V − V½)/k}),
///
/// the generic slow gate of Izhikevich, *Dynamical Systems in Neuroscience* (2007), §2.3 (eqs. 2.8–2.10), with E_K
/// from the concentrations (Nernst). Parameters: `g` (S/m²).
struct SlowPotassium: Mechanism {
    var conductance: SpecificConductance
    var halfActivation: Voltage = .millivolts(-35)
    var slope: Voltage = .millivolts(5)
    var timeConstant = 0.1  // s

    var name: String { "slow_K" }
    var ions: [String] { ["K"] }
    var stateNames: [String] { ["s"] }
    var parameterNames: [String] { ["g"] }
    func parameter(_ index: Int) -> Double { conductance.siemensPerSquareMetre }
    mutating func setParameter(_ index: Int, to value: Double) throws {
        try requireNonNegative(value, parameter: "g", unit: "S/m²")
        conductance = .siemensPerSquareMetre(value)
    }

    /// The open channel: ohmic with E_K from the concentrations (its derivatives come with it).
    var law: PermeationLaw { .ohmic(conductance, reversal: .nernst) }

    /// s∞(V) and ds∞/dV.
    func activation(_ v: Double) -> (value: Double, derivative: Double) {
        let e = Double.exp(-(v - halfActivation.volts) / slope.volts), s = 1 / (1 + e)
        return (s, s * s * e / slope.volts)
    }

    func contribute(at site: MembraneSite) {
        let s = site.state(0)
        site.addFlux(0, s * law.flux(at: site, slot: 0))
        site.setRate(0, (activation(site.potential).value - s) / timeConstant)
    }

    func contributeDerivatives(at site: MembraneSite) {
        let s = site.state(0)
        law.addFluxDerivatives(at: site, slot: 0, factor: s)                          // ∂(sΦ)/∂V, ∂/∂c_in, ∂/∂c_out
        site.addDerivative(of: .flux(0), withRespectTo: .state(0), law.flux(at: site, slot: 0))
        site.addDerivative(of: .rate(0), withRespectTo: .potential, activation(site.potential).derivative / timeConstant)
        site.addDerivative(of: .rate(0), withRespectTo: .state(0), -1 / timeConstant)
    }

    func steadyState(at site: MembraneSite, into states: UnsafeMutablePointer<Double>) {
        states[0] = activation(site.potential).value
    }

    func characteristicFlux(at site: MembraneSite, slot: Int) -> Double { law.characteristicFlux(at: site, slot: slot) }
}
