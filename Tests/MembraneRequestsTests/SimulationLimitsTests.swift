import Testing
import Foundation
import Membrane
import MembraneRequests
import MembraneTestSupport

/// What a simulation request keeps and how it ends (issue 14, items 2 and 6), in the request layer that the
/// command line and the server share.
@Suite("simulation memory and failures (request layer)")
struct SimulationLimitsTests {
    func pumpLeak(_ body: String) throws -> PumpLeakSimulationRequest {
        try RequestDecoder().decode(PumpLeakSimulationRequest.self, from: body)
    }

    /// Without a figure or CSV a run keeps its initial and final states only, whatever the number of steps.
    @Test func keepsOnlyWhatTheReportNeeds() throws {
        let r = try pumpLeak(#"{"preset": "kay-2017", "duration": 10000, "max-step": 1}"#)
        let result = try r.result()
        let t = result.output.report.trajectory
        #expect(result.status == .success && t.termination == .finished)
        #expect(t.count == 2 && t.final.time == 10000)
        #expect(t.statistics.acceptedSteps >= 10000)
    }

    /// keener-sneyd at P = 13: the steady Na⁺ inside is ~1e-13 mM (the book's closed form), so a BDF run switches to
    /// log amounts, which run on Rodas4; the report says so (`method_after_switch`), and a run that never switches
    /// (P = 3) says null.
    @Test func logarithmicSwitchNamesItsIntegrator() throws {
        for (rate, switches) in [(13.0, true), (3.0, false)] {
            let r = try pumpLeak(#"{"preset": "keener-sneyd", "pump-rate": \#(rate), "method": "bdf", "duration": 2000}"#)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(r.result().output.json.render().utf8)) as? [String: Any])
            let solver = try #require(json["solver"] as? [String: Any])
            #expect(solver["method"] as? String == "BDF")
            #expect((solver["logarithmic_amounts_from_s"] as? Double != nil) == switches)
            #expect((solver["method_after_switch"] as? String) == (switches ? "Rodas4" : nil))
        }
    }

    /// With a figure, the samples are taken during the run: t = 0, Δ, 2Δ, …, and the end.
    @Test func samplesEveryIntervalWithAFigure() throws {
        let r = try pumpLeak(#"{"preset": "kay-2017", "duration": 1000, "interval": 100}"#)
        var context = RequestContext()
        context.wantsFigure = true
        let result = try r.result(in: &context)
        let times = result.output.states.map(\.time)
        #expect(times == (0...10).map { Double($0) * 100 })
        #expect(result.figure != nil)
    }

    /// More than 10⁶ samples for a figure is refused, naming `interval` with the value as typed.
    @Test func sampleCapNamesTheInterval() throws {
        let r = try pumpLeak(#"{"preset": "kay-2017", "duration": 10000, "interval": "1e-300"}"#)
        var context = RequestContext()
        context.wantsFigure = true
        #expect {
            _ = try r.result(in: &context)
        } throws: { error in
            guard let e = error as? MembraneError, case .invalidValue(let field, let value, let allowed) = e else { return false }
            return field == "interval" && value == "1e-300" && allowed.contains("0.01 s")
        }
        var hh = HHSimulationRequest()
        hh.duration = "1"
        hh.interval = "1e-9"
        var hhContext = RequestContext()
        hhContext.wantsFigure = true
        #expect(throws: MembraneError.self) { _ = try hh.result(in: &hhContext) }
    }

    /// The step limit ends the run with status 70 and an error naming `max-steps` and the time reached.
    @Test func stepLimitIsAFailure() throws {
        let r = try pumpLeak(#"{"preset": "kay-2017", "duration": 10000, "max-steps": 3}"#)
        let result = try r.result()
        #expect(result.status == .noConvergence && result.status.rawValue == 70)
        let failure = try #require(result.failure)
        #expect(failure.field == "max-steps" && failure.value == "3")
        #expect(failure.message.contains("of 10000 s"))
        #expect(result.output.report.trajectory.termination == .stepLimit)
    }

    /// The API answers a step limit as the same error object (through the catalog).
    @Test func catalogCarriesTheFailure() throws {
        var context = RequestContext()
        let result = try RequestCatalog.run(command: "simulate/pump-leak", body: #"{"preset": "kay-2017", "duration": 10000, "max-steps": 2}"#,
                                            context: &context)
        #expect(result.status == .noConvergence && result.failure?.field == "max-steps")
    }
}
