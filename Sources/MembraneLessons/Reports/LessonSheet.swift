import Membrane
import MembraneReport

/// `membrane lesson show NAME` (`POST /api/lesson/show`): the lesson as a student sees it, without answers:
/// goal, the panel and inputs it opens, the equation, the steps, the commands it runs and each question with its
/// unit, tolerance, choices and hints.
public struct LessonSheet: Renderable, Sendable {
    public let prepared: PreparedLesson

    public init(_ prepared: PreparedLesson) { self.prepared = prepared }

    var lesson: Lesson { prepared.lesson }

    func render(_ template: Template, question: Int? = nil) -> String { prepared.rendered(template, question: question) }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("name", .string(lesson.name)), ("title", .string(lesson.title))]
        if let source = lesson.source { pairs.append(("source", .string(source))) }
        pairs += [
            ("goal", .string(render(lesson.goal))),
            ("misconception", .string(render(lesson.misconception))),
            ("takeaway", lesson.takeaway.map { .string(render($0)) } ?? .null),
            ("workbench", lesson.workbench.map { w in
                .object([("panel", .string(w.panel)), ("state", .object(w.state.map { ($0.key, .string($0.value)) })),
                         ("hash", .string(w.hash))])
            } ?? .null),
            ("equation", lesson.equation?.json ?? .null),
            ("steps", .array(lesson.steps.map { .string(render($0)) })),
            ("commands", .array(lesson.setup.map { .string($0.commandLine) })),
            ("setup", .array(lesson.setup.map { run in
                .object([("name", .string(run.name)), ("command", .string(run.command)), ("body", run.bodyJSON)])
            })),
            ("questions", .array(lesson.questions.indices.map(questionJSON))),
        ]
        return .object(pairs)
    }

    func questionJSON(_ i: Int) -> JSONValue {
        let q = lesson.questions[i]
        var pairs: [(String, JSONValue)] = [("id", .string(q.id)), ("number", .integer(i + 1)), ("ask", .string(render(q.ask, question: i)))]
        switch q.kind {
        case .numeric(let n):
            pairs += [("kind", .string("numeric")), ("unit", n.unit.map { .string($0) } ?? .null), ("tolerance", n.tolerance.json(unit: n.unit))]
        case .choice(let options):
            pairs += [("kind", .string("choice")),
                      ("choices", .array(options.map { .object([("key", .string($0.key)), ("text", .string(render($0.text, question: i)))]) }))]
        }
        pairs.append(("hints", .array(q.hints.map { .string(render($0, question: i)) })))
        return .object(pairs)
    }

    public var text: String {
        var out = "\(lesson.title)\n\(String(repeating: "=", count: lesson.title.count))\n\n"
        out += "Goal: \(render(lesson.goal))\n"
        if let w = lesson.workbench { out += "Workbench: the \(w.panel) panel, \(w.hash) (membrane serve)\n" }
        if let e = lesson.equation { out += "\n    \(e.text)\n" }
        out += "\nSteps:\n" + lesson.steps.enumerated().map { "  \($0.offset + 1). \(render($0.element))" }.joined(separator: "\n") + "\n"
        out += "\nThe commands behind the answers:\n" + lesson.setup.map { "  \($0.commandLine)" }.joined(separator: "\n") + "\n"
        out += "\nQuestions:\n"
        for (i, q) in lesson.questions.enumerated() {
            out += "  \(i + 1). [\(q.id)] \(render(q.ask, question: i))"
            switch q.kind {
            case .numeric(let n): out += " (\(n.unit ?? "no unit"), \(n.tolerance.description(unit: n.unit)))\n"
            case .choice(let options):
                out += "\n" + options.map { "       \($0.key): \(render($0.text, question: i))" }.joined(separator: "\n") + "\n"
            }
        }
        return out
    }
}
