import Membrane

/// A student's answers: question id → answer, as a grading script sends them (`{"E_K": -89, "direction": "efflux"}`)
/// or as a file holds them (JSON, or YAML `E_K: -89`). Answers are numbers or texts; a numeric answer may carry
/// its unit (`"-89 mV"`). Entries read from a file keep their line, so errors point at it.
public struct AnswerSheet: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var id: String
        /// The answer as written (a number's text, or the string).
        public var text: String
        /// Where it was written (nil when it came in a request body).
        public var location: SourceLocation?

        public init(id: String, text: String, location: SourceLocation? = nil) {
            self.id = id
            self.text = text
            self.location = location
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// Reads an answer file; `file` names it in errors (`answers.json:3:5: …`).
    public static func parse(_ text: String, file: String) throws -> AnswerSheet {
        let root = try LessonNode.parse(text, file: file)
        guard case .mapping(let items, _) = root else {
            throw LessonFault.invalid(root.location, "answers", value: root.scalarText ?? "",
                                      allowed: "an object of question id → answer ({\"E_K\": -89.1, \"direction\": \"efflux\"})")
        }
        return AnswerSheet(entries: try items.map { item in
            guard case .scalar(let value, _, let location) = item.value else {
                throw LessonFault.invalid(item.value.location, "answers.\(item.key)", value: "",
                                          allowed: "a number or a text (got \(item.value.kindDescription))")
            }
            return Entry(id: item.key, text: value, location: location)
        })
    }

    public func entry(for id: String) -> Entry? { entries.first { $0.id == id } }
}

extension Question {
    /// The student's answer as a value of this question: a number (with the question's unit allowed after it,
    /// a typographic minus accepted) or one of the choices' keys (case and surrounding spaces ignored). Nil with a
    /// reason when it is neither.
    func interpret(_ text: String) -> Result<LessonValue, AnswerProblem> {
        let t = text.trimmingSpaces()
        switch kind {
        case .choice(let options):
            if let hit = options.first(where: { $0.key.lowercased() == t.lowercased() }) { return .success(.text(hit.key)) }
            return .failure(AnswerProblem(allowed: "one of the choices \(options.map(\.key).joined(separator: ", "))"))
        case .numeric(let numeric):
            var s = t.replacingAll("\u{2212}", with: "-")
            if let unit = numeric.unit, !unit.isEmpty, s.lowercased().hasSuffix(unit.lowercased()) {
                s = String(s.dropLast(unit.count)).trimmingSpaces()
            }
            if let x = Double(s), x.isFinite { return .success(.number(x)) }
            let unitNote = numeric.unit.map { " (optionally followed by \($0))" } ?? ""
            if s.contains(","), Double(s.replacingAll(",", with: ".")) != nil {
                return .failure(AnswerProblem(allowed: "a number written with a decimal point, not a comma\(unitNote)"))
            }
            return .failure(AnswerProblem(allowed: "a number\(unitNote)"))
        }
    }
}

/// Why an answer cannot be read as an answer to its question: what would be.
struct AnswerProblem: Error {
    var allowed: String
}
