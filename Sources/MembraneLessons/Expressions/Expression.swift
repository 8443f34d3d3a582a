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

    /// Every reference in the expression (to check what it uses before it runs).
    var references: [Reference] {
        switch self {
        case .number, .text: return []
        case .reference(let r): return [r]
        case .negate(let e): return e.references
        case .binary(_, let a, let b): return a.references + b.references
        case .call(_, let args): return args.flatMap(\.references)
        }
    }
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

extension Expression.Reference {
    func resolve(in scope: EvaluationScope) throws(EvaluationFailure) -> LessonValue {
        var json: JSONValue
        if let result = scope.results[root] {
            json = result
        } else if root == "answer" || root == "student" {
            guard scope.allowsAnswer else {
                throw EvaluationFailure(reason: "'\(root)' is only known in explanations, feedback and worked equations")
            }
            guard let value = root == "answer" ? scope.answer : scope.student else {
                throw EvaluationFailure(reason: "no answer was given", missingStudent: root == "student")
            }
            guard steps.isEmpty else { throw EvaluationFailure(reason: "'\(root)' is a single value: nothing follows it") }
            return value
        } else if let value = scope.answers[root] {
            guard steps.isEmpty else { throw EvaluationFailure(reason: "'\(root)' is a question's answer: nothing follows it") }
            return value
        } else if let c = Expression.constants[root] {
            guard steps.isEmpty else { throw EvaluationFailure(reason: "'\(root)' is a constant: nothing follows it") }
            return .number(c)
        } else {
            let known = Array(scope.results.keys).sorted() + Array(scope.answers.keys).sorted()
            let hint = closestNames(to: root, among: known + Array(Expression.constants.keys))
            throw EvaluationFailure(reason: "unknown name '\(root)'" + (hint.isEmpty ? "" : "; did you mean \(hint.joined(separator: ", "))?")
                                    + " (setup runs and questions asked before are known here)")
        }
        var walked = root
        for (i, step) in steps.enumerated() {
            switch (step, json) {
            case (.key(let k), .object(let pairs)):
                guard let next = pairs.first(where: { $0.0 == k })?.1 else {
                    let keys = pairs.map(\.0)
                    let near = closestNames(to: k, among: keys)
                    throw EvaluationFailure(reason: "'\(walked)' has no key '\(k)'; did you mean \(near.joined(separator: ", "))? (its keys: \(keys.joined(separator: ", ")))")
                }
                json = next
            case (.index(let i), .array(let items)):
                guard items.indices.contains(i) else {
                    throw EvaluationFailure(reason: "'\(walked)' has \(items.count) elements: index \(i) is out of range (from 0)")
                }
                json = items[i]
            case (.select(let k, let v), .array(let items)):
                guard let hit = items.first(where: { item in item[k].map { Self.matches($0, v) } ?? false }) else {
                    let present = items.compactMap { $0[k].map(Self.plain) }
                    throw EvaluationFailure(reason: "no element of '\(walked)' has \(k) = \(v) (present: \(present.joined(separator: ", ")))")
                }
                json = hit
            default:
                throw EvaluationFailure(reason: "'\(walked)' is \(Self.kind(json)): it cannot be followed by \(Self.describe(step))")
            }
            walked = Expression.Reference(root: root, steps: Array(steps[...i])).text
        }
        switch json {
        case .number(let x): return .number(x)
        case .integer(let n): return .number(Double(n))
        case .string(let s): return .text(s)
        case .bool(let b): return .bool(b)
        case .null: throw EvaluationFailure(reason: "'\(text)' is null in this result (not computed for these inputs)")
        case .array, .object:
            throw EvaluationFailure(reason: "'\(text)' is \(Self.kind(json)), not a single value; continue the path into it")
        }
    }

    static func matches(_ json: JSONValue, _ value: String) -> Bool {
        switch json {
        case .string(let s): return s == value
        case .number(let x): return Double(value) == x
        case .integer(let n): return Int(value) == n
        case .bool(let b): return value == (b ? "true" : "false")
        default: return false
        }
    }

    static func plain(_ json: JSONValue) -> String {
        if case .string(let s) = json { return s }
        return json.render(pretty: false)
    }

    static func kind(_ json: JSONValue) -> String {
        switch json {
        case .object: return "an object"
        case .array: return "an array"
        case .null: return "null"
        default: return "a single value"
        }
    }

    static func describe(_ step: Step) -> String {
        switch step {
        case .key(let k): return "'.\(k)'"
        case .index(let i): return "'[\(i)]'"
        case .select(let k, let v): return "'[\(k)=\(v)]'"
        }
    }
}
