/// Organic ions used in physiological and pipette solutions.
///
/// Transport data:
/// - `CRC 5-09` (Vanýsek) for acetate, TEA⁺ and citrate³⁻ (λ°/|z| at 25 °C);
/// - Lange's Handbook of Chemistry, 15th ed., Table 8.32 "Limiting equivalent ionic conductances",
///   for methanesulfonate ("methylsulfonate", 48.8) and TMA⁺ (44.9);
/// - P. H. Barry's ionic mobility tables (JPCalc; Barry 1994, J. Neurosci. Methods 51:107; UNSW
///   "Ionic mobility tables"), which give mobilities relative to K⁺. These are ratios of diffusion
///   coefficients, D/D_K (checked: Mg²⁺ 0.361·2·73.5 = 53.1, SO₄²⁻ 0.544·2·73.5 = 80.0 reproduce the
///   CRC λ°/|z|), so λ°/|z| = u_rel·|z|·73.5 with Barry's λ_K = 73.5 S·cm²/mol.
///
/// Species without any published transport datum (GTP, phosphocreatine, BAPTA, QX-314, spermine, …) carry
/// an estimate instead (`IonCatalog+Estimated.swift`, ``DiffusionEstimate``), marked as such in every output;
/// a D written in the solution (`GTP(D=0.3e-9)=0.3`) replaces it.
/// Species with several protonation states carry their charge at pH 7.2 and a note.
extension IonCatalog {
    static let barry = "Barry's JPCalc mobility table (Barry 1994, J. Neurosci. Methods 51:107), u/u_K"
    static let lange = "Lange's Handbook, 15th ed., Table 8.32, λ°/|z| at 25 °C"

    /// An ion from Barry's relative mobility u/u_K (a D ratio): λ°/|z| = u·|z|·73.5.
    static func barryIon(_ name: String, _ z: Int, _ longName: String, _ aliases: [String],
                         relativeMobility u: Double, chargeNote: String? = nil) -> Ion {
        Ion(name: name, charge: z, longName: longName, aliases: aliases,
            transport: .equivalentConductivity(u * Double(abs(z)) * 73.5),
            transportSource: barry + " = \(u)", chargeNote: chargeNote)
    }

    static let organicIons: [Ion] = [
        // Cations
        Ion(name: "TEA", charge: 1, longName: "tetraethylammonium", aliases: ["Et4N", "N(C2H5)4"],
            transport: .equivalentConductivity(32.6), transportSource: crc),
        Ion(name: "TMA", charge: 1, longName: "tetramethylammonium", aliases: ["Me4N", "N(CH3)4"],
            transport: .equivalentConductivity(44.9), transportSource: lange),
        barryIon("NMDG", 1, "N-methyl-D-glucamine", ["N-methyl-D-glucamine", "meglumine", "NMDGH"], relativeMobility: 0.33),
        barryIon("choline", 1, "choline", ["Ch"], relativeMobility: 0.51),
        barryIon("Tris", 1, "Tris(hydroxymethyl)aminomethane cation (TrisH+)", ["TrisH", "tris-H", "trizma"], relativeMobility: 0.40),
        // Anions
        Ion(name: "acetate", charge: -1, longName: "acetate", aliases: ["OAc", "Ac", "CH3COO", "ethanoate"],
            transport: .equivalentConductivity(40.9), ionSize: 4.5, transportSource: crc, ionSizeSource: kielland),
        Ion(name: "methanesulfonate", charge: -1, longName: "methanesulfonate",
            aliases: ["methylsulfonate", "mesylate", "MeSO3", "CH3SO3", "MS"],  // not "MeS": that is MES, the buffer
            transport: .equivalentConductivity(48.8), transportSource: lange),
        // CH3OSO3⁻, a different anion from methanesulfonate CH3SO3⁻ (one O more); Barry's table 4 (UNSW, as
        // copied in LJPcalc's IonTable.md) lists 0.664 for both.
        barryIon("methylsulfate", -1, "methylsulfate", ["methyl sulfate", "methylsulphate", "MeSO4", "CH3OSO3", "CH3SO4"],
                 relativeMobility: 0.664),
        Ion(name: "lactate", charge: -1, longName: "lactate", aliases: ["L-lactate", "lac"],
            transport: .equivalentConductivity(38.8), transportSource: lange),
        barryIon("gluconate", -1, "gluconate", ["gluc", "D-gluconate"], relativeMobility: 0.33),
        barryIon("aspartate", -1, "aspartate", ["asp", "L-aspartate"], relativeMobility: 0.30),
        barryIon("glutamate", -1, "glutamate", ["glu", "L-glutamate"], relativeMobility: 0.26),
        barryIon("HEPES", -1, "HEPES anion", ["HEPES-"], relativeMobility: 0.30,
                 chargeNote: "HEPES is counted as its anion (pKa ≈ 7.5 at 25 °C: about one third deprotonated at pH 7.2); the neutral zwitterion carries no current"),
        barryIon("MES", -1, "MES anion", [], relativeMobility: 0.37),
        barryIon("MOPS", -1, "MOPS anion", [], relativeMobility: 0.35),
        barryIon("isethionate", -1, "isethionate", ["isethionate", "2-hydroxyethanesulfonate"], relativeMobility: 0.52),
        Ion(name: "citrate", charge: -3, longName: "citrate", aliases: ["cit"],
            transport: .equivalentConductivity(70.2), ionSize: 5, transportSource: crc, ionSizeSource: kielland,
            chargeNote: "citrate is citrate3- at pH 7.2 (pKa3 ≈ 6.4)"),
        barryIon("EGTA", -2, "EGTA", ["H2EGTA"], relativeMobility: 0.24,
                 chargeNote: "EGTA is H2EGTA2- at pH 7.2 (pKa 8.9 and 9.5); EGTA(z=-3) keeps its D (Barry lists 0.25 for z = -3)"),
        barryIon("ATP", -4, "adenosine triphosphate", ["adenosine triphosphate"], relativeMobility: 0.15,
                 chargeNote: "ATP is mostly ATP4- at pH 7.2 without Mg (pKa ≈ 6.9); MgATP is 2-: write ATP(z=-2); D is kept across charge states (Barry lists 0.15 for z = -2, -3, -4)"),
    ]

    /// Neutral solutes: they count for osmolarity and are accepted (and ignored) by electrical calculations.
    /// Zwitterions at physiological pH (glycine, taurine, glutamine, creatine, biocytin: an α-carboxylate and an
    /// α-ammonium, pKa's ≈ 2 and 9–10) carry no net charge and are listed here.
    static let neutralSolutes: [Ion] = [
        Ion(name: "glucose", charge: 0, longName: "D-glucose", aliases: ["dextrose", "D-glucose"], transport: nil),
        Ion(name: "sucrose", charge: 0, longName: "sucrose", aliases: [], transport: nil),
        Ion(name: "mannitol", charge: 0, longName: "D-mannitol", aliases: [], transport: nil),
        Ion(name: "sorbitol", charge: 0, longName: "D-sorbitol", aliases: ["D-sorbitol", "glucitol"], transport: nil),
        Ion(name: "urea", charge: 0, longName: "urea", aliases: [], transport: nil),
        Ion(name: "glycerol", charge: 0, longName: "glycerol", aliases: [], transport: nil),
        Ion(name: "thiourea", charge: 0, longName: "thiourea", aliases: ["thiocarbamide"], transport: nil),
        Ion(name: "myo-inositol", charge: 0, longName: "myo-inositol", aliases: ["inositol", "myoinositol"], transport: nil),
        Ion(name: "taurine", charge: 0, longName: "taurine (zwitterion)", aliases: [], transport: nil),
        Ion(name: "glycine", charge: 0, longName: "glycine (zwitterion)", aliases: ["gly"], transport: nil),
        Ion(name: "glutamine", charge: 0, longName: "L-glutamine (zwitterion)", aliases: ["L-glutamine", "gln"], transport: nil),
        Ion(name: "creatine", charge: 0, longName: "creatine (zwitterion)", aliases: [], transport: nil),
        Ion(name: "biocytin", charge: 0, longName: "biocytin (ε-biotinoyl-L-lysine, zwitterion)", aliases: ["biotinyl-lysine"], transport: nil),
    ]
}
