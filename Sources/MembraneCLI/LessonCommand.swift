import ArgumentParser
import Foundation
import Membrane
import MembraneLessons
import MembraneRequests

/// `membrane lesson`: guided, self-checking exercises (docs/lessons.md).
///
///     membrane lesson list                          the lessons
///     membrane lesson NAME                          the lesson, question by question (a terminal or a pipe)
///     membrane lesson NAME --key [--json]           the answer key
///     membrane lesson NAME --answers FILE [--json]  grading: score, verdicts, explanations
///     membrane lesson --lesson-file PATH …          the same for a teacher's own lesson file
///
/// `show`, `key` and `grade` are also subcommands: one per request of the API (`POST /api/lesson/show` …).
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Guided lessons that check your answers (Nernst, GHK, Donnan, pump–leak, LJP, …).",
        discussion: """
        Examples:
          membrane lesson list
          membrane lesson nernst-valence                      (asks each question, checks, explains)
          membrane lesson nernst-valence --key --json
          membrane lesson nernst-valence --answers mine.json --json   (mine.json: {"E_K": -89, "E_Ca": 128})
          membrane lesson --lesson-file my-lesson.yaml        (a teacher's lesson, same checks; docs/lessons.md)
        Every answer is computed from the lesson's own commands, which the lesson prints so you can run them.
        """,
        subcommands: [LessonRunCommand.self, LessonListCommand.self, LessonShowCommand.self, LessonKeyCommand.self,
                      LessonGradeCommand.self],
        defaultSubcommand: LessonRunCommand.self)
}

/// The lesson to use: a built-in one by name, or a lesson file.
struct LessonSelectionOptions: ParsableArguments {
    @Argument(help: "The lesson's name (membrane lesson list).") var name: String?
    @Option(name: .customLong("lesson-file"), help: "A lesson file (YAML; docs/lessons.md) instead of a built-in lesson.") var lessonFile: String?

    /// The lesson file's text, read (the request carries the text, not the path; errors name the path).
    func file() throws -> LessonFile? {
        guard let lessonFile else { return nil }
        guard let data = FileManager.default.contents(atPath: lessonFile) else {
            throw MembraneError.invalidValue(field: "lesson-file", value: lessonFile, allowed: "a readable lesson file")
        }
        return LessonFile(text: String(decoding: data, as: UTF8.self), file: lessonFile)
    }
}

/// `--answers FILE`: the student's answers, read with each answer's line kept for errors.
func readAnswers(_ path: String) throws -> LessonAnswers {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw MembraneError.invalidValue(field: "answers", value: path, allowed: "a readable answer file (a JSON object: question id → answer)")
    }
    return LessonAnswers(try AnswerSheet.parse(String(decoding: data, as: UTF8.self), file: path))
}

struct LessonListCommand: RequestCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The built-in lessons.")
    @OptionGroup var output: OutputOptions
    func request() -> LessonListRequest { LessonListRequest() }
}

struct LessonShowCommand: RequestCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A lesson's text and questions, without the answers.")
    @OptionGroup var selection: LessonSelectionOptions
    @OptionGroup var output: OutputOptions
    func request() throws -> LessonShowRequest { LessonShowRequest(name: selection.name, lessonFile: try selection.file()) }
}

struct LessonKeyCommand: RequestCommand {
    static let configuration = CommandConfiguration(commandName: "key", abstract: "A lesson's answer key (computed from its setup).")
    @OptionGroup var selection: LessonSelectionOptions
    @OptionGroup var output: OutputOptions
    func request() throws -> LessonKeyRequest { LessonKeyRequest(name: selection.name, lessonFile: try selection.file()) }
}

struct LessonGradeCommand: RequestCommand {
    static let configuration = CommandConfiguration(commandName: "grade", abstract: "Grade an answer file: score, verdicts, explanations.")
    @OptionGroup var selection: LessonSelectionOptions
    @Option(help: "The answer file: a JSON object of question id → answer.") var answers: String
    @OptionGroup var output: OutputOptions
    func request() throws -> LessonGradeRequest {
        LessonGradeRequest(name: selection.name, lessonFile: try selection.file(), answers: try readAnswers(answers))
    }
}

/// `membrane lesson NAME [--key | --answers FILE]`: the key, a grade, the lesson as JSON (`--json`), or the
/// interactive lesson.
struct LessonRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Take a lesson (the default: `membrane lesson NAME`), or print its key or a grade.")

    @OptionGroup var selection: LessonSelectionOptions
    @Flag(help: "Print the answer key.") var key = false
    @Option(help: "Grade this answer file (a JSON object: question id → answer).") var answers: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        if key && answers != nil {
            throw MembraneError.invalidValue(field: "key", value: "--key --answers", allowed: "either `key` or `answers`")
        }
        if selection.name == nil && selection.lessonFile == nil {
            return try emit(LessonListRequest())
        }
        let file = try selection.file()
        if key { return try emit(LessonKeyRequest(name: selection.name, lessonFile: file)) }
        if let answers {
            return try emit(LessonGradeRequest(name: selection.name, lessonFile: file, answers: try readAnswers(answers)))
        }
        let show = LessonShowRequest(name: selection.name, lessonFile: file)
        if output.json { return try emit(show) }
        try interact(LessonSession(try show.result().output.prepared))
    }

    private func emit<R: MembraneRequest>(_ request: R) throws {
        let result = try request.result()
        output.warn(result.inputWarnings)
        output.emit(result)
    }

    /// Reads answers line by line until the lesson ends or input does (a terminal or a pipe). From a pipe each
    /// line is echoed after the prompt, so the transcript reads as a dialogue.
    private func interact(_ start: LessonSession) throws {
        var session = start
        let echo = isatty(STDIN_FILENO) == 0
        print(session.start())
        while !session.finished {
            print(session.prompt, terminator: "")
            fflush(nil)
            guard let line = readLine() else {
                print("\n\n" + session.summary(), terminator: "")
                return
            }
            if echo { print(line) }
            print(try session.respond(to: line))
        }
    }
}
