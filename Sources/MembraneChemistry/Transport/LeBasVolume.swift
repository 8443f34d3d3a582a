/// The Le Bas molar volume of a molecule at its normal boiling point, in cm³/mol, from atomic increments.
///
///     V = Σ nᵢ·vᵢ + Σ ring corrections
///
/// with the increments of G. Le Bas, *The Molecular Volumes of Liquid Chemical Compounds* (Longmans, 1915),
/// as tabulated for diffusion estimates by R. C. Reid, J. M. Prausnitz & B. E. Poling, *The Properties of
/// Gases and Liquids*, 4th ed. (McGraw-Hill, 1987), ch. 11 (the volumes Hayduk & Laudie 1974 correlated):
///
/// | atom | v (cm³/mol) |
/// |---|---|
/// | C | 14.8 |
/// | H | 3.7 |
/// | O, double-bonded or in an alcohol (default) | 7.4 |
/// | O in an ether or ester (higher) | 11.0 |
/// | O in an acid (the –OH of –COOH, kept for –COO⁻) | 12.0 |
/// | O joined to S, P or N | 8.3 |
/// | N, double-bonded (aromatic ring N) | 15.6 |
/// | N in a primary amine | 10.5 |
/// | N in a secondary amine | 12.0 |
/// | N in a tertiary amine (and quaternary ammonium) | 10.8 |
/// | S | 25.6 |
/// | P | 27.0 |
/// | Cl (terminal) | 24.6 |
/// | ring, 5-membered / 6-membered | −11.5 / −15.0 |
///
/// A charged species is counted with the atoms it has in that charge state (ATP⁴⁻ without its four
/// acidic H). The increments were fitted to neutral liquids; ions are hydrated, so estimates for them
/// carry a wider uncertainty (``DiffusionEstimate``).
public struct LeBasVolume: Sendable, Hashable {
    /// Carbon atoms (14.8 cm³/mol each) and hydrogen atoms (3.7).
    public var carbon = 0, hydrogen = 0
    /// Oxygen atoms: double-bonded or in an alcohol (7.4 cm³/mol), in an ether or ester (11.0), in an acid (12.0),
    /// joined to S, P or N (8.3).
    public var oxygen = 0, etherOxygen = 0, acidOxygen = 0, oxygenOnHeteroatom = 0
    /// Nitrogen atoms: double-bonded (15.6 cm³/mol), in a primary (10.5), secondary (12.0) or tertiary amine or
    /// quaternary ammonium (10.8).
    public var doubleBondedNitrogen = 0, primaryAmineNitrogen = 0, secondaryAmineNitrogen = 0, tertiaryNitrogen = 0
    /// Sulfur (25.6 cm³/mol), phosphorus (27.0) and terminal chlorine (24.6) atoms.
    public var sulfur = 0, phosphorus = 0, chlorine = 0
    /// Ring corrections: 5-membered rings (−11.5 cm³/mol each) and 6-membered rings (−15.0).
    public var fiveMemberedRings = 0, sixMemberedRings = 0

    /// A molecule from its atom and ring counts (each 0 unless given), as in the table above.
    public init(carbon: Int = 0, hydrogen: Int = 0, oxygen: Int = 0, etherOxygen: Int = 0, acidOxygen: Int = 0,
                oxygenOnHeteroatom: Int = 0, doubleBondedNitrogen: Int = 0, primaryAmineNitrogen: Int = 0,
                secondaryAmineNitrogen: Int = 0, tertiaryNitrogen: Int = 0, sulfur: Int = 0, phosphorus: Int = 0,
                chlorine: Int = 0, fiveMemberedRings: Int = 0, sixMemberedRings: Int = 0) {
        self.carbon = carbon; self.hydrogen = hydrogen
        self.oxygen = oxygen; self.etherOxygen = etherOxygen; self.acidOxygen = acidOxygen
        self.oxygenOnHeteroatom = oxygenOnHeteroatom
        self.doubleBondedNitrogen = doubleBondedNitrogen; self.primaryAmineNitrogen = primaryAmineNitrogen
        self.secondaryAmineNitrogen = secondaryAmineNitrogen; self.tertiaryNitrogen = tertiaryNitrogen
        self.sulfur = sulfur; self.phosphorus = phosphorus; self.chlorine = chlorine
        self.fiveMemberedRings = fiveMemberedRings; self.sixMemberedRings = sixMemberedRings
    }

    /// V in cm³/mol.
    public var cubicCentimetresPerMole: Double {
        var v = 14.8 * Double(carbon) + 3.7 * Double(hydrogen)
        v += 7.4 * Double(oxygen) + 11.0 * Double(etherOxygen) + 12.0 * Double(acidOxygen) + 8.3 * Double(oxygenOnHeteroatom)
        v += 15.6 * Double(doubleBondedNitrogen) + 10.5 * Double(primaryAmineNitrogen)
            + 12.0 * Double(secondaryAmineNitrogen) + 10.8 * Double(tertiaryNitrogen)
        v += 25.6 * Double(sulfur) + 27.0 * Double(phosphorus) + 24.6 * Double(chlorine)
        v -= 11.5 * Double(fiveMemberedRings) + 15.0 * Double(sixMemberedRings)
        return v
    }
}
