import MembraneUnits

/// A cell's trajectory read as cell states.
extension Trajectory where Model == CellModel {
    /// The scenario the model was compiled from.
    public var scenario: Scenario { model.scenario }

    /// The cell state at record i.
    public func cellState(at i: Int) -> CellState { model(at: i).cellState(time: times[i], state: stateVector(at: i)) }

    /// The cell at t = 0.
    public var initial: CellState { cellState(at: 0) }
    /// The cell at the last record.
    public var final: CellState { cellState(at: count - 1) }

    /// Cell states at t = 0, Δt, 2Δt, … up to the last record, by cubic Hermite interpolation between records
    /// (third-order accurate, matching the records exactly; Hairer, Nørsett & Wanner I §II.6).
    public func sampled(every interval: Double) -> [CellState] {
        guard interval > 0, count > 0 else { return [] }
        var out: [CellState] = []
        let end = times[count - 1]
        var k = 0
        while true {
            let t = Double(k) * interval
            if t > end * (1 + 1e-12) { break }
            let (m, y) = interpolatedState(at: min(t, end))
            out.append(m.cellState(time: min(t, end), state: y))
            k += 1
        }
        return out
    }

    /// How well amounts, charge and osmoles are conserved over the run.
    public var conservation: ConservationReport { ConservationReport(self) }
}

/// Conservation checks over a trajectory: for each ion the amount in cell + bath, the total charge of the ions and
/// impermeants and the total osmoles are constant exactly in the equations; the report gives the largest drift
/// relative to the quantity (round-off, ~1e-13, when the bookkeeping is right). With an infinite bath the bath's
/// share is what the cell gave it, Tⱼ − Nⱼ; a finite bath's share includes what its exchange (bath diffusion, glia)
/// removed, Eⱼ (``ExtracellularExchange``). `cellChargeMismatch` compares the cell's charge with C·A·V
/// (charge difference) or with zero (electroneutral).
public struct ConservationReport: Sendable {
    /// Relative drift of each ion's total amount (cell + bath) over the run.
    public var ions: [(name: String, drift: Double)]
    /// Relative drift of the total charge.
    public var charge: Double
    /// Relative drift of the total osmoles.
    public var osmoles: Double
    /// Largest relative mismatch between the cell's charge and what the voltage model requires.
    public var cellChargeMismatch: Double

    /// The largest of all drifts: round-off (≲ 10⁻¹²) for a correct model and integrator.
    public var worst: Double { max(ions.map(\.drift).max() ?? 0, charge, osmoles, cellChargeMismatch) }

    init(_ t: Trajectory<CellModel>) {
        let s = t.model
        let n = s.n, d = s.dimension
        let first = t.stateVector(at: 0)
        // Tⱼ of the run: the amounts at its start (cell, and a finite bath).
        let totals = (0..<n).map { j in
            (s.cellIndex[j] >= 0 ? first[s.cellIndex[j]] : 0) + (s.bathIndex[j] >= 0 ? first[s.bathIndex[j]] : 0)
        }
        func amounts(_ i: Int) -> (cell: [Double], bath: [Double]) {
            var cell = [Double](repeating: 0, count: n), bath = cell
            for j in 0..<n where s.cellIndex[j] >= 0 {
                cell[j] = t.states[i * d + s.cellIndex[j]]
                bath[j] = s.bathIndex[j] >= 0 ? t.states[i * d + s.bathIndex[j]] : totals[j] - cell[j]
            }
            // What a finite bath's exchange removed still counts (cell + ECS + exchanged).
            for term in s.exchangeTerms { bath[term.ion] += t.states[i * d + term.index] }
            return (cell, bath)
        }
        func totalsAt(_ i: Int) -> (ions: [Double], charge: Double, chargeScale: Double, osmoles: Double) {
            let (cell, bath) = amounts(i)
            var ions = [Double](repeating: 0, count: n)
            var q = s.zX * s.impermeantAmount + s.zXo * s.outsideImpermeantAmount
            var qs = abs(q), osm = s.impermeantAmount + s.outsideImpermeantAmount
            for j in 0..<n {
                let total = cell[j] + bath[j]
                ions[j] = total
                q += s.z[j] * total
                qs += abs(s.z[j]) * (abs(cell[j]) + abs(bath[j]))
                osm += total
            }
            return (ions, q, qs, osm)
        }
        var drift = [Double](repeating: 0, count: n)
        var chargeDrift = 0.0, osmDrift = 0.0, cellMismatch = 0.0
        let start = totalsAt(0)
        let area = t.scenario.geometry.area, cap = t.scenario.capacitance.faradsPerSquareMetre
        let w = t.scenario.geometry.volume
        for i in 0..<t.count {
            let now = totalsAt(i)
            let (cell, bath) = amounts(i)
            for j in 0..<n where s.cellIndex[j] >= 0 {
                let scale = max(abs(cell[j]) + abs(bath[j]), 1e-300)
                drift[j] = max(drift[j], abs(now.ions[j] - start.ions[j]) / scale)
            }
            chargeDrift = max(chargeDrift, abs(now.charge - start.charge) / max(now.chargeScale, 1e-300))
            osmDrift = max(osmDrift, abs(now.osmoles - start.osmoles) / max(start.osmoles, 1e-300))
            // Cell charge against C·A·V.
            let y = t.stateVector(at: i)
            let qCell = s.faraday * w * s.chargeAmount(y)
            var contents = 0.0
            for j in 0..<n { contents += abs(s.z[j]) * abs(cell[j]) }
            let scale = s.faraday * w * contents
            if s.electroneutral {
                cellMismatch = max(cellMismatch, abs(qCell) / max(scale, 1e-300))
            } else if s.otherIndex < 0 {
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
