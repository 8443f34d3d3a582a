import Membrane

/// A text with computed values: `E_K = {{potassium.potential_mV:.1f}} mV`. Each `{{…}}` holds an expression
/// (``Expression``) and optionally `:` and a ``NumberStyle``. Placeholders are found before anything else reads
/// the text, so equations can use them too; where TeX needs a brace right before a placeholder, the extra braces
/// are kept (`\frac{{{a}}}{2}` is `\frac{` + the value of `a` + `}{2}`).
struct Template: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case literal(String)
        case value(Expression, NumberStyle, source: String)
    }

    var parts: [Part]
    var source: String
    var location: SourceLocation
    var path: String

    init(_ source: String, location: SourceLocation, path: String) throws {
        self.source = source
        self.location = location
        self.path = path
        parts = []
        let chars = Array(source)
        var literal = ""
        var i = 0
        while i < chars.count {
            guard chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" else {
                literal.append(chars[i])
                i += 1
                continue
            }
            // In a run of braces, the last two open the placeholder.
            var run = i
            while run < chars.count, chars[run] == "{" { run += 1 }
            literal += String(repeating: "{", count: run - i - 2)
            var end = run
            while end + 1 < chars.count, !(chars[end] == "}" && chars[end + 1] == "}") { end += 1 }
            guard end + 1 < chars.count else {
                throw LessonFault.invalid(location, path, value: source, allowed: "a text whose every {{ is closed by }}")
            }
            let inside = String(chars[run..<end])
            if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
            parts.append(try Self.placeholder(inside, location: location, path: path, whole: source))
            i = end + 2
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
    }

    private static func placeholder(_ inside: String, location: SourceLocation, path: String, whole: String) throws -> Part {
        var expressionText = inside
        var style = NumberStyle.automatic
        if let colon = inside.lastIndex(of: ":") {
            let spec = String(inside[inside.index(after: colon)...])
            guard let s = NumberStyle(spec: spec) else {
                throw LessonFault.invalid(location, path, value: "{{\(inside)}}",
                                          allowed: "a number style after ':' — .Nf (decimals), .Ng (significant digits) or .Ne (scientific), optionally with +")
            }
            style = s
            expressionText = String(inside[..<colon])
        }
        do {
            return .value(try ExpressionParser.parse(expressionText), style, source: expressionText.trimmingSpaces())
        } catch {
            throw LessonFault.invalid(location, path, value: "{{\(inside)}}", allowed: "an expression: \(error.reason)")
        }
    }

    /// The text with every value written in; a value that needs the student's answer when there is none is
    /// written "—". In an equation (`tex`), powers of ten are written as TeX (`1.57\times 10^{6}`).
    func render(in scope: EvaluationScope, tex: Bool = false) throws -> String {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let s): out += s
            case .value(let e, let style, let source):
                do {
                    switch try e.evaluate(in: scope) {
                    case .number(let x): out += tex ? style.texFormat(x) : style.format(x)
                    case let other: out += other.description
                    }
                } catch where error.missingStudent {
                    out += "—"
                } catch {
                    throw LessonFault.undefined(location, path, reason: "{{\(source)}}: \(error.reason)")
                }
            }
        }
        return out
    }
}
