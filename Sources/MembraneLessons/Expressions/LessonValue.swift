import MembraneReport

/// What an expression of a lesson gives: a number (an answer in its unit), a text (a direction such as `influx`,
/// a choice's key) or a truth value (a comparison).
public enum LessonValue: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case text(String)
    case bool(Bool)

    public var json: JSONValue {
        switch self {
        case .number(let x): return .number(x)
        case .text(let s): return .string(s)
        case .bool(let b): return .bool(b)
        }
    }

    public var number: Double? {
        if case .number(let x) = self { return x }
        return nil
    }

    /// The value as a choice key or as written in a sentence (numbers with up to 4 significant digits).
    public var description: String {
        switch self {
        case .number(let x): return NumberStyle.automatic.format(x)
        case .text(let s): return s
        case .bool(let b): return b ? "true" : "false"
        }
    }

    var kindName: String {
        switch self {
        case .number: return "a number"
        case .text: return "a text"
        case .bool: return "true or false"
        }
    }
}
