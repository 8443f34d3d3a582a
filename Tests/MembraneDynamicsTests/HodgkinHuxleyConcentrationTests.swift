import Testing
import Foundation
@testable import MembraneDynamics
import MembraneNumerics
import MembraneUnits
import MembraneTestSupport

/// The Hodgkin–Huxley cell whose Na⁺ and K⁺ concentrations change with its currents (``HodgkinHuxleyConcentrations``):
/// the held limit equals NEURON's fixed-E cell, conservation holds to round-off, and the Na⁺ entering per spike is the
/// integral of I_Na.
@Suite("Hodgkin–Huxley with changing concentrations")
struct HodgkinHuxleyConcentrationTests {
    static func cell(_ treatment: HodgkinHuxleyConcentrations, geometry: CellGeometry = Scenario.neuronReferenceCompartment,
                     duration: Double) -> Scenario {
        var s = Scenario.hodgkinHuxley1952(concentrations: treatment, geometry: geometry)
        s.stimuli = [.constantCurrent(.microamperesPerSquareCentimetre(10))]
        s.duration = duration
        return s
    }

    static let tight = SimulationSolver(relativeTolerance: 1e-10, absoluteTolerance: 1e-13)

    /// Concentrations held by the flag: E_Na and E_K are the Nernst potentials of held concentrations, equal to the
    /// fixed 50 and −77 mV to round-off, so the cell is NEURON's: its right-hand side equals the fixed cell's, and
    /// 200 ms of firing give the same spike times to 1e-9 ms (general simulation, Rodas4 at rtol 1e-10).
    @Test func heldConcentrationsEqualFixedReversalPotentials() throws {
        let fixed = try CellModel(Self.cell(.fixed, duration: 0.2)), held = try CellModel(Self.cell(.held, duration: 0.2))
        #expect(fixed.dimension == held.dimension)
        for v in [-80.0, -65, -40, 0, 30] {
            var y = fixed.initialState
            y[fixed.otherIndex] = v * 1e-3
            var a = y, b = y
            fixed.derivatives(at: 0, state: y, into: &a)
            held.derivatives(at: 0, state: y, into: &b)
            for i in 0..<y.count { #expect(isRelativelyClose(a[i], b[i], relative: 1e-13, absolute: 1e-12), "component \(i) at \(v) mV") }
        }
        let spikes = try [Scenario](arrayLiteral: Self.cell(.fixed, duration: 0.2), Self.cell(.held, duration: 0.2)).map {
            try solve($0, using: Self.tight, stateEvents: [.spikes()], recording: .crossingsAndFinal).crossingTimes(of: "spike")
        }
        #expect(spikes[0].count == spikes[1].count && spikes[0].count >= 12)
        #expect(HHReference.maxError(spikes[0], spikes[1]) < 1e-12)
    }

    /// The infinite-volume limit: the larger the cell (volume/area ∝ radius), the less a spike moves the
    /// concentrations, and the spike times converge to the fixed-E cell's in proportion (×10 radius → ÷10 difference,
    /// within 20 %).
    @Test func largeCellsApproachTheFixedCell() throws {
        let fixed = try solve(Self.cell(.fixed, duration: 0.1), using: Self.tight, stateEvents: [.spikes()],
                              recording: .crossingsAndFinal).crossingTimes(of: "spike")
        var differences: [Double] = []
        for radius in [20.0, 200.0] {
            let s = Self.cell(.dynamic(extracellularVolume: nil), geometry: .sphere(radius: .micrometres(radius)), duration: 0.1)
            let t = try solve(s, using: Self.tight, stateEvents: [.spikes()], recording: .crossingsAndFinal).crossingTimes(of: "spike")
            #expect(t.count == fixed.count)
            differences.append(HHReference.maxError(t, fixed))
        }
        #expect(differences[0] > 1e-7, "\(differences)")
        let ratio = differences[0] / differences[1]
        #expect(ratio > 8 && ratio < 12, "difference ratio \(ratio) (\(differences))")
    }

    /// With a restricted extracellular space (0.2 × the cell volume) every ion's amount in cell + space, the total
    /// charge of the ions and the osmoles are conserved to round-off over 60 ms of firing (``ConservationReport``),
    /// while K⁺ accumulates outside; and the charge on the membrane follows its sources: C·A·ΔV equals the charge the
    /// Na⁺ and K⁺ currents moved (from the amounts) plus ∫(I_stim − I_L)·A dt (by independent trapezoidal quadrature
    /// of the recorded leak current), to the quadrature's accuracy.
    @Test func conservationWithARestrictedSpace() throws {
        let s = Self.cell(.dynamic(extracellularVolume: 0.2), duration: 0.06)
        let tr = try solve(s, using: Self.tight, stateEvents: [.spikes()], recording: .everyStep)
        #expect(tr.termination == .finished)
        #expect(tr.crossings.count >= 4)
        let report = tr.conservation
        for (name, drift) in report.ions { #expect(drift < 1e-13, "\(name): \(drift)") }
        #expect(report.charge < 1e-13)
        #expect(report.osmoles < 1e-13)
        #expect(tr.final.outside("K")!.millimolar > tr.initial.outside("K")!.millimolar + 0.01)
        // Charge bookkeeping, C.
        let model = tr.model, w = s.geometry.volume, area = s.geometry.area, faraday = s.conditions.faraday
        let first = tr.stateVector(at: 0), last = tr.stateVector(at: tr.count - 1)
        var ionic = 0.0
        for (j, ion) in s.ions.enumerated() {
            let i = try #require(model.layout.index(of: "cell.\(ion.name)"))
            ionic += Double(ion.charge) * faraday * (last[i] - first[i]) * w
        }
        // ∫(I_stim − I_L)·A dt by Simpson's rule on 30 000 intervals of the dense output.
        let leakIndex = try model.observableIndex(named: "I.hh_L")
        let intervals = 30_000, h = s.duration / Double(intervals)
        var external = 0.0
        for k in 0...intervals {
            let t = Double(k) * h
            let (m, y) = tr.interpolatedState(at: t)
            let weight = k == 0 || k == intervals ? 1.0 : (k % 2 == 1 ? 4.0 : 2.0)
            external += weight * (0.1 - m.observe(leakIndex, at: t, state: y))  // I_stim = 10 µA/cm² = 0.1 A/m²
        }
        external *= h / 3 * area
        let capacitor = s.capacitance.faradsPerSquareMetre * area * (tr.final.potential.volts - tr.initial.potential.volts)
        let scale = s.capacitance.faradsPerSquareMetre * area * 0.1
        #expect(abs(capacitor - (ionic + external)) < 1e-6 * scale, "C·A·ΔV \(capacitor) C vs \(ionic + external) C")
    }

    /// The cost of one action potential (``ActionPotentialCost``) in repetitive firing at 10 µA/cm²: the Na⁺ charge the
    /// function integrates over a trough-to-trough cycle equals the change of the cell's Na⁺ amount over it (the
    /// integrator's state: nothing else moves Na⁺), to the quadrature's 1e-6; ions = Q·A/e, minimum = C·ΔV·A/e,
    /// ATP = ions/3, overlap factor = Q_Na/(C·ΔV).
    @Test func sodiumPerSpikeIsTheIntegralOfTheSodiumCurrent() throws {
        let s = Self.cell(.dynamic(extracellularVolume: nil), duration: 0.08)
        let tr = try solve(s, using: Self.tight, stateEvents: [.spikes()], recording: .everyStep)
        let costs = try tr.actionPotentialCosts()
        #expect(costs.count >= 2)
        let na = try #require(tr.model.layout.index(of: "cell.Na"))
        let w = s.geometry.volume, area = s.geometry.area, e = s.conditions.constants.elementaryCharge
        for cost in costs {
            let (_, y0) = tr.interpolatedState(at: cost.start), (_, y1) = tr.interpolatedState(at: cost.end)
            let entered = (y1[na] - y0[na]) * w * s.conditions.faraday / area  // C/m²
            #expect(isRelativelyClose(cost.sodiumCharge, entered, relative: 1e-6), "\(cost.sodiumCharge) vs \(entered) C/m²")
            #expect(isRelativelyClose(cost.sodiumIons, cost.sodiumCharge * area / e, relative: 1e-14))
            #expect(isRelativelyClose(cost.minimumIons, 1e-2 * (cost.peak.volts - cost.trough.volts) * area / e, relative: 1e-12))
            #expect(isRelativelyClose(cost.atp, cost.sodiumIons / 3, relative: 1e-14))
            #expect(cost.peak.millivolts > 20 && cost.trough.millivolts < -65)
            #expect(isRelativelyClose(cost.overlapFactor, cost.sodiumCharge / (1e-2 * cost.amplitude.volts), relative: 1e-14))
        }
        // Successive cycles of a steady train cost nearly the same (the concentrations drift slowly).
        #expect(isRelativelyClose(costs[0].sodiumCharge, costs[1].sodiumCharge, relative: 0.05))
    }

    /// One action potential from rest, evoked by a 0.2 ms pulse of 100 µA/cm² (20 nC/cm²): the membrane reaches its
    /// peak only if the Na⁺ that entered, plus the pulse, carried at least C·(V_peak − V_rest), since every other current
    /// is outward on the way up; so Q_Na ≥ C·ΔV_rise − Q_pulse, a bound from charge balance alone.
    @Test func singleSpikeNeedsAtLeastTheCapacitiveCharge() throws {
        var s = Scenario.hodgkinHuxley1952(concentrations: .dynamic(extracellularVolume: nil))
        s.stimuli = [.currentStep(start: 0.001, duration: 0.0002, .microamperesPerSquareCentimetre(100))]
        s.duration = 0.02
        let tr = try solve(s, using: Self.tight, stateEvents: [.spikes()], recording: .everyStep)
        #expect(tr.crossings.count == 1)
        let cost = try tr.actionPotentialCost(from: 0, to: 0.02)
        let rise = cost.peak.volts - tr.initial.potential.volts
        let pulse = 1.0 * 0.0002  // A/m² × s = C/m²
        #expect(cost.sodiumCharge >= 1e-2 * rise - pulse)
        #expect(cost.overlapFactor > 1)
    }
}
