import MembraneUnits

/// A table of ionic mobilities for liquid-junction calculations, as diffusion coefficients at 25 °C.
///
/// Junction potentials depend only on mobility *ratios* (Henderson and Planck are homogeneous of
/// degree 0 in the D's), so which table is used matters, not its absolute scale. Three tables:
///
/// - `catalog` (default): the ion catalog's own data (CRC Handbook 5-09 λ°/|z| for inorganic ions,
///   Lange's Handbook / Barry for organic ones; see `membrane ions`).
/// - `barry`: P. H. Barry's relative mobilities u/u_K as used by JPCalc (Barry 1994, J. Neurosci.
///   Methods 51:107; Barry & Lynch 1991, J. Membr. Biol. 121:101, Table 1; Ng & Barry 1995,
///   J. Neurosci. Methods 56:37 for organic ions), converted with D_K = D(λ_K = 73.5 S·cm²/mol).
///   Use it to reproduce JPCalc/pClamp numbers.
/// - `ljpcalc`: the table of LJPcalc 2.2 (swharden/LJPcalc `src/LJPcalc.Core/IonLibrary.cs`): Lange's
///   Handbook 15th ed. Table 8.32 λ°/|z| first, Barry's ratios for ions Lange lacks — with LJPcalc's
///   known defects corrected (HPO₄²⁻ gets Barry's 0.39, not H₂PO₄⁻'s 33; Barry's ratios of multivalent
///   ions are not divided by |z| a second time). Use it to compare with LJPcalc.
///
/// A D written in the solution (`K(D=1.9e-9)=140`, `X(z=+1,D=1e-9)=5`) always overrides the table. An ion
/// that `barry` or `ljpcalc` does not list takes the catalog's datum (published, or an estimate), and its
/// source says so.
public struct MobilityTable: Sendable, Hashable {
    /// The table's name (`catalog`, `barry`, `ljpcalc`).
    public let name: String
    /// Where its values come from.
    public let source: String
    /// Relative mobilities u/u_K (a D ratio) by canonical ion name, when the table is relative.
    let relative: [String: Double]
    /// λ°/|z| in S·cm²/mol by canonical ion name, when the table gives conductivities.
    let conductivities: [String: Double]
    /// Whether this is the catalog's own data (the other tables fall back to it, saying so, for ions they lack).
    let isCatalog: Bool

    /// The D at 25 °C this table assigns to `ion`, where it came from, and, for an estimate, its plausible
    /// relative error (``Ion/transportUncertainty``); nil when no datum exists.
    public func diffusion(for ion: Ion) -> (d: Diffusivity, source: String, uncertainty: Double?)? {
        if ion.transportSource.hasPrefix("user-supplied"), let d = ion.diffusionCoefficient {
            return (d, "user-supplied D", nil)
        }
        let z = Double(abs(ion.charge))
        if ion.charge != 0, let lambda = conductivities[ion.name] {
            return (MobilityTable.diffusion(equivalentConductivity: lambda, z: z), "\(name): λ°/|z| = \(lambda)", nil)
        }
        if let u = relative[ion.name] {
            let dK = MobilityTable.diffusion(equivalentConductivity: 73.5, z: 1)
            return (Diffusivity(storedValue: u * dK.squareMetresPerSecond), "\(name): u/u_K = \(u)", nil)
        }
        if let d = ion.diffusionCoefficient {
            let source = isCatalog ? ion.transportSource : "not in the '\(name)' table: catalog, \(ion.transportSource)"
            return (d, source, ion.transportUncertainty)
        }
        return nil
    }

    /// Nernst–Einstein at 25 °C: D = R·T·λ_eq/(|z|·F²), λ_eq in S·cm²/mol.
    static func diffusion(equivalentConductivity lambda: Double, z: Double) -> Diffusivity {
        let c = ConstantSet.codata2018
        return Diffusivity(storedValue: c.gasConstant * 298.15 * lambda * 1e-4 / (z * c.faraday * c.faraday))
    }

    /// The ion catalog's own data: limiting conductivities λ° (Robinson & Stokes 1959; Vanýsek, CRC Handbook) or D as published.
    public static let catalog = MobilityTable(
        name: "catalog", source: "Membrane's ion catalog (membrane ions)", relative: [:], conductivities: [:],
        isCatalog: true)

    /// Barry's JPCalc relative mobilities (see the type's documentation for sources).
    public static let barry = MobilityTable(
        name: "barry",
        source: "Barry & Lynch 1991 Table 1 / Ng & Barry 1995 / JPCalc (Barry 1994): u/u_K, with u_K ↔ λ_K = 73.5",
        relative: [
            "K": 1.0, "Na": 0.682, "Li": 0.525, "Cs": 1.05, "Rb": 1.059, "NH4": 1.00, "H": 4.757,
            "TEA": 0.444, "TMA": 0.611, "NMDG": 0.33, "Tris": 0.40, "choline": 0.51,
            "Ca": 0.405, "Mg": 0.361, "Ba": 0.433, "Sr": 0.404, "Zn": 0.359,
            "Cl": 1.039, "F": 0.753, "Br": 1.063, "I": 1.045, "NO3": 0.972, "OH": 2.69, "HCO3": 0.605,
            "H2PO4": 0.45, "HPO4": 0.390, "SO4": 0.544, "acetate": 0.556, "gluconate": 0.33,
            "aspartate": 0.30, "glutamate": 0.26, "HEPES": 0.30, "MES": 0.37, "MOPS": 0.35,
            "isethionate": 0.52, "methanesulfonate": 0.664, "methylsulfate": 0.664, "citrate": 0.318, "EGTA": 0.24, "ATP": 0.15,
        ],
        conductivities: [:], isCatalog: false)

    /// LJPcalc 2.2's table (Lange 15th ed. Table 8.32, then Barry), defects corrected.
    public static let ljpcalc = MobilityTable(
        name: "ljpcalc",
        source: "LJPcalc 2.2 IonLibrary.cs: Lange's Handbook 15th ed. Table 8.32 λ°/|z|, then Barry u/u_K·73.5 (typos corrected)",
        relative: [
            "NMDG": 0.33, "Tris": 0.40, "choline": 0.51, "gluconate": 0.33, "aspartate": 0.30, "glutamate": 0.26,
            "HEPES": 0.30, "MES": 0.37, "MOPS": 0.35, "isethionate": 0.52, "EGTA": 0.24, "ATP": 0.15, "HPO4": 0.39,
            "methylsulfate": 0.664,
        ],
        conductivities: [
            "H": 350.1, "Li": 38.69, "Na": 50.11, "K": 73.5, "Rb": 77.8, "Cs": 77.3, "NH4": 73.7,
            "Ca": 59.5, "Mg": 53.06, "Ba": 63.9, "Sr": 59.46, "Zn": 52.8,
            "Br": 78.1, "Cl": 76.31, "I": 76.9, "F": 55.4, "NO3": 71.42, "OH": 198, "HCO3": 44.5,
            "H2PO4": 33, "SO4": 80, "acetate": 41, "methanesulfonate": 48.8, "citrate": 70.2,
            "TEA": 32.6, "TMA": 44.9, "lactate": 38.8,
        ],
        isCatalog: false)

    /// Every table, for lookup by name.
    public static let all: [MobilityTable] = [.catalog, .barry, .ljpcalc]

    /// The table named `name`; throws ``MembraneError/unknownName(field:value:suggestions:)`` otherwise.
    public static func named(_ name: String) throws -> MobilityTable {
        let key = name.lowercased()
        if let t = all.first(where: { $0.name == key }) { return t }
        if key == "jpcalc" || key == "henderson" { return .barry }
        if key == "crc" || key == "default" { return .catalog }
        if key == "lange" { return .ljpcalc }
        throw MembraneError.invalidValue(field: "mobilities", value: name, allowed: all.map(\.name).joined(separator: ", "))
    }
}
