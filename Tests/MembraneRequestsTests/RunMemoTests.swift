import Testing
import Membrane
import MembraneRequests

/// Values shared between runs (``RunMemo``) are only those that cannot differ between them.
@Suite("run memo")
struct RunMemoTests {
    /// Kept when every varied field is one the value does not depend on; computed each time otherwise.
    @Test func keptOnlyWhenIndependentOfEveryVariedField() {
        var computed = 0
        let memo = RunMemo(varied: ["pump-rate"])
        for _ in 0..<3 { _ = memo.value("x", independentOf: ["pump-rate", "pump-current-uA-per-cm2"]) { computed += 1; return computed } }
        #expect(computed == 1)
        #expect(memo.value("x", independentOf: ["pump-rate"]) { -1 } == 1)
        let other = RunMemo(varied: ["pump-rate", "temperature"])
        for _ in 0..<3 { _ = other.value("x", independentOf: ["pump-rate"]) { computed += 1; return computed } }
        #expect(computed == 4)
        // A kept nil is a value, not a miss.
        var nils = 0
        for _ in 0..<2 { _ = memo.value("none", independentOf: ["pump-rate"]) { () -> Int? in nils += 1; return nil } }
        #expect(nils == 1)
    }

    /// Results of pure functions are kept by key (the latest `capacity` of them), whatever the varied fields.
    @Test func pureResultsKeptByKey() {
        let memo = RunMemo(varied: ["temperature"])
        var computed = 0
        func parse(_ text: String) -> String { memo.value(of: ["upper", text]) { computed += 1; return text.uppercased() } }
        #expect(parse("k=1") == "K=1" && parse("na=2") == "NA=2" && parse("k=1") == "K=1")
        #expect(computed == 2)
        for i in 0..<RunMemo.capacity { _ = parse("x\(i)") }
        #expect(parse("k=1") == "K=1")
        #expect(computed == 2 + RunMemo.capacity + 1)
        // The same key with another result type is another result.
        #expect(memo.value(of: ["upper", "k=1"]) { 7 } == 7)
    }

    /// The claim the steady state's memo rests on: the range of pump rates with a steady state is a property of the
    /// cell and its bath, the same to the bit whatever the scenario's own pump rate and activity (Keener & Sneyd's
    /// P_max = 14.22 is inside it, ch. 2).
    @Test(arguments: ["kay-2017", "keener-sneyd"])
    func existenceRangeDoesNotDependOnThePumpRate(preset: String) throws {
        let base = try Scenario.pumpLeakPreset(named: preset)
        let reference = try #require(SteadyStateExistence.pumpRateRange(base)).intervals
        #expect(!reference.isEmpty)
        for (rate, activity) in [(0.0, 1.0), (1e-9, 0.5), (3e-7, 0.0), (2e-5, 1.0)] {
            var s = base
            s.pump!.maximalRate = rate
            s.pumpActivity = activity
            #expect(try #require(SteadyStateExistence.pumpRateRange(s)).intervals == reference, "rate \(rate), activity \(activity)")
        }
    }

    /// A sweep's points share one memo per thread: every point still prints what the single request prints.
    @Test func steadyStatesWithAMemoEqualThoseWithout() throws {
        let memo = RunMemo(varied: ["pump-current-uA-per-cm2"])
        for current in ["0.3", "1", "12"] {
            let body = #"{"preset": "kay-2017", "pump-current-uA-per-cm2": "\#(current)"}"#
            var shared = RequestContext()
            shared.memo = memo
            var alone = RequestContext()
            let a = try RequestCatalog.run(command: "steady-state", body: body, context: &shared).json.render()
            let b = try RequestCatalog.run(command: "steady-state", body: body, context: &alone).json.render()
            #expect(a == b)
            #expect(a.contains("\"existence\""))
        }
    }
}
