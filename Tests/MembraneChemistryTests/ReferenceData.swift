import Foundation
import MembraneChemistry

/// Loads the committed reference data of `Tests/Reference/activity` (no Python at test time).
enum ReferenceData {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Reference/activity")

    struct MeanGamma { let salt: String; let molality: Double; let gamma: Double; let source: String }

    /// Source code of the Robinson & Stokes rows (0.1–1 mol/kg).
    static let robinsonStokes = "CRC/R&S 8.10"

    /// Cation and stoichiometric number of Cl⁻ for the four chloride salts of the table.
    static func chloride(_ salt: String) -> (cation: String, nu: Double) {
        switch salt { case "NaCl": ("Na", 1); case "KCl": ("K", 1); case "CaCl2": ("Ca", 2); default: ("Mg", 2) }
    }

    /// Measured mean activity coefficients at 25 °C (mean-activity-coefficients-25C.csv; sources per row).
    static func meanActivityCoefficients() throws -> [MeanGamma] {
        let text = try String(contentsOf: directory.appendingPathComponent("mean-activity-coefficients-25C.csv"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("salt") }.map { line in
            let f = line.split(separator: ",").map(String.init)
            return MeanGamma(salt: f[0], molality: Double(f[1])!, gamma: Double(f[2])!, source: f[3])
        }
    }

    struct Species { let name: String; let charge: Int; let molality: Double; let log10Gamma: Double }
    struct Case { let solution: String; let model: String; let celsius: Double; let ionicStrength: Double; let species: [Species] }

    /// PHREEQC speciation and activity coefficients (phreeqc-activity.json, from generate.sh).
    static func phreeqcCases() throws -> [Case] {
        let data = try Data(contentsOf: directory.appendingPathComponent("phreeqc-activity.json"))
        let root = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        return (root["cases"] as! [[String: Any]]).map { c in
            Case(solution: c["solution"] as! String, model: c["model"] as! String,
                 celsius: c["temperature_C"] as! Double, ionicStrength: c["ionic_strength_molal"] as! Double,
                 species: (c["species"] as! [[String: Any]]).map { s in
                     Species(name: s["name"] as! String, charge: s["charge"] as! Int,
                             molality: s["molality"] as! Double, log10Gamma: s["log10_gamma"] as! Double)
                 })
        }
    }

    /// The PHREEQC PITZER block of Membrane's parameter set (pitzer-hmw84.dat): section (-B0, -B1, -B2, -C0,
    /// -THETA, -PSI), the species as written and the coefficients a0… of each line.
    struct PitzerLine { let section: String; let species: [String]; let coefficients: [Double] }

    static func pitzerBlockText() throws -> String {
        try String(contentsOf: directory.appendingPathComponent("pitzer-hmw84.dat"), encoding: .utf8)
    }

    /// The PITZER input block PHREEQC was run with (phreeqc-activity.json, `pitzer_block`).
    static func phreeqcPitzerBlock() throws -> String {
        let data = try Data(contentsOf: directory.appendingPathComponent("phreeqc-activity.json"))
        let root = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        return root["pitzer_block"] as! String
    }

    static func pitzerBlock() throws -> [PitzerLine] {
        let text = try pitzerBlockText()
        var section = "", lines: [PitzerLine] = []
        for raw in text.split(separator: "\n") {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let first = tokens.first, first != "PITZER" else { continue }
            if first.hasPrefix("-") { section = first; continue }
            let n = section == "-PSI" ? 3 : 2
            lines.append(PitzerLine(section: section, species: Array(tokens[..<n]), coefficients: tokens[n...].map { Double($0)! }))
        }
        return lines
    }

    /// PHREEQC species name → catalog name for the free ions the tests compare.
    static let catalogNames: [String: String] = [
        "Na+": "Na", "K+": "K", "Ca+2": "Ca", "Mg+2": "Mg", "Cl-": "Cl", "HCO3-": "HCO3", "SO4-2": "SO4",
        "H2PO4-": "H2PO4", "HPO4-2": "HPO4", "H+": "H", "OH-": "OH", "Gluc-": "gluconate", "Hepes-": "HEPES",
        "Atp-4": "ATP",
    ]

    /// The species of a PHREEQC case as ions: catalog ions where known, ion pairs as custom ions.
    static func ions(of c: Case) -> [Ion] {
        c.species.map { s in
            if let name = catalogNames[s.name], let ion = IonCatalog.standard.ion(named: name) {
                return ion.charge == s.charge ? ion : ion.withCharge(s.charge)
            }
            return Ion(name: s.name, charge: s.charge, transport: nil, isCustom: true)
        }
    }
}
