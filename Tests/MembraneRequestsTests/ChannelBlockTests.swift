import Testing
import Foundation
import Membrane
import MembraneRequests

/// `--block TTX=f` / `TEA=f` on `simulate hh`: a pore blocker removes a fraction f of the channels, so the run equals
/// the same cell with ḡ scaled by (1 − f); with every Na⁺ channel blocked no action potential can fire (Narahashi,
/// Moore & Scott 1964: TTX abolishes the squid axon's spike).
@Suite("simulate hh: channel block")
struct ChannelBlockTests {
    static func run(_ body: String) throws -> (json: [String: Any], warnings: [String]) {
        var context = RequestContext()
        let result = try RequestCatalog.run(command: "simulate/hh", body: body, context: &context)
        let json = try JSONSerialization.jsonObject(with: Data(result.json.render().utf8)) as! [String: Any]
        return (json, result.inputWarnings)
    }

    static func field(_ body: String) -> String? {
        var context = RequestContext()
        do { _ = try RequestCatalog.run(command: "simulate/hh", body: body, context: &context) } catch let e as MembraneError { return e.field } catch {}
        return nil
    }

    /// A block of f equals ḡ·(1 − f) set by hand: the same spike times to the last bit (the same model is run).
    @Test(arguments: [("TTX", "g_Na", 120.0, 0.25), ("TEA", "g_K", 36.0, 0.4)])
    func blockEqualsScaledConductance(_ blocker: String, _ parameter: String, _ conductance: Double, _ fraction: Double) throws {
        let blocked = try Self.run(#"{"stimulus-uA-per-cm2": 10, "duration": 0.2, "block": "\#(blocker)=\#(fraction)"}"#)
        let scaled = try Self.run(#"{"stimulus-uA-per-cm2": 10, "duration": 0.2, "set": "\#(parameter)=\#(conductance * (1 - fraction))"}"#)
        #expect(blocked.json["spike_times_ms"] as! [Double] == scaled.json["spike_times_ms"] as! [Double])
        let value = ((blocked.json["parameters"] as! [String: Any])[parameter] as! [String: Any])["value"] as! Double
        #expect(abs(value - conductance * (1 - fraction)) < 1e-12 * conductance)
        #expect(blocked.warnings.contains { $0.contains(blocker) && $0.contains(parameter) })
    }

    /// Full TTX block: no spike, neither in the Hodgkin–Huxley axon under 10 µA/cm² (which fires ~68/s unblocked) nor
    /// in the Hübel–Ullah cell after its pump stops (529 spikes unblocked).
    @Test func fullTTXBlockAbolishesSpikes() throws {
        let control = try Self.run(#"{"stimulus-uA-per-cm2": 10, "duration": 0.2}"#)
        #expect((control.json["spike_count"] as! Int) > 5)
        #expect(try Self.run(#"{"stimulus-uA-per-cm2": 10, "duration": 0.2, "block": "TTX=1"}"#).json["spike_count"] as? Int == 0)
        #expect(try Self.run(#"{"preset": "hubel-ullah-2016", "duration": 80, "block": "ttx=1"}"#).json["spike_count"] as? Int == 0)
    }

    @Test func badBlocksNameTheField() {
        #expect(Self.field(#"{"block": "STX=1"}"#) == "block")
        #expect(Self.field(#"{"block": "TTX=1.5"}"#) == "block")
        #expect(Self.field(#"{"block": "TTX=-0.1"}"#) == "block")
        #expect(Self.field(#"{"block": "TTX"}"#) == "block")
    }
}
