import ArgumentParser
import Foundation
import Membrane
import MembraneReport
import MembraneRequests

/// The `membrane` command: one subcommand per calculation (INTERFACE.md).
@main
struct MembraneTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "membrane",
        abstract: "Electrochemistry of cell membranes: Nernst, GHK, driving forces, membrane charge.",
        discussion: """
        Conventions: V_m = φ_in − φ_out; positive current is outward; concentrations in mM unless a unit \
        is written (nM, uM, mM, M); temperatures in °C unless written with K. Constants are CODATA 2018 \
        unless --constants neuron-legacy is given. Every command prints a table by default and one JSON \
        document with --json.
        """,
        subcommands: [
            ReportCommand.self, NernstCommand.self, GHKCommand.self, GHKCurrentCommand.self, DriveCommand.self,
            ChargeCommand.self, ChordCommand.self, PermeabilityRatioCommand.self, LJPCommand.self,
            PresetsCommand.self, IonsCommand.self, BenchCommand.self,
            ActivityCommand.self, OsmolarityCommand.self, RecipeCommand.self, BenchActivityCommand.self,
            DonnanCommand.self, SteadyStateCommand.self, SimulateCommand.self, BenchPumpLeakCommand.self,
            MicrodomainCommand.self, NoiseCommand.self, PMFCommand.self, PlantCommand.self,
            HyperkalemiaCommand.self,
            SweepCommand.self, MergeCommand.self,
            LessonCommand.self, ServeCommand.self, BenchWorkbenchCommand.self,
        ],
        defaultSubcommand: nil)

    /// Parses, runs, and maps every error to a message (or a JSON error object) and an exit status.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let wantsJSON = arguments.contains("--json")
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let error as MembraneError {
            ErrorReporter.report(error, json: wantsJSON)
            Foundation.exit(ExitStatus(for: error).rawValue)
        } catch {
            let code = exitCode(for: error)
            if wantsJSON && code != .success {
                ErrorReporter.reportParseError(message: fullMessage(for: error))
                Foundation.exit(code.rawValue)
            }
            exit(withError: error)
        }
    }
}
