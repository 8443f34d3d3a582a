import ArgumentParser
import Foundation
import Membrane
import MembraneReport
import MembraneRequests

struct LJPCommand: RequestCommand {
    static let configuration = CommandConfiguration(
        commandName: "ljp",
        abstract: "Liquid junction potential between a pipette and a bath solution, and how to correct for it.",
        discussion: """
        The LJP is the potential of the bath relative to the pipette solution (Barry & Lynch 1991, Neher 1992,
        JPCalc, LJPcalc); correct whole-cell readings as Vm = Vmeasured - ljp.
        Examples:
          membrane ljp --pipette "K=145,Na=13,Cl=10,gluconate=145,Mg=1,HEPES=5" \\
                       --bath "K=2.8,Na=145,Cl=148.8,Mg=2,Ca=1,HEPES=5" --temperature 20 --measured-vm -48.1
          membrane ljp --pipette "K=140,Cl=140" --bath "K=4,Cl=4" --method henderson
          membrane ljp --batch pairs.csv --output ljp.csv     (columns: pipette, bath[, temperature, method, mobilities, id])
        Methods: planck (default; exact stationary electroneutral Nernst–Planck), henderson (JPCalc), npp (stationary
        Poisson–Nernst–Planck over --junction-length-um, default 1 µm; within µV of planck at that length).
        Mobility tables: catalog (default), barry (JPCalc's relative mobilities), ljpcalc (LJPcalc 2.2's table).
        Neutral species are ignored with a note. Non-electroneutral solutions are an error for planck (a warning for
        henderson) unless --electroneutralize ION names the ion to adjust; the change is reported.
        """)

    @Option(help: "Pipette solution, e.g. \"K=140,Cl=140\".") var pipette: Assignments?
    @Option(help: "Bath solution.") var bath: Assignments?
    @Option(help: "Method: planck (default), henderson or npp.") var method: String?
    @Option(help: "Mobility table: catalog (default), barry, ljpcalc.") var mobilities: String?
    @Option(name: .customLong("measured-vm"), parsing: .unconditional, help: "A measured potential (mV) to correct.") var measuredVm: Scalar?
    @Option(name: .customLong("configuration"), help: "whole-cell (default), outside-out, perforated-patch, inside-out, cell-attached.") var recording: String?
    @Option(name: .customLong("resting-potential"), parsing: .unconditional, help: "Cell resting potential (mV), for cell-attached patches.") var restingPotential: Scalar?
    @Option(name: .customLong("bath-change"), help: "The bath solution exchanged after zeroing, to correct for its offset.") var bathChange: Assignments?
    @Option(help: "Bath reference when the bath changes: agcl (bare Ag/AgCl wire, default), bath-bridge (agar bridge of the original bath), kcl-bridge (3 M KCl).") var reference: String?
    @Option(help: "Adjust this ion's concentration to make each side electroneutral (reported).") var electroneutralize: String?
    @Option(name: .customLong("activity-model"), help: "ideal (default), davies, truesdell-jones, pitzer, …: Henderson and Planck with activities.") var activityModel: String?
    @Option(help: "Override or add diffusion coefficients (m²/s), e.g. \"GTP=0.3e-9,K=1.96e-9\" (needed for recipe species without data).") var diffusion: Assignments?
    @Option(name: .customLong("junction-length-um"), parsing: .unconditional, help: "Junction length for npp (Poisson–Nernst–Planck), µm (default 1).") var junctionLength: Scalar?
    @Option(name: .customLong("grid-intervals"), parsing: .unconditional, help: "Grid intervals for npp (default 400).") var gridIntervals: Int?
    @Option(name: .customLong("profile-points"), parsing: .unconditional, help: "Points of the junction profile (planck; default 101).") var profilePoints: Int?
    @Option(help: "Write the junction profile (x, φ, concentrations) as CSV.") var profile: String?
    @Option(help: "Write the junction profile as an SVG plot.") var plot: String?
    @Option(help: "Batch mode: a CSV of pipette/bath pairs.") var batch: String?
    @Option(name: .customLong("output"), help: "Batch mode: write results here (default: stdout).") var outputFile: String?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let batch else { return try runRequest() }
        try OutputFile.check(outputFile, field: "output")
        let result = try Batch.run(csvPath: batch, base: request(pipette: "", bath: ""))
        // Every row failed: nothing was computed, which is an error (the first row's), not a table of errors.
        if result.failed == result.rows, let first = result.firstError {
            throw MembraneError.invalidValue(field: "batch", value: batch,
                                             allowed: "a CSV with at least one pair that computes; all \(result.rows) rows failed, the first with: \(first.message)")
        }
        let text = output.json ? result.json.render() + "\n" : result.csv
        if let path = outputFile { try OutputFile.write(text, to: path, field: "output") } else { print(text, terminator: "") }
    }

    func request() throws -> LJPRequest {
        guard let pipette, let bath else {
            throw MembraneError.invalidValue(field: pipette == nil ? "pipette" : "bath", value: "",
                                             allowed: "`pipette` and `bath` solutions (or `batch` FILE.csv)")
        }
        var r = request(pipette: pipette, bath: bath)
        // The profile is computed only for a file that shows it.
        if profile != nil || plot != nil { r.profilePoints = profilePoints ?? LJPRequest.defaultProfilePoints }
        return r
    }

    func request(pipette: Assignments, bath: Assignments) -> LJPRequest {
        var r = LJPRequest(pipette: pipette, bath: bath)
        r.method = method
        r.mobilities = mobilities
        r.measuredVm = measuredVm
        r.configuration = recording
        r.restingPotential = restingPotential
        r.bathChange = bathChange
        r.reference = reference
        r.electroneutralize = electroneutralize
        r.activityModel = activityModel
        r.diffusion = diffusion
        r.junctionLengthUm = junctionLength
        r.gridIntervals = gridIntervals
        r.temperature = conditions.temperature
        r.constants = conditions.constants
        return r
    }

    var outputFiles: [(field: String, path: String?)] { [("profile", profile), ("plot", plot)] }

    func writeFiles(_ output: inout JunctionReport) throws {
        if let profile, let csv = output.profileCSV() { try OutputFile.write(csv, to: profile, field: "profile") }
    }

    /// Batch mode: one request per pipette/bath pair (a row's temperature, method and mobilities replace the
    /// options'); a row that fails reports its error and the rest go on.
    enum Batch {
        /// The table (CSV, or with `--json` an object `{"rows": [...]}` of each row's cells, results and `error`),
        /// the number of rows and of failed rows, and the first row's error.
        struct Result {
            var csv: String
            var json: JSONValue
            var rows: Int
            var failed: Int
            var firstError: MembraneError?
        }

        static func run(csvPath: String, base: LJPRequest) throws -> Result {
            guard let text = try? String(contentsOfFile: csvPath, encoding: .utf8) else {
                throw MembraneError.invalidValue(field: "batch", value: csvPath, allowed: "a readable CSV file")
            }
            let rows = CSV.parse(text)
            guard let header = rows.first?.map({ $0.trimmingWhitespace().lowercased() }),
                  let pi = header.firstIndex(of: "pipette"), let bi = header.firstIndex(of: "bath") else {
                throw MembraneError.invalidValue(field: "batch", value: csvPath,
                                                 allowed: "a CSV whose header has pipette and bath columns (optional: temperature, method, mobilities, id)")
            }
            func column(_ name: String, _ row: [String]) -> String? {
                header.firstIndex(of: name).flatMap { $0 < row.count ? row[$0].trimmingWhitespace() : nil }.flatMap { $0.isEmpty ? nil : $0 }
            }
            let resultColumns = ["ljp_mV", "method_used", "henderson_mV", "planck_mV", "pipette_relative_to_bath_mV", "temperature_C", "error"]
            var out = CSV.line(rows[0] + resultColumns) + "\n"
            var objects: [JSONValue] = []
            var failed = 0
            var firstError: MembraneError?
            for row in rows.dropFirst() {
                var cells = row
                while cells.count < rows[0].count { cells.append("") }
                var request = base
                request.pipette = Assignments(pi < row.count ? row[pi] : "")
                request.bath = Assignments(bi < row.count ? row[bi] : "")
                request.temperature = column("temperature", row).map { Scalar($0) } ?? base.temperature
                request.method = column("method", row) ?? base.method
                request.mobilities = column("mobilities", row) ?? base.mobilities
                var context = RequestContext()
                do {
                    let r = try request.run(in: &context)
                    OutputOptions.writeWarnings(context.warnings)
                    out += CSV.line(cells + [String(r.result.potential.millivolts), r.result.method.rawValue,
                                             r.hendersonValue.map { String($0) } ?? "", r.planckValue.map { String($0) } ?? "",
                                             String(r.result.pipetteRelativeToBath.millivolts),
                                             String(r.result.conditions.temperature.celsius), ""]) + "\n"
                    objects.append(.object(zip(rows[0], cells).map { ($0.0, .string($0.1)) } + [
                        ("ljp_mV", .number(r.result.potential.millivolts)), ("method_used", .string(r.result.method.rawValue)),
                        ("henderson_mV", .number(r.hendersonValue)), ("planck_mV", .number(r.planckValue)),
                        ("pipette_relative_to_bath_mV", .number(r.result.pipetteRelativeToBath.millivolts)),
                        ("temperature_C", .number(r.result.conditions.temperature.celsius)), ("error", .null),
                    ]))
                } catch let error as MembraneError {
                    OutputOptions.writeWarnings(context.warnings)
                    failed += 1
                    if firstError == nil { firstError = error }
                    out += CSV.line(cells + ["", "", "", "", "", "", ErrorDocument.commandLineMessage(error.message)]) + "\n"
                    let errorObject = ErrorDocument.json(for: error)
                    var errorValue = JSONValue.null
                    if case .object(let pairs) = errorObject, let inner = pairs.first?.1 { errorValue = inner }
                    objects.append(.object(zip(rows[0], cells).map { ($0.0, .string($0.1)) } + [("error", errorValue)]))
                }
            }
            return Result(csv: out, json: .object([("rows", .array(objects))]), rows: rows.count - 1, failed: failed,
                          firstError: firstError)
        }
    }
}
