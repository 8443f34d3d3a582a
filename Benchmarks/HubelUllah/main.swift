// Hübel & Ullah 2016 (hubel-ullah-2016) over 1000 s with Membrane's stiff integrators (BENCHMARKS.md): the wall time
// of the run (set-up included, process start not), the steps, and the error at 1000 s against the tight reference.
// Usage: membrane-bench-hubel-ullah REPEATS METHOD(rodas4|bdf|auto) RTOL ATOL [NAME=VALUE ...] — one JSON line.
import Foundation
import Membrane

let args = CommandLine.arguments
let repeats = args.count > 1 ? Int(args[1])! : 3
let method = args.count > 2 ? IntegrationMethod(rawValue: args[2])! : .rodas4
let rtol = args.count > 3 ? Double(args[3])! : 1e-6
let atol = args.count > 4 ? Double(args[4])! : 1e-6
let sets: [(name: String, value: Double)] = args.dropFirst(5).map { a in
    let parts = a.split(separator: "=")
    return (String(parts[0]), Double(parts[1])!)
}
let parameters = try HubelUllah2016.preset.parameters(setting: sets)
let solver = SimulationSolver(method: method, relativeTolerance: rtol, absoluteTolerance: atol)
var samples: [Double] = []
var last: Trajectory<HubelUllahModel>?
for _ in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    var simulation = try Simulation(hubelUllah: parameters, duration: 1000, solver: solver, recording: .crossingsAndFinal)
    last = simulation.run()
    samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9)
}
let run = last!
let final = run.finalState
var out = "{\"case\": \"hubel-ullah-2016 1000 s\", \"tool\": \"membrane \(solver.methodName)\", \"rtol\": \(rtol), \"atol\": \(atol)"
out += ", \"params\": {\(sets.map { "\"\($0.name)\": \($0.value)" }.joined(separator: ", "))}"
let sorted = samples.sorted()
out += ", \"median_s\": \(sorted[sorted.count / 2]), \"min_s\": \(sorted[0]), \"repeats\": \(repeats)"
out += ", \"steps\": \(run.statistics.acceptedSteps), \"nfev\": \(run.statistics.rhsEvaluations)"
out += ", \"termination\": \"\(run.termination)\""
if method == .auto {
    var simulation = try Simulation(hubelUllah: parameters, duration: 1000, solver: solver, recording: .crossingsAndFinal)
    _ = simulation.run()
    out += ", \"method_switches\": \(simulation.methodSwitches)"
}
out += ", \"final\": {\"vm_mV\": \(final.potential), \"volume_relative\": \(final.relativeVolume)}"
let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let reference = here.appendingPathComponent("../../Tests/Reference/hubel-ullah-2016/reference_tight.csv")
if sets.isEmpty, let text = try? String(contentsOf: reference, encoding: .utf8) {
    let row = text.split(separator: "\n").last!.split(separator: ",").map { Double($0)! }
    out += ", \"error_at_1000_s\": {\"vm_mV\": \(abs(final.potential - row[1])), \"volume_relative\": \(abs(final.relativeVolume - row[15]))}"
}
print(out + "}")
// MEMBRANE_HU_STEPS=1: the accepted steps per time window (where the work goes), one more JSON line.
if ProcessInfo.processInfo.environment["MEMBRANE_HU_STEPS"] != nil {
    var simulation = try Simulation(hubelUllah: parameters, duration: 1000, solver: solver, recording: .everyStep)
    let times = simulation.run().times
    let edges = [0.0, 50, 56, 62, 70, 100, 200, 500, 1000]
    let counts = zip(edges, edges.dropFirst()).map { a, b in "\"\(Int(a))-\(Int(b)) s\": \(times.filter { $0 > a && $0 <= b }.count)" }
    print("{\"steps_per_window\": {\(counts.joined(separator: ", "))}}")
}
