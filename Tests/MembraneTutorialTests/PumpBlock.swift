import Membrane

/// Tutorial step 4: the pump–leak cell of Kay (2017), whose Na⁺/K⁺ pump is blocked at t = 5000 s.
/// Without the pump nothing balances the Donnan osmotic pressure of the impermeant anions inside,
/// and the cell swells.
func pumpBlock(until duration: Double = 6000) throws -> Trajectory<CellModel> {
    var scenario = Scenario.kay2017
    scenario.duration = duration
    return try solve(scenario)
}

/// The relative volume (V/V₀) of the cell just before the pump is blocked and at the end of the run.
func volumeBeforeAndAfterBlock(_ trajectory: Trajectory<CellModel>) -> (before: Double, after: Double) {
    let before = trajectory.sampled(every: 4999)[1].relativeVolume
    return (before, trajectory.final.relativeVolume)
}
