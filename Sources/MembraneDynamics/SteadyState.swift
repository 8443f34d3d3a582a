import MembraneUnits
import MembraneNumerics
import MembranePhysics
import RealModule

/// Finds the pump–leak steady state directly: Newton's method on `SteadyStateEquations`, with the Newton
/// homotopy (``HomotopyContinuation``) as the fallback when Newton alone fails.
///
/// When Newton fails it checks whether a finite-volume steady state can exist at all (``SteadyStateExistence``):
/// if not, it throws ``MembraneError/undefined(field:reason:)`` with the range of pump rates for which one
/// exists. If both Newton and continuation fail it throws ``MembraneError/noConvergence(method:iterations:residual:detail:)``
/// with the residual: never a silent wrong answer.
public struct SteadyStateSolver: Sendable {
    /// The Newton solver tried first.
    public var newton: NewtonSolver
    /// nil disables the fallback.
    public var continuation: HomotopyContinuation?
    /// Whether a failure first checks that a steady state exists (and reports the pump rates for which one does).
    public var checkExistence: Bool

    /// A solver with the given Newton method, fallback and existence check.
    public init(newton: NewtonSolver = NewtonSolver(tolerance: 1e-11, maximumIterations: 60, maximumStep: 4),
                continuation: HomotopyContinuation? = HomotopyContinuation(
                    corrector: NewtonSolver(tolerance: 1e-9, maximumIterations: 8, maximumStep: 4),
                    finalSolver: NewtonSolver(tolerance: 1e-11, maximumIterations: 60, maximumStep: 4)),
                checkExistence: Bool = true) {
        self.newton = newton
        self.continuation = continuation
        self.checkExistence = checkExistence
    }

    /// The same solver with every iteration budget (Newton iterations, continuation steps) capped at
    /// `iterations` (the `--max-iterations` option).
    public func limited(to iterations: Int) -> SteadyStateSolver {
        var s = self
        s.newton.maximumIterations = iterations
        if var c = s.continuation {
            c.corrector.maximumIterations = min(iterations, c.corrector.maximumIterations)
            c.finalSolver.maximumIterations = iterations
            c.maximumSteps = min(iterations, c.maximumSteps)
            s.continuation = c
        }
        return s
    }

    /// The steady state of `scenario` (net flux of every ion zero, osmotic balance, charge balance).
    public func solve(_ scenario: Scenario) throws -> SteadyState {
        let system = try CellModel(scenario)
        guard SteadyStateEquations.isSupported(system) else {
            throw MembraneError.invalidValue(field: "scenario", value: scenario.name,
                allowed: "a pump–leak cell for the steady-state solver (no held ions, gated channels, stimuli or nonspecific currents); simulate the cell instead")
        }
        guard scenario.extracellularExchange.isEmpty else {
            throw MembraneError.invalidValue(field: "extracellular_exchange", value: scenario.name,
                allowed: "a closed bath for the steady-state solver (its equations have no bath diffusion or glial uptake); simulate the cell instead")
        }
        var existence: PumpRateRange? = nil
        /// Throws when no finite-volume steady state can exist (checked when Newton fails, so that the error
        /// says why; a converged Newton solution is a steady state by definition).
        func checkThatOneExists() throws {
            guard checkExistence, case .infinite = scenario.bath else { return }
            if SteadyStateExistence.finiteVolumeExists(system) == false {
                existence = SteadyStateExistence.pumpRateRange(scenario)
                throw MembraneError.undefined(field: scenario.pump == nil ? "pump" : "pump-rate",
                                              reason: SteadyStateExistence.explanation(scenario, range: existence))
            }
        }
        let equations = SteadyStateEquations(system)
        let x0 = equations.initialGuess()
        // Closures that read `equations` in place (a method reference would copy the whole value into a box).
        var result = newton.solve(from: x0, residual: { equations.residual($0, &$1) },
                                  jacobian: { equations.jacobian($0, &$1) })
        var method = SteadyState.Method.newton
        var iterations = result.iterations
        if !result.converged { try checkThatOneExists() }
        if !result.converged, let continuation {
            let c = continuation.solve(from: x0, residual: { equations.residual($0, &$1) })
            iterations += c.steps + c.newton.iterations
            if c.converged {
                result = c.newton
                method = .continuation
            } else if c.newton.residual < result.residual {
                result = c.newton
            }
        }
        if result.converged && system.electroneutral {
            // Polish with the charge relative to the initial contents, to the round-off of the present ones: Newton ran
            // with it relative to the present contents (which lets it converge where the cell swells a millionfold),
            // which alone would also accept the way to an infinite volume, where the charge stays of the order of the
            // impermeant's while the contents grow without bound (``SteadyStateEquations/residualChargeScale(contents:)``).
            var precise = equations
            precise.chargeRelativeToPresentContents = false
            let scaled = precise
            var polisher = newton
            polisher.tolerance = max(newton.tolerance, 64 * Double.ulpOfOne * equations.contents(result.x) / equations.chargeScale)
            let polished = polisher.solve(from: result.x, residual: { scaled.residual($0, &$1) },
                                          jacobian: { scaled.jacobian($0, &$1) })
            iterations += polished.iterations
            result = polished
        }
        if result.converged && !system.electroneutral {
            // Polish with the charge condition scaled as a voltage.
            var precise = equations
            precise.voltageScaledCharge = true
            let scaled = precise
            // Round-off floor of κ·q/(RT/F): q is a small difference of amounts ~ the contents.
            var polisher = newton
            polisher.tolerance = max(newton.tolerance, 8 * Double.ulpOfOne * system.kappa * equations.chargeScale / system.vt)
            let polished = polisher.solve(from: result.x, residual: { scaled.residual($0, &$1) },
                                          jacobian: { scaled.jacobian($0, &$1) })
            iterations += polished.iterations
            result = polished
        }
        guard result.converged else {
            // A polish that failed may have followed the way to an infinite volume: say so when no steady state exists.
            try checkThatOneExists()
            throw MembraneError.noConvergence(
                method: "steady-state Newton" + (continuation == nil ? "" : " with continuation"), iterations: iterations,
                residual: result.residual,
                detail: (result.failure ?? "no convergence") + "; the residual is the largest net ion flux relative to that ion's flux scale (or the osmotic/charge imbalance); try simulating the cell instead (membrane simulate pump-leak)")
        }
        let y = equations.stateVector(result.x)
        let state = system.cellState(time: 0, state: y)
        return SteadyState(scenario: scenario, model: system, state: state, stateVector: y, method: method,
                           iterations: iterations, residual: result.residual,
                           energy: PumpEnergyBudget(state: state, scenario: scenario), existence: existence)
    }
}

/// A steady state of a pump–leak scenario.
public struct SteadyState: Sendable {
    /// How the steady state was found: Newton from the initial state, or the Newton homotopy.
    public enum Method: String, Sendable {
        /// Newton's method from the initial state converged.
        case newton
        /// Newton's method needed the Newton homotopy (continuation from a state it solves).
        case continuation
    }
    /// The scenario solved.
    public var scenario: Scenario
    /// The compiled model (its ``CellModel/layout`` names the components of ``stateVector``).
    public var model: CellModel
    /// The cell at the steady state.
    public var state: CellState
    /// The model's state vector at the steady state (to start a simulation there).
    public var stateVector: [Double]
    /// How it was found.
    public var method: Method
    /// Newton iterations (summed over the continuation's steps).
    public var iterations: Int
    /// The largest scaled residual (net flux relative to the ion's flux scale, or relative osmotic/charge imbalance).
    public var residual: Double
    /// Always true for a returned value (failures throw); kept for the JSON contract.
    public var converged: Bool { true }
    /// The pump's energy budget at the steady state (nil without a pump).
    public var energy: PumpEnergyBudget?
    /// The pump rates for which a steady state exists, when computed.
    public var existence: PumpRateRange?
}
