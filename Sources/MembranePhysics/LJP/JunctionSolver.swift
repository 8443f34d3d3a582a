import MembraneUnits
import MembraneChemistry

/// Dispatches a junction to its method.
public enum JunctionSolver {
    /// - Parameter activity: an activity model other than `ideal` makes Henderson and Planck use activities
    ///   (``ActivityJunction``); `npp` is computed for ideal solutions only and says so.
    public static func solve(_ junction: LiquidJunction, method: JunctionMethod,
                             options: PlanckJunction.Options = .init(),
                             pnp: PoissonNernstPlanckJunction.Options = .init(),
                             activity: ActivityModel = .ideal) throws -> JunctionResult {
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
