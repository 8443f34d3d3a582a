import Membrane

extension HHSimulationRequest {
    /// The scenario with the Na⁺/K⁺ pump `pump-uA-per-cm2` asks for (unchanged without it): a ``HubelUllahPump`` of
    /// ρ_max in µA/cm², I_pump = ρ_max/((1 + e^{(25 − [Na]ᵢ)/3})·(1 + e^{5.5 − [K]ₒ})) (Kager, Wadman & Somjen 2000;
    /// Cressman et al. 2009; Hübel & Ullah 2016), 3 Na⁺ out and 2 K⁺ in per cycle. It needs the ions' concentrations
    /// (`concentrations` held or dynamic): with E fixed, as NEURON's `hh`, there are none for its rate to depend on.
    func withPump(_ scenario: Scenario) throws -> Scenario {
        guard let pump else { return scenario }
        let rho = try pump.nonNegative(field: "pump-uA-per-cm2",
                                       allowed: "a maximal pump current ≥ 0 µA/cm² (Hübel & Ullah 2016: ρ_max = 6.8)")
        let mode = concentrations?.lowercased()
        guard mode == "held" || mode == "dynamic" else {
            throw MembraneError.invalidValue(field: "pump-uA-per-cm2", value: pump.text,
                allowed: "a pump with --concentrations held or dynamic (its rate depends on [Na]ᵢ and [K]ₒ; with E fixed, as NEURON's hh, the cell has no concentrations)")
        }
        guard scenario.index(of: "Na") != nil, scenario.index(of: "K") != nil else {
            throw MembraneError.invalidValue(field: "pump-uA-per-cm2", value: pump.text,
                                             allowed: "a pump in a cell with Na⁺ and K⁺ (the preset has no such ions)")
        }
        var s = scenario
        s.mechanisms.append(HubelUllahPump(maximalCurrent: .microamperesPerSquareCentimetre(rho)))
        try s.validate()
        return s
    }
}
