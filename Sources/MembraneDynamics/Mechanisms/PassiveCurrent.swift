import MembraneUnits

/// A passive current no modelled ion carries, I = g·(V − E) with a fixed reversal potential E: NEURON's `pas`
/// mechanism (i = g_pas·(v − e_pas)) and the leak I_L = g_L·(V − E_L) of Hodgkin & Huxley 1952 (J. Physiol.
/// 117:500, eq. 26; NEURON's `hh`: `il = gl*(v - el)`, a NONSPECIFIC_CURRENT). It charges the membrane without
/// changing any concentration. Parameters: `g` (S/m²), `E` (V).
public struct PassiveCurrent: Mechanism, Hashable {
    public var name: String
    /// g (S/m²; NEURON's `g_pas`, HH's g_L = 0.3 mS/cm²).
    public var conductance: SpecificConductance
    /// E, fixed (NEURON's `e_pas`, HH's E_L).
    public var reversal: Voltage

    /// A passive current `name` with conductance g and reversal potential E: I = g·(V − E), outward positive.
    public init(name: String = "pas", conductance: SpecificConductance, reversal: Voltage) {
        self.name = name
        self.conductance = conductance
        self.reversal = reversal
    }

    public var ions: [String] { [] }
    public var parameterNames: [String] { ["g", "E"] }

    public func parameter(_ index: Int) -> Double {
        index == 0 ? conductance.siemensPerSquareMetre : reversal.volts
    }

    public mutating func setParameter(_ index: Int, to value: Double) throws {
        if index == 0 {
            try requireNonNegative(value, parameter: "g", unit: "S/m²")
            conductance = .siemensPerSquareMetre(value)
        } else {
            try MembraneError.requireFinite(value, field: "\(name).E", allowed: "a potential in volts")
            reversal = .volts(value)
        }
    }

    public func contribute(at site: MembraneSite) {
        site.addCurrent(conductance.siemensPerSquareMetre * (site.potential - reversal.volts))
    }

    public func contributeDerivatives(at site: MembraneSite) {
        site.addDerivative(of: .current, withRespectTo: .potential, conductance.siemensPerSquareMetre)
    }

    public func characteristicFlux(at site: MembraneSite, slot: Int) -> Double { 0 }
    public var isAffineInPotential: Bool { true }
    public var carriesNonspecificCurrent: Bool { true }
}
