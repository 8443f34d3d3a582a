import MembraneUnits
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
    public var model: ActivityModel
    public var temperature: Temperature

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
        func davies(_ z: Int) -> Double {
            Double.pow(10, DebyeHuckelFamily.davies(z: z, sqrtI: sqrtI, a: dh.a))
        }
        var missing: [String] = []
        switch model {
        case .ideal:
            break
        case .debyeHuckel:
            for (i, z) in charges.enumerated() { gammas[i] = Double.pow(10, DebyeHuckelFamily.limitingLaw(z: z, sqrtI: sqrtI, a: dh.a)) }
        case .guntelberg:
            for (i, z) in charges.enumerated() { gammas[i] = Double.pow(10, DebyeHuckelFamily.guntelberg(z: z, sqrtI: sqrtI, a: dh.a)) }
        case .davies, .davies02:
            let c = model == .davies ? 0.3 : 0.2
            for (i, z) in charges.enumerated() {
                gammas[i] = Double.pow(10, DebyeHuckelFamily.davies(z: z, sqrtI: sqrtI, a: dh.a, coefficient: c))
            }
        case .extendedDebyeHuckel:
            for (i, ion) in ions.enumerated() where ion.charge != 0 {
                if let size = ion.ionSize {
                    gammas[i] = Double.pow(10, DebyeHuckelFamily.extended(z: ion.charge, sqrtI: sqrtI, a: dh.a, b: dh.b, ionSize: size))
                } else {
                    gammas[i] = davies(ion.charge)
                    fallbacks[i] = "davies (no Kielland ion size for \(ion.name))"
                    missing.append(ion.name)
                }
            }
            if !missing.isEmpty {
                warnings.append("no Kielland ion size å for \(missing.joined(separator: ", ")): Davies used for \(missing.count == 1 ? "it" : "them")")
            }
        case .truesdellJones:
            for (i, ion) in ions.enumerated() where ion.charge != 0 {
                if let p = TruesdellJonesParameters.table[ion.name] {
                    gammas[i] = Double.pow(10, DebyeHuckelFamily.extended(z: ion.charge, sqrtI: sqrtI, a: dh.a, b: dh.b,
                                                                          ionSize: p.a, bDot: p.b))
                } else {
                    gammas[i] = davies(ion.charge)
                    fallbacks[i] = "davies (no Truesdell–Jones parameters for \(ion.name) in phreeqc.dat)"
                    missing.append(ion.name)
                }
            }
            if !missing.isEmpty {
                warnings.append("no Truesdell–Jones a, b in phreeqc.dat for \(missing.joined(separator: ", ")): Davies used, as PHREEQC does")
            }
        case .pitzer:
            let pz = PitzerModel(names: ions.map(\.name), charges: charges, kelvin: temperature.kelvin, aPhi: dh.aPhi)
            let (ln, phi) = pz.evaluate(molalities: m)
            for i in ions.indices { gammas[i] = Double.exp(ln[i]) }
            osmotic = phi
            let missingPitzer = pz.unparameterized
            for (i, ion) in ions.enumerated() where missingPitzer.contains(ion.name) {
                fallbacks[i] = "pitzer Debye–Hückel and charge terms only (no interaction parameters for \(ion.name))"
            }
            if !missingPitzer.isEmpty {
                warnings.append("no Pitzer parameters for \(missingPitzer.joined(separator: ", ")) (pitzer.dat covers Na, K, Ca, Mg, H, Cl, SO4, HCO3): only the Debye–Hückel and charge terms apply to them")
            }
            if temperature.celsius != 25 {
                warnings.append("Pitzer parameters without published temperature terms (H+ and HCO3- pairs, most θ and ψ) are kept at their 25 °C values")
            }
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
}
