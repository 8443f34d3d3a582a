import Membrane

/// Overrides of a pump–leak preset's parameters: the JSON object of `--config FILE` on the command line and of
/// `config` in a request. Every key is optional; an unknown key is an error naming its path (a typo must not be
/// silently ignored). Keys, units and meaning: docs/pump-leak-config.md. ``apply(to:)`` changes a ``Scenario``
/// through its public properties, in a fixed order.
public struct PumpLeakConfig: Codable, Sendable, Hashable {
    public var comment: String?
    /// The label of the scenario the configuration makes, for its reports: a run from a configuration is
    /// titled by it, not by the preset it overrides. The command line sets the file's name when the file has
    /// none; a request without it is labelled `config`.
    public var name: String?
    public var temperatureC: Double?
    public var radiusUm: Double?
    public var capacitanceUFPerCm2: Double?
    public var ions: [String]?
    public var insideMM: KeyedValues<Double>?
    public var outsideMM: KeyedValues<Double>?
    public var impermeant: Impermeant?
    public var outsideImpermeant: Impermeant?
    public var conductancesMSPerCm2: KeyedValues<Double>?
    public var permeabilitiesCmPerS: KeyedValues<Double>?
    /// `null`: no pump.
    public var pump: Nullable<Pump>?
    public var cotransportersMolPerM2S: KeyedValues<Double>?
    public var water: Water?
    /// `null`: an infinite bath.
    public var bathVolumeRelative: Nullable<Double>?
    /// With a finite bath: its exchange with the world beyond it (diffusion to a reservoir, glial K⁺ uptake;
    /// ``Exchange``); `null`: none.
    public var extracellularExchange: Nullable<Exchange>?
    public var voltageModel: String?
    public var durationS: Double?
    public var events: [Event]?
    public var deltaGATPKJPerMol: Double?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case comment, name, ions, impermeant, pump, water, events
        case temperatureC = "temperature_C", radiusUm = "radius_um", capacitanceUFPerCm2 = "capacitance_uF_per_cm2"
        case insideMM = "inside_mM", outsideMM = "outside_mM", outsideImpermeant = "outside_impermeant"
        case conductancesMSPerCm2 = "conductances_mS_per_cm2", permeabilitiesCmPerS = "permeabilities_cm_per_s"
        case cotransportersMolPerM2S = "cotransporters_mol_per_m2_s", bathVolumeRelative = "bath_volume_relative"
        case extracellularExchange = "extracellular_exchange"
        case voltageModel = "voltage_model", durationS = "duration_s", deltaGATPKJPerMol = "delta_g_atp_kJ_per_mol"
    }

    /// `{"charge": z, "concentration_mM": X, "name": "X"}`.
    public struct Impermeant: Codable, Sendable, Hashable {
        public var charge: Double?
        public var concentrationMM: Double?
        public var name: String?
        public enum CodingKeys: String, CodingKey, CaseIterable {
            case charge, name
            case concentrationMM = "concentration_mM"
        }
    }

    /// The Na/K pump: kinetics, rate (one of current, rate or P), activity, ATP dependence.
    public struct Pump: Codable, Sendable, Hashable {
        public var kinetics: String?
        public var currentUAPerCm2: Double?
        public var rateMolPerM2S: Double?
        public var P: Double?
        public var activity: Double?
        public var atpMM: Double?
        public var adpMM: Double?
        public var atpHalfSaturationUM: Double?
        public var adpInhibitionMM: Double?
        public var phosphateMM: Double?
        public enum CodingKeys: String, CodingKey, CaseIterable {
            case kinetics, P, activity
            case currentUAPerCm2 = "current_uA_per_cm2", rateMolPerM2S = "rate_mol_per_m2_s", atpMM = "atp_mM", adpMM = "adp_mM"
            case atpHalfSaturationUM = "atp_half_saturation_uM", adpInhibitionMM = "adp_inhibition_mM", phosphateMM = "phosphate_mM"
        }
    }

    /// `{"model": "instantaneous"}` or `{"model": "osmotic", "osmotic_permeability_um_per_s": Pf}`.
    public struct Water: Codable, Sendable, Hashable {
        public var model: String
        public var osmoticPermeabilityUmPerS: Double?
        public enum CodingKeys: String, CodingKey, CaseIterable {
            case model
            case osmoticPermeabilityUmPerS = "osmotic_permeability_um_per_s"
        }
    }

    /// `{"time_s": t, "action": "block" | "release" | "activity", "activity": a}`.
    public struct Event: Codable, Sendable, Hashable {
        public var timeS: Double
        public var action: String
        public var activity: Double?
        public enum CodingKeys: String, CodingKey, CaseIterable {
            case action, activity
            case timeS = "time_s"
        }
    }

    public init() {}

    /// Reads a configuration from JSON text; errors name `config` and the key path inside it.
    public static func decode(_ text: String) throws -> PumpLeakConfig {
        try RequestDecoder().decode(PumpLeakConfig.self, from: JSONInput.parse(text, field: "config"), path: ["config"])
    }

    static func ion(_ name: String, _ key: String) throws -> Ion {
        try IonCatalog.standard.lookup(name, field: "config.\(key)")
    }

    /// Applies the overrides, in the order of the table in docs/pump-leak-config.md.
    /// Every value is checked first (``validate()``); an ion given twice, also through an alias, is refused.
    /// The scenario is renamed ``name`` (default `config`) and its summary says which preset it overrides.
    public func apply(to s: inout Scenario) throws {
        try validate()
        let preset = s.name
        defer {
            s.name = name ?? "config"
            s.summary = (comment.map { $0 + " " } ?? "") + "(the \(preset) preset with the overrides of \(s.name))"
            s.sources.append((field: "config", source: "\(s.name): overrides of the \(preset) preset"))
        }
        if let t = temperatureC { s.conditions.temperature = try .celsius(t) }
        if let radius = radiusUm {
            try MembraneError.requirePositive(radius, field: "config.radius_um", allowed: "a radius > 0 µm")
            s.geometry = .sphere(radius: .micrometres(radius))
        }
        if let c = capacitanceUFPerCm2 { s.capacitance = .microfaradsPerSquareCentimetre(c) }
        if let names = ions {
            guard !names.isEmpty else {
                throw MembraneError.invalidValue(field: "config.ions", value: "[]", allowed: "an array of ion names, e.g. [\"Na\",\"K\",\"Cl\"]")
            }
            let list = try Self.distinctIons(names, key: "ions", indexed: true)
            s.inside = list.map { i in s.index(of: i.name).map { s.inside[$0] } ?? .zero }
            s.outside = list.map { i in s.index(of: i.name).map { s.outside[$0] } ?? .zero }
            s.ions = list
            s.leaks = s.leaks.filter { l in list.contains { $0.name == l.ion } }
        }
        for (key, values, side) in [("inside_mM", insideMM, true), ("outside_mM", outsideMM, false)] {
            let entries = values?.entries ?? []
            for (e, i) in zip(entries, try Self.distinctIons(entries.map(\.key), key: key)) {
                guard let j = s.index(of: i.name) else {
                    throw MembraneError.invalidValue(field: "config.\(key)", value: e.key,
                                                     allowed: "one of the scenario's ions (\(s.ions.map(\.name).joined(separator: ", "))); add ions with \"ions\"")
                }
                if side { s.inside[j] = .millimolar(e.value) } else { s.outside[j] = .millimolar(e.value) }
            }
        }
        if let x = impermeant { s.impermeant = x.applied(to: s.impermeant) }
        if let x = outsideImpermeant { s.outsideImpermeant = x.applied(to: s.outsideImpermeant) }
        let conductances = conductancesMSPerCm2?.entries ?? [], permeabilities = permeabilitiesCmPerS?.entries ?? []
        let leakIons = try Self.distinctIons(conductances.map(\.key), key: "conductances_mS_per_cm2")
            + Self.distinctIons(permeabilities.map(\.key), key: "permeabilities_cm_per_s")
        for (k, i) in leakIons.enumerated() where leakIons[..<k].contains(where: { $0.name == i.name }) {
            let key = permeabilities[k - conductances.count].key
            throw MembraneError.invalidValue(field: "config.permeabilities_cm_per_s.\(key)", value: key,
                allowed: "one leak per ion: \(i.name) has a conductance in conductances_mS_per_cm2 already")
        }
        for e in conductances {
            let i = try Self.ion(e.key, "conductances_mS_per_cm2")
            s.leaks.removeAll { $0.ion == i.name }
            s.leaks.append(.ohmic(i.name, milliSiemensPerSquareCentimetre: e.value))
        }
        for e in permeabilities {
            let i = try Self.ion(e.key, "permeabilities_cm_per_s")
            s.leaks.removeAll { $0.ion == i.name }
            s.leaks.append(.ghk(i.name, centimetresPerSecond: e.value))
        }
        if deltaGATPKJPerMol != nil, pump?.wrapped?.phosphateMM != nil {
            throw MembraneError.invalidValue(field: "config.delta_g_atp_kJ_per_mol", value: "given with pump.phosphate_mM",
                                             allowed: "either ΔG_ATP itself or the ATP, ADP and Pi it follows from, not both")
        }
        switch pump {
        case nil: break
        case .null: s.pump = nil
        case .value(let p): try p.apply(to: &s)
        }
        if let list = cotransportersMolPerM2S {
            s.cotransporters = try list.entries.map { e in
                switch e.key.uppercased() {
                case "KCC2": return .kcc2(strength: e.value)
                case "NKCC1": return .nkcc1(strength: e.value)
                default: throw MembraneError.unknownName(field: "config.cotransporters_mol_per_m2_s", value: e.key, suggestions: ["KCC2", "NKCC1"])
                }
            }
        }
        if let water {
            switch water.model {
            case "instantaneous": s.water = .instantaneous
            case "osmotic":
                guard let pf = water.osmoticPermeabilityUmPerS else {
                    throw MembraneError.invalidValue(field: "config.water.osmotic_permeability_um_per_s", value: "",
                                                     allowed: "the osmotic permeability P_f in µm/s (required with \"osmotic\")")
                }
                s.water = .osmotic(permeability: .metresPerSecond(pf * 1e-6))
            default:
                throw MembraneError.invalidValue(field: "config.water.model", value: water.model,
                                                 allowed: "\"instantaneous\" or \"osmotic\" (with osmotic_permeability_um_per_s)")
            }
        }
        switch bathVolumeRelative {
        case nil: break
        case .null: s.bath = .infinite
        case .value(let v): s.bath = .finite(relativeVolume: v)
        }
        try applyExchange(to: &s)
        if let name = voltageModel {
            guard let m = VoltageModel(rawValue: name) else {
                throw MembraneError.invalidValue(field: "config.voltage_model", value: name, allowed: "\"charge-difference\" or \"electroneutral\"")
            }
            s.voltageModel = m
        }
        if let d = durationS { s.duration = d }
        if let events {
            try Self.checkEventOrder(events, initialActivity: s.pumpActivity)
            s.events = try events.enumerated().map { i, e in
                switch e.action {
                case "block": return ScenarioEvent(time: e.timeS, .blockPump)
                case "release": return ScenarioEvent(time: e.timeS, .releasePump)
                case "activity":
                    guard let a = e.activity else {
                        throw MembraneError.invalidValue(field: "config.events[\(i)].activity", value: "",
                                                         allowed: "the pump activity 0…1 (required with \"activity\")")
                    }
                    return ScenarioEvent(time: e.timeS, .setPumpActivity(a))
                default:
                    throw MembraneError.invalidValue(field: "config.events[\(i)].action", value: e.action,
                                                     allowed: "\"block\", \"release\" or \"activity\" (with \"activity\": 0…1)")
                }
            }
        }
        if let g = deltaGATPKJPerMol {
            guard g < 0 else {
                throw MembraneError.invalidValue(field: "config.delta_g_atp_kJ_per_mol", value: "\(g)", allowed: "a negative free energy, e.g. -50")
            }
            s.atp = ATPHydrolysis(deltaG: .kilojoulesPerMole(g), source: "set in the configuration (delta_g_atp_kJ_per_mol)")
        }
    }
}

extension PumpLeakConfig.Impermeant {
    func applied(to solute: ImpermeantSolute) -> ImpermeantSolute {
        var x = solute
        if let charge { x.charge = charge }
        if let concentrationMM { x.concentration = .millimolar(concentrationMM) }
        if let name { x.name = name }
        return x
    }
}

extension PumpLeakConfig.Pump {
    /// The pump's kinetics by name (the keys of docs/pump-leak-config.md).
    static let kineticsNames: [(String, NaKPump.Kinetics)] = [
        ("constant", .constant), ("cubic", .cubicSodium), ("luo-rudy-1994", .luoRudy1994(voltageDependent: true)),
        ("luo-rudy-1994-no-voltage", .luoRudy1994(voltageDependent: false)), ("wei-2014", .wei2014),
    ]

    func apply(to s: inout Scenario) throws {
        var pump = s.pump ?? NaKPump(.constant, maximalRate: 0)
        if let k = kinetics {
            guard let match = Self.kineticsNames.first(where: { $0.0 == k }) else {
                throw MembraneError.invalidValue(field: "config.pump.kinetics", value: k,
                                                 allowed: Self.kineticsNames.map(\.0).joined(separator: ", "))
            }
            pump.kinetics = match.1
        }
        if let c = currentUAPerCm2 { pump.maximalRate = c * 1e-2 / s.conditions.faraday }
        if let r = rateMolPerM2S { pump.maximalRate = r }
        if atpMM != nil || adpMM != nil || atpHalfSaturationUM != nil || adpInhibitionMM != nil {
            guard atpMM != nil || pump.nucleotides != nil else {
                throw MembraneError.invalidValue(field: "config.pump", value: "ADP or a constant without atp_mM",
                                                 allowed: "atp_mM (with optional adp_mM, atp_half_saturation_uM, adp_inhibition_mM)")
            }
            var n = pump.nucleotides ?? PumpNucleotides(atp: .zero)
            if let v = atpMM { n.atp = .millimolar(v) }
            if let v = adpMM { n.adp = .millimolar(v) }
            if let v = atpHalfSaturationUM { n.halfSaturationATP = .millimolar(v / 1000) }
            if let v = adpInhibitionMM { n.inhibitionADP = .millimolar(v) }
            pump.nucleotides = n
        }
        s.pump = pump
        if let v = phosphateMM { try s.setATPFreeEnergy(phosphate: .millimolar(v), field: "config.pump.phosphate_mM") }
        if let p = P { try s.setDimensionlessPumpRate(p) }
        if let a = activity { s.pumpActivity = a }
    }
}
