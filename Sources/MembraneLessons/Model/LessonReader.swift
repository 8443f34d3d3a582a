import Membrane

/// Reads a lesson file (YAML) into a ``Lesson``, checking its shape: known keys only, required keys present,
/// values of the right type, expressions, templates and equations that parse, ids that are unique. Errors
/// name the file, the line and the key's path. Whether the commands run and the expressions find their values
/// is checked by ``PreparedLesson`` (it runs the setup).
public enum LessonReader {
    static let topKeys = ["title", "source", "goal", "misconception", "takeaway", "workbench", "equation",
                          "requires", "steps", "setup", "questions"]
    static let questionKeys = ["id", "ask", "answer", "unit", "tolerance", "traps", "choices", "hints", "explain", "worked"]
    /// Names `membrane lesson` uses for itself.
    public static let reservedLessonNames: Set<String> = ["list", "show", "key", "grade", "run"]

    /// Reads the lesson in `text`; `file` is its file name (`nernst-valence.yaml`), whose stem is the lesson's name
    /// unless `name` is given.
    public static func read(_ text: String, file: String, name: String? = nil) throws -> Lesson {
        let root = try LessonNode.parse(text, file: file)
        let top = try FieldReader(root, path: "", allowed: topKeys, required: ["title", "goal", "misconception", "steps", "setup", "questions"])
        let lessonName = name ?? stem(of: file)
        let setup = try readSetup(top)
        let setupNames = Set(setup.map(\.name))
        var questions: [Question] = []
        guard case .sequence(let items, _) = top.node("questions")!, !items.isEmpty else {
            throw LessonFault.invalid(top.node("questions")!.location, "questions", value: "", allowed: "a list of one or more questions")
        }
        for (i, item) in items.enumerated() {
            let q = try readQuestion(item, path: "questions[\(i)]")
            if setupNames.contains(q.id) {
                throw LessonFault.invalid(q.location, "questions[\(i)].id", value: q.id, allowed: "an id that no setup run has (the names are shared)")
            }
            if let first = questions.first(where: { $0.id == q.id }) {
                throw LessonFault.invalid(q.location, "questions[\(i)].id", value: q.id, allowed: "an id used once (also at line \(first.location.line))")
            }
            questions.append(q)
        }
        return Lesson(
            name: lessonName, file: file,
            title: try top.requiredText("title").trimmingSpaces(),
            source: try top.text("source")?.trimmingSpaces(),
            goal: try template(top, "goal")!,
            misconception: try template(top, "misconception")!,
            takeaway: try template(top, "takeaway"),
            workbench: try readWorkbench(top),
            equation: try equation(top),
            steps: try top.texts("steps").enumerated().map { i, t in
                try Template(t.text.trimmingSpaces(), location: t.location, path: "steps[\(i)]")
            },
            requires: try top.texts("requires").map { normalisedCommand($0.text) },
            setup: setup,
            questions: questions)
    }

    /// `dir/nernst-valence.yaml` → `nernst-valence`.
    static func stem(of file: String) -> String {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }

    /// `simulate hh` and `simulate/hh` name the same command.
    static func normalisedCommand(_ s: String) -> String {
        s.trimmingSpaces().split(whereSeparator: { $0 == " " || $0 == "/" }).joined(separator: "/")
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        return s.allSatisfy(isIdentifierCharacter)
    }

    private static func template(_ fields: FieldReader, _ key: String) throws -> Template? {
        guard let t = try fields.located(key) else { return nil }
        return try Template(t.text.trimmingSpaces(), location: t.location, path: fields.path(key))
    }

    private static func equation(_ fields: FieldReader) throws -> MathText? {
        guard let t = try fields.located("equation") else { return nil }
        do {
            return try MathText(tex: t.text.trimmingSpaces())
        } catch {
            throw LessonFault.invalid(t.location, fields.path("equation"), value: t.text, allowed: "an equation in the TeX subset of docs/lessons.md: \(error.reason)")
        }
    }

    private static func readWorkbench(_ top: FieldReader) throws -> Workbench? {
        guard let node = top.node("workbench") else { return nil }
        let fields = try FieldReader(node, path: "workbench", allowed: ["panel", "state"], required: ["panel"])
        let panel = try fields.requiredText("panel")
        guard Workbench.panels.contains(panel) else {
            throw LessonFault.unknown(fields.node("panel")!.location, "workbench.panel", value: panel, known: Workbench.panels)
        }
        var state: [(key: String, value: String)] = []
        if let stateNode = fields.node("state") {
            guard case .mapping(let entries, _) = stateNode else {
                throw LessonFault.invalid(stateNode.location, "workbench.state", value: "", allowed: "a mapping of the panel's inputs (key: value)")
            }
            for entry in entries {
                state.append((entry.key, try FieldReader.text(entry.value, path: "workbench.state.\(entry.key)")))
            }
        }
        return Workbench(panel: panel, state: state)
    }

    private static func readSetup(_ top: FieldReader) throws -> [SetupRun] {
        let node = top.node("setup")!
        guard case .mapping(let entries, _) = node, !entries.isEmpty else {
            throw LessonFault.invalid(node.location, "setup", value: "", allowed: "a mapping of named runs (name: {run: COMMAND, with: {…}})")
        }
        return try entries.map { entry in
            let path = "setup.\(entry.key)"
            guard isIdentifier(entry.key), !Expression.reservedNames.contains(entry.key) else {
                throw LessonFault.invalid(entry.keyLocation, path, value: entry.key,
                                          allowed: "a name of letters, digits and _ that is not one of \(Expression.reservedNames.sorted().joined(separator: ", "))")
            }
            let fields = try FieldReader(entry.value, path: path, allowed: ["run", "with"], required: ["run"])
            let body = fields.node("with") ?? .mapping([], entry.value.location)
            guard case .mapping = body else {
                throw LessonFault.invalid(body.location, fields.path("with"), value: body.scalarText ?? "",
                                          allowed: "a mapping of the command's options (option: value)")
            }
            return SetupRun(name: entry.key, command: normalisedCommand(try fields.requiredText("run")), body: body,
                            location: fields.node("run")!.location)
        }
    }

    private static func readQuestion(_ node: LessonNode, path: String) throws -> Question {
        let fields = try FieldReader(node, path: path, allowed: questionKeys, required: ["id", "ask", "answer", "explain"])
        let id = try fields.requiredText("id")
        guard isIdentifier(id), !Expression.reservedNames.contains(id) else {
            throw LessonFault.invalid(fields.node("id")!.location, fields.path("id"), value: id,
                                      allowed: "an id of letters, digits and _ that is not one of \(Expression.reservedNames.sorted().joined(separator: ", "))")
        }
        let answerText = try fields.located("answer")!
        let answer = try LocatedExpression(answerText.text.trimmingSpaces(), location: answerText.location, path: fields.path("answer"))
        let kind: Question.Kind
        if let choicesNode = fields.node("choices") {
            for key in ["unit", "tolerance", "traps"] where fields.has(key) {
                throw LessonFault.invalid(fields.entries.first { $0.key == key }!.keyLocation, fields.path(key), value: key,
                                          allowed: "no '\(key)' in a question with 'choices' (a choice question has no unit or tolerance)")
            }
            kind = .choice(try readChoices(choicesNode, path: fields.path("choices")))
        } else {
            guard let toleranceNode = fields.node("tolerance") else {
                throw LessonFault.invalid(fields.location, fields.path("tolerance"), value: "",
                                          allowed: "a 'tolerance' (numeric questions: 0.5 in the unit, or 2%) or 'choices'")
            }
            guard let text = toleranceNode.scalarText, let tolerance = Tolerance(text: text) else {
                throw LessonFault.invalid(toleranceNode.location, fields.path("tolerance"), value: toleranceNode.scalarText ?? "",
                                          allowed: "a number > 0 in the answer's unit (0.5) or a percentage (2%)")
            }
            let unit = try fields.text("unit")?.trimmingSpaces()
            kind = .numeric(Question.Numeric(unit: unit?.isEmpty == true ? nil : unit, tolerance: tolerance,
                                             traps: try readTraps(fields)))
        }
        let worked: Template? = try fields.located("worked").map { try Template($0.text.trimmingSpaces(), location: $0.location, path: fields.path("worked")) }
        return Question(
            id: id, location: fields.location, path: path,
            ask: try template(fields, "ask")!,
            kind: kind, answer: answer,
            hints: try fields.texts("hints").enumerated().map { i, t in
                try Template(t.text.trimmingSpaces(), location: t.location, path: "\(fields.path("hints"))[\(i)]")
            },
            explain: try template(fields, "explain")!,
            worked: worked)
    }

    private static func readTraps(_ fields: FieldReader) throws -> [Question.Trap] {
        guard let node = fields.node("traps") else { return [] }
        guard case .sequence(let items, _) = node else {
            throw LessonFault.invalid(node.location, fields.path("traps"), value: "", allowed: "a list of {value, say}")
        }
        return try items.enumerated().map { i, item in
            let path = "\(fields.path("traps"))[\(i)]"
            let trap = try FieldReader(item, path: path, allowed: ["value", "say"], required: ["value", "say"])
            let value = try trap.located("value")!
            return Question.Trap(value: try LocatedExpression(value.text.trimmingSpaces(), location: value.location, path: trap.path("value")),
                                 say: try template(trap, "say")!)
        }
    }

    private static func readChoices(_ node: LessonNode, path: String) throws -> [Question.Choice] {
        guard case .mapping(let entries, _) = node, entries.count >= 2 else {
            throw LessonFault.invalid(node.location, path, value: "", allowed: "a mapping of two or more choices (key: text, or key: {text, value, feedback})")
        }
        return try entries.map { entry in
            let p = "\(path).\(entry.key)"
            guard !entry.key.isEmpty, entry.key.allSatisfy({ isIdentifierCharacter($0) || $0 == "-" }) else {
                throw LessonFault.invalid(entry.keyLocation, p, value: entry.key, allowed: "a choice key of letters, digits, - and _")
            }
            if case .scalar(let s, _, let l) = entry.value {
                return Question.Choice(key: entry.key, text: try Template(s.trimmingSpaces(), location: l, path: p), value: nil, feedback: nil)
            }
            let fields = try FieldReader(entry.value, path: p, allowed: ["text", "value", "feedback"], required: ["text"])
            let value = try fields.located("value").map { try LocatedExpression($0.text.trimmingSpaces(), location: $0.location, path: fields.path("value")) }
            return Question.Choice(key: entry.key, text: try template(fields, "text")!, value: value,
                                   feedback: try template(fields, "feedback"))
        }
    }
}
