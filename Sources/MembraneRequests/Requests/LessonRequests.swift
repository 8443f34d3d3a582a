import Membrane
import MembraneLessons
import MembraneReport

// The lesson commands (issue 13): `lesson/list`, `lesson/show`, `lesson/key`, `lesson/grade`. A page drives a
// lesson with them: list → show (the text and questions, no answers) → grade (one answer or all; each verdict
// comes with its explanation). A lesson's setup runs through this catalog, so its numbers are exactly what the
// commands print.

extension CommandRunner {
    /// Runs lesson setups through ``RequestCatalog``: the JSON each command prints with `--json`.
    public static let catalog = catalog(stoppingWhen: StopRequest { false })

    /// The same, with every run polling `stop` (a server's deadline: a teacher's lesson may run long simulations).
    /// A run stopped early is an error: a lesson's answers are never derived from a partial result.
    static func catalog(stoppingWhen stop: StopRequest) -> CommandRunner {
        CommandRunner(commands: RequestCatalog.all.map { $0.command }) { command, body in
            var context = RequestContext(shouldStop: stop.poll)
            let result = try RequestCatalog.run(command: command, body: body, context: &context)
            guard result.status == .success else {
                throw MembraneError.undefined(field: "request", reason: "the lesson's setup was stopped before `\(command)` finished (a time limit or a shutdown); nothing was graded")
            }
            return result.json
        }
    }
}

/// A request's `shouldStop`, carried into the runs of a lesson's setup. Those runs happen synchronously on the
/// request's own thread, inside its `run(in:)`, so the closure never crosses threads: hence `@unchecked`.
struct StopRequest: @unchecked Sendable {
    let poll: () -> Bool
}

/// A teacher's lesson file as a request carries it: its text (YAML, docs/lessons.md); `file` is what errors call
/// it (the path on the command line, `lesson-file` in a request).
public struct LessonFile: Sendable, Hashable, Codable, RequestValueDescription {
    public var text: String
    public var file: String

    public static let expectation = "the text of a lesson file (YAML, docs/lessons.md)"

    public init(text: String, file: String) {
        self.text = text
        self.file = file
    }

    public init(from decoder: any Decoder) throws {
        text = try decoder.singleValueContainer().decode(String.self)
        file = "lesson-file"
        if Self.looksLikeAPath(text) {
            throw MembraneError.invalidValue(field: fieldName(decoder.codingPath), value: text,
                                             allowed: "the text of a lesson file (YAML, docs/lessons.md), not its path: a request carries the lesson itself and the server reads no files (`membrane lesson --lesson-file PATH` reads one on the command line)")
        }
    }

    /// One line that names a file (`my-lesson.yaml`, `/home/t/lesson`, `C:\lessons\x`, `file:///…`): what a client
    /// sends when it means a path. No lesson file is a single line like these.
    static func looksLikeAPath(_ text: String) -> Bool {
        let t = text.trimmingWhitespace()
        guard !t.isEmpty, !t.contains("\n") else { return false }
        if [".yaml", ".yml", ".json", ".txt"].contains(where: t.lowercased().hasSuffix) { return true }
        return !t.contains(": ") && (["/", "~", "./", "../", "file:"].contains(where: t.hasPrefix) || t.contains("\\"))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

/// A student's answers in a request: an object of question id → answer (a number, or a text: `"-89 mV"`,
/// `"efflux"`). The command line reads them from a file and keeps each answer's line for its errors.
public struct LessonAnswers: Sendable, Equatable, Codable, RequestValueDescription {
    public var sheet: AnswerSheet

    public static let expectation = "an object of question id → answer ({\"E_K\": -89.1, \"direction\": \"efflux\"})"

    public init(_ sheet: AnswerSheet) { self.sheet = sheet }

    public init(from decoder: any Decoder) throws {
        let values = try KeyedValues<Scalar>(from: decoder)
        sheet = AnswerSheet(entries: values.entries.map { AnswerSheet.Entry(id: $0.key, text: $0.value.text) })
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: PathKey.self)
        for e in sheet.entries { try c.encode(Scalar(e.text), forKey: PathKey(stringValue: e.id)) }
    }

    /// The same answers: the same ids and texts in the same order. Where an answer was written (its file's line,
    /// kept for error messages) is not part of it, so answers read from a file equal the body they encode to.
    public static func == (a: LessonAnswers, b: LessonAnswers) -> Bool {
        a.sheet.entries.map { [$0.id, $0.text] } == b.sheet.entries.map { [$0.id, $0.text] }
    }
}

/// The requests that name one lesson: a built-in one (`name`) or a teacher's file (`lesson-file`).
protocol LessonSelecting {
    var name: String? { get }
    var lessonFile: LessonFile? { get }
}

extension LessonSelecting {
    /// The lesson, read, checked and prepared (its setup run, its answers derived); the setup's runs stop when
    /// `context` says so.
    func prepared(in context: RequestContext) throws -> PreparedLesson {
        let lesson: Lesson
        switch (name, lessonFile) {
        case (let name?, nil): lesson = try LessonCatalog.lesson(named: name)
        case (nil, let file?): lesson = try LessonReader.read(file.text, file: file.file)
        default:
            throw MembraneError.invalidValue(field: "name", value: name ?? "",
                                             allowed: "either `name` (a built-in lesson: membrane lesson list) or `lesson-file`, not both")
        }
        return try PreparedLesson.prepare(lesson, runner: .catalog(stoppingWhen: StopRequest(poll: context.shouldStop)))
    }
}

/// `lesson/list`: the built-in lessons (`name`, `title`, `panel`, `questions`, `available`).
public struct LessonListRequest: MembraneRequest {
    public static let command = "lesson/list"

    /// No fields: any key is unknown.
    public enum CodingKeys: CodingKey, CaseIterable {}

    public init() {}
    public init(from decoder: any Decoder) throws { _ = try decoder.container(keyedBy: CodingKeys.self) }
    public func encode(to encoder: any Encoder) throws { _ = encoder.container(keyedBy: CodingKeys.self) }

    public func run(in context: inout RequestContext) throws -> LessonList {
        LessonList(lessons: try LessonCatalog.all(), runner: .catalog)
    }
}

/// `lesson/show`: a lesson without its answers — goal, panel, equation, steps, commands, questions and hints.
public struct LessonShowRequest: MembraneRequest, LessonSelecting {
    public static let command = "lesson/show"

    public var name: String?
    public var lessonFile: LessonFile?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case name
        case lessonFile = "lesson-file"
    }

    public init(name: String? = nil, lessonFile: LessonFile? = nil) {
        self.name = name
        self.lessonFile = lessonFile
    }

    public func run(in context: inout RequestContext) throws -> LessonSheet { LessonSheet(try prepared(in: context)) }
}

/// `lesson/key`: the answers, computed from the lesson's setup by the code that grades.
public struct LessonKeyRequest: MembraneRequest, LessonSelecting {
    public static let command = "lesson/key"

    public var name: String?
    public var lessonFile: LessonFile?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case name
        case lessonFile = "lesson-file"
    }

    public init(name: String? = nil, lessonFile: LessonFile? = nil) {
        self.name = name
        self.lessonFile = lessonFile
    }

    public func run(in context: inout RequestContext) throws -> LessonKey { try LessonKey(try prepared(in: context)) }
}

/// `lesson/grade`: verdicts, feedback and explanations for `answers` (all questions, or only some: unanswered
/// ones count as wrong in `score` and reveal nothing).
public struct LessonGradeRequest: MembraneRequest, LessonSelecting {
    public static let command = "lesson/grade"

    public var name: String?
    public var lessonFile: LessonFile?
    public var answers: LessonAnswers

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case name, answers
        case lessonFile = "lesson-file"
    }

    public init(name: String? = nil, lessonFile: LessonFile? = nil, answers: LessonAnswers) {
        self.name = name
        self.lessonFile = lessonFile
        self.answers = answers
    }

    public func run(in context: inout RequestContext) throws -> Grade { try prepared(in: context).grade(answers.sheet) }
}
