/// Species of pipette and slice solutions for which no published mobility was found (searched: CRC 5-09,
/// Lange's Table 8.32, Barry's JPCalc tables as copied in LJPcalc's IonTable.md, JLJP; see
/// `docs/research/diffusion-estimates.md`). Each carries a ``DiffusionEstimate``: the D a junction
/// calculation uses, marked as an estimate in every output, and the range over which `membrane ljp`
/// reports how much the junction potential moves.
///
/// Le Bas compositions are of the charge state listed (the H count without the dissociated protons).
extension IonCatalog {
    static func organicIon(_ name: String) -> Ion {
        organicIons.first { $0.name == name }!
    }

    static let estimatedIons: [Ion] = [
        // Nucleotides and energy buffers
        Ion.estimated("GTP", -4, "guanosine triphosphate", ["guanosine triphosphate", "GTP4-"],
                      .analogue(organicIon("ATP"), note: "guanine instead of adenine (one O more); LJPcalc's issue #13 suggests the same"),
                      chargeNote: "GTP is counted as GTP4- and unbound (no protonation or Mg2+ constants are used for it)"),
        Ion.estimated("phosphocreatine", -2, "phosphocreatine", ["PCr", "creatine phosphate", "phosphocreatine"],
                      .haydukLaudie(LeBasVolume(carbon: 4, hydrogen: 8, oxygen: 1, acidOxygen: 1, oxygenOnHeteroatom: 3,
                                                doubleBondedNitrogen: 1, secondaryAmineNitrogen: 1, tertiaryNitrogen: 1,
                                                phosphorus: 1), charge: -2),
                      chargeNote: "phosphocreatine is 2- at pH 7.2"),
        // Chelator
        Ion.estimated("BAPTA", -4, "BAPTA", [],
                      .haydukLaudie(LeBasVolume(carbon: 22, hydrogen: 20, oxygen: 4, etherOxygen: 2, acidOxygen: 4,
                                                tertiaryNitrogen: 2, sixMemberedRings: 2), charge: -4),
                      chargeNote: "BAPTA is BAPTA4- at pH 7.2 (pKa 6.4 and 5.5)"),
        // Channel blockers and polyamines
        Ion.estimated("QX-314", 1, "QX-314 (N-ethyl lidocaine)", ["QX314", "QX 314", "N-ethyllidocaine"],
                      .haydukLaudie(LeBasVolume(carbon: 16, hydrogen: 27, oxygen: 1, secondaryAmineNitrogen: 1,
                                                tertiaryNitrogen: 1, sixMemberedRings: 1), charge: 1)),
        Ion.estimated("spermine", 4, "spermine (tetraprotonated)", ["spermine4+"],
                      .haydukLaudie(LeBasVolume(carbon: 10, hydrogen: 30, primaryAmineNitrogen: 2, secondaryAmineNitrogen: 2),
                                    charge: 4),
                      chargeNote: "spermine is counted as fully protonated (4+; pKa's 8.0–10.8)"),
        // Antioxidants and metabolites of slice solutions
        Ion.estimated("ascorbate", -1, "L-ascorbate", ["L-ascorbate", "ascorbic acid anion"],
                      .haydukLaudie(LeBasVolume(carbon: 6, hydrogen: 7, oxygen: 5, etherOxygen: 1, fiveMemberedRings: 1),
                                    charge: -1)),
        Ion.estimated("pyruvate", -1, "pyruvate", [],
                      .analogue(organicIon("lactate"), note: "CH3COCOO- against CH3CHOHCOO- (two H fewer)")),
        Ion.estimated("kynurenate", -1, "kynurenate", ["kynurenic acid anion"],
                      .haydukLaudie(LeBasVolume(carbon: 10, hydrogen: 6, oxygen: 2, acidOxygen: 1, doubleBondedNitrogen: 1,
                                                sixMemberedRings: 2), charge: -1)),
    ]
}
