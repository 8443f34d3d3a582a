import Testing
import Foundation
import Membrane
import MembraneReport
import MembraneRequests
import MembraneSweep

/// Binding `--vary` to a command's request: what each OPTION addresses, the grid order, the bodies of the points, and
/// the refusals (every one names the field `vary`).
@Suite("sweep plans")
struct SweepPlanTests {
    static let ghk = GHKRequest(inside: "K=140, Na=12, Cl=7", outside: "K=5,Na=145,Cl=120", permeability: "K=1,Na=0.04,Cl=0.45")

    static func plan(_ request: any MembraneRequest, _ specs: String...) throws -> SweepPlan {
        try SweepPlan(request: request, vary: specs.map(VarySpec.init))
    }

    static func member(_ body: JSONInput, _ key: String) -> JSONInput? {
        guard case .object(let m) = body else { return nil }
        return m.first { $0.key == key }?.value
    }

    /// The first --vary varies slowest: point k = i₀·(n₁·n₂) + i₁·n₂ + i₂.
    @Test func gridOrder() throws {
        let p = try Self.plan(Self.ghk, "temperature=20,30", "pump-ratio=1,1.5,2", "constants=codata2018,neuron-legacy")
        #expect(p.count == 12)
        #expect(p.values(at: 0) == ["20", "1", "codata2018"])
        #expect(p.values(at: 1) == ["20", "1", "neuron-legacy"])
        #expect(p.values(at: 2) == ["20", "1.5", "codata2018"])
        #expect(p.values(at: 7) == ["30", "1", "neuron-legacy"])
        #expect(p.values(at: 11) == ["30", "2", "neuron-legacy"])
        #expect(try Self.plan(Self.ghk).count == 1)
    }

    /// An option's value goes in as the string written (the request layer reads numbers and units from strings);
    /// the request decoded from the body is the request with that field set.
    @Test func optionBecomesTheField() throws {
        let p = try Self.plan(Self.ghk, "temperature=310.15K,20", "pump-ratio=1.5")
        var expected = Self.ghk
        expected.temperature = "310.15K"
        expected.pumpRatio = "1.5"
        #expect(try RequestDecoder().decode(GHKRequest.self, from: p.body(at: 0)) == expected)
        let nernst = NernstRequest(ion: "K", inside: "140", outside: "5")
        var flagged = nernst
        flagged.activities = false
        #expect(try RequestDecoder().decode(NernstRequest.self, from: Self.plan(nernst, "activities=true,false").body(at: 1)) == flagged)
    }

    /// `FIELD.NAME` edits that entry in place (aliases match: `K+` is K), appends an absent catalog ion, and leaves the
    /// rest of the text as written.
    @Test func entriesAreEditedInPlace() throws {
        let p = try Self.plan(Self.ghk, "outside.K+=7.5", "inside.Ca=100nM", "outside.Ca=2", "permeability.Ca=0.1")
        let body = p.body(at: 0)
        #expect(Self.member(body, "outside") == .string("K=7.5,Na=145,Cl=120, Ca=2"))
        #expect(Self.member(body, "inside") == .string("K=140, Na=12, Cl=7, Ca=100nM"))
        #expect(Self.member(body, "permeability") == .string("K=1,Na=0.04,Cl=0.45, Ca=0.1"))
        // Semicolons, custom ions with parenthesised commas, white space and a trailing separator.
        let custom = GHKRequest(inside: " X(z=+1,D=1e-9)=10 ; potassium = 140 ;", outside: "X(z=+1,D=1e-9)=1;K=5",
                                permeability: "X=1,K=1")
        let q = try Self.plan(custom, "inside.X=20", "inside.K=150", "inside.Na=3", "outside.x=2")
        let b = q.body(at: 0)
        #expect(Self.member(b, "inside") == .string("X(z=+1,D=1e-9)=20 ; potassium = 150 ; Na=3"))
        #expect(Self.member(b, "outside") == .string("X(z=+1,D=1e-9)=2;K=5"))
    }

    @Test func unknownOptionIsRefused() throws {
        #expect { try Self.plan(Self.ghk, "temprature=20,30") } throws: { error in
            guard case MembraneError.unknownName(let field, let value, let suggestions) = error else { return false }
            return field == "vary" && value == "temprature" && suggestions.first == "temperature"
        }
        // Options of the command line only (files) are not fields either.
        #expect(throws: MembraneError.self) { try Self.plan(Self.ghk, "plot=a.svg") }
    }

    @Test func unknownIonIsRefused() throws {
        #expect { try Self.plan(Self.ghk, "outside.Kalium=1:10:3") } throws: { error in
            guard case MembraneError.unknownName(let field, let value, let suggestions) = error else { return false }
            return field == "vary" && value == "Kalium" && suggestions.contains("K")
        }
    }

    static func refusal(_ request: any MembraneRequest, _ spec: String, _ expected: String) -> Bool {
        do {
            _ = try plan(request, spec)
            return false
        } catch MembraneError.invalidValue(let field, let value, let allowed) {
            return field == "vary" && value == spec && allowed.contains(expected)
        } catch {
            return false
        }
    }

    @Test func entriesNeedPairs() {
        let nernst = NernstRequest(ion: "K", inside: "140", outside: "5")
        #expect(Self.refusal(nernst, "inside.K=1,2", "`inside` holds \"140\" (a single value or a recipe): vary `inside` itself"))
        let recipe = GHKRequest(inside: "KCl 140, HEPES 10, pH 7.3 KOH", outside: "K=5,Na=145,Cl=120", permeability: "K=1")
        #expect(Self.refusal(recipe, "inside.K=1,2", "a recipe): vary `inside` itself"))
        var report = ReportRequest()
        report.preset = "squid-giant-axon"
        #expect(Self.refusal(report, "outside.K=1,2", "add `outside` to the command"))
    }

    @Test func parametersNeedASetField() {
        #expect(Self.refusal(Self.ghk, "set.g_Na=1,2", "ghk has none"))
    }

    @Test func eachOptionOnce() {
        #expect(throws: MembraneError.self) { try Self.plan(Self.ghk, "temperature=1,2", "temperature=3") }
        #expect(throws: MembraneError.self) { try Self.plan(Self.ghk, "outside=K=5;Cl=5", "outside.K=1,2") }
        #expect(throws: MembraneError.self) { try Self.plan(Self.ghk, "outside.K=1,2", "outside.K+=3") }
        #expect(throws: MembraneError.self) { try Self.plan(SteadyStateRequest(), "config=a.json") }
    }

    /// `set.NAME` (model parameters, `--set NAME=VALUE`) for whatever shape the request's `set` field takes: NAME=VALUE
    /// text, a repeatable option (an array of NAME=VALUE), or absent.
    @Test func parametersAreSetInEveryShape() throws {
        var text = ParameterTextRequest()
        text.set = "g_Na=120, g_NaL=0.02"
        let p = try Self.plan(text, "set.g_Na=100,110", "set.E_L=-60")
        #expect(try RequestDecoder().decode(ParameterTextRequest.self, from: p.body(at: 1)).set == "g_Na=110, g_NaL=0.02, E_L=-60")
        var list = ParameterListRequest()
        list.set = .init(["g_K=36", "g_NaL=0.02, g_KL=0.05"])
        let q = try Self.plan(list, "set.g_KL=0.1", "set.g_Na=100")
        #expect(try RequestDecoder().decode(ParameterListRequest.self, from: q.body(at: 0)).set?.values
                == ["g_K=36", "g_NaL=0.02, g_KL=0.1", "g_Na=100"])
        let r = try Self.plan(ParameterListRequest(), "set.g_Na=100")
        #expect(try RequestDecoder().decode(ParameterListRequest.self, from: r.body(at: 0)).set?.values == ["g_Na=100"])
        let t = try Self.plan(ParameterTextRequest(), "set.g_Na=100")
        #expect(try RequestDecoder().decode(ParameterTextRequest.self, from: t.body(at: 0)).set == "g_Na=100")
    }
}

/// Requests with model parameters as issue 9's commands may have them: `--set NAME=VALUE` as one text of pairs, or
/// repeatable.
struct ParameterTextRequest: MembraneRequest {
    static let command = "parameters-text"
    var set: Assignments?
    enum CodingKeys: String, CodingKey, CaseIterable { case set }
    func run(in context: inout RequestContext) throws -> Echo { Echo(values: [set?.text ?? ""]) }
}

struct ParameterListRequest: MembraneRequest {
    static let command = "parameters-list"
    var set: Repeated<String>?
    enum CodingKeys: String, CodingKey, CaseIterable { case set }
    func run(in context: inout RequestContext) throws -> Echo { Echo(values: set?.values ?? []) }
}

struct Echo: Renderable {
    var values: [String]
    var json: JSONValue { .object([("set", .array(values.map { .string($0) }))]) }
    var text: String { values.joined(separator: "; ") }
}
