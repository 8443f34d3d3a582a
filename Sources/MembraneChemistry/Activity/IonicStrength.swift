import MembraneUnits

/// Ionic strength, molality and the charge balance of a solution.
///
/// - Molar ionic strength I_c = ½ Σ zᵢ² cᵢ (mol/L); molal I_m = ½ Σ zᵢ² mᵢ (mol/kg water)
///   (Lewis & Randall 1921; IUPAC Gold Book "ionic strength").
/// - Molality from molarity: mᵢ = cᵢ / ρ_w(T), i.e. one litre of solution is taken to hold ρ_w kg of
///   water. This neglects the volume of the solutes themselves: NaCl's apparent molar volume at
///   infinite dilution is 16.6 cm³/mol (Millero 1971, Chem. Rev. 71:147), so a 150 mM saline holds
///   0.25 % less water than assumed and its true molality is 0.25 % higher; activity coefficients
///   change by less than 0.05 % for that (d ln γ/d ln I ≈ −0.15 at I = 0.15). The approximation is
///   stated in every output that reports molality.
/// - Charge balance Σ zᵢ cᵢ (mM): zero for an electroneutral solution; reported, never corrected.
public struct IonicComposition: Sendable {
    /// The solution described.
    public let solution: Solution
    /// The temperature (for the density of water).
    public let temperature: Temperature
    /// Water density used for molalities, kg/m³.
    public let waterDensity: Double

    /// The composition of `solution` at `temperature`.
    public init(_ solution: Solution, temperature: Temperature) {
        self.solution = solution
        self.temperature = temperature
        self.waterDensity = WaterProperties.density(temperature)
    }

    /// Molality of each component, mol/kg water (order of `solution.components`).
    public var molalities: [Double] {
        solution.components.map { $0.concentration.molesPerCubicMetre / waterDensity }
    }

    /// Molar ionic strength, mol/L.
    public var ionicStrengthMolar: Double { solution.ionicStrength }

    /// Molal ionic strength, mol/kg water.
    public var ionicStrengthMolal: Double {
        IonicComposition.ionicStrength(charges: solution.components.map(\.ion.charge), molalities: molalities)
    }

    /// ½ Σ z² m.
    public static func ionicStrength(charges: [Int], molalities: [Double]) -> Double {
        var s = 0.0
        for (z, m) in zip(charges, molalities) { s += Double(z * z) * m }
        return 0.5 * s
    }

    /// Σ zᵢ cᵢ in mM (meq/L): the charge imbalance.
    public var chargeImbalance: Double { solution.chargeBalance }

    /// The imbalance relative to the total cation charge (0 when neutral), for warnings.
    public var relativeImbalance: Double {
        let cations = solution.cationCharge
        let anions = solution.components.reduce(0) { $0 + Double(max(-$1.ion.charge, 0)) * $1.concentration.millimolar }
        let scale = max(cations, anions)
        return scale > 0 ? chargeImbalance / scale : 0
    }

    /// A warning when |Σ z c| exceeds 1 % of the ionic charge (or 0.1 mM), nil otherwise.
    public var imbalanceWarning: String? {
        let d = chargeImbalance
        guard abs(d) > max(0.01 * max(solution.cationCharge, 1e-300), 0.1) else { return nil }
        let sign = d > 0 ? "excess positive" : "excess negative"
        return "the solution is not electroneutral: Σ z·c = \(Self.format(d)) mM (\(sign) charge, "
            + "\(Self.format(abs(relativeImbalance) * 100)) % of the ionic charge); a real solution has a counter-ion that is missing here"
    }

    static func format(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return String(r)
    }
}
