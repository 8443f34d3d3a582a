import Foundation
import MembraneChemistry

/// Loads the committed reference data of `Tests/Reference/activity` (no Python at test time).
enum ReferenceData {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Reference/activity")

    struct MeanGamma { let salt: String; let molality: Double; let gamma: Double; let source: String }

    /// Robinson & Stokes / CRC mean activity coefficients (mean-activity-coefficients-25C.csv).
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
