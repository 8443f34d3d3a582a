import Membrane

/// A lesson taken question by question, as `membrane lesson NAME` runs it on a terminal (or from a pipe: it
/// reads whole lines and needs no terminal). The session is a value: each typed line goes to
/// ``respond(to:)`` and comes back as the text to show, so tests drive it without a process.
///
/// Per question: an answer is checked at once; a wrong first answer gets the feedback for that mistake and a
/// second try; after a right answer or the second wrong one, the explanation with the student's numbers and the
/// worked equation. `hint` shows the next hint, `skip` moves on (with the explanation), `quit` ends with the
/// summary.
public struct LessonSession: Sendable {
    public let prepared: PreparedLesson
    /// The question being asked (== the number of questions when finished).
    public private(set) var index = 0
    /// The last verdict on each question (nil: not reached, or skipped).
    public private(set) var verdicts: [Verdict?]
    public private(set) var finished = false
    private var attempts = 0
    private var hintsShown = 0

    public static let maximumAttempts = 2
    public let prompt = "> "

    public init(_ prepared: PreparedLesson) {
        self.prepared = prepared
        verdicts = Array(repeating: nil, count: prepared.lesson.questions.count)
    }

    var lesson: Lesson { prepared.lesson }

    /// The introduction (goal, panel, equation, steps, commands) and the first question.
    public func start() -> String {
        var out = "\(lesson.title)\n\(String(repeating: "=", count: lesson.title.count))\n\n\(prepared.rendered(lesson.goal))\n"
        if let w = lesson.workbench {
            out += "\nIn the workbench (membrane serve): the \(w.panel) panel, \(w.hash)\n"
        }
        if let e = lesson.equation { out += "\n    \(e.text)\n" }
        out += "\n" + lesson.steps.enumerated().map { "\($0.offset + 1). \(prepared.rendered($0.element))" }.joined(separator: "\n") + "\n"
        out += "\nTo check your numbers yourself:\n" + lesson.setup.map { "  \($0.commandLine)" }.joined(separator: "\n") + "\n"
        out += "\nType an answer and press Return; 'hint' for a hint, 'skip' to move on, 'quit' to stop.\n"
        return out + "\n" + question()
    }

    /// The current question as shown: its number, text, unit and tolerance or its choices.
    func question() -> String {
        let q = lesson.questions[index]
        var out = "Question \(index + 1) of \(lesson.questions.count): \(prepared.rendered(q.ask, question: index))"
        switch q.kind {
        case .numeric(let n): out += "\n  (answer in \(n.unit ?? "no unit"); \(n.tolerance.description(unit: n.unit)) accepted)"
        case .choice(let options):
            out += "\n" + options.map { "  \($0.key)) \(prepared.rendered($0.text, question: index))" }.joined(separator: "\n")
        }
        return out + "\n"
    }

    /// The reply to one line the student typed.
    public mutating func respond(to line: String) throws -> String {
        guard !finished else { return "" }
        let input = line.trimmingSpaces()
        switch input.lowercased() {
        case "":
            return "Type an answer, or 'hint', 'skip' or 'quit'.\n"
        case "hint", "?":
            let hints = lesson.questions[index].hints
            guard hintsShown < hints.count else { return "No more hints for this question.\n" }
            hintsShown += 1
            return "Hint: \(prepared.rendered(hints[hintsShown - 1], question: index))\n"
        case "skip":
            let v = try prepared.verdict(index, given: nil)
            return "Skipped. \(v.explanation)\n" + worked(v) + advance()
        case "quit", "exit":
            finished = true
            return summary()
        default:
            break
        }
        if case .failure(let problem) = lesson.questions[index].interpret(input) {
            return "That is not an answer to this question: expected \(problem.allowed).\n"
        }
        let v = try prepared.verdict(index, given: input)
        verdicts[index] = v
        attempts += 1
        let feedback = v.feedback.map { "\($0)\n" }.joined()
        if v.correct {
            return "✓ Right.\n" + feedback + v.explanation + "\n" + worked(v) + advance()
        }
        if attempts < Self.maximumAttempts {
            let hint = hintsShown < lesson.questions[index].hints.count ? " or type 'hint'" : ""
            return "✗ Not quite.\n" + feedback + "Try again\(hint).\n"
        }
        return "✗ Not quite: \(v.summary.dropFirst(2))\n" + feedback + v.explanation + "\n" + worked(v) + advance()
    }

    private func worked(_ v: Verdict) -> String {
        v.worked.map { "\n    \($0.text)\n" } ?? ""
    }

    /// Moves to the next question (or to the summary after the last one).
    private mutating func advance() -> String {
        index += 1
        attempts = 0
        hintsShown = 0
        if index >= lesson.questions.count {
            finished = true
            return "\n" + summary()
        }
        return "\n" + question()
    }

    /// How many were right, the take-away and the misconception the lesson confronted.
    public func summary() -> String {
        let right = verdicts.compactMap { $0 }.filter(\.correct).count
        var out = "You answered \(right) of \(lesson.questions.count) questions right.\n"
        if let t = lesson.takeaway { out += "\nTake-away: \(prepared.rendered(t))\n" }
        out += "\nThe misconception this lesson confronts: \(prepared.rendered(lesson.misconception))\n"
        return out
    }
}
