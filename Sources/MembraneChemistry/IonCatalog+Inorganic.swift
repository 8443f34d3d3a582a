/// Inorganic ions of the built-in catalog.
///
/// Transport: limiting equivalent conductivities λ°/|z| at 25 °C from P. Vanýsek, "Ionic conductivity
/// and diffusion at infinite dilution", *CRC Handbook of Chemistry and Physics* (table 5-09; values
/// unchanged since the 76th ed.), abbreviated `CRC 5-09`. D follows by Nernst–Einstein (``Ion``);
/// e.g. K⁺ 73.48 → 1.957e-9 m²/s and Ca²⁺ 59.47 → 0.792e-9 m²/s, as CRC tabulates them.
///
/// Ion sizes: å of the extended Debye–Hückel equation from J. Kielland, "Individual activity
/// coefficients of ions in aqueous solutions", J. Am. Chem. Soc. 59:1675 (1937), Table I,
/// abbreviated `Kielland 1937`. Where Kielland gives a range (Na⁺, HCO₃⁻, H₂PO₄⁻: 4–4.5 Å) the upper
/// value is used, as in Harris, *Quantitative Chemical Analysis*, Table 8-1.
extension IonCatalog {
    static let crc = "CRC Handbook 5-09 (Vanýsek), λ°/|z| at 25 °C"
    static let kielland = "Kielland 1937, J. Am. Chem. Soc. 59:1675, Table I"

    static func inorganic(_ name: String, _ z: Int, _ longName: String, _ aliases: [String],
                          lambda: Double, size: Double?) -> Ion {
        Ion(name: name, charge: z, longName: longName, aliases: aliases,
            transport: .equivalentConductivity(lambda), ionSize: size,
            transportSource: crc, ionSizeSource: size == nil ? "" : kielland)
    }

    static let inorganicIons: [Ion] = [
        inorganic("H", 1, "hydrogen", ["proton", "hydron", "H3O", "hydronium"], lambda: 349.65, size: 9),
        inorganic("Li", 1, "lithium", [], lambda: 38.66, size: 6),
        inorganic("Na", 1, "sodium", [], lambda: 50.08, size: 4.5),
        inorganic("K", 1, "potassium", [], lambda: 73.48, size: 3),
        inorganic("Rb", 1, "rubidium", [], lambda: 77.8, size: 2.5),
        inorganic("Cs", 1, "caesium", ["cesium"], lambda: 77.2, size: 2.5),
        inorganic("NH4", 1, "ammonium", [], lambda: 73.5, size: 2.5),
        inorganic("Ca", 2, "calcium", [], lambda: 59.47, size: 6),
        inorganic("Mg", 2, "magnesium", [], lambda: 53.0, size: 8),
        inorganic("Ba", 2, "barium", [], lambda: 63.6, size: 5),
        inorganic("Sr", 2, "strontium", [], lambda: 59.4, size: 5),
        inorganic("Zn", 2, "zinc", [], lambda: 52.8, size: 6),
        inorganic("Cl", -1, "chloride", [], lambda: 76.31, size: 3),
        inorganic("Br", -1, "bromide", [], lambda: 78.1, size: 3),
        inorganic("I", -1, "iodide", [], lambda: 76.8, size: 3),
        inorganic("F", -1, "fluoride", [], lambda: 55.4, size: 3.5),
        inorganic("NO3", -1, "nitrate", [], lambda: 71.42, size: 3),
        inorganic("OH", -1, "hydroxide", [], lambda: 198, size: 3.5),
        inorganic("HCO3", -1, "bicarbonate", ["hydrogencarbonate", "hydrogen carbonate"], lambda: 44.5, size: 4.5),
        inorganic("H2PO4", -1, "dihydrogen phosphate", ["dihydrogenphosphate"], lambda: 36, size: 4.5),
        Ion(name: "HPO4", charge: -2, longName: "hydrogen phosphate", aliases: ["hydrogenphosphate", "phosphate", "Pi"],
            transport: .equivalentConductivity(57), ionSize: 4, transportSource: crc, ionSizeSource: kielland,
            chargeNote: "phosphate defaults to HPO4 2- (the main species at pH 7.2, pKa2 ≈ 6.8 at I = 0.15 M); write phosphate(z=-1) or H2PO4 for the other state"),
        inorganic("SO4", -2, "sulfate", ["sulphate"], lambda: 80.0, size: 4),
    ]
}
