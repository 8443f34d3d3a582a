import ArgumentParser
import MembraneRequests

struct OsmolarityCommand: RequestCommand {
    static let configuration = CommandConfiguration(
        commandName: "osmolarity",
        abstract: "Osmolarity, osmolality, osmotic coefficient and osmotic pressure of a solution.",
        discussion: """
        Example: membrane osmolarity --solution "NaCl 150" --target-osmolarity 290±10
        φ is Pitzer's osmotic coefficient with --model pitzer (default), 1 with ideal; Π = φRTΣc (van 't Hoff).
        """)

    @Option(parsing: .unconditional, help: "Solution (ion list or recipe).") var solution: Assignments
    @Option(help: "Activity model for φ (default pitzer).") var model: String?
    @Option(name: .customLong("target-osmolarity"), help: "Warn outside this range, e.g. 290±10 (mOsm).") var targetOsmolarity: String?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func request() -> OsmolarityRequest {
        var r = OsmolarityRequest(solution: solution)
        r.model = model
        r.targetOsmolarity = targetOsmolarity
        r.temperature = conditions.temperature
        r.constants = conditions.constants
        return r
    }
}
