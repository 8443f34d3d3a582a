import MembraneUnits
import MembraneChemistry
import MembraneNumerics
import RealModule

/// A solute that cannot cross the membrane: a name, a (mean) valence that may be non-integer (a mix of
/// proteins and metabolites carries, say, −1.2 charges per molecule on average), and its concentration
/// (inside: at the reference volume, so that amount = concentration × reference volume).
public struct ImpermeantSolute: Sendable, Hashable {
    /// Its name in results (`X` by default).
    public var name: String
    /// Mean valence z_X per molecule (may be non-integer).
    public var charge: Double
    /// Concentration (inside: at the reference volume).
    public var concentration: Concentration

    /// An impermeant solute of valence `charge` at `concentration`.
    public init(name: String = "X", charge: Double, concentration: Concentration) {
        self.name = name
        self.charge = charge
        self.concentration = concentration
    }
}

/// How the compartment holding the impermeants responds to water.
public enum DonnanCompartment: Sendable, Hashable {
    /// Fixed volume (a rigid box, or a cell whose volume is held): concentrations are as given, and the
    /// osmotic imbalance is reported as a pressure.
    case rigid
    /// Volume follows osmotic balance (water crosses freely, no wall): Osm_in = Osm_out.
    case osmotic
    /// A cell wall: free osmotic volume up to `maximumRelativeVolume` (relative to the reference
    /// volume); beyond it the wall resists with turgor P = ε·(V/V_wall − 1) (`elasticModulus` ε in Pa,
    /// the volumetric elastic modulus of plant physiology, typically 1–50 MPa: Steudle, Zimmermann &
    /// Lüttge 1977, Plant Physiol. 59:285), or rigidly when ε is nil. Osmotic balance then reads
    /// R·T·(Osm_in − Osm_out) = P (turgor).
    case walled(maximumRelativeVolume: Double, elasticModulus: Double?)
}

/// One permeant ion and its concentration in the bath.
public struct DonnanPermeant: Sendable, Hashable {
    /// The ion, with its valence.
    public var ion: Ion
    /// Its concentration in the bath, which the equilibrium leaves unchanged (an infinite bath).
    public var outside: Concentration
    /// A permeant ion at `outside` in the bath.
    public init(ion: Ion, outside: Concentration) {
        self.ion = ion
        self.outside = outside
    }
}

/// A Gibbs–Donnan problem: permeant ions that equilibrate across the membrane, impermeant solutes on
/// either side, and how the inside compartment responds to water.
public struct DonnanProblem: Sendable {
    /// Ions that cross the membrane and reach electrochemical equilibrium (c_in/c_out = r^z).
    public var permeants: [DonnanPermeant]
    /// Impermeant solutes inside (concentrations at the reference volume).
    public var insideImpermeants: [ImpermeantSolute]
    /// Solutes of the bath that cannot cross (bath ions not listed as permeant, or explicit impermeants).
    public var outsideImpermeants: [ImpermeantSolute]
    /// How the inside responds to water: rigid, osmotic or walled.
    public var compartment: DonnanCompartment
    /// Temperature and constants.
    public var conditions: Conditions

    /// A Gibbs–Donnan problem from its parts; ``Donnan/solve(_:activityModel:)`` solves it.
    public init(permeants: [DonnanPermeant], insideImpermeants: [ImpermeantSolute],
                outsideImpermeants: [ImpermeantSolute] = [], compartment: DonnanCompartment = .rigid,
                conditions: Conditions = Conditions()) {
        self.permeants = permeants
        self.insideImpermeants = insideImpermeants
        self.outsideImpermeants = outsideImpermeants
        self.compartment = compartment
        self.conditions = conditions
    }

    /// A problem from a bath solution: the ions named in `permeant` cross, every other bath species is
    /// an outside impermeant (plus `extraOutside`).
    public init(outside: Solution, permeant names: [String], insideImpermeants: [ImpermeantSolute],
                extraOutside: [ImpermeantSolute] = [], compartment: DonnanCompartment = .rigid,
                conditions: Conditions = Conditions(), catalog: IonCatalog = .standard) throws {
        guard !names.isEmpty else {
            throw MembraneError.invalidValue(field: "permeant", value: "", allowed: "at least one permeant ion, e.g. K,Cl")
        }
        var permeants: [DonnanPermeant] = []
        for name in names {
            let ion = try catalog.lookup(name, field: "permeant")
            guard let c = outside.components.first(where: { $0.ion.name == ion.name })?.concentration else {
                throw MembraneError.invalidValue(field: "permeant", value: name,
                                                 allowed: "an ion present in `outside` (write \(ion.name)=0 if it is absent there)")
            }
            guard !permeants.contains(where: { $0.ion.name == ion.name }) else {
                throw MembraneError.invalidValue(field: "permeant", value: name, allowed: "each ion once")
            }
            permeants.append(DonnanPermeant(ion: ion, outside: c))
        }
        let others = outside.components.filter { c in !permeants.contains { $0.ion.name == c.ion.name } }
            .map { ImpermeantSolute(name: $0.ion.name, charge: Double($0.ion.charge), concentration: $0.concentration) }
        self.init(permeants: permeants, insideImpermeants: insideImpermeants, outsideImpermeants: others + extraOutside,
                  compartment: compartment, conditions: conditions)
    }
}

/// The Gibbs–Donnan equilibrium.
///
/// Every permeant ion j is at its Nernst potential, so with r = e^{−FV/RT} (the Donnan ratio)
///
///     c_j,in = c_j,out · r^{z_j}          (K_in/K_out = Cl_out/Cl_in = r for monovalent ions)
///
/// and the inside is electroneutral, Σ z_j c_j,in + Σ z_k X_k = 0 (Donnan 1911, Z. Elektrochem.
/// 17:572; Keener & Sneyd, *Mathematical Physiology*, 2nd ed. 2009, §2.6.3). The left side increases strictly with ln r, so there is at most one
/// root, found by Brent's method on ln r. With an osmotic compartment the impermeant concentration X
/// is unknown too and osmotic balance Σ c_in + X = Osm_out closes the system; a finite-volume
/// equilibrium exists only if the bath itself holds impermeant solute (or a wall resists): otherwise
/// every permeant-only inside solution is already as concentrated as the bath, and any impermeant
/// makes the inside hyperosmotic at every volume: the cell swells without bound (Kay 2017, Front.
/// Cell Dev. Biol. 5:41). That case throws ``MembraneError/undefined(field:reason:)``.
public enum Donnan {
    /// Solves `problem` for ideal solutions (activities = concentrations).
    public static func solve(_ problem: DonnanProblem) throws -> DonnanEquilibrium {
        try validate(problem)
        return try solve(problem, effectiveOutside: problem.permeants.map { $0.outside.millimolar })
    }

    /// Solves `problem` with activities: the equilibrium condition is a_in = a_out·r^z, so each permeant's
    /// inside concentration is c_out·(γ_out/γ_in)·r^z. γ_out follows from the bath, γ_in from the inside
    /// composition, which depends on the solution: a fixed-point iteration (γ changes slowly with
    /// composition, so it converges in a few steps) to 1e-12. The impermeant solutes count for the ionic
    /// strength with their (mean) charge, entered as a pseudo-ion of unit charge at z²·c (same ½Σz²c; the
    /// Debye–Hückel-family models depend on I only, and Pitzer has no parameters for them).
    ///
    /// Water balances the osmotic coefficients too: each side's effective osmolarity is φ·Σc = Σc − D, with the
    /// osmotic deficit D = Σc·(1 − φ) of its ionic solution from the same model (Gibbs–Duhem for the Debye–Hückel
    /// family, Pitzer's φ; Robinson & Stokes 1959, ch. 2). D depends on the ions through I (and Pitzer's
    /// parameterized pairs), not on the particle count, so the impermeants' pseudo-ions give it exactly; neutral
    /// solutes count ideally. An osmotic or walled compartment balances Σc_in + X − D_in = Osm_out − D_out (D_in
    /// iterated with γ_in), and the reported pressure is R·T·(φ_in·Osm_in − φ_out·Osm_out).
    public static func solve(_ problem: DonnanProblem, activityModel: ActivityModel) throws -> DonnanEquilibrium {
        guard activityModel != .ideal else { return try solve(problem) }
        try validate(problem)
        let calc = ActivityCalculator(model: activityModel, temperature: problem.conditions.temperature)
        func pseudo(_ xs: [ImpermeantSolute]) -> [(Ion, Double)] {
            xs.filter { $0.charge != 0 }.map { x in
                (Ion(name: "impermeant-\(x.name)", charge: x.charge > 0 ? 1 : -1, transport: nil, isCustom: true),
                 x.charge * x.charge * x.concentration.millimolar)
            }
        }
        let permeantIons = problem.permeants.map(\.ion)
        let outsideExtra = pseudo(problem.outsideImpermeants)
        let lgOut = calc.logGammaFunction(for: permeantIons + outsideExtra.map(\.0))(
            problem.permeants.map { $0.outside.millimolar } + outsideExtra.map(\.1))
        let gammaOut = lgOut.prefix(permeantIons.count).map { Double.exp($0) }
        let rho = WaterProperties.density(problem.conditions.temperature)  // kg/m³: m = c/ρ
        /// The osmotic deficit Σc·(1 − φ) (mM) of a composition under the model.
        func deficit(_ ions: [Ion], _ c: [Double]) throws -> Double {
            let phi = try calc.coefficients(ions: ions, molalities: c.map { $0 / rho }).osmoticCoefficient ?? 1
            return c.reduce(0, +) * (1 - phi)
        }
        let deficitOut = try deficit(permeantIons + outsideExtra.map(\.0),
                                     problem.permeants.map { $0.outside.millimolar } + outsideExtra.map(\.1))
        var gammaIn = gammaOut
        var deficitIn = deficitOut
        let balancesWater = problem.compartment != .rigid
        var equilibrium = try solve(problem, effectiveOutside: problem.permeants.map { $0.outside.millimolar },
                                    osmoticOffset: 0)
        for _ in 0..<100 {
            let insideExtra = pseudo(equilibrium.insideImpermeants)
            let ions = permeantIons + insideExtra.map(\.0)
            let c = equilibrium.inside.map(\.millimolar) + insideExtra.map(\.1)
            let lgIn = calc.logGammaFunction(for: ions)(c)
            let next = lgIn.prefix(permeantIons.count).map { Double.exp($0) }
            let nextDeficit = try deficit(ions, c)
            let change = max(zip(next, gammaIn).reduce(0.0) { max($0, abs($1.0 / $1.1 - 1)) },
                             balancesWater ? abs(nextDeficit - deficitIn) / equilibrium.osmolarityOutside : 0)
            gammaIn = next
            deficitIn = nextDeficit
            let effective = problem.permeants.indices.map { problem.permeants[$0].outside.millimolar * gammaOut[$0] / gammaIn[$0] }
            equilibrium = try solve(problem, effectiveOutside: effective,
                                    osmoticOffset: balancesWater ? deficitIn - deficitOut : 0)
            if change < 1e-12 { break }
        }
        // The deficits of the final composition (for the rigid case they were not part of the balance).
        let insideExtra = pseudo(equilibrium.insideImpermeants)
        deficitIn = try deficit(permeantIons + insideExtra.map(\.0),
                                equilibrium.inside.map(\.millimolar) + insideExtra.map(\.1))
        equilibrium.activityModel = activityModel.rawValue
        equilibrium.gammaInside = gammaIn
        equilibrium.gammaOutside = gammaOut
        equilibrium.osmoticDeficitInside = deficitIn
        equilibrium.osmoticDeficitOutside = deficitOut
        equilibrium.osmoticPressureDifference = VantHoff.pressure(
            osmolarityDifference: equilibrium.effectiveOsmolarityInside - equilibrium.effectiveOsmolarityOutside,
            conditions: problem.conditions)
        if case .walled(_, nil) = problem.compartment, equilibrium.turgor != nil {
            // A rigid wall bears the whole (φ-corrected) excess.
            equilibrium.turgor = max(0, equilibrium.osmoticPressureDifference)
        }
        return equilibrium
    }

    /// The solve proper, with each permeant's inside concentration c_in = co·r^z (co: the outside
    /// concentration, or its activity-corrected equivalent) and osmotic balance Σc_in + X = Osm_out + offset
    /// (offset = D_in − D_out, the difference of the osmotic deficits; 0 for ideal solutions).
    static func solve(_ problem: DonnanProblem, effectiveOutside co: [Double], osmoticOffset offset: Double = 0) throws -> DonnanEquilibrium {
        let p = problem
        let zs = p.permeants.map { Double($0.ion.charge) }
        let xRef = p.insideImpermeants.reduce(0) { $0 + $1.concentration.millimolar }
        let chargeRef = p.insideImpermeants.reduce(0) { $0 + $1.charge * $1.concentration.millimolar }
        let osmOut = p.permeants.reduce(0) { $0 + $1.outside.millimolar }
            + p.outsideImpermeants.reduce(0) { $0 + $1.concentration.millimolar }

        func permeantOsmolarity(_ u: Double) -> Double {
            var s = 0.0
            for j in zs.indices { s += co[j] * Double.exp(zs[j] * u) }
            return s
        }

        switch p.compartment {
        case .rigid:
            let u = try logRatio(chargeDensity: chargeRef, zs: zs, co: co, problem: p)
            return result(p, co: co, u: u, relativeVolume: 1, osmOut: osmOut, turgor: nil, note: nil)
        case .osmotic, .walled:
            guard xRef > 0 else {
                throw MembraneError.undefined(field: "inside-impermeant",
                    reason: "no impermeant solute inside: with the volume free to follow water, a compartment holding only permeant ions has no equilibrium volume (it shrinks to nothing or takes any volume); give `inside-impermeant` or use `compartment` rigid")
            }
            let zMean = chargeRef / xRef
            // h(X) = S(u(X)) + X − Osm_out at impermeant concentration X (osmotic balance residual).
            var failure: MembraneError?
            func h(_ x: Double, turgorOsm: Double = 0) -> Double {
                do {
                    let u = try logRatio(chargeDensity: zMean * x, zs: zs, co: co, problem: p)
                    return permeantOsmolarity(u) + x - osmOut - offset - turgorOsm
                } catch let e as MembraneError { failure = e; return .nan } catch { return .nan }
            }
            let h0 = h(0)
            if let failure { throw failure }
            let brent = BrentRootFinder(absoluteTolerance: 1e-13, relativeTolerance: 4 * .ulpOfOne)
            // Free osmotic solution, if any.
            var free: Double? = nil
            if h0 < -1e-12 * osmOut {
                if let r = brent.root(in: 0, osmOut + max(0, offset), of: { h($0) }), r.converged { free = r.root }
                if let failure { throw failure }
            }
            if case .walled(let vMax, let modulus) = p.compartment {
                let xWall = xRef / vMax
                if let xf = free, xRef / xf <= vMax {
                    let u = try logRatio(chargeDensity: zMean * xf, zs: zs, co: co, problem: p)
                    return result(p, co: co, u: u, relativeVolume: xRef / xf, osmOut: osmOut, turgor: 0,
                                  note: "the wall is slack: the osmotic volume is below the wall's volume")
                }
                if let eps = modulus {
                    let rt = p.conditions.rt
                    func hw(_ x: Double) -> Double {
                        let v = xRef / x
                        let turgor = eps * max(0, v / vMax - 1)
                        return h(x, turgorOsm: turgor / rt)
                    }
                    var lo = xWall
                    var guardCount = 0
                    while hw(lo) > 0 && guardCount < 200 { lo *= 0.5; guardCount += 1 }
                    let hi = max(xWall, osmOut + max(0, offset)) * 1.0000001
                    guard let r = brent.root(in: lo, hi, of: hw), r.converged else {
                        throw MembraneError.noConvergence(method: "Brent (Donnan with elastic wall)", iterations: brent.maximumIterations,
                                                          residual: .nan, detail: "no volume balances osmotic pressure and turgor")
                    }
                    let v = xRef / r.root
                    let u = try logRatio(chargeDensity: zMean * r.root, zs: zs, co: co, problem: p)
                    return result(p, co: co, u: u, relativeVolume: v, osmOut: osmOut, turgor: eps * max(0, v / vMax - 1),
                                  note: "the wall is stretched beyond its relaxed volume; turgor balances the osmotic excess")
                }
                let u = try logRatio(chargeDensity: zMean * xWall, zs: zs, co: co, problem: p)
                let eq = result(p, co: co, u: u, relativeVolume: vMax, osmOut: osmOut, turgor: nil,
                                note: "the rigid wall holds the volume; turgor balances the osmotic excess")
                var withTurgor = eq
                withTurgor.turgor = max(0, eq.osmoticPressureDifference)
                return withTurgor
            }
            guard let xf = free else {
                let ideal = Format.number(h0 + osmOut)
                throw MembraneError.undefined(field: "inside-impermeant",
                    reason: "no finite-volume Gibbs–Donnan equilibrium exists: with the permeant ions alone the inside would already reach \(ideal) mOsm/L against \(Format.number(osmOut)) outside, so any impermeant solute makes it hyperosmotic at every volume and the cell swells without bound (Kay 2017). An equilibrium needs impermeant solute in the bath (`outside-impermeant`), a cell wall (`wall-relative-volume`), or a rigid compartment (`compartment` rigid); a living cell avoids this with the Na/K pump (membrane steady-state)")
            }
            let u = try logRatio(chargeDensity: zMean * xf, zs: zs, co: co, problem: p)
            return result(p, co: co, u: u, relativeVolume: xRef / xf, osmOut: osmOut, turgor: nil, note: nil)
        }
    }

    /// ln r solving Σ z_j c_j e^{z_j u} + ρ = 0 (ρ = impermeant charge density, mM).
    static func logRatio(chargeDensity rho: Double, zs: [Double], co: [Double], problem: DonnanProblem) throws -> Double {
        func f(_ u: Double) -> Double {
            var s = rho
            for j in zs.indices where co[j] > 0 { s += zs[j] * co[j] * Double.exp(zs[j] * u) }
            return s
        }
        let hasCation = zs.indices.contains { zs[$0] > 0 && co[$0] > 0 }
        let hasAnion = zs.indices.contains { zs[$0] < 0 && co[$0] > 0 }
        if !hasCation && !hasAnion {
            guard rho == 0 else {
                throw MembraneError.undefined(field: "permeant",
                    reason: "no Donnan equilibrium: no permeant ion is present in the bath to balance the impermeant charge")
            }
            return 0
        }
        if !hasCation && rho <= 0 || !hasAnion && rho >= 0 {
            let missing = hasCation ? "anion" : "cation"
            let why = rho == 0 ? "the permeant ions are all of one sign, so electroneutrality would drive them all out"
                : "the impermeant charge (\(Format.number(rho)) mM) needs a permeant \(missing) to balance it"
            throw MembraneError.undefined(field: "permeant",
                reason: "no Donnan equilibrium: \(why); make a \(missing) permeant (e.g. `permeant` K,Cl)")
        }
        let zMax = zs.map(abs).max() ?? 1
        let limit = 700 / max(zMax, 1)
        guard let (a, b) = BracketExpander(lowerLimit: -limit, upperLimit: limit).bracket(around: -1, 1, of: f),
              let r = BrentRootFinder().root(in: a, b, of: f), r.converged else {
            throw MembraneError.noConvergence(method: "Brent (Donnan ratio)", iterations: 200, residual: f(0),
                                              detail: "the electroneutrality condition has no root with |ln r| < \(Int(limit)): the impermeant charge cannot be balanced by these bath concentrations")
        }
        return r.root
    }

    static func validate(_ p: DonnanProblem) throws {
        guard !p.permeants.isEmpty else {
            throw MembraneError.invalidValue(field: "permeant", value: "", allowed: "at least one permeant ion, e.g. K,Cl")
        }
        for q in p.permeants {
            try MembraneError.requireNonNegative(q.outside.millimolar, field: "outside.\(q.ion.name)",
                                                 allowed: "a concentration ≥ 0 mM")
            guard q.ion.charge != 0 else {
                throw MembraneError.invalidValue(field: "permeant", value: q.ion.name,
                                                 allowed: "charged ions only: a permeant neutral solute equilibrates at equal concentrations and takes no part in the Donnan balance")
            }
        }
        for (side, list) in [("inside-impermeant", p.insideImpermeants), ("outside-impermeant", p.outsideImpermeants)] {
            for x in list {
                try MembraneError.requireFinite(x.charge, field: "\(side).charge", allowed: "a finite (mean) valence, e.g. -1.2")
                try MembraneError.requireNonNegative(x.concentration.millimolar, field: "\(side).concentration",
                                                     allowed: "a concentration ≥ 0 mM")
            }
        }
        let bathCharge = p.permeants.reduce(0) { $0 + Double($1.ion.charge) * $1.outside.millimolar }
            + p.outsideImpermeants.reduce(0) { $0 + $1.charge * $1.concentration.millimolar }
        let bathScale = p.permeants.reduce(0) { $0 + abs(Double($1.ion.charge)) * $1.outside.millimolar }
            + p.outsideImpermeants.reduce(0) { $0 + abs($1.charge) * $1.concentration.millimolar }
        if abs(bathCharge) > 1e-9 * max(bathScale, 1) {
            throw MembraneError.invalidValue(field: "outside", value: "net charge \(Format.number(bathCharge)) mM",
                allowed: "an electroneutral bath (Σ z·c = 0); add the missing counter-ion (e.g. HCO3 or gluconate) or an `outside-impermeant`")
        }
        if case .walled(let v, let e) = p.compartment {
            try MembraneError.requirePositive(v, field: "wall-relative-volume", allowed: "a volume > 0 relative to the reference volume")
            if let e { try MembraneError.requirePositive(e, field: "wall-modulus", allowed: "an elastic modulus > 0 (MPa)") }
        }
    }

    static func result(_ p: DonnanProblem, co: [Double], u: Double, relativeVolume v: Double, osmOut: Double,
                       turgor: Double?, note: String?) -> DonnanEquilibrium {
        let vt = p.conditions.thermalVoltage
        let inside = p.permeants.indices.map { Concentration.millimolar(co[$0] * Double.exp(Double(p.permeants[$0].ion.charge) * u)) }
        let impermeants = p.insideImpermeants.map {
            ImpermeantSolute(name: $0.name, charge: $0.charge, concentration: .millimolar($0.concentration.millimolar / v))
        }
        let osmIn = inside.reduce(0) { $0 + $1.millimolar } + impermeants.reduce(0) { $0 + $1.concentration.millimolar }
        let charge = zip(p.permeants, inside).reduce(0) { $0 + Double($1.0.ion.charge) * $1.1.millimolar }
            + impermeants.reduce(0) { $0 + $1.charge * $1.concentration.millimolar }
        return DonnanEquilibrium(problem: p, potential: .volts(-vt * u), logRatio: u, inside: inside,
                                 insideImpermeants: impermeants, relativeVolume: v,
                                 osmolarityInside: osmIn, osmolarityOutside: osmOut,
                                 osmoticPressureDifference: VantHoff.pressure(osmolarityDifference: osmIn - osmOut, conditions: p.conditions),
                                 turgor: turgor, insideChargeResidual: charge, note: note)
    }
}

/// Number formatting without Foundation, for messages (6 significant digits).
enum Format {
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        if x == 0 { return "0" }
        let magnitude = abs(x)
        let digits = magnitude >= 1 ? max(0, 5 - Int(Double.log10(magnitude).rounded(.down))) : 6
        var scale = 1.0
        for _ in 0..<min(digits, 12) { scale *= 10 }
        let rounded = (x * scale).rounded() / scale
        var s = "\(rounded)"
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }
}
