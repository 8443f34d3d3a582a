import ArgumentParser
import Foundation
import Membrane
import MembraneSweep

/// `membrane merge`: the shard files of one sweep joined into what the unsharded sweep prints, byte for byte.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the shards of a sweep (membrane sweep --shard I/N) into the output of the unsharded sweep.",
        discussion: """
        Example:
          membrane merge results/shards/*.csv --output results/sweep.csv --plot results/sweep.svg
        Refuses, naming the files: a file that is not a shard, shards of different sweeps, a shard given twice, a missing
        shard, a shard that was stopped before it finished. The order of the files does not matter.
        """)

    @Argument(help: "The shard files (any order).")
    var files: [String] = []
    @Option(name: .long, help: "Write to FILE instead of stdout.")
    var output: String?
    @Option(name: .long, help: "Draw the sweep as SVG (CSV shards of one or two varied options).")
    var plot: String?
    @Option(name: .customLong("plot-y"), help: "The result columns to draw (default: the first numeric one).")
    var plotY: String?

    func run() throws {
        let contents = try files.map { path -> (path: String, text: String) in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw MembraneError.invalidValue(field: "files", value: path, allowed: "a readable shard file")
            }
            return (path, String(decoding: data, as: UTF8.self))
        }
        let merged = try SweepMerge.merge(contents)
        try SweepCommand.write(merged.text, to: output)
        if let plot {
            guard let table = merged.table else {
                throw MembraneError.invalidValue(field: "plot", value: plot, allowed: "--plot with CSV shards")
            }
            try SweepCommand.write(try SweepPlot.svg(table: table, vary: merged.vary, command: merged.command, keys: plotY), to: plot)
        }
    }
}
