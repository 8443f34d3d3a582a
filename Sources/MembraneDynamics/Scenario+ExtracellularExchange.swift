import MembraneUnits

extension Scenario {
    /// Checks ``extracellularExchange``: a finite bath, each process on an ion of the scenario whose amounts change
    /// (not held), each diffusing ion once, glial uptake only for K⁺, every rate and concentration in range. Each error
    /// names the field, the value and what is allowed.
    func validateExtracellularExchange() throws {
        let exchange = extracellularExchange
        guard !exchange.isEmpty else { return }
        let names = ions.map(\.name).joined(separator: ", ")
        func requireDynamicIon(_ ion: String, field: String) throws {
            guard case .finite = bath else {
                throw MembraneError.invalidValue(field: field, value: ion,
                    allowed: "a finite extracellular space (bath .finite, --extracellular-volume-relative) with dynamic concentrations: an infinite bath has nothing to exchange")
            }
            guard index(of: ion) != nil else {
                throw MembraneError.invalidValue(field: field, value: ion, allowed: "one of the scenario's ions (\(names))")
            }
            guard !fixedIons.contains(ion) else {
                throw MembraneError.invalidValue(field: field, value: ion,
                    allowed: "an ion whose concentrations change (dynamic); \(ion) is held (fixed_ions)")
            }
        }
        for (i, d) in exchange.bathDiffusion.enumerated() {
            let field = "bath_diffusion.\(d.ion)"
            try requireDynamicIon(d.ion, field: field)
            guard !exchange.bathDiffusion[..<i].contains(where: { $0.ion == d.ion }) else {
                throw MembraneError.invalidValue(field: field, value: d.ion, allowed: "each ion at most once")
            }
            try MembraneError.requireNonNegative(d.rate, field: field, allowed: "a rate constant ≥ 0 s⁻¹")
            if let c = d.bathConcentration {
                try MembraneError.requirePositive(c.millimolar, field: "bath_concentration.\(d.ion)",
                                                  allowed: "a bath concentration > 0 mM")
            }
        }
        if let g = exchange.glialUptake {
            try requireDynamicIon(GlialUptake.ion, field: "glial_uptake")
            try MembraneError.requireNonNegative(g.maximalRate, field: "glial_uptake.G_max", allowed: "a maximal uptake ≥ 0 mM/s")
            try MembraneError.requireFinite(g.halfActivation.millimolar, field: "glial_uptake.K_half",
                                            allowed: "a half-activation concentration in mM")
            try MembraneError.requirePositive(g.slope.millimolar, field: "glial_uptake.slope", allowed: "a slope > 0 mM")
        }
    }
}
