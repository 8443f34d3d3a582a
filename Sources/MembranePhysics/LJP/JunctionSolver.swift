import MembraneUnits
import MembraneChemistry

/// Dispatches a junction to its method.
public enum JunctionSolver {
    /// - Parameter activity: an activity model other than `ideal` makes Henderson and Planck use activities
    ///   (``ActivityJunction``); `npp` is computed for ideal solutions only and says so.
    ///
    /// When a species' D is an estimate (``LiquidJunction/Species/diffusionUncertainty``), the junction is solved
    /// again with that D at both ends of its plausible range, D·(1 ± u), and the result lists the potentials
    /// (``JunctionResult/estimateSpread``): two more solves per estimated species, none otherwise, nor with
    /// `estimateSpread: false` (e.g. for a comparison value).
    public static func solve(_ junction: LiquidJunction, method: JunctionMethod,
                             options: PlanckJunction.Options = .init(),
                             pnp: PoissonNernstPlanckJunction.Options = .init(),
                             activity: ActivityModel = .ideal, estimateSpread: Bool = true) throws -> JunctionResult {
        var result = try solveOnce(junction, method: method, options: options, pnp: pnp, activity: activity)
        guard estimateSpread else { return result }
        var quiet = options
        quiet.profilePoints = 0
        for (i, s) in junction.species.enumerated() {
            guard let u = s.diffusionUncertainty else { continue }
            let low = try solveOnce(junction.scalingDiffusion(of: i, by: 1 - u), method: method, options: quiet,
                                    pnp: pnp, activity: activity)
            let high = try solveOnce(junction.scalingDiffusion(of: i, by: 1 + u), method: method, options: quiet,
                                     pnp: pnp, activity: activity)
            result.estimateSpread.append(DiffusionEstimateSpread(name: s.ion.name, diffusion: s.diffusion, uncertainty: u,
                                                                 source: s.diffusionSource,
                                                                 atLow: low.potential, atHigh: high.potential))
        }
        return result
    }

    static func solveOnce(_ junction: LiquidJunction, method: JunctionMethod, options: PlanckJunction.Options,
                          pnp: PoissonNernstPlanckJunction.Options, activity: ActivityModel) throws -> JunctionResult {
        if activity != .ideal {
            switch method {
            case .henderson: return ActivityJunction.henderson(junction, model: activity)
            case .planck:
                var r = try ActivityJunction.planck(junction, model: activity)
                if options.profilePoints == 0 { r.profile = nil }
                return r
            case .npp:
                throw MembraneError.invalidValue(field: "activity-model", value: activity.rawValue,
                                                 allowed: "ideal with `method` npp (activity-corrected junctions: henderson or planck)")
            }
        }
        switch method {
        case .henderson:
            return HendersonJunction.solve(junction)
        case .planck:
            return try PlanckJunction.solve(junction, options: options)
        case .npp:
            var result = try PoissonNernstPlanckJunction.solve(junction, options: pnp)
            if options.profilePoints == 0 { result.profile = nil }
            return result
        }
    }
}
