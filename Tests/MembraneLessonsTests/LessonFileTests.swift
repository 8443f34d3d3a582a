import Testing
import Foundation
import Membrane
import MembraneLessons
import MembraneRequests
import MembraneTestSupport

/// A teacher's lesson file is checked on load, and every mistake is reported at its file and line: YAML syntax,
/// unknown or missing keys, wrong types, a command or an option that does not exist (found by running the
/// setup), a path into a result that does not exist, a choice question without exactly one right choice, a trap
/// that would catch right answers, an equation outside the TeX subset.
@Suite("lesson files")
struct LessonFileTests {
    typealias T = LessonTesting

    /// A small valid lesson; each test breaks one line of it.
    static let valid = """
    title: A test lesson
    goal: Compute E_K.
    misconception: None.
    steps:
      - Compute it.
    setup:
      potassium:
        run: nernst
        with: {ion: K, inside: 140, outside: 5}
    questions:
      - id: E_K
        ask: What is E_K?
        answer: potassium.potential_mV
        unit: mV
        tolerance: 1
        explain: It is {{answer:.1f}} mV; you said {{student}}.
      - id: direction
        ask: Which way does K⁺ leak at −70 mV?
        choices:
          out: Out
          in: In
        answer: if(E_K < -70, "out", "in")
        explain: Out.
    """

    /// `valid` with line `line` (1-based) replaced.
    static func replacing(line: Int, with text: String) -> String {
        var lines = valid.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[line - 1] = text
        return lines.joined(separator: "\n")
    }

    @Test func theValidLessonPrepares() throws {
        #expect(T.failure(of: Self.valid) == nil)
        let prepared = try PreparedLesson.prepare(LessonReader.read(Self.valid, file: "test.yaml"), runner: .catalog)
        #expect(prepared.answers[1] == .text("out"))
    }

    @Test func yamlSyntax() throws {
        let m = try #require(T.failure(of: Self.replacing(line: 12, with: "    ask: What is E_K: the potential?")))
        #expect(m.hasPrefix("test.yaml:12:"), "\(m)")
        #expect(m.contains("quotes"))
    }

    @Test func unknownKeyWithSuggestion() throws {
        let m = try #require(T.failure(of: Self.replacing(line: 15, with: "    tolerence: 1")))
        #expect(m.hasPrefix("test.yaml:15:5: questions[0]"), "\(m)")
        #expect(m.contains("tolerence") && m.contains("tolerance"))
    }

    @Test func missingRequiredKey() throws {
        let m = try #require(T.failure(of: Self.replacing(line: 16, with: "")))
        #expect(m.hasPrefix("test.yaml:11:"), "\(m)")  // the question's mapping starts at line 11
        #expect(m.contains("explain"))
    }

    @Test func wrongType() throws {
        let m = try #require(T.failure(of: Self.replacing(line: 15, with: "    tolerance: about one")))
        #expect(m.hasPrefix("test.yaml:15:16: questions[0].tolerance"), "\(m)")
        let list = try #require(T.failure(of: Self.replacing(line: 1, with: "title: [a, b]")))
        #expect(list.hasPrefix("test.yaml:1:8: title"), "\(list)")
    }

    @Test func unknownCommand() throws {
        let m = try #require(T.failure(of: Self.replacing(line: 8, with: "    run: nernts")))
        #expect(m.hasPrefix("test.yaml:8:10: setup.potassium.run"), "\(m)")
        #expect(m.contains("nernst"))
    }

    @Test func badOptionValueFoundByRunningTheSetup() throws {
        let m = try #require(T.failure(of: Self.replacing(line: 9, with: "    with: {ion: K, inside: -140, outside: 5}")))
        #expect(m.hasPrefix("test.yaml:9:"), "\(m)")
        #expect(m.contains("setup.potassium.with.inside"))
        let unknown = try #require(T.failure(of: Self.replacing(line: 9, with: "    with: {ion: K, insid: 140, outside: 5}")))
        #expect(unknown.hasPrefix("test.yaml:9:") && unknown.contains("inside"), "\(unknown)")
    }

    @Test func pathThatDoesNotExist() throws {
        let m = try #require(T.failure(of: Self.replacing(line: 13, with: "    answer: potassium.potential_mv")))
        #expect(m.hasPrefix("test.yaml:13:13: questions[0].answer"), "\(m)")
        #expect(m.contains("potential_mV"))
        let root = try #require(T.failure(of: Self.replacing(line: 13, with: "    answer: potasium.potential_mV")))
        #expect(root.contains("potassium"), "\(root)")
        let syntax = try #require(T.failure(of: Self.replacing(line: 13, with: "    answer: potassium.potential_mV *")))
        #expect(syntax.hasPrefix("test.yaml:13:13:") && syntax.contains("expected"), "\(syntax)")
    }

    @Test func textAnswerForANumericQuestion() throws {
        let m = try #require(T.failure(of: Self.replacing(line: 13, with: "    answer: potassium.ion")))
        #expect(m.hasPrefix("test.yaml:13:13:") && m.contains("a number"), "\(m)")
    }

    @Test func choiceAnswerMustBeAChoice() throws {
        let m = try #require(T.failure(of: Self.replacing(line: 22, with: "    answer: if(E_K < -70, \"outward\", \"in\")")))
        #expect(m.hasPrefix("test.yaml:22:13:"), "\(m)")
        #expect(m.contains("out, in"))
    }

    @Test func duplicateIds() throws {
        let m = try #require(T.failure(of: Self.replacing(line: 17, with: "  - id: E_K")))
        #expect(m.hasPrefix("test.yaml:17:"), "\(m)")
        #expect(m.contains("line 11"))
    }

    @Test func templateWithAnUnknownName() throws {
        let m = try #require(T.failure(of: Self.replacing(line: 16, with: "    explain: It is {{anwser:.1f}} mV.")))
        #expect(m.hasPrefix("test.yaml:16:14: questions[0].explain"), "\(m)")
        #expect(m.contains("anwser"))
        let style = try #require(T.failure(of: Self.replacing(line: 16, with: "    explain: It is {{answer:%}} mV.")))
        #expect(style.contains("number style"), "\(style)")
    }

    @Test func trapThatCatchesRightAnswers() throws {
        let text = Self.replacing(line: 15, with: "    tolerance: 1\n    traps:\n      - value: answer + 0.5\n        say: Close.")
        let m = try #require(T.failure(of: text))
        #expect(m.hasPrefix("test.yaml:17:16:"), "\(m)")
        #expect(m.contains("catch right answers"))
    }

    @Test func equationOutsideTheSubset() throws {
        let text = Self.replacing(line: 3, with: "misconception: None.\nequation: 'E = \\frac{RT}{F}\\lg x'")
        let m = try #require(T.failure(of: text))
        #expect(m.hasPrefix("test.yaml:4:11: equation"), "\(m)")
        #expect(m.contains("\\lg"))
    }

    @Test func unknownPanel() throws {
        let text = Self.replacing(line: 3, with: "misconception: None.\nworkbench: {panel: nernst}")
        let m = try #require(T.failure(of: text))
        #expect(m.hasPrefix("test.yaml:4:20: workbench.panel"), "\(m)")
        #expect(m.contains("did you mean"))
    }

    @Test func requiredCommandsMakeALessonUnavailable() throws {
        let text = Self.replacing(line: 3, with: "misconception: None.\nrequires: [simulate/teleport]")
        let m = try #require(T.failure(of: text))
        #expect(m.contains("simulate teleport") && m.contains("skipped"), "\(m)")
    }

    /// `--lesson-file` on the command line: the file's path and line in the message, exit status 64.
    @Test func commandLineLessonFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("mine.yaml"), bad = dir.appendingPathComponent("broken.yaml")
        try Self.valid.write(to: good, atomically: true, encoding: .utf8)
        try Self.replacing(line: 15, with: "    tolerence: 1").write(to: bad, atomically: true, encoding: .utf8)

        let key = try runMembrane(["lesson", "--lesson-file", good.path, "--key", "--json"])
        #expect(key.status == 0)
        let questions = try #require(key.object?["questions"] as? [[String: Any]])
        #expect(questions.first?["id"] as? String == "E_K")
        #expect(isClose(try #require(questions.first?["answer"] as? Double), T.nernst(z: 1, inside: 140, outside: 5), within: 1e-9))

        let failed = try runMembrane(["lesson", "--lesson-file", bad.path, "--key"])
        #expect(failed.status == 64)
        #expect(failed.stderr.contains("\(bad.path):15:5:"), "\(failed.stderr)")
    }
}
