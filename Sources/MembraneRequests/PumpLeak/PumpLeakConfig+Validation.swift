import Membrane

/// The ranges of a configuration's values, checked before anything is applied, so that an error names the
/// key path (`config.events[2].activity`), quotes the number as written in the file (`5`, `1e308`) and
/// states the range (docs/validity-ranges.md, "Pump–leak configuration"). The scenario checks the same
/// quantities again (``Scenario/validate()``) with its own field names; these checks exist to answer in
/// the file's terms, and to refuse values no membrane has before they overflow a unit conversion.
extension PumpLeakConfig {
    /// A range a key's number must lie in, with the sentence an error gives.
    struct Bound: Sendable {
        var lower: Double
        var upper: Double
        /// Whether `lower` (`upper`) itself is excluded.
        var openLower = false, openUpper = false
        var allowed: String

        func contains(_ x: Double) -> Bool {
            x.isFinite && (openLower ? x > lower : x >= lower) && (openUpper ? x < upper : x <= upper)
        }

        /// Finite and in `lower…upper`; `open` excludes `lower` (x > lower).
        static func range(_ lower: Double, _ upper: Double, open: Bool = false, _ allowed: String) -> Bound {
            Bound(lower: lower, upper: upper, openLower: open, allowed: allowed)
        }
    }

    /// A concentration in a configuration: > 0 (the model takes logarithms) to 100 M.
    static let concentration = Bound.range(0, Domain.maximumMillimolar, open: true,
                                           "a concentration > 0 mM (the model takes logarithms) up to 100 M (1e5 mM)")
    /// A concentration that may be 0 (ATP, ADP, phosphate, an impermeant), up to 100 M.
    static let amount = Bound.range(0, Domain.maximumMillimolar, "a concentration from 0 to 100 M (1e5 mM)")
    /// The pump's activity: 0 (blocked) to 1 (running), docs/pump-leak-config.md.
    static let activity = Bound.range(0, 1, "a pump activity from 0 (blocked) to 1 (running)")

    /// Throws unless `x` is in `bound`, naming `config.<path>` and quoting `x` as a number is written.
    static func check(_ x: Double?, _ path: String, _ bound: Bound) throws {
        guard let x, !bound.contains(x) else { return }
        throw MembraneError.invalidValue(field: "config.\(path)", value: MembraneError.plain(x), allowed: bound.allowed)
    }

    /// Checks every number of the configuration against its range. Ranges, each with its reason:
    /// - `temperature_C`: ``Domain/celsius``; `radius_um`: > 0 to 1e6 µm (``Domain/maximumRadiusMetres``);
    ///   `capacitance_uF_per_cm2`: > 0 to 100 (``Domain/maximumSpecificCapacitance``);
    /// - concentrations (`inside_mM`, `outside_mM`): > 0 to 100 M (``Domain/maximumMillimolar``); impermeant
    ///   concentrations, ATP, ADP and Pi: 0 to 100 M; an impermeant's mean valence: −100 to +100 (a protein's
    ///   net charge is of order −10 to −20 per molecule, Alberts et al. 2015, ch. 3, so 100 leaves room);
    /// - conductances: 0 to 1e4 mS/cm² (10 S/cm²: the Na⁺ conductance of a node of Ranvier at full activation is
    ///   about 1 S/cm², Hille 2001, ch. 3); permeabilities: 0 to 1 cm/s (the largest membrane permeabilities,
    ///   docs/validity-ranges.md); cotransporter strengths: 0 to 1e-2 mol/(m²·s) (Wei et al. 2014 use ~1e-7);
    /// - the pump: current 0 to 1e4 µA/cm², rate 0 to 1 mol/(m²·s), P ≥ 0, activity 0…1;
    /// - water: P_f > 0 to 1e5 µm/s (aquaporin-rich membranes reach ~500 µm/s, Verkman 2012);
    ///   `bath_volume_relative` > 0 to 1e12; `duration_s` > 0, finite; event times ≥ 0, finite;
    ///   `delta_g_atp_kJ_per_mol`: −1000 to 0 (cells: −45 to −65 kJ/mol, Nicholls & Ferguson 2013).
    public func validate() throws {
        try Self.check(temperatureC, "temperature_C", .range(Domain.celsius.lowerBound, Domain.celsius.upperBound,
                                                             "a temperature in °C: \(Domain.celsiusDescription)"))
        try Self.check(radiusUm, "radius_um", .range(0, Domain.maximumRadiusMetres * 1e6, open: true,
                                                     "a cell radius > 0 and ≤ 1e6 µm (1 m)"))
        try Self.check(capacitanceUFPerCm2, "capacitance_uF_per_cm2",
                       .range(0, Domain.maximumSpecificCapacitance * 100, open: true, "a specific capacitance > 0 and ≤ 100 µF/cm²"))
        for (key, values) in [("inside_mM", insideMM), ("outside_mM", outsideMM)] {
            for e in values?.entries ?? [] { try Self.check(e.value, "\(key).\(e.key)", Self.concentration) }
        }
        for (key, x) in [("impermeant", impermeant), ("outside_impermeant", outsideImpermeant)] {
            try Self.check(x?.charge, "\(key).charge", .range(-100, 100, "a mean valence from -100 to +100"))
            try Self.check(x?.concentrationMM, "\(key).concentration_mM", Self.amount)
        }
        for e in conductancesMSPerCm2?.entries ?? [] {
            try Self.check(e.value, "conductances_mS_per_cm2.\(e.key)", .range(0, 1e4, "a conductance from 0 to 1e4 mS/cm²"))
        }
        for e in permeabilitiesCmPerS?.entries ?? [] {
            try Self.check(e.value, "permeabilities_cm_per_s.\(e.key)", .range(0, 1, "a permeability from 0 to 1 cm/s"))
        }
        for e in cotransportersMolPerM2S?.entries ?? [] {
            try Self.check(e.value, "cotransporters_mol_per_m2_s.\(e.key)", .range(0, 1e-2, "a strength from 0 to 1e-2 mol/(m²·s)"))
        }
        if case .value(let p)? = pump {
            try Self.check(p.currentUAPerCm2, "pump.current_uA_per_cm2", .range(0, 1e4, "a current density from 0 to 1e4 µA/cm²"))
            try Self.check(p.rateMolPerM2S, "pump.rate_mol_per_m2_s", .range(0, 1, "a rate from 0 to 1 mol/(m²·s)"))
            try Self.check(p.P, "pump.P", .range(0, .greatestFiniteMagnitude, "a dimensionless pump rate P ≥ 0"))
            try Self.check(p.activity, "pump.activity", Self.activity)
            try Self.check(p.atpMM, "pump.atp_mM", Self.amount)
            try Self.check(p.adpMM, "pump.adp_mM", Self.amount)
            try Self.check(p.phosphateMM, "pump.phosphate_mM", Self.amount)
            try Self.check(p.atpHalfSaturationUM, "pump.atp_half_saturation_uM",
                           .range(0, Domain.maximumMillimolar * 1e3, open: true, "a half-saturation > 0 µM"))
            try Self.check(p.adpInhibitionMM, "pump.adp_inhibition_mM",
                           .range(0, Domain.maximumMillimolar, open: true, "an inhibition constant > 0 mM"))
        }
        try Self.check(water?.osmoticPermeabilityUmPerS, "water.osmotic_permeability_um_per_s",
                       .range(0, 1e5, open: true, "an osmotic permeability > 0 and ≤ 1e5 µm/s"))
        if case .value(let v)? = bathVolumeRelative {
            try Self.check(v, "bath_volume_relative", .range(0, 1e12, open: true, "a bath volume > 0 and ≤ 1e12 times the cell's"))
        }
        try validateExchange()
        try Self.check(durationS, "duration_s", .range(0, .greatestFiniteMagnitude, open: true, "a duration > 0 s"))
        for (i, e) in (events ?? []).enumerated() {
            try Self.check(e.timeS, "events[\(i)].time_s", .range(0, .greatestFiniteMagnitude, "a time ≥ 0 s"))
            try Self.check(e.activity, "events[\(i)].activity", Self.activity)
        }
        try Self.check(deltaGATPKJPerMol, "delta_g_atp_kJ_per_mol",
                       Bound(lower: -1000, upper: 0, openUpper: true, allowed: "a negative free energy down to -1000 kJ/mol, e.g. -50"))
    }

    /// The catalog ions of `values`' keys, refusing one ion given twice, also through an alias
    /// (`{"K": 140, "potassium": 100}`): `config.<key>.<name>` is named.
    static func distinctIons(_ names: [String], key: String, indexed: Bool = false) throws -> [Ion] {
        var seen: [(name: String, written: String)] = []
        var ions: [Ion] = []
        for (i, name) in names.enumerated() {
            let path = indexed ? "\(key)[\(i)]" : "\(key).\(name)"
            let ion = try IonCatalog.standard.lookup(name, field: "config.\(path)")
            if let first = seen.first(where: { $0.name == ion.name }) {
                throw MembraneError.invalidValue(field: "config.\(path)", value: name,
                    allowed: "each ion once (\"\(name)\" is \(ion.name), given already as \"\(first.written)\")")
            }
            seen.append((ion.name, name))
            ions.append(ion)
        }
        return ions
    }

    /// Checks that the events, in time order from the pump's activity at t = 0, never release a pump that
    /// runs at full activity (a release before its block is a mistake in the protocol, not a no-op to pass
    /// over); `config.events[i].action` is named.
    static func checkEventOrder(_ events: [Event], initialActivity: Double) throws {
        var activity = initialActivity
        for (i, e) in events.enumerated().sorted(by: { ($0.element.timeS, $0.offset) < ($1.element.timeS, $1.offset) }) {
            switch e.action {
            case "block": activity = 0
            case "activity": activity = e.activity ?? activity
            case "release":
                guard activity < 1 else {
                    throw MembraneError.invalidValue(field: "config.events[\(i)].action", value: "release",
                        allowed: "a release after a block (or an activity below 1); at t = \(MembraneError.plain(e.timeS)) s the pump runs at full activity")
                }
                activity = 1
            default: break
            }
        }
    }
}
