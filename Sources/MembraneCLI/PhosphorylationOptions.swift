import ArgumentParser
import MembraneRequests

/// ΔG_ATP for `pmf` and `plant` (MembraneRequests' `PhosphorylationInputs`): a value, or ATP, ADP and Pi, or
/// the cellular −50 kJ/mol.
struct PhosphorylationOptions: ParsableArguments {
    @Option(name: .customLong("delta-g-atp-kJ-per-mol"), parsing: .unconditional,
            help: "ΔG of ATP hydrolysis in kJ/mol (negative; default −50).") var deltaG: Scalar?
    @Option(name: .customLong("atp-mM"), parsing: .unconditional, help: "ATP (mM), with --adp-mM and --phosphate-mM: ΔG_ATP from the phosphorylation potential.") var atp: Scalar?
    @Option(name: .customLong("adp-mM"), parsing: .unconditional, help: "ADP (mM).") var adp: Scalar?
    @Option(name: .customLong("phosphate-mM"), parsing: .unconditional, help: "Inorganic phosphate (mM).") var phosphate: Scalar?

    /// Sets the request's ΔG_ATP fields.
    func apply<R: PhosphorylationInputs>(to r: inout R) {
        r.deltaGATP = deltaG
        r.atp = atp
        r.adp = adp
        r.phosphate = phosphate
    }
}
