import Testing
import Foundation
import MembraneRequests
import MembraneTestSupport

/// The command line's flags are the requests' coding keys: for every command, the long option names that
/// ArgumentParser reports (`--experimental-dump-help`), minus the options that only concern the command line
/// (output format, files), are exactly the request's field names.
@Suite("flags = coding keys")
struct FlagNameTests {
    /// Options that write files, choose the output format or batch-process a file: command line only.
    static let commandLineOnly: Set<String> = ["json", "help", "csv", "plot", "profile", "batch", "output"]

    static func flags(_ command: String) throws -> Set<String> {
        let run = try runMembrane(command.split(separator: "/").map(String.init) + ["--experimental-dump-help"])
        let dump = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let arguments = try #require((dump["command"] as? [String: Any])?["arguments"] as? [[String: Any]])
        var names = Set<String>()
        for a in arguments {
            if let long = (a["names"] as? [[String: Any]])?.first(where: { $0["kind"] as? String == "long" })?["name"] as? String {
                names.insert(long)
            } else if a["kind"] as? String == "positional", let name = a["valueName"] as? String {
                names.insert(name)
            }
        }
        return names.subtracting(commandLineOnly)
    }

    /// docs/CLI-CONTRACT.md documents every option of every command.
    @Test func contractListsEveryOption() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: repo.appendingPathComponent("docs/CLI-CONTRACT.md"), encoding: .utf8)
        for type in RequestCatalog.all {
            #expect(doc.contains("`/api/\(type.command)`"), "\(type.command) in the API list")
            for name in type.fieldNames {
                #expect(doc.contains("`--\(name)`") || doc.contains("`--\(name) ") || doc.contains("key `\(name)`"),
                        "\(type.command): --\(name) documented")
            }
        }
    }

    @Test(arguments: RequestCatalog.all.map { $0.command })
    func flagsAreTheKeys(command: String) throws {
        let type = try #require(RequestCatalog.type(for: command))
        #expect(try Self.flags(command) == Set(type.fieldNames), "\(command)")
        #expect(Set(type.fieldNames).count == type.fieldNames.count, "\(command): each key once")
    }
}
