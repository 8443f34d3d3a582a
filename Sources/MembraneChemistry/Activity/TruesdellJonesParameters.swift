/// Per-ion parameters a (Å) and b (kg/mol) of the Truesdell–Jones ("WATEQ Debye–Hückel") equation
/// log γ = −A z² √I/(1 + B a √I) + b I, as PHREEQC uses them.
///
/// Source: the `-gamma a b` lines of phreeqc.dat in PHREEQC 3.8.6 (the file bundled with pyEQL 1.7.0,
/// header "phreeqc.dat, 22/05/2024, md5=78b3659799b73ddca128328b6ee7533b"; usgs-coupled/phreeqc3
/// `database/phreeqc.dat`). Where phreeqc.dat lists two lines (Na⁺: 4.0/0.075 then 4.08/0.082
/// "halite solubility"; Cl⁻: 3.5/0.015 then 3.63/0.017 "cf. pitzer.dat"; Ba²⁺) PHREEQC keeps the last
/// one read, and so does this table. The b ≠ 0 values are Truesdell & Jones (1974, J. Res. U.S.
/// Geol. Surv. 2:233) and later PHREEQC fits; the b = 0 values are WATEQ ion sizes. Ions without an
/// entry (organic anions, Cs⁺, TEA⁺, …) fall back to Davies, as PHREEQC does, with a warning.
public enum TruesdellJonesParameters {
    /// One ion's parameters.
    public struct Entry: Sendable, Hashable {
        /// a, the ion-size parameter, Å.
        public let a: Double
        /// b, the linear term, kg/mol.
        public let b: Double
    }

    /// Keyed by catalog name.
    public static let table: [String: Entry] = [
        "H": Entry(a: 9, b: 0),
        "Li": Entry(a: 6, b: 0),
        "Na": Entry(a: 4.08, b: 0.082),
        "K": Entry(a: 3.5, b: 0.015),
        "Mg": Entry(a: 5.5, b: 0.2),
        "Ca": Entry(a: 5, b: 0.165),
        "Sr": Entry(a: 5.26, b: 0.121),
        "Ba": Entry(a: 4, b: 0.153),
        "Zn": Entry(a: 5, b: 0),
        "NH4": Entry(a: 2.5, b: 0),
        "Cl": Entry(a: 3.63, b: 0.017),
        "Br": Entry(a: 3, b: 0),
        "F": Entry(a: 3.5, b: 0),
        "NO3": Entry(a: 3, b: 0),
        "OH": Entry(a: 3.5, b: 0),
        "HCO3": Entry(a: 5.4, b: 0),
        "H2PO4": Entry(a: 5.4, b: 0),
        "HPO4": Entry(a: 5, b: 0),
        "SO4": Entry(a: 5, b: -0.04),
    ]
}
