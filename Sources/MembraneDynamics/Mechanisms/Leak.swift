import MembraneUnits

/// A passive pathway for one ion, always open: an ohmic conductance or a GHK permeability (``PermeationLaw``).
///
/// Ohmic: I = g·(V − E), E = (RT/zF)·ln(c_out/c_in) (Hodgkin & Huxley 1952; Kay 2017's PLM_CD.m and
/// Keener & Sneyd's pump–leak model use this form). GHK: I = P·z·F·[c_in·g(u) − c_out·g(−u)],
/// u = zFV/RT (Goldman 1943; Hodgkin & Katz 1949; see ``GHKCurrent``). Currents are outward positive;
/// the molar flux is J = I/(zF), positive outward. Parameter: `g` (S/m²) or `P` (m/s).
public struct Leak: Mechanism, Hashable {
    /// The leak's law and its magnitude.
    public enum Kind: Sendable, Hashable {
        /// Ohmic, I = g·(V − E) with E the Nernst potential of the current concentrations; g in S/m².
        case ohmic(SpecificConductance)
        /// GHK constant field, I = P·z·F·[c_in·g(u) − c_out·g(−u)], u = zFV/RT (Goldman 1943; Hodgkin & Katz 1949).
        case ghk(Permeability)
    }
    /// Canonical name of the ion (must be one of the scenario's ions).
    public var ion: String
    /// The law and its conductance or permeability.
    public var kind: Kind

    /// A leak of `ion` (its canonical name) with the law `kind`.
    public init(ion: String, _ kind: Kind) {
        self.ion = ion
        self.kind = kind
    }

    /// An ohmic leak of `ion` with conductance g in mS/cm² (1 mS/cm² = 10 S/m²).
    public static func ohmic(_ ion: String, milliSiemensPerSquareCentimetre g: Double) -> Leak {
        Leak(ion: ion, .ohmic(.millisiemensPerSquareCentimetre(g)))
    }

    /// A GHK leak of `ion` with permeability P in cm/s (1 cm/s = 10⁻² m/s).
    public static func ghk(_ ion: String, centimetresPerSecond p: Double) -> Leak {
        Leak(ion: ion, .ghk(.centimetresPerSecond(p)))
    }

    /// The law of its ion's flux.
    public var law: PermeationLaw {
        switch kind {
        case .ohmic(let g): .ohmic(g, reversal: .nernst)
        case .ghk(let p): .ghk(p)
        }
    }

    // MARK: Mechanism

    public var name: String { "leak_\(ion)" }
    public var ions: [String] { [ion] }
    public var parameterNames: [String] { [law.magnitudeName] }
    public func parameter(_ index: Int) -> Double { law.magnitude }

    public mutating func setParameter(_ index: Int, to value: Double) throws {
        try requireNonNegative(value, parameter: law.magnitudeName, unit: law.isOhmic ? "S/m²" : "m/s")
        switch kind {
        case .ohmic: kind = .ohmic(.siemensPerSquareMetre(value))
        case .ghk: kind = .ghk(.metresPerSecond(value))
        }
    }

    public func contribute(at site: MembraneSite) { site.addFlux(0, law.flux(at: site, slot: 0)) }

    public func contributeDerivatives(at site: MembraneSite) { law.addFluxDerivatives(at: site, slot: 0, factor: 1) }

    public func characteristicFlux(at site: MembraneSite, slot: Int) -> Double { law.characteristicFlux(at: site, slot: 0) }

    public var isAffineInPotential: Bool { law.isOhmic }
}
