import Foundation
import Membrane
import MembraneReport

extension HHSimulationRequest {
    /// The options of the ECS exchange (``ExtracellularExchange``), each with its value as given (nil: not given).
    var exchangeOptions: [(field: String, value: String?)] {
        [("bath-diffusion-per-s", bathDiffusion?.text), ("bath-concentration", bathConcentration?.text),
         ("glial-uptake-mM-per-s", glialUptake?.text), ("glial-uptake-half-mM", glialUptakeHalf?.text),
         ("glial-uptake-slope-mM", glialUptakeSlope?.text)]
    }

    /// The ``ExtracellularExchange`` the options ask for (empty without them), checked: it needs `concentrations`
    /// dynamic and `extracellular-volume-relative`; ions are the scenario's (`ions`), each once; a bath concentration
    /// only for an ion that diffuses; the glial half-activation and slope only with an uptake rate. `extra` are further
    /// `set` pairs of exchange names applied last (one cell's values of a `set` range, ``ParameterSpread``). Errors
    /// name the option, quote its value and say what is allowed.
    func extracellularExchange(ions: [String], setting extra: [(name: String, value: Double)] = []) throws -> ExtracellularExchange {
        let named = Self.enablingFirst(try exchangeSettings().exchange + extra)
        guard let (field, value) = exchangeOptions.first(where: { $0.value != nil })
                ?? named.first.map({ ("set", "\($0.name)=\(Format.significant($0.value, 12))") }) else { return ExtracellularExchange() }
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
        var parts = ExchangeParts()
        for (ion, rate) in try ionValues(bathDiffusion, field: "bath-diffusion-per-s", example: "K=1.33") {
            guard rate.isFinite, rate >= 0 else {
                throw MembraneError.invalidValue(field: "bath-diffusion-per-s", value: bathDiffusion?.text ?? "",
                                                 allowed: "a rate constant ≥ 0 s⁻¹ per ion, e.g. K=1.33 (Cressman et al. 2009: ε = 4/3 s⁻¹)")
            }
            parts.diffusionRates.append((ion, rate))
        }
        parts.reservoirs = try ionValues(bathConcentration, field: "bath-concentration", example: "K=8").map { ($0.ion, $0.value) }
        if let glialUptake {
            parts.glialRate = try glialUptake.nonNegative(field: "glial-uptake-mM-per-s",
                                                          allowed: "a maximal glial K⁺ uptake ≥ 0 mM/s (Cressman et al. 2009: 66; their code 200/3)")
        }
        if let glialUptakeHalf {
            parts.glialHalfActivation = try QuantityParser.number(glialUptakeHalf.text, field: "glial-uptake-half-mM",
                                                                  allowed: "a half-activation concentration in mM (default 18)")
        }
        if let glialUptakeSlope {
            parts.glialSlope = try glialUptakeSlope.positive(field: "glial-uptake-slope-mM", allowed: "a slope > 0 mM (default 2.5)")
        }
        var exchange: ExtracellularExchange
        do {
            exchange = try parts.assemble()
        } catch .reservoirWithoutDiffusion(let ion, _) {
            throw MembraneError.invalidValue(field: "bath-concentration", value: bathConcentration?.text ?? "",
                                             allowed: "a concentration for an ion that diffuses to the bath (--bath-diffusion-per-s \(ion)=K)")
        } catch .glialShapeWithoutRate(let slope, _) {
            let (field, value) = slope ? ("glial-uptake-slope-mM", glialUptakeSlope) : ("glial-uptake-half-mM", glialUptakeHalf)
            throw MembraneError.invalidValue(field: field, value: value?.text ?? "",
                                             allowed: "a shape of the glial uptake given with its rate (--glial-uptake-mM-per-s G)")
        }
        for (_, c) in parts.reservoirs where !(c.isFinite && c > 0) {
            throw MembraneError.invalidValue(field: "bath-concentration", value: bathConcentration?.text ?? "",
                                             allowed: "a bath concentration > 0 mM, e.g. K=8")
        }
        for (name, value) in named { try Self.apply(name, value, to: &exchange, ions: ions) }
        return exchange
    }

    /// The names `set` may give the exchange, as the model names its parameters (``CellModel/parameterNames``).
    static let exchangeParameterPrefixes = ["bath_diffusion.", "glia."]

    /// Whether `name` is one of the exchange's parameters (`bath_diffusion.K.rate`, `glia.K.G_max`, …), which
    /// ``withExchange(_:setting:)`` applies rather than the preset.
    static func isExchangeParameter(_ name: String) -> Bool {
        exchangeParameterPrefixes.contains { name.hasPrefix($0) }
    }

    /// `pairs` with the names that turn a process on (a rate, `G_max`) before those that shape it (a concentration,
    /// `K_half`, `slope`), each group in its given order, so that the order of `set` pairs does not matter.
    static func enablingFirst(_ pairs: [(name: String, value: Double)]) -> [(name: String, value: Double)] {
        let enables = { (name: String) in name.hasSuffix(".rate") || name.hasSuffix(".G_max") }
        return pairs.filter { enables($0.name) } + pairs.filter { !enables($0.name) }
    }

    /// `set` split: the pairs that name exchange parameters (`bath_diffusion.ION.rate`, `bath_diffusion.ION.concentration`,
    /// `glia.K.G_max`, `glia.K.K_half`, `glia.K.slope`), and the rest for the preset (nil when none).
    func exchangeSettings() throws -> (exchange: [(name: String, value: Double)], rest: Assignments?) {
        guard let set else { return ([], nil) }
        var exchange: [(name: String, value: Double)] = [], rest: [String] = []
        for entry in set.text.split(separator: ",") {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, Self.isExchangeParameter(parts[0]) else {
                rest.append(String(entry)); continue
            }
            let value = try QuantityParser.number(parts[1], field: "set",
                                                  allowed: "a number for \(parts[0]) (s⁻¹ for a rate, mM for a concentration, mM/s for G_max)")
            exchange.append((parts[0], value))
        }
        return (exchange, rest.isEmpty ? nil : Assignments(rest.joined(separator: ",")))
    }

    /// Applies `set` pair `name`=`value` to `exchange`: a rate or G_max turns its process on (with the defaults of the
    /// rest), a bath concentration, K_half or slope needs its process on.
    static func apply(_ name: String, _ value: Double, to exchange: inout ExtracellularExchange, ions: [String]) throws {
        let typed = "\(name)=\(Format.significant(value, 12))"
        let parts = name.split(separator: ".").map(String.init)
        let names = "bath_diffusion.ION.rate (s⁻¹ ≥ 0), bath_diffusion.ION.concentration (mM > 0) for ION in \(ions.joined(separator: ", ")); glia.K.G_max (mM/s ≥ 0), glia.K.K_half (mM), glia.K.slope (mM > 0)"
        func refuse(_ why: String = "") -> MembraneError {
            .invalidValue(field: "set", value: typed, allowed: why.isEmpty ? names : why)
        }
        guard parts.count == 3 else { throw refuse() }
        switch (parts[0], parts[2]) {
        case ("bath_diffusion", "rate"), ("bath_diffusion", "concentration"):
            guard let ion = ions.first(where: { $0.lowercased() == parts[1].lowercased() }) else { throw refuse() }
            let i = exchange.bathDiffusion.firstIndex { $0.ion == ion }
            if parts[2] == "rate" {
                guard value >= 0 else { throw refuse("a rate constant ≥ 0 s⁻¹") }
                if let i { exchange.bathDiffusion[i].rate = value } else { exchange.bathDiffusion.append(BathDiffusion(ion: ion, rate: value)) }
            } else {
                guard let i else { throw refuse("a bath concentration of an ion that diffuses (bath_diffusion.\(ion).rate or --bath-diffusion-per-s \(ion)=K)") }
                guard value > 0 else { throw refuse("a bath concentration > 0 mM") }
                exchange.bathDiffusion[i].bathConcentration = .millimolar(value)
            }
        case ("glia", let parameter) where parts[1].lowercased() == "k":
            if parameter == "G_max" {
                guard value >= 0 else { throw refuse("a maximal uptake ≥ 0 mM/s") }
                if exchange.glialUptake == nil { exchange.glialUptake = GlialUptake(maximalRate: value) }
                exchange.glialUptake?.maximalRate = value
                return
            }
            guard exchange.glialUptake != nil else { throw refuse("a shape of the glial uptake given with its rate (glia.K.G_max or --glial-uptake-mM-per-s)") }
            switch parameter {
            case "K_half": exchange.glialUptake?.halfActivation = .millimolar(value)
            case "slope":
                guard value > 0 else { throw refuse("a slope > 0 mM") }
                exchange.glialUptake?.slope = .millimolar(value)
            default: throw refuse()
            }
        default: throw refuse()
        }
    }

    /// The scenario with the ECS exchange of the options and of `extra` (`set` pairs of one cell of a population;
    /// unchanged without any).
    func withExchange(_ scenario: Scenario, setting extra: [(name: String, value: Double)] = []) throws -> Scenario {
        let exchange = try extracellularExchange(ions: scenario.ions.map(\.name).filter { !scenario.fixedIons.contains($0) },
                                                 setting: extra)
        guard !exchange.isEmpty else { return scenario }
        var s = scenario
        s.extracellularExchange = exchange
        try s.validate()
        return s
    }
}
