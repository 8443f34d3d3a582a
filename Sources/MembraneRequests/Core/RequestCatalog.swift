import Membrane
import MembraneReport

/// Every request type by command: what a server routes `POST /api/<command>` to.
public enum RequestCatalog {
    /// One type per command (the bench commands stay on the command line).
    public static let all: [any MembraneRequest.Type] = [
        ReportRequest.self, NernstRequest.self, GHKRequest.self, GHKCurrentRequest.self, DriveRequest.self,
        ChargeRequest.self, ChordRequest.self, PermeabilityRatioRequest.self, LJPRequest.self,
        ActivityRequest.self, OsmolarityRequest.self, RecipeRequest.self, DonnanRequest.self,
        PresetsRequest.self, IonsRequest.self, SteadyStateRequest.self, PumpLeakSimulationRequest.self, HHSimulationRequest.self,
        MicrodomainRequest.self, NoiseRequest.self, PMFRequest.self, PlantRequest.self,
        HyperkalemiaRequest.self,
        LessonListRequest.self, LessonShowRequest.self, LessonKeyRequest.self, LessonGradeRequest.self,
    ]

    /// The request type of `command` (`nernst`, `simulate/pump-leak`).
    public static func type(for command: String) -> (any MembraneRequest.Type)? {
        all.first { $0.command == command }
    }

    /// Decodes `body` (a JSON object with the command's long option names as keys) as the request of
    /// `command`, runs it and returns the rendered result: exactly what `membrane <command> --json` prints
    /// (with the figure `--plot` draws when `context.wantsFigure`).
    public static func run(command: String, body: String, context: inout RequestContext) throws -> RequestResult<AnyRenderable> {
        guard let type = type(for: command) else {
            throw MembraneError.unknownName(field: "command", value: command, suggestions: closestNames(to: command, among: all.map { $0.command }, limit: 3))
        }
        return try run(type, body: body, context: &context)
    }

    static func run<R: MembraneRequest>(_ type: R.Type, body: String, context: inout RequestContext) throws -> RequestResult<AnyRenderable> {
        let request = try RequestDecoder().decode(R.self, from: body)
        let r = try request.result(in: &context)
        return RequestResult(output: AnyRenderable(r.output), inputWarnings: r.inputWarnings, status: r.status, figure: r.figure, failure: r.failure)
    }
}
