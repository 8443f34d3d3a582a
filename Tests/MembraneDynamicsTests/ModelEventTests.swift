import Testing
import MembraneDynamics
import MembraneUnits
import MembraneTestSupport

/// Events that change any named parameter of a compiled model, here a bath change.
@Suite("Parameter events")
struct ModelEventTests {
    /// Kay 2017 at its steady state; at t = 100 s the bath is changed to Na 140, K 10 mM (same osmolarity and charge,
    /// parameters `outside.Na`, `outside.K`). The cell then relaxes to the steady state the Newton solver finds for a
    /// scenario with that bath from the start (to 1e-5 mV and 1e-7 in the concentrations), and conserves every amount.
    @Test func bathChangeLeadsToTheNewSteadyState() throws {
        var s = Scenario.kay2017
        s.events = [ScenarioEvent(time: 100, .set(parameter: "outside.Na", to: 140)),
                    ScenarioEvent(time: 100, .set(parameter: "outside.K", to: 10))]
        s.duration = 60_000
        let start = try SteadyStateSolver().solve(s).stateVector
        let tr = try solve(s, from: start, recording: .interval(1000))
        #expect(tr.events.map(\.parameter) == ["outside.Na", "outside.K"])
        var changed = s
        changed.events = []
        changed.outside[0] = .millimolar(140)
        changed.outside[1] = .millimolar(10)
        let expected = try SteadyStateSolver().solve(changed).state
        let f = tr.final
        #expect(isClose(f.potential.millivolts, expected.potential.millivolts, within: 1e-5))
        for j in f.inside.indices {
            #expect(isRelativelyClose(f.inside[j].millimolar, expected.inside[j].millimolar, relative: 1e-7))
            #expect(f.outside[j] == changed.outside[j])
        }
        #expect(tr.conservation.worst < 1e-12)
    }

    /// An unknown parameter is refused with the closest names.
    @Test func unknownParameterNamesTheClosest() throws {
        var s = Scenario.kay2017
        s.events = [ScenarioEvent(time: 1, .set(parameter: "pump.activty", to: 0))]
        #expect {
            _ = try Simulation(scenario: s)
        } throws: { error in
            guard case MembraneError.unknownName(_, let value, let suggestions) = error else { return false }
            return value == "pump.activty" && suggestions.contains("pump.activity")
        }
    }
}

extension ModelEventTests {
    /// Blocking a pump the scenario does not have is refused, saying so (not an unknown-parameter puzzle).
    @Test func pumpEventWithoutPumpIsRefused() throws {
        var s = Scenario.kay2017
        s.pump = nil
        #expect {
            _ = try Simulation(scenario: s)
        } throws: { error in
            guard case MembraneError.invalidValue(let field, _, let allowed) = error else { return false }
            return field == "events" && allowed.contains("Na/K pump")
        }
    }
}
