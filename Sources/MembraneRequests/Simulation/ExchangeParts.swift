import Membrane

/// What a request asks of an ``ExtracellularExchange`` (Cressman et al. 2009, J Comput Neurosci 26:159), its ions
/// already matched to the scenario's and its numbers checked against their ranges, and the rules of how the parts fit
/// together, shared by `simulate hh`'s options (`--bath-diffusion-per-s`, `--bath-concentration`, `--glial-uptake-*`)
/// and `simulate pump-leak --config`'s `extracellular_exchange`:
///
/// - a reservoir concentration only for an ion that diffuses to the reservoir (``BathDiffusion``);
/// - the glial uptake's shape (K_half, slope) only with its maximal rate (``GlialUptake``).
///
/// Each request names its own fields when a rule is broken (``Misfit``).
struct ExchangeParts {
    /// Ion → rate constant k (s⁻¹) of diffusion to the reservoir, in the order given.
    var diffusionRates: [(ion: String, rate: Double)] = []
    /// Ion → the reservoir's concentration (mM); without one an ion relaxes to its initial concentration.
    var reservoirs: [(ion: String, millimolar: Double)] = []
    /// The glial K⁺ uptake's maximal rate G (mM/s), its half-activation K_half and slope s (mM; defaults 18 and 2.5).
    var glialRate: Double?
    var glialHalfActivation: Double?
    var glialSlope: Double?

    /// A part given without the part it shapes.
    enum Misfit: Error {
        /// A reservoir concentration (mM) for an ion without a diffusion rate.
        case reservoirWithoutDiffusion(ion: String, millimolar: Double)
        /// K_half (`slope` false) or the slope of the glial uptake (mM) without its maximal rate.
        case glialShapeWithoutRate(slope: Bool, millimolar: Double)
    }

    /// The exchange, or the first rule broken (reservoirs in their order, then the glial shape, K_half before slope).
    func assemble() throws(Misfit) -> ExtracellularExchange {
        var diffusion = diffusionRates.map { BathDiffusion(ion: $0.ion, rate: $0.rate) }
        for (ion, c) in reservoirs {
            guard let i = diffusion.firstIndex(where: { $0.ion == ion }) else { throw .reservoirWithoutDiffusion(ion: ion, millimolar: c) }
            diffusion[i].bathConcentration = .millimolar(c)
        }
        var glia: GlialUptake?
        if let glialRate {
            var uptake = GlialUptake(maximalRate: glialRate)
            if let h = glialHalfActivation { uptake.halfActivation = .millimolar(h) }
            if let s = glialSlope { uptake.slope = .millimolar(s) }
            glia = uptake
        } else if let h = glialHalfActivation {
            throw .glialShapeWithoutRate(slope: false, millimolar: h)
        } else if let s = glialSlope {
            throw .glialShapeWithoutRate(slope: true, millimolar: s)
        }
        return ExtracellularExchange(bathDiffusion: diffusion, glialUptake: glia)
    }
}
