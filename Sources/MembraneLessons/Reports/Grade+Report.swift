import Membrane
import MembraneReport

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
