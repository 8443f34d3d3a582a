import Membrane

/// `extracellular_exchange` of a pump–leak configuration: how a finite bath (`bath_volume_relative`, the cell's
/// extracellular space) exchanges ions with the world beyond it (``ExtracellularExchange``, Cressman et al. 2009,
/// J Comput Neurosci 26:159):
///
///     diffusion to a reservoir:  dc_o/dt = −k·(c_o − c_res)                  (per ion; ``BathDiffusion``)
///     glial K⁺ uptake:           d[K]ₒ/dt = −G/(1 + e^{(K_half − [K]ₒ)/s})  (Kager, Wadman & Somjen 2000; ``GlialUptake``)
///
/// The keys mirror `simulate hh`'s options (`--bath-diffusion-per-s`, `--bath-concentration`, `--glial-uptake-*`).
/// An infinite bath has nothing to exchange: the keys are refused there, naming `config.extracellular_exchange`.
extension PumpLeakConfig {
    /// `{"bath_diffusion_per_s": {"K": 1.33}, "bath_concentration_mM": {"K": 4}, "glial_uptake_mM_per_s": 66,
    /// "glial_uptake_half_mM": 18, "glial_uptake_slope_mM": 2.5}`; every key optional.
    public struct Exchange: Codable, Sendable, Hashable {
        /// Ion → rate constant k (s⁻¹, ≥ 0) of diffusion between the bath and a reservoir of fixed concentration.
        public var bathDiffusionPerS: KeyedValues<Double>?
        /// Ion → the reservoir's concentration (mM, > 0), only for an ion that diffuses; default: the initial bath
        /// concentration.
        public var bathConcentrationMM: KeyedValues<Double>?
        /// The maximal glial K⁺ uptake G (mM/s, ≥ 0; Cressman et al. 2009, Table 1: 66; their code 200/3).
        public var glialUptakeMMPerS: Double?
        /// The half-activation K_half (mM, default 18) and slope s (mM, > 0, default 2.5), only with the uptake.
        public var glialUptakeHalfMM: Double?
        public var glialUptakeSlopeMM: Double?

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case bathDiffusionPerS = "bath_diffusion_per_s", bathConcentrationMM = "bath_concentration_mM"
            case glialUptakeMMPerS = "glial_uptake_mM_per_s", glialUptakeHalfMM = "glial_uptake_half_mM"
            case glialUptakeSlopeMM = "glial_uptake_slope_mM"
        }

        public init() {}
    }

    /// Rates of diffusion to the reservoir: 0 to 1e6 s⁻¹ (Cressman's 4/3 s⁻¹; a microsecond is faster than any bath).
    static let exchangeRate = Bound.range(0, 1e6, "a rate constant from 0 to 1e6 s⁻¹, e.g. 1.33 (Cressman et al. 2009: 4/3 s⁻¹)")

    /// Checks the numbers of `extracellular_exchange` against their ranges, naming `config.extracellular_exchange.KEY`.
    func validateExchange() throws {
        guard case .value(let x)? = extracellularExchange else { return }
        let path = "extracellular_exchange"
        for e in x.bathDiffusionPerS?.entries ?? [] { try Self.check(e.value, "\(path).bath_diffusion_per_s.\(e.key)", Self.exchangeRate) }
        for e in x.bathConcentrationMM?.entries ?? [] { try Self.check(e.value, "\(path).bath_concentration_mM.\(e.key)", Self.concentration) }
        try Self.check(x.glialUptakeMMPerS, "\(path).glial_uptake_mM_per_s", .range(0, 1e6, "a maximal glial K⁺ uptake from 0 to 1e6 mM/s, e.g. 66"))
        try Self.check(x.glialUptakeHalfMM, "\(path).glial_uptake_half_mM",
                       .range(-Domain.maximumMillimolar, Domain.maximumMillimolar, "a half-activation concentration in mM, e.g. 18"))
        try Self.check(x.glialUptakeSlopeMM, "\(path).glial_uptake_slope_mM",
                       .range(0, Domain.maximumMillimolar, open: true, "a slope > 0 mM, e.g. 2.5"))
    }

    /// Applies `extracellular_exchange` to `s` (after `ions` and `bath_volume_relative`): `null` removes an exchange,
    /// an object replaces it. Needs a finite bath; ions are the scenario's, each once (also through an alias); a
    /// reservoir concentration only for an ion that diffuses; the glial shape only with its rate.
    func applyExchange(to s: inout Scenario) throws {
        switch extracellularExchange {
        case nil: return
        case .null: s.extracellularExchange = ExtracellularExchange()
        case .value(let x):
            let path = "config.extracellular_exchange"
            guard case .finite = s.bath else {
                throw MembraneError.invalidValue(field: path, value: "an exchange with an infinite bath",
                    allowed: "an exchange of a finite extracellular space: set bath_volume_relative (an infinite bath has nothing to exchange)")
            }
            func ions(_ values: KeyedValues<Double>?, _ key: String) throws -> [(ion: String, value: Double)] {
                let entries = values?.entries ?? []
                return try zip(entries, Self.distinctIons(entries.map(\.key), key: "extracellular_exchange.\(key)")).map { e, ion in
                    guard s.index(of: ion.name) != nil else {
                        throw MembraneError.invalidValue(field: "\(path).\(key).\(e.key)", value: e.key,
                                                         allowed: "one of the scenario's ions (\(s.ions.map(\.name).joined(separator: ", ")))")
                    }
                    return (ion.name, e.value)
                }
            }
            var parts = ExchangeParts()
            parts.diffusionRates = try ions(x.bathDiffusionPerS, "bath_diffusion_per_s").map { ($0.ion, $0.value) }
            parts.reservoirs = try ions(x.bathConcentrationMM, "bath_concentration_mM").map { ($0.ion, $0.value) }
            if let g = x.glialUptakeMMPerS, s.index(of: GlialUptake.ion) == nil {
                throw MembraneError.invalidValue(field: "\(path).glial_uptake_mM_per_s", value: MembraneError.plain(g),
                                                 allowed: "glial uptake of K⁺, which the scenario's ions (\(s.ions.map(\.name).joined(separator: ", "))) lack")
            }
            (parts.glialRate, parts.glialHalfActivation, parts.glialSlope) = (x.glialUptakeMMPerS, x.glialUptakeHalfMM, x.glialUptakeSlopeMM)
            do {
                s.extracellularExchange = try parts.assemble()
            } catch .reservoirWithoutDiffusion(let ion, let c) {
                throw MembraneError.invalidValue(field: "\(path).bath_concentration_mM.\(ion)", value: MembraneError.plain(c),
                    allowed: "a reservoir concentration for an ion that diffuses (bath_diffusion_per_s.\(ion))")
            } catch .glialShapeWithoutRate(let slope, let v) {
                let key = slope ? "glial_uptake_slope_mM" : "glial_uptake_half_mM"
                throw MembraneError.invalidValue(field: "\(path).\(key)", value: MembraneError.plain(v),
                                                 allowed: "a shape of the glial uptake given with its rate (glial_uptake_mM_per_s)")
            }
        }
    }
}
