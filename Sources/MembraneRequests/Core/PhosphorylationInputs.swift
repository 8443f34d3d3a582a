import Membrane

/// ΔG_ATP for `pmf` and `plant`: `delta-g-atp-kJ-per-mol`, or `atp-mM`, `adp-mM` and `phosphate-mM` together
/// (ΔG = ΔG′° + RT·ln([ADP][Pi]/[ATP]), ΔG′° = ``ATPHydrolysis/standardTransformedFreeEnergy``), or by default the
/// cellular −50 kJ/mol (``ATPHydrolysis/cellular``).
public protocol PhosphorylationInputs {
    var deltaGATP: Scalar? { get set }
    var atp: Scalar? { get set }
    var adp: Scalar? { get set }
    var phosphate: Scalar? { get set }
}

extension PhosphorylationInputs {
    /// The free energy of ATP hydrolysis the fields describe, at `conditions`.
    func hydrolysis(conditions: Conditions) throws -> ATPHydrolysis {
        if atp == nil && adp == nil && phosphate == nil {
            guard let deltaGATP else { return .cellular }
            let g = try deltaGATP.number(field: "delta-g-atp-kJ-per-mol")
            guard g < 0 else {
                throw MembraneError.invalidValue(field: "delta-g-atp-kJ-per-mol", value: deltaGATP.text,
                                                 allowed: "a negative free energy of hydrolysis, e.g. -50")
            }
            return ATPHydrolysis(deltaG: .kilojoulesPerMole(g), source: "given (--delta-g-atp-kJ-per-mol)")
        }
        guard deltaGATP == nil, let atp, let adp, let phosphate else {
            throw MembraneError.invalidValue(field: deltaGATP == nil ? "atp-mM" : "delta-g-atp-kJ-per-mol",
                                             value: (atp ?? adp ?? phosphate ?? deltaGATP)?.text ?? "",
                                             allowed: "either `delta-g-atp-kJ-per-mol` or all of `atp-mM`, `adp-mM` and `phosphate-mM`")
        }
        return try ATPHydrolysis.fromConcentrations(
            standard: ATPHydrolysis.standardTransformedFreeEnergy,
            atp: .millimolar(try atp.number(field: "atp-mM")), adp: .millimolar(try adp.number(field: "adp-mM")),
            phosphate: .millimolar(try phosphate.number(field: "phosphate-mM")), conditions: conditions,
            fields: ("atp-mM", "adp-mM", "phosphate-mM"))
    }
}
