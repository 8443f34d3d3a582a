import Testing
import Foundation
import Membrane
import MembraneRequests

/// The typed configuration keeps the documented JSON format: every key of docs/pump-leak-config.md is a key of
/// `PumpLeakConfig` (and no other), and the documented examples decode and apply.
@Suite("pump-leak configuration")
struct PumpLeakConfigTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The backquoted keys in the first column of the documentation's three tables (top level, `pump`, then
    /// `extracellular_exchange`).
    static func documentedKeys() throws -> (top: Set<String>, pump: Set<String>, exchange: Set<String>) {
        let text = try String(contentsOf: repo.appendingPathComponent("docs/pump-leak-config.md"), encoding: .utf8)
        let parts = text.components(separatedBy: "`pump` object:")
        let rest = parts[1].components(separatedBy: "`extracellular_exchange` object:")
        func keys(_ s: String) -> Set<String> {
            Set(s.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("| `") else { return nil }
                return line.dropFirst(3).split(separator: "`").first.map(String.init)
            })
        }
        return (keys(parts[0]), keys(rest[0]), keys(rest.count > 1 ? rest[1] : ""))
    }

    @Test func documentedKeysAreTheCodingKeys() throws {
        let (top, pump, exchange) = try Self.documentedKeys()
        #expect(top == Set(PumpLeakConfig.CodingKeys.allCases.map(\.stringValue)))
        #expect(pump == Set(PumpLeakConfig.Pump.CodingKeys.allCases.map(\.stringValue)))
        #expect(exchange == Set(PumpLeakConfig.Exchange.CodingKeys.allCases.map(\.stringValue)))
    }

    @Test(arguments: ["kay-2017-extracellular-impermeant.json", "neuron-cotransporters.json"])
    func examplesDecodeAndApply(file: String) throws {
        let text = try String(contentsOf: Self.repo.appendingPathComponent("docs/examples/\(file)"), encoding: .utf8)
        let config = try PumpLeakConfig.decode(text)
        var scenario = Scenario.kay2017
        try config.apply(to: &scenario)
        try scenario.validate()
    }

    /// Overrides reach the scenario in the units the documentation gives: a sphere of radius r (area 4πr²),
    /// a finite bath, an ohmic leak in mS/cm² (= 10 S/m²), the pump's current F·J_max in µA/cm² (= 10⁻² A/m²).
    @Test func valuesInDocumentedUnits() throws {
        let config = try PumpLeakConfig.decode(#"""
        {"radius_um": 5, "bath_volume_relative": 3, "conductances_mS_per_cm2": {"Na": 0.02},
         "pump": {"kinetics": "constant", "current_uA_per_cm2": 0.5}, "events": [{"time_s": 10, "action": "activity", "activity": 0.5}]}
        """#)
        var s = Scenario.kay2017
        try config.apply(to: &s)
        #expect(s.bath == .finite(relativeVolume: 3))
        #expect(s.events == [ScenarioEvent(time: 10, .setPumpActivity(0.5))])
        let na = try #require(s.leaks.last { $0.ion == "Na" })
        guard case .ohmic(let g) = na.kind else { Issue.record("Na leak is ohmic"); return }
        #expect(abs(g.siemensPerSquareMetre - 0.2) < 1e-15)
        let pump = try #require(s.pump)
        #expect(abs(pump.maximalRate * s.conditions.faraday - 0.5e-2) < 1e-15)
        #expect(abs(s.geometry.area - 4 * Double.pi * 25e-12) < 1e-24)
    }
}
