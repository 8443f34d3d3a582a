import ArgumentParser
import Foundation
import Membrane
import MembraneReport
import MembraneRequests

/// A benchmark command (command line only): computes one renderable result and prints it.
protocol CalculationCommand: ParsableCommand {
    var output: OutputOptions { get }
    func execute() throws -> any Renderable
}

extension CalculationCommand {
    func run() throws { output.emit(RequestResult(output: AnyRenderable(try execute()))) }
}

/// `membrane bench`: throughput of the core calculations (release build recommended).
/// Benchmarks are not tests; results and the peer comparison live in BENCHMARKS.md.
struct BenchCommand: CalculationCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure evaluations per second of Nernst and GHK (use a release build).",
        discussion: "swift run -c release membrane bench [--seconds 1]  — see BENCHMARKS.md for the peer comparison.")

    @Option(parsing: .unconditional, help: "Minimum time per case, in seconds.") var seconds: Double = 1
    @OptionGroup var output: OutputOptions

    func execute() throws -> any Renderable {
        try MembraneError.requirePositive(seconds, field: "seconds")
        let conditions = Conditions()
        let vt = conditions.thermalVoltage
        let k = IonCatalog.standard.ion(named: "K")!, na = IonCatalog.standard.ion(named: "Na")!
        let cl = IonCatalog.standard.ion(named: "Cl")!, ca = IonCatalog.standard.ion(named: "Ca")!
        let monovalent = [
            Permeant(ion: k, inside: .millimolar(140), outside: .millimolar(5), permeability: 1),
            Permeant(ion: na, inside: .millimolar(12), outside: .millimolar(145), permeability: 0.04),
            Permeant(ion: cl, inside: .millimolar(7), outside: .millimolar(120), permeability: 0.45),
        ]
        let withCalcium = monovalent + [Permeant(ion: ca, inside: .micromolar(0.1), outside: .millimolar(2), permeability: 0.1)]
        var cases: [BenchReport.Case] = []
        cases.append(measure("nernst (unchecked kernel)") { i in
            Nernst.volts(z: 1, inside: 140 + Double(i & 7), outside: 5, thermalVoltage: vt)
        })
        cases.append(measure("nernst (validated, Nernst.potential)") { i in
            (try? Nernst.potential(z: 1, inside: .millimolar(140 + Double(i & 7)), outside: .millimolar(5),
                                   conditions: conditions).volts) ?? 0
        })
        // The permeant lists are updated in place (no copy per evaluation), as a sweep would do.
        var p3 = monovalent, p4 = withCalcium
        cases.append(measure("ghk voltage, K/Na/Cl closed form") { i in
            p3[0].outside = .millimolar(5 + Double(i & 7))
            return (try? GHKVoltage.potential(p3, conditions: conditions).potential.volts) ?? 0
        })
        cases.append(measure("ghk voltage, K/Na/Cl/Ca root (Brent)") { i in
            p4[0].outside = .millimolar(5 + Double(i & 7))
            return (try? GHKVoltage.potential(p4, conditions: conditions).potential.volts) ?? 0
        })
        cases.append(measure("ghk current density, one ion") { i in
            GHKCurrent.currentDensity(z: 2, permeability: .centimetresPerSecond(1e-6), inside: .micromolar(0.1),
                                      outside: .millimolar(2), at: .millivolts(-20 + Double(i & 7)),
                                      conditions: conditions).amperesPerSquareMetre
        })
        for (label, pipette, bath) in BenchCommand.junctions {
            let parser = SolutionParser()
            let junction = try LiquidJunction(pipette: parser.parse(pipette, field: "pipette"),
                                              bath: parser.parse(bath, field: "bath"), conditions: conditions)
            cases.append(measure("ljp henderson, \(label)") { _ in HendersonJunction.solve(junction).potential.volts })
            cases.append(measure("ljp planck, \(label)") { _ in (try? PlanckJunction.solve(junction).potential.volts) ?? 0 })
        }
        // What the server will do per request: parse the JSON body, decode the request, validate, compute, render JSON.
        for (label, command, body) in BenchCommand.requests {
            cases.append(measure(label) { _ in
                var context = RequestContext()
                let result = try? RequestCatalog.run(command: command, body: body, context: &context)
                return Double(result?.json.render(pretty: false).utf8.count ?? 0)
            })
        }
        return BenchReport(cases: cases)
    }

    /// Whole requests, JSON in → JSON out, as `POST /api/<command>` runs them.
    static let requests = [
        ("request nernst, JSON → JSON", "nernst", #"{"ion": "K", "inside": 140, "outside": "5mM", "temperature": 37}"#),
        ("request ghk K/Na/Cl, JSON → JSON", "ghk",
         #"{"inside": {"K": 140, "Na": 12, "Cl": 7}, "outside": {"K": 5, "Na": 145, "Cl": 120}, "permeability": {"K": 1, "Na": 0.04, "Cl": 0.45}}"#),
        ("request report (default neuron), JSON → JSON", "report", "{}"),
        ("request ljp planck 7 ions, JSON → JSON", "ljp",
         #"{"pipette": "K=145,Na=13,Cl=10,gluconate=145,Mg=1,HEPES=5", "bath": "K=2.8,Na=145,Cl=148.8,Mg=2,Ca=1,HEPES=5"}"#),
    ]

    /// 2-, 7- and 14-ion junctions (the last two: a K-gluconate internal against ACSF, and a rich internal
    /// against a rich bath), the sizes of the LJP issue's speed goals.
    static let junctions = [
        ("2 ions", "K=140,Cl=140", "K=4,Cl=4"),
        ("7 ions", "K=145,Na=13,Cl=10,gluconate=145,Mg=1,HEPES=5", "K=2.8,Na=145,Cl=148.8,Mg=2,Ca=1,HEPES=5"),
        ("14 ions", "K=120,Cs=10,Na=10,gluconate=100,methanesulfonate=10,Cl=17.5,Mg=2,Ca=0.1,HEPES=10,EGTA=1,ATP(z=-2)=2,TEA=5,citrate=1,SO4=1.35",
         "Na=140,K=3,Cs=0.5,Ca=2,Mg=1,TEA=1,Cl=144.21,gluconate=1,methanesulfonate=0.75,HEPES=1,EGTA=0.01,ATP(z=-2)=0.01,citrate=0.5,SO4=1"),
    ]

    /// Runs `body` in growing batches until `seconds` have passed; returns evaluations per second.
    func measure(_ name: String, _ body: (Int) -> Double) -> BenchReport.Case {
        let clock = ContinuousClock()
        var n = 1024, sink = 0.0
        while true {
            let start = clock.now
            for i in 0..<n { sink += body(i) }
            let elapsed = clock.now - start
            let s = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            if s >= seconds || n >= 1 << 30 {
                return BenchReport.Case(name: name, evaluations: n, seconds: s, checksum: sink)
            }
            n *= s > 0 ? max(2, min(16, Int(seconds / s) + 1)) : 16
        }
    }
}

struct BenchReport: Renderable {
    struct Case {
        var name: String
        var evaluations: Int
        var seconds: Double
        var checksum: Double
        var perSecond: Double { Double(evaluations) / seconds }
    }
    var cases: [Case]

    var json: JSONValue {
        .object([("cases", .array(cases.map { c in
            .object([("name", .string(c.name)), ("evaluations", .integer(c.evaluations)), ("seconds", .number(c.seconds)),
                     ("per_second", .number(c.perSecond)), ("ns_per_evaluation", .number(c.seconds / Double(c.evaluations) * 1e9))])
        }))])
    }

    var text: String {
        var table = TextTable(headers: ["case", "evaluations/s", "ns each"])
        for c in cases {
            table.add([c.name, Format.significant(c.perSecond, 4), Format.fixed(c.seconds / Double(c.evaluations) * 1e9, 1)])
        }
        return table.render()
    }
}
