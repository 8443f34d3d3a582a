import Membrane

/// The verdict on one answer: right or wrong, what was expected, what to tell the student (the feedback of a
/// recognised mistake or a picked choice) and the explanation with the student's numbers written in.
public struct Verdict: Sendable {
    public var id: String
    /// The student's answer as written; nil when the question was not answered.
    public var given: String?
    public var student: LessonValue?
    public var correct: Bool
    public var answer: LessonValue
    public var unit: String?
    /// The accepted range of a numeric answer.
    public var accepted: ClosedRange<Double>?
    public var feedback: [String]
    public var explanation: String
    public var worked: MathText?

    public var answered: Bool { given != nil }
}

/// A graded answer sheet: a verdict per question and the score (the fraction answered right; unanswered
/// questions count as wrong).
public struct Grade: Sendable {
    public var lesson: Lesson
    public var verdicts: [Verdict]

    public var correctCount: Int { verdicts.filter(\.correct).count }
    public var score: Double { verdicts.isEmpty ? 0 : Double(correctCount) / Double(verdicts.count) }
}

extension PreparedLesson {
    /// Grades `sheet`. Answers to unknown questions and answers that are not of their question's kind (a word
    /// for a number, a choice that does not exist) are errors at their line, not wrong answers: a grading script
    /// should not score a typo in an id as a wrong answer.
    public func grade(_ sheet: AnswerSheet) throws -> Grade {
        let ids = lesson.questions.map(\.id)
        for entry in sheet.entries where !ids.contains(entry.id) {
            throw LessonFault.unknown(entry.location, "answers", value: entry.id, known: ids)
        }
        var verdicts: [Verdict] = []
        for (i, question) in lesson.questions.enumerated() {
            guard let entry = sheet.entry(for: question.id) else {
                verdicts.append(try verdict(i, given: nil))
                continue
            }
            verdicts.append(try verdict(i, given: entry.text, location: entry.location))
        }
        return Grade(lesson: lesson, verdicts: verdicts)
    }

    /// The verdict on `given` (as written) for question `index`; nil `given`: not answered.
    public func verdict(_ index: Int, given: String?, location: SourceLocation? = nil) throws -> Verdict {
        let question = lesson.questions[index]
        let answer = answers[index]
        var student: LessonValue?
        if let given {
            switch question.interpret(given) {
            case .success(let v): student = v
            case .failure(let problem):
                throw LessonFault.invalid(location, "answers.\(question.id)", value: given, allowed: problem.allowed)
            }
        }
        var correct = false
        var feedback: [String] = []
        var accepted: ClosedRange<Double>?
        var unit: String?
        let explaining = scope(question: index, student: student, explaining: true)
        switch question.kind {
        case .numeric(let numeric):
            let x = answer.number!
            accepted = numeric.tolerance.range(around: x)
            unit = numeric.unit
            if let s = student?.number {
                correct = numeric.tolerance.accepts(s, answer: x)
                if !correct {
                    for (trap, value) in zip(numeric.traps, trapValues[index]) where numeric.tolerance.accepts(s, answer: value) {
                        feedback.append(try trap.say.render(in: explaining))
                    }
                }
            }
        case .choice(let options):
            if let s = student {
                correct = s == answer
                if let picked = options.first(where: { $0.key == s.description }), let f = picked.feedback {
                    feedback.append(try f.render(in: explaining))
                }
            }
        }
        return Verdict(id: question.id, given: given, student: student, correct: correct, answer: answer, unit: unit,
                       accepted: accepted, feedback: feedback, explanation: try explanation(index, in: explaining),
                       worked: try worked(index, in: explaining))
    }

    /// The key: each question's answer, graded as if the student had given it (so the key and the grading are
    /// one computation, and the key's explanations are the ones a right answer gets).
    public func key() throws -> [Verdict] {
        try lesson.questions.indices.map { i in try verdict(i, given: keyText(i)) }
    }

    /// The answer of question `index` written as a student would type it (full precision for numbers).
    func keyText(_ index: Int) -> String {
        switch answers[index] {
        case .number(let x): return "\(x)"
        case let other: return other.description
        }
    }
}
