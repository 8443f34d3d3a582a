import Foundation
import Membrane

/// `--config FILE`: a JSON object overriding a preset's parameters. Every key is optional; unknown keys
/// are errors (a typo must not be silently ignored). The keys are documented in docs/pump-leak-config.md.
enum PumpLeakConfig {
    static let keys = [
        "temperature_C", "radius_um", "capacitance_uF_per_cm2", "ions", "inside_mM", "outside_mM", "impermeant",
        "outside_impermeant", "conductances_mS_per_cm2", "permeabilities_cm_per_s", "pump", "cotransporters_mol_per_m2_s",
        "water", "bath_volume_relative", "voltage_model", "duration_s", "events", "delta_g_atp_kJ_per_mol", "comment",
    ]

    static func load(_ path: String, into scenario: inout Scenario) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MembraneError.invalidValue(field: "config", value: path, allowed: "a readable JSON file")
        }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw MembraneError.invalidValue(field: "config", value: path, allowed: "valid JSON (\(error.localizedDescription))")
        }
        guard let dict = object as? [String: Any] else {
            throw MembraneError.invalidValue(field: "config", value: path, allowed: "a JSON object of parameters")
        }
        try apply(dict, to: &scenario)
    }

    static func number(_ value: Any?, _ field: String) throws -> Double {
        // JSON true/false arrive as a boolean NSNumber subclass (on Linux `1.0 is Bool` is also true, so test the class).
        let isBoolean = value.map { String(describing: type(of: $0)).contains("Boolean") || type(of: $0) == Bool.self } ?? false
        if !isBoolean, let n = value as? NSNumber, n.doubleValue.isFinite { return n.doubleValue }
        throw MembraneError.invalidValue(field: "config.\(field)", value: "\(value ?? "null")", allowed: "a finite number")
    }

    static func object(_ value: Any?, _ field: String) throws -> [String: Any] {
        guard let o = value as? [String: Any] else {
            throw MembraneError.invalidValue(field: "config.\(field)", value: "\(value ?? "null")", allowed: "a JSON object")
        }
        return o
    }

    static func ion(_ name: String, _ field: String) throws -> Ion {
        try IonCatalog.standard.lookup(name, field: "config.\(field)")
    }

    static func apply(_ d: [String: Any], to s: inout Scenario) throws {
        for key in d.keys where !keys.contains(key) {
            throw MembraneError.unknownName(field: "config", value: key,
                                            suggestions: keys.filter { $0.hasPrefix(String(key.prefix(3))) }.sorted() + ["(see docs/pump-leak-config.md)"])
        }
        if let t = d["temperature_C"] { s.conditions.temperature = try .celsius(try number(t, "temperature_C")) }
        if let r = d["radius_um"] {
            let radius = try number(r, "radius_um")
            try MembraneError.requirePositive(radius, field: "config.radius_um", allowed: "a radius > 0 µm")
            s.geometry = .sphere(radius: .micrometres(radius))
        }
        if let c = d["capacitance_uF_per_cm2"] { s.capacitance = .microfaradsPerSquareCentimetre(try number(c, "capacitance_uF_per_cm2")) }
        if let list = d["ions"] {
            guard let names = list as? [String], !names.isEmpty else {
                throw MembraneError.invalidValue(field: "config.ions", value: "\(list)", allowed: "an array of ion names, e.g. [\"Na\",\"K\",\"Cl\"]")
            }
            let ions = try names.map { try ion($0, "ions") }
            var inside: [Concentration] = [], outside: [Concentration] = []
            for i in ions {
                inside.append(s.index(of: i.name).map { s.inside[$0] } ?? .zero)
                outside.append(s.index(of: i.name).map { s.outside[$0] } ?? .zero)
            }
            s.ions = ions; s.inside = inside; s.outside = outside
            s.leaks = s.leaks.filter { l in ions.contains { $0.name == l.ion } }
        }
        for (key, side) in [("inside_mM", true), ("outside_mM", false)] {
            guard let v = d[key] else { continue }
            for (name, value) in try object(v, key) {
                let i = try ion(name, key)
                guard let j = s.index(of: i.name) else {
                    throw MembraneError.invalidValue(field: "config.\(key)", value: name,
                                                     allowed: "one of the scenario's ions (\(s.ions.map(\.name).joined(separator: ", "))); add ions with \"ions\"")
                }
                let c = Concentration.millimolar(try number(value, "\(key).\(name)"))
                if side { s.inside[j] = c } else { s.outside[j] = c }
            }
        }
        for (key, inside) in [("impermeant", true), ("outside_impermeant", false)] {
            guard let v = d[key] else { continue }
            let o = try object(v, key)
            var x = inside ? s.impermeant : s.outsideImpermeant
            for k in o.keys where !["charge", "concentration_mM", "name"].contains(k) {
                throw MembraneError.unknownName(field: "config.\(key)", value: k, suggestions: ["charge", "concentration_mM", "name"])
            }
            if let z = o["charge"] { x.charge = try number(z, "\(key).charge") }
            if let c = o["concentration_mM"] { x.concentration = .millimolar(try number(c, "\(key).concentration_mM")) }
            if let n = o["name"] as? String { x.name = n }
            if inside { s.impermeant = x } else { s.outsideImpermeant = x }
        }
        if let v = d["conductances_mS_per_cm2"] {
            for (name, value) in try object(v, "conductances_mS_per_cm2") {
                let i = try ion(name, "conductances_mS_per_cm2")
                s.leaks.removeAll { $0.ion == i.name }
                s.leaks.append(.ohmic(i.name, milliSiemensPerSquareCentimetre: try number(value, "conductances_mS_per_cm2.\(name)")))
            }
        }
        if let v = d["permeabilities_cm_per_s"] {
            for (name, value) in try object(v, "permeabilities_cm_per_s") {
                let i = try ion(name, "permeabilities_cm_per_s")
                s.leaks.removeAll { $0.ion == i.name }
                s.leaks.append(.ghk(i.name, centimetresPerSecond: try number(value, "permeabilities_cm_per_s.\(name)")))
            }
        }
        if d["delta_g_atp_kJ_per_mol"] != nil, let p = d["pump"] as? [String: Any], p["phosphate_mM"] != nil {
            throw MembraneError.invalidValue(field: "config.delta_g_atp_kJ_per_mol", value: "given with pump.phosphate_mM",
                                             allowed: "either ΔG_ATP itself or the ATP, ADP and Pi it follows from, not both")
        }
        if let v = d["pump"] {
            if v is NSNull { s.pump = nil } else { try applyPump(try object(v, "pump"), to: &s) }
        }
        if let v = d["cotransporters_mol_per_m2_s"] {
            var list: [any Cotransporter] = []
            for (name, value) in try object(v, "cotransporters_mol_per_m2_s") {
                let u = try number(value, "cotransporters_mol_per_m2_s.\(name)")
                switch name.uppercased() {
                case "KCC2": list.append(.kcc2(strength: u))
                case "NKCC1": list.append(.nkcc1(strength: u))
                default: throw MembraneError.unknownName(field: "config.cotransporters_mol_per_m2_s", value: name, suggestions: ["KCC2", "NKCC1"])
                }
            }
            s.cotransporters = list
        }
        if let v = d["water"] {
            let o = try object(v, "water")
            switch o["model"] as? String {
            case "instantaneous": s.water = .instantaneous
            case "osmotic":
                let pf = try number(o["osmotic_permeability_um_per_s"], "water.osmotic_permeability_um_per_s")
                s.water = .osmotic(permeability: .metresPerSecond(pf * 1e-6))
            default:
                throw MembraneError.invalidValue(field: "config.water.model", value: "\(o["model"] ?? "null")",
                                                 allowed: "\"instantaneous\" or \"osmotic\" (with osmotic_permeability_um_per_s)")
            }
        }
        if let v = d["bath_volume_relative"] {
            s.bath = v is NSNull ? .infinite : .finite(relativeVolume: try number(v, "bath_volume_relative"))
        }
        if let v = d["voltage_model"] {
            guard let name = v as? String, let m = VoltageModel(rawValue: name) else {
                throw MembraneError.invalidValue(field: "config.voltage_model", value: "\(v)", allowed: "\"charge-difference\" or \"electroneutral\"")
            }
            s.voltageModel = m
        }
        if let v = d["duration_s"] { s.duration = try number(v, "duration_s") }
        if let v = d["events"] {
            guard let list = v as? [[String: Any]] else {
                throw MembraneError.invalidValue(field: "config.events", value: "\(v)", allowed: "an array of {\"time_s\", \"action\"} objects")
            }
            s.events = try list.map { e in
                let t = try number(e["time_s"], "events.time_s")
                switch e["action"] as? String {
                case "block": return ScenarioEvent(time: t, .blockPump)
                case "release": return ScenarioEvent(time: t, .releasePump)
                case "activity": return ScenarioEvent(time: t, .setPumpActivity(try number(e["activity"], "events.activity")))
                default:
                    throw MembraneError.invalidValue(field: "config.events.action", value: "\(e["action"] ?? "null")",
                                                     allowed: "\"block\", \"release\" or \"activity\" (with \"activity\": 0…1)")
                }
            }
        }
        if let v = d["delta_g_atp_kJ_per_mol"] {
            let g = try number(v, "delta_g_atp_kJ_per_mol")
            guard g < 0 else {
                throw MembraneError.invalidValue(field: "config.delta_g_atp_kJ_per_mol", value: "\(g)", allowed: "a negative free energy, e.g. -50")
            }
            s.atp = ATPHydrolysis(deltaG: .kilojoulesPerMole(g), source: "set by --config")
        }
    }

    static func applyPump(_ o: [String: Any], to s: inout Scenario) throws {
        let allowed = ["kinetics", "current_uA_per_cm2", "rate_mol_per_m2_s", "P", "activity", "atp_mM", "adp_mM",
                       "atp_half_saturation_uM", "adp_inhibition_mM", "phosphate_mM"]
        for k in o.keys where !allowed.contains(k) {
            throw MembraneError.unknownName(field: "config.pump", value: k, suggestions: allowed)
        }
        var pump = s.pump ?? NaKPump(.constant, maximalRate: 0)
        if let k = o["kinetics"] {
            switch k as? String {
            case "constant": pump.kinetics = .constant
            case "cubic": pump.kinetics = .cubicSodium
            case "luo-rudy-1994": pump.kinetics = .luoRudy1994(voltageDependent: true)
            case "luo-rudy-1994-no-voltage": pump.kinetics = .luoRudy1994(voltageDependent: false)
            case "wei-2014": pump.kinetics = .wei2014
            default:
                throw MembraneError.invalidValue(field: "config.pump.kinetics", value: "\(k)",
                                                 allowed: "constant, cubic, luo-rudy-1994, luo-rudy-1994-no-voltage, wei-2014")
            }
        }
        if let c = o["current_uA_per_cm2"] {
            pump.maximalRate = try number(c, "pump.current_uA_per_cm2") * 1e-2 / s.conditions.faraday
        }
        if let r = o["rate_mol_per_m2_s"] { pump.maximalRate = try number(r, "pump.rate_mol_per_m2_s") }
        let nucleotideKeys = ["atp_mM", "adp_mM", "atp_half_saturation_uM", "adp_inhibition_mM"]
        if nucleotideKeys.contains(where: { o[$0] != nil }) {
            guard o["atp_mM"] != nil || pump.nucleotides != nil else {
                throw MembraneError.invalidValue(field: "config.pump", value: "ADP or a constant without atp_mM",
                                                 allowed: "atp_mM (with optional adp_mM, atp_half_saturation_uM, adp_inhibition_mM)")
            }
            var n = pump.nucleotides ?? PumpNucleotides(atp: .zero)
            if let v = o["atp_mM"] { n.atp = .millimolar(try number(v, "pump.atp_mM")) }
            if let v = o["adp_mM"] { n.adp = .millimolar(try number(v, "pump.adp_mM")) }
            if let v = o["atp_half_saturation_uM"] { n.halfSaturationATP = .millimolar(try number(v, "pump.atp_half_saturation_uM") / 1000) }
            if let v = o["adp_inhibition_mM"] { n.inhibitionADP = .millimolar(try number(v, "pump.adp_inhibition_mM")) }
            pump.nucleotides = n
        }
        s.pump = pump
        if let v = o["phosphate_mM"] {
            try s.setATPFreeEnergy(phosphate: .millimolar(try number(v, "pump.phosphate_mM")), field: "config.pump.phosphate_mM")
        }
        if let p = o["P"] { try s.setDimensionlessPumpRate(try number(p, "pump.P")) }
        if let a = o["activity"] { s.pumpActivity = try number(a, "pump.activity") }
    }
}
