import Membrane

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
