import ArgumentParser
import Foundation
import Membrane
import MembraneReport
import MembraneRequests

/// `membrane bench-workbench`: the latency of each workbench panel's recomputation, in process through the request
/// layer (`RequestCatalog.run`: parse, decode, validate, compute, render the JSON), with the bodies the page sends for
/// its default inputs (captured from the page). A slider drag needs a panel's recomputation well under a frame
/// (16 ms). The HTTP side is measured by Benchmarks/run-load.sh (BENCHMARKS.md).
struct BenchWorkbenchCommand: CalculationCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-workbench",
        abstract: "Latency of each workbench panel's requests, in process (use a release build; see BENCHMARKS.md).")

    @Option(parsing: .unconditional, help: "Minimum time per request, in seconds.") var seconds: Double = 0.5
    @OptionGroup var output: OutputOptions

    /// Each panel's requests for one recomputation, as the page sends them with its default inputs.
    static let panels: [(panel: String, requests: [(command: String, body: String)])] = [
        ("Nernst & GHK", [("report", #"{"inside":"K=140, Na=12, Cl=7, Ca=0.0001","outside":"K=20, Na=145, Cl=120, Ca=1.5","permeability":"K=1, Na=0.04, Cl=0.45","temperature":37}"#)]),
        ("I–V curves", [
            ("ghk", #"{"inside":"K=140, Na=12, Cl=7, Ca=0.0001","outside":"K=5, Na=145, Cl=120, Ca=1.5","permeability":"K=0.000001, Na=4e-8, Cl=4.5e-7","temperature":37}"#),
            ("ghk-current", #"{"ion":"K","inside":140,"outside":5,"permeability":0.000001,"voltage":-70.420733,"from":-120,"to":60,"step":2,"temperature":37}"#),
            ("ghk-current", #"{"ion":"Na","inside":12,"outside":145,"permeability":4e-8,"voltage":-70.420733,"from":-120,"to":60,"step":2,"temperature":37}"#),
            ("ghk-current", #"{"ion":"Cl","inside":7,"outside":120,"permeability":4.5e-7,"voltage":-70.420733,"from":-120,"to":60,"step":2,"temperature":37}"#),
            ("chord", #"{"conductance":"K=1, Na=0.05, Cl=0.2","inside":"K=140, Na=12, Cl=7, Ca=0.0001","outside":"K=5, Na=145, Cl=120, Ca=1.5","temperature":37}"#),
        ]),
        ("Solutions", [
            ("activity", #"{"solution":"Na=151.25, K=2.5, Cl=132.5, Ca=2, Mg=1, HCO3=26, H2PO4=1.25","model":"davies","temperature":25}"#),
            ("osmolarity", #"{"solution":"Na=151.25, K=2.5, Cl=132.5, Ca=2, Mg=1, HCO3=26, H2PO4=1.25","model":"davies","temperature":25}"#),
        ]),
        ("Liquid junction potential", [
            ("ljp", #"{"pipette":"K-gluconate 135, KCl 5, HEPES 10, MgATP 4, EGTA 0.5, pH 7.3 KOH","bath":"Na=151.25, K=2.5, Cl=132.5, Ca=2, Mg=1, HCO3=26, H2PO4=1.25","method":"planck","mobilities":"catalog","temperature":25,"configuration":"whole-cell","measured-vm":-60}"#),
        ]),
        ("Donnan equilibrium", [
            ("donnan", #"{"outside":"K=5, Na=145, Cl=150","inside-impermeant":"charge=-1.2,concentration=120","permeant":"K,Cl","compartment":"rigid","temperature":37}"#),
        ]),
        ("Pump–leak cell", [
            ("steady-state", #"{"preset":"kay-2017"}"#),
            ("simulate/pump-leak", #"{"preset":"kay-2017","start":"steady-state","duration":3000,"pump-block-at":60,"interval":10}"#),
        ]),
        ("Ca²⁺ microdomain", [
            ("microdomain", #"{"current-pA":0.5,"distance-nm":10,"inside":0.0001,"outside":2,"diffusion-um2-per-s":220,"temperature":37}"#),
        ]),
        ("Membrane noise", [
            ("noise", #"{"conductance-nS":1,"bandwidth-Hz":1000,"capacitance-pF":10,"temperature":37,"ion":"K","inside":140,"outside":5,"permeability":0.000001,"area-um2":100,"vm":-50,"channels":1000,"open-probability":0.1,"unitary-current-pA":1,"channel-tau-ms":5}"#),
        ]),
        ("Proton-motive force", [("pmf", #"{"delta-psi-mV":-150,"ph-inside":7.8,"ph-outside":7,"temperature":37,"delta-g-atp-kJ-per-mol":-50}"#)]),
        ("Plant cell", [("plant", #"{"preset":"arabidopsis-root"}"#)]),
    ]

    struct Row {
        var panel: String
        var command: String
        var median: Double
        var p99: Double
        var runs: Int
    }

    struct Report: Renderable {
        var rows: [Row]
        /// The panel's recomputation: the sum of its requests' medians (the page sends them together).
        var panelTotals: [(String, Double)] {
            var totals: [(String, Double)] = []
            for r in rows {
                if let i = totals.firstIndex(where: { $0.0 == r.panel }) { totals[i].1 += r.median } else { totals.append((r.panel, r.median)) }
            }
            return totals
        }
        var json: JSONValue {
            .object([("requests", .array(rows.map { r in
                .object([("panel", .string(r.panel)), ("command", .string(r.command)), ("median_ms", .number(r.median * 1e3)),
                         ("p99_ms", .number(r.p99 * 1e3)), ("runs", .integer(r.runs))])
            })), ("panels", .array(panelTotals.map { .object([("panel", .string($0.0)), ("recomputation_ms", .number($0.1 * 1e3))]) }))])
        }
        var text: String {
            var t = TextTable(headers: ["panel", "request", "median", "p99", "runs"])
            for r in rows {
                t.add([r.panel, r.command, "\(Format.significant(r.median * 1e3, 3)) ms", "\(Format.significant(r.p99 * 1e3, 3)) ms", String(r.runs)])
            }
            var totals = TextTable(headers: ["panel", "recomputation (sum of medians)"])
            for (panel, s) in panelTotals { totals.add([panel, "\(Format.significant(s * 1e3, 3)) ms"]) }
            return t.render() + "\n" + totals.render()
        }
    }

    func execute() throws -> any Renderable {
        try MembraneError.requirePositive(seconds, field: "seconds")
        let clock = ContinuousClock()
        var rows: [Row] = []
        for (panel, requests) in Self.panels {
            for (command, body) in requests {
                var times: [Double] = []
                let start = clock.now
                repeat {
                    let t0 = clock.now
                    var context = RequestContext()
                    let result = try RequestCatalog.run(command: command, body: body, context: &context)
                    _ = result.json.render()
                    let d = clock.now - t0
                    times.append(Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
                } while clock.now - start < .milliseconds(Int64(seconds * 1000)) || times.count < 5
                times.sort()
                rows.append(Row(panel: panel, command: command, median: times[times.count / 2],
                                p99: times[min(times.count - 1, Int(Double(times.count) * 0.99))], runs: times.count))
            }
        }
        return Report(rows: rows)
    }
}
