import MembraneUnits

/// Dispatches a junction to its method.
public enum JunctionSolver {
    public static func solve(_ junction: LiquidJunction, method: JunctionMethod,
                             options: PlanckJunction.Options = .init()) throws -> JunctionResult {
        switch method {
        case .henderson:
            return HendersonJunction.solve(junction)
        case .planck:
            return try PlanckJunction.solve(junction, options: options)
        case .npp:
            var result = try PlanckJunction.solve(junction, options: options)
            result.method = .npp
            result.notes.append("npp: Poisson–Nernst–Planck coincides with the electroneutral Planck junction when the junction is much longer than the Debye length (≈ 0.8 nm at 150 mM vs µm–mm junctions; the correction is of order (λ_D/L)², Dickinson, Freitag & Compton 2010, J. Phys. Chem. B 114:187), so the planck solution is returned")
            return result
        }
    }
}
