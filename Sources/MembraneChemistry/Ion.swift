import MembraneUnits

/// An ionic (or neutral) solute species, with the data every model of Membrane needs.
///
/// The transport datum is stored in the form its source published it: the limiting
/// equivalent conductivity λ°/|z| (S·cm²/mol, as in the CRC Handbook table "Ionic
/// conductivity and diffusion at infinite dilution") or the diffusion coefficient D°
/// (m²/s). The other forms follow from the Nernst–Einstein relation at 25 °C:
///
///     D° = R·T·λ_eq / (|z|·F²)        u = λ_eq / F   (m²·V⁻¹·s⁻¹)
///
/// with λ_eq in S·m²/mol (Robinson & Stokes, *Electrolyte Solutions*, 2nd ed. 1959, §2.4).
public struct Ion: Sendable, Hashable, CustomStringConvertible {
    /// Canonical name, as printed by `membrane ions` and used as the JSON key (`Na`, `Cl`, `gluconate`).
    public let name: String
    /// Valence z (signed), e.g. +1 for Na⁺, −2 for SO₄²⁻, 0 for a neutral solute.
    public let charge: Int
    /// Everything else, shared by reference so that copying an ion (inside solutions, permeant lists,
    /// sweeps) costs two retains rather than one per field.
    private let details: Details

    private final class Details: Sendable {
        let longName: String
        let aliases: [String]
        let transport: TransportDatum?
        let ionSize: Double?
        let transportSource: String
        let ionSizeSource: String
        let chargeNote: String?
        let isCustom: Bool
        let transportUncertainty: Double?

        init(longName: String, aliases: [String], transport: TransportDatum?, ionSize: Double?,
             transportSource: String, ionSizeSource: String, chargeNote: String?, isCustom: Bool,
             transportUncertainty: Double?) {
            self.longName = longName
            self.aliases = aliases
            self.transport = transport
            self.ionSize = ionSize
            self.transportSource = transportSource
            self.ionSizeSource = ionSizeSource
            self.chargeNote = chargeNote
            self.isCustom = isCustom
            self.transportUncertainty = transportUncertainty
        }
    }

    /// A longer name for tables (`sodium`).
    public var longName: String { details.longName }
    /// Other names the parser accepts (case-insensitive), besides the generated ones (`Na+`, `Na1+`).
    public var aliases: [String] { details.aliases }
    /// Transport datum at 25 °C, or nil when no published value is known.
    public var transport: TransportDatum? { details.transport }
    /// Ion-size parameter å of the extended Debye–Hückel equation, in ångström (Kielland 1937), or nil.
    public var ionSize: Double? { details.ionSize }
    /// Where the transport datum comes from.
    public var transportSource: String { details.transportSource }
    /// Where the ion-size parameter comes from.
    public var ionSizeSource: String { details.ionSizeSource }
    /// For species with several protonation states (ATP, EGTA, phosphate...), the charge used when
    /// neither an explicit `(z=…)` nor a pH is given, and a note on it; nil for single-state ions.
    public var chargeNote: String? { details.chargeNote }
    /// True for ions defined in a solution string by the user, not from the catalog.
    public var isCustom: Bool { details.isCustom }
    /// For a transport datum that is an estimate (no published value exists), its plausible relative
    /// error: the true D is taken to lie within D·(1 ± u). Nil for published (or user-supplied) data.
    /// See ``DiffusionEstimate``.
    public var transportUncertainty: Double? { details.transportUncertainty }
    /// True when the transport datum is an estimate rather than a published value.
    public var isTransportEstimate: Bool { details.transportUncertainty != nil }

    /// A species from its fields (see each property): `transport` nil when no published value is known,
    /// `transportUncertainty` given only for an estimated datum (``DiffusionEstimate``).
    public init(name: String, charge: Int, longName: String = "", aliases: [String] = [],
                transport: TransportDatum?, ionSize: Double? = nil,
                transportSource: String = "", ionSizeSource: String = "",
                chargeNote: String? = nil, isCustom: Bool = false, transportUncertainty: Double? = nil) {
        self.name = name
        self.charge = charge
        self.details = Details(longName: longName.isEmpty ? name : longName, aliases: aliases, transport: transport,
                               ionSize: ionSize, transportSource: transportSource, ionSizeSource: ionSizeSource,
                               chargeNote: chargeNote, isCustom: isCustom, transportUncertainty: transportUncertainty)
    }

    /// Two ions are the same species when name, charge and data agree.
    public static func == (a: Ion, b: Ion) -> Bool {
        a.name == b.name && a.charge == b.charge
            && (a.details === b.details || (a.transport == b.transport && a.ionSize == b.ionSize && a.isCustom == b.isCustom))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(charge)
    }

    public var description: String { name }

    /// True when z ≠ 0.
    public var isCharged: Bool { charge != 0 }

    /// The formula-like label with its charge, e.g. `Ca2+`, `Cl-`, `glucose`.
    public var chargeLabel: String {
        switch charge {
        case 0: return name
        case 1: return name + "+"
        case -1: return name + "-"
        case let z where z > 0: return "\(name)\(z)+"
        default: return "\(name)\(-charge)-"
        }
    }

    /// Valences Membrane accepts: the catalog's species span −4 (ATP⁴⁻, BAPTA⁴⁻) to +4 (spermine⁴⁺);
    /// ±6 leaves room for custom polyvalent ions (hexacyanoferrate is 4−, P₃O₁₀ 5−) without admitting typos.
    public static let validCharges: ClosedRange<Int> = -6...6

    /// A user-defined ion (not from the catalog): throws for a charge outside ``validCharges``,
    /// naming `field`.
    public static func custom(name: String, charge: Int, diffusion: Double? = nil, field: String) throws -> Ion {
        guard validCharges.contains(charge) else {
            throw MembraneError.invalidValue(field: field, value: "\(charge)", allowed: "an integer charge from -6 to +6")
        }
        return Ion(name: name, charge: charge, transport: diffusion.map { .diffusion($0) },
                   transportSource: diffusion == nil ? "" : "user-supplied D", isCustom: true)
    }

    /// The same species with another charge state, keeping its diffusion coefficient (size) and identity.
    public func withCharge(_ z: Int) -> Ion {
        let d = diffusionCoefficient
        return Ion(name: name, charge: z, longName: longName, aliases: aliases,
                   transport: d.map { .diffusion($0.squareMetresPerSecond) }, ionSize: ionSize,
                   transportSource: transportSource + (d == nil ? "" : " (D kept for charge state z = \(z))"),
                   ionSizeSource: ionSizeSource, chargeNote: chargeNote, isCustom: isCustom,
                   transportUncertainty: transportUncertainty)
    }
}

/// A published transport property of an ion at infinite dilution and 25 °C.
public enum TransportDatum: Sendable, Hashable {
    /// Limiting equivalent conductivity λ°/|z| in S·cm²/mol (per mole of charge).
    case equivalentConductivity(Double)
    /// Diffusion coefficient D° in m²/s.
    case diffusion(Double)
}

extension Ion {
    /// Reference temperature of the catalog's transport data.
    public static let referenceTemperature = Temperature.standard

    /// D° at 25 °C, in m²/s, by Nernst–Einstein from λ_eq where needed.
    public var diffusionCoefficient: Diffusivity? {
        guard let transport else { return nil }
        switch transport {
        case .diffusion(let d): return .squareMetresPerSecond(d)
        case .equivalentConductivity(let lambda):
            guard charge != 0 else { return nil }
            let c = ConstantSet.codata2018
            let d = c.gasConstant * Ion.referenceTemperature.kelvin * (lambda * 1e-4)
                / (Double(abs(charge)) * c.faraday * c.faraday)
            return .squareMetresPerSecond(d)
        }
    }

    /// λ°/|z| at 25 °C in S·cm²/mol, by Nernst–Einstein from D where needed; nil for neutral species.
    public var equivalentConductivity: Double? {
        guard let transport, charge != 0 else { return nil }
        switch transport {
        case .equivalentConductivity(let lambda): return lambda
        case .diffusion(let d):
            let c = ConstantSet.codata2018
            return Double(abs(charge)) * c.faraday * c.faraday * d
                / (c.gasConstant * Ion.referenceTemperature.kelvin) * 1e4
        }
    }

    /// Limiting molar conductivity of the ion λ° = |z|·λ_eq in S·cm²/mol.
    public var molarConductivity: Double? { equivalentConductivity.map { $0 * Double(abs(charge)) } }

    /// Electric mobility u = λ_eq/F in m²·V⁻¹·s⁻¹ (magnitude), at 25 °C.
    public var mobility: Double? {
        equivalentConductivity.map { $0 * 1e-4 / ConstantSet.codata2018.faraday }
    }
}
