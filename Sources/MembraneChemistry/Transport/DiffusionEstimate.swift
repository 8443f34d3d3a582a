import MembraneUnits
import RealModule

/// An estimate of the diffusion coefficient of a species for which no published mobility exists, with
/// its method and plausible range.
///
/// Two methods:
///
/// - **Hayduk–Laudie** (W. Hayduk & H. Laudie, "Prediction of diffusion coefficients for nonelectrolytes in
///   dilute aqueous solutions", AIChE J. 20:611 (1974), doi:10.1002/aic.690200329):
///
///       D = 13.26e-5 / (η^1.14 · V^0.589)   cm²/s,   η in mPa·s, V the ``LeBasVolume`` in cm³/mol
///
///   evaluated at 25 °C with water's η from ``WaterViscosity`` (0.890 mPa·s). Against the 14 organic
///   ions of the catalog with published mobilities (acetate, lactate, methanesulfonate, isethionate,
///   gluconate, aspartate, glutamate, HEPES, MES, NMDG, Tris, choline, TEA, TMA) it is within ±25 % for
///   twelve; it overestimates aspartate and glutamate by 45–55 % (Barry's values) and ATP⁴⁻ by 48 %,
///   hydrated polyvalent ions being larger than their molar volume says (`docs/research/diffusion-estimates.md`).
///   Hence the plausible range: ±30 % for monovalent species, ±50 % for |z| ≥ 2.
/// - **Structural analogue**: the published D of a species of nearly the same size and charge (GTP → ATP,
///   pyruvate → lactate), ±20 %.
public struct DiffusionEstimate: Sendable, Hashable {
    /// How the estimate was made.
    public enum Method: Sendable, Hashable {
        /// Hayduk–Laudie 1974 from the species' Le Bas molar volume: D = 13.26·10⁻⁵/(η^1.14·V^0.589) cm²/s.
        case haydukLaudie(LeBasVolume)
        /// The analogue's canonical catalog name and its D (m²/s) as published.
        case analogue(String, diffusion: Double)
    }

    /// The method and its input (the Le Bas volume, or the analogue and its D).
    public var method: Method
    /// D at 25 °C, m²/s.
    public var diffusion: Double
    /// Relative half-width of the plausible range: D·(1 ± u).
    public var uncertainty: Double
    /// A sentence naming the method and its source, for `transportSource`.
    public var source: String

    /// Hayduk–Laudie D at 25 °C for a species of charge `z` with Le Bas volume `volume`.
    public static func haydukLaudie(_ volume: LeBasVolume, charge z: Int) -> DiffusionEstimate {
        let v = volume.cubicCentimetresPerMole
        let d = haydukLaudieDiffusion(lebasVolume: v, kelvin: Temperature.standard.kelvin)
        let u = abs(z) >= 2 ? 0.5 : 0.3
        return DiffusionEstimate(method: .haydukLaudie(volume), diffusion: d, uncertainty: u,
            source: "estimate: Hayduk & Laudie 1974 (AIChE J. 20:611) from the Le Bas volume \(rounded(v)) cm³/mol, ±\(Int(u * 100)) %")
    }

    /// The published D of `analogue` (a catalog species), ±20 %.
    public static func analogue(_ analogue: Ion, note: String) -> DiffusionEstimate {
        let d = analogue.diffusionCoefficient!.squareMetresPerSecond
        return DiffusionEstimate(method: .analogue(analogue.name, diffusion: d), diffusion: d, uncertainty: 0.2,
            source: "estimate: D of its structural analogue \(analogue.name) (\(analogue.transportSource)), ±20 %; \(note)")
    }

    /// Hayduk–Laudie: D = 13.26e-5/(η^1.14·V^0.589) cm²/s, returned in m²/s.
    public static func haydukLaudieDiffusion(lebasVolume v: Double, kelvin: Double) -> Double {
        let eta = WaterViscosity.pascalSeconds(kelvin: kelvin) * 1e3
        return 13.26e-5 / (Double.pow(eta, 1.14) * Double.pow(v, 0.589)) * 1e-4
    }

    static func rounded(_ x: Double) -> String { "\((x * 10).rounded() / 10)" }
}

extension Ion {
    /// A catalog species whose D is an estimate.
    static func estimated(_ name: String, _ z: Int, _ longName: String, _ aliases: [String],
                          _ estimate: DiffusionEstimate, chargeNote: String? = nil) -> Ion {
        Ion(name: name, charge: z, longName: longName, aliases: aliases, transport: .diffusion(estimate.diffusion),
            transportSource: estimate.source, chargeNote: chargeNote, transportUncertainty: estimate.uncertainty)
    }
}
