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
        #"<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><mrow>"# + MathNode.mathML(of: root) + "</mrow></math>"
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
        case .row(let items): return "<mrow>" + Self.mathML(of: items) + "</mrow>"
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

    /// The items of a row. A sign that is unary (`= −89.1`) is marked `form="prefix"`: MathML Core infers the
    /// infix form for an operator inside a row and would space it as a binary minus ("= − 89.1").
    static func mathML(of items: [MathNode]) -> String {
        items.indices.map { i in
            if case .operator_(let op) = items[i], "+−±".contains(op), isUnary(at: i, in: items) {
                return "<mo form=\"prefix\">\(escape(op))</mo>"
            }
            return items[i].mathML
        }.joined()
    }

    /// Whether the operator at `i` is unary: first in its row, or after an operator other than a closing bracket.
    static func isUnary(at i: Int, in items: [MathNode]) -> Bool {
        guard i > 0 else { return true }
        if case .operator_(let p) = items[i - 1] { return !")]|".contains(p) }
        return false
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
                if "=≈<>≤≥≠→←⇌∝≡≪≫".contains(op) || (("+−-×±".contains(op)) && !isUnary(at: i, in: items)) {
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
