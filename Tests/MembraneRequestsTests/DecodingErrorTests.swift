import Testing
import Membrane
import MembraneRequests

/// Bad JSON bodies are refused with an error that names the field (by its key, or its path inside `config`), quotes
/// the value as sent and says what is allowed; they are input errors (exit 64, HTTP 400), never a crash.
@Suite("request decoding errors")
struct DecodingErrorTests {
    func error(_ command: String, _ body: String) -> MembraneError? {
        var context = RequestContext()
        do {
            _ = try RequestCatalog.run(command: command, body: body, context: &context)
            return nil
        } catch let e as MembraneError {
            return e
        } catch {
            Issue.record("not a MembraneError: \(error)")
            return nil
        }
    }

    @Test(arguments: [
        // wrong types
        ("nernst", #"{"ion": "K", "inside": true, "outside": 5}"#, "inside", "true"),
        ("nernst", #"{"ion": 19, "inside": 140, "outside": 5}"#, "ion", "19"),
        ("nernst", #"{"ion": "K", "inside": 140, "outside": 5, "valence": "two"}"#, "valence", "\"two\""),
        ("nernst", #"{"ion": "K", "inside": 140, "outside": 5, "valence": 1.5}"#, "valence", "1.5"),
        ("nernst", #"{"ion": "K", "inside": 140, "outside": 5, "activities": "yes"}"#, "activities", "\"yes\""),
        ("ghk", #"{"inside": {"K": [140]}, "outside": "K=5", "permeability": "K=1"}"#, "inside.K", "[140]"),
        ("ghk", #"{"inside": ["K=140"], "outside": "K=5", "permeability": "K=1"}"#, "inside", #"["K=140"]"#),
        ("donnan", #"{"outside": "K=100,Cl=100", "permeant": [1, 2]}"#, "permeant[0]", "1"),
        ("microdomain", #"{"current-pA": 0.5, "distance-nm": 10, "inside": "100nM", "outside": 2, "buffer": [5]}"#, "buffer[0]", "5"),
        // missing required fields
        ("nernst", #"{"inside": 140, "outside": 5}"#, "ion", ""),
        ("nernst", #"{"ion": "K", "inside": null, "outside": 5}"#, "inside", "null"),
        ("drive", #"{"ion": "Na", "inside": 12, "outside": 145}"#, "vm", ""),
        ("ljp", #"{"pipette": "K=140,Cl=140"}"#, "bath", ""),
        // unknown keys, before anything else (here "inside" is missing too)
        ("nernst", #"{"ion": "K", "insde": 140, "outside": 5}"#, "insde", "insde"),
        ("presets", #"{"preset": "kay-2017"}"#, "preset", "preset"),
        ("plant", #"{"preset": "arabidopsis-root", "k_outside": 1}"#, "k_outside", "k_outside"),
        // out of the domain, as the command line says it
        ("nernst", #"{"ion": "K", "inside": -1, "outside": 5}"#, "inside", "-1"),
        ("nernst", #"{"ion": "K", "inside": "nan", "outside": 5}"#, "inside", "nan"),
        ("nernst", #"{"ion": "K", "inside": 1e999, "outside": 5}"#, "inside", "1e999"),
        ("nernst", #"{"ion": "K", "inside": "140 mmol", "outside": 5}"#, "inside", "140 mmol"),
        ("nernst", #"{"ion": "K", "inside": 140, "outside": 5, "temperature": "-5K"}"#, "temperature", "-5K"),
        ("charge", #"{"vm": -80, "radius-um": -3}"#, "radius-um", "-3"),
        ("charge", #"{"vm": -80, "radius-um": 10, "capacitance-uF-per-cm2": "0"}"#, "capacitance-uF-per-cm2", "0"),
        ("ghk-current", #"{"ion": "K", "inside": 140, "outside": 5, "permeability": -1e-6}"#, "permeability", "-1e-6"),
        ("donnan", #"{"outside": "K=100,Cl=100", "inside-impermeant": "charge=-1,concentration=5", "permeant": "K,Cl", "compartment": "walled", "wall-modulus-MPa": -5}"#, "wall-modulus-MPa", "-5"),
        ("steady-state", #"{"atp-mM": -1}"#, "atp-mM", "-1"),
        ("simulate/pump-leak", #"{"duration": 10, "rtol": 2}"#, "rtol", "2"),
        ("simulate/pump-leak", #"{"duration": 10, "interval": 0}"#, "interval", "0"),
        ("simulate/pump-leak", #"{"duration": 10, "pump-block-at": "-1s"}"#, "pump-block-at", "-1s"),
        ("steady-state", #"{"pump-rate": -1}"#, "pump-rate", "-1"),
        ("microdomain", #"{"current-pA": -99.5, "distance-nm": 10, "inside": "100nM", "outside": 2}"#, "current-pA", "-99.5"),
        ("microdomain", #"{"current-pA": 0.5, "distance-nm": 10, "inside": "100nM", "outside": 2, "spacing-nm": -30, "channels": 4}"#, "spacing-nm", "-30"),
        ("noise", #"{"conductance-nS": -2.7, "bandwidth-Hz": 100}"#, "conductance-nS", "-2.7"),
        ("pmf", #"{"delta-psi-mV": 5000, "ph-inside": 7, "ph-outside": 7}"#, "delta-psi-mV", "5000"),
        // unknown names
        ("nernst", #"{"ion": "Kalium", "inside": 140, "outside": 5}"#, "ion", "Kalium"),
        ("ghk", #"{"inside": {"K": 140}, "outside": {"K": 5}, "permeability": {"Q": 1}}"#, "permeability", "Q"),
        ("report", #"{"preset": "octopus"}"#, "preset", "octopus"),
        ("steady-state", #"{"preset": "hodgkin-huxley-99"}"#, "preset", "hodgkin-huxley-99"),
        ("activity", #"{"solution": "Na=145", "model": "magic"}"#, "model", "magic"),
        ("ljp", #"{"pipette": "K=140,Cl=140", "bath": "K=4,Cl=4", "method": "magic"}"#, "method", "magic"),
        ("simulate/pump-leak", #"{"method": "euler"}"#, "method", "euler"),
        // the configuration, by key path
        ("steady-state", #"{"config": {"temprature_C": 30}}"#, "config", "temprature_C"),
        ("steady-state", #"{"config": {"pump": {"kinetcs": "constant"}}}"#, "config.pump", "kinetcs"),
        ("steady-state", #"{"config": {"pump": {"kinetics": "warp"}}}"#, "config.pump.kinetics", "warp"),
        ("steady-state", #"{"config": {"inside_mM": {"Na": true}}}"#, "config.inside_mM.Na", "true"),
        ("steady-state", #"{"config": {"events": [{"time_s": 1, "action": "block"}, {"time_s": "soon", "action": "block"}]}}"#,
         "config.events[1].time_s", "\"soon\""),
        ("steady-state", #"{"config": {"events": [{"time_s": 1}]}}"#, "config.events[0].action", ""),
        ("steady-state", #"{"config": {"water": {"model": "osmotic"}}}"#, "config.water.osmotic_permeability_um_per_s", ""),
        ("steady-state", #"{"config": {"radius_um": 0}}"#, "config.radius_um", "0"),
        ("steady-state", #"{"config": {"inside_mM": {"Na": -5}}}"#, "config.inside_mM.Na", "-5"),
        // malformed JSON
        ("nernst", #"{"ion": "K", "inside": 140,"#, "request", ""),
        ("nernst", #"{"ion": "K", "inside": NaN, "outside": 5}"#, "request", "NaN, \"outside\": 5}"),
        ("nernst", #"{"ion": "K", "ion": "Na", "inside": 1, "outside": 2}"#, "request", "\"ion\": \"Na\", \"inside\": 1"),
        ("nernst", #"["K", 140, 5]"#, "request", #"["K",140,5]"#),
    ])
    func namesTheField(command: String, body: String, field: String, value: String) throws {
        let e = try #require(error(command, body), "\(body) must be refused")
        #expect(e.field == field, "\(body): \(e)")
        #expect(e.value == value, "\(body): \(e)")
        #expect(ExitStatus(for: e) == .invalidInput && ExitStatus(for: e).httpStatus == 400)
        #expect(!e.message.isEmpty)
    }

    /// An unknown key is reported with the closest known keys, so a typo can be fixed from the message.
    @Test func unknownKeySuggestsTheClosest() throws {
        let e = try #require(error("nernst", #"{"ion": "K", "inside": 140, "outside": 5, "gama-inside": 0.8}"#))
        guard case .unknownName(_, _, let suggestions) = e else { Issue.record("\(e)"); return }
        #expect(suggestions.first == "gamma-inside")
        let config = try #require(error("steady-state", #"{"config": {"temprature_C": 30}}"#))
        guard case .unknownName(_, _, let configSuggestions) = config else { Issue.record("\(config)"); return }
        #expect(configSuggestions.first == "temperature_C")
    }

    @Test func unknownCommand() throws {
        let e = try #require(error("nernts", "{}"))
        #expect(e.field == "command")
        guard case .unknownName(_, _, let suggestions) = e else { Issue.record("\(e)"); return }
        #expect(suggestions.first == "nernst")
    }

    /// Deep nesting and huge inputs are refused or handled, never a stack overflow.
    @Test func deepNestingIsRefused() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let e = try #require(error("nernst", #"{"ion": "K", "inside": "# + deep + "}"))
        #expect(e.field == "request")
        #expect(e.message.contains("nesting"))
    }

    /// A syntax error says where it is.
    @Test func syntaxErrorsGiveLineAndColumn() throws {
        let e = try #require(error("nernst", "{\n  \"ion\": 'K'\n}"))
        #expect(e.message.contains("line 2, column 10"), "\(e.message)")
    }
}
