import Testing
import Foundation
import Membrane
import MembraneSweep

/// `--vary` syntax: lists as written, linear and log ranges with exact endpoints, and refusals that name `vary`.
@Suite("--vary specs")
struct VarySpecTests {
    @Test func listsAreKeptAsWritten() throws {
        let s = try VarySpec("method=henderson, planck ,npp")
        #expect(s.option == "method")
        #expect(s.scale == .list)
        #expect(s.values == ["henderson", "planck", "npp"])
        #expect(try VarySpec("inside=100nM,1uM,2.5e-3").values == ["100nM", "1uM", "2.5e-3"])
        // A single value is a list of one; quotes keep commas and colons inside a value; custom ions keep their
        // parenthesised commas.
        #expect(try VarySpec("temperature=310.15K").values == ["310.15K"])
        #expect(try VarySpec(#"bath="Na=150, Cl=150","K=150;Cl=150""#).values == ["Na=150, Cl=150", "K=150;Cl=150"])
        #expect(try VarySpec(#"sweep="1:15:8""#).values == ["1:15:8"])
        #expect(try VarySpec("bath=X(z=+1,D=1e-9)=10;Cl=10").values == ["X(z=+1,D=1e-9)=10;Cl=10"])
    }

    /// Binary fractions are exact, so the linear formula must give exactly these texts.
    @Test func linearRange() throws {
        let s = try VarySpec("vm=-80:-40:5")
        #expect(s.scale == .linear)
        #expect(s.values == ["-80", "-70", "-60", "-50", "-40"])
        #expect(try VarySpec("x=0:1:5").values == ["0", "0.25", "0.5", "0.75", "1"])
        #expect(try VarySpec("x=3:7:1").values == ["3"])
    }

    /// The last value is TO as written even where FROM + (TO − FROM)·k/(COUNT − 1) rounds past it in floating point
    /// (0.3 + 0.6 = 0.8999999999999999…; −70 + 70.1 = 0.09999999999999432).
    @Test func endpointsAreExact() throws {
        #expect(try VarySpec("x=0.3:0.9:4").values.last == "0.9")
        #expect(try VarySpec("x=-70:0.1:3").values == ["-70", "-34.95", "0.1"])
        #expect(try VarySpec("x=0.7:0.1:3").values.first == "0.7")
        #expect(try VarySpec("x=0.7:0.1:3").values.last == "0.1")
    }

    /// Log ranges: 10^k at k = 0…3 (to round-off inside, exact at the ends), descending too; the texts read back as the
    /// same doubles (shortest round-trip form).
    @Test func logRange() throws {
        let s = try VarySpec("outside.K=1:1000:4:log")
        #expect(s.scale == .log)
        #expect(s.values.first == "1" && s.values.last == "1000")
        for (k, text) in s.values.enumerated() {
            let x = try #require(Double(text))
            #expect(abs(x / pow(10, Double(k)) - 1) < 4e-16, "\(text)")
        }
        let down = try VarySpec("x=100:0.01:5:log")
        #expect(down.values.first == "100" && down.values.last == "0.01")
        #expect(abs(try #require(Double(down.values[2])) - 1) < 1e-15)
        let negative = try VarySpec("x=-1:-100:3:log")
        #expect(negative.values.first == "-1" && negative.values.last == "-100")
        #expect(try VarySpec("x=1e-6:1e-4:3:log").values.first == "1e-06")
        #expect(try VarySpec("x=1:2:3:lin").scale == .linear)
    }

    @Test(arguments: [
        ("temperature=20:40:0", "COUNT ≥ 1"),
        ("temperature=20:40:2.5", "COUNT ≥ 1"),
        ("temperature=20:40:-3", "COUNT ≥ 1"),
        ("temperature=a:40:3", "a number for FROM"),
        ("temperature=290K:310K:3", "a number for FROM"),
        ("temperature=20:nan:3", "a number for TO"),
        ("temperature=20:40", "a range FROM:TO:COUNT"),
        ("temperature=20:40:3:cubic", "a range FROM:TO:COUNT"),
        ("x=0:10:3:log", "non-zero FROM and TO of one sign"),
        ("x=-1:10:3:log", "non-zero FROM and TO of one sign"),
        ("temperature", "OPTION=FROM:TO:COUNT"),
        ("=1,2", "OPTION=FROM:TO:COUNT"),
        ("temperature=", "no empty values"),
        ("temperature=1,,2", "no empty values"),
        (#"bath="Na=150"#, "a closing quote"),
        (#"bath=x"Na=150""#, "quotes around whole values"),
    ])
    func malformedSpecsAreRefused(spec: String, expected: String) {
        #expect {
            _ = try VarySpec(spec)
        } throws: { error in
            guard case MembraneError.invalidValue(let field, let value, let allowed) = error else { return false }
            return field == "vary" && value == spec && allowed.contains(expected)
        }
    }
}
