// membrane-bench-hh: the Hodgkin–Huxley timings and accuracy study of BENCHMARKS.md ("Hodgkin–Huxley"), run by
// Benchmarks/run-hh.sh. Build: MEMBRANE_BENCHMARKS=1 swift build -c release --product membrane-bench-hh
//
//   membrane-bench-hh single [--duration S] [--stimulus UA] [--rtol R] [--lanes L]
//       one hodgkin-huxley-1952 cell (the whole process is what run-hh.sh times); prints one JSON line
//   membrane-bench-hh population [--cells N] [--duration S] [--from A] [--to B] [--threads T] [--lanes L] [--rtol R]
//                                [--kernel compiled|general] [--isa portable|avx2]
//       N cells, cell k at A + (B − A)·k/(N − 1) µA/cm²; prints one JSON line with the run's own time. The default
//       runs them on the squid axon's compiled kernel (HodgkinHuxley1952Kernel); `--kernel general` on the general
//       GatedCellKernel, which reads the rates from the structure (the same equations). `--isa` picks the lane worker's
//       instruction set (default: the best the processor runs, VectorInstructionSet.best)
//   membrane-bench-hh accuracy [--rtol R ...]
//       spike-time errors against Tests/Reference/hh (DOP853 at 1e-12) for each tolerance: the tolerance study
import Foundation
import Membrane

struct Options {
    var values: [String: String] = [:]
    var lists: [String: [String]] = [:]
    init(_ arguments: ArraySlice<String>) {
        var key: String?
        for a in arguments {
            if a.hasPrefix("--") { key = String(a.dropFirst(2)); continue }
            if let k = key { values[k] = a; lists[k, default: []].append(a) }
        }
    }
    func double(_ k: String, _ d: Double) -> Double { values[k].flatMap(Double.init) ?? d }
    func int(_ k: String, _ d: Int) -> Int { values[k].flatMap(Int.init) ?? d }
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) * 1e-9 }

func json(_ pairs: [(String, Any)]) -> String {
    "{" + pairs.map { k, v in
        let value: String
        switch v {
        case let s as String: value = "\"\(s)\""
        case let d as Double: value = d.isFinite ? "\(d)" : "null"
        case Optional<Double>.none: value = "null"
        default: value = "\(v)"
        }
        return "\"\(k)\": \(value)"
    }.joined(separator: ", ") + "}"
}

func solver(_ o: Options, threads: Int, lanes: Int) -> SpikingSolver {
    let rtol = o.double("rtol", SpikingSolver().relativeTolerance)
    return SpikingSolver(relativeTolerance: rtol, potentialTolerance: rtol, gateTolerance: rtol, threads: threads, lanes: lanes,
                         compiledKernels: o.values["kernel"] != "general",
                         instructionSet: o.values["isa"].flatMap(VectorInstructionSet.init(rawValue:)))
}

func hhCells(count: Int, from a: Double, to b: Double) throws -> [Scenario] {
    try SpikingRun.stimulusSpread(try ScenarioPreset.hodgkinHuxley1952.scenario(), count: count,
                                  from: .microamperesPerSquareCentimetre(a), to: .microamperesPerSquareCentimetre(b))
}

/// Reads a reference CSV of Tests/Reference/hh as rows of columns.
func csv(_ name: String) throws -> [[String]] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let text = try String(contentsOf: root.appendingPathComponent("Tests/Reference/hh/\(name)"), encoding: .utf8)
    return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
}

func maxError(_ a: [Double], _ reference: [Double]) -> Double {
    zip(a, reference).map { abs($0 - $1) }.max() ?? 0
}

let args = CommandLine.arguments
let mode = args.count > 1 ? args[1] : "single"
let o = Options(args.dropFirst(2))
do {
    switch mode {
    case "single":
        let t0 = now()
        let cell = try hhCells(count: 1, from: o.double("stimulus", 10), to: o.double("stimulus", 10))
        let result = try SpikingRun(cells: cell, duration: o.double("duration", 10),
                                    solver: solver(o, threads: 1, lanes: o.int("lanes", 2))).run()
        let t1 = now()
        let c = result.cells[0]
        print(json([("case", "single"), ("spike_count", c.spikeCount), ("first_spike_ms", c.firstSpike.map { $0 * 1e3 }),
                    ("last_spike_ms", c.spikeTimes.last.map { $0 * 1e3 }), ("final_vm_mV", c.finalState.first.map { _ in
                        (try? c.final().potential.millivolts) ?? .nan }), ("run_s", t1 - t0),
                    ("steps", result.statistics.acceptedSteps), ("rejected", result.statistics.rejectedSteps),
                    ("method", result.method)]))
    case "population":
        let cells = try hhCells(count: o.int("cells", 1000), from: o.double("from", 0), to: o.double("to", 20))
        let run = SpikingRun(cells: cells, duration: o.double("duration", 1),
                             solver: solver(o, threads: o.int("threads", 2), lanes: o.int("lanes", 4)))
        let t0 = now()
        let result = try run.run()
        let t1 = now()
        print(json([("case", "population"), ("cells", cells.count), ("spike_count", result.spikeCount), ("run_s", t1 - t0),
                    ("steps", result.statistics.acceptedSteps), ("rejected", result.statistics.rejectedSteps),
                    ("method", result.method)]))
    case "accuracy":
        let reference10 = try csv("scipy_dop853_10s_10uA.csv").map { Double($0[1])! }
        let neuronFixed = try csv("neuron_fixed_dt0.025_10s_10uA.csv").map { Double($0[1])! }
        let cvode1 = try csv("neuron_cvode_atol1e-8_1s_10uA.csv").map { Double($0[1])! }
        let population = try csv("scipy_dop853_population_1s.csv")
        print(json([("case", "neuron-fixed-dt0.025"), ("spikes_10s", neuronFixed.count),
                    ("max_error_10s_ms", maxError(neuronFixed, reference10))]))
        for rtol in (o.lists["rtol"] ?? ["1e-6", "1e-7", "1e-8", "1e-9", "1e-10"]).compactMap(Double.init) {
            let s = SpikingSolver(relativeTolerance: rtol, potentialTolerance: rtol, gateTolerance: rtol, threads: 2, lanes: 4)
            let single = try SpikingRun(cells: try hhCells(count: 1, from: 10, to: 10), duration: 10, solver: s).run()
            let times = single.cells[0].spikeTimes.map { $0 * 1e3 }
            let oneSecond = times.filter { $0 < 1000 }
            let t0 = now()
            let pop = try SpikingRun(cells: try hhCells(count: 1000, from: 0, to: 20), duration: 1, solver: s).run()
            let t1 = now()
            var mismatches: [Int] = [], firstError = 0.0
            for (k, row) in population.enumerated() {
                let cell = pop.cells[k]
                if Int(row[2])! != cell.spikeCount { mismatches.append(k) }
                if let f = Double(row[3]), let g = cell.firstSpike { firstError = max(firstError, abs(f - g * 1e3)) }
            }
            print(json([("rtol", rtol), ("spikes_10s", times.count), ("max_error_10s_ms", maxError(times, reference10)),
                        ("spikes_1s", oneSecond.count), ("max_error_1s_vs_cvode_ms", maxError(oneSecond, cvode1)),
                        ("steps_10s", single.statistics.acceptedSteps), ("population_count_mismatches", mismatches.count),
                        ("mismatched", "\(mismatches.prefix(12))"), ("population_max_first_spike_error_ms", firstError),
                        ("population_run_s", t1 - t0), ("population_steps", pop.statistics.acceptedSteps)]))
        }
    default:
        FileHandle.standardError.write("usage: membrane-bench-hh single|population|accuracy [options]\n".data(using: .utf8)!)
        exit(64)
    }
} catch {
    FileHandle.standardError.write("\(error)\n".data(using: .utf8)!)
    exit(1)
}
