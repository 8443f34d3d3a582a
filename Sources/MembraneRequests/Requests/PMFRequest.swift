import Membrane
import MembraneReport

/// `pmf`: the proton-motive force Δp = Δψ − (ln 10·RT/F)·ΔpH (Mitchell 1961, Nature 191:144; Nicholls & Ferguson, *Bioenergetics 4*,
/// 2013, ch. 4), ΔG per H⁺ entering, and the least H⁺/ATP that ΔG_ATP needs at that Δp. Inside is the N-side
/// (matrix, stroma, bacterial cytosol).
public struct PMFRequest: MembraneRequest, PhosphorylationInputs {
    public static let command = "pmf"

    /// Δψ = ψ_in − ψ_out, mV.
    public var deltaPsiMV: Scalar?
    public var pHInside: Scalar?
    public var pHOutside: Scalar?
    /// A published gradient (``ProtonGradientPreset``); the fields given override its values.
    public var preset: String?
    public var deltaGATP: Scalar?
    public var atp: Scalar?
    public var adp: Scalar?
    public var phosphate: Scalar?
    public var temperature: Scalar?
    public var constants: String?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case preset, temperature, constants
        case deltaPsiMV = "delta-psi-mV", pHInside = "ph-inside", pHOutside = "ph-outside"
        case deltaGATP = "delta-g-atp-kJ-per-mol", atp = "atp-mM", adp = "adp-mM", phosphate = "phosphate-mM"
    }

    public init() {}

    public func run(in context: inout RequestContext) throws -> ProtonMotiveForceReport {
        let preset = try preset.map { try ProtonGradientPreset.named($0) }
        let c = try Defaults.conditions(temperature: temperature, constants: constants, fallback: preset?.temperature ?? Defaults.temperature)
        guard let psi = try deltaPsiMV.map({ try $0.voltage(field: "delta-psi-mV") }) ?? preset?.deltaPsi,
              let pHIn = try pHInside.map({ try $0.number(field: "ph-inside") }) ?? preset?.pHInside,
              let pHOut = try pHOutside.map({ try $0.number(field: "ph-outside") }) ?? preset?.pHOutside else {
            throw MembraneError.invalidValue(field: deltaPsiMV == nil ? "delta-psi-mV" : (pHInside == nil ? "ph-inside" : "ph-outside"), value: "",
                                             allowed: "`delta-psi-mV`, `ph-inside` and `ph-outside`, or `preset` NAME")
        }
        let pmf = try ProtonMotiveForce(deltaPsi: psi, pHInside: pHIn, pHOutside: pHOut, conditions: c)
        return ProtonMotiveForceReport(pmf: pmf, bound: ATPSynthesisBound(pmf: pmf, atp: try hydrolysis(conditions: c)), preset: preset)
    }
}
