import Testing
import Foundation
import MembraneReport
import MembraneRequests
import MembraneSweep
import MembraneTestSupport

/// How a command's JSON becomes columns, and the order of the columns.
@Suite("flattening and column order")
struct FlatteningTests {
    static func flat(_ json: JSONValue) -> [String] {
        Flattening.flatten(json).map { "\($0.key)=\($0.value.cell)" }
    }

    @Test func objectsJoinKeysWithDots() {
        let json = JSONValue.object([
            ("final", .object([("vm_mV", .number(-70.5)), ("inside_mM", .object([("Na", .integer(12)), ("K", .number(140))]))])),
            ("converged", .bool(true)), ("pump_ratio", .null), ("method", .string("newton, damped")),
            ("empty", .object([])), ("none", .array([])),
        ])
        #expect(Self.flat(json) == ["final.vm_mV=-70.5", "final.inside_mM.Na=12", "final.inside_mM.K=140", "converged=true",
                                    "pump_ratio=", "method=newton, damped"])
    }

    /// Arrays of objects with distinct names are keyed by name; others by position; the `name` member is the key.
    @Test func arrays() {
        let ions = JSONValue.array([
            .object([("name", .string("Na")), ("gamma", .number(0.75))]),
            .object([("name", .string("Cl")), ("gamma", .number(0.74))]),
        ])
        #expect(Self.flat(.object([("ions", ions)])) == ["ions.Na.gamma=0.75", "ions.Cl.gamma=0.74"])
        let cells = JSONValue.array([.object([("index", .integer(0)), ("first_spike_ms", .null)]),
                                     .object([("index", .integer(1)), ("first_spike_ms", .number(2.5))])])
        #expect(Self.flat(.object([("cells", cells)])) == ["cells.0.index=0", "cells.0.first_spike_ms=", "cells.1.index=1",
                                                          "cells.1.first_spike_ms=2.5"])
        let spikes = JSONValue.array([.number(1.25), .number(17), .number(1e-7)])
        #expect(Self.flat(.object([("spike_times_ms", spikes)])) == ["spike_times_ms.0=1.25", "spike_times_ms.1=17", "spike_times_ms.2=1e-07"])
        // Repeated names (or names with dots) cannot be keys: positions then.
        let twice = JSONValue.array([.object([("name", .string("K"))]), .object([("name", .string("K"))])])
        #expect(Self.flat(.object([("x", twice)])) == ["x.0.name=K", "x.1.name=K"])
        let dotted = JSONValue.array([.object([("name", .string("a.b")), ("v", .integer(1))])])
        #expect(Self.flat(.object([("x", dotted)])) == ["x.0.name=a.b", "x.0.v=1"])
        // A top-level array (presets) is flattened like a member.
        #expect(Self.flat(.array([.object([("name", .string("kay-2017")), ("temperature_C", .integer(25))])])) == ["kay-2017.temperature_C=25"])
    }

    /// Timings differ between identical runs; they are not results.
    @Test func timingsAreLeftOut() {
        let json = JSONValue.object([("statistics", .object([("accepted_steps", .integer(12)), ("wall_time_s", .number(0.0123))]))])
        #expect(Self.flat(json) == ["statistics.accepted_steps=12"])
    }

    /// Numbers are printed as `--json` prints them.
    @Test func numbersAsJSONPrintsThem() {
        for x in [-70.42073299840355, 0.1, 1e-21, 310.15, 140, -0.0, 6.02214076e23] {
            let json = JSONValue.object([("x", .number(x))])
            let printed = json.render(pretty: false).dropFirst(5).dropLast()
            #expect(Self.flat(json) == ["x=\(printed)"])
        }
    }

    @Test func naturalOrder() {
        let keys = ["b", "spike_times_ms.10", "a.b", "spike_times_ms.2", "a", "spike_times_ms.02", "Z", "a.1", "a.b.c"]
        #expect(keys.sorted(by: Flattening.naturalOrder)
                == ["Z", "a", "a.1", "a.b", "a.b.c", "b", "spike_times_ms.2", "spike_times_ms.02", "spike_times_ms.10"])
    }

    /// Point 0's keys in its order, then the others in natural order; `--columns` selects and groups.
    @Test func columnRule() {
        let keys: Set = ["potential_mV", "nernst_mV.K", "nernst_mV.Na", "spike_times_ms.10", "spike_times_ms.2", "extra"]
        let rule = ColumnRule(point0Keys: ["potential_mV", "nernst_mV.K", "nernst_mV.Na", "gone"], patterns: nil)
        #expect(rule.columns(of: keys) == ["potential_mV", "nernst_mV.K", "nernst_mV.Na", "extra", "spike_times_ms.2", "spike_times_ms.10"])
        let selected = ColumnRule(point0Keys: rule.point0Keys, patterns: ["nernst_mV", "potential_mV", "nernst_mV.K", "nothing"])
        #expect(selected.columns(of: keys) == ["nernst_mV.K", "nernst_mV.Na", "potential_mV"])
        #expect(selected.unmatched(by: keys) == ["nothing"])
    }

    /// Values written as bytes (the sweep's output) read as JSONValue renders them: strings with every escape and
    /// character, numbers of every magnitude.
    @Test func valuesAsJSONValueRendersThem() {
        let strings = ["", "plain", "a \"quoted\" \\ back", "tab\tline\nreturn\r", "\u{0}\u{1}\u{1F}\u{7F}", "µM · ±", "😀 e\u{301}"]
            + Array(TextSamples(count: 2000, pieces: ["\"", "\\", "\n", "\u{1}", "\u{1B}", "a", "µ", "\u{301}", " ", ","]))
        for s in strings { #expect(FlatValue.string(s).json == JSONValue.string(s).render(pretty: false), "\(Array(s.unicodeScalars))") }
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var numbers: [Double] = [0, -0.0, 1e15, 1e15 - 1, -1e15, 1e16, 0.1, 1e-5, 5e-324, .greatestFiniteMagnitude, .nan, .infinity]
        for _ in 0..<20_000 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            numbers.append(Double(bitPattern: state))
            numbers.append(Double(Int64(bitPattern: state) >> 20))
        }
        for x in numbers {
            #expect(FlatValue.number(x).json == JSONValue.number(x).render(pretty: false))
            #expect(FlatValue.number(x).cell == JSONValue.number(x).render(pretty: false))
        }
    }

    /// CSV cells: quoted when they hold commas, quotes or line ends (RFC 4180).
    @Test func csvQuoting() {
        let table = SweepTable(header: ["index", "note", "error"], rows: [["0", "a, \"b\"", ""], ["1", "two\nlines", "x"]])
        #expect(table.csv == "index,note,error\n0,\"a, \"\"b\"\"\",\n1,\"two\nlines\",x\n")
        #expect(CSV.parse(table.csv) == [table.header] + table.rows)
    }
}
