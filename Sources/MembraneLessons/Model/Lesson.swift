import Membrane
import MembraneReport

/// A lesson as its file describes it (docs/lessons.md): what the student should learn, the workbench panel it
/// opens, the commands whose results hold the answers, and the questions. Nothing here is computed yet; a
/// ``PreparedLesson`` runs the setup and derives every answer.
public struct Lesson: Sendable {
    /// The file's stem: `nernst-valence` (the name `membrane lesson NAME` takes).
    public var name: String
    /// The file the lesson was read from (every error names it).
    public var file: String
    public var title: String
    /// Where the lesson's numbers and worked examples come from (a seed chapter, a paper).
    public var source: String?
    var goal: Template
    /// The classic wrong idea the lesson confronts.
    var misconception: Template
    /// What the student should take away (shown at the end).
    var takeaway: Template?
    public var workbench: Workbench?
    /// The equation the lesson is about (no placeholders).
    public var equation: MathText?
    var steps: [Template]
    /// Commands the lesson needs that a build may not have yet (`simulate/hh`): without them the lesson is listed
    /// as unavailable instead of failing.
    public var requires: [String]
    public var setup: [SetupRun]
    public var questions: [Question]
}

/// The workbench panel a lesson opens and the inputs it sets (the page's URL state `#v1/PANEL?key=value`).
public struct Workbench: Sendable, Equatable {
    public var panel: String
    public var state: [(key: String, value: String)]

    /// The panels of the workbench page (Sources/MembraneWorkbench/Page/panel-*.js, their `id`).
    public static let panels = ["ghk", "iv", "solutions", "ljp", "donnan", "pump-leak", "hh", "microdomain", "noise", "pmf", "plant"]

    /// The page's address of this panel with these inputs: `#v1/ghk?preset=mammalian-neuron`.
    public var hash: String {
        let query = state.map { "\(Self.escape($0.key))=\(Self.escape($0.value))" }.joined(separator: "&")
        return "#v1/\(panel)" + (query.isEmpty ? "" : "?\(query)")
    }

    /// Percent-encoding of what a URL query cannot hold as is (the page reads `,` and `=` unescaped).
    static func escape(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~,".contains(c)) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    public static func == (a: Workbench, b: Workbench) -> Bool {
        a.panel == b.panel && a.state.map(\.key) == b.state.map(\.key) && a.state.map(\.value) == b.state.map(\.value)
    }
}

/// One command the lesson runs: its results are what expressions refer to by `name`.
public struct SetupRun: Sendable {
    public var name: String
    /// The command as the request catalog names it (`nernst`, `simulate/pump-leak`).
    public var command: String
    /// The request body (a mapping of the command's long option names), as written.
    var body: LessonNode
    var location: SourceLocation

    /// The body as the JSON a client would send (`POST /api/<command>`).
    public var bodyJSON: JSONValue { body.json }

    /// The same run as a command line (`membrane nernst --ion K --inside 140 --outside 5`), for students who
    /// want to run it themselves.
    public var commandLine: String {
        var words = ["membrane"] + command.split(separator: "/").map(String.init)
        guard case .mapping(let entries, _) = body else { return words.joined(separator: " ") }
        for entry in entries {
            switch entry.value {
            case .scalar(let s, let quoted, _) where !quoted && s == "true": words.append("--\(entry.key)")
            case .scalar(let s, let quoted, _) where !quoted && s == "false": continue
            case .scalar(let s, _, _): words += ["--\(entry.key)", Self.shellWord(s)]
            case .sequence(let items, _):
                for item in items { words += ["--\(entry.key)", Self.shellWord(Self.flat(item))] }
            case .mapping:
                words += ["--\(entry.key)", Self.shellWord(Self.flat(entry.value))]
            }
        }
        return words.joined(separator: " ")
    }

    /// A solution or pair list written as the command line takes it (`K=140,Cl=140`).
    private static func flat(_ node: LessonNode) -> String {
        switch node {
        case .scalar(let s, _, _): return s
        case .sequence(let items, _): return items.map(flat).joined(separator: ",")
        case .mapping(let entries, _): return entries.map { "\($0.key)=\(flat($0.value))" }.joined(separator: ",")
        }
    }

    private static func shellWord(_ s: String) -> String {
        let safe = !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.,=+/:%".contains($0)) }
        return safe ? s : "'" + s.replacingAll("'", with: "'\\''") + "'"
    }
}

extension String {
    func leftPadded(to n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }

    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
