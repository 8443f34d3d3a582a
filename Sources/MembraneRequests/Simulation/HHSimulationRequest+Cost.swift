import Membrane

extension HHSimulationRequest {
    /// `spike-cost`: the cost of each trough-to-trough cycle of the one cell's firing (``ActionPotentialCost``:
    /// Hodgkin 1975; Crotty, Sangrey & Levy 2006; Carter & Bean 2009): the Na⁺ charge that entered against the least
    /// charge C·ΔV, the overlap factor and the ATP the pump spends to export it again. The cell is run on the general
    /// ``Simulation`` (Rodas4, rtol 1e-8, every step recorded, spikes located) so that the Na⁺ current can be
    /// integrated on its dense output; a cycle needs a spike on either side, so fewer than three spikes give none.
    func spikeCosts(of cell: Scenario, duration: Double, in context: inout RequestContext) throws -> [ActionPotentialCost] {
        var scenario = cell
        scenario.duration = duration
        var simulation = try Simulation(scenario: scenario, solver: SimulationSolver(relativeTolerance: 1e-8),
                                        stateEvents: [.spikes()], recording: .everyStep)
        let (termination, _) = SimulationDriver.run(&simulation, context: &context)
        guard termination != .interrupted else { return [] }
        return try simulation.trajectory(termination: termination).actionPotentialCosts()
    }

    /// Refuses `spike-cost` where it has no meaning: a population (it is the cost of one cell's spikes).
    func checkSpikeCost() throws {
        guard spikeCost == true else { return }
        if let cells {
            throw MembraneError.invalidValue(field: "spike-cost", value: "true",
                                             allowed: "the cost of one cell's action potentials: without `cells` (here \(cells))")
        }
    }
}
