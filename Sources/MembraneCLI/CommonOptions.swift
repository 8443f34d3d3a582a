import ArgumentParser
import Foundation
import Membrane
import MembraneReport
import MembraneRequests

/// `--json`: one JSON document on stdout instead of a table.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print exactly one JSON document on stdout.")
    var json = false

    /// Prints the result: its JSON (with `input_warnings`), or its text.
    func emit<Output>(_ result: RequestResult<Output>) {
        print(json ? result.json.render() : result.text)
    }

    /// Input warnings: on stderr in text mode; with --json they are inside the document (`input_warnings`), so
    /// stderr stays free for a JSON error object.
    func warn(_ warnings: [String]) {
        if !json { Self.writeWarnings(warnings) }
    }

    static func writeWarnings(_ warnings: [String]) {
        for w in warnings { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }
    }
}

/// `--temperature` and `--constants`.
struct ConditionsOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: "Temperature in °C (37) or kelvin with K (310.15K). Default: 37 °C or the preset's.")
    var temperature: Scalar?

    @Option(name: .long, help: "Constant set: codata2018 (default) or neuron-legacy (NEURON < 8).")
    var constants: String?
}

/// A subcommand whose flags describe one request (MembraneRequests): it builds the request, runs it, writes the
/// files its flags ask for and prints the result. The domain work is the request's; the command line adds only
/// files, the progress bar and Ctrl-C.
protocol RequestCommand: ParsableCommand {
    associatedtype Request: MembraneRequest
    var output: OutputOptions { get }
    /// The request the flags describe (the flags are named as its coding keys).
    func request() throws -> Request
    /// Writes the files the flags ask for (`--csv`, `--profile`) before the result is printed.
    func writeFiles(_ output: inout Request.Output) throws
    /// For long runs: the progress bar's label; Ctrl-C then stops the run and keeps what was computed.
    var progressLabel: String? { get }
    /// `--plot FILE.svg`: the request's figure is asked for and written there.
    var plot: String? { get }
    /// Whether the run is asked for its figure (and the time series behind it): `--plot`, or a CSV drawn from it.
    var wantsFigure: Bool { get }
    /// Whether the run is asked for its time series without the figure (`--csv` of a simulation).
    var wantsTimeSeries: Bool { get }
    /// The files the flags ask for, by option: checked for writability before the run.
    var outputFiles: [(field: String, path: String?)] { get }
}

extension RequestCommand {
    func writeFiles(_ output: inout Request.Output) throws {}
    var progressLabel: String? { nil }
    var plot: String? { nil }
    var wantsFigure: Bool { plot != nil }
    var wantsTimeSeries: Bool { false }
    var outputFiles: [(field: String, path: String?)] { [("plot", plot)] }

    func run() throws { try runRequest() }

    func runRequest() throws {
        let request = try request()
        for file in outputFiles { try OutputFile.check(file.path, field: file.field) }
        var context = RequestContext()
        context.wantsFigure = wantsFigure
        context.wantsTimeSeries = wantsTimeSeries
        var bar: ProgressBar? = nil
        if let label = progressLabel {
            let b = ProgressBar(label: label)
            bar = b
            if b.enabled { context.progress = { fraction, detail in b.update(fraction, detail: detail()) } }
            context.shouldStop = { Interrupt.requested }
            Interrupt.install()
        }
        func finishLongRun() {
            bar?.finish()
            if progressLabel != nil { Interrupt.restore() }
        }
        var result: RequestResult<Request.Output>
        do {
            result = try request.result(in: &context)
        } catch {
            finishLongRun()
            output.warn(context.warnings)
            throw error
        }
        finishLongRun()
        output.warn(result.inputWarnings)
        if let plot {
            guard let figure = result.figure else {
                throw MembraneError.invalidValue(field: "plot", value: plot, allowed: "a plot of a result that has a figure (see the command's help)")
            }
            try OutputFile.write(figure.render(), to: plot, field: "plot")
        }
        if result.status == .noConvergence {
            // A run that did not finish is an error (exit 70): the error object on stderr, stdout empty.
            let failure = result.failure ?? RunFailure(field: "request", value: "", message: "the calculation did not finish normally")
            ErrorReporter.report(failure, json: output.json)
            Foundation.exit(result.status.rawValue)
        }
        try writeFiles(&result.output)
        output.emit(result)
        if result.status != .success { Foundation.exit(result.status.rawValue) }
    }
}

// The request's value types are read from the command line as written.
extension Scalar: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension Assignments: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension NameList: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
