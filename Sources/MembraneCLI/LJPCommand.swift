import ArgumentParser
import Foundation
import Membrane
import MembraneReport

struct LJPCommand: CalculationCommand {
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

    @Option(help: "Pipette solution, e.g. \"K=140,Cl=140\".") var pipette: String?
    @Option(help: "Bath solution.") var bath: String?
    @Option(help: "Method: planck (default), henderson or npp.") var method: String = "planck"
    @Option(help: "Mobility table: catalog (default), barry, ljpcalc.") var mobilities: String = "catalog"
    @Option(name: .customLong("measured-vm"), parsing: .unconditional, help: "A measured potential (mV) to correct.") var measuredVm: String?
    @Option(name: .customLong("configuration"), help: "whole-cell (default), outside-out, perforated-patch, inside-out, cell-attached.") var recording: String = "whole-cell"
    @Option(name: .customLong("resting-potential"), parsing: .unconditional, help: "Cell resting potential (mV), for cell-attached patches.") var restingPotential: String?
    @Option(name: .customLong("bath-change"), help: "The bath solution exchanged after zeroing, to correct for its offset.") var bathChange: String?
    @Option(help: "Bath reference when the bath changes: agcl (bare Ag/AgCl wire), bath-bridge (agar bridge of the original bath), kcl-bridge (3 M KCl).") var reference: String = "agcl"
    @Option(help: "Adjust this ion's concentration to make each side electroneutral (reported).") var electroneutralize: String?
    @Option(name: .customLong("activity-model"), help: "ideal (default), davies, truesdell-jones, pitzer, …: Henderson and Planck with activities.") var activityModel: String = "ideal"
    @Option(help: "Override or add diffusion coefficients (m²/s), e.g. \"GTP=0.3e-9,K=1.96e-9\" (needed for recipe species without data).") var diffusion: String?
    @Option(name: .customLong("junction-length-um"), parsing: .unconditional, help: "Junction length for npp (Poisson–Nernst–Planck), µm.") var junctionLength: String = "1"
    @Option(name: .customLong("grid-intervals"), help: "Grid intervals for npp.") var gridIntervals: Int = 400
    @Option(name: .customLong("profile-points"), help: "Points of the junction profile (planck).") var profilePoints: Int = 101
    @Option(help: "Write the junction profile (x, φ, concentrations) as CSV.") var profile: String?
    @Option(help: "Write the junction profile as an SVG plot.") var plot: String?
    @Option(help: "Batch mode: a CSV of pipette/bath pairs.") var batch: String?
    @Option(name: .customLong("output"), help: "Batch mode: write results here (default: stdout).") var outputFile: String?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        if let batch {
            let text = try Batch.run(csvPath: batch, defaults: self)
            if let path = outputFile { try text.write(toFile: path, atomically: true, encoding: .utf8) } else { print(text, terminator: "") }
            return
        }
        try runCalculation()
    }

    func execute() throws -> any Renderable {
        guard let pipette, let bath else {
            throw MembraneError.invalidValue(field: pipette == nil ? "pipette" : "bath", value: "",
                                             allowed: "--pipette and --bath solutions (or --batch FILE.csv)")
        }
        let conditions = try self.conditions.conditions()
        let report = try compute(pipette: pipette, bath: bath, method: method, mobilities: mobilities,
                                 conditions: conditions, wantProfile: profile != nil || plot != nil)
        if let profile, let csv = report.profileCSV() { try csv.write(toFile: profile, atomically: true, encoding: .utf8) }
        if let plot, let svg = report.profileSVG() { try svg.write(toFile: plot, atomically: true, encoding: .utf8) }
        return report
    }

    func compute(pipette: String, bath: String, method: String, mobilities: String, conditions: Conditions,
                 wantProfile: Bool) throws -> JunctionReport {
        guard let method = JunctionMethod(rawValue: method.lowercased()) else {
            throw MembraneError.invalidValue(field: "method", value: method, allowed: "planck, henderson or npp")
        }
        let table = try MobilityTable.named(mobilities)
        let overrides = try diffusion.map { try NamedValues.parse($0, field: "diffusion", example: "GTP=0.3e-9") } ?? []
        var junction = try LiquidJunction(pipette: Inputs.solution(pipette, field: "pipette").overridingDiffusion(overrides),
                                          bath: Inputs.solution(bath, field: "bath").overridingDiffusion(overrides),
                                          mobilities: table, conditions: conditions)
        var warnings: [String] = []
        if let ion = electroneutralize {
            let (adjusted, changes) = try junction.electroneutralized(by: ion)
            junction = adjusted
            warnings += changes
        } else if method == .henderson {
            let (p, b) = junction.chargeImbalance
            for (side, net) in [("pipette", p), ("bath", b)] where !junction.isRoundOff(net, side: side) {
                warnings.append("the \(side) is not electroneutral (net charge \(net) mM); Henderson computed it as given")
            }
        }
        let options = PlanckJunction.Options(profilePoints: wantProfile ? max(2, profilePoints) : 0)
        let pnp = PoissonNernstPlanckJunction.Options(length: .micrometres(try Inputs.number(junctionLength, field: "junction-length-um")),
                                                      intervals: gridIntervals)
        let activity = try ActivityModel.named(activityModel, field: "activity-model")
        let result = try JunctionSolver.solve(junction, method: method, options: options, pnp: pnp, activity: activity)
        let comparison: JunctionResult?
        if method == .henderson {
            comparison = try? JunctionSolver.solve(junction, method: .planck, activity: activity, estimateSpread: false)
        } else {
            comparison = try? JunctionSolver.solve(junction, method: .henderson, activity: activity, estimateSpread: false)
        }
        let configuration = try RecordingConfiguration.named(recording)
        var bathOffset: Voltage? = nil
        var bathOffsetDescription: String? = nil
        if let bathChange {
            let newBath = try Inputs.solution(bathChange, field: "bath-change")
            let oldBath = junction.bath
            switch reference.lowercased() {
            case "agcl", "ag/agcl", "silver":
                bathOffset = try SilverChlorideOffset.bathShift(oldChloride: oldBath["Cl"] ?? .zero,
                                                                 newChloride: newBath["Cl"] ?? .zero, conditions: conditions)
                bathOffsetDescription = "bare Ag/AgCl bath electrode: (RT/F)·ln(Cl_new/Cl_old)"
            case "bath-bridge":
                let shift = try JunctionSolver.solve(LiquidJunction(pipette: oldBath, bath: newBath, mobilities: table,
                                                                    conditions: conditions), method: method)
                bathOffset = shift.potential
                bathOffsetDescription = "agar bridge of the original bath: LJP of the new bath relative to the old"
            case "kcl-bridge":
                let kcl = try Solution(millimolar: ["K": 3000, "Cl": 3000])
                let before = try JunctionSolver.solve(LiquidJunction(pipette: kcl, bath: oldBath, mobilities: table, conditions: conditions), method: method)
                let after = try JunctionSolver.solve(LiquidJunction(pipette: kcl, bath: newBath, mobilities: table, conditions: conditions), method: method)
                bathOffset = after.potential - before.potential
                bathOffsetDescription = "3 M KCl bridge: change of the bridge junction (ideal solutions; activities matter at 3 M)"
            default:
                throw MembraneError.invalidValue(field: "reference", value: reference, allowed: "agcl, bath-bridge or kcl-bridge")
            }
        }
        var measured: Voltage? = nil, corrected: Voltage? = nil
        if let measuredVm {
            measured = try Inputs.voltage(measuredVm, field: "measured-vm")
            let rest = try restingPotential.map { try Inputs.voltage($0, field: "resting-potential") }
            corrected = try configuration.correctedPotential(measured: measured!, ljp: result.potential,
                                                             bathOffset: bathOffset ?? .zero, restingPotential: rest)
        }
        return JunctionReport(junction: junction, result: result, comparison: comparison, configuration: configuration,
                              measured: measured, corrected: corrected, bathOffset: bathOffset,
                              bathOffsetDescription: bathOffsetDescription, warnings: warnings)
    }

    /// Batch mode: one row per pipette/bath pair; a row that fails reports its error and the rest go on.
    enum Batch {
        static func run(csvPath: String, defaults: LJPCommand) throws -> String {
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
            var out = CSV.line(rows[0] + ["ljp_mV", "method_used", "henderson_mV", "planck_mV", "pipette_relative_to_bath_mV", "temperature_C", "error"]) + "\n"
            for row in rows.dropFirst() {
                var cells = row
                while cells.count < rows[0].count { cells.append("") }
                do {
                    let t = try column("temperature", row).map { try QuantityParser.temperature($0) }
                        ?? defaults.conditions.conditions().temperature
                    let c = Conditions(temperature: t, constants: try ConstantSet.named(defaults.conditions.constants))
                    let r = try defaults.compute(pipette: pi < row.count ? row[pi] : "", bath: bi < row.count ? row[bi] : "",
                                                 method: column("method", row) ?? defaults.method,
                                                 mobilities: column("mobilities", row) ?? defaults.mobilities,
                                                 conditions: c, wantProfile: false)
                    out += CSV.line(cells + [String(r.result.potential.millivolts), r.result.method.rawValue,
                                             r.hendersonValue.map { String($0) } ?? "", r.planckValue.map { String($0) } ?? "",
                                             String(r.result.pipetteRelativeToBath.millivolts), String(t.celsius), ""]) + "\n"
                } catch let error as MembraneError {
                    out += CSV.line(cells + ["", "", "", "", "", "", error.message]) + "\n"
                }
            }
            return out
        }
    }
}
