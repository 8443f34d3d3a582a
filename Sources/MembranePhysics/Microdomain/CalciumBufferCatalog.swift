import MembraneUnits
import MembraneChemistry

/// Ca²⁺ buffers with cited binding kinetics and mobility, by name, and the parser of buffer lists.
///
/// | buffer | sites | k_on (M⁻¹s⁻¹) | K_D | D (µm²/s) |
/// |---|---|---|---|---|
/// | EGTA | 1 | 1.05 × 10⁷ | 70 nM | 220 |
/// | BAPTA | 1 | 4.0 × 10⁸ | 220 nM | 220 |
/// | calbindin-D28k | 2 high-affinity + 2 medium-affinity | 1.1 × 10⁷ / 8.7 × 10⁷ | 237 nM / 411 nM | 28 |
///
/// EGTA and BAPTA on-rates: Naraghi 1997 (Cell Calcium 22:255, temperature-jump relaxation, pH 7.2); their K_D and
/// the chelators' D = 220 µm²/s as used by Naraghi & Neher 1997 (J. Neurosci. 17:6961) and tabulated by
/// Eggermann, Bucurenciu, Goswami & Jonas 2012 (Nat. Rev. Neurosci. 13:7). The primary was not read; model codes that
/// cite Naraghi 1997 disagree (some use EGTA 2.7 × 10⁶ M⁻¹s⁻¹ with K_D ≈ 180 nM and BAPTA 4.5 × 10⁸ with ≈ 176 nM), so
/// override k_on and K_D when they matter (docs/research/applications.md). Calbindin-D28k: Nägerl, Novo, Mody &
/// Vergara 2000 (Biophys. J. 79:3009, flash photolysis of DM-nitrophen: two independent site types per molecule,
/// k_off 2.6 s⁻¹ and 35.8 s⁻¹); its mobility 28 µm²/s as in the Purkinje-cell dendrite model of Schmidt, Stiefel,
/// Racay, Schwaller & Eilers 2003 (J. Physiol. 551:13), read from its co-author's NEURON mechanism (Dcbd1 =
/// 0.028 µm²/ms beside D_PV = 0.043 µm²/ms). The apparent K_D of EGTA depends strongly on pH (for other pH
/// values `membrane recipe` computes it from the stability constants); every constant can be overridden.
/// Verification status of each number: docs/research/applications.md.
public struct CalciumBufferSpecies: Sendable {
    /// One kind of binding site of the molecule.
    public struct Site: Sendable {
        /// The site kind's name ("site", "high-affinity sites").
        public var label: String
        /// Sites of this kind per molecule.
        public var perMolecule: Int
        /// k_on, M⁻¹·s⁻¹.
        public var onRate: Double
        /// K_D = k_off/k_on.
        public var dissociationConstant: Concentration
    }

    /// The name ("EGTA", "BAPTA", "calbindin").
    public var name: String
    /// Lower-case names accepted on the command line.
    public var aliases: [String]
    /// The kinds of binding site (independent).
    public var sites: [Site]
    /// D_B of the molecule (free and bound alike).
    public var diffusivity: Diffusivity
    /// Where the constants come from.
    public var source: String

    /// The buffers (one per site type) at `concentration` of the molecule.
    public func buffers(concentration: Concentration) -> [CalciumBuffer] {
        sites.map { site in
            CalciumBuffer(name: sites.count == 1 ? name : "\(name) (\(site.label))",
                          total: Double(site.perMolecule) * concentration, onRate: site.onRate,
                          dissociationConstant: site.dissociationConstant, diffusivity: diffusivity, source: source)
        }
    }

    static let chelatorD = Diffusivity.squareMetresPerSecond(220e-12)

    /// EGTA: k_on 1.05 × 10⁷ M⁻¹s⁻¹ (Naraghi 1997), K_D 70 nM, D 220 µm²/s (Naraghi & Neher 1997; Eggermann et al. 2012).
    public static let egta = CalciumBufferSpecies(
        name: "EGTA", aliases: ["egta"],
        sites: [Site(label: "site", perMolecule: 1, onRate: 1.05e7, dissociationConstant: .nanomolar(70))],
        diffusivity: chelatorD,
        source: "k_on Naraghi 1997 (Cell Calcium 22:255); K_D 70 nM and D 220 µm²/s as in Naraghi & Neher 1997 (J. Neurosci. 17:6961) and Eggermann et al. 2012 (Nat. Rev. Neurosci. 13:7)")

    /// BAPTA: k_on 4.0 × 10⁸ M⁻¹s⁻¹ (Naraghi 1997), K_D 220 nM, D 220 µm²/s (Naraghi & Neher 1997; Eggermann et al. 2012).
    public static let bapta = CalciumBufferSpecies(
        name: "BAPTA", aliases: ["bapta"],
        sites: [Site(label: "site", perMolecule: 1, onRate: 4.0e8, dissociationConstant: .nanomolar(220))],
        diffusivity: chelatorD,
        source: "k_on Naraghi 1997 (Cell Calcium 22:255); K_D 220 nM and D 220 µm²/s as in Naraghi & Neher 1997 (J. Neurosci. 17:6961) and Eggermann et al. 2012 (Nat. Rev. Neurosci. 13:7)")

    /// Calbindin-D28k: 2 high-affinity sites (k_on 1.1 × 10⁷ M⁻¹s⁻¹, K_D 237 nM) and 2 medium-affinity sites
    /// (k_on 8.7 × 10⁷ M⁻¹s⁻¹, K_D 411 nM) per molecule (Nägerl et al. 2000), D 28 µm²/s (Schmidt et al. 2003).
    public static let calbindin = CalciumBufferSpecies(
        name: "calbindin", aliases: ["calbindin", "calbindin-d28k", "cb", "cbd28k", "calbindind28k"],
        sites: [Site(label: "high-affinity sites", perMolecule: 2, onRate: 1.1e7, dissociationConstant: .nanomolar(237)),
                Site(label: "medium-affinity sites", perMolecule: 2, onRate: 8.7e7, dissociationConstant: .nanomolar(411))],
        diffusivity: .squareMetresPerSecond(28e-12),
        source: "Nägerl, Novo, Mody & Vergara 2000 (Biophys. J. 79:3009): 2 high-affinity sites (k_on 1.1e7 M⁻¹s⁻¹, K_D 237 nM) and 2 medium-affinity sites (k_on 8.7e7 M⁻¹s⁻¹, K_D 411 nM) per molecule; D 28 µm²/s (Schmidt et al. 2003, J. Physiol. 551:13)")

    /// Every buffer of the catalog.
    public static let all: [CalciumBufferSpecies] = [.egta, .bapta, .calbindin]

    /// The buffer called `name` or one of its aliases (case, spaces and underscores ignored), or nil.
    public static func named(_ name: String) -> CalciumBufferSpecies? {
        let key = name.lowercased().filter { $0 != " " && $0 != "_" }
        return all.first { $0.aliases.contains(key) || $0.name.lowercased() == key }
    }
}

extension CalciumBuffer {
    /// Parses a buffer list: `"EGTA=10"`, `"BAPTA=1mM, EGTA=0.5"`, `"calbindin=0.1"` (the molecule's concentration),
    /// overrides `"EGTA(kd=150nM)=10"`, or a custom buffer `"X(kon=1e8,kd=0.5uM,D=50)=0.2"` (k_on in M⁻¹s⁻¹, K_D a
    /// concentration, D in µm²/s; concentrations in mM unless a unit is written). `field` names the option in errors.
    public static func parseList(_ text: String, field: String) throws -> [CalciumBuffer] {
        let entries = try SolutionParser().splitEntries(text, field: field)
        guard !entries.isEmpty else {
            throw MembraneError.invalidValue(field: field, value: text, allowed: "NAME=CONCENTRATION, e.g. \"EGTA=10\" or \"BAPTA=1\"")
        }
        return try entries.flatMap { try parseEntry($0, field: field) }
    }

    static func parseEntry(_ entry: String, field: String) throws -> [CalciumBuffer] {
        let example = "NAME=CONCENTRATION, e.g. \"EGTA=10\", \"calbindin=0.1\" or \"X(kon=1e8,kd=0.5uM,D=50)=0.2\""
        guard let equals = entry.lastIndex(of: "=") else {
            throw MembraneError.invalidValue(field: field, value: entry, allowed: example)
        }
        var head = String(entry[..<equals]).trimmingWhitespace()
        let concentration = try QuantityParser.concentration(String(entry[entry.index(after: equals)...]), field: field)
        var attributes: [(String, String)] = []
        if let open = head.firstIndex(of: "("), head.hasSuffix(")") {
            let inner = head[head.index(after: open)..<head.index(before: head.endIndex)]
            for pair in inner.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
                guard parts.count == 2 else { throw MembraneError.invalidValue(field: field, value: entry, allowed: example) }
                attributes.append((parts[0].lowercased(), parts[1]))
            }
            head = String(head[..<open]).trimmingWhitespace()
        }
        guard !head.isEmpty else { throw MembraneError.invalidValue(field: field, value: entry, allowed: example) }
        let sub = "\(field).\(head)"
        var kon: Double?, kd: Concentration?, d: Diffusivity?
        for (key, value) in attributes {
            switch key {
            case "kon", "k_on": kon = try QuantityParser.number(value, field: "\(sub).kon")
            case "kd", "k_d": kd = try QuantityParser.concentration(value, field: "\(sub).kd")
            case "d", "diffusion": d = .squareMetresPerSecond(try QuantityParser.number(value, field: "\(sub).D") * 1e-12)
            default: throw MembraneError.unknownName(field: sub, value: key, suggestions: ["kon", "kd", "D"])
            }
        }
        var buffers: [CalciumBuffer]
        if let species = CalciumBufferSpecies.named(head) {
            buffers = species.buffers(concentration: concentration)
            if species.sites.count > 1 && (kon != nil || kd != nil) {
                throw MembraneError.invalidValue(field: sub, value: entry,
                    allowed: "only D for \(species.name), which has several site types; write each site type as a custom buffer to change its k_on or K_D")
            }
            for i in buffers.indices {
                if let kon { buffers[i].onRate = kon }
                if let kd { buffers[i].dissociationConstant = kd }
                if let d { buffers[i].diffusivity = d }
                if !attributes.isEmpty { buffers[i].source += " (overridden: \(attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")))" }
            }
        } else {
            guard let kon, let kd, let d else {
                throw MembraneError.unknownName(field: field, value: head,
                    suggestions: CalciumBufferSpecies.all.map(\.name) + ["or a custom buffer NAME(kon=…,kd=…,D=…)"])
            }
            buffers = [CalciumBuffer(name: head, total: concentration, onRate: kon, dissociationConstant: kd, diffusivity: d,
                                     source: "given by the user")]
        }
        for b in buffers { try b.validate(field: sub) }
        return buffers
    }
}
