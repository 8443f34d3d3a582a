import Testing
import Membrane
import MembraneRequests

/// A template decodes each point to exactly the request the whole body decodes to, with the same errors.
@Suite("request templates")
struct RequestTemplateTests {
    static func members(_ body: String) throws -> [JSONInput.Member] {
        guard case .object(let m) = try JSONInput.parse(body, field: "request") else { return [] }
        return m
    }

    /// The point's body: the base with `point` set (replaced in place, or appended).
    static func whole(_ base: [JSONInput.Member], _ point: [JSONInput.Member]) -> JSONInput {
        var members = base
        for m in point {
            if let i = members.firstIndex(where: { $0.key == m.key }) { members[i] = m } else { members.append(m) }
        }
        return .object(members)
    }

    static func outcome<R: MembraneRequest>(_ body: () throws -> R) -> Result<R, MembraneError> {
        do { return .success(try body()) } catch let e as MembraneError { return .failure(e) } catch {
            Issue.record("not a MembraneError: \(error)")
            return .failure(.invalidValue(field: "", value: "", allowed: ""))
        }
    }

    func check<R: MembraneRequest>(_ type: R.Type, base body: String, varied: Set<String>, points: [String]) throws {
        let base = try Self.members(body)
        let template = try RequestTemplate<R>(base: base, varied: varied)
        for point in points {
            let p = try Self.members(point)
            let viaTemplate = Self.outcome { try template.decode(p) }
            let viaWhole = Self.outcome { try RequestDecoder().decode(R.self, from: Self.whole(base, p)) }
            #expect(viaTemplate == viaWhole, "\(point)")
        }
        // The template itself is a point.
        #expect(try template.decode(base.filter { varied.contains($0.key) }) == RequestDecoder().decode(R.self, from: .object(base)))
    }

    @Test func optionsAndEntries() throws {
        try check(GHKRequest.self, base: #"{"inside": "K=140,Na=12,Cl=7", "outside": {"K": 5, "Na": 145}, "permeability": "K=1,Na=0.04"}"#,
                  varied: ["temperature", "outside"],
                  points: [#"{"temperature": "20", "outside": "K=1,Na=145"}"#, #"{"temperature": 310.15, "outside": {"K": "2mM"}}"#,
                           #"{"temperature": true, "outside": "K=1"}"#, #"{"temperature": "20", "outside": null}"#,
                           #"{"temperature": null, "outside": ["K=1"]}"#, #"{"outside": "K=3"}"#])
    }

    @Test func integersFlagsAndTypedConfigurations() throws {
        try check(SteadyStateRequest.self, base: #"{"preset": "kay-2017", "config": {"pump": {"kinetics": "constant"}}, "max-iterations": 40}"#,
                  varied: ["pump-current-uA-per-cm2", "max-iterations"],
                  points: [#"{"pump-current-uA-per-cm2": "0.5", "max-iterations": 3}"#, #"{"pump-current-uA-per-cm2": 1, "max-iterations": "7"}"#,
                           #"{"pump-current-uA-per-cm2": "1", "max-iterations": 2.5}"#, #"{"pump-current-uA-per-cm2": [1]}"#])
        try check(NernstRequest.self, base: #"{"ion": "K", "inside": 140, "outside": 5, "activities": false}"#,
                  varied: ["activities", "ion"],
                  points: [#"{"activities": true, "ion": "Na"}"#, #"{"activities": "yes", "ion": "K"}"#, #"{"ion": 19}"#])
    }

    /// A varied key the request does not have is refused as a whole body's unknown key would be.
    @Test func unknownVariedKeys() throws {
        let base = try Self.members(#"{"ion": "K", "inside": 140, "outside": 5}"#)
        #expect(throws: MembraneError.self) { try RequestTemplate<NernstRequest>(base: base, varied: ["insde"]) }
    }
}
