import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MembraneRequests
import MembraneTestSupport
import MembraneWorkbench
import Testing

/// For every command, `membrane <command> … --json` (the built binary) prints byte for byte what
/// `POST /api/<command>` answers for the same inputs, written as a browser would send them.
@Suite("API ≡ command line")
struct APICLIEquivalenceTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var command: String
        var arguments: [String]
        var body: String
        /// Files the command line reads (name → content), written to a fresh directory; an argument equal to a
        /// name becomes that file's path.
        var files: [String: String] = [:]
        var testDescription: String { "\(command) \(arguments.joined(separator: " "))" }
    }

    static let cases: [Case] = [
        Case(command: "report", arguments: ["--preset", "squid-giant-axon", "--vm", "-60"], body: #"{"preset": "squid-giant-axon", "vm": -60}"#),
        Case(command: "nernst", arguments: ["--ion", "Ca", "--inside", "100nM", "--outside", "2", "--temperature", "34"],
             body: #"{"ion": "Ca", "inside": "100nM", "outside": 2, "temperature": 34}"#),
        Case(command: "ghk", arguments: ["--inside", "K=140,Na=12,Cl=7", "--outside", "K=20,Na=145,Cl=120", "--permeability", "K=1,Na=0.04,Cl=0.45", "--pump-ratio", "1.5"],
             body: #"{"inside": {"K": 140, "Na": 12, "Cl": 7}, "outside": {"K": 20, "Na": 145, "Cl": 120}, "permeability": {"K": 1, "Na": 0.04, "Cl": 0.45}, "pump-ratio": 1.5}"#),
        Case(command: "ghk-current", arguments: ["--ion", "K", "--inside", "140", "--outside", "5", "--permeability", "1e-6", "--from", "-100", "--to", "50", "--step", "25"],
             body: #"{"ion": "K", "inside": 140, "outside": 5, "permeability": 1e-6, "from": -100, "to": 50, "step": 25}"#),
        Case(command: "drive", arguments: ["--ion", "Cl", "--inside", "7", "--outside", "120", "--vm", "-70"],
             body: #"{"ion": "Cl", "inside": 7, "outside": 120, "vm": -70}"#),
        Case(command: "charge", arguments: ["--vm", "-70", "--radius-um", "5", "--ion", "Na", "--inside", "12"],
             body: #"{"vm": -70, "radius-um": 5, "ion": "Na", "inside": 12}"#),
        Case(command: "chord", arguments: ["--conductance", "K=1,Na=0.05", "--inside", "K=140,Na=12", "--outside", "K=5,Na=145"],
             body: #"{"conductance": "K=1, Na=0.05", "inside": {"K": 140, "Na": 12}, "outside": {"K": 5, "Na": 145}}"#),
        Case(command: "permeability-ratio", arguments: ["--test", "Na", "--inside-solution", "K=140,Na=10", "--outside-solution", "K=5,Na=145", "--known", "K=1", "--reversal", "-60"],
             body: #"{"test": "Na", "inside-solution": {"K": 140, "Na": 10}, "outside-solution": {"K": 5, "Na": 145}, "known": {"K": 1}, "reversal": -60}"#),
        Case(command: "ljp", arguments: ["--pipette", "K=145,Na=13,Cl=10,gluconate=145,Mg=1,HEPES=5", "--bath", "K=2.8,Na=145,Cl=148.8,Mg=2,Ca=1,HEPES=5", "--measured-vm", "-48.1"],
             body: #"{"pipette": {"K": 145, "Na": 13, "Cl": 10, "gluconate": 145, "Mg": 1, "HEPES": 5}, "bath": {"K": 2.8, "Na": 145, "Cl": 148.8, "Mg": 2, "Ca": 1, "HEPES": 5}, "measured-vm": -48.1}"#),
        Case(command: "activity", arguments: ["--solution", "Na=145,K=5,Cl=120,Ca=2,HCO3=25", "--model", "pitzer"],
             body: #"{"solution": {"Na": 145, "K": 5, "Cl": 120, "Ca": 2, "HCO3": 25}, "model": "pitzer"}"#),
        Case(command: "osmolarity", arguments: ["--solution", "NaCl 140, KCl 5, glucose 10"], body: #"{"solution": "NaCl 140, KCl 5, glucose 10"}"#),
        Case(command: "recipe", arguments: ["NaCl 125, KCl 2.5, NaHCO3 25, CaCl2 2, MgCl2 1, glucose 25, pH 7.4 NaOH"],
             body: #"{"recipe": "NaCl 125, KCl 2.5, NaHCO3 25, CaCl2 2, MgCl2 1, glucose 25, pH 7.4 NaOH"}"#),
        Case(command: "donnan", arguments: ["--outside", "K=100,Cl=100,Na=20", "--inside-impermeant", "charge=-1,concentration=50", "--outside-impermeant", "charge=-1,concentration=20",
                                            "--permeant", "K,Cl", "--compartment", "osmotic"],
             body: #"{"outside": {"K": 100, "Cl": 100, "Na": 20}, "inside-impermeant": [{"charge": -1, "concentration": 50}], "outside-impermeant": "charge=-1,concentration=20", "permeant": ["K", "Cl"], "compartment": "osmotic"}"#),
        Case(command: "presets", arguments: [], body: "{}"),
        Case(command: "ions", arguments: ["--temperature", "20"], body: #"{"temperature": 20}"#),
        Case(command: "steady-state", arguments: ["--preset", "keener-sneyd", "--sweep", "1:10:4"], body: #"{"preset": "keener-sneyd", "sweep": "1:10:4"}"#),
        Case(command: "simulate/pump-leak", arguments: ["--preset", "kay-2017", "--pump-block-at", "0", "--duration", "300", "--interval", "60"],
             body: #"{"preset": "kay-2017", "pump-block-at": 0, "duration": 300, "interval": 60}"#),
        Case(command: "simulate/hh", arguments: ["--cells", "4", "--stimulus-uA-per-cm2", "5:15", "--duration", "0.05", "--set", "g_K=30"],
             body: #"{"cells": 4, "stimulus-uA-per-cm2": "5:15", "duration": 0.05, "set": {"g_K": 30}}"#),
        Case(command: "microdomain", arguments: ["--current-pA", "0.3", "--distance-nm", "20", "--inside", "100nM", "--outside", "2", "--buffer", "EGTA=10"],
             body: #"{"current-pA": 0.3, "distance-nm": 20, "inside": "100nM", "outside": 2, "buffer": ["EGTA=10"]}"#),
        Case(command: "noise", arguments: ["--ion", "K", "--inside", "140", "--outside", "5", "--permeability", "1e-6", "--area-um2", "100", "--vm", "-50"],
             body: #"{"ion": "K", "inside": 140, "outside": 5, "permeability": 1e-6, "area-um2": 100, "vm": -50}"#),
        Case(command: "pmf", arguments: ["--preset", "mitochondrion-state-4"], body: #"{"preset": "mitochondrion-state-4"}"#),
        Case(command: "plant", arguments: ["--preset", "arabidopsis-root"], body: #"{"preset": "arabidopsis-root"}"#),
        Case(command: "hyperkalemia", arguments: ["--preset", "hodgkin-huxley-1952", "--k-o", "2.5,10"],
             body: #"{"preset": "hodgkin-huxley-1952", "k-o": "2.5,10"}"#),
        Case(command: "lesson/list", arguments: [], body: "{}"),
        Case(command: "lesson/show", arguments: ["driving-force"], body: #"{"name": "driving-force"}"#),
        Case(command: "lesson/key", arguments: ["donnan-dead-cell"], body: #"{"name": "donnan-dead-cell"}"#),
        Case(command: "lesson/grade", arguments: ["nernst-valence", "--answers", "answers.json"],
             body: #"{"name": "nernst-valence", "answers": {"E_K": "-89 mV", "E_Ca": 64.2, "halving": "Half"}}"#,
             files: ["answers.json": #"{"E_K": "-89 mV", "E_Ca": 64.2, "halving": "Half"}"#]),
    ]

    /// A simulation's wall-clock time differs between runs; every other line must agree.
    static func comparable(_ json: String) -> String {
        json.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("\"wall_time_s\"") }.joined(separator: "\n")
    }

    @Test(arguments: cases)
    func sameBytes(_ c: Case) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("membrane-equivalence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, content) in c.files { try content.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let arguments = c.arguments.map { c.files[$0] == nil ? $0 : directory.appendingPathComponent($0).path }
        let cli = try runMembrane(c.command.split(separator: "/").map(String.init) + arguments + ["--json"])
        #expect(cli.status == 0, "\(cli.stderr)")
        try await workbench().test(.router) { client in
            let api = try await client.post("/api/\(c.command)", c.body)
            #expect(api.status == .ok)
            #expect(Self.comparable(api.body) == Self.comparable(cli.stdout))
        }
    }

    /// Bad input: the API's error object is the one `--json` writes on stderr.
    @Test func sameErrorObject() async throws {
        let cli = try runMembrane(["nernst", "--ion", "Kalium", "--inside", "140", "--outside", "5", "--json"])
        try await workbench().test(.router) { client in
            let api = try await client.post("/api/nernst", #"{"ion": "Kalium", "inside": 140, "outside": 5}"#)
            #expect(api.status == .badRequest)
            #expect(api.body == cli.stderr)
        }
    }

    @Test func everyCommandIsCovered() {
        let covered = Set(Self.cases.map(\.command))
        for type in RequestCatalog.all { #expect(covered.contains(type.command), "\(type.command) has an equivalence case") }
    }
}
