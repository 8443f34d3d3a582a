import Membrane
import MembraneReport

/// `membrane lesson list`: every lesson with its title, its panel, how many questions it asks and whether this
/// build has the commands it needs.
public struct LessonList: Renderable, Sendable {
    public struct Item: Sendable {
        public var lesson: Lesson
        public var missing: [String]
        public var available: Bool { missing.isEmpty }
    }

    public var items: [Item]

    public init(lessons: [Lesson], runner: CommandRunner) {
        items = lessons.map { Item(lesson: $0, missing: $0.requires.filter { !runner.commands.contains($0) }) }
    }

    public var json: JSONValue {
        .array(items.map { item in
            var pairs: [(String, JSONValue)] = [
                ("name", .string(item.lesson.name)), ("title", .string(item.lesson.title)),
                ("panel", item.lesson.workbench.map { .string($0.panel) } ?? .null),
                ("questions", .integer(item.lesson.questions.count)), ("available", .bool(item.available)),
            ]
            if !item.available {
                pairs.append(("requires", .array(item.missing.map { .string($0) })))
            }
            return .object(pairs)
        })
    }

    public var text: String {
        var table = TextTable(headers: ["lesson", "title", "panel", "questions"], alignments: [.left, .left, .left, .right])
        for item in items {
            let title = item.available ? item.lesson.title
                : "\(item.lesson.title) (needs 'membrane \(item.missing.map { $0.replacingAll("/", with: " ") }.joined(separator: "', '"))', not in this build)"
            table.add([item.lesson.name, title, item.lesson.workbench?.panel ?? "", "\(item.lesson.questions.count)"])
        }
        return table.render() + "\nStart one with 'membrane lesson NAME'; 'membrane lesson NAME --key' prints its answers."
    }
}

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

extension Grade: Renderable {
    /// `score` (0 to 1), `correct`, `total`, and per question `id`, `answered`, `correct`; for answered questions
    /// also the answer given, the right answer, the accepted range, feedback and the explanation with the
    /// student's numbers (unanswered questions reveal nothing, so a page can submit one answer at a time).
    public var json: JSONValue {
        .object([("name", .string(lesson.name)), ("title", .string(lesson.title)), ("score", .number(score)),
                 ("correct", .integer(correctCount)), ("total", .integer(verdicts.count)),
                 ("questions", .array(verdicts.map { v in
                     var pairs: [(String, JSONValue)] = [("id", .string(v.id)), ("answered", .bool(v.answered)), ("correct", .bool(v.correct))]
                     guard v.answered else { return .object(pairs) }
                     pairs += [("given", v.student?.json ?? .null), ("answer", v.answer.json), ("unit", v.unit.map { .string($0) } ?? .null)]
                     if let r = v.accepted { pairs.append(("accepted", .object([("min", .number(r.lowerBound)), ("max", .number(r.upperBound))]))) }
                     pairs += [("feedback", .array(v.feedback.map { .string($0) })), ("explanation", .string(v.explanation)),
                               ("worked", v.worked?.json ?? .null)]
                     return .object(pairs)
                 }))])
    }

    public var text: String {
        var out = "\(lesson.title): \(correctCount) of \(verdicts.count) right (score \(NumberStyle.fixed(2, sign: false).format(score)))\n"
        for v in verdicts {
            out += "\n" + v.summary + "\n"
            guard v.answered else { continue }
            for f in v.feedback { out += "  \(f)\n" }
            out += "  \(v.explanation)\n"
        }
        return out
    }
}

extension Verdict {
    /// `✓ E_K: −89.06 mV` or `✗ E_Ca: 256.9 mV given; the answer is 128.5 mV (127 to 130 accepted)`.
    var summary: String {
        let unit = self.unit.map { " \($0)" } ?? ""
        let right = answer.number.map { NumberStyle.significant(4, sign: false).format($0) } ?? answer.description
        guard let student else { return "– \(id): not answered" }
        if correct { return "✓ \(id): \(student)\(unit)" }
        var line = "✗ \(id): \(student)\(unit) given; the answer is \(right)\(unit)"
        if let r = accepted {
            line += " (\(NumberStyle.significant(4, sign: false).format(r.lowerBound)) to \(NumberStyle.significant(4, sign: false).format(r.upperBound)) accepted)"
        }
        return line
    }
}

extension Tolerance {
    func json(unit: String?) -> JSONValue {
        switch self {
        case .absolute(let x):
            return .object([("kind", .string("absolute")), ("value", .number(x)), ("unit", unit.map { .string($0) } ?? .null),
                            ("text", .string(description(unit: unit)))])
        case .relative(let r):
            return .object([("kind", .string("relative")), ("value", .number(r)), ("text", .string(description(unit: unit)))])
        }
    }
}
