import Membrane

/// One question of a lesson: a number with a unit and a tolerance, or a choice among a few answers. Its
/// answer is an expression over the lesson's results, never a typed number.
public struct Question: Sendable {
    /// The id answer files use (`E_K`).
    public var id: String
    var location: SourceLocation
    var path: String
    var ask: Template
    public var kind: Kind
    var answer: LocatedExpression
    var hints: [Template]
    /// Shown after the answer is checked, with the student's numbers (`{{student}}`) and the right ones
    /// (`{{answer}}`, the setup's values).
    var explain: Template
    /// An equation with the numbers substituted (a ``Template`` of TeX), shown with the explanation.
    var worked: Template?

    public enum Kind: Sendable {
        case numeric(Numeric)
        case choice([Choice])
    }

    public struct Numeric: Sendable {
        public var unit: String?
        public var tolerance: Tolerance
        var traps: [Trap]
    }

    /// A wrong answer students often give, recognised by its value: `value` is what the mistake gives
    /// (`measured + ljp` for an LJP added instead of subtracted), `say` what to tell them.
    struct Trap: Sendable {
        var value: LocatedExpression
        var say: Template
    }

    public struct Choice: Sendable {
        /// What the student answers (`influx`, `b`).
        public var key: String
        var text: Template
        /// For choices picked by a number: the value this choice stands for; the right choice is the one whose
        /// value equals the question's answer.
        var value: LocatedExpression?
        /// Said when this choice is picked (the misconception behind it).
        var feedback: Template?
    }

    public var isNumeric: Bool {
        if case .numeric = kind { return true }
        return false
    }
}

/// How far a numeric answer may be from the computed one: in the answer's unit (`0.5`) or relative (`2%`).
public enum Tolerance: Sendable, Equatable {
    case absolute(Double)
    case relative(Double)

    /// Reads `0.5` (absolute) or `2%` (relative); nil for anything else.
    init?(text: String) {
        let t = text.trimmingSpaces()
        if t.hasSuffix("%") {
            guard let p = Double(String(t.dropLast()).trimmingSpaces()), p.isFinite, p > 0, p < 100 else { return nil }
            self = .relative(p / 100)
        } else {
            guard let x = Double(t), x.isFinite, x > 0 else { return nil }
            self = .absolute(x)
        }
    }

    /// The accepted range around `answer`.
    public func range(around answer: Double) -> ClosedRange<Double> {
        let half: Double
        switch self {
        case .absolute(let x): half = x
        case .relative(let r): half = r * abs(answer)
        }
        return (answer - half)...(answer + half)
    }

    public func accepts(_ student: Double, answer: Double) -> Bool { range(around: answer).contains(student) }

    /// `± 0.5 mV`, `± 2 %`.
    public func description(unit: String?) -> String {
        switch self {
        case .absolute(let x): return "± \(NumberStyle.automatic.format(x))" + (unit.map { " \($0)" } ?? "")
        case .relative(let r): return "± \(NumberStyle.automatic.format(r * 100)) %"
        }
    }
}
