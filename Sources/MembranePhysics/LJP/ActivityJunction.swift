import MembraneUnits
import MembraneChemistry
import RealModule

/// Liquid junction potentials with activities instead of concentrations.
///
/// - Henderson (Barry & Lynch 1991 write it with activities, as JPCalcW computes it): a_i = γ_i·c_i with γ_i
///   from each solution's own composition under the chosen model.
/// - Planck: the stationary electroneutral Nernst–Planck junction with J_i = −D_i·c_i·(ln(γ_i·c_i) + z_i·ψ)′,
///   γ_i following the local composition through the junction (the single-ion activity coefficients of the
///   model; cf. Marino et al. 2014's "cdadc" term). The exact reduction of ``PlanckJunction`` does not apply
///   when γ varies, so it is solved on a grid (`GridJunction`, Scharfetter–Gummel, second order) at N and 2N
///   intervals and Richardson-extrapolated; the note states the extrapolation's size.
public enum ActivityJunction {
    /// ln γ of the junction's species as a function of their concentrations (mM).
    static func logGamma(_ junction: LiquidJunction, model: ActivityModel) -> ([Double]) -> [Double] {
        ActivityCalculator(model: model, temperature: junction.conditions.temperature)
            .logGammaFunction(for: junction.species.map(\.ion))
    }

    /// The Henderson equation with activities a = γ·c on each side in place of concentrations.
    public static func henderson(_ junction: LiquidJunction, model: ActivityModel) -> JunctionResult {
        let lg = logGamma(junction, model: model)
        let gp = lg(junction.species.map(\.pipette)).map { Double.exp($0) }
        let gb = lg(junction.species.map(\.bath)).map { Double.exp($0) }
        var withActivities = junction
        withActivities.replaceConcentrations(pipette: zip(junction.species, gp).map { $0.pipette * $1 },
                                             bath: zip(junction.species, gb).map { $0.bath * $1 })
        var result = HendersonJunction.solve(withActivities)
        result.activityModel = model.rawValue
        result.notes.append("Henderson with activities a = γ·c (\(model.rawValue)): γ pipette \(summary(junction, gp)); γ bath \(summary(junction, gb))")
        return result
    }

    /// The stationary Nernst–Planck junction with γ following the local composition, on grids of `intervals` and 2·`intervals`, Richardson-extrapolated.
    public static func planck(_ junction: LiquidJunction, model: ActivityModel, intervals: Int = 200) throws -> JunctionResult {
        try junction.requireElectroneutral()
        let ideal = try PlanckJunction.solve(junction, options: .init(profilePoints: 2001))
        let lg = logGamma(junction, model: model)
        let vt = junction.conditions.thermalVoltage
        func run(_ n: Int) throws -> (potential: Double, grid: GridJunction, u: [Double], iterations: Int, residual: Double) {
            let grid = GridJunction(species: junction.species, closure: .electroneutral, logGamma: lg, intervals: n)
            let (u, it, res) = try grid.solve(from: grid.initialState(from: ideal.profile!, thermalVoltage: vt))
            return (grid.potential(u) * vt, grid, u, it, res)
        }
        let coarse = try run(intervals), fine = try run(2 * intervals)
        let extrapolated = fine.potential + (fine.potential - coarse.potential) / 3
        let gp = lg(junction.species.map(\.pipette)).map { Double.exp($0) }
        let gb = lg(junction.species.map(\.bath)).map { Double.exp($0) }
        var notes = junction.notes
        notes.append("Planck with activities (\(model.rawValue)), γ following the local composition: grid of \(intervals) and \(2 * intervals) intervals, Richardson-extrapolated by \(Format.number((extrapolated - fine.potential) * 1e6)) µV; ideal Planck would give \(Format.number(ideal.potential.millivolts)) mV; γ pipette \(summary(junction, gp)); γ bath \(summary(junction, gb))")
        let scale = ideal.potential.volts != 0 ? extrapolated / ideal.potential.volts : 1
        var result = JunctionResult(method: .planck, potential: .volts(extrapolated),
                                    contributions: ideal.contributions.map { ($0.name, $0.potential * scale) },
                                    iterations: coarse.iterations + fine.iterations, residual: fine.residual,
                                    profile: fine.grid.profile(fine.u, species: junction.species, thermalVoltage: vt),
                                    notes: notes, conditions: junction.conditions)
        result.activityModel = model.rawValue
        return result
    }

    static func summary(_ junction: LiquidJunction, _ gammas: [Double]) -> String {
        zip(junction.species, gammas).filter { $0.0.pipette > 0 || $0.0.bath > 0 }.prefix(6)
            .map { "\($0.0.ion.name) \(Format.number($0.1))" }.joined(separator: ", ")
    }
}
