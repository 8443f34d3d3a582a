import Testing
@testable import MembraneChemistry
import MembraneUnits
import MembraneTestSupport

/// The byte-by-byte paths for ASCII text give what the character rules give, on every text (ASCII or not).
@Suite("ASCII fast paths: names and lists")
struct ChemistryASCIIPathTests {
    /// `splitEntries` by characters (the rule).
    static func entriesByCharacters(_ text: String) -> [String]? {
        var entries: [String] = []
        var current = ""
        var depth = 0
        for c in text {
            switch c {
            case "(": depth += 1; current.append(c)
            case ")":
                depth -= 1
                if depth < 0 { return nil }
                current.append(c)
            case "," where depth == 0, ";" where depth == 0:
                entries.append(current)
                current = ""
            default: current.append(c)
            }
        }
        guard depth == 0 else { return nil }
        entries.append(current)
        return entries.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// `NamedValues.parse` by characters (the rule), as pairs or the error.
    static func namedValuesByCharacters(_ text: String) -> Result<[String], MembraneError> {
        let entries = text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !entries.isEmpty else { return .failure(.invalidValue(field: "p", value: text, allowed: "NAME=NUMBER pairs, e.g. \"K=1\"")) }
        var seen = Set<String>()
        var out: [String] = []
        for entry in entries {
            let parts = entry.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
            guard parts.count == 2, !parts[0].isEmpty else { return .failure(.invalidValue(field: "p", value: entry, allowed: "NAME=NUMBER, e.g. \"K=1\"")) }
            guard seen.insert(parts[0].lowercased()).inserted else {
                return .failure(.invalidValue(field: "p.\(parts[0])", value: text, allowed: "each name once, e.g. \"K=1\""))
            }
            do { out.append("\(parts[0])=\(try QuantityParser.number(parts[1], field: "p.\(parts[0])"))") } catch let e as MembraneError { return .failure(e) } catch {}
        }
        return .success(out)
    }

    @Test func entriesNamesAndLists() {
        let parser = SolutionParser()
        for text in TextSamples(count: 30_000) + ["K=1,Na=0.04", "=K=5", "K==5", "K=", " K = 1 ; Na=2 ", "X(z=+1,D=1e-9)=3, Cl=1", "a\u{301}=1"] {
            #expect((try? parser.splitEntries(text, field: "f")) == Self.entriesByCharacters(text), "\(Array(text.unicodeScalars))")
            #expect(IonCatalog.normalize(text) == String(text.lowercased().filter { !$0.isWhitespace && !"^_[]·".contains($0) }),
                    "\(Array(text.unicodeScalars))")
            let parsed: Result<[String], MembraneError>
            do { parsed = .success(try NamedValues.parse(text, field: "p", example: "K=1").map { "\($0.name)=\($0.value)" }) } catch let e as MembraneError { parsed = .failure(e) } catch { parsed = .success([]) }
            #expect(parsed == Self.namedValuesByCharacters(text), "\(Array(text.unicodeScalars))")
            let entries = Self.entriesByCharacters(text) ?? []
            // The rule: some entry without an "=" character (a character, not a scalar: "\u{600}=" is one character).
            #expect(Recipe.isRecipe(entries: entries) == entries.contains { !$0.contains("=" as Character) }, "\(entries.map { Array($0.unicodeScalars) })")
        }
    }
}
