import MembraneUnits
import MembraneNumerics

/// A cell under an ideal voltage clamp (Hodgkin & Huxley 1952, J. Physiol. 117:500, whose equations assume one):
/// V_m follows the command exactly, V_m(t) = V_cmd(t) (``VoltageClampCommand``), and the clamp supplies whatever
/// current that takes,
///
///     I_clamp = C·dV_cmd/dt + Σ I_ion(V_cmd, gates, concentrations)      (outward positive, A/m²)
///
/// (C·dV/dt = I_clamp − Σ I_ion with the injected current I_clamp; between the command's jumps dV_cmd/dt is 0 or a
/// ramp's slope; the charge C·ΔV moved at a jump is delivered instantly and is not a current sample). The gates and
/// any changing concentrations evolve as in the free cell at that V (``CellModel``): the model is the cell's, with the
/// charge-difference potential replaced by the command. In the state, V_other is set so that
/// V = κ·(Σ zⱼNⱼ + z_X·N_X) + V_other equals V_cmd(t) at every evaluation (so ∂f/∂y is the cell's Jacobian chained
/// through V_other = V_cmd − κ·q(y), exact) and does not itself move. Unlike NEURON's `SEClamp` (a series resistance
/// r_s, ``Stimulus/voltageClamp(command:conductance:)``), the clamp has no error and no time constant r_s·C.
public struct VoltageClampedCell: SimulationModel {
    /// The free cell (its initial gates at their steady state at the holding potential).
    public private(set) var cell: CellModel
    /// The command potential.
    public let command: VoltageClampCommand
    /// The command's linear piece in force (value, slope, origin).
    var piece: (value: Double, slope: Double, origin: Double)
    /// The number of the cell's observables (`I_clamp` follows them).
    let cellObservables: Int

    /// `scenario` clamped at `command`: its stimuli are dropped (the clamp sets V) and its gates start at their steady
    /// state at the holding potential (as after a long hold). Throws for a command out of range or a cell whose
    /// potential is not a state (the electroneutral limit).
    public init(scenario: Scenario, command: VoltageClampCommand, field: String = "voltage-clamp") throws {
        try command.validate(field: field)
        guard scenario.voltageModel != .electroneutral else {
            throw MembraneError.invalidValue(field: field, value: scenario.name,
                                             allowed: "a cell whose membrane potential follows its charge (not the electroneutral limit)")
        }
        var s = scenario
        s.stimuli = []
        s.initialPotential = .volts(command.holding)
        cell = try CellModel(s)
        guard cell.otherIndex >= 0 else {
            throw MembraneError.invalidValue(field: field, value: scenario.name, allowed: "a cell with a membrane potential to clamp")
        }
        self.command = command
        cellObservables = cell.observableNames.count
        let p = command.piece(at: 0)
        piece = (p.value, p.slope, 0)
    }

    /// V_cmd at t from the piece in force.
    @inline(__always) func commandPotential(at t: Double) -> Double { piece.value + piece.slope * (t - piece.origin) }

    /// The cell's state with V_other set so that V_m = V_cmd(t).
    public func clampedState(at t: Double, _ y: [Double]) -> [Double] {
        var yc = y
        yc[cell.otherIndex] = commandPotential(at: t) - cell.kappa * cell.chargeAmount(y)
        return yc
    }

    /// I_clamp (A/m², outward positive: the current the clamp injects, equal to the membrane current).
    public func clampCurrent(at t: Double, state y: [Double]) -> Double {
        let yc = clampedState(at: t, y)
        let ionic = cell.withWorkspace { ws in
            yc.withUnsafeBufferPointer { p in
                let natural = cell.naturalVariables(p.baseAddress!, ws)
                return cell.totalCurrent(natural, potential: natural.potential, states: p.baseAddress! + cell.stateOffset, ws)
            }
        }
        return cell.capacitance * piece.slope + ionic
    }

    // MARK: ODESystem

    public var dimension: Int { cell.dimension }
    /// Autonomous on each piece unless the command ramps.
    public var isAutonomous: Bool {
        !command.segments.contains { if case .ramp = $0 { return true }; return false }
    }

    public func derivatives(at t: Double, state y: [Double], into dydt: inout [Double]) {
        cell.derivatives(at: t, state: clampedState(at: t, y), into: &dydt)
        dydt[cell.otherIndex] = 0
    }

    /// The cell's Jacobian at the clamped state, chained through V_other = V_cmd − κ·q(y): column Nⱼ gains
    /// −κ·zⱼ × column V_other, which (like the row of V_other) is then zero.
    public func jacobian(at t: Double, state y: [Double], into j: inout DenseMatrix) -> Bool {
        guard cell.jacobian(at: t, state: clampedState(at: t, y), into: &j) else { return false }
        let d = dimension, other = cell.otherIndex, kappa = cell.kappa, z = cell.z
        for (ion, index) in cell.cellIndex.enumerated() where index >= 0 {
            for r in 0..<d { j.storage[r * d + index] -= kappa * z[ion] * j.storage[r * d + other] }
        }
        for r in 0..<d { j.storage[r * d + other] = 0 }
        for c in 0..<d { j.storage[other * d + c] = 0 }
        return true
    }

    /// ∂f/∂t = (∂f/∂V_other)·dV_cmd/dt (the free cell is autonomous once its stimuli are dropped).
    public func timeDerivative(at t: Double, state y: [Double], into dfdt: inout [Double]) -> Bool {
        let d = dimension
        var j = DenseMatrix(size: d)
        guard cell.jacobian(at: t, state: clampedState(at: t, y), into: &j) else { return false }
        for r in 0..<d { dfdt[r] = j.storage[r * d + cell.otherIndex] * piece.slope }
        dfdt[cell.otherIndex] = 0
        return true
    }

    // MARK: SimulationModel

    public var layout: StateLayout { cell.layout }
    public var initialState: [Double] { cell.initialState }
    public mutating func start(from y: [Double]) { cell.start(from: y) }
    public var positiveComponents: [Int] { cell.positiveComponents }
    public func breakpoints(until end: Double) -> [Double] { command.breakpoints(until: end) }
    public mutating func enterPiece(at t: Double) {
        let p = command.piece(at: t)
        piece = (p.value, p.slope, t)
    }

    public var parameterNames: [String] { cell.parameterNames }
    public func parameterValue(_ index: Int) -> Double { cell.parameterValue(index) }
    public mutating func setParameter(_ index: Int, to value: Double) throws { try cell.setParameter(index, to: value) }

    /// The cell's observables at the clamped state (`vm` is V_cmd), `I_stim` the clamp current, and `I_clamp` (the
    /// same, by its own name).
    public var observableNames: [String] { cell.observableNames + ["I_clamp"] }

    public func observe(_ index: Int, at t: Double, state y: [Double]) -> Double {
        // `I_stim` is the cell's observable 2 (after `vm` and `volume`).
        if index >= cellObservables || index == 2 { return clampCurrent(at: t, state: y) }
        return cell.observe(index, at: t, state: clampedState(at: t, y))
    }
}
