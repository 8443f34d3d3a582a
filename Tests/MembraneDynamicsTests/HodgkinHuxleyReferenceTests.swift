import Testing
import Foundation
@testable import MembraneDynamics
import MembraneNumerics
import MembraneUnits
import MembraneTestSupport

/// The files of Tests/Reference/hh (NEURON 9.0.2 and scipy DOP853 runs of NEURON's hh; its README says how they were
/// made) as rows of optional numbers (an empty field: nil).
enum HHReference {
    static func rows(_ file: String) throws -> [[Double?]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Reference/hh/\(file)")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map { Double($0) }
        }
    }

    /// Spike times (ms) of a `spike_index,time_ms[,…]` file.
    static func spikeTimes(_ file: String) throws -> [Double] { try rows(file).map { $0[1]! } }

    static func json(_ file: String) throws -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Reference/hh/\(file)")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    /// The preset driven by a constant current density (µA/cm²) from t = 0.
    static func cells(_ stimuli: [Double]) throws -> [Scenario] {
        let base = try ScenarioPreset.hodgkinHuxley1952.scenario()
        return stimuli.map { j in
            var s = base
            s.stimuli = [.constantCurrent(.microamperesPerSquareCentimetre(j))]
            return s
        }
    }

    static func maxError(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).map { abs($0 - $1) }.max() ?? .infinity }
    /// The vectorised kernel at tolerances far tighter than the default: the path the general simulation is held to.
    static let tightKernel = SpikingSolver(relativeTolerance: 1e-9, potentialTolerance: 1e-9, gateTolerance: 1e-9)
}

/// The gated-cell kernels are the cell model's equations: the right-hand sides of the general ``GatedCellKernel`` and
/// of the squid axon's compiled ``HodgkinHuxley1952Kernel`` each equal ``CellModel/derivatives(at:state:into:)``
/// (converted to ms and mV) at arbitrary states, lane by lane, each lane with its own parameters.
@Suite("Gated-cell kernel")
struct GatedCellKernelTests {
    /// A scenario's cell model and its kernel compilation.
    static func compiled(_ s: Scenario) throws -> (CellModel, GatedCellStructure, GatedCellParameters) {
        let model = try CellModel(s)
        let (structure, parameters) = try GatedCellStructure.compile(model)
        return (model, structure, parameters)
    }

    /// Four cells of the preset with different ḡ_Na, g_L, C and stimulus (and a TTX-like block of the Na⁺ channel on
    /// one), compiled.
    static func cells(_ treatment: HodgkinHuxleyConcentrations) throws -> [(CellModel, GatedCellStructure, GatedCellParameters)] {
        let preset = ScenarioPreset.hodgkinHuxley1952(concentrations: treatment)
        return try [(120.0, 0.0), (80.0, 10.0), (150.0, -3.0), (120.0, 40.0)].enumerated().map { k, cell in
            var s = try preset.scenario(setting: [("g_Na", cell.0), ("g_L", 0.3 + 0.1 * Double(k)), ("C_m", 1 + 0.5 * Double(k))])
            s.stimuli = [.constantCurrent(.microamperesPerSquareCentimetre(cell.1))]
            if k == 2, var sodium = s.mechanisms[0] as? HodgkinHuxleyChannel {
                sodium.block = 0.4
                s.mechanisms[0] = sodium
            }
            return try compiled(s)
        }
    }

    @Test(arguments: [HodgkinHuxleyConcentrations.fixed, .held])
    func kernelEqualsCellModel(_ treatment: HodgkinHuxleyConcentrations) throws {
        let cells = try Self.cells(treatment)
        let structure = cells[0].1
        #expect(cells.allSatisfy { $0.1 == structure })
        #expect(structure.exponents.filter { $0.source < 0 }.count == 2)  // e^{−V/80} (squared for −V/20, −V/10) and e^{−V/18}
        try check(GatedCellKernel<SIMD4<Double>, PortableLaneCode>.self, cells)
    }

    @Test(arguments: [HodgkinHuxleyConcentrations.fixed, .held])
    func compiledSquidKernelEqualsCellModel(_ treatment: HodgkinHuxleyConcentrations) throws {
        let cells = try Self.cells(treatment)
        #expect(cells[0].1.runsOnHodgkinHuxley1952Kernel)
        try check(HodgkinHuxley1952Kernel<SIMD4<Double>, PortableLaneCode>.self, cells)
    }

    /// At another temperature (φ = 3^((18.5 − 6.3)/10) = 3.82) the compiled kernel still runs and still equals the model.
    @Test func compiledSquidKernelAtAnotherTemperature() throws {
        let cells = try (0..<4).map { k in
            var s = Scenario.hodgkinHuxley1952(gK: 30 + Double(k))
            s.conditions = Conditions(temperature: try .celsius(18.5))
            return try Self.compiled(s)
        }
        #expect(isClose(cells[0].1.gates[0].phi, Double.pow(3, 1.22), within: 1e-12))
        #expect(cells[0].1.runsOnHodgkinHuxley1952Kernel)
        try check(HodgkinHuxley1952Kernel<SIMD4<Double>, PortableLaneCode>.self, cells)
    }

    /// A structure whose rates are not exactly the squid axon's (β_n's scale 80 → 81 mV, or the K⁺ channel first) is
    /// not the compiled kernel's: a run of it goes to the general kernel (still the vectorised path, not the general
    /// simulation).
    @Test func compiledSquidKernelRefusesOtherRates() throws {
        var changed = Scenario.hodgkinHuxley1952()
        var potassium = HodgkinHuxleyChannel.hodgkinHuxley1952Potassium()
        potassium.gates[0].beta = .exponential(perMillisecond: 0.125, midpointMillivolts: -65, scaleMillivolts: -81)
        changed.mechanisms[1] = potassium
        let structure = try Self.compiled(changed).1
        #expect(!structure.runsOnHodgkinHuxley1952Kernel)
        var swapped = Scenario.hodgkinHuxley1952()
        swapped.mechanisms.swapAt(0, 1)
        let other = try Self.compiled(swapped).1
        #expect(!other.runsOnHodgkinHuxley1952Kernel)
        for cell in [changed, swapped] {
            let run = try SpikingRun(cells: [cell], duration: 0.02).run()
            #expect(run.generalPathReason == nil && run.method.hasPrefix("Dormand"))
            #expect(!run.method.contains("compiled in"))
        }
    }

    func check<Kernel: GatedLaneSystem>(_: Kernel.Type, _ cells: [(CellModel, GatedCellStructure, GatedCellParameters)]) throws
        where Kernel.Lanes == SIMD4<Double> {
        let structure = cells[0].1
        var kernel = Kernel(structure: structure)
        for lane in 0..<4 { kernel.load(cells[lane].2, into: lane) }
        // V through the singular points of the exp-linear rates (−40 and −55 mV) and beyond, to the ends of the range
        // where the compiled kernel's powers of e^{−(V+65)/720} grow largest (e^{−(V+65)/10} = e^{8.5} at −150 mV).
        for (v, gates) in [(-65.0, [0.05, 0.6, 0.32]), (-40.0, [0.3, 0.4, 0.5]), (-55.0, [0.9, 0.1, 0.7]),
                           (-39.9999999, [0.2, 0.2, 0.2]), (-55.15, [0.4, 0.5, 0.6]), (20.0, [1.0, 0.0, 1.0]),
                           (-100.0, [0.0, 1.0, 0.0]), (-150.0, [0.01, 0.99, 0.05]), (60.0, [0.99, 0.01, 0.95])] {
            var y = [SIMD4<Double>](repeating: SIMD4(), count: 4), f = y
            var modelStates: [[Double]] = []
            for lane in 0..<4 {
                let model = cells[lane].0
                let laneState = [v + Double(lane) * 1e-3] + gates
                for i in 0..<4 { y[i][lane] = laneState[i] }
                modelStates.append(structure.modelState(laneState, model: model))
                #expect(isClose(model.potential(modelStates[lane]) * 1e3, laneState[0], within: 1e-12))
            }
            y.withUnsafeBufferPointer { yp in
                f.withUnsafeMutableBufferPointer { fp in kernel.derivatives(at: SIMD4(), state: yp.baseAddress!, into: fp.baseAddress!) }
            }
            for lane in 0..<4 {
                let model = cells[lane].0
                var expected = [Double](repeating: 0, count: model.dimension)
                model.derivatives(at: 0, state: modelStates[lane], into: &expected)
                // dV/dt: V/s = mV/ms; gates: s⁻¹ = 10³ ms⁻¹.
                let dv = expected[model.otherIndex]
                #expect(isRelativelyClose(f[0][lane], dv, relative: 1e-12, absolute: 1e-12), "\(Kernel.self) dV/dt at \(v) mV, lane \(lane)")
                for k in 1..<4 {
                    let g = expected[structure.modelIndices[k]] * 1e-3
                    #expect(isRelativelyClose(f[k][lane], g, relative: 1e-12, absolute: 1e-15),
                            "\(Kernel.self) gate \(k) at \(v) mV, lane \(lane): \(f[k][lane]) vs \(g)")
                }
            }
        }
    }

    /// Changing concentrations, other stimuli or other mechanisms are not the kernel's: the run falls back to the
    /// general simulation and says so.
    @Test func incompatibleCellsAreRecognised() throws {
        let dynamic = try CellModel(try ScenarioPreset.hodgkinHuxley1952(concentrations: .dynamic(extracellularVolume: nil)).scenario())
        #expect(throws: KernelIncompatibility.self) { _ = try GatedCellStructure.compile(dynamic) }
        var stepped = try ScenarioPreset.hodgkinHuxley1952.scenario()
        stepped.stimuli = [.currentStep(start: 0.01, duration: 0.02, .microamperesPerSquareCentimetre(10))]
        #expect(throws: KernelIncompatibility.self) { _ = try GatedCellStructure.compile(try CellModel(stepped)) }
    }
}

/// `hodgkin-huxley-1952` against NEURON 9.0.2 and scipy DOP853 (Tests/Reference/hh; INTERFACE.md's spikes: upward
/// crossings of 0 mV), with the default solver.
@Suite("Hodgkin–Huxley against NEURON and DOP853")
struct HodgkinHuxleyReferenceTests {
    /// Without a stimulus the cell settles where NEURON's does (rest_neuron.json: CVODE at atol 1e-10 after 5 s,
    /// −64.974052451602 mV), within 0.01 mV, from the finitialize(−65) start.
    @Test func restMatchesNeuron() throws {
        let neuron = try HHReference.json("rest_neuron.json")["vm_mV"] as! Double
        let result = try SpikingRun(cells: try HHReference.cells([0]), duration: 0.3).run()
        let cell = result.cells[0]
        #expect(cell.termination == .finished)
        #expect(cell.spikeCount == 0)
        let v = try cell.final().potential.millivolts
        #expect(isClose(v, neuron, within: 0.01), "rest \(v) mV, NEURON \(neuron) mV")
        #expect(abs(v - -65) > 0.02)  // the rest is not the −65 mV start (E_L = −54.3 mV makes it −64.974 mV)
    }

    /// 10 µA/cm² for 1 s: the same 69 spikes as NEURON's CVODE (atol 1e-8) at times within 0.1 ms (the bound).
    @Test func oneSecondMatchesNeuronCvode() throws {
        let neuron = try HHReference.spikeTimes("neuron_cvode_atol1e-8_1s_10uA.csv")
        let result = try SpikingRun(cells: try HHReference.cells([10]), duration: 1).run()
        let times = result.cells[0].spikeTimes.map { $0 * 1e3 }
        #expect(times.count == neuron.count)
        let error = HHReference.maxError(times, neuron)
        #expect(error < 0.1, "largest spike-time difference from NEURON CVODE: \(error) ms")
    }

    /// 10 µA/cm² for 10 s against DOP853 at rtol 1e-12 (684 spikes): the same count, and spike times more accurate
    /// than NEURON's fixed step at dt = 0.025 ms (whose errors, from its committed run, reach 44.7 ms with three spikes
    /// lost); with the default tolerances the errors stay below 0.1 ms.
    @Test func tenSecondsBeatNeuronFixedStep() throws {
        let reference = try HHReference.spikeTimes("scipy_dop853_10s_10uA.csv")
        let fixed = try HHReference.spikeTimes("neuron_fixed_dt0.025_10s_10uA.csv")
        let fixedError = HHReference.maxError(fixed, reference)
        #expect(fixed.count != reference.count && fixedError > 1)
        let result = try SpikingRun(cells: try HHReference.cells([10]), duration: 10).run()
        let times = result.cells[0].spikeTimes.map { $0 * 1e3 }
        #expect(times.count == reference.count)
        let error = HHReference.maxError(times, reference)
        #expect(error < fixedError, "\(error) ms against NEURON fixed step's \(fixedError) ms")
        #expect(error < 0.1, "largest spike-time error over 10 s: \(error) ms")
    }

    /// The 1000-cell population (cell k at 20·k/999 µA/cm², 1 s) against DOP853, on the cells where counts are
    /// hardest to get right: both sides of the single-spike threshold (cells 110–112), the onset of repetitive firing
    /// where cells fire 2, 3, 5, 9 spikes and fall silent (297–313), cells whose last spike falls within 0.05 ms of the
    /// end (368, 628), and every hundredth cell; counts equal and first spikes within 0.01 ms (NEURON's fixed step
    /// misses 255 of the 1000 counts, cell 111's only spike among them). The whole population is compared by
    /// `membrane-bench-hh accuracy` (BENCHMARKS.md).
    @Test(arguments: [true, false])
    func populationMatchesDop853(compiledKernels: Bool) throws {
        let reference = try HHReference.rows("scipy_dop853_population_1s.csv")
        let indices = [110, 111, 112, 297, 300, 307, 310, 311, 312, 313, 368, 628] + Array(stride(from: 0, to: 1000, by: 100)) + [999]
        let stimuli = indices.map { 20 * Double($0) / 999 }
        let result = try SpikingRun(cells: try HHReference.cells(stimuli), duration: 1,
                                    solver: SpikingSolver(compiledKernels: compiledKernels)).run()
        #expect(result.termination == .finished)
        #expect(result.method.contains("squid axon's rates compiled in") == compiledKernels)
        for (cell, k) in zip(result.cells, indices) {
            let row = reference[k]
            #expect(isClose(cell.stimulus.microamperesPerSquareCentimetre, row[1]!, within: 1e-12))
            #expect(cell.spikeCount == Int(row[2]!), "cell \(k): \(cell.spikeCount) spikes, reference \(Int(row[2]!))")
            if let first = row[3] {
                let mine = try #require(cell.firstSpike, "cell \(k) never fired") * 1e3
                #expect(isClose(mine, first, within: 0.01), "cell \(k): first spike \(mine) ms, reference \(first) ms")
            } else {
                #expect(cell.firstSpike == nil, "cell \(k)")
            }
        }
    }
}

/// How a spiking run is organised: the results do not depend on threads or lanes, a spread follows INTERFACE.md's
/// formula, the monitor can stop a run, cells the kernel cannot run go through the general simulation.
@Suite("Spiking runs")
struct SpikingRunTests {
    @Test func stimulusSpreadFollowsTheInterface() throws {
        let base = try ScenarioPreset.hodgkinHuxley1952.scenario()
        let cells = try SpikingRun.stimulusSpread(base, count: 5, from: .microamperesPerSquareCentimetre(2), to: .microamperesPerSquareCentimetre(10))
        let stimuli = cells.map { s -> Double in
            guard case .currentClamp(.constant(let a)) = s.stimuli[0] else { return .nan }
            return a * 1e2
        }
        #expect(stimuli == [2, 4, 6, 8, 10])
        let one = try SpikingRun.stimulusSpread(base, count: 1, from: .microamperesPerSquareCentimetre(3), to: .microamperesPerSquareCentimetre(9))
        #expect(one.count == 1)
        #expect(throws: MembraneError.self) { _ = try SpikingRun.stimulusSpread(base, count: 0, from: .zero, to: .zero) }
    }

    /// Each lane's arithmetic is its own: the same cells on 1 or 2 threads, 2 or 4 lanes give identical spike times.
    @Test func resultsDoNotDependOnThreadsOrLanes() throws {
        let cells = try HHReference.cells([3, 7, 12, 20, 0.5])
        var runs: [[[Double]]] = []
        for (threads, lanes) in [(1, 2), (2, 4), (2, 2)] {
            let result = try SpikingRun(cells: cells, duration: 0.05, solver: SpikingSolver(threads: threads, lanes: lanes)).run()
            runs.append(result.cells.map(\.spikeTimes))
            #expect(result.cells.map(\.index) == Array(0..<5))
        }
        #expect(runs[0] == runs[1] && runs[1] == runs[2])
        #expect(runs[0][3].count >= 2)
    }

    @Test func monitorStopsTheRun() throws {
        let cells = try HHReference.cells([10, 10, 10])
        let result = try SpikingRun(cells: cells, duration: 5, solver: SpikingSolver(threads: 1, lanes: 2)).run { _ in false }
        #expect(result.termination == .interrupted)
        #expect(result.cells.count == 3)
        #expect(result.cells.allSatisfy { $0.termination == .interrupted && $0.finalTime < 5 })
    }

    /// A cell whose concentrations change runs on the general simulation (Rodas4). In a large cell (a sphere of
    /// radius 500 µm: volume/area 167 µm, so a spike moves ~0.1 µM) its concentrations hardly move in 50 ms, and it
    /// fires like the kernel's fixed-concentration cell: same spike count, times within 1e-3 ms.
    @Test func generalPathForChangingConcentrations() throws {
        var dynamic = Scenario.hodgkinHuxley1952(concentrations: .dynamic(extracellularVolume: nil),
                                                 geometry: .sphere(radius: .micrometres(500)))
        dynamic.stimuli = [.constantCurrent(.microamperesPerSquareCentimetre(10))]
        let general = try SpikingRun(cells: [dynamic], duration: 0.05).run()
        #expect(general.method.hasPrefix("Rodas4"))
        #expect(general.generalPathReason?.contains("concentrations that change") == true)
        let kernel = try SpikingRun(cells: try HHReference.cells([10]), duration: 0.05,
                                    solver: HHReference.tightKernel).run()
        #expect(kernel.method.hasPrefix("Dormand") && kernel.generalPathReason == nil)
        #expect(general.cells[0].spikeCount == kernel.cells[0].spikeCount)
        #expect(HHReference.maxError(general.cells[0].spikeTimes, kernel.cells[0].spikeTimes) < 1e-6)
    }

    /// Cells at 6.3 and 18.5 °C (φ = 1 and 3.82) share no kernel structure: the population runs on the general
    /// simulation and says why, keeps the cells' order (on two threads), and each cell fires as it does alone on the
    /// kernel (same count, times within 1 µs).
    @Test func cellsOfDifferentStructureRunOnTheGeneralPath() throws {
        var cold = Scenario.hodgkinHuxley1952()
        cold.stimuli = [.constantCurrent(.microamperesPerSquareCentimetre(10))]
        var warm = cold
        warm.conditions = Conditions(temperature: try .celsius(18.5))
        let cells = [cold, warm, cold]
        let mixed = try SpikingRun(cells: cells, duration: 0.05, solver: SpikingSolver(threads: 2)).run()
        #expect(mixed.generalPathReason == "cells of different structure")
        #expect(mixed.method.hasPrefix("Rodas4"))
        // Each kind of cell alone (one run each: together they would not share the kernel either).
        let alone = try [cold, warm].map { try SpikingRun(cells: [$0], duration: 0.05, solver: HHReference.tightKernel).run() }
        #expect(alone.allSatisfy { $0.generalPathReason == nil })
        for (k, kind) in [0, 1, 0].enumerated() {
            let reference = alone[kind].cells[0]
            #expect(mixed.cells[k].index == k)
            #expect(mixed.cells[k].spikeCount == reference.spikeCount && reference.spikeCount > 0)
            #expect(HHReference.maxError(mixed.cells[k].spikeTimes, reference.spikeTimes) < 1e-6)
        }
        #expect(mixed.cells[1].spikeCount != mixed.cells[0].spikeCount)
    }

    @Test func badSettingsAreRefused() throws {
        let cells = try HHReference.cells([10])
        #expect(throws: MembraneError.self) { _ = try SpikingRun(cells: cells, duration: 0).run() }
        #expect(throws: MembraneError.self) { _ = try SpikingRun(cells: [], duration: 1).run() }
        #expect(throws: MembraneError.self) { _ = try SpikingRun(cells: cells, duration: 1, solver: SpikingSolver(threads: 0)).run() }
        #expect(throws: MembraneError.self) { _ = try SpikingRun(cells: cells, duration: 1, solver: SpikingSolver(lanes: 3)).run() }
        #expect(throws: MembraneError.self) { _ = try SpikingRun(cells: cells, duration: 1, solver: SpikingSolver(relativeTolerance: 2)).run() }
    }
}
