import MembraneUnits

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
    }

    /// The name recipes use ("KCl", "K-gluconate", "Na2GTP").
    public let name: String
    /// Other names accepted ("potassium chloride").
    public let aliases: [String]
    /// What one mole releases: each species and its moles.
    public let parts: [(Part, Double)]
    /// The chemical formula, or the product name.
    public let formula: String

    /// A salt called `name` (also `aliases`) releasing `parts` per mole, with its formula.
    public init(_ name: String, _ aliases: [String] = [], _ parts: [(Part, Double)], formula: String) {
        self.name = name
        self.aliases = aliases
        self.parts = parts
        self.formula = formula
    }

    public static func == (a: Salt, b: Salt) -> Bool { a.name == b.name }
    public func hash(into h: inout Hasher) { h.combine(name) }

    /// Σ k·z of the fixed ions it releases (0 for a neutral salt such as KCl; −2 for Na2GTP, whose two
    /// protons go to the titrant; +1 for NMDG base), or nil when it releases a pH-dependent ligand.
    public var fixedCharge: Double? {
        var q = 0.0
        for (part, k) in parts {
            guard case .ion(let name) = part, let ion = IonCatalog.standard.ion(named: name) else { return nil }
            q += k * Double(ion.charge)
        }
        return q
    }

    /// True for the bases and acids used to adjust pH.
    public var isTitrant: Bool { SaltCatalog.titrants.contains(name) }
}

/// The salts and additives of physiological and pipette solutions.
public enum SaltCatalog {
    static func ion(_ n: String, _ k: Double = 1) -> (Salt.Part, Double) { (.ion(n), k) }
    static func ligand(_ n: String, _ k: Double = 1) -> (Salt.Part, Double) { (.ligand(n), k) }

    /// Every salt and additive of the catalog.
    public static let all: [Salt] = [
        Salt("KCl", ["potassium chloride"], [ion("K"), ion("Cl")], formula: "KCl"),
        Salt("NaCl", ["sodium chloride"], [ion("Na"), ion("Cl")], formula: "NaCl"),
        Salt("CsCl", ["caesium chloride", "cesium chloride"], [ion("Cs"), ion("Cl")], formula: "CsCl"),
        Salt("LiCl", [], [ion("Li"), ion("Cl")], formula: "LiCl"),
        Salt("CaCl2", ["calcium chloride"], [ion("Ca"), ion("Cl", 2)], formula: "CaCl2 (·2H2O)"),
        Salt("MgCl2", ["magnesium chloride"], [ion("Mg"), ion("Cl", 2)], formula: "MgCl2 (·6H2O)"),
        Salt("MgSO4", ["magnesium sulfate"], [ion("Mg"), ion("SO4")], formula: "MgSO4 (·7H2O)"),
        Salt("K2SO4", ["potassium sulfate"], [ion("K", 2), ion("SO4")], formula: "K2SO4"),
        Salt("Na2SO4", ["sodium sulfate"], [ion("Na", 2), ion("SO4")], formula: "Na2SO4"),
        Salt("Cs2SO4", ["caesium sulfate", "cesium sulfate"], [ion("Cs", 2), ion("SO4")], formula: "Cs2SO4"),
        Salt("KF", ["potassium fluoride"], [ion("K"), ion("F")], formula: "KF"),
        Salt("CsF", ["caesium fluoride", "cesium fluoride"], [ion("Cs"), ion("F")], formula: "CsF"),
        Salt("NaF", ["sodium fluoride"], [ion("Na"), ion("F")], formula: "NaF"),
        Salt("BaCl2", [], [ion("Ba"), ion("Cl", 2)], formula: "BaCl2"),
        Salt("K-gluconate", ["potassium gluconate", "KGluc", "K gluconate"], [ion("K"), ion("gluconate")], formula: "C6H11KO7"),
        Salt("Na-gluconate", ["sodium gluconate", "NaGluc"], [ion("Na"), ion("gluconate")], formula: "C6H11NaO7"),
        Salt("Cs-gluconate", ["CsGluc"], [ion("Cs"), ion("gluconate")], formula: "C6H11CsO7"),
        Salt("K-methanesulfonate", ["KMeSO3", "K-MeSO3", "KMS", "K-mesylate", "potassium methanesulfonate"],
             [ion("K"), ion("methanesulfonate")], formula: "CH3SO3K"),
        Salt("Cs-methanesulfonate", ["CsMeSO3", "Cs-MeSO3", "CsMS", "Cs-mesylate", "caesium methanesulfonate"],
             [ion("Cs"), ion("methanesulfonate")], formula: "CH3SO3Cs"),
        Salt("K-methylsulfate", ["KMeSO4", "K-MeSO4", "potassium methylsulfate", "potassium methyl sulfate", "K-methyl sulfate"],
             [ion("K"), ion("methylsulfate")], formula: "CH3OSO3K"),
        Salt("Cs-methylsulfate", ["CsMeSO4", "Cs-MeSO4", "caesium methylsulfate", "cesium methylsulfate"],
             [ion("Cs"), ion("methylsulfate")], formula: "CH3OSO3Cs"),
        Salt("Na-methylsulfate", ["NaMeSO4", "Na-MeSO4", "sodium methylsulfate", "sodium methyl sulfate"],
             [ion("Na"), ion("methylsulfate")], formula: "CH3OSO3Na"),
        Salt("Na-methanesulfonate", ["NaMeSO3", "Na-MeSO3", "sodium methanesulfonate"],
             [ion("Na"), ion("methanesulfonate")], formula: "CH3SO3Na"),
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
        Salt("Na3GTP", ["Na3-GTP", "GTP trisodium salt"], [ion("Na", 3), ion("GTP")], formula: "C10H13N5Na3O14P3 (Na3HGTP)"),
        Salt("Li-GTP", ["LiGTP", "GTP lithium salt"], [ion("Li"), ion("GTP")], formula: "C10H15N5LiO14P3 (LiH3GTP)"),
        Salt("Tris-GTP", ["TrisGTP", "GTP Tris salt"], [ion("GTP")],
             formula: "GTP Tris salt (Tris content varies by lot: the titrant balances GTP's charge)"),
        Salt("GTP", ["GTP free acid"], [ion("GTP")], formula: "C10H16N5O14P3 (free acid: the titrant balances its protons)"),
        Salt("MgGTP", ["Mg-GTP"], [ion("Mg"), ion("GTP")], formula: "MgH2GTP"),
        Salt("Na2-phosphocreatine", ["Na2PCr", "Na2-PCr", "phosphocreatine disodium", "Na2-creatine phosphate", "Na2phosphocreatine"],
             [ion("Na", 2), ion("phosphocreatine")], formula: "C4H8N3Na2O5P"),
        Salt("Tris2-phosphocreatine", ["Tris2PCr", "Tris-phosphocreatine", "di-Tris-phosphocreatine", "ditris-phosphocreatine",
                                       "phosphocreatine di(tris)", "Tris-PCr"],
             [ligand("Tris", 2), ion("phosphocreatine")], formula: "(C4H11NO3)2·C4H10N3O5P"),
        Salt("K2-phosphocreatine", ["K2PCr", "K2-PCr", "phosphocreatine dipotassium"],
             [ion("K", 2), ion("phosphocreatine")], formula: "C4H8K2N3O5P"),
        Salt("EGTA", ["H4EGTA"], [ligand("EGTA")], formula: "C14H24N2O10 (free acid)"),
        Salt("K2-EGTA", ["K2EGTA"], [ion("K", 2), ligand("EGTA")], formula: "K2H2EGTA"),
        Salt("BAPTA", ["H4BAPTA"], [ligand("BAPTA")], formula: "C22H24N2O10 (free acid)"),
        Salt("K4-BAPTA", ["K4BAPTA", "BAPTA tetrapotassium"], [ion("K", 4), ligand("BAPTA")], formula: "C22H20K4N2O10"),
        Salt("Cs4-BAPTA", ["Cs4BAPTA"], [ion("Cs", 4), ligand("BAPTA")], formula: "C22H20Cs4N2O10"),
        Salt("HEPES", ["HEPES acid", "HEPES free acid"], [ligand("HEPES")], formula: "C8H18N2O4S (zwitterion)"),
        Salt("Na-HEPES", ["HEPES-Na", "HEPES sodium salt"], [ion("Na"), ligand("HEPES")], formula: "C8H17N2NaO4S"),
        Salt("K-HEPES", ["HEPES-K"], [ion("K"), ligand("HEPES")], formula: "C8H17KN2O4S"),
        Salt("Cs-HEPES", ["HEPES-Cs"], [ion("Cs"), ligand("HEPES")], formula: "C8H17CsN2O4S"),
        Salt("Tris", ["Tris base", "Trizma base", "THAM"], [ligand("Tris")], formula: "C4H11NO3"),
        Salt("Tris-HCl", ["Tris hydrochloride", "Trizma HCl"], [ligand("Tris"), ion("Cl")], formula: "C4H11NO3·HCl"),
        Salt("glucose", ["D-glucose", "dextrose"], [ion("glucose")], formula: "C6H12O6"),
        Salt("sucrose", [], [ion("sucrose")], formula: "C12H22O11"),
        Salt("mannitol", ["D-mannitol"], [ion("mannitol")], formula: "C6H14O6"),
        // Anions of slice solutions, as their sodium salts or free acids (the acid's proton goes to the titrant,
        // or to HCO3- in a bicarbonate saline: pKa's 4.2 ascorbic, 2.5 pyruvic, 3.9 lactic, ≈ 2.4 kynurenic).
        Salt("Na-ascorbate", ["sodium ascorbate", "sodium L-ascorbate", "Na-L-ascorbate", "sodium ascorbic acid", "NaAsc"],
             [ion("Na"), ion("ascorbate")], formula: "C6H7NaO6"),
        Salt("ascorbic acid", ["L-ascorbic acid", "vitamin C"], [ion("ascorbate")], formula: "C6H8O6 (free acid, pKa 4.2: ascorbate at pH 7)"),
        Salt("Na-pyruvate", ["sodium pyruvate", "NaPyr"], [ion("Na"), ion("pyruvate")], formula: "C3H3NaO3"),
        Salt("Na-lactate", ["sodium lactate", "sodium L-lactate"], [ion("Na"), ion("lactate")], formula: "C3H5NaO3"),
        Salt("kynurenic acid", ["kynurenate", "KYNA"], [ion("kynurenate")], formula: "C10H7NO3 (free acid: kynurenate at pH 7)"),
        Salt("Na-kynurenate", ["sodium kynurenate"], [ion("Na"), ion("kynurenate")], formula: "C10H6NNaO3"),
        Salt("NMDG", ["N-methyl-D-glucamine", "meglumine"], [ion("NMDG")], formula: "C7H17NO5 (base; protonated below pH 8.5, pKa 9.5)"),
        Salt("NMDG-Cl", ["NMDG-HCl"], [ion("NMDG"), ion("Cl")], formula: "C7H17NO5·HCl"),
        Salt("TEA-Cl", ["TEACl", "tetraethylammonium chloride"], [ion("TEA"), ion("Cl")], formula: "C8H20NCl"),
        Salt("choline-Cl", ["choline chloride", "ChCl"], [ion("choline"), ion("Cl")], formula: "C5H14NOCl"),
        Salt("QX-314", ["QX314", "QX-314 chloride", "QX-314-Cl", "QX314Cl"], [ion("QX-314"), ion("Cl")], formula: "C16H27N2OCl (QX-314 chloride)"),
        Salt("QX-314-Br", ["QX-314 bromide", "QX314Br", "QX-314Br"], [ion("QX-314"), ion("Br")], formula: "C16H27N2OBr (QX-314 bromide)"),
        Salt("spermine-4HCl", ["spermine tetrahydrochloride", "spermine 4HCl", "spermine HCl"], [ion("spermine"), ion("Cl", 4)],
             formula: "C10H26N4·4HCl"),
        Salt("spermine", ["spermine free base"], [ion("spermine")], formula: "C10H26N4 (base: protonated to 4+ below pH 8; the titrant balances it)"),
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

    /// Lower case without white space, '-', '_' and '·', and without a trailing water of hydration
    /// ("CaCl2·2H2O", "MgSO4.7H2O", "NaH2PO4·H2O", "CaCl2 x 4H2O"): hydrates weigh differently but dissolve
    /// into the same ions, and amounts in a recipe are molar.
    static func normalize(_ s: String) -> String {
        String(withoutHydrate(s).lowercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "_" && $0 != "·" })
    }

    /// `name` without a trailing "·nH2O", ".nH2O", "*nH2O" or " x nH2O".
    static func withoutHydrate(_ name: String) -> String {
        let lower = name.lowercased()
        guard let separator = lower.lastIndex(where: { "·.*x".contains($0) }) else { return name }
        let tail = lower[lower.index(after: separator)...].filter { !$0.isWhitespace }
        guard tail.hasSuffix("h2o"), tail.dropLast(3).allSatisfy(\.isNumber) else { return name }
        if lower[separator] == "x", !(lower[..<separator].last?.isWhitespace ?? false) { return name }
        let stem = String(name[..<separator]).trimmingWhitespace()
        return stem.isEmpty ? name : stem
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
