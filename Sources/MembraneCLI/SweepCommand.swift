import ArgumentParser
import Foundation
import Membrane
import MembraneRequests
import MembraneSweep

/// `membrane sweep`: any calculation or simulation over a grid of option values, on every core of this machine or
/// as shards on a cluster (docs/cluster.md). The engine is MembraneSweep; this file reads the command line, shows
/// the progress bar, handles Ctrl-C and writes the files.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a command over a grid of option values (in parallel, or as shards of a cluster job) and tabulate its JSON.",
        discussion: """
        Examples:
          membrane sweep --vary outside.K=1:100:50:log -- ghk --inside "K=140,Na=12,Cl=7" --outside "K=5,Na=145,Cl=120" --permeability "K=1,Na=0.04,Cl=0.45"
          membrane sweep --vary pump-current-uA-per-cm2=0.1:2:20 --vary temperature=20,30,37 --plot map.svg --plot-y state.vm_mV -- steady-state
          membrane sweep --shard 2/4 --output shard-2.csv --vary temperature=0:40:1000 -- nernst --ion K --inside 140 --outside 5
          membrane merge shard-*.csv --output sweep.csv
        SPEC is OPTION=FROM:TO:COUNT[:log] or OPTION=V1,V2,... ("…" quotes a value with commas). OPTION is a long option
        of the command, one ion of a solution or entry of NAME=VALUE pairs (outside.K, permeability.Na), or a model
        parameter (set.NAME). Several --vary make the full grid; the first varies slowest. Output: CSV with columns index,
        the varied options, the command's JSON flattened (final.vm_mV, inside_mM.Na, ions.Na.gamma) and error, one row per
        point in index order. A failing point fills its error column. --shard I/N computes the points k with k mod N = I
        (the file then starts with a #{"membrane_sweep": ...} line for merge). Ctrl-C (or SIGTERM) stops: the finished
        points are written, the exit status is 130. Details: docs/CLI-CONTRACT.md.
        """)

    @Option(name: .long, help: "OPTION=FROM:TO:COUNT[:log] or OPTION=V1,V2,... (repeatable: the full grid).")
    var vary: [String] = []
    @Option(name: .long, parsing: .unconditional, help: "Points computed at a time in this process (default: all cores).")
    var jobs: Int?
    @Option(name: .long, help: "Compute only shard I of N (points k with k mod N = I), e.g. 0/4.")
    var shard: String?
    @Option(name: .long, help: "csv (default) or jsonl.")
    var format: String = "csv"
    @Option(name: .long, help: "Write to FILE instead of stdout.")
    var output: String?
    @Option(name: .long, help: "Only these result columns, in this order: keys or prefixes separated by commas (e.g. state.vm_mV,energy).")
    var columns: String?
    @Option(name: .long, help: "Draw the sweep as SVG: lines for one varied option, a heat map for two.")
    var plot: String?
    @Option(name: .customLong("plot-y"), help: "The result columns to draw (default: the first numeric one).")
    var plotY: String?
    @Argument(parsing: .postTerminator, help: "-- COMMAND ARGS...: the command to sweep, as you would run it.")
    var command: [String] = []

    func run() throws {
        guard !command.isEmpty else {
            throw ValidationError("give the command to sweep after --, e.g. membrane sweep --vary temperature=20:40:5 -- nernst --ion K --inside 140 --outside 5")
        }
        let specs = try vary.map(VarySpec.init)
        var sweep = Sweep(plan: try SweepPlan(request: try Self.request(command), vary: specs), format: try SweepFormat(format))
        sweep.columns = try columns.map(Sweep.columns)
        sweep.shard = try shard.map(ShardSpec.init)
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        guard jobs >= 1 else { throw MembraneError.invalidValue(field: "jobs", value: String(jobs), allowed: "an integer ≥ 1") }
        if plot != nil {
            guard sweep.shard == nil else {
                throw MembraneError.invalidValue(field: "plot", value: plot!, allowed: "a plot of the whole sweep: draw it when merging (membrane merge FILES --plot FILE.svg)")
            }
            guard sweep.format == .csv else {
                throw MembraneError.invalidValue(field: "plot", value: plot!, allowed: "--plot with --format csv")
            }
            try SweepPlot.check(specs)
        }

        // A sweep may run for hours: refuse an output that cannot be written before, not after.
        try Self.checkWritable(output, field: "output")
        try Self.checkWritable(plot, field: "plot")

        let bar = ProgressBar(label: "sweep")
        let start = Date()
        Interrupt.install()
        signal(SIGTERM) { _ in Interrupt.flag.store(true, ordering: .relaxed) }
        let result = sweep.run(with: SweepRunner(jobs: jobs, shouldStop: { Interrupt.requested })) { done, total in
            bar.update(Double(done) / Double(max(total, 1)), detail: Self.eta(done: done, total: total, since: start))
        }
        bar.finish()
        Interrupt.restore()
        signal(SIGTERM, SIG_DFL)

        try Self.write(result.text, to: output)
        let failed = result.failures
        if failed > 0 {
            OutputOptions.writeWarnings(["\(failed) of \(result.records.count) points failed (see their error \(sweep.format == .csv ? "column" : "objects"))"])
        }
        let keys = result.keys
        let unmatched = result.rule.unmatched(by: keys)
        if !unmatched.isEmpty, !keys.isEmpty {
            OutputOptions.writeWarnings(["--columns " + unmatched.joined(separator: ", ") + " matched no result key"])
        }
        if let plot, let table = result.table {
            try Self.write(try SweepPlot.svg(table: table, vary: specs, command: sweep.plan.command, keys: plotY), to: plot)
        }
        if !result.complete {
            ErrorReporter.writeError("sweep stopped: \(result.records.count) of \(sweep.shard?.points(of: sweep.plan.count).count ?? sweep.plan.count) points computed and written")
            Foundation.exit(ExitStatus.interrupted.rawValue)
        }
    }

    /// The request of `membrane ARGUMENTS`, built by that command's own parser. Options that only write files
    /// (`--csv`, `--plot` …) are refused: a sweep's points write none.
    static func request(_ arguments: [String]) throws -> any MembraneRequest {
        let parsed: any ParsableCommand
        do {
            parsed = try MembraneTool.parseAsRoot(arguments)
        } catch {
            if MembraneTool.exitCode(for: error) == .success { throw error }  // --help of the swept command
            throw ValidationError("the command to sweep: " + MembraneTool.message(for: error))
        }
        guard let command = parsed as? any RequestCommand else {
            throw ValidationError("the command to sweep must be a calculation or simulation that prints JSON (nernst, ghk, steady-state, simulate pump-leak …), not '\(arguments.prefix(2).joined(separator: " "))'")
        }
        let request = try command.request()
        let keys = Set(type(of: request).fieldNames)
        for token in arguments where token.hasPrefix("--") && token.count > 2 {
            let name = String(token.dropFirst(2).prefix { $0 != "=" })
            guard keys.contains(name) || name == "json" else {
                throw ValidationError("the command to sweep: --\(name) writes files or changes the output, which a sweep's points do not; use the sweep's own --output, --plot and --format")
            }
        }
        return request
    }

    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try OutputFile.write(text, to: path, field: "output")
    }

    static func checkWritable(_ path: String?, field: String) throws {
        try OutputFile.check(path, field: field)
    }

    /// "1234/10000 points, ETA 1m05s".
    static func eta(done: Int, total: Int, since start: Date) -> String {
        var text = "\(done)/\(total) points"
        guard done > 0, done < total else { return text }
        let seconds = Int((Date().timeIntervalSince(start) / Double(done) * Double(total - done)).rounded())
        text += seconds >= 60 ? ", ETA \(seconds / 60)m\(String(format: "%02d", seconds % 60))s" : ", ETA \(seconds)s"
        return text
    }
}
