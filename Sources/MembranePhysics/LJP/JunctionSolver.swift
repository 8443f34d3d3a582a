import MembraneUnits

/// Dispatches a junction to its method.
public enum JunctionSolver {
    public static func solve(_ junction: LiquidJunction, method: JunctionMethod,
                             options: PlanckJunction.Options = .init(),
                             pnp: PoissonNernstPlanckJunction.Options = .init()) throws -> JunctionResult {
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
