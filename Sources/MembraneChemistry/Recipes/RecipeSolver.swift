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
/// roots with Brent's method, each monotone in its unknown). The titrant amount x then follows from
/// electroneutrality, Σ zᵢcᵢ + q·x + [H⁺] − [OH⁻] = 0 (q = +1 for KOH, NaOH, CsOH, NMDG, −1 for HCl,
/// the protonated fraction for Tris); every salt enters neutral, so this is the proton balance of the
/// acids and bases added. The constants are corrected to the solution's molar ionic strength and
/// temperature (``LogK``); the ionic strength is iterated to self-consistency.
/// Without a pH the charges are evaluated at pH 7.2 (the catalog's default) and a warning says so.
/// Kw = 10⁻¹⁴ (25 °C, Harned & Owen 1958) is used at every temperature: [OH⁻] enters only the charge
/// balance, at the 10⁻³ mM level below pH 8. Species below 10⁻⁹ mM are left out of the list.
public enum RecipeSolver {
    public static let defaultPH = 7.2

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
        for item in recipe.items {
            for (part, k) in item.salt.parts {
                let c = k * item.millimolar * 1e-3
                switch part {
                case .ion(let name):
                    guard let ion = catalog.ion(named: name) else { continue }
                    addFixed(ion, c)
                case .ligand(let name): addLigand(Ligand.all[name]!, c)
                case .customCation(let name):
                    addFixed(Ion(name: name, charge: 1, longName: name, transport: nil, isCustom: true), c)
                }
            }
        }
        for e in recipe.ionEntries { addFixed(e.ion, e.concentration.molar) }
        if fixed.contains(where: { $0.0.name == "GTP" }) {
            warnings.append("GTP is counted as GTP4- and unbound: no protonation or Mg2+ constants for it are used")
        }
        if fixed.contains(where: { $0.0.name == "HCO3" }) && recipe.pH != nil {
            warnings.append("bicarbonate is counted as HCO3-: its pH is set by the CO2 the solution is gassed with, not by the titrant")
        }
        if ligandTotals.contains(where: { $0.0.name == "BAPTA" }) && abs(temperature.celsius - 20) > 2 {
            warnings.append("BAPTA's constants are published at 20 °C without enthalpies (Tsien 1980): used unchanged at \(temperature.celsius) °C")
        }
        let pH = recipe.pH ?? defaultPH
        if recipe.pH == nil && !ligandTotals.isEmpty {
            warnings.append("no pH given: the charges of \(ligandTotals.map(\.0.name).joined(separator: ", ")) are evaluated at pH \(defaultPH); write e.g. \"pH 7.3 KOH\" to titrate")
        }
        if recipe.titrant != nil && recipe.pH == nil {
            throw MembraneError.invalidValue(field: "pH", value: "", allowed: "a pH with the titrant, e.g. \"pH 7.3 KOH\"")
        }
        let dh = DebyeHuckelParameters(temperature: temperature)
        let caTotal = fixed.first { $0.0.name == "Ca" }?.1 ?? 0
        let mgTotal = fixed.first { $0.0.name == "Mg" }?.1 ?? 0
        // Ionic strength iteration.
        var ionic = 0.5 * fixed.reduce(0) { $0 + Double($1.0.charge * $1.0.charge) * $1.1 }
        var state = SpeciationState()
        var converged = false
        var iterations = 0
        for iteration in 1...100 {
            iterations = iteration
            state = try speciate(ligands: ligandTotals, caTotal: caTotal, mgTotal: mgTotal, pH: pH, ionic: ionic,
                                 temperature: temperature, a: dh.a)
            // Charge without the titrant.
            var sum = 0.0
            for (ion, c) in fixed where ion.name != "Ca" && ion.name != "Mg" { sum += Double(ion.charge) * c }
            sum += 2 * (state.freeCa + state.freeMg)
            for s in state.species { sum += Double(s.charge) * s.molar }
            sum += state.h - state.oh
            var titrantMolar = 0.0, titrantSpecies: [(Ion, Double, Double)] = []
            if let t = recipe.titrant {
                let q = try titrantCharge(t, state: state)
                titrantMolar = -sum / q
                titrantSpecies = titrantParts(t, amount: titrantMolar, state: state)
            }
            state.titrantMolar = titrantMolar
            state.titrantSpecies = titrantSpecies
            state.chargeBeforeTitrant = sum
            var newI = 0.0
            for (ion, c) in fixed where ion.name != "Ca" && ion.name != "Mg" { newI += Double(ion.charge * ion.charge) * c }
            newI += 4 * (state.freeCa + state.freeMg)
            for s in state.species { newI += Double(s.charge * s.charge) * s.molar }
            for (ion, c, _) in titrantSpecies { newI += Double(ion.charge * ion.charge) * max(c, 0) }
            newI = 0.5 * (newI + state.h + state.oh)
            if abs(newI - ionic) <= 1e-12 + 1e-10 * newI { ionic = newI; converged = true; break }
            ionic = newI
        }
        guard converged else {
            throw MembraneError.noConvergence(method: "recipe ionic-strength iteration", iterations: iterations,
                                              residual: 0, detail: "the ionic strength of \(recipe.text) did not settle")
        }
        if let t = recipe.titrant, state.titrantMolar < -1e-9 {
            let opposite = t.name == "HCl" ? "a base (KOH, NaOH, CsOH)" : "an acid (HCl)"
            throw MembraneError.invalidValue(field: "pH", value: "pH \(pH) \(t.name)",
                allowed: "a pH reachable by adding \(t.name): this recipe is already \(t.name == "HCl" ? "below" : "above") pH \(pH) before titration (it would need \(IonicComposition.format(-state.titrantMolar * 1e3)) mM of \(opposite))")
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
            try solution.add(ion, .molar(value))
        }
        for (ion, c, _) in state.titrantSpecies where c > 0 {
            if let existing = solution[ion.name] { solution[ion.name] = existing + .molar(c) } else { try solution.add(ion, .molar(c)) }
        }
        // Free H⁺ and OH⁻ (they close the charge balance); listed when a pH is stated.
        if recipe.pH != nil {
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
        let composition = IonicComposition(solution, temperature: temperature)
        if let w = composition.imbalanceWarning, recipe.titrant == nil { warnings.append(w) }
        return RecipeResult(recipe: recipe, temperature: temperature, pH: recipe.pH, titrant: recipe.titrant,
                            titrantMillimolar: recipe.titrant == nil ? nil : state.titrantMolar * 1e3,
                            solution: solution, ionicStrengthMolar: solution.ionicStrength,
                            freeCalcium: caTotal > 0 ? .molar(state.freeCa) : nil,
                            freeMagnesium: mgTotal > 0 ? .molar(state.freeMg) : nil,
                            ligandCharges: charges, chargeImbalance: composition.chargeImbalance,
                            iterations: iterations, warnings: warnings)
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
                           isCustom: true)
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
    static func titrantCharge(_ t: Salt, state: SpeciationState) throws -> Double {
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

/// The outcome of ``RecipeSolver/solve(_:temperature:)``.
public struct RecipeResult: Sendable {
    public var recipe: Recipe
    public var temperature: Temperature
    public var pH: Double?
    public var titrant: Salt?
    /// Titrant added to reach the pH, mM.
    public var titrantMillimolar: Double?
    /// The free species (free Ca²⁺, Mg²⁺; every protonation state and complex of the ligands).
    public var solution: Solution
    /// Molar ionic strength of the free species, mol/L.
    public var ionicStrengthMolar: Double
    public var freeCalcium: Concentration?
    public var freeMagnesium: Concentration?
    /// Mean charge of each ligand at the pH (e.g. HEPES −0.39, ATP −2.1).
    public var ligandCharges: [(String, Double)]
    /// Σ z c of the free species, mM (zero within round-off after titration; reported otherwise).
    public var chargeImbalance: Double
    public var iterations: Int
    public var warnings: [String]
}
