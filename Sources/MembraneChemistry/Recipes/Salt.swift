/// A substance as weighed into a recipe, and what it releases in water.
///
/// Stoichiometry follows each compound's formula (as listed by its suppliers, e.g. Sigma-Aldrich
/// product names in the `formula` field). Counter-ions that are consumed by proton exchange are not
/// listed: a hydroxide (KOH, CsOH, NaOH) releases only its cation, HCl only Cl⁻, and the free acids
/// (HEPES, EGTA, BAPTA) only their anion, whose charge the recipe's pH sets (``Ligand``). The
/// electroneutrality of the finished solution then fixes the titrant (``RecipeSolver``).
public struct Salt: Sendable, Hashable {
    /// What a salt releases.
    public enum Part: Sendable, Hashable {
        /// A catalog species with a fixed charge (K⁺, Cl⁻, gluconate⁻, glucose…).
        case ion(String)
        /// A species whose protonation (and metal binding) depends on pH: see ``Ligand``.
        case ligand(String)
        /// A cation not in the ion catalog (no published mobility), e.g. QX-314.
        case customCation(String)
    }

    public let name: String
    public let aliases: [String]
    public let parts: [(Part, Double)]
    public let formula: String

    public init(_ name: String, _ aliases: [String] = [], _ parts: [(Part, Double)], formula: String) {
        self.name = name
        self.aliases = aliases
        self.parts = parts
        self.formula = formula
    }

    public static func == (a: Salt, b: Salt) -> Bool { a.name == b.name }
    public func hash(into h: inout Hasher) { h.combine(name) }

    /// True for the bases and acids used to adjust pH.
    public var isTitrant: Bool { SaltCatalog.titrants.contains(name) }
}

/// The salts and additives of physiological and pipette solutions.
public enum SaltCatalog {
    static func ion(_ n: String, _ k: Double = 1) -> (Salt.Part, Double) { (.ion(n), k) }
    static func ligand(_ n: String, _ k: Double = 1) -> (Salt.Part, Double) { (.ligand(n), k) }

    public static let all: [Salt] = [
        Salt("KCl", ["potassium chloride"], [ion("K"), ion("Cl")], formula: "KCl"),
        Salt("NaCl", ["sodium chloride"], [ion("Na"), ion("Cl")], formula: "NaCl"),
        Salt("CsCl", ["caesium chloride", "cesium chloride"], [ion("Cs"), ion("Cl")], formula: "CsCl"),
        Salt("LiCl", [], [ion("Li"), ion("Cl")], formula: "LiCl"),
        Salt("CaCl2", ["calcium chloride"], [ion("Ca"), ion("Cl", 2)], formula: "CaCl2 (·2H2O)"),
        Salt("MgCl2", ["magnesium chloride"], [ion("Mg"), ion("Cl", 2)], formula: "MgCl2 (·6H2O)"),
        Salt("MgSO4", ["magnesium sulfate"], [ion("Mg"), ion("SO4")], formula: "MgSO4 (·7H2O)"),
        Salt("BaCl2", [], [ion("Ba"), ion("Cl", 2)], formula: "BaCl2"),
        Salt("K-gluconate", ["potassium gluconate", "KGluc", "K gluconate"], [ion("K"), ion("gluconate")], formula: "C6H11KO7"),
        Salt("Na-gluconate", ["sodium gluconate", "NaGluc"], [ion("Na"), ion("gluconate")], formula: "C6H11NaO7"),
        Salt("Cs-gluconate", ["CsGluc"], [ion("Cs"), ion("gluconate")], formula: "C6H11CsO7"),
        Salt("K-methanesulfonate", ["KMeSO3", "K-MeSO3", "KMS", "K-mesylate", "potassium methanesulfonate"],
             [ion("K"), ion("methanesulfonate")], formula: "CH3SO3K"),
        Salt("Cs-methanesulfonate", ["CsMeSO3", "Cs-MeSO3", "CsMS", "Cs-mesylate", "caesium methanesulfonate"],
             [ion("Cs"), ion("methanesulfonate")], formula: "CH3SO3Cs"),
        Salt("K-aspartate", ["KAsp"], [ion("K"), ion("aspartate")], formula: "C4H6KNO4"),
        Salt("K-glutamate", ["KGlu"], [ion("K"), ion("glutamate")], formula: "C5H8KNO4"),
        Salt("NaHCO3", ["sodium bicarbonate"], [ion("Na"), ion("HCO3")], formula: "NaHCO3"),
        Salt("KHCO3", [], [ion("K"), ion("HCO3")], formula: "KHCO3"),
        Salt("NaH2PO4", ["sodium dihydrogen phosphate", "monosodium phosphate"], [ion("Na"), ligand("phosphate")], formula: "NaH2PO4 (·H2O)"),
        Salt("Na2HPO4", ["disodium phosphate"], [ion("Na", 2), ligand("phosphate")], formula: "Na2HPO4"),
        Salt("KH2PO4", ["monopotassium phosphate"], [ion("K"), ligand("phosphate")], formula: "KH2PO4"),
        Salt("K2HPO4", ["dipotassium phosphate"], [ion("K", 2), ligand("phosphate")], formula: "K2HPO4"),
        Salt("MgATP", ["Mg-ATP", "ATP-Mg", "ATP magnesium salt"], [ion("Mg"), ligand("ATP")], formula: "C10H14MgN5O13P3 (Mg·H2ATP)"),
        Salt("Na2ATP", ["Na2-ATP", "ATP disodium salt"], [ion("Na", 2), ligand("ATP")], formula: "C10H14N5Na2O13P3 (Na2H2ATP)"),
        Salt("K2ATP", ["K2-ATP"], [ion("K", 2), ligand("ATP")], formula: "K2H2ATP"),
        Salt("Na2GTP", ["Na2-GTP"], [ion("Na", 2), ion("GTP")], formula: "C10H14N5Na2O14P3 (Na2H2GTP)"),
        Salt("NaGTP", ["Na-GTP", "GTP sodium salt"], [ion("Na"), ion("GTP")], formula: "C10H15N5NaO14P3 (NaH3GTP)"),
        Salt("Na2-phosphocreatine", ["Na2PCr", "Na2-PCr", "phosphocreatine disodium", "Na2-creatine phosphate", "Na2phosphocreatine"],
             [ion("Na", 2), ion("phosphocreatine")], formula: "C4H8N3Na2O5P"),
        Salt("Tris2-phosphocreatine", ["Tris2PCr", "Tris-phosphocreatine", "di-Tris-phosphocreatine"],
             [ligand("Tris", 2), ion("phosphocreatine")], formula: "(C4H11NO3)2·C4H10N3O5P"),
        Salt("EGTA", ["H4EGTA"], [ligand("EGTA")], formula: "C14H24N2O10 (free acid)"),
        Salt("K2-EGTA", ["K2EGTA"], [ion("K", 2), ligand("EGTA")], formula: "K2H2EGTA"),
        Salt("BAPTA", ["H4BAPTA"], [ligand("BAPTA")], formula: "C22H24N2O10 (free acid)"),
        Salt("K4-BAPTA", ["K4BAPTA", "BAPTA tetrapotassium"], [ion("K", 4), ligand("BAPTA")], formula: "C22H20K4N2O10"),
        Salt("Cs4-BAPTA", ["Cs4BAPTA"], [ion("Cs", 4), ligand("BAPTA")], formula: "C22H20Cs4N2O10"),
        Salt("HEPES", ["HEPES acid", "HEPES free acid"], [ligand("HEPES")], formula: "C8H18N2O4S (zwitterion)"),
        Salt("Na-HEPES", ["HEPES-Na", "HEPES sodium salt"], [ion("Na"), ligand("HEPES")], formula: "C8H17N2NaO4S"),
        Salt("K-HEPES", ["HEPES-K"], [ion("K"), ligand("HEPES")], formula: "C8H17KN2O4S"),
        Salt("Tris", ["Tris base", "Trizma base", "THAM"], [ligand("Tris")], formula: "C4H11NO3"),
        Salt("Tris-HCl", ["Tris hydrochloride", "Trizma HCl"], [ligand("Tris"), ion("Cl")], formula: "C4H11NO3·HCl"),
        Salt("glucose", ["D-glucose", "dextrose"], [ion("glucose")], formula: "C6H12O6"),
        Salt("sucrose", [], [ion("sucrose")], formula: "C12H22O11"),
        Salt("mannitol", ["D-mannitol"], [ion("mannitol")], formula: "C6H14O6"),
        Salt("NMDG", ["N-methyl-D-glucamine", "meglumine"], [ion("NMDG")], formula: "C7H17NO5 (base; protonated below pH 8.5, pKa 9.5)"),
        Salt("NMDG-Cl", ["NMDG-HCl"], [ion("NMDG"), ion("Cl")], formula: "C7H17NO5·HCl"),
        Salt("TEA-Cl", ["TEACl", "tetraethylammonium chloride"], [ion("TEA"), ion("Cl")], formula: "C8H20NCl"),
        Salt("choline-Cl", ["choline chloride", "ChCl"], [ion("choline"), ion("Cl")], formula: "C5H14NOCl"),
        Salt("QX-314", ["QX314", "QX-314 chloride", "QX-314-Cl"], [(.customCation("QX-314"), 1), ion("Cl")], formula: "C16H27N2OCl (QX-314 chloride)"),
        // Titrants: the hydroxide is consumed by the acids, HCl's proton likewise.
        Salt("KOH", ["potassium hydroxide"], [ion("K")], formula: "KOH"),
        Salt("NaOH", ["sodium hydroxide"], [ion("Na")], formula: "NaOH"),
        Salt("CsOH", ["caesium hydroxide", "cesium hydroxide"], [ion("Cs")], formula: "CsOH"),
        Salt("HCl", ["hydrochloric acid"], [ion("Cl")], formula: "HCl"),
    ]

    /// Names accepted after `pH X` as the titrant.
    public static let titrants: Set<String> = ["KOH", "NaOH", "CsOH", "HCl", "NMDG", "Tris"]

    static let index: [String: Int] = {
        var d: [String: Int] = [:]
        for (i, s) in all.enumerated() {
            for key in [s.name] + s.aliases where d[normalize(key)] == nil { d[normalize(key)] = i }
        }
        return d
    }()

    static func normalize(_ s: String) -> String {
        String(s.lowercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "_" && $0 != "·" })
    }

    /// The salt called `name` (any alias, any case, hyphens optional), or nil.
    public static func salt(named name: String) -> Salt? { index[normalize(name)].map { all[$0] } }

    /// Up to four salt names closest to `name`.
    public static func suggestions(for name: String) -> [String] {
        let key = normalize(name)
        var best: [(String, Int)] = []
        for s in all {
            let d = ([s.name] + s.aliases).map { editDistance(key, normalize($0)) }.min() ?? Int.max
            if d <= max(2, key.count / 3) { best.append((s.name, d)) }
        }
        return best.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(4).map(\.0)
    }
}
