import MembraneUnits

/// A passive pathway for one ion: an ohmic conductance or a GHK permeability.
///
/// Ohmic: I = g·(V − E), E = (RT/zF)·ln(c_out/c_in) (Hodgkin & Huxley 1952; Kay 2017's PLM_CD.m and
/// Keener & Sneyd's pump–leak model use this form). GHK: I = P·z·F·[c_in·g(u) − c_out·g(−u)],
/// u = zFV/RT (Goldman 1943; Hodgkin & Katz 1949; see ``GHKCurrent``). Currents are outward positive;
/// the molar flux is J = I/(zF), positive outward.
public struct Leak: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case ohmic(SpecificConductance)
        case ghk(Permeability)
    }
    /// Canonical name of the ion (must be one of the scenario's ions).
    public var ion: String
    public var kind: Kind

    public init(ion: String, _ kind: Kind) {
        self.ion = ion
        self.kind = kind
    }

    public static func ohmic(_ ion: String, milliSiemensPerSquareCentimetre g: Double) -> Leak {
        Leak(ion: ion, .ohmic(.millisiemensPerSquareCentimetre(g)))
    }

    public static func ghk(_ ion: String, centimetresPerSecond p: Double) -> Leak {
        Leak(ion: ion, .ghk(.centimetresPerSecond(p)))
    }
}
