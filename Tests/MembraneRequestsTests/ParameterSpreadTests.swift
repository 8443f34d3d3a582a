import Testing
import Foundation
import Membrane
import MembraneRequests

/// `--set NAME=A:B` with `--cells N` (issue 9 item 5): cell k takes A + (B − A)·k/(N − 1), like the stimulus spread.
/// The cells are independent, so each must equal the single cell run with its own values.
@Suite("simulate hh: parameter spread over a population")
struct ParameterSpreadTests {
    static func run(_ body: String) throws -> [String: Any] {
        var context = RequestContext()
        let result = try RequestCatalog.run(command: "simulate/hh", body: body, context: &context)
        return try JSONSerialization.jsonObject(with: Data(result.json.render().utf8)) as! [String: Any]
    }

    @Test func eachCellEqualsItsSingleRun() throws {
        let population = try Self.run(#"{"cells": 3, "set": "g_Na=60:120, E_L=-55", "stimulus-uA-per-cm2": "5:15", "duration": 0.1}"#)
        let cells = try #require(population["cells"] as? [[String: Any]])
        #expect(cells.count == 3)
        for (k, (gNa, j)) in [(60.0, 5.0), (90.0, 10.0), (120.0, 15.0)].enumerated() {
            let single = try Self.run(#"{"set": "g_Na=\#(gNa), E_L=-55", "stimulus-uA-per-cm2": \#(j), "duration": 0.1}"#)
            let times = single["spike_times_ms"] as! [Double]
            #expect(cells[k]["spike_count"] as? Int == times.count, "cell \(k)")
            if let first = cells[k]["first_spike_ms"] as? Double, let t0 = times.first {
                #expect(abs(first - t0) < 1e-6, "cell \(k): \(first) vs \(t0) ms")
            }
            #expect((cells[k]["set"] as? [String: Double])?["g_Na"] == gNa)
        }
    }

    @Test(arguments: [
        (#"{"set": "g_Na=60:120"}"#, "set"),                                   // a range needs cells
        (#"{"cells": 2, "set": "g_Na=60:120", "block": "TTX=0.5"}"#, "block"),  // a block scales single values only
        (#"{"cells": 2, "set": "g_Na=-5:120"}"#, "set"),                        // the range's end outside g_Na ≥ 0
        (#"{"cells": 2, "set": "g_Nx=60:120"}"#, "set"),                        // unknown name
        (#"{"cells": 2, "set": "g_Na=60:abc"}"#, "set"),                        // not a number
    ])
    func refusedNamingTheField(_ body: String, _ field: String) {
        var context = RequestContext()
        do {
            _ = try RequestCatalog.run(command: "simulate/hh", body: body, context: &context)
            Issue.record("accepted: \(body)")
        } catch let e as MembraneError { #expect(e.field == field, "\(body): \(e.message)") } catch { Issue.record("\(error)") }
    }
}
