import Membrane
import MembraneReport

/// `membrane lesson NAME --key` (`POST /api/lesson/key`): each answer with its unit, tolerance and accepted range
/// and the explanation a right answer gets; computed by the grading code from the lesson's own setup.
public struct LessonKey: Renderable, Sendable {
    public var lesson: Lesson
    public var verdicts: [Verdict]

    public init(_ prepared: PreparedLesson) throws {
        lesson = prepared.lesson
        verdicts = try prepared.key()
    }

    public var json: JSONValue {
        .object([("name", .string(lesson.name)), ("title", .string(lesson.title)),
                 ("questions", .array(zip(lesson.questions, verdicts).map { q, v in
                     var pairs: [(String, JSONValue)] = [("id", .string(v.id)), ("kind", .string(q.isNumeric ? "numeric" : "choice")),
                                                         ("answer", v.answer.json)]
                     if case .numeric(let n) = q.kind {
                         pairs += [("unit", n.unit.map { .string($0) } ?? .null), ("tolerance", n.tolerance.json(unit: n.unit)),
                                   ("accepted", v.accepted.map { .object([("min", .number($0.lowerBound)), ("max", .number($0.upperBound))]) } ?? .null)]
                     }
                     pairs += [("explanation", .string(v.explanation)), ("worked", v.worked?.json ?? .null)]
                     return .object(pairs)
                 }))])
    }

    public var text: String {
        var table = TextTable(headers: ["question", "answer", "unit", "tolerance"], alignments: [.left, .right, .left, .left])
        for (q, v) in zip(lesson.questions, verdicts) {
            if case .numeric(let n) = q.kind {
                table.add([v.id, NumberStyle.significant(4, sign: false).format(v.answer.number!), n.unit ?? "", n.tolerance.description(unit: n.unit)])
            } else {
                table.add([v.id, v.answer.description, "", "choice"])
            }
        }
        return "Answer key: \(lesson.title)\n\n" + table.render() + "\n\n"
            + verdicts.map { "\($0.id): \($0.explanation)" }.joined(separator: "\n")
    }
}
