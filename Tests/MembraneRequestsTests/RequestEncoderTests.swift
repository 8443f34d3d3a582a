import Testing
import Foundation
import Membrane
import MembraneRequests

/// `RequestEncoder` writes the body `RequestDecoder` reads back: the same request, members in their order.
@Suite("request encoder")
struct RequestEncoderTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every documented configuration file reads back unchanged, its ions in the order written (Foundation's
    /// JSONEncoder with sorted keys would reorder them; without, its order is not defined).
    @Test(arguments: ["kay-2017-extracellular-impermeant.json", "neuron-cotransporters.json"])
    func configurationsReadBack(file: String) throws {
        let text = try String(contentsOf: Self.repo.appendingPathComponent("docs/examples/\(file)"), encoding: .utf8)
        var request = SteadyStateRequest()
        request.config = try PumpLeakConfig.decode(text)
        request.pumpCurrent = "0.7"
        let body = try RequestEncoder().encode(request)
        #expect(try RequestDecoder().decode(SteadyStateRequest.self, from: body) == request)
        #expect(body.compactText.contains(#""outside_mM":{"Na":147,"K":3,"Cl":50}"#) || file != "kay-2017-extracellular-impermeant.json")
    }

    /// Members in the order the type encodes them (its coding keys'), optionals left out, strings kept as written,
    /// numbers in their shortest round-trip form, arrays for repeatable options, `null` where null is a value.
    @Test func shapes() throws {
        var donnan = DonnanRequest(outside: "K=100, Cl=100", permeant: "K,Cl")
        donnan.insideImpermeant = ["charge=-1,concentration=50", "charge=-2,concentration=10"]
        let body = try RequestEncoder().encode(donnan)
        #expect(body.compactText == #"{"outside":"K=100, Cl=100","permeant":"K,Cl","inside-impermeant":["charge=-1,concentration=50","charge=-2,concentration=10"]}"#)
        #expect(try RequestDecoder().decode(DonnanRequest.self, from: body) == donnan)
        #expect(try RequestEncoder().encode([0.1, 1e-21, 140, -0.0]).compactText == "[0.1,1e-21,140,0]")
        #expect(try RequestEncoder().encode(Nullable<Double>.null).compactText == "null")
        #expect(throws: EncodingError.self) { try RequestEncoder().encode([Double.nan]) }
    }
}
