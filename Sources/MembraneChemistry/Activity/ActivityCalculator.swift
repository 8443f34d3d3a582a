import MembraneUnits
import MembraneNumerics
import RealModule

/// Computes activity coefficients of a solution's species under an ``ActivityModel``.
///
/// The models take the molal ionic strength I = ½ Σ zᵢ² mᵢ over all charged species (mᵢ = cᵢ/ρ_w,
/// ``IonicComposition``) and the Debye–Hückel constants of water at the temperature
/// (``DebyeHuckelParameters``). Neutral solutes have γ = 1 in every model (their salting-out
/// coefficients are not tabulated for the solutes Membrane knows) and count only for osmolality.
///
/// Fallbacks are explicit: a species without the model's parameter (no Kielland å, no
/// Truesdell–Jones a/b) gets the Davies value and the result lists it in `warnings`; Pitzer gives
/// species without parameters only the Debye–Hückel and charge terms (also listed).
public struct ActivityCalculator: Sendable {
    /// The activity model applied.
    public var model: ActivityModel
    /// The temperature (A, B and A_φ follow it through ε_r and ρ of water).
    public var temperature: Temperature

    /// A calculator for `model` at `temperature`.
    public init(model: ActivityModel, temperature: Temperature) {
        self.model = model
        self.temperature = temperature
    }

    /// Activity coefficients of every component of `solution`.
    public func analyze(_ solution: Solution) throws -> ActivityResult {
        let composition = IonicComposition(solution, temperature: temperature)
        let m = composition.molalities
        var result = try coefficients(ions: solution.ions, molalities: m)
        result.ionicStrengthMolar = composition.ionicStrengthMolar
        result.chargeImbalance = composition.chargeImbalance
        result.ions = zip(solution.components, zip(m, zip(result.ions.map(\.gamma), result.ions.map(\.fallback)))).map {
            IonActivity(ion: $0.ion, concentration: $0.concentration, molality: $1.0, gamma: $1.1.0, fallback: $1.1.1)
        }
        if let w = composition.imbalanceWarning { result.warnings.append(w) }
        return result
    }

    /// Activity coefficients for species given by molality (mol/kg water), e.g. a speciation
    /// computed elsewhere. The concentrations of the result are m·ρ_w.
    public func coefficients(ions: [Ion], molalities m: [Double]) throws -> ActivityResult {
        precondition(ions.count == m.count)
        for (ion, x) in zip(ions, m) {
            try MembraneError.requireNonNegative(x, field: ion.name, allowed: "a molality ≥ 0 mol/kg")
        }
        let dh = DebyeHuckelParameters(temperature: temperature)
        let charges = ions.map(\.charge)
        let ionic = IonicComposition.ionicStrength(charges: charges, molalities: m)
        let sqrtI = ionic.squareRoot()
        var warnings: [String] = []
        if !DebyeHuckelParameters.validCelsius.contains(temperature.celsius) {
            warnings.append("temperature \(temperature.celsius) °C is outside 0–50 °C, the range of the water data and activity parameters tested here")
        }
        if let limit = model.validityLimit, ionic > limit {
            warnings.append("\(model.rawValue) is outside its validity range: I = \(IonicComposition.format(ionic)) mol/kg exceeds \(limit) mol/kg, the limit its authors state")
        }
        var gammas = [Double](repeating: 1, count: ions.count)
        var fallbacks = [String?](repeating: nil, count: ions.count)
        var osmotic: Double? = model == .ideal ? 1 : nil
        if model == .pitzer {
            let pz = PitzerModel(names: ions.map(\.name), charges: charges, kelvin: temperature.kelvin, aPhi: dh.aPhi)
            let (ln, phi) = pz.evaluate(molalities: m)
            for i in ions.indices { gammas[i] = Double.exp(ln[i]) }
            osmotic = phi
            let missingPitzer = pz.unparameterized
            for (i, ion) in ions.enumerated() where missingPitzer.contains(ion.name) {
                fallbacks[i] = "pitzer Debye–Hückel and charge terms only (no interaction parameters for \(ion.name))"
            }
            if !missingPitzer.isEmpty {
                warnings.append("no Pitzer parameters for \(missingPitzer.joined(separator: ", ")) (the Harvie–Møller–Weare set covers Na, K, Ca, Mg, H, Cl, SO4, HCO3): only the Debye–Hückel and charge terms apply to them")
            }
            if temperature.celsius != 25 {
                warnings.append("Pitzer parameters without temperature terms (all θ and ψ; the H–SO4, Ca–HCO3 and Mg–HCO3 pairs; β0 of Ca–SO4, Cφ of Ca–Cl and K–HCO3) are kept at their 25 °C values")
            }
        } else if model != .ideal {
            var missing: [String] = []
            let laws = ions.enumerated().map { (i, ion) -> (Double) -> Double in
                let law = logGammaLaw(ion, dh: dh)
                if law.fallback { fallbacks[i] = law.note; missing.append(ion.name) }
                return law.f
            }
            for i in ions.indices { gammas[i] = Double.pow(10, laws[i](sqrtI)) }
            if !missing.isEmpty {
                let what = model == .truesdellJones ? "no Truesdell–Jones a, b in phreeqc.dat" : "no Kielland ion size å"
                warnings.append("\(what) for \(missing.joined(separator: ", ")): Davies used\(model == .truesdellJones ? ", as PHREEQC does" : "")")
            }
            osmotic = ActivityCalculator.gibbsDuhemOsmotic(laws: laws, molalities: m, ionicStrength: ionic)
        }
        let rho = dh.waterDensity
        let activities = ions.indices.map { i in
            IonActivity(ion: ions[i], concentration: .molesPerCubicMetre(m[i] * rho), molality: m[i],
                        gamma: gammas[i], fallback: fallbacks[i])
        }
        let balance = zip(charges, m).reduce(0) { $0 + Double($1.0) * $1.1 * rho }
        return ActivityResult(model: model, temperature: temperature, debyeHuckel: dh, ions: activities,
                              ionicStrengthMolar: ionic * rho / 1000, ionicStrengthMolal: ionic,
                              chargeImbalance: balance, osmoticCoefficient: osmotic, warnings: warnings)
    }
    /// log₁₀ γ of `ion` as a function of √I under this (Debye–Hückel-family) model, and whether it is a fallback.
    func logGammaLaw(_ ion: Ion, dh: DebyeHuckelParameters) -> (f: (Double) -> Double, fallback: Bool, note: String?) {
        let z = ion.charge, a = dh.a, b = dh.b
        let davies: (Double) -> Double = { DebyeHuckelFamily.davies(z: z, sqrtI: $0, a: a) }
        guard z != 0 else { return ({ _ in 0 }, false, nil) }
        switch model {
        case .debyeHuckel: return ({ DebyeHuckelFamily.limitingLaw(z: z, sqrtI: $0, a: a) }, false, nil)
        case .guntelberg: return ({ DebyeHuckelFamily.guntelberg(z: z, sqrtI: $0, a: a) }, false, nil)
        case .davies: return (davies, false, nil)
        case .davies02: return ({ DebyeHuckelFamily.davies(z: z, sqrtI: $0, a: a, coefficient: 0.2) }, false, nil)
        case .extendedDebyeHuckel:
            if let size = ion.ionSize { return ({ DebyeHuckelFamily.extended(z: z, sqrtI: $0, a: a, b: b, ionSize: size) }, false, nil) }
            return (davies, true, "davies (no Kielland ion size for \(ion.name))")
        case .truesdellJones:
            if let p = TruesdellJonesParameters.table[ion.name] {
                return ({ DebyeHuckelFamily.extended(z: z, sqrtI: $0, a: a, b: b, ionSize: p.a, bDot: p.b) }, false, nil)
            }
            return (davies, true, "davies (no Truesdell–Jones parameters for \(ion.name) in phreeqc.dat)")
        case .ideal, .pitzer: return ({ _ in 0 }, false, nil)
        }
    }

    /// The osmotic coefficient implied by single-ion laws ln γᵢ = gᵢ(I) through the Gibbs–Duhem equation
    /// at fixed composition (Robinson & Stokes 1959, §2.10; Pitzer 1991, ch. 3):
    ///
    ///     (φ − 1) Σm = Σᵢ mᵢ [gᵢ(I) − (1/I) ∫₀^I gᵢ(I') dI']
    ///
    /// (for the limiting law this gives φ − 1 = −(ln 10·A/3)·(2I/Σm)·√I, Debye–Hückel's osmotic limiting law).
    /// The integral is taken with I' = I t² by 24-point Gauss–Legendre quadrature on t ∈ [0, 1].
    static func gibbsDuhemOsmotic(laws: [(Double) -> Double], molalities m: [Double], ionicStrength ionic: Double) -> Double {
        let total = m.reduce(0, +)
        guard total > 0, ionic > 0 else { return 1 }
        let ln10 = Double.log(10), sqrtI = ionic.squareRoot()
        var sum = 0.0
        for (i, law) in laws.enumerated() where m[i] > 0 {
            // (1/I)∫₀^I g dI' = 2 ∫₀^1 g(I t²) t dt.
            var integral = 0.0
            for (x, w) in GaussLegendre.nodes24 {
                let t = 0.5 * (x + 1)
                integral += 0.5 * w * law(sqrtI * t) * t
            }
            sum += m[i] * ln10 * (law(sqrtI) - 2 * integral)
        }
        return 1 + sum / total
    }
}
