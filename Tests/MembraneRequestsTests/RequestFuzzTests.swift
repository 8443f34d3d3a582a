import Testing
import Foundation
import Membrane
import MembraneReport
import MembraneRequests

/// Hostile inputs through the request layer, for every command (what the command line and the server both run):
/// each case puts one input of ``FuzzInputs`` in place of one member of a valid body and asserts the invariants
/// of docs/CLI-CONTRACT.md §8 — either a result whose every number is finite (in the JSON and as words in the
/// text), or a ``MembraneError`` with a field and a message of bounded length; never another error, a trap or a
/// run that cannot be stopped (simulations are stopped after 2 s, as a server's time limit stops them). The cases are drawn with a fixed seed, so every run tries the same ones.
@Suite("fuzz: hostile inputs through the request layer")
struct RequestFuzzTests {
    /// A valid body per command, and how many cases to draw for it (fewer for the commands that integrate or iterate).
    struct Target: Sendable {
        var command: String
        var body: [(String, String)]
        var cases: Int
        /// Keys left as they are (a simulation's length and step controls: bounded by the simulation's own checks).
        var fixed: Set<String> = []
    }

    static let simulationControls: Set<String> = ["duration", "interval", "max-steps", "max-step", "rtol", "atol", "cells", "method"]

    static let targets: [Target] = [
        Target(command: "nernst", body: [("ion", "\"K\""), ("inside", "140"), ("outside", "5")], cases: 400),
        Target(command: "ghk", body: [("inside", "\"K=140,Na=12,Cl=7\""), ("outside", "\"K=5,Na=145,Cl=120\""),
                                      ("permeability", "\"K=1,Na=0.04,Cl=0.45\"")], cases: 300),
        Target(command: "ghk-current", body: [("ion", "\"K\""), ("inside", "140"), ("outside", "5"), ("permeability", "1e-6"),
                                              ("voltage", "-20")], cases: 300),
        Target(command: "drive", body: [("ion", "\"Na\""), ("inside", "12"), ("outside", "145"), ("vm", "-70")], cases: 300),
        Target(command: "charge", body: [("vm", "-80"), ("radius-um", "10"), ("ion", "\"K\""), ("inside", "140")], cases: 300),
        Target(command: "chord", body: [("conductance", "\"K=1,Na=0.05,Cl=0.2\""), ("reversal", "\"K=-89,Na=61,Cl=-76\"")], cases: 300),
        Target(command: "permeability-ratio", body: [("reference", "\"Cs\""), ("inside", "140"), ("test", "\"Ca\""), ("outside", "10"),
                                                     ("reversal", "20")], cases: 200),
        Target(command: "report", body: [("preset", "\"mammalian-neuron\"")], cases: 200),
        Target(command: "activity", body: [("solution", "\"Na=145, K=5, Cl=120, Ca=2\""), ("model", "\"davies\"")], cases: 200),
        Target(command: "osmolarity", body: [("solution", "\"NaCl 150\""), ("target-osmolarity", "\"290±10\"")], cases: 150),
        Target(command: "recipe", body: [("recipe", "\"KCl 140, HEPES 10, pH 7.3 KOH\"")], cases: 150),
        Target(command: "ljp", body: [("pipette", "\"K=140,Cl=140\""), ("bath", "\"Na=150,Cl=150\""), ("method", "\"henderson\"")], cases: 150),
        Target(command: "donnan", body: [("outside", "\"K=100,Cl=100\""), ("inside-impermeant", "\"charge=-1.2,concentration=120\""),
                                         ("permeant", "\"K,Cl\"")], cases: 100),
        Target(command: "ions", body: [("temperature", "25")], cases: 60),
        Target(command: "presets", body: [], cases: 20),
        Target(command: "microdomain", body: [("current-pA", "0.5"), ("distance-nm", "10"), ("inside", "\"100nM\""), ("outside", "2")], cases: 150),
        Target(command: "noise", body: [("conductance-nS", "1"), ("bandwidth-Hz", "1000"), ("capacitance-pF", "10")], cases: 150),
        Target(command: "pmf", body: [("delta-psi-mV", "-150"), ("ph-inside", "7.8"), ("ph-outside", "7.0")], cases: 100),
        Target(command: "plant", body: [("preset", "\"arabidopsis-root\"")], cases: 100),
        Target(command: "hyperkalemia", body: [("k-o", "\"16\"")], cases: 40),
        Target(command: "lesson/show", body: [("name", "\"driving-force\"")], cases: 20),
        Target(command: "steady-state", body: [("preset", "\"keener-sneyd\""), ("pump-rate", "3")], cases: 60),
        Target(command: "simulate/pump-leak", body: [("preset", "\"kay-2017\""), ("duration", "10"), ("interval", "5")], cases: 30,
               fixed: simulationControls),
        Target(command: "simulate/hh", body: [("preset", "\"hodgkin-huxley-1952\""), ("duration", "0.002")], cases: 20,
               fixed: simulationControls),
    ]

    /// The seed of the draw.
    static let seed: UInt64 = 0x4D45_4D42_5241_4E45

    /// One drawn case: the body with one member replaced (or added).
    static func cases(for target: Target) -> [(key: String, value: String, body: String)] {
        guard let type = RequestCatalog.type(for: target.command) else { return [] }
        var rng = SplitMix64(seed: seed ^ UInt64(truncatingIfNeeded: target.command.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }))
        // The command's keys, and two it does not have (refused as unknown keys).
        let keys = type.fieldNames.filter { !target.fixed.contains($0) && $0 != "profile" && $0 != "plot" && $0 != "csv" && $0 != "output" }
            + ["unknown-key", ""]
        return (0..<target.cases).map { _ in
            let key = keys.randomElement(using: &rng)!
            let value = FuzzInputs.all.randomElement(using: &rng)!
            var members = target.body.filter { $0.0 != key }
            members.append((key, value))
            let body = "{" + members.map { JSONValue.string($0.0).render(pretty: false) + ": " + $0.1 }.joined(separator: ", ") + "}"
            return (key, value, body)
        }
    }

    /// The invariants of one run; returns a description of the violation, or nil.
    static func violation(command: String, body: String) -> String? {
        let clock = ContinuousClock()
        let start = clock.now
        // A long run (a stiff simulation at a hostile but valid value) is stopped after 2 s, as a server's time
        // limit stops it: the partial result with status 130 is a clean answer too.
        let deadline = start + .seconds(2)
        var context = RequestContext(shouldStop: { ContinuousClock().now > deadline })
        let outcome: String?
        do {
            let r = try RequestCatalog.run(command: command, body: body, context: &context)
            if let path = r.json.firstNonFinite() { outcome = "a non-finite number in the JSON at \(path)" }
            else if showsNonFinite(r.text) { outcome = "a non-finite number in the text: \(r.text.prefix(300))" }
            else { outcome = nil }
        } catch let error as MembraneError {
            if error.field.isEmpty { outcome = "an error without a field: \(error.message)" }
            else if error.message.isEmpty { outcome = "an error without a message (field \(error.field))" }
            else if error.message.count > 2000 { outcome = "an error message of \(error.message.count) characters" }
            else { outcome = nil }
        } catch {
            outcome = "not a MembraneError: \(error)"
        }
        let elapsed = clock.now - start
        if elapsed > .seconds(4) { return "took \(elapsed)" + (outcome.map { "; " + $0 } ?? "") }
        return outcome
    }

    @Test("every command answers or refuses each hostile input cleanly", arguments: targets.map(\.command))
    func hostileInputs(command: String) {
        let target = Self.targets.first { $0.command == command }!
        // FUZZ_VERBOSE=1: each case and its time on stderr; FUZZ_ONLY=COMMAND: that command's cases only.
        let environment = ProcessInfo.processInfo.environment
        if let only = environment["FUZZ_ONLY"], only != command { return }
        for c in Self.cases(for: target) {
            let start = ContinuousClock.now
            if environment["FUZZ_VERBOSE"] == "2" { FileHandle.standardError.write(Data("start \(command) \(c.body.prefix(300))\n".utf8)) }
            let v = Self.violation(command: command, body: c.body)
            if environment["FUZZ_VERBOSE"] != nil {
                FileHandle.standardError.write(Data("fuzz \(command) \(c.key) = \(c.value.prefix(60)): \(ContinuousClock.now - start) \(v.map { String($0.prefix(200)) } ?? "ok")\n".utf8))
            }
            if let v {
                Issue.record("\(command) with \(c.key) = \(c.value.prefix(80)): \(v)")
            }
        }
    }

    /// Every command in the catalog has a target (a command added later is fuzzed too); of the lessons, `lesson/show`.
    @Test func everyCommandIsFuzzed() {
        let fuzzed = Set(Self.targets.map(\.command))
        for type in RequestCatalog.all where !type.command.hasPrefix("lesson") {
            #expect(fuzzed.contains(type.command), "no fuzz target for \(type.command)")
        }
    }

    /// Whole bodies that are not JSON objects, or objects with hostile keys: refused with a field named.
    @Test("malformed bodies are refused with a field", arguments: ["nernst", "ghk", "steady-state", "recipe"])
    func malformedBodies(command: String) {
        let bodies = ["", " ", "[]", "null", "1e308", "\"K\"", "{", "{\"ion\": }", "{\"ion\": \"K\", \"ion\": \"Na\"}",
                      "{\"" + String(repeating: "k", count: 100_000) + "\": 1}", String(repeating: "[", count: 10_000),
                      "{\"ion\": \"K\", \"inside\": NaN, \"outside\": 5}", "{\"ion\": \"K\", \"inside\": Infinity, \"outside\": 5}",
                      "{\"\\ud800\": 1}", "\u{FEFF}{}"]
        for body in bodies {
            if let v = Self.violation(command: command, body: body) { Issue.record("\(command) body \(body.prefix(40)): \(v)") }
        }
    }
}
