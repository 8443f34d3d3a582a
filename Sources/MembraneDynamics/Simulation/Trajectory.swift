import MembraneUnits
import MembraneNumerics

/// The result of a simulation: the scenario and solver it came from, every recorded point (flat state
/// vectors laid out by ``layout``), the solver's statistics and why it ended.
public struct Trajectory: Sendable {
    public let scenario: Scenario
    public let solver: SimulationSolver
    /// The compiled model at t = 0 (its pump activity is that of the first record).
    public let system: PumpLeakSystem
    public let times: [Double]
    /// State vectors, `layout.count` values per record.
    public let states: [Double]
    /// f(t, y) at each record (for cubic Hermite interpolation between records).
    public let derivatives: [Double]
    /// Pump activity in force at each record (after an event at that time).
    public let pumpActivities: [Double]
    public let events: [AppliedEvent]
    public let statistics: IntegratorStatistics
    public let termination: Termination

    public var layout: StateLayout { system.layout }
    public var count: Int { times.count }
    var dimension: Int { system.dimension }

    public func stateVector(at i: Int) -> [Double] {
        Array(states[(i * dimension)..<((i + 1) * dimension)])
    }

    /// The cell state at record i.
    public func cellState(at i: Int) -> CellState {
        var s = system
        s.pumpActivity = pumpActivities[i]
        return s.cellState(time: times[i], state: stateVector(at: i))
    }

    public var initial: CellState { cellState(at: 0) }
    public var final: CellState { cellState(at: count - 1) }

    /// Cell states at t = 0, Δt, 2Δt, … up to the last record, by cubic Hermite interpolation between
    /// records (third-order accurate, matching the records exactly; Hairer, Nørsett & Wanner I §II.6).
    public func sampled(every interval: Double) -> [CellState] {
        guard interval > 0, count > 0 else { return [] }
        var out: [CellState] = []
        let end = times[count - 1]
        var i = 0
        var k = 0
        while true {
            let t = Double(k) * interval
            if t > end * (1 + 1e-12) { break }
            while i + 1 < count - 1 && times[i + 1] < t { i += 1 }
            out.append(interpolated(at: min(t, end), from: i))
            k += 1
        }
        return out
    }

    func interpolated(at t: Double, from i0: Int) -> CellState {
        var i = i0
        // Skip zero-length intervals (an event records the same time twice).
        while i + 1 < count && times[i + 1] <= times[i] { i += 1 }
        guard i + 1 < count else { return cellState(at: count - 1) }
        let t0 = times[i], t1 = times[i + 1], h = t1 - t0
        let theta = max(0, min(1, (t - t0) / h))
        let h00 = (1 + 2 * theta) * (1 - theta) * (1 - theta), h10 = theta * (1 - theta) * (1 - theta)
        let h01 = theta * theta * (3 - 2 * theta), h11 = theta * theta * (theta - 1)
        var y = [Double](repeating: 0, count: dimension)
        for c in 0..<dimension {
            y[c] = h00 * states[i * dimension + c] + h10 * h * derivatives[i * dimension + c]
                + h01 * states[(i + 1) * dimension + c] + h11 * h * derivatives[(i + 1) * dimension + c]
        }
        var s = system
        s.pumpActivity = pumpActivities[i + 1]
        return s.cellState(time: t, state: y)
    }

    /// How well amounts, charge and osmoles are conserved over the run.
    public var conservation: ConservationReport { ConservationReport(self) }
}

/// Conservation checks over a trajectory: for each ion the amount in cell + bath, the total charge and
/// the total osmoles are constant exactly in the equations; the report gives the largest drift relative
/// to the quantity (round-off, ~1e-13, when the bookkeeping is right). `cellChargeMismatch` compares the
/// cell's charge with C·A·V (charge difference) or with zero (electroneutral).
public struct ConservationReport: Sendable {
    public var ions: [(name: String, drift: Double)]
    public var charge: Double
    public var osmoles: Double
    public var cellChargeMismatch: Double

    public var worst: Double { max(ions.map(\.drift).max() ?? 0, charge, osmoles, cellChargeMismatch) }

    init(_ t: Trajectory) {
        let s = t.system
        let n = s.n, d = s.dimension
        var drift = [Double](repeating: 0, count: n)
        var chargeDrift = 0.0, osmDrift = 0.0, cellMismatch = 0.0
        func totals(_ i: Int) -> (ions: [Double], charge: Double, chargeScale: Double, osmoles: Double) {
            var ions = [Double](repeating: 0, count: n)
            var q = s.zX * s.impermeantAmount + s.zXo * s.outsideImpermeantAmount
            var qs = abs(q), osm = s.impermeantAmount + s.outsideImpermeantAmount
            for j in 0..<n {
                let total = t.states[i * d + j] + t.states[i * d + s.bathOffset + j]
                ions[j] = total
                q += s.z[j] * total
                qs += abs(s.z[j]) * (abs(t.states[i * d + j]) + abs(t.states[i * d + s.bathOffset + j]))
                osm += total
            }
            return (ions, q, qs, osm)
        }
        let first = totals(0)
        let area = t.scenario.geometry.area, cap = t.scenario.capacitance.faradsPerSquareMetre
        for i in 0..<t.count {
            let now = totals(i)
            for j in 0..<n {
                let scale = max(abs(t.states[j]) + abs(t.states[s.bathOffset + j]), 1e-300)
                drift[j] = max(drift[j], abs(now.ions[j] - first.ions[j]) / scale)
            }
            chargeDrift = max(chargeDrift, abs(now.charge - first.charge) / max(now.chargeScale, 1e-300))
            osmDrift = max(osmDrift, abs(now.osmoles - first.osmoles) / max(first.osmoles, 1e-300))
            // Cell charge against C·A·V.
            let y = Array(t.states[(i * d)..<((i + 1) * d)])
            let qCell = s.faraday * t.scenario.geometry.volume * s.chargeAmount(y)
            var contents = 0.0
            for j in 0..<n { contents += abs(s.z[j]) * abs(y[j]) }
            let scale = s.faraday * t.scenario.geometry.volume * contents
            if s.electroneutral {
                cellMismatch = max(cellMismatch, abs(qCell) / scale)
            } else {
                let v = s.kappa * s.chargeAmount(y)
                cellMismatch = max(cellMismatch, abs(qCell - cap * area * v) / max(abs(qCell), 1e-30 * scale, 1e-300))
            }
        }
        ions = zip(t.scenario.ions, drift).map { ($0.0.name, $0.1) }
        charge = chargeDrift
        osmoles = osmDrift
        cellChargeMismatch = cellMismatch
    }
}
