import Membrane

/// Parses the expressions of ``Expression``'s grammar; errors say what was expected and at which character.
struct ExpressionParser {
    private let chars: [Character]
    private var position = 0

    /// Parses all of `text`.
    static func parse(_ text: String) throws(EvaluationFailure) -> Expression {
        var parser = ExpressionParser(chars: Array(text))
        parser.skipSpaces()
        guard !parser.atEnd else { throw EvaluationFailure(reason: "an empty expression") }
        let e = try parser.comparison()
        parser.skipSpaces()
        guard parser.atEnd else { throw parser.failure("an operator or the end of the expression") }
        return e
    }

    private init(chars: [Character]) { self.chars = chars }

    private var atEnd: Bool { position >= chars.count }
    private var current: Character? { atEnd ? nil : chars[position] }

    private func failure(_ expected: String) -> EvaluationFailure {
        let found = atEnd ? "the end" : "'\(String(chars[position...].prefix(12)))'"
        return EvaluationFailure(reason: "expected \(expected) at character \(position + 1) of '\(String(chars))', found \(found)")
    }

    private mutating func skipSpaces() { while let c = current, c.isWhitespace { position += 1 } }

    /// Consumes `token` (after spaces) when it comes next.
    private mutating func accept(_ token: String) -> Bool {
        skipSpaces()
        let t = Array(token)
        guard position + t.count <= chars.count, Array(chars[position..<position + t.count]) == t else { return false }
        position += t.count
        return true
    }

    private mutating func comparison() throws(EvaluationFailure) -> Expression {
        let left = try sum()
        for op in [Expression.BinaryOperator.lessOrEqual, .greaterOrEqual, .equal, .notEqual, .less, .greater] where accept(op.rawValue) {
            return .binary(op, left, try sum())
        }
        return left
    }

    private mutating func sum() throws(EvaluationFailure) -> Expression {
        var e = try product()
        while true {
            if accept("+") { e = .binary(.add, e, try product()) } else if accept("-") { e = .binary(.subtract, e, try product()) } else { return e }
        }
    }

    private mutating func product() throws(EvaluationFailure) -> Expression {
        var e = try unary()
        while true {
            if accept("*") { e = .binary(.multiply, e, try unary()) } else if accept("/") { e = .binary(.divide, e, try unary()) } else { return e }
        }
    }

    private mutating func unary() throws(EvaluationFailure) -> Expression {
        if accept("-") { return .negate(try unary()) }
        if accept("+") { return try unary() }
        return try power()
    }

    private mutating func power() throws(EvaluationFailure) -> Expression {
        let base = try atom()
        if accept("^") { return .binary(.power, base, try unary()) }
        return base
    }

    private mutating func atom() throws(EvaluationFailure) -> Expression {
        skipSpaces()
        guard let c = current else { throw failure("a number, a name or '('") }
        if accept("(") {
            let e = try comparison()
            guard accept(")") else { throw failure("')'") }
            return e
        }
        if c == "\"" || c == "'" { return .text(try quoted()) }
        if c.isASCII && (c.isNumber || c == ".") { return .number(try number()) }
        guard c == "_" || (c.isASCII && c.isLetter) else { throw failure("a number, a name or '('") }
        let name = identifier()
        if accept("(") {
            guard let arity = Expression.functions[name] else {
                throw EvaluationFailure(reason: "unknown function '\(name)'; the functions are \(Expression.functions.keys.sorted().joined(separator: ", "))")
            }
            var args: [Expression] = []
            if !accept(")") {
                repeat { args.append(try comparison()) } while accept(",")
                guard accept(")") else { throw failure("',' or ')'") }
            }
            guard arity.contains(args.count) else {
                throw EvaluationFailure(reason: "\(name)(…) takes \(arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) or more") argument(s), got \(args.count)")
            }
            return .call(name, args)
        }
        return .reference(Expression.Reference(root: name, steps: try steps()))
    }

    private mutating func steps() throws(EvaluationFailure) -> [Expression.Reference.Step] {
        var steps: [Expression.Reference.Step] = []
        while true {
            // No spaces inside a path: `a . b` is not a path.
            if current == "." {
                position += 1
                guard let c = current, isIdentifierCharacter(c) else { throw failure("a key after '.'") }
                steps.append(.key(identifier()))
            } else if current == "[" {
                position += 1
                skipSpaces()
                if let c = current, c.isASCII, c.isNumber {
                    let digits = identifier()
                    guard let i = Int(digits) else { throw failure("an index") }
                    steps.append(.index(i))
                } else if current == "\"" || current == "'" {
                    steps.append(.key(try quoted()))
                } else if let c = current, isIdentifierCharacter(c) {
                    let key = identifier()
                    guard accept("=") else { throw failure("'=' in [key=value]") }
                    skipSpaces()
                    let value: String
                    if current == "\"" || current == "'" {
                        value = try quoted()
                    } else {
                        let start = position
                        while let c = current, c != "]", !c.isWhitespace { position += 1 }
                        value = String(chars[start..<position])
                    }
                    guard !value.isEmpty else { throw failure("a value in [key=value]") }
                    steps.append(.select(key: key, value: value))
                } else {
                    throw failure("an index, a quoted key or key=value inside [ ]")
                }
                guard accept("]") else { throw failure("']'") }
            } else {
                return steps
            }
        }
    }

    private mutating func identifier() -> String {
        let start = position
        while let c = current, isIdentifierCharacter(c) { position += 1 }
        return String(chars[start..<position])
    }

    private mutating func number() throws(EvaluationFailure) -> Double {
        let start = position
        while let c = current, c.isASCII, c.isNumber || c == "." { position += 1 }
        if let c = current, c == "e" || c == "E" {
            let mark = position
            position += 1
            if let s = current, s == "+" || s == "-" { position += 1 }
            if let d = current, d.isASCII, d.isNumber {
                while let d = current, d.isASCII, d.isNumber { position += 1 }
            } else {
                position = mark
            }
        }
        guard let x = Double(String(chars[start..<position])), x.isFinite else {
            position = start
            throw failure("a number")
        }
        return x
    }

    private mutating func quoted() throws(EvaluationFailure) -> String {
        let quote = chars[position]
        position += 1
        let start = position
        while let c = current, c != quote { position += 1 }
        guard !atEnd else { throw failure("the closing \(quote)") }
        defer { position += 1 }
        return String(chars[start..<position])
    }
}
