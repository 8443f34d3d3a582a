import Membrane

/// `membrane report`: the resting cell on one screen.
public struct RestingReport: Renderable {
    public var analysis: RestingAnalysis
    public var preset: CellPreset?

    public init(analysis: RestingAnalysis, preset: CellPreset?) {
        self.analysis = analysis
        self.preset = preset
    }

    public var json: JSONValue {
        let a = analysis
        var pairs: [(String, JSONValue)] = []
        if let preset {
            pairs.append(("preset", .string(preset.name)))
            pairs.append(("description", .string(preset.description)))
            pairs.append(("measured_resting_potential_mV", .number(preset.restingPotential.millivolts)))
            pairs.append(("sources", .object(preset.sources.map { ($0.field, .string($0.source)) })))
        }
        pairs += [
            ("vm_mV", .number(a.vm.millivolts)),
            ("vm_source", .string(a.vmSource)),
            ("ghk_mV", .number(a.ghk?.potential.millivolts)),
            ("nernst_mV", .object(a.rows.compactMap { r in r.nernst.map { (r.ion.name, .number($0.millivolts)) } })),
            ("driving_force_mV", .object(a.rows.compactMap { r in r.drivingForce.map { (r.ion.name, .number($0.force.millivolts)) } })),
            ("ions", .array(a.rows.map(rowJSON))),
            ("charge", a.charge.json),
            ("warnings", .array(a.warnings.map { .string($0) })),
        ]
        return .object(pairs + conditionsFields(a.conditions))
    }

    func rowJSON(_ r: RestingAnalysis.IonRow) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("name", .string(r.ion.name)),
            ("charge", .integer(r.ion.charge)),
            ("inside_mM", .number(r.inside.millimolar)),
            ("outside_mM", .number(r.outside.millimolar)),
            ("permeability", .number(r.permeability)),
            ("nernst_mV", .number(r.nernst?.millivolts)),
        ]
        if let df = r.drivingForce, let g = r.transfer {
            pairs += [
                ("driving_force_mV", .number(df.force.millivolts)),
                ("current_direction", .string(df.currentDirection.rawValue)),
                ("flux_direction", .string(df.fluxDirection.rawValue)),
                ("delta_g_kJ_per_mol", .number(g.total.kilojoulesPerMole)),
                ("delta_g_chemical_kJ_per_mol", .number(g.chemical.kilojoulesPerMole)),
                ("delta_g_electrical_kJ_per_mol", .number(g.electrical.kilojoulesPerMole)),
            ]
        } else {
            pairs.append(("no_nernst_reason", .string(r.undefinedReason ?? "")))
        }
        return .object(pairs)
    }

    public var text: String {
        let a = analysis
        var lines: [String] = []
        if let preset {
            lines.append("\(preset.name): \(preset.description)")
        }
        lines.append(conditionsLine(a.conditions))
        lines.append("")
        var table = TextTable(headers: ["ion", "inside", "outside", "P", "E (mV)", "V_m−E (mV)", "current", "flux", "ΔG in (kJ/mol)"])
        for r in a.rows {
            var row = [r.ion.chargeLabel, Format.concentration(r.inside.millimolar), Format.concentration(r.outside.millimolar),
                       r.permeability.map { Format.significant($0, 3) } ?? "–"]
            if let e = r.nernst, let df = r.drivingForce, let g = r.transfer {
                row += [Format.fixed(e.millivolts, 1), Format.signed(df.force.millivolts, 1), df.currentDirection.rawValue,
                        df.fluxDirection.rawValue, Format.signed(g.total.kilojoulesPerMole, 2)]
            } else {
                row += ["none", "–", "–", "–", "–"]
            }
            table.add(row)
        }
        lines.append(table.render())
        lines.append("")
        if let ghk = a.ghk {
            lines.append("GHK V_m = \(Format.fixed(ghk.potential.millivolts, 1)) mV"
                         + (preset.map { "  (measured: about \(Format.fixed($0.restingPotential.millivolts, 0)) mV)" } ?? ""))
        }
        if a.vmSource == "given" { lines.append("driving forces at the given V_m = \(Format.fixed(a.vm.millivolts, 1)) mV") }
        for r in a.rows where r.nernst == nil {
            lines.append("\(r.ion.name): no Nernst potential (\(r.ion.charge == 0 ? "neutral" : "absent on one side"))")
        }
        let c = a.charge
        var chargeLine = "Charge holding V_m on a \(Format.significant(c.radius.micrometres, 3)) µm-radius cell: "
            + "\(Format.significant(c.chargeHeld.coulombs, 3)) C = \(Format.significant(c.ionsMoved, 3)) monovalent ions"
        if let f = c.fractionOfIons { chargeLine += " (\(Format.significant(f * 100, 2)) % of its K⁺)" }
        lines.append(chargeLine)
        for w in a.warnings { lines.append("warning: " + w) }
        if let preset { lines.append(""); lines.append("sources: " + preset.sourceSummary) }
        return lines.joined(separator: "\n")
    }
}

/// `membrane presets`.
public struct PresetList: Renderable {
    public var presets: [CellPreset]
    /// Model presets (pump–leak scenarios named after their papers), listed after the cells.
    public var models: [Scenario]
    /// Presets of excitable cells with named parameters (`simulate hh`), listed last.
    public var excitable: [ScenarioPreset]
    /// Whether to list `hubel-ullah-2016` (its own model, not a ``ScenarioPreset``) after the excitable cells.
    public var hubelUllah: Bool
    /// Whether to list `cressman-2009` (its own model, not a ``ScenarioPreset``) after `hubel-ullah-2016`.
    public var cressman = false
    /// Whether to list `luo-rudy-1991` (its own model, not a ``ScenarioPreset``) after the excitable cells.
    public var luoRudy = false
    /// Whether to list `wei-ullah-schiff-2014` (its own model, not a ``ScenarioPreset``) after `cressman-2009`.
    public var weiUllahSchiff = false
    public init(presets: [CellPreset], models: [Scenario] = [], excitable: [ScenarioPreset] = [], hubelUllah: Bool = false) {
        self.presets = presets
        self.models = models
        self.excitable = excitable
        self.hubelUllah = hubelUllah
    }

    /// The entry of a preset that runs its own model: name, summary, the temperature its equations imply (°C, K in),
    /// the command that runs it, its parameters and source.
    static func ownModelJSON(name: String, summary: String, kelvin: Double, parameters: [PresetParameter], source: String,
                             kind: String = "excitable cell (membrane simulate hh)") -> JSONValue {
        .object([
            ("name", .string(name)),
            ("description", .string(summary)),
            ("temperature_C", .number(kelvin - 273.15)),
            ("kind", .string(kind)),
            ("parameters", parametersJSON(parameters)),
            ("source", .string(source)),
        ])
    }

    /// The `wei-ullah-schiff-2014` entry: its parameters, and the temperature the paper's RT/F = 26.64 mV implies.
    var weiUllahSchiffJSON: JSONValue {
        let p = WeiUllahSchiff2014.preset
        return Self.ownModelJSON(name: p.name, summary: p.summary, kelvin: HubelUllahReport.impliedTemperatureKelvin,
                                 parameters: p.parameters, source: p.source)
    }

    /// The `cressman-2009` entry: its parameters, and the temperature its RT/F = 26.64 mV implies.
    var cressmanJSON: JSONValue {
        let p = Cressman2009.preset
        return Self.ownModelJSON(name: p.name, summary: p.summary, kelvin: CressmanReport.impliedTemperatureKelvin,
                                 parameters: p.parameters, source: p.source)
    }

    /// The `hubel-ullah-2016` entry: its parameters, and the temperature its code's RT/F = 26.64 mV implies.
    var hubelUllahJSON: JSONValue {
        let p = HubelUllah2016.preset
        return Self.ownModelJSON(name: p.name, summary: p.summary, kelvin: HubelUllahReport.impliedTemperatureKelvin,
                                 parameters: p.parameters, source: p.source)
    }

    /// The `luo-rudy-1991` entry: its parameters and 37 °C.
    var luoRudyJSON: JSONValue {
        let p = LuoRudy1991.preset
        return Self.ownModelJSON(name: p.name, summary: p.summary, kelvin: LuoRudy1991().temperature, parameters: p.parameters,
                                 source: p.source, kind: "excitable cell (membrane simulate hh, membrane hyperkalemia)")
    }

    /// A preset's `parameters` object: name → `{"value", "unit", "description", "allowed"}` (INTERFACE.md).
    static func parametersJSON(_ parameters: [PresetParameter]) -> JSONValue {
        .object(parameters.map { p in
            (p.name, .object([("value", .number(p.value)), ("unit", .string(p.unit)), ("description", .string(p.summary)),
                              ("allowed", .array([.number(p.allowed.lowerBound), .number(p.allowed.upperBound)]))]))
        })
    }

    public var json: JSONValue {
        .array(presets.map { p in
            .object([
                ("name", .string(p.name)),
                ("description", .string(p.description)),
                ("temperature_C", .number(p.temperature.celsius)),
                ("resting_potential_mV", .number(p.restingPotential.millivolts)),
                ("inside_mM", .object(p.inside.components.map { ($0.ion.name, .number($0.concentration.millimolar)) })),
                ("outside_mM", .object(p.outside.components.map { ($0.ion.name, .number($0.concentration.millimolar)) })),
                ("permeabilities", .object(p.permeabilities.map { ($0.name, .number($0.value)) })),
                ("radius_um", .number(p.radius.micrometres)),
                ("kind", .string("cell")),
                ("parameters", .object([])),
                ("source", .string(p.sourceSummary)),
                ("notes", .array(p.notes.map { .string($0) })),
            ])
        } + models.map { m in
            .object([
                ("name", .string(m.name)),
                ("description", .string(m.summary)),
                ("temperature_C", .number(m.conditions.temperature.celsius)),
                ("kind", .string("pump-leak model (membrane steady-state / simulate pump-leak)")),
                ("parameters", .object([])),
                ("parameters_note", .string("no named parameters: override them with --config FILE (docs/pump-leak-config.md)")),
                ("source", .string(m.sources.map { "\($0.0): \($0.1)" }.joined(separator: "; "))),
            ])
        } + excitable.map { p in
            let scenario = (try? p.scenario())
            return .object([
                ("name", .string(p.name)),
                ("description", .string(p.summary)),
                ("temperature_C", scenario.map { .number($0.conditions.temperature.celsius) } ?? .null),
                ("kind", .string("excitable cell (membrane simulate hh)")),
                ("parameters", Self.parametersJSON(p.parameters)),
                ("source", .string(p.source)),
            ])
        } + (hubelUllah ? [hubelUllahJSON] : []) + (luoRudy ? [luoRudyJSON] : []) + (cressman ? [cressmanJSON] : [])
            + (weiUllahSchiff ? [weiUllahSchiffJSON] : []))
    }

    public var text: String {
        var table = TextTable(headers: ["name", "T (°C)", "V_rest (mV)", "description"],
                              alignments: [.left, .right, .right, .left])
        for p in presets {
            table.add([p.name, Format.fixed(p.temperature.celsius, 1), Format.fixed(p.restingPotential.millivolts, 0), p.description])
        }
        var text = table.render() + "\n\nmembrane report --preset NAME shows one; --json lists sources."
        if !models.isEmpty {
            var modelTable = TextTable(headers: ["model", "T (°C)", "description"], alignments: [.left, .right, .left])
            for m in models { modelTable.add([m.name, Format.fixed(m.conditions.temperature.celsius, 1), m.summary]) }
            text += "\n\n" + modelTable.render() + "\n\nmembrane steady-state --preset NAME and membrane simulate pump-leak --preset NAME run them."
        }
        if !excitable.isEmpty {
            // The ScenarioPresets, then the presets with their own models, in the order of the JSON list.
            var listed: [(name: String, parameters: [PresetParameter], summary: String)] = excitable.map { ($0.name, $0.parameters, $0.summary) }
            let own: [(listed: Bool, name: String, parameters: [PresetParameter], summary: String)] = [
                (hubelUllah, HubelUllah2016.preset.name, HubelUllah2016.preset.parameters, HubelUllah2016.preset.summary),
                (luoRudy, LuoRudy1991.preset.name, LuoRudy1991.preset.parameters, LuoRudy1991.preset.summary),
                (cressman, Cressman2009.preset.name, Cressman2009.preset.parameters, Cressman2009.preset.summary),
                (weiUllahSchiff, WeiUllahSchiff2014.preset.name, WeiUllahSchiff2014.preset.parameters, WeiUllahSchiff2014.preset.summary),
            ]
            listed += own.filter(\.listed).map { ($0.name, $0.parameters, $0.summary) }
            text += "\n\n" + Self.excitableListing(listed) + "\n\nmembrane simulate hh --preset NAME runs them; --set NAME=VALUE overrides a parameter."
        }
        return text
    }
}

/// `membrane ions`.
public struct IonList: Renderable {
    public var catalog: IonCatalog
    /// Optional temperature for D(T) = D(25 °C)·(T/298.15)·η(25 °C)/η(T).
    public var temperature: Temperature?
    public init(catalog: IonCatalog, temperature: Temperature? = nil) {
        self.catalog = catalog
        self.temperature = temperature
    }

    func diffusion(_ ion: Ion, at t: Temperature) -> Double? {
        ion.diffusionCoefficient.map { $0.squareMetresPerSecond * WaterViscosity.stokesEinsteinFactor(kelvin: t.kelvin) }
    }

    public var json: JSONValue {
        .array(catalog.ions.map { ion in
            .object([
                ("name", .string(ion.name)),
                ("charge", .integer(ion.charge)),
                ("long_name", .string(ion.longName)),
                ("aliases", .array(ion.aliases.map { .string($0) })),
                ("equivalent_conductivity_S_cm2_per_mol", .number(ion.equivalentConductivity)),
                ("molar_conductivity_S_cm2_per_mol", .number(ion.molarConductivity)),
                ("diffusion_coefficient_m2_per_s", .number(ion.diffusionCoefficient?.squareMetresPerSecond)),
                ("diffusion_coefficient_at_temperature_m2_per_s", temperature.map { .number(diffusion(ion, at: $0)) } ?? .null),
                ("mobility_m2_per_V_s", .number(ion.mobility)),
                ("ion_size_angstrom", .number(ion.ionSize)),
                ("transport_source", .string(ion.transportSource)),
                ("ion_size_source", .string(ion.ionSizeSource)),
                ("charge_note", ion.chargeNote.map { .string($0) } ?? .null),
            ])
        })
    }

    public var text: String {
        let atT = temperature.map { "D at \(Format.fixed($0.celsius, 1)) °C" }
        var headers = ["name", "z", "λ°/|z| (S·cm²/mol)", "D (1e-9 m²/s)"]
        if let atT { headers.append(atT) }
        headers += ["u (1e-8 m²/V/s)", "å (Å)", "long name"]
        var table = TextTable(headers: headers, alignments: headers.indices.map { $0 == 0 || $0 == headers.count - 1 ? .left : .right })
        for ion in catalog.ions {
            var row = [ion.name, Format.signedInt(ion.charge),
                       ion.equivalentConductivity.map { Format.fixed($0, 2) } ?? "–",
                       ion.diffusionCoefficient.map { Format.fixed($0.squareMetresPerSecond * 1e9, 3) } ?? "–"]
            if let temperature { row.append(diffusion(ion, at: temperature).map { Format.fixed($0 * 1e9, 3) } ?? "–") }
            row += [ion.mobility.map { Format.fixed($0 * 1e8, 3) } ?? "–", ion.ionSize.map { Format.fixed($0, 2) } ?? "–", ion.longName]
            table.add(row)
        }
        let outsideFit = temperature.map { !WaterViscosity.fittedCelsius.contains($0.celsius) } ?? false
        return table.render() + "\n\nλ°, u and å at 25 °C, infinite dilution"
            + (temperature == nil ? "" : "; D(T) by Stokes–Einstein with water's viscosity (Walden's rule)")
            + ". Estimated D (no published value) are marked 'estimate' in transport_source."
            + " Sources: membrane ions --json (transport_source, ion_size_source)."
            + (outsideFit ? "\nwarning: the viscosity fit is fitted from 0 to 100 °C; D at \(Format.fixed(temperature!.celsius, 1)) °C is extrapolated" : "")
    }
}
