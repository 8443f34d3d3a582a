import Membrane

extension HHSimulationRequest {
    /// What `pump-block-at` asks for: not given (the preset's own schedule), `none` (the pump never stops) or a time.
    public enum PumpBlock: Equatable, Sendable {
        /// `pump-block-at` not given: the preset's own schedule (`hubel-ullah-2016` stops its pump at `t_pump_stop`).
        case asPreset
        /// `pump-block-at none`: the pump runs throughout.
        case never
        /// The pump is blocked from this time on, s.
        case at(Double)

        /// The block time, nil for ``never``, or `preset` for ``asPreset``.
        func time(preset: Double?) -> Double? {
            switch self {
            case .asPreset: return preset
            case .never: return nil
            case .at(let t): return t
            }
        }
    }

    /// `pump-block-at` parsed: `none` or a time ≥ 0 s, refused otherwise with the field named.
    func pumpBlock() throws -> PumpBlock {
        guard let pumpBlockAt else { return .asPreset }
        if pumpBlockAt.text.trimmingCharacters(in: .whitespaces).lowercased() == "none" { return .never }
        return .at(try pumpBlockAt.nonNegative(field: "pump-block-at", allowed: "a time ≥ 0 s at which the Na⁺/K⁺ pump stops, or none"))
    }

    /// The scenario with its pump stopped at `pump-block-at` (a ``ScenarioEvent/Action/blockPump`` event, which sets
    /// the `pump.activity` of the mechanism named `pump`); refused when the cell has no such mechanism
    /// (`hodgkin-huxley-1952` as NEURON's hh has none: add `pump-uA-per-cm2`).
    func withPumpBlock(_ scenario: Scenario) throws -> Scenario {
        guard case .at(let t) = try pumpBlock() else { return scenario }
        guard scenario.pump != nil || scenario.mechanisms.contains(where: { $0.name == "pump" }) else {
            throw MembraneError.invalidValue(field: "pump-block-at", value: pumpBlockAt?.text ?? "",
                allowed: "a pump block in a cell with a Na⁺/K⁺ pump: add --pump-uA-per-cm2 RHO (with --concentrations held or dynamic); the Hodgkin–Huxley presets have none")
        }
        var s = scenario
        s.events.append(ScenarioEvent(time: t, .blockPump))
        s.notes.append("Na⁺/K⁺ pump blocked at \(t) s (pump.activity = 0 from then on)")
        return s
    }
}
