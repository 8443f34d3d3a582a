import Membrane
import MembraneReport

/// How a lesson runs its commands: by name and JSON body, giving the JSON `--json` prints. The request layer
/// (MembraneRequests) provides the real one over its catalog, so a lesson's results are exactly what
/// `membrane <command> --json` and `POST /api/<command>` give; tests may provide their own.
public struct CommandRunner: Sendable {
    /// The commands that exist (`nernst`, `simulate/pump-leak`).
    public var commands: [String]
    public var run: @Sendable (_ command: String, _ body: String) throws -> JSONValue

    public init(commands: [String], run: @escaping @Sendable (_ command: String, _ body: String) throws -> JSONValue) {
        self.commands = commands
        self.run = run
    }

    /// Lessons cannot run lessons.
    func allows(_ command: String) -> Bool { commands.contains(command) && !command.hasPrefix("lesson") }
}
