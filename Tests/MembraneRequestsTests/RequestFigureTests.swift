import Testing
import Foundation
import Membrane
import MembraneReport
import MembraneRequests
import MembraneTestSupport

/// A request's figure (what `POST /api/plot/<command>` will answer as its spec) is the figure `--plot` draws: the
/// SVG file the built binary writes is the request's figure rendered, and the figure holds the numbers of the
/// JSON result.
@Suite("request figures")
struct RequestFigureTests {
    typealias Case = CLIEquivalenceTests.Case

    /// `--plot` and its request: ghk-current draws the curve, ljp asks for the profile (101 points), steady-state
    /// draws a sweep, simulate the resampled time course, microdomain a denser profile than the JSON's.
    static let cases: [Case] = [
        Case(command: "ghk-current", arguments: ["--ion", "K", "--inside", "140", "--outside", "5", "--permeability", "1e-6", "--from", "-80", "--to", "40", "--step", "20"],
             body: #"{"ion": "K", "inside": 140, "outside": 5, "permeability": 1e-6, "from": -80, "to": 40, "step": 20}"#),
        Case(command: "ljp", arguments: ["--pipette", "K=140,gluconate=140", "--bath", "Na=150,Cl=150"],
             body: #"{"pipette": {"K": 140, "gluconate": 140}, "bath": {"Na": 150, "Cl": 150}, "profile-points": 101}"#),
        Case(command: "steady-state", arguments: ["--preset", "keener-sneyd", "--sweep", "1:15:8"], body: #"{"preset": "keener-sneyd", "sweep": "1:15:8"}"#),
        Case(command: "simulate/pump-leak", arguments: ["--preset", "kay-2017", "--duration", "600", "--interval", "50"],
             body: #"{"preset": "kay-2017", "duration": 600, "interval": 50}"#),
        Case(command: "microdomain", arguments: ["--current-pA", "0.3", "--distance-nm", "20", "--inside", "100nM", "--outside", "2", "--buffer", "EGTA=10"],
             body: #"{"current-pA": 0.3, "distance-nm": 20, "inside": "100nM", "outside": 2, "buffer": "EGTA=10"}"#),
    ]

    static func figure(_ c: Case) throws -> SVGFigure? {
        var context = RequestContext()
        context.wantsFigure = true
        return try RequestCatalog.run(command: c.command, body: c.body, context: &context).figure
    }

    @Test(arguments: cases)
    func plotFileIsTheRequestsFigure(_ c: Case) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("figure-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try runMembrane(c.command.split(separator: "/").map(String.init) + c.arguments + ["--plot", path])
        #expect(run.status == 0, "\(run.stderr)")
        let figure = try #require(try Self.figure(c))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == figure.render())
        #expect(figure.spec.panels.allSatisfy { !$0.series.isEmpty })
    }

    @Test func noFigureUnlessAsked() throws {
        var context = RequestContext()
        for c in Self.cases { #expect(try RequestCatalog.run(command: c.command, body: c.body, context: &context).figure == nil) }
    }

    /// The I–V figure's points are the JSON's curve (A/m² = 100 µA/cm²; JSON text read back by Foundation).
    @Test func ivFigureHoldsTheCurve() throws {
        let c = Self.cases[0]
        var context = RequestContext()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(RequestCatalog.run(command: c.command, body: c.body, context: &context).json.render().utf8)) as? [String: Any])
        let curve = try #require(json["curve"] as? [[String: Any]])
        let series = try #require(try Self.figure(c)?.spec.panels.first?.series.first)
        let voltages = curve.compactMap { $0["voltage_mV"] as? Double }
        let currents = curve.compactMap { ($0["current_density_A_per_m2"] as? Double).map { $0 * 100 } }
        #expect(series.x.count == 7 && voltages.count == 7 && currents.count == 7)
        for (a, b) in zip(series.x, voltages) { #expect(isClose(a, b, within: 1e-9)) }
        for (a, b) in zip(series.y, currents) { #expect(isRelativelyClose(a, b, relative: 1e-12)) }
        for (a, b) in zip(series.x, [-80.0, -60, -40, -20, 0, 20, 40]) { #expect(isClose(a, b, within: 1e-9)) }
    }

    /// Henderson's equation has no junction profile: asking for one is refused, not answered with no file.
    @Test func hendersonProfileIsRefused() throws {
        var context = RequestContext()
        #expect(throws: MembraneError.self) {
            try RequestCatalog.run(command: "ljp", body: #"{"pipette": "K=140,Cl=140", "bath": "Na=150,Cl=150", "method": "henderson", "profile-points": 11}"#,
                                   context: &context)
        }
    }
}
