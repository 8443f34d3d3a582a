import Membrane
import MembraneReport
import RealModule

/// An expression of a lesson file: how an answer (or a number in a sentence) follows from the results of the
/// lesson's own commands. Answers are never typed into a lesson; they are computed, e.g.
///
///     potassium.potential_mV                              a key of a result
///     100 * (1 - cold.potential_mV / warm.potential_mV)  arithmetic over several results
///     3 * -neuron.ions[name=Na].delta_g_kJ_per_mol       an array element chosen by one of its keys
///     if(abs(shift) < 10, "few", "collapse")             a comparison choosing a choice's key
///
/// Grammar (precedence from low to high): comparison (`<`, `<=`, `>`, `>=`, `==`, `!=`), `+ -`, `* /`, unary `-`,
/// `^` (right-associative); atoms are numbers, quoted texts, references, function calls and parentheses.
/// A reference starts with the name of a setup run (its result's JSON), a question's id (its answer, for
/// questions asked before), `answer` and `student` (in explanations and feedback), or a constant (`F`, `R`,
/// `N_A`, `e`, `k_B`, CODATA 2018 exact; `pi`). It continues with `.key`, `[index]`, `["key"]` or
/// `[key=value]` (the first element of an array whose `key` equals `value`).
/// Functions: `abs`, `sqrt`, `exp`, `ln`, `log10`, `min`, `max` (two or more arguments), `if(condition, a, b)`.
public indirect enum Expression: Sendable, Equatable {
    case number(Double)
    case text(String)
    case reference(Reference)
    case negate(Expression)
    case binary(BinaryOperator, Expression, Expression)
    case call(String, [Expression])

    public enum BinaryOperator: String, Sendable, CaseIterable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="
    }

    /// `root.key[0][name=Na]`: a root name and the steps into its JSON.
    public struct Reference: Sendable, Equatable {
        public var root: String
        public var steps: [Step]

        public enum Step: Sendable, Equatable {
            case key(String)
            case index(Int)
            case select(key: String, value: String)
        }

        /// As written in a lesson (`neuron.ions[name=Na].delta_g_kJ_per_mol`).
        public var text: String {
            steps.reduce(root) { out, step in
                switch step {
                case .key(let k): return k.allSatisfy(isIdentifierCharacter) ? "\(out).\(k)" : "\(out)[\"\(k)\"]"
                case .index(let i): return "\(out)[\(i)]"
                case .select(let k, let v): return "\(out)[\(k)=\(v)]"
                }
            }
        }
    }

    /// The functions and how many arguments each takes.
    static let functions: [String: ClosedRange<Int>] = [
        "abs": 1...1, "sqrt": 1...1, "exp": 1...1, "ln": 1...1, "log10": 1...1,
        "min": 2...16, "max": 2...16, "if": 3...3,
    ]

    /// Named constants: CODATA 2018 exact values (``CODATA2018``) and π.
    static let constants: [String: Double] = [
        "F": CODATA2018.faraday, "R": CODATA2018.gasConstant, "N_A": CODATA2018.avogadro,
        "e": CODATA2018.elementaryCharge, "k_B": CODATA2018.boltzmann, "pi": Double.pi,
    ]

    /// Names a lesson cannot give to a setup run or a question.
    static let reservedNames: Set<String> = Set(constants.keys).union(functions.keys).union(["answer", "student"])
}

func isIdentifierCharacter(_ c: Character) -> Bool { c == "_" || (c.isASCII && (c.isLetter || c.isNumber)) }

/// What an expression can refer to while it is evaluated.
struct EvaluationScope {
    /// Each setup run's result (the command's JSON, as `--json` prints it).
    var results: [String: JSONValue] = [:]
    /// The answers of the questions asked so far, by id.
    var answers: [String: LessonValue] = [:]
    /// In explanations and feedback: this question's answer and the student's.
    var answer: LessonValue?
    var student: LessonValue?
    /// Whether `answer` and `student` may be used here (explanations, feedback, worked equations).
    var allowsAnswer = false
}

/// An expression that failed: why, for the caller to place at its location in the file.
struct EvaluationFailure: Error {
    var reason: String
    /// True when the failure is only that the student gave no answer (a sentence shows "—" there).
    var missingStudent = false
}

extension Expression {
    func evaluate(in scope: EvaluationScope) throws(EvaluationFailure) -> LessonValue {
        switch self {
        case .number(let x): return .number(x)
        case .text(let s): return .text(s)
        case .reference(let r): return try r.resolve(in: scope)
        case .negate(let e): return .number(-(try e.evaluate(in: scope).requireNumber("-")))
        case .binary(let op, let a, let b): return try op.apply(a.evaluate(in: scope), b.evaluate(in: scope))
        case .call(let name, let args):
            if name == "if" {
                guard case .bool(let condition) = try args[0].evaluate(in: scope) else {
                    throw EvaluationFailure(reason: "the first argument of if(…) must be a comparison")
                }
                return try args[condition ? 1 : 2].evaluate(in: scope)
            }
            var xs: [Double] = []
            for a in args { xs.append(try a.evaluate(in: scope).requireNumber(name)) }
            let y: Double
            switch name {
            case "abs": y = abs(xs[0])
            case "sqrt": y = xs[0] >= 0 ? xs[0].squareRoot() : .nan
            case "exp": y = Double.exp(xs[0])
            case "ln": y = xs[0] > 0 ? Double.log(xs[0]) : .nan
            case "log10": y = xs[0] > 0 ? Double.log10(xs[0]) : .nan
            case "min": y = xs.min()!
            default: y = xs.max()!
            }
            guard y.isFinite else { throw EvaluationFailure(reason: "\(name)(\(xs.map { LessonValue.number($0).description }.joined(separator: ", "))) is not a finite number") }
            return .number(y)
        }
    }
}

extension Expression.BinaryOperator {
    func apply(_ a: LessonValue, _ b: LessonValue) throws(EvaluationFailure) -> LessonValue {
        switch self {
        case .equal: return .bool(Self.same(a, b))
        case .notEqual: return .bool(!Self.same(a, b))
        default: break
        }
        let x = try a.requireNumber(rawValue), y = try b.requireNumber(rawValue)
        let z: Double
        switch self {
        case .add: z = x + y
        case .subtract: z = x - y
        case .multiply: z = x * y
        case .divide:
            guard y != 0 else { throw EvaluationFailure(reason: "division by zero (\(a) / \(b))") }
            z = x / y
        case .power: z = Double.pow(x, y)
        case .less: return .bool(x < y)
        case .lessOrEqual: return .bool(x <= y)
        case .greater: return .bool(x > y)
        case .greaterOrEqual: return .bool(x >= y)
        case .equal, .notEqual: fatalError("handled above")
        }
        guard z.isFinite else { throw EvaluationFailure(reason: "\(a) \(rawValue) \(b) is not a finite number") }
        return .number(z)
    }

    /// Equality of two values: numbers to 1e-9 relative (round-off of the same computation done two ways).
    static func same(_ a: LessonValue, _ b: LessonValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return abs(x - y) <= 1e-9 * max(abs(x), abs(y))
        default: return a == b
        }
    }
}

extension LessonValue {
    func requireNumber(_ context: String) throws(EvaluationFailure) -> Double {
        guard case .number(let x) = self else {
            throw EvaluationFailure(reason: "'\(context)' needs numbers, got \(kindName) (\(self))")
        }
        return x
    }
}
