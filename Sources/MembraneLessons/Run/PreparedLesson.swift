import Membrane
import MembraneReport

/// A lesson with its setup run and every answer derived: what the key shows and grading checks against. Preparing
/// is also the deep check of a lesson file: each command must exist and accept its options, each expression must
/// find its values, each choice question must have exactly one right choice, and every text and equation must
/// render; any failure is an error at its line.
public struct PreparedLesson: Sendable {
    public let lesson: Lesson
    /// Each setup run's result, by name.
    let results: [String: JSONValue]
    /// Each question's answer, in question order (a choice question's answer is the right choice's key).
    public let answers: [LessonValue]
    /// For numeric questions: each trap's value, in the order written.
    let trapValues: [[Double]]

    /// Runs the setup with `runner` and derives every answer. A lesson that needs a command the runner lacks
    /// (its `requires`) fails with an `undefined` error that says which command and why.
    public static func prepare(_ lesson: Lesson, runner: CommandRunner) throws -> PreparedLesson {
        let missing = lesson.requires.filter { !runner.commands.contains($0) }
        if !missing.isEmpty { throw unavailable(lesson, missing: missing) }
        var results: [String: JSONValue] = [:]
        for run in lesson.setup {
            results[run.name] = try execute(run, of: lesson, runner: runner)
        }
        var answers: [LessonValue] = [], traps: [[Double]] = []
        for question in lesson.questions {
            var scope = EvaluationScope(results: results, answers: Self.answerMap(lesson, answers))
            let value = try question.answer.evaluate(in: scope)
            scope.answer = value
            scope.allowsAnswer = true
            switch question.kind {
            case .numeric(let numeric):
                guard case .number(let x) = value else {
                    throw LessonFault.invalid(question.answer.location, question.answer.path, value: question.answer.source,
                                              allowed: "an expression giving a number for a question with a tolerance (it gives \(value.kindName): \(value))")
                }
                var values: [Double] = []
                for trap in numeric.traps {
                    let t = try trap.value.evaluate(in: scope).requireNumber(at: trap.value)
                    if numeric.tolerance.accepts(t, answer: x) {
                        throw LessonFault.invalid(trap.value.location, trap.value.path, value: trap.value.source,
                                                  allowed: "a trap whose value (\(LessonValue.number(t))) lies outside the tolerance of the answer (\(LessonValue.number(x))): it would catch right answers")
                    }
                    values.append(t)
                }
                answers.append(value)
                traps.append(values)
            case .choice(let options):
                answers.append(.text(try rightChoice(question, options, value: value, scope: scope)))
                traps.append([])
            }
        }
        let prepared = PreparedLesson(lesson: lesson, results: results, answers: answers, trapValues: traps)
        try prepared.checkTexts()
        return prepared
    }

    static func unavailable(_ lesson: Lesson, missing: [String]) -> MembraneError {
        let names = missing.map { "'\($0.replacingAll("/", with: " "))'" }.joined(separator: ", ")
        return .undefined(field: "name", reason: "the lesson '\(lesson.name)' needs the command \(names), which this build of membrane does not have yet; the lesson is skipped until it exists")
    }

    /// Whether `runner` has every command `lesson` requires.
    public static func isAvailable(_ lesson: Lesson, runner: CommandRunner) -> Bool {
        lesson.requires.allSatisfy(runner.commands.contains)
    }

    private static func execute(_ run: SetupRun, of lesson: Lesson, runner: CommandRunner) throws -> JSONValue {
        let path = "setup.\(run.name)"
        guard runner.allows(run.command) else {
            throw LessonFault.unknown(run.location, "\(path).run", value: run.command, known: runner.commands.filter { !$0.hasPrefix("lesson") })
        }
        do {
            return try runner.run(run.command, run.bodyJSON.render(pretty: false))
        } catch let error as MembraneError {
            // Point at the option the command complained about, when it names one of the body's keys.
            let head = String(error.field.prefix { $0 != "." && $0 != "[" })
            if case .mapping(let entries, _) = run.body, let entry = entries.first(where: { $0.key == head }) {
                throw LessonFault.relocated(error, to: entry.value.location, path: "\(path).with")
            }
            throw LessonFault.relocated(error, to: run.location, path: "\(path).with")
        }
    }

    private static func rightChoice(_ question: Question, _ options: [Question.Choice], value: LessonValue,
                                    scope: EvaluationScope) throws -> String {
        let keys = options.map(\.key)
        switch value {
        case .text, .bool:
            guard let hit = options.first(where: { $0.key == value.description }) else {
                throw LessonFault.invalid(question.answer.location, question.answer.path, value: value.description,
                                          allowed: "an answer that is one of the choices' keys (\(keys.joined(separator: ", ")))")
            }
            return hit.key
        case .number(let x):
            var values: [Double] = []
            for option in options {
                guard let v = option.value else {
                    throw LessonFault.invalid(question.location, "\(question.path).choices.\(option.key)", value: option.key,
                                              allowed: "a 'value' for every choice, since the answer is a number (\(value))")
                }
                values.append(try v.evaluate(in: scope).requireNumber(at: v))
            }
            let hits = options.indices.filter { Expression.BinaryOperator.same(.number(values[$0]), .number(x)) }
            guard hits.count == 1 else {
                throw LessonFault.invalid(question.answer.location, question.answer.path, value: value.description,
                                          allowed: "an answer equal to the value of exactly one choice (\(hits.count) of \(keys.joined(separator: ", ")) match)")
            }
            return options[hits[0]].key
        }
    }

    static func answerMap(_ lesson: Lesson, _ answers: [LessonValue]) -> [String: LessonValue] {
        Dictionary(uniqueKeysWithValues: zip(lesson.questions.map(\.id), answers))
    }

    /// What question `index`'s texts may use; `student` only in explanations and feedback.
    func scope(question index: Int?, student: LessonValue? = nil, explaining: Bool = false) -> EvaluationScope {
        guard let index else { return EvaluationScope(results: results, answers: Self.answerMap(lesson, answers)) }
        var scope = EvaluationScope(results: results, answers: Self.answerMap(lesson, Array(answers.prefix(index))))
        if explaining {
            scope.allowsAnswer = true
            scope.answer = answers[index]
            scope.student = student
        }
        return scope
    }

    /// Renders every text once (with the student's answer set to the right one), so a lesson whose texts refer to
    /// something that does not exist fails on load, not in front of a student.
    private func checkTexts() throws {
        let texts = [lesson.goal, lesson.misconception] + (lesson.takeaway.map { [$0] } ?? []) + lesson.steps
        for t in texts { _ = try t.render(in: scope(question: nil)) }
        for (i, q) in lesson.questions.enumerated() {
            for t in [q.ask] + q.hints { _ = try t.render(in: scope(question: i)) }
            let explaining = scope(question: i, student: answers[i], explaining: true)
            _ = try explanation(i, in: explaining)
            _ = try worked(i, in: explaining)
            switch q.kind {
            case .numeric(let n):
                for trap in n.traps { _ = try trap.say.render(in: explaining) }
            case .choice(let options):
                for o in options {
                    _ = try o.text.render(in: scope(question: i))
                    _ = try o.feedback?.render(in: explaining)
                }
            }
        }
    }

    /// A text of the lesson or of question `question` (not an explanation) with its values written in. Every text
    /// rendered once when the lesson was prepared, so this cannot fail; the template's source is the fallback.
    func rendered(_ template: Template, question: Int? = nil) -> String {
        (try? template.render(in: scope(question: question))) ?? template.source
    }

    func explanation(_ index: Int, in scope: EvaluationScope) throws -> String {
        try lesson.questions[index].explain.render(in: scope)
    }

    /// The worked equation of question `index` with the numbers of `scope` written in.
    func worked(_ index: Int, in scope: EvaluationScope) throws -> MathText? {
        guard let template = lesson.questions[index].worked else { return nil }
        let tex = try template.render(in: scope, tex: true)
        do {
            return try MathText(tex: tex)
        } catch {
            throw LessonFault.invalid(template.location, template.path, value: tex, allowed: "an equation in the TeX subset of docs/lessons.md: \(error.reason)")
        }
    }
}

extension LessonValue {
    func requireNumber(at expression: LocatedExpression) throws -> Double {
        guard case .number(let x) = self else {
            throw LessonFault.invalid(expression.location, expression.path, value: expression.source,
                                      allowed: "an expression giving a number (it gives \(kindName): \(self))")
        }
        return x
    }
}
