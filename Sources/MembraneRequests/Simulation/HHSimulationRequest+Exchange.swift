import Foundation
import Membrane

extension HHSimulationRequest {
    /// The options of the ECS exchange (``ExtracellularExchange``), each with its value as given (nil: not given).
    var exchangeOptions: [(field: String, value: String?)] {
        [("bath-diffusion-per-s", bathDiffusion?.text), ("bath-concentration", bathConcentration?.text),
         ("glial-uptake-mM-per-s", glialUptake?.text), ("glial-uptake-half-mM", glialUptakeHalf?.text),
         ("glial-uptake-slope-mM", glialUptakeSlope?.text)]
    }

    /// The ``ExtracellularExchange`` the options ask for (empty without them), checked: it needs `concentrations`
    /// dynamic and `extracellular-volume-relative`; ions are the scenario's (`ions`), each once; a bath concentration
    /// only for an ion that diffuses; the glial half-activation and slope only with an uptake rate. Errors name the
    /// option, quote its value and say what is allowed.
    func extracellularExchange(ions: [String]) throws -> ExtracellularExchange {
        guard let (field, value) = exchangeOptions.first(where: { $0.value != nil }) else { return ExtracellularExchange() }
        guard concentrations?.lowercased() == "dynamic", extracellularVolume != nil else {
            throw MembraneError.invalidValue(field: field, value: value ?? "",
                allowed: "an exchange of a finite extracellular space: needs --concentrations dynamic and --extracellular-volume-relative X (an infinite bath has nothing to exchange)")
        }
        func ionValues(_ a: Assignments?, field: String, example: String) throws -> [(ion: String, value: Double)] {
            guard let a else { return [] }
            return try a.namedValues(field: field, example: example).map { pair in
                guard let ion = ions.first(where: { $0.lowercased() == pair.name.lowercased() }) else {
                    throw MembraneError.invalidValue(field: field, value: a.text,
                        allowed: "ION=VALUE for the scenario's dynamic ions (\(ions.joined(separator: ", "))), e.g. \(example)")
                }
                return (ion, pair.value)
            }
        }
        let rates = try ionValues(bathDiffusion, field: "bath-diffusion-per-s", example: "K=1.33")
        let baths = try ionValues(bathConcentration, field: "bath-concentration", example: "K=8")
        var diffusion: [BathDiffusion] = []
        for (ion, rate) in rates {
            guard rate.isFinite, rate >= 0 else {
                throw MembraneError.invalidValue(field: "bath-diffusion-per-s", value: bathDiffusion?.text ?? "",
                                                 allowed: "a rate constant ≥ 0 s⁻¹ per ion, e.g. K=1.33 (Cressman et al. 2009: ε = 4/3 s⁻¹)")
            }
            diffusion.append(BathDiffusion(ion: ion, rate: rate))
        }
        for (ion, c) in baths {
            guard let i = diffusion.firstIndex(where: { $0.ion == ion }) else {
                throw MembraneError.invalidValue(field: "bath-concentration", value: bathConcentration?.text ?? "",
                                                 allowed: "a concentration for an ion that diffuses to the bath (--bath-diffusion-per-s \(ion)=K)")
            }
            guard c.isFinite, c > 0 else {
                throw MembraneError.invalidValue(field: "bath-concentration", value: bathConcentration?.text ?? "",
                                                 allowed: "a bath concentration > 0 mM, e.g. K=8")
            }
            diffusion[i].bathConcentration = .millimolar(c)
        }
        var glia: GlialUptake?
        if let glialUptake {
            let g = try glialUptake.nonNegative(field: "glial-uptake-mM-per-s",
                                                allowed: "a maximal glial K⁺ uptake ≥ 0 mM/s (Cressman et al. 2009: 66; their code 200/3)")
            var uptake = GlialUptake(maximalRate: g)
            if let glialUptakeHalf {
                uptake.halfActivation = .millimolar(try QuantityParser.number(glialUptakeHalf.text, field: "glial-uptake-half-mM",
                                                                                     allowed: "a half-activation concentration in mM (default 18)"))
            }
            if let glialUptakeSlope {
                uptake.slope = .millimolar(try glialUptakeSlope.positive(field: "glial-uptake-slope-mM", allowed: "a slope > 0 mM (default 2.5)"))
            }
            glia = uptake
        } else if let (field, value) = [("glial-uptake-half-mM", glialUptakeHalf), ("glial-uptake-slope-mM", glialUptakeSlope)]
                    .first(where: { $0.1 != nil }) {
            throw MembraneError.invalidValue(field: field, value: value?.text ?? "",
                                             allowed: "a shape of the glial uptake given with its rate (--glial-uptake-mM-per-s G)")
        }
        return ExtracellularExchange(bathDiffusion: diffusion, glialUptake: glia)
    }

    /// The scenario with the ECS exchange of the options (unchanged without them).
    func withExchange(_ scenario: Scenario) throws -> Scenario {
        let exchange = try extracellularExchange(ions: scenario.ions.map(\.name).filter { !scenario.fixedIons.contains($0) })
        guard !exchange.isEmpty else { return scenario }
        var s = scenario
        s.extracellularExchange = exchange
        try s.validate()
        return s
    }
}
