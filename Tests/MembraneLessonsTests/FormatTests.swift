import Testing
import Foundation
import Membrane
@testable import MembraneLessons
import MembraneReport

/// The pieces of the format: expressions, number styles, templates and the TeX subset.
@Suite("lesson format pieces")
struct FormatTests {
    static let results: [String: JSONValue] = [
        "cell": .object([("vm_mV", .number(-70)), ("direction", .string("influx")),
                         ("ions", .array([.object([("name", .string("Na")), ("dg", .number(-13))]),
                                          .object([("name", .string("K")), ("dg", .number(2))])]))]),
    ]

    static func value(_ text: String) throws -> LessonValue {
        try ExpressionParser.parse(text).evaluate(in: EvaluationScope(results: results))
    }

    @Test func arithmeticPrecedenceAndFunctions() throws {
        #expect(try Self.value("1 + 2 * 3") == .number(7))
        #expect(try Self.value("-2^2") == .number(-4))
        #expect(try Self.value("2^3^2") == .number(512))
        #expect(try Self.value("(1 + 2) * 3 / 4") == .number(2.25))
        #expect(try Self.value("max(1, 5, 3) - min(2, 4)") == .number(3))
        #expect(try Self.value("abs(cell.vm_mV)") == .number(70))
        #expect(try Self.value("if(cell.vm_mV < 0, \"neg\", \"pos\")") == .text("neg"))
        #expect(try Self.value("3 * -cell.ions[name=Na].dg + 2 * cell.ions[1].dg") == .number(43))
        #expect(try Self.value("cell.direction == \"influx\"") == .bool(true))
        #expect(try Self.value("F / (e * N_A)") == .number(1))
        #expect(try Self.value("1e-3 * 2") == .number(0.002))
    }

    /// The failure's reason for an expression that fails.
    static func reason(_ text: String) -> String {
        do {
            _ = try value(text)
            return ""
        } catch let failure as EvaluationFailure {
            return failure.reason
        } catch {
            return "\(error)"
        }
    }

    @Test func evaluationErrorsSayWhatIsThere() throws {
        #expect(Self.reason("cell.vm").contains("vm_mV"))
        #expect(Self.reason("cell.ions[name=Ca].dg").contains("Na, K"))
        #expect(Self.reason("1 / (cell.vm_mV + 70)").contains("division by zero"))
        #expect(Self.reason("cell.direction * 2").contains("needs numbers"))
        #expect(Self.reason("cell.vm_mV +").contains("expected"))
    }

    @Test func numberStyles() {
        #expect(NumberStyle.automatic.format(-89.05869) == "\u{2212}89.06")
        #expect(NumberStyle.automatic.format(1568662.3) == "1569000")
        #expect(NumberStyle.automatic.format(2.59e-18) == "2.59e-18")
        #expect(NumberStyle(spec: ".1f")!.format(-64.156) == "\u{2212}64.2")
        #expect(NumberStyle(spec: "+.1f")!.format(13.4) == "+13.4")
        #expect(NumberStyle(spec: "+.1f")!.format(-0.01) == "0.0")
        #expect(NumberStyle(spec: ".3e")!.format(1568662.3) == "1.569e6")
        #expect(NumberStyle(spec: ".2g")!.format(0.0017767) == "0.0018")
        #expect(NumberStyle(spec: ".3e")!.texFormat(2.5133e-13) == "2.513\\times 10^{-13}")
        #expect(NumberStyle(spec: "%") == nil)
    }

    @Test func templatesAndBraces() throws {
        let location = SourceLocation(file: "t.yaml", line: 1, column: 1)
        let t = try Template("V = {{cell.vm_mV:.1f}} mV; \\frac{{{cell.vm_mV}}}{2}", location: location, path: "x")
        #expect(try t.render(in: EvaluationScope(results: Self.results)) == "V = \u{2212}70.0 mV; \\frac{\u{2212}70}{2}")
        var scope = EvaluationScope(results: Self.results)
        scope.allowsAnswer = true
        scope.answer = .number(1)
        #expect(try Template("{{student}} vs {{answer}}", location: location, path: "x").render(in: scope) == "— vs 1")
        #expect(throws: MembraneError.self) { try Template("{{cell.vm_mV", location: location, path: "x") }
    }

    @Test func texToMathMLAndText() throws {
        let m = try MathText(tex: "E_{Na} = \\frac{RT}{F}\\ln\\frac{[Na^+]_o}{[Na^+]_i}")
        #expect(m.mathML.hasPrefix("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">"))
        #expect(m.mathML.contains("<msub><mi>E</mi><mi>Na</mi></msub>"))
        #expect(m.mathML.contains("<mfrac><mrow><mi>R</mi><mi>T</mi></mrow><mi>F</mi></mfrac>"))
        #expect(m.mathML.contains("<mi>ln</mi><mo>&#x2061;</mo>"))
        #expect(m.mathML.contains("<msup><mi>Na</mi><mo>+</mo></msup>") || m.mathML.contains("<mo>+</mo>"))
        #expect(m.text == "E_Na = RT/F·ln([Na⁺]ₒ/[Na⁺]ᵢ)")
        #expect(try MathText(tex: "\\Delta p = \\Delta\\psi - 2.303\\,\\Delta\\text{pH}").text == "Δp = Δψ − 2.303 ΔpH")
        #expect(try MathText(tex: "x < 1 \\& y").mathML.contains("&lt;"))
        // A unary minus is a prefix operator (MathML Core would space an operator inside a row as infix); a binary one is not.
        let signs = try MathText(tex: "E = -89.1\\,\\text{mV} = a - b")
        #expect(signs.mathML.contains("<mo>=</mo><mo form=\"prefix\">−</mo><mn>89.1</mn>"))
        #expect(signs.mathML.contains("<mi>a</mi><mo>−</mo><mi>b</mi>"))
        #expect(signs.text == "E = −89.1 mV = a − b")
        #expect(throws: EvaluationFailure.self) { try MathText(tex: "\\frac{a}{b") }
        #expect(throws: EvaluationFailure.self) { try MathText(tex: "\\unknown x") }
    }

    @Test func bodiesBecomeJSONAndCommandLines() throws {
        let node = try LessonNode.parse("""
            run: nernst
            with: {ion: K, inside: 1e-4, outside: "5", activities: true, inside-solution: {K: 140, Cl: 140}, note: no}
            """, file: "t.yaml")
        guard case .mapping(let entries, _) = node, let body = entries.last?.value else { Issue.record("mapping"); return }
        #expect(body.json.render(pretty: false) == #"{"ion":"K","inside":0.0001,"outside":"5","activities":true,"inside-solution":{"K":140,"Cl":140},"note":"no"}"#)
        let run = SetupRun(name: "x", command: "nernst", body: body, location: node.location)
        #expect(run.commandLine == "membrane nernst --ion K --inside 1e-4 --outside 5 --activities --inside-solution K=140,Cl=140 --note no")
    }
}
