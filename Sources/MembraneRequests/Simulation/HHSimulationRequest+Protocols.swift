import Foundation
import Membrane

extension HHSimulationRequest {
    /// `permeation` parsed: `Na=ghk, K=ohmic` → each ion's ``ChannelPermeation`` (names as the preset's ions).
    func permeationModes() throws -> [(ion: String, mode: ChannelPermeation)] {
        guard let permeation else { return [] }
        let allowed = "ION=ohmic or ION=ghk per gated ion, e.g. Na=ghk,K=ohmic (GHK needs concentrations held or dynamic)"
        var modes: [(ion: String, mode: ChannelPermeation)] = []
        for pair in permeation.text.split(separator: ",") {
            let kv = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, let mode = ChannelPermeation(rawValue: kv[1].lowercased()), !kv[0].isEmpty,
                  !modes.contains(where: { $0.ion == kv[0] }) else {
                throw MembraneError.invalidValue(field: "permeation", value: permeation.text, allowed: allowed)
            }
            modes.append((kv[0], mode))
        }
        guard !modes.isEmpty else { throw MembraneError.invalidValue(field: "permeation", value: permeation.text, allowed: allowed) }
        return modes
    }

    /// The scenario with `permeation` applied (``Scenario/permeation(_:field:)``: a GHK channel's P is its ḡ as the chord
    /// conductance at the resting potential).
    func withPermeation(_ scenario: Scenario) throws -> Scenario {
        let modes = try permeationModes()
        return modes.isEmpty ? scenario : try scenario.permeation(modes)
    }

    /// The cells with `stimulus-protocol` added to their stimuli (one cell only: a protocol is not spread over `cells`).
    func withProtocol(_ cells: [Scenario]) throws -> [Scenario] {
        guard let stimulusProtocol else { return cells }
        if let cells = self.cells {
            throw MembraneError.invalidValue(field: "cells", value: "\(cells)",
                                             allowed: "one cell with `stimulus-protocol` (the protocol runs on the general simulation, one cell)")
        }
        let waveforms = try StimulusProtocol.currentClamp(stimulusProtocol)
        return cells.map { cell in
            var c = cell
            c.stimuli += waveforms.map { .currentClamp($0) }
            return c
        }
    }
}
