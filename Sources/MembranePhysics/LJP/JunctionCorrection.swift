import MembraneUnits
import RealModule

/// How to apply a liquid junction potential to a recording (Barry & Lynch 1991, J. Membr. Biol.
/// 121:101; Neher 1992, Methods Enzymol. 207:123; HEKA EPC9 manual §"Liquid junction potential").
///
/// V_L is the potential of the bath relative to the pipette solution when the amplifier offset was
/// zeroed with the open tip in the bath. After the seal or break-in the pipette|bath junction is
/// gone but the offset that cancelled it remains, so readings are off by V_L:
///
/// - whole-cell, outside-out, perforated patch: V_m = V_measured − V_L
///   (the patch or cell interior faces the pipette: command polarity = membrane polarity);
/// - inside-out: V_m = −(V_measured − V_L) (the pipette faces the extracellular side: inverted polarity);
/// - cell-attached: V_patch = E_rest − (V_measured − V_L) (inverted polarity plus the cell's resting potential).
///
/// A bath change after zeroing adds the change of the bath's own potential ΔV_bath:
/// - bare Ag/AgCl bath wire: ΔV_bath = (RT/F)·ln(a_Cl,new/a_Cl,old) (the electrode follows the Cl⁻ activity,
///   E = E° − (RT/F)·ln a_Cl; Neher 1992 rule 1 says to avoid this);
/// - agar bridge filled with the original bath B0: ΔV_bath = V_L(B0 → B1), the LJP of the new bath relative to
///   the old one (Neher 1992 rule 3) — note that a solution whose LJP against the original bath is +x mV as a
///   pipette filling enters with −x mV as a new bath (the sign flips, HEKA example: KCl pipette +3 mV, bath changed
///   to sulfate Ringer −6 mV ⇒ −3 mV in total);
/// - 3 M KCl bridge: ΔV_bath = V_L(KCl → B1) − V_L(KCl → B0), small (Neher 1992 rule 2).
/// The corrected V_m is then V_m = V_measured − V_L − ΔV_bath (whole-cell orientation; inverted for inside-out).
public enum RecordingConfiguration: String, Sendable, CaseIterable {
    /// Whole-cell: the pipette faces the cytoplasm; V_m = V_measured − V_L.
    case wholeCell = "whole-cell"
    /// Outside-out patch: the pipette faces the membrane's inner side; V_m = V_measured − V_L.
    case outsideOut = "outside-out"
    /// Perforated patch: as whole-cell for the junction (the Donnan term of the perforant is not included; Horn & Marty 1988).
    case perforatedPatch = "perforated-patch"
    /// Inside-out patch: the pipette faces the extracellular side; V_m = −(V_measured − V_L).
    case insideOut = "inside-out"
    /// Cell-attached: the patch potential is E_rest − (V_measured − V_L).
    case cellAttached = "cell-attached"

    /// +1 when the pipette faces the cell interior (V_m has the command's sign), −1 when it faces the outside.
    public var polarity: Double {
        switch self {
        case .wholeCell, .outsideOut, .perforatedPatch: return 1
        case .insideOut, .cellAttached: return -1
        }
    }

    /// The formula, as printed for users.
    public var formula: String {
        switch self {
        case .wholeCell, .outsideOut, .perforatedPatch: return "Vm = Vmeasured - ljp"
        case .insideOut: return "Vm = -(Vmeasured - ljp)"
        case .cellAttached: return "Vpatch = Erest - (Vmeasured - ljp)"
        }
    }

    /// The configuration named `name` (its raw value, or `perforated`); throws ``MembraneError/unknownName(field:value:suggestions:)`` otherwise.
    public static func named(_ name: String) throws -> RecordingConfiguration {
        let key = name.lowercased()
        if let c = allCases.first(where: { $0.rawValue == key }) { return c }
        if key == "perforated" { return .perforatedPatch }
        throw MembraneError.invalidValue(field: "configuration", value: name,
                                         allowed: allCases.map(\.rawValue).joined(separator: ", "))
    }

    /// The corrected membrane (or patch) potential from a reading, the LJP, and a bath offset.
    /// - Parameter restingPotential: the cell's resting potential, needed for cell-attached only.
    public func correctedPotential(measured: Voltage, ljp: Voltage, bathOffset: Voltage = .zero,
                                   restingPotential: Voltage? = nil) throws -> Voltage {
        try MembraneError.requireFinite(measured.volts, field: "measured-vm")
        let membraneSide = measured - ljp - bathOffset
        switch self {
        case .wholeCell, .outsideOut, .perforatedPatch: return membraneSide
        case .insideOut: return -membraneSide
        case .cellAttached:
            guard let restingPotential else {
                throw MembraneError.invalidValue(field: "resting-potential", value: "",
                                                 allowed: "the cell's resting potential in mV (cell-attached patches see E_rest − V_pipette)")
            }
            return restingPotential - membraneSide
        }
    }
}

/// The Ag/AgCl electrode offset when the Cl⁻ activity around a bare chlorided-silver bath electrode
/// changes from `oldChloride` to `newChloride`: ΔV_bath = (RT/F)·ln(a_new/a_old) (Nernst for the
/// AgCl + e⁻ ⇌ Ag + Cl⁻ electrode; Neher 1992; Barry & Lynch 1991).
public enum SilverChlorideOffset {
    /// ΔV_bath = (RT/F)·ln(a_new/a_old) for a bare Ag/AgCl bath electrode; throws for a non-positive Cl⁻ concentration.
    public static func bathShift(oldChloride: Concentration, newChloride: Concentration,
                                 conditions: Conditions) throws -> Voltage {
        try MembraneError.requirePositive(oldChloride.millimolar, field: "bath Cl",
                                          allowed: "a Cl⁻ concentration > 0 in the original bath (a bare Ag/AgCl electrode needs Cl⁻)")
        try MembraneError.requirePositive(newChloride.millimolar, field: "bath-change Cl",
                                          allowed: "a Cl⁻ concentration > 0 in the new bath (a bare Ag/AgCl electrode needs Cl⁻; use a salt bridge)")
        return .volts(conditions.thermalVoltage * Double.log(newChloride / oldChloride))
    }
}
