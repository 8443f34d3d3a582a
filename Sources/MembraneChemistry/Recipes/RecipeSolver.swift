import MembraneUnits
import MembraneNumerics
import RealModule

/// Turns a ``Recipe`` into free species: the titrant amount that reaches the stated pH, the
/// protonation states of the buffers and chelators, and free Ca²⁺/Mg²⁺ after binding.
///
/// At the stated pH, [H⁺] = 10^−pH/γ_H (Davies). For every ligand L with total L_T:
///
///     L_free = L_T / (Σ_n β_n [H]^n + Σ_M (K_ML [M] + K_MHL K₁ [H][M])),   β_n = K₁⋯K_n
///
/// and the free metals solve the mass balances M_T = [M] + Σ_L ([ML] + [MHL]) (nested bracketed
/// roots with Brent's method, each monotone in its unknown). The constants are corrected to the
/// solution's molar ionic strength and temperature (``LogK``); the ionic strength is iterated to
/// self-consistency. Every salt enters neutral, so electroneutrality is the proton balance of the acids
/// and bases added, and it is closed in one of three ways:
///
/// 1. **A titrant** (`pH 7.3 KOH`): its amount x solves Σ zᵢcᵢ + q·x + [H⁺] − [OH⁻] = 0 (q = +1 for KOH,
///    NaOH, CsOH, NMDG, −1 for HCl, the protonated fraction for Tris).
/// 2. **Bicarbonate and CO₂** (a saline with HCO₃⁻ and no titrant, gassed with ``CarbonDioxide``): protons
///    released (phosphate, HEPES, ascorbic acid…) turn HCO₃⁻ into CO₂, which leaves with the gas, and bases
///    take CO₂ up as HCO₃⁻: [HCO₃⁻] = HCO₃⁻ added + Σ zᵢcᵢ. Without a stated pH the pH is the one at which that
///    bicarbonate is in equilibrium with the gas (5 % CO₂ unless `CO2 X%` is written; Henderson–Hasselbalch,
///    solved by Brent's method: the residual increases strictly with pH); with a stated pH the CO₂ fraction
///    that pH implies is reported. With a titrant that would have to be negative (the stated pH needs the
///    opposite of it) the bicarbonate closes the balance instead.
/// 3. **An inferred titrant**: a recipe that states a pH, or holds buffers, free acids or bases (HEPES, GTP,
///    NMDG base…), but names no titrant and has no bicarbonate is titrated with the hydroxide of its main
///    cation (KOH, CsOH, NaOH, NMDG) or with HCl, as such solutions are made; a warning names it and its amount.
///
/// Without a pH the charges are evaluated at pH 7.2 (the catalog's default), or at the gassing pH of a
/// bicarbonate saline. Kw = 10⁻¹⁴ (25 °C, Harned & Owen 1958) is used at every temperature: [OH⁻] enters only
/// the charge balance, at the 10⁻³ mM level below pH 8. Species below 10⁻⁹ mM are left out of the list.
public enum RecipeSolver {
    /// The pH at which the charges are evaluated when the recipe states none and no gas sets it.
    public static let defaultPH = 7.2

    /// How electroneutrality is closed (see the type's documentation).
    enum Closure {
        case titrant(Salt)
        case bicarbonate
        case none
    }

    /// The free species of `recipe` at `temperature`: titrant amount, protonation states, free Ca²⁺ and Mg²⁺, with the
    /// ionic strength iterated to self-consistency. Throws ``MembraneError`` for a titrant without a pH, a pH the
    /// titrant cannot reach, or an iteration that does not converge.
    public static func solve(_ recipe: Recipe, temperature: Temperature) throws -> RecipeResult {
        var warnings: [String] = []
        // Totals, in M.
        var fixed: [(Ion, Double)] = []
        var ligandTotals: [(Ligand, Double)] = []
        func addFixed(_ ion: Ion, _ c: Double) {
            if let i = fixed.firstIndex(where: { $0.0.name == ion.name }) { fixed[i].1 += c } else { fixed.append((ion, c)) }
        }
        func addLigand(_ l: Ligand, _ c: Double) {
            if let i = ligandTotals.firstIndex(where: { $0.0.name == l.name }) { ligandTotals[i].1 += c } else { ligandTotals.append((l, c)) }
        }
        let catalog = IonCatalog.standard
        var unbalancedSalts: [String] = []
        for item in recipe.items {
            for (part, k) in item.salt.parts {
                let c = k * item.millimolar * 1e-3
                switch part {
                case .ion(let name):
                    guard let ion = catalog.ion(named: name) else { continue }
                    addFixed(ion, c)
                case .ligand(let name): addLigand(Ligand.all[name]!, c)
                }
            }
            if let q = item.salt.fixedCharge, q != 0, item.millimolar > 0 { unbalancedSalts.append(item.salt.name) }
        }
        for e in recipe.ionEntries { addFixed(e.ion, e.concentration.molar) }
        if fixed.contains(where: { $0.0.name == "GTP" }) {
            warnings.append("GTP is counted as GTP4- and unbound: no protonation or Mg2+ constants for it are used")
        }
        if ligandTotals.contains(where: { $0.0.name == "BAPTA" }) && abs(temperature.celsius - 20) > 2 {
            warnings.append("BAPTA's constants are published at 20 °C without enthalpies (Tsien 1980): used unchanged at \(temperature.celsius) °C")
        }
        if recipe.titrant != nil && recipe.pH == nil {
            throw MembraneError.invalidValue(field: "pH", value: "", allowed: "a pH with the titrant, e.g. \"pH 7.3 KOH\"")
        }
        let hco3Total = fixed.first { $0.0.name == "HCO3" }?.1 ?? 0
        let gas = recipe.co2 ?? .carbogen
        if recipe.co2 != nil && hco3Total == 0 {
            warnings.append("the CO2 entry has no effect: the recipe holds no bicarbonate")
        }
        let context = Context(fixed: fixed, ligands: ligandTotals, temperature: temperature, text: recipe.text)

        var closure: Closure = recipe.titrant.map { .titrant($0) } ?? (hco3Total > 0 ? .bicarbonate : .none)
        var pH = recipe.pH ?? defaultPH
        var inferred = false
        // Bases weighed in as free bases (NMDG, Tris, spermine) are titrated with acid, not with CO2.
        let freeBases = recipe.items.filter { ($0.salt.fixedCharge ?? 0) > 0 || $0.salt.name == "Tris" }.map(\.salt.name)
        if case .bicarbonate = closure, !freeBases.isEmpty {
            let pH0 = try recipe.pH ?? gasPH(context, gas: gas, hco3: hco3Total)
            let probe = try equilibrate(context, pH: pH0, closure: .none)
            if probe.state.chargeBeforeTitrant > 1e-9 * max(probe.totalCharge, 1e-12) {
                closure = .titrant(SaltCatalog.salt(named: "HCl")!)
                pH = pH0
                inferred = true
            }
        }
        if case .bicarbonate = closure, recipe.pH == nil {
            pH = try gassingPH(context, gas: gas, hco3Total: hco3Total)
        }
        var eq = try equilibrate(context, pH: pH, closure: closure)
        let tolerance = 1e-9 * max(eq.totalCharge, 1e-12)

        if case .titrant(let t) = closure, !inferred, eq.state.titrantMolar < -tolerance {
            guard hco3Total > 0 else {
                let opposite = t.name == "HCl" ? "a base (KOH, NaOH, CsOH)" : "an acid (HCl)"
                throw MembraneError.invalidValue(field: "pH", value: "pH \(pH) \(t.name)",
                    allowed: "a pH reachable by adding \(t.name): this recipe is already \(t.name == "HCl" ? "below" : "above") pH \(pH) before titration (it would need \(IonicComposition.format(-eq.state.titrantMolar * 1e3)) mM of \(opposite))")
            }
            warnings.append("pH \(pH) needs no \(t.name) (it would take \(IonicComposition.format(-eq.state.titrantMolar * 1e3)) mM of the opposite): the bicarbonate closes the charge balance instead (HCO3- ⇌ CO2)")
            closure = .bicarbonate
            eq = try equilibrate(context, pH: pH, closure: closure)
        }
        if case .none = closure, abs(eq.state.chargeBeforeTitrant) > tolerance,
           recipe.pH != nil || !ligandTotals.isEmpty || !unbalancedSalts.isEmpty {
            closure = .titrant(inferredTitrant(fixed: fixed, chargeBeforeTitrant: eq.state.chargeBeforeTitrant))
            inferred = true
            eq = try equilibrate(context, pH: pH, closure: closure)
        }
        if inferred, case .titrant(let t) = closure {
            let why = recipe.pH != nil ? "no titrant named:"
                : hco3Total > 0 ? "no pH or titrant given: titrated to the pH \(IonicComposition.format(pH)) at which the added bicarbonate is in equilibrium with \(IonicComposition.format(gas.fraction * 100)) % CO2, and"
                : "no pH or titrant given: evaluated at pH \(defaultPH) and"
            let reason = t.name == "HCl" ? (freeBases.isEmpty ? "the recipe has excess base" : "\(freeBases.joined(separator: ", ")) weighed in as free base")
                : "the hydroxide of its main cation"
            warnings.append("\(why) balanced with \(IonicComposition.format(eq.state.titrantMolar * 1e3)) mM \(t.name) (\(reason), as such solutions are titrated); write \"pH \(IonicComposition.format(pH)) \(t.name)\" to state it")
        }
        if recipe.pH == nil, !ligandTotals.isEmpty, case .none = closure {
            warnings.append("no pH given: the charges of \(ligandTotals.map(\.0.name).joined(separator: ", ")) are evaluated at pH \(defaultPH); write e.g. \"pH 7.3 KOH\" to titrate")
        }
        let state = eq.state, ionic = eq.ionic
        let dh = DebyeHuckelParameters(temperature: temperature)
        var bicarbonate: BicarbonateEquilibrium? = nil
        if case .bicarbonate = closure {
            let free = hco3Total + state.bicarbonateShift
            guard free > 0 else {
                throw MembraneError.invalidValue(field: "pH", value: recipe.pH.map { "pH \($0)" } ?? "(gassing pH)",
                    allowed: "a recipe whose bicarbonate can take up the protons it releases: it would need \(IonicComposition.format(-free * 1e3)) mM more HCO3-; name a titrant (e.g. \"pH 7.4 NaOH\")")
            }
            let gamma = Double.pow(10, log10Gamma(-1, ionic, dh.a))
            let impliedFraction = CarbonDioxide.fraction(holding: free, pH: pH, gamma: gamma, temperature: temperature,
                                                         pressureAtm: gas.pressureAtm)
            bicarbonate = BicarbonateEquilibrium(added: hco3Total * 1e3, free: free * 1e3, pH: pH,
                                                 co2Fraction: recipe.pH == nil ? gas.fraction : impliedFraction,
                                                 pHFromGas: recipe.pH == nil)
            let shift = free - hco3Total
            let acids = recipe.items.filter { ($0.salt.fixedCharge ?? 0) < 0 }.map(\.salt.name)
            let what = abs(shift) < 1e-6 ? "nothing in it releases or binds protons at this pH"
                : shift < 0
                ? "the \(IonicComposition.format(-shift * 1e3)) mM of protons released (by \(protonSources(ligandTotals, acids))) turn HCO3- into CO2"
                : "\(IonicComposition.format(shift * 1e3)) mM of CO2 are taken up as HCO3- by the bases (\(protonSources(ligandTotals, unbalancedSalts.filter { !acids.contains($0) })))"
            if recipe.pH == nil {
                warnings.append("bicarbonate saline without a titrant: electroneutral by the CO2/HCO3- exchange — \(what); HCO3- \(IonicComposition.format(free * 1e3)) of \(IonicComposition.format(hco3Total * 1e3)) mM; pH \(IonicComposition.format(pH)) from Henderson–Hasselbalch under \(IonicComposition.format(gas.fraction * 100)) % CO2 at \(temperature.celsius) °C (pK1 \(IonicComposition.format(CarbonDioxide.pK1(temperature))), Plummer & Busenberg 1982)")
            } else {
                warnings.append("bicarbonate saline at the stated pH \(pH): electroneutral by the CO2/HCO3- exchange — \(what); HCO3- \(IonicComposition.format(free * 1e3)) of \(IonicComposition.format(hco3Total * 1e3)) mM, in equilibrium with \(IonicComposition.format(impliedFraction * 100)) % CO2 at \(temperature.celsius) °C (carbogen is 5 %)")
            }
        } else if hco3Total > 0, case .titrant(let t) = closure {
            warnings.append("bicarbonate is counted as added (\(IonicComposition.format(hco3Total * 1e3)) mM HCO3-) and \(t.name) sets the pH: under a CO2 atmosphere the HCO3- would equilibrate with the gas at that pH")
        }
        // Buffer ranges.
        if recipe.pH != nil {
            for (l, total) in ligandTotals where total > 0 {
                guard let step = l.bufferStep else { continue }
                let pKa = l.protonation[step - 1].at(temperature, ionicStrength: ionic,
                                                     deltaZ2: deltaZ2Protonation(l.baseCharge, step), a: dh.a)
                // Conditional pKa on the pH (activity) scale: log K_c + log γ_H.
                let pKaActivity = pKa + log10Gamma(1, ionic, dh.a)
                if abs(pH - pKaActivity) > 1 {
                    warnings.append("pH \(pH) is outside \(l.name)'s useful buffering range: pKa \(IonicComposition.format(pKaActivity)) ± 1 at \(temperature.celsius) °C and I = \(IonicComposition.format(ionic)) M")
                }
            }
        }
        // The free-species solution.
        var solution = try Solution()
        for (ion, c) in fixed {
            var value = c
            if ion.name == "Ca" { value = state.freeCa }
            if ion.name == "Mg" { value = state.freeMg }
            if ion.name == "HCO3" { value = c + state.bicarbonateShift }
            try solution.add(ion, .molar(value))
        }
        for (ion, c, _) in state.titrantSpecies where c > 0 {
            if let existing = solution[ion.name] { solution[ion.name] = existing + .molar(c) } else { try solution.add(ion, .molar(c)) }
        }
        // Free H⁺ and OH⁻ (they close the charge balance); listed when a pH is stated, set by the gas or titrated to.
        var closed = true
        if case .none = closure { closed = false }
        if recipe.pH != nil || closed {
            for (name, c) in [("H", state.h), ("OH", state.oh)] {
                let ion = catalog.ion(named: name)!
                if let existing = solution[name] { solution[name] = existing + .molar(c) } else { try solution.add(ion, .molar(c)) }
            }
        }
        for s in state.species where s.molar * 1e3 > 1e-9 {
            if let existing = solution[s.ion.name] { solution[s.ion.name] = existing + .molar(s.molar) } else { try solution.add(s.ion, .molar(s.molar)) }
        }
        var charges: [(String, Double)] = []
        for (l, total) in ligandTotals where total > 0 {
            let q = state.species.filter { $0.ligand == l.name }.reduce(0) { $0 + Double($1.charge) * $1.molar }
            charges.append((l.name, q / total))
        }
        let neutral = fixed.filter { $0.0.charge == 0 && $0.1 > 0 }.map(\.0.name)
        if !neutral.isEmpty {
            warnings.append("neutral solutes count for osmolarity only (no charge, no current): \(neutral.joined(separator: ", "))")
        }
        let composition = IonicComposition(solution, temperature: temperature)
        if let w = composition.imbalanceWarning, case .none = closure { warnings.append(w) }
        var titrant: Salt? = nil
        if case .titrant(let t) = closure { titrant = t }
        return RecipeResult(recipe: recipe, temperature: temperature, pH: recipe.pH ?? bicarbonate?.pH, titrant: titrant,
                            titrantMillimolar: titrant == nil ? nil : state.titrantMolar * 1e3,
                            titrantInferred: inferred,
                            solution: solution, ionicStrengthMolar: solution.ionicStrength,
                            freeCalcium: fixed.contains { $0.0.name == "Ca" } ? .molar(state.freeCa) : nil,
                            freeMagnesium: fixed.contains { $0.0.name == "Mg" } ? .molar(state.freeMg) : nil,
                            ligandCharges: charges, chargeImbalance: composition.chargeImbalance,
                            bicarbonate: bicarbonate, iterations: eq.iterations, warnings: warnings)
    }

    // MARK: - Speciation at fixed pH and ionic strength

    struct Species {
        var ion: Ion
        var charge: Int
        var molar: Double
        var ligand: String
    }

    struct SpeciationState {
        var freeCa = 0.0, freeMg = 0.0, h = 0.0, oh = 0.0
        var species: [Species] = []
        var titrantMolar = 0.0
        var titrantSpecies: [(Ion, Double, Double)] = []
        var chargeBeforeTitrant = 0.0
        /// Change of HCO₃⁻ by the CO₂ exchange (M; negative when protons turned HCO₃⁻ into CO₂).
        var bicarbonateShift = 0.0
        /// Protonated fraction of Tris (for a Tris titrant).
        var trisProtonated = 1.0
    }

    static func log10Gamma(_ z: Int, _ ionic: Double, _ a: Double) -> Double {
        DebyeHuckelFamily.davies(z: z, sqrtI: ionic.squareRoot(), a: a)
    }

    /// Δ(z²) of H⁺ + H_{n−1}L ⇌ H_nL.
    static func deltaZ2Protonation(_ zb: Int, _ n: Int) -> Int {
        1 + (zb + n - 1) * (zb + n - 1) - (zb + n) * (zb + n)
    }

    struct Conditional {
        var beta: [Double]          // β_n, n = 0…N
        var ml: [String: Double]    // K_ML
        var mhl: [String: Double]   // K_MHL·K₁
    }

    static func conditional(_ l: Ligand, _ t: Temperature, _ ionic: Double, _ a: Double) -> Conditional {
        var beta = [1.0]
        for (i, k) in l.protonation.enumerated() {
            beta.append(beta[i] * Double.pow(10, k.at(t, ionicStrength: ionic, deltaZ2: deltaZ2Protonation(l.baseCharge, i + 1), a: a)))
        }
        var ml: [String: Double] = [:], mhl: [String: Double] = [:]
        let zb = l.baseCharge
        for c in l.complexes {
            ml[c.metal] = Double.pow(10, c.ml.at(t, ionicStrength: ionic, deltaZ2: 4 + zb * zb - (zb + 2) * (zb + 2), a: a))
            if let m = c.mhl, beta.count > 1 {
                mhl[c.metal] = Double.pow(10, m.at(t, ionicStrength: ionic, deltaZ2: 4 + (zb + 1) * (zb + 1) - (zb + 3) * (zb + 3), a: a)) * beta[1]
            }
        }
        return Conditional(beta: beta, ml: ml, mhl: mhl)
    }

    static func speciate(ligands: [(Ligand, Double)], caTotal: Double, mgTotal: Double, pH: Double, ionic: Double,
                         temperature: Temperature, a: Double) throws -> SpeciationState {
        var s = SpeciationState()
        let aH = Double.pow(10, -pH)
        s.h = aH / Double.pow(10, log10Gamma(1, ionic, a))
        s.oh = 1e-14 / (aH * Double.pow(10, log10Gamma(-1, ionic, a)))
        let cond = ligands.map { conditional($0.0, temperature, ionic, a) }
        let hPowers = cond.map { c in c.beta.indices.map { Double.pow(s.h, Double($0)) } }
        func denominators(ca: Double, mg: Double) -> [Double] {
            cond.indices.map { i in
                var d = 0.0
                for n in cond[i].beta.indices { d += cond[i].beta[n] * hPowers[i][n] }
                d += (cond[i].ml["Ca"] ?? 0) * ca + (cond[i].mhl["Ca"] ?? 0) * s.h * ca
                d += (cond[i].ml["Mg"] ?? 0) * mg + (cond[i].mhl["Mg"] ?? 0) * s.h * mg
                return d
            }
        }
        func bound(_ metal: String, ca: Double, mg: Double) -> Double {
            let d = denominators(ca: ca, mg: mg)
            var b = 0.0
            for i in cond.indices {
                let free = ligands[i].1 / d[i]
                let m = metal == "Ca" ? ca : mg
                b += free * m * ((cond[i].ml[metal] ?? 0) + (cond[i].mhl[metal] ?? 0) * s.h)
            }
            return b
        }
        let brent = BrentRootFinder(absoluteTolerance: 1e-20, relativeTolerance: 1e-13, maximumIterations: 200)
        func solveMg(ca: Double) throws -> Double {
            guard mgTotal > 0 else { return 0 }
            guard let r = brent.root(in: 0, mgTotal, of: { mg in mg + bound("Mg", ca: ca, mg: mg) - mgTotal }), r.converged else {
                throw MembraneError.noConvergence(method: "free Mg2+ (Brent)", iterations: 200, residual: .nan, detail: "Mg2+ mass balance")
            }
            return r.root
        }
        var ca = 0.0, mg = try solveMg(ca: 0)
        if caTotal > 0 {
            var mgAtRoot = mg
            guard let r = brent.root(in: 0, caTotal, of: { c in
                let m = (try? solveMg(ca: c)) ?? 0
                mgAtRoot = m
                return c + bound("Ca", ca: c, mg: m) - caTotal
            }), r.converged else {
                throw MembraneError.noConvergence(method: "free Ca2+ (Brent)", iterations: 200, residual: .nan, detail: "Ca2+ mass balance")
            }
            ca = r.root
            mg = try solveMg(ca: ca)
            _ = mgAtRoot
        }
        s.freeCa = ca
        s.freeMg = mg
        let d = denominators(ca: ca, mg: mg)
        for (i, (l, total)) in ligands.enumerated() where total > 0 {
            let free = total / d[i]
            let base = IonCatalog.standard.ion(named: l.catalogName)
            func make(_ name: String, _ z: Int) -> Ion {
                if let catalogIon = IonCatalog.standard.ion(named: name), catalogIon.name == name {
                    return catalogIon.charge == z ? catalogIon : catalogIon.withCharge(z)
                }
                return Ion(name: name, charge: z, longName: "\(l.name) species \(name)",
                           transport: base?.diffusionCoefficient.map { .diffusion($0.squareMetresPerSecond) },
                           transportSource: base.map { "D of \($0.name) (\($0.transportSource)), kept for this species" } ?? "",
                           isCustom: true, transportUncertainty: base?.transportUncertainty)
            }
            for n in cond[i].beta.indices {
                let z = l.baseCharge + n
                s.species.append(Species(ion: make(l.speciesNames[n], z), charge: z, molar: free * cond[i].beta[n] * hPowers[i][n], ligand: l.name))
            }
            for metal in ["Ca", "Mg"] {
                let m = metal == "Ca" ? ca : mg
                if let k = cond[i].ml[metal], m > 0 {
                    let z = l.baseCharge + 2
                    s.species.append(Species(ion: make(metal + l.speciesNames[0], z), charge: z, molar: free * k * m, ligand: l.name))
                }
                if let k = cond[i].mhl[metal], m > 0 {
                    let z = l.baseCharge + 3
                    s.species.append(Species(ion: make(metal + l.speciesNames[1], z), charge: z, molar: free * k * s.h * m, ligand: l.name))
                }
            }
            if l.name == "Tris" { s.trisProtonated = cond[i].beta[1] * hPowers[i][1] / d[i] }
        }
        if !ligands.contains(where: { $0.0.name == "Tris" }) {
            let c = conditional(Ligand.tris, temperature, ionic, a)
            s.trisProtonated = c.beta[1] * s.h / (1 + c.beta[1] * s.h)
        }
        return s
    }

    /// Charge added per mol of titrant.
    static func titrantCharge(_ t: Salt, state: SpeciationState) -> Double {
        switch t.name {
        case "HCl": return -1
        case "Tris": return state.trisProtonated
        default: return 1
        }
    }

    /// The species a titrant amount adds: (ion, molar, charge).
    static func titrantParts(_ t: Salt, amount: Double, state: SpeciationState) -> [(Ion, Double, Double)] {
        let catalog = IonCatalog.standard
        switch t.name {
        case "HCl": return [(catalog.ion(named: "Cl")!, amount, -1)]
        case "NMDG": return [(catalog.ion(named: "NMDG")!, amount, 1)]
        case "Tris":
            let tris = catalog.ion(named: "Tris")!
            return [(tris, amount * state.trisProtonated, 1),
                    (Ion(name: "Tris-base", charge: 0, longName: "Tris base", transport: nil, isCustom: true),
                     amount * (1 - state.trisProtonated), 0)]
        case "KOH": return [(catalog.ion(named: "K")!, amount, 1)]
        case "NaOH": return [(catalog.ion(named: "Na")!, amount, 1)]
        default: return [(catalog.ion(named: "Cs")!, amount, 1)]
        }
    }
}

