import Foundation
import Membrane
import MembraneReport

/// A fraction of a named channel blocked by its classic blocker, as an experimenter applies it to a bath: the
/// channel's maximal conductance is scaled by (1 − fraction), the occupancy of a pore blocker at equilibrium
/// (fraction = [B]/([B] + K_d) for a one-to-one block; give the fraction, not the concentration).
///
/// - TTX (tetrodotoxin) blocks the voltage-gated Na⁺ channel from outside (Narahashi, Moore & Scott 1964,
///   J. Gen. Physiol. 47:965): the gated g_Na, not the Na⁺ leak.
/// - TEA (tetraethylammonium) blocks the delayed-rectifier K⁺ channel (Armstrong & Binstock 1965, J. Gen. Physiol.
///   48:859; Hille 1967, J. Gen. Physiol. 50:1287): the gated g_K, not the K⁺ leak.
public enum ChannelBlocker: String, CaseIterable, Sendable {
    case ttx = "TTX"
    case tea = "TEA"

    /// The preset parameter (maximal conductance) the blocker scales.
    public var parameter: String {
        switch self {
        case .ttx: "g_Na"
        case .tea: "g_K"
        }
    }

    /// Parses `TTX=0.5, TEA=1` (names in any case; fractions from 0 to 1) into blockers and fractions.
    public static func parse(_ text: String, field: String) throws -> [(blocker: ChannelBlocker, fraction: Double)] {
        let allowed = "a blocker (\(allCases.map(\.rawValue).joined(separator: ", "))) and the fraction of its channels blocked, 0 to 1 (TTX=0.5)"
        return try NamedValues.parse(text, field: field, example: "TTX=0.5").map { name, fraction in
            guard let blocker = allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
                throw MembraneError.unknownName(field: field, value: name, suggestions: allCases.map(\.rawValue))
            }
            guard fraction.isFinite, (0...1).contains(fraction) else {
                let typed = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    .first { $0.lowercased().hasPrefix(name.lowercased()) } ?? "\(name)=\(fraction)"
                throw MembraneError.invalidValue(field: field, value: typed, allowed: allowed)
            }
            return (blocker, fraction)
        }
    }

    /// `overrides` (name → value, in the preset's units) with each blocked conductance scaled by (1 − fraction) of its
    /// value in force (an override's, else the preset's), and a sentence per block for the output.
    public static func apply(_ blocks: [(blocker: ChannelBlocker, fraction: Double)], to overrides: [(name: String, value: Double)],
                             parameters: [PresetParameter], field: String = "block") throws -> (overrides: [(name: String, value: Double)], notes: [String]) {
        var result = overrides
        var notes: [String] = []
        for (blocker, fraction) in blocks {
            guard let preset = parameters.first(where: { $0.name == blocker.parameter }) else {
                throw MembraneError.invalidValue(field: field, value: blocker.rawValue,
                                                 allowed: "a blocker of a channel the preset has (it has no \(blocker.parameter))")
            }
            let current = result.last(where: { $0.name == blocker.parameter })?.value ?? preset.value
            let blocked = current * (1 - fraction)
            result.removeAll { $0.name == blocker.parameter }
            result.append((blocker.parameter, blocked))
            notes.append("\(blocker.rawValue) blocks \(Format.significant(fraction * 100, 4)) % of \(blocker.parameter): "
                         + "\(Format.significant(current, 6)) → \(Format.significant(blocked, 6)) \(preset.unit)")
        }
        return (result, notes)
    }
}
