import MembraneUnits
import MembraneNumerics
import RealModule

/// How ``RecipeSolver`` closes the charge balance: the speciation at a pH with the ionic strength iterated,
/// the gassing pH of a bicarbonate saline, and the titrant a recipe without one was made with.
extension RecipeSolver {
    /// The fixed totals of a recipe, for ``equilibrate(_:pH:closure:)``.
    struct Context {
        var fixed: [(Ion, Double)]
        var ligands: [(Ligand, Double)]
        var temperature: Temperature
        var text: String
        var caTotal: Double { fixed.first { $0.0.name == "Ca" }?.1 ?? 0 }
        var mgTotal: Double { fixed.first { $0.0.name == "Mg" }?.1 ?? 0 }
    }

    struct Equilibrium {
        var state: SpeciationState
        var ionic: Double
        var iterations: Int
        /// Σ|z|·c of the free species, M (the scale of round-off in the charge balance).
        var totalCharge: Double
    }

    /// Speciation at `pH` with the ionic strength iterated to self-consistency, the balance closed by `closure`.
    static func equilibrate(_ c: Context, pH: Double, closure: Closure) throws -> Equilibrium {
        let dh = DebyeHuckelParameters(temperature: c.temperature)
        var ionic = 0.5 * c.fixed.reduce(0) { $0 + Double($1.0.charge * $1.0.charge) * $1.1 }
        var state = SpeciationState()
        for iteration in 1...100 {
            state = try speciate(ligands: c.ligands, caTotal: c.caTotal, mgTotal: c.mgTotal, pH: pH, ionic: ionic,
                                 temperature: c.temperature, a: dh.a)
            // Charge without the titrant, HCO3- as added.
            var sum = 0.0
            for (ion, x) in c.fixed where ion.name != "Ca" && ion.name != "Mg" { sum += Double(ion.charge) * x }
            sum += 2 * (state.freeCa + state.freeMg)
            for s in state.species { sum += Double(s.charge) * s.molar }
            sum += state.h - state.oh
            state.chargeBeforeTitrant = sum
            switch closure {
            case .titrant(let t):
                let q = titrantCharge(t, state: state)
                state.titrantMolar = -sum / q
                state.titrantSpecies = titrantParts(t, amount: state.titrantMolar, state: state)
            case .bicarbonate:
                state.bicarbonateShift = sum
            case .none:
                break
            }
            var newI = 0.0, total = 0.0
            for (ion, x) in c.fixed where ion.name != "Ca" && ion.name != "Mg" {
                let value = ion.name == "HCO3" ? max(x + state.bicarbonateShift, 0) : x
                newI += Double(ion.charge * ion.charge) * value
                total += Double(abs(ion.charge)) * value
            }
            newI += 4 * (state.freeCa + state.freeMg)
            total += 2 * (state.freeCa + state.freeMg)
            for s in state.species {
                newI += Double(s.charge * s.charge) * s.molar
                total += Double(abs(s.charge)) * s.molar
            }
            for (ion, x, _) in state.titrantSpecies {
                newI += Double(ion.charge * ion.charge) * max(x, 0)
                total += Double(abs(ion.charge)) * max(x, 0)
            }
            newI = 0.5 * (newI + state.h + state.oh)
            if abs(newI - ionic) <= 1e-12 + 1e-10 * newI {
                return Equilibrium(state: state, ionic: newI, iterations: iteration, totalCharge: total)
            }
            ionic = newI
        }
        throw MembraneError.noConvergence(method: "recipe ionic-strength iteration", iterations: 100,
                                          residual: 0, detail: "the ionic strength of \(c.text) did not settle")
    }

    /// The pH of a bicarbonate saline without a titrant under `gas`: the root of
    /// g(pH) = log₁₀[HCO₃⁻]_free(pH) − log₁₀[HCO₃⁻]_gas(pH), strictly decreasing in pH (more protons released,
    /// less bicarbonate left; more bicarbonate held by the gas), bracketed in pH 3–11.
    static func gassingPH(_ c: Context, gas: CarbonDioxide, hco3Total: Double) throws -> Double {
        let dh = DebyeHuckelParameters(temperature: c.temperature)
        var failure: Error? = nil
        func g(_ pH: Double) -> Double {
            do {
                let eq = try equilibrate(c, pH: pH, closure: .bicarbonate)
                let free = hco3Total + eq.state.bicarbonateShift
                guard free > 0 else { return -1e3 }
                let gamma = Double.pow(10, log10Gamma(-1, eq.ionic, dh.a))
                return Double.log10(free) - Double.log10(gas.bicarbonate(pH: pH, gamma: gamma, temperature: c.temperature))
            } catch {
                failure = error
                return .nan
            }
        }
        let brent = BrentRootFinder(absoluteTolerance: 1e-10, relativeTolerance: 1e-12, maximumIterations: 200)
        guard gas.fraction > 0, let r = brent.root(in: 3, 11, of: g), r.converged else {
            if let failure { throw failure }
            throw MembraneError.undefined(field: "CO2",
                reason: "no pH between 3 and 11 puts the \(IonicComposition.format(hco3Total * 1e3)) mM of bicarbonate of \(c.text) in equilibrium with \(IonicComposition.format(gas.fraction * 100)) % CO2; state the pH")
        }
        return r.root
    }

    /// The pH at which `hco3` (M, as added) is in equilibrium with `gas`, by fixed-point iteration of
    /// pH = pK₁ + log₁₀(γ·[HCO₃⁻]/[CO₂]) with γ at the recipe's ionic strength at that pH (γ varies slowly).
    static func gasPH(_ c: Context, gas: CarbonDioxide, hco3: Double) throws -> Double {
        let dh = DebyeHuckelParameters(temperature: c.temperature)
        var pH = defaultPH
        for _ in 0..<20 {
            let ionic = try equilibrate(c, pH: pH, closure: .none).ionic
            let gamma = Double.pow(10, log10Gamma(-1, ionic, dh.a))
            let next = CarbonDioxide.pK1(c.temperature) + Double.log10(gamma * hco3 / gas.dissolved(c.temperature))
            if abs(next - pH) < 1e-10 { return next }
            pH = next
        }
        return pH
    }

    /// The titrant a recipe without one was made with: HCl for excess base, else the hydroxide of its main
    /// cation among K⁺, Cs⁺, Na⁺ and NMDG⁺ (KOH when none is present).
    static func inferredTitrant(fixed: [(Ion, Double)], chargeBeforeTitrant: Double) -> Salt {
        if chargeBeforeTitrant > 0 { return SaltCatalog.salt(named: "HCl")! }
        let candidates: [(String, String)] = [("K", "KOH"), ("Cs", "CsOH"), ("Na", "NaOH"), ("NMDG", "NMDG")]
        var best = ("KOH", 0.0)
        for (ion, titrant) in candidates {
            let c = fixed.first { $0.0.name == ion }?.1 ?? 0
            if c > best.1 { best = (titrant, c) }
        }
        return SaltCatalog.salt(named: best.0)!
    }

    /// The species that release (or bind) the protons a bicarbonate saline exchanges, for its warning.
    static func protonSources(_ ligands: [(Ligand, Double)], _ salts: [String]) -> String {
        let names = ligands.map(\.0.name) + salts
        return names.isEmpty ? "the recipe's acids and bases" : names.joined(separator: ", ")
    }

}
