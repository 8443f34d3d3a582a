import ArgumentParser
import Membrane

/// ΔG_ATP for `pmf` and `plant`: a value, or ATP, ADP and Pi (ΔG = ΔG′° + RT·ln([ADP][Pi]/[ATP]), ΔG′° = −30.5 kJ/mol),
/// or −50 kJ/mol (``ATPHydrolysis/cellular``).
struct PhosphorylationOptions: ParsableArguments {
    @Option(name: .customLong("delta-g-atp-kJ-per-mol"), parsing: .unconditional,
            help: "ΔG of ATP hydrolysis in kJ/mol (negative; default −50).") var deltaG: String?
    @Option(name: .customLong("atp-mM"), parsing: .unconditional, help: "ATP (mM), with --adp-mM and --phosphate-mM: ΔG_ATP from the phosphorylation potential.") var atp: String?
    @Option(name: .customLong("adp-mM"), parsing: .unconditional, help: "ADP (mM).") var adp: String?
    @Option(name: .customLong("phosphate-mM"), parsing: .unconditional, help: "Inorganic phosphate (mM).") var phosphate: String?

    func hydrolysis(conditions: Conditions) throws -> ATPHydrolysis {
        let concentrations = [atp, adp, phosphate]
        if concentrations.allSatisfy({ $0 == nil }) {
            guard let deltaG else { return .cellular }
            let g = try Inputs.number(deltaG, field: "delta-g-atp-kJ-per-mol")
            guard g < 0 else {
                throw MembraneError.invalidValue(field: "delta-g-atp-kJ-per-mol", value: deltaG, allowed: "a negative free energy of hydrolysis, e.g. -50")
            }
            return ATPHydrolysis(deltaG: .kilojoulesPerMole(g), source: "given (--delta-g-atp-kJ-per-mol)")
        }
        guard deltaG == nil, let atp, let adp, let phosphate else {
            throw MembraneError.invalidValue(field: deltaG == nil ? "atp-mM" : "delta-g-atp-kJ-per-mol", value: atp ?? adp ?? phosphate ?? deltaG ?? "",
                                             allowed: "either --delta-g-atp-kJ-per-mol or all of --atp-mM, --adp-mM and --phosphate-mM")
        }
        return try ATPHydrolysis.fromConcentrations(
            standard: ATPHydrolysis.standardTransformedFreeEnergy,
            atp: .millimolar(try Inputs.number(atp, field: "atp-mM")), adp: .millimolar(try Inputs.number(adp, field: "adp-mM")),
            phosphate: .millimolar(try Inputs.number(phosphate, field: "phosphate-mM")), conditions: conditions,
            fields: ("atp-mM", "adp-mM", "phosphate-mM"))
    }
}
