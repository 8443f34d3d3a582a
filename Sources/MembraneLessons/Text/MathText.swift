import Membrane
import MembraneReport

/// An equation written in a small TeX subset, rendered as MathML (for the workbench page: MathML Core, which
/// browsers draw natively, like the page's own `M` builder in ui.js) and as plain Unicode text (for terminals).
///
/// The subset: letters (italic identifiers) and numbers; operators `+ - = < > ( ) [ ] / , : |` and any non-letter
/// Unicode symbol (`−`, `·`, `≈`); `x_i`, `x^2`, `x_{in}^{2+}` (groups in braces); `\frac{a}{b}`, `\sqrt{a}`,
/// `\text{…}` and `\mathrm{…}` (upright), `\tilde{x}`, `\bar{x}`; the functions `\ln \log \exp \sin \cos \max
/// \min`; Greek letters (`\alpha` … `\omega`, `\Delta`, `\Psi` …); the symbols `\cdot \times \approx \pm \to
/// \rightarrow \leftarrow \rightleftharpoons \leq \geq \neq \propto \infty \ll \gg \equiv \circ \ldots \partial`;
/// spaces `\, \; \: \quad \qquad`; `\% \{ \}`; `\left` and `\right` before a delimiter (ignored: MathML stretches
/// delimiters itself). Anything else is an error naming the command, so a lesson cannot ship an equation the
/// page would draw wrong.
public struct MathText: Sendable, Equatable {
    public var tex: String
    let root: [MathNode]

    init(tex: String) throws(EvaluationFailure) {
        self.tex = tex
        var parser = TeXParser(chars: Array(tex))
        root = try parser.parseRow(until: nil)
    }

    /// `<math display="block">…</math>`.
    public var mathML: String {
        #"<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><mrow>"# + root.map(\.mathML).joined() + "</mrow></math>"
    }

    /// The equation in Unicode (`E_K = (RT/zF)·ln([K⁺]ₒ/[K⁺]ᵢ)`).
    public var text: String { MathNode.text(of: root).trimmingSpaces() }

    /// MathML, text and TeX as one JSON object (`{"tex", "mathml", "text"}`).
    var json: JSONValue { .object([("tex", .string(tex)), ("mathml", .string(mathML)), ("text", .string(text))]) }
}

indirect enum MathNode: Sendable, Equatable {
    case identifier(String, upright: Bool)
    case number(String)
    case operator_(String)
    case text(String)
    case function(String)
    case space
    case row([MathNode])
    case fraction(MathNode, MathNode)
    case root(MathNode)
    case scripts(MathNode, sub: MathNode?, sup: MathNode?)
    case accent(MathNode, String)

    var mathML: String {
        switch self {
        case .identifier(let s, let upright):
            return upright && s.count == 1 ? "<mi mathvariant=\"normal\">\(escape(s))</mi>" : "<mi>\(escape(s))</mi>"
        case .number(let s): return "<mn>\(escape(s))</mn>"
        case .operator_(let s): return "<mo>\(escape(s))</mo>"
        case .text(let s): return "<mtext>\(escape(s))</mtext>"
        case .function(let s): return "<mi>\(escape(s))</mi><mo>&#x2061;</mo>"
        case .space: return "<mspace width=\"0.2em\"></mspace>"
        case .row(let items): return "<mrow>" + items.map(\.mathML).joined() + "</mrow>"
        case .fraction(let a, let b): return "<mfrac>\(a.wrapped)\(b.wrapped)</mfrac>"
        case .root(let a): return "<msqrt>\(a.mathML)</msqrt>"
        case .scripts(let base, let sub, let sup):
            switch (sub, sup) {
            case (let s?, let p?): return "<msubsup>\(base.wrapped)\(s.wrapped)\(p.wrapped)</msubsup>"
            case (let s?, nil): return "<msub>\(base.wrapped)\(s.wrapped)</msub>"
            case (nil, let p?): return "<msup>\(base.wrapped)\(p.wrapped)</msup>"
            default: return base.mathML
            }
        case .accent(let base, let mark): return "<mover accent=\"true\">\(base.wrapped)<mo>\(mark)</mo></mover>"
        }
    }

    /// One element, as MathML's scripts and fractions need (a row for several).
    private var wrapped: String {
        if case .row = self { return mathML }
        if case .function = self { return "<mrow>\(mathML)</mrow>" }
        return mathML
    }

    static func text(of items: [MathNode]) -> String {
        var out = ""
        var skip = false
        for (i, node) in items.enumerated() {
            if skip { skip = false; continue }
            // Juxtaposition after a fraction reads as a product: RT/F·ln(…).
            if i > 0, case .fraction = items[i - 1] {
                switch node {
                case .function, .identifier, .number, .root: out += "·"
                default: break
                }
            }
            // A function's compound argument in parentheses: ln(5/140).
            if case .function(let f) = node, i + 1 < items.count, items[i + 1].isCompound {
                out += "\(f)(\(items[i + 1].text.trimmingSpaces()))"
                skip = true
                continue
            }
            if case .operator_(let op) = node {
                let previous = i > 0 ? items[i - 1] : nil
                let unary = previous == nil || { if case .operator_(let p) = previous!, !")]|".contains(p) { return true } else { return false } }()
                if "=≈<>≤≥≠→←⇌∝≡≪≫".contains(op) || (("+−-×±".contains(op)) && !unary) {
                    out += " \(op) "
                } else if op == "," {
                    out += ", "
                } else {
                    out += op
                }
            } else {
                out += node.text
            }
        }
        return out
    }

    /// A fraction or a group of several items (what a function's argument needs parentheses for in text).
    var isCompound: Bool {
        switch self {
        case .fraction: return true
        case .row(let items): return items.count > 1
        default: return false
        }
    }

    var text: String {
        switch self {
        case .identifier(let s, _), .number(let s), .text(let s): return s
        case .operator_(let s): return s
        case .function(let s): return s
        case .space: return " "
        case .row(let items): return Self.text(of: items)
        case .fraction(let a, let b): return "\(a.textOperand(denominator: false))/\(b.textOperand(denominator: true))"
        case .root(let a): return "√" + a.textOperand(denominator: true)
        case .scripts(let base, let sub, let sup):
            var out = base.textOperand(denominator: false)
            if let sub { out += Self.script(sub.text, table: Self.subscripts, mark: "_") }
            if let sup { out += Self.script(sup.text, table: Self.superscripts, mark: "^") }
            return out
        case .accent(let base, let mark): return base.text + (mark == "~" ? "\u{0303}" : "\u{0304}")
        }
    }

    /// The text of an operand of `/` or `√`: parenthesised when it is more than one factor (a numerator may be
    /// letters written side by side, RT/(zF); brackets do not count as operators).
    private func textOperand(denominator: Bool) -> String {
        let t = text.trimmingSpaces()
        guard case .row(let items) = self, items.count > 1 else { return t }
        let simpleProduct = items.allSatisfy {
            switch $0 {
            case .identifier, .number: return true
            case .operator_(let o): return "[]()".contains(o)
            case .scripts(let base, _, _): if case .operator_(let o) = base { return "[]()".contains(o) } else { return true }
            default: return false
            }
        }
        // One bracketed group, [K⁺]ₒ, is one factor even in a denominator.
        let brackets = items.filter { if case .operator_(let o) = $0, "[(".contains(o) { return true } else { return false } }.count
        let bracketed: Bool = {
            guard brackets == 1, case .operator_(let open) = items[0], "[(".contains(open) else { return false }
            switch items[items.count - 1] {
            case .operator_(let close): return "])".contains(close)
            case .scripts(.operator_(let close), _, _): return "])".contains(close)
            default: return false
            }
        }()
        return simpleProduct && (!denominator || bracketed) ? t : "(\(t))"
    }

    private static func script(_ s: String, table: [Character: Character], mark: String) -> String {
        let t = s.trimmingSpaces()
        if !t.isEmpty, t.allSatisfy({ table[$0] != nil }) { return String(t.map { table[$0]! }) }
        return mark + t
    }

    static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "-": "₋", "−": "₋", "=": "₌", "(": "₍", ")": "₎", "a": "ₐ", "e": "ₑ", "o": "ₒ", "x": "ₓ", "h": "ₕ",
        "k": "ₖ", "l": "ₗ", "m": "ₘ", "n": "ₙ", "p": "ₚ", "s": "ₛ", "t": "ₜ", "i": "ᵢ", "j": "ⱼ", "r": "ᵣ", "u": "ᵤ", "v": "ᵥ",
    ]
    static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "-": "⁻", "−": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "n": "ⁿ", "i": "ⁱ", "∘": "°", "°": "°",
    ]
}

private func escape(_ s: String) -> String {
    var out = ""
    for c in s {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.append(c)
        }
    }
    return out
}

/// Recursive descent over the TeX subset of ``MathText``.
struct TeXParser {
    let chars: [Character]
    var position = 0

    static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ", "eta": "η",
        "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ",
        "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ",
        "Psi": "Ψ", "Omega": "Ω", "infty": "∞", "partial": "∂", "ell": "ℓ",
    ]
    static let symbols: [String: String] = [
        "cdot": "·", "times": "×", "approx": "≈", "pm": "±", "mp": "∓", "to": "→", "rightarrow": "→", "leftarrow": "←",
        "leftrightarrow": "↔", "rightleftharpoons": "⇌", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠",
        "ne": "≠", "propto": "∝", "ll": "≪", "gg": "≫", "equiv": "≡", "circ": "∘", "ldots": "…", "cdots": "⋯",
        "mid": "|", "sum": "∑", "prime": "′",
    ]
    static let functions: Set<String> = ["ln", "log", "exp", "sin", "cos", "tan", "max", "min"]

    init(chars: [Character]) { self.chars = chars }

    private var current: Character? { position < chars.count ? chars[position] : nil }

    private func failure(_ what: String) -> EvaluationFailure {
        EvaluationFailure(reason: "\(what) at character \(position + 1) of the equation")
    }

    /// Atoms up to `closing` (or the end), with their scripts.
    mutating func parseRow(until closing: Character?) throws(EvaluationFailure) -> [MathNode] {
        var items: [MathNode] = []
        while let c = current {
            if c == closing { return items }
            if c == "}" { throw failure("an unmatched '}'") }
            if c.isWhitespace { position += 1; continue }
            if c == "_" || c == "^" {
                position += 1
                let script = Self.joinedLetters(try parseArgument())
                let base = items.popLast() ?? .row([])
                if case .scripts(let b, let sub, let sup) = base {
                    if c == "_" && sub == nil { items.append(.scripts(b, sub: script, sup: sup)); continue }
                    if c == "^" && sup == nil { items.append(.scripts(b, sub: sub, sup: script)); continue }
                    throw failure("a second \(c == "_" ? "subscript" : "superscript")")
                }
                items.append(c == "_" ? .scripts(base, sub: script, sup: nil) : .scripts(base, sub: nil, sup: script))
                continue
            }
            if let node = try parseAtom() { items.append(node) }
        }
        if closing != nil { throw failure("a '{' without its '}'") }
        return items
    }

    /// A script of several letters (`E_{Na}`, `V_{measured}`) as one identifier: a name, drawn upright, not a
    /// product of italic variables.
    static func joinedLetters(_ node: MathNode) -> MathNode {
        guard case .row(let items) = node, items.count > 1 else { return node }
        var name = ""
        for item in items {
            guard case .identifier(let s, _) = item else { return node }
            name += s
        }
        return .identifier(name, upright: true)
    }

    /// One braced group or one atom (the argument of a command or a script).
    private mutating func parseArgument() throws(EvaluationFailure) -> MathNode {
        while let c = current, c.isWhitespace { position += 1 }
        guard let c = current else { throw failure("a missing argument") }
        if c == "{" {
            position += 1
            let items = try parseRow(until: "}")
            position += 1
            return items.count == 1 ? items[0] : .row(items)
        }
        if c.isNumber {
            // A script of digits takes one digit, as TeX does (x^23 is x²3); a number argument takes its first digit.
            position += 1
            return .number(String(c))
        }
        guard let atom = try parseAtom() else { throw failure("a missing argument") }
        return atom
    }

    private mutating func parseAtom() throws(EvaluationFailure) -> MathNode? {
        guard let c = current else { return nil }
        if c == "{" {
            position += 1
            let items = try parseRow(until: "}")
            position += 1
            return .row(items)
        }
        if c == "\\" { return try parseCommand() }
        if c.isNumber || (c == "." && position + 1 < chars.count && chars[position + 1].isNumber) {
            let start = position
            while let d = current, d.isNumber || d == "." { position += 1 }
            return .number(String(chars[start..<position]))
        }
        position += 1
        if c.isLetter { return .identifier(String(c), upright: false) }
        return .operator_(c == "-" ? "−" : c == "*" ? "·" : String(c))
    }

    private mutating func parseCommand() throws(EvaluationFailure) -> MathNode? {
        position += 1
        guard let c = current else { throw failure("a lone '\\'") }
        if !c.isLetter {
            position += 1
            switch c {
            case ",", ";", ":", " ", "!": return c == "!" ? nil : .space
            case "%", "{", "}", "|", "#", "&", "_": return .operator_(String(c))
            default: throw failure("the unknown command \\\(c)")
            }
        }
        let start = position
        while let d = current, d.isLetter { position += 1 }
        let name = String(chars[start..<position])
        switch name {
        case "frac", "dfrac", "tfrac":
            let a = try parseArgument()
            let b = try parseArgument()
            return .fraction(a, b)
        case "sqrt": return .root(try parseArgument())
        case "text", "mathrm", "operatorname", "mathit":
            guard current == "{" else { throw failure("\\\(name) needs its text in braces") }
            position += 1
            let from = position
            var depth = 0
            while let d = current, d != "}" || depth > 0 {
                if d == "{" { depth += 1 } else if d == "}" { depth -= 1 }
                position += 1
            }
            guard current == "}" else { throw failure("a '{' without its '}'") }
            let inside = String(chars[from..<position])
            position += 1
            if name == "text" { return .text(inside) }
            if name == "mathit" { return .identifier(inside, upright: false) }
            return .identifier(inside, upright: true)
        case "tilde": return .accent(try parseArgument(), "~")
        case "bar", "overline": return .accent(try parseArgument(), "¯")
        case "left", "right":
            while let d = current, d.isWhitespace { position += 1 }
            guard let d = current else { throw failure("a delimiter after \\\(name)") }
            if d == "." { position += 1; return nil }
            return try parseAtom()
        case "quad", "qquad": return .space
        default:
            if let g = Self.greek[name] { return .identifier(g, upright: false) }
            if let s = Self.symbols[name] { return .operator_(s) }
            if Self.functions.contains(name) { return .function(name) }
            throw EvaluationFailure(reason: "the unknown command \\\(name) in the equation; known: \\frac, \\sqrt, \\text, \\mathrm, \\ln, Greek letters, \\cdot, \\times, \\approx … (docs/lessons.md lists them)")
        }
    }
}
