import Membrane

/// `membrane activity`: activity coefficients of every species under one model.
public struct ActivityReport: Renderable {
    public var result: ActivityResult
    public var conditions: Conditions

    public init(result: ActivityResult, conditions: Conditions) {
        self.result = result
        self.conditions = conditions
    }

    public var json: JSONValue {
        let r = result
        return .object([
            ("model", .string(r.model.rawValue)),
            ("model_equation", .string(r.model.source)),
            ("ionic_strength_M", .number(r.ionicStrengthMolar)),
            ("ionic_strength_molal", .number(r.ionicStrengthMolal)),
            ("ions", .array(r.ions.map { a in
                .object([
                    ("name", .string(a.ion.name)),
                    ("charge", .integer(a.ion.charge)),
                    ("concentration_mM", .number(a.concentration.millimolar)),
                    ("gamma", .number(a.gamma)),
                    ("activity_mM", .number(a.activity.millimolar)),
                    ("molality_mol_per_kg", .number(a.molality)),
                    ("fallback", a.fallback.map { .string($0) } ?? .null),
                ])
            })),
            ("osmotic_coefficient", .number(r.osmoticCoefficient)),
            ("charge_imbalance_mM", .number(r.chargeImbalance)),
            ("debye_huckel_A", .number(r.debyeHuckel.a)),
            ("debye_huckel_B_per_angstrom", .number(r.debyeHuckel.b)),
            ("pitzer_A_phi", .number(r.debyeHuckel.aPhi)),
            ("water_relative_permittivity", .number(r.debyeHuckel.relativePermittivity)),
            ("water_density_kg_per_m3", .number(r.debyeHuckel.waterDensity)),
            ("molality_approximation", .string("m = c/ρ_w(T): solute volume neglected (≈0.25 % at 150 mM NaCl)")),
            ("warnings", .array(r.warnings.map { .string($0) })),
        ] + conditionsFields(conditions))
    }

    public var text: String {
        let r = result
        var table = TextTable(headers: ["ion", "z", "c (mM)", "γ", "a = γc (mM)", "note"],
                              alignments: [.left, .right, .right, .right, .right, .left])
        for a in r.ions {
            table.add([a.ion.name, Format.signedInt(a.ion.charge), Format.concentration(a.concentration.millimolar),
                       Format.fixed(a.gamma, 4), Format.concentration(a.activity.millimolar), a.fallback ?? ""])
        }
        var lines = ["activity model: \(r.model.rawValue) — \(r.model.source)", "", table.render(), ""]
        lines.append("I = \(Format.significant(r.ionicStrengthMolar, 4)) M (\(Format.significant(r.ionicStrengthMolal, 4)) mol/kg)"
                     + (r.osmoticCoefficient.map { ", osmotic coefficient φ = \(Format.fixed($0, 4))" } ?? ""))
        lines.append("A = \(Format.fixed(r.debyeHuckel.a, 4)) (kg/mol)^½, B = \(Format.fixed(r.debyeHuckel.b, 4)) Å⁻¹(kg/mol)^½, A_φ = \(Format.fixed(r.debyeHuckel.aPhi, 4))")
        for w in r.warnings { lines.append("warning: " + w) }
        lines.append(conditionsLine(conditions))
        return lines.joined(separator: "\n")
    }
}

/// `membrane osmolarity`.
public struct OsmolarityReport: Renderable {
    public var result: OsmoticResult
    public var conditions: Conditions
    public var target: OsmolarityTarget?

    public init(result: OsmoticResult, conditions: Conditions, target: OsmolarityTarget?) {
        self.result = result
        self.conditions = conditions
        self.target = target
    }

    var warnings: [String] {
        result.warnings + (target?.warning(for: result.osmolarity, what: "osmolarity").map { [$0] } ?? [])
    }

    public var json: JSONValue {
        let r = result
        return .object([
            ("model", .string(r.activity.model.rawValue)),
            ("osmolarity_mOsm_per_L", .number(r.osmolarity)),
            ("osmolality_mOsm_per_kg", .number(r.osmolality)),
            ("ideal_osmolarity_mOsm_per_L", .number(r.idealOsmolarity)),
            ("ideal_osmolality_mOsm_per_kg", .number(r.idealOsmolality)),
            ("osmotic_coefficient", .number(r.osmoticCoefficient)),
            ("osmotic_pressure_kPa", .number(r.osmoticPressure / 1000)),
            ("ionic_strength_M", .number(r.activity.ionicStrengthMolar)),
            ("charge_imbalance_mM", .number(r.activity.chargeImbalance)),
            ("target_mOsm", target.map { .object([("center", .number($0.center)), ("tolerance", .number($0.tolerance))]) } ?? .null),
            ("within_target", target.map { .bool($0.range.contains(r.osmolarity)) } ?? .null),
            ("warnings", .array(warnings.map { .string($0) })),
        ] + conditionsFields(conditions))
    }

    public var text: String {
        let r = result
        var lines = [
            "osmolarity \(Format.fixed(r.osmolarity, 1)) mOsm/L, osmolality \(Format.fixed(r.osmolality, 1)) mOsm/kg"
                + " (φ = \(Format.fixed(r.osmoticCoefficient, 4)), \(r.activity.model.rawValue))",
            "  ideal (φ = 1): \(Format.fixed(r.idealOsmolarity, 1)) mOsm/L, \(Format.fixed(r.idealOsmolality, 1)) mOsm/kg",
            "  osmotic pressure Π = φRTΣc = \(Format.significant(r.osmoticPressure / 1000, 4)) kPa",
            "  ionic strength \(Format.significant(r.activity.ionicStrengthMolar, 4)) M",
        ]
        for w in warnings { lines.append("warning: " + w) }
        lines.append("  " + conditionsLine(conditions))
        return lines.joined(separator: "\n")
    }
}

/// `membrane recipe`: a recipe's free species, titrant, ionic strength and osmolarity.
public struct RecipeReport: Renderable {
    public var recipe: RecipeResult
    public var osmotic: OsmoticResult
    public var conditions: Conditions
    public var target: OsmolarityTarget?

    public init(recipe: RecipeResult, osmotic: OsmoticResult, conditions: Conditions, target: OsmolarityTarget?) {
        self.recipe = recipe
        self.osmotic = osmotic
        self.conditions = conditions
        self.target = target
    }

    var warnings: [String] {
        var w = recipe.warnings
        for x in osmotic.warnings where !w.contains(x) { w.append(x) }
        if let t = target?.warning(for: osmotic.osmolarity, what: "osmolarity") { w.append(t) }
        return w
    }

    public var json: JSONValue {
        let r = recipe
        return .object([
            ("recipe", .string(r.recipe.text)),
            ("pH", .number(r.pH)),
            ("titrant", r.titrant.map { t in .object([("name", .string(t.name)), ("amount_mM", .number(r.titrantMillimolar)),
                                                      ("inferred", .bool(r.titrantInferred))]) } ?? .null),
            ("bicarbonate", r.bicarbonate.map { b in
                .object([("added_mM", .number(b.added)), ("free_mM", .number(b.free)), ("pH", .number(b.pH)),
                         ("co2_percent", .number(b.co2Fraction * 100)),
                         ("pH_from_gas", .bool(b.pHFromGas)),
                         ("closure", .string("CO2/HCO3- exchange (no titrant)"))])
            } ?? .null),
            ("free_ions_mM", .object(r.solution.components.map { ($0.ion.name, .number($0.concentration.millimolar)) })),
            ("ions", .array(osmotic.activity.ions.map { a in
                .object([("name", .string(a.ion.name)), ("charge", .integer(a.ion.charge)),
                         ("concentration_mM", .number(a.concentration.millimolar)), ("gamma", .number(a.gamma)),
                         ("activity_mM", .number(a.activity.millimolar))])
            })),
            ("free_calcium_mM", .number(r.freeCalcium?.millimolar)),
            ("free_magnesium_mM", .number(r.freeMagnesium?.millimolar)),
            ("mean_charges", .object(r.ligandCharges.map { ($0.0, .number($0.1)) })),
            ("ionic_strength_M", .number(r.ionicStrengthMolar)),
            ("osmolarity_mOsm_per_L", .number(osmotic.osmolarity)),
            ("osmolality_mOsm_per_kg", .number(osmotic.osmolality)),
            ("ideal_osmolarity_mOsm_per_L", .number(osmotic.idealOsmolarity)),
            ("osmotic_coefficient", .number(osmotic.osmoticCoefficient)),
            ("activity_model", .string(osmotic.activity.model.rawValue)),
            ("charge_imbalance_mM", .number(r.chargeImbalance)),
            ("target_mOsm", target.map { .object([("center", .number($0.center)), ("tolerance", .number($0.tolerance))]) } ?? .null),
            ("within_target", target.map { .bool($0.range.contains(osmotic.osmolarity)) } ?? .null),
            ("warnings", .array(warnings.map { .string($0) })),
        ] + conditionsFields(conditions))
    }

    public var text: String {
        let r = recipe
        var lines = ["recipe: \(r.recipe.text)"]
        if let t = r.titrant, let x = r.titrantMillimolar {
            // Without a stated pH (nor a gas that sets it) the charges were evaluated at RecipeSolver.defaultPH.
            let reached = r.pH.map { "pH \(Format.fixed($0, 2)) reached" }
                ?? "no pH stated: evaluated at pH \(Format.fixed(RecipeSolver.defaultPH, 2)) and balanced"
            lines.append("\(reached) with \(Format.fixed(x, 3)) mM \(t.name)\(r.titrantInferred ? " (inferred: no titrant named)" : "")")
        }
        if let b = r.bicarbonate {
            lines.append("pH \(Format.fixed(b.pH, 2)) \(b.pHFromGas ? "under" : "implies") \(Format.fixed(b.co2Fraction * 100, 2)) % CO2; HCO3- \(Format.fixed(b.free, 2)) of \(Format.fixed(b.added, 2)) mM added (CO2/HCO3- exchange)")
        }
        var table = TextTable(headers: ["species", "z", "free (mM)", "γ", "a (mM)"])
        for a in osmotic.activity.ions {
            table.add([a.ion.name, Format.signedInt(a.ion.charge), Format.concentration(a.concentration.millimolar),
                       Format.fixed(a.gamma, 3), Format.concentration(a.activity.millimolar)])
        }
        lines += ["", table.render(), ""]
        if let ca = r.freeCalcium { lines.append("free Ca2+ \(Format.concentration(ca.millimolar))") }
        if let mg = r.freeMagnesium { lines.append("free Mg2+ \(Format.concentration(mg.millimolar))") }
        if !r.ligandCharges.isEmpty {
            lines.append("mean charges at this pH: " + r.ligandCharges.map { "\($0.0) \(Format.fixed($0.1, 2))" }.joined(separator: ", "))
        }
        lines.append("ionic strength \(Format.significant(r.ionicStrengthMolar, 4)) M; Σ z·c = \(Format.significant(r.chargeImbalance, 3)) mM")
        lines.append("osmolarity \(Format.fixed(osmotic.osmolarity, 1)) mOsm/L (φ = \(Format.fixed(osmotic.osmoticCoefficient, 3)), "
                     + "\(osmotic.activity.model.rawValue)); ideal Σc = \(Format.fixed(osmotic.idealOsmolarity, 1)) mOsm/L")
        for w in warnings { lines.append("warning: " + w) }
        lines.append(conditionsLine(conditions))
        return lines.joined(separator: "\n")
    }
}

/// Adds the activity model used (and the activity coefficients it produced) to any result.
public struct ActivityAnnotated: Renderable {
    public var base: any Renderable
    public var model: ActivityModel
    /// Extra JSON fields (γ per side, basis of concentrations), appended after the base's.
    public var fields: [(String, JSONValue)]
    /// Extra text lines.
    public var lines: [String]

    public init(base: any Renderable, model: ActivityModel, fields: [(String, JSONValue)] = [], lines: [String] = []) {
        self.base = base
        self.model = model
        self.fields = fields
        self.lines = lines
    }

    public var json: JSONValue {
        let extra: [(String, JSONValue)] = [("activity_model", .string(model.rawValue))] + fields
        if case .object(let pairs) = base.json { return .object(pairs + extra) }
        return .object([("result", base.json)] + extra)
    }

    public var text: String {
        guard model != .ideal || !lines.isEmpty else { return base.text }
        return ([base.text] + lines).joined(separator: "\n")
    }
}
