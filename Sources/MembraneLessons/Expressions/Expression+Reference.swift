import Membrane
import MembraneReport

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
            let hint = closestNames(to: root, among: known + Array(Expression.constants.keys).sorted(), limit: 3)
            throw EvaluationFailure(reason: "unknown name '\(root)'" + (hint.isEmpty ? "" : "; did you mean \(hint.joined(separator: ", "))?")
                                    + " (setup runs and questions asked before are known here)")
        }
        var walked = root
        for (i, step) in steps.enumerated() {
            switch (step, json) {
            case (.key(let k), .object(let pairs)):
                guard let next = pairs.first(where: { $0.0 == k })?.1 else {
                    let keys = pairs.map(\.0)
                    let near = closestNames(to: k, among: keys, limit: 3)
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
