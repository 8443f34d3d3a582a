import MembraneUnits
import RealModule

/// An H⁺-coupled symporter of the plant plasma membrane: one substrate ion S (charge z) enters with n H⁺ (the K⁺/H⁺
/// symport of HAK5-type high-affinity uptake: 1 H⁺ per K⁺ in Arabidopsis root cells, Maathuis & Sanders 1994, PNAS
/// 91:9272).
///
/// One turnover moves S and n H⁺ from the apoplast into the cytosol; its free energy is
///
///     ΔG = R·T·ln(S_in/S_out) + n·R·T·ln(H_in/H_out) + (z + n)·F·V
///
/// and the net influx is taken in the flux–force form
///
///     J = J_max · S_out/(K_m + S_out) · (1 − e^{ΔG/RT})
///
/// — Michaelis–Menten saturation in the outside substrate times the thermodynamic factor, which makes J vanish
/// exactly where the coupled reaction is at equilibrium (ΔG = 0), forward (influx) for ΔG < 0 and reversed above
/// it (the linear-in-e^{ΔG/RT} form of a carrier whose forward rate-limiting step saturates; Sanders, Hansen &
/// Slayman 1981, PNAS 78:5903, for the H⁺-coupled transport of non-animal cells).
public struct ProtonCoupledSymporter: Sendable, Hashable {
    /// J_max, the largest influx (at saturating outside substrate, far from equilibrium).
    public var maximumFlux: MolarFlux
    /// K_m for the outside substrate.
    public var halfSaturation: Concentration
    /// n, H⁺ per substrate ion.
    public var protonsPerSubstrate: Int
    /// z, the substrate's charge (+1 for K⁺).
    public var substrateCharge: Int

    /// A symporter with the given J_max, K_m, stoichiometry and substrate charge.
    public init(maximumFlux: MolarFlux, halfSaturation: Concentration, protonsPerSubstrate: Int = 1, substrateCharge: Int = 1) {
        self.maximumFlux = maximumFlux
        self.halfSaturation = halfSaturation
        self.protonsPerSubstrate = protonsPerSubstrate
        self.substrateCharge = substrateCharge
    }

    /// The K⁺/H⁺ symporter of an Arabidopsis root cell: n = 1 and K_m = 30 µM (Maathuis & Sanders 1994, PNAS 91:9272);
    /// J_max = 1 pmol·cm⁻²·s⁻¹ (10⁻⁸ mol·m⁻²·s⁻¹), an order-of-magnitude figure for plant K⁺ influx per membrane area
    /// (tracer K⁺ influxes of algal cells are of the order of pmol·cm⁻²·s⁻¹; Raven 1976, in *Transport in Plants II*,
    /// Encycl. Plant Physiol. 2A:129), not a measurement for this transporter.
    public static let arabidopsisPotassium = ProtonCoupledSymporter(maximumFlux: .molesPerSquareMetreSecond(1e-8),
                                                                    halfSaturation: .micromolar(30))

    /// A Cl⁻/2 H⁺ symporter (2 H⁺ per Cl⁻, electrogenic: +1 charge in per turnover; Sanders 1980, J. Membr. Biol. 53:129,
    /// Chara) with the given J_max; K_m = 10 µM is an order-of-magnitude default for high-affinity uptake, not a fit.
    public static func chloride(maximumFlux: MolarFlux, halfSaturation: Concentration = .micromolar(10)) -> ProtonCoupledSymporter {
        ProtonCoupledSymporter(maximumFlux: maximumFlux, halfSaturation: halfSaturation, protonsPerSubstrate: 2, substrateCharge: -1)
    }

    /// The symporter's current density, outward positive: −(z + n)·F·J for an influx J.
    public func current(influx: MolarFlux, conditions: Conditions) -> CurrentDensity {
        .amperesPerSquareMetre(-Double(substrateCharge + protonsPerSubstrate) * conditions.faraday * influx.molesPerSquareMetreSecond)
    }

    /// ln of the largest S_in/S_out the symporter can hold (ΔG = 0): n·ln 10·(pH_in − pH_out) − (z + n)·F·V/RT.
    public func logRatioBound(pHInside: Double, pHOutside: Double, at v: Voltage, conditions: Conditions) -> Double {
        Double(protonsPerSubstrate) * Double.log(10) * (pHInside - pHOutside)
            - Double(substrateCharge + protonsPerSubstrate) * v.volts / conditions.thermalVoltage
    }

    /// Checks the parameters; `fields` name them in errors.
    public func validate(fields: (maximum: String, km: String, protons: String)
                         = ("symport-max-pmol-per-cm2-s", "symport-km", "protons-per-k")) throws {
        try MembraneError.requireNonNegative(maximumFlux.molesPerSquareMetreSecond, field: fields.maximum, scale: 1e8,
                                             allowed: "a maximal symport flux ≥ 0 pmol/cm²/s (0 switches the symporter off)")
        try MembraneError.requirePositive(halfSaturation.millimolar, field: fields.km, allowed: "a K_m > 0 mM")
        guard (1...4).contains(protonsPerSubstrate) else {
            throw MembraneError.invalidValue(field: fields.protons, value: "\(protonsPerSubstrate)",
                                             allowed: "an integer from 1 to 4 H⁺ per substrate ion (HAK5-type K⁺ symport: 1)")
        }
    }

    /// ΔG/RT of one turnover at V_m = `v` (concentrations in any common unit, H⁺ from the pH values).
    public func freeEnergyOverRT(substrateInside: Double, substrateOutside: Double, pHInside: Double, pHOutside: Double,
                                 at v: Voltage, conditions: Conditions) -> Double {
        let n = Double(protonsPerSubstrate)
        return Double.log(substrateInside / substrateOutside) - n * Double.log(10) * (pHInside - pHOutside)
            + Double(substrateCharge + protonsPerSubstrate) * v.volts / conditions.thermalVoltage
    }

    /// The net influx of substrate (positive into the cytosol); each turnover also brings n H⁺ in.
    public func influx(substrateInside: Concentration, substrateOutside: Concentration, pHInside: Double, pHOutside: Double,
                       at v: Voltage, conditions: Conditions) -> MolarFlux {
        let so = substrateOutside.millimolar
        guard so > 0, maximumFlux.molesPerSquareMetreSecond > 0 else { return .molesPerSquareMetreSecond(0) }
        let g = freeEnergyOverRT(substrateInside: substrateInside.millimolar, substrateOutside: so,
                                 pHInside: pHInside, pHOutside: pHOutside, at: v, conditions: conditions)
        return .molesPerSquareMetreSecond(maximumFlux.molesPerSquareMetreSecond * so / (halfSaturation.millimolar + so)
                                          * -Double.expMinusOne(g))
    }
}
