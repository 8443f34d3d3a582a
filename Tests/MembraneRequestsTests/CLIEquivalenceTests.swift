import Testing
import Foundation
import Membrane
import MembraneRequests
import MembraneTestSupport

/// The command line and a JSON client give the same request: for every command, `membrane … --json` (the built
/// binary, as users run it) prints exactly what the request decoded from the equivalent JSON object renders
/// in-process (what `POST /api/<command>` will answer).
@Suite("command line ≡ JSON request")
struct CLIEquivalenceTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var command: String
        var arguments: [String]
        var body: String
        var testDescription: String { "\(command) \(arguments.joined(separator: " "))" }
    }

    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let exampleConfig = repo.appendingPathComponent("docs/examples/kay-2017-extracellular-impermeant.json").path
    static let profileFile = FileManager.default.temporaryDirectory.appendingPathComponent("equivalence-profile-\(UUID().uuidString).csv").path

    /// A recipe without a pH and out of balance: its warnings are input warnings.
    static let recipeWithWarnings = Case(command: "ghk", arguments: ["--inside", "KCl 140, NaCl 12, HEPES 10", "--outside", "NaCl 145, KCl 5",
                                         "--permeability", "K=1,Na=0.04,Cl=0.45", "--activity-model", "davies"],
             body: #"{"inside": "KCl 140, NaCl 12, HEPES 10", "outside": "NaCl 145, KCl 5", "permeability": "K=1,Na=0.04,Cl=0.45", "activity-model": "davies"}"#)

    /// Natural JSON: numbers as numbers, units in strings, solutions as objects, flags as booleans, lists as arrays.
    static let cases: [Case] = [
        Case(command: "nernst", arguments: ["--ion", "K", "--inside", "140", "--outside", "5"],
             body: #"{"ion": "K", "inside": 140, "outside": 5}"#),
        Case(command: "nernst", arguments: ["--ion", "Ca", "--inside", "100nM", "--outside", "2", "--temperature", "34"],
             body: #"{"ion": "Ca", "inside": "100nM", "outside": 2, "temperature": 34}"#),
        Case(command: "nernst", arguments: ["--ion", "K", "--inside", "140", "--outside", "4", "--activities"],
             body: #"{"ion": "K", "inside": 140, "outside": 4, "activities": true}"#),
        Case(command: "nernst", arguments: ["--ion", "K", "--inside", "140", "--outside", "4", "--activity-model", "pitzer",
                                            "--inside-solution", "K=140, Cl=140"],
             body: #"{"ion": "K", "inside": 140, "outside": 4, "activity-model": "pitzer", "inside-solution": {"K": 140, "Cl": 140}}"#),
        Case(command: "nernst", arguments: ["--ion", "X", "--valence", "2", "--inside", "1", "--outside", "2", "--constants", "neuron-legacy"],
             body: #"{"ion": "X", "valence": 2, "inside": 1, "outside": 2, "constants": "neuron-legacy"}"#),
        Case(command: "ghk", arguments: ["--inside", "K=140,Na=12,Cl=7,Ca=100nM", "--outside", "K=5,Na=145,Cl=120,Ca=2",
                                         "--permeability", "K=1,Na=0.04,Cl=0.45,Ca=0.1", "--pump-ratio", "1.5"],
             body: #"{"inside": {"K": 140, "Na": 12, "Cl": 7, "Ca": "100nM"}, "outside": "K=5,Na=145,Cl=120,Ca=2", "permeability": {"K": 1, "Na": 0.04, "Cl": 0.45, "Ca": 0.1}, "pump-ratio": 1.5}"#),
        recipeWithWarnings,
        Case(command: "ghk-current", arguments: ["--ion", "Ca", "--inside", "1e-4", "--outside", "2", "--permeability", "1e-6", "--voltage", "-20"],
             body: #"{"ion": "Ca", "inside": 1e-4, "outside": 2, "permeability": 1e-6, "voltage": -20}"#),
        Case(command: "ghk-current", arguments: ["--ion", "K", "--inside", "140", "--outside", "5", "--permeability", "1e-6",
                                                 "--from", "-100", "--to", "50", "--step", "25"],
             body: #"{"ion": "K", "inside": 140, "outside": 5, "permeability": 1e-6, "from": "-100mV", "to": 50, "step": 25}"#),
        Case(command: "drive", arguments: ["--ion", "Na", "--inside", "12", "--outside", "145", "--vm", "-70", "--gamma-inside", "0.8",
                                           "--gamma-outside", "0.75", "--temperature", "310.15K"],
             body: #"{"ion": "Na", "inside": 12, "outside": 145, "vm": "-70mV", "gamma-inside": 0.8, "gamma-outside": 0.75, "temperature": "310.15K"}"#),
        Case(command: "charge", arguments: ["--vm", "-80", "--radius-um", "10", "--ion", "K", "--inside", "140", "--capacitance-uF-per-cm2", "0.9"],
             body: #"{"vm": -80, "radius-um": 10, "ion": "K", "inside": 140, "capacitance-uF-per-cm2": 0.9}"#),
        Case(command: "chord", arguments: ["--conductance", "K=1,Na=0.05", "--inside", "K=140,Na=12", "--outside", "K=5,Na=145"],
             body: #"{"conductance": {"K": 1, "Na": 0.05}, "inside": {"K": 140, "Na": 12}, "outside": {"K": 5, "Na": 145}}"#),
        Case(command: "chord", arguments: ["--conductance", "K=1,Na=0.05,Cl=0.2", "--reversal", "K=-89,Na=61,Cl=-76"],
             body: #"{"conductance": "K=1,Na=0.05,Cl=0.2", "reversal": {"K": -89, "Na": 61, "Cl": -76}}"#),
        Case(command: "permeability-ratio", arguments: ["--reference", "Cs", "--inside", "140", "--test", "Ca", "--outside", "10", "--reversal", "20"],
             body: #"{"reference": "Cs", "inside": 140, "test": "Ca", "outside": 10, "reversal": 20}"#),
        Case(command: "permeability-ratio", arguments: ["--test", "Na", "--inside-solution", "K=140,Na=10", "--outside-solution", "K=5,Na=145",
                                                        "--known", "K=1", "--reversal", "-60"],
             body: #"{"test": "Na", "inside-solution": {"K": 140, "Na": 10}, "outside-solution": {"K": 5, "Na": 145}, "known": {"K": 1}, "reversal": -60}"#),
        Case(command: "permeability-ratio", arguments: ["--reference", "Na", "--test", "Li", "--reference-outside", "150", "--outside", "150", "--shift", "-12"],
             body: #"{"reference": "Na", "test": "Li", "reference-outside": 150, "outside": 150, "shift": -12}"#),
        Case(command: "ljp", arguments: ["--pipette", "K=145,Na=13,Cl=10,gluconate=145,Mg=1,HEPES=5", "--bath", "K=2.8,Na=145,Cl=148.8,Mg=2,Ca=1,HEPES=5",
                                         "--temperature", "20", "--measured-vm", "-48.1"],
             body: #"{"pipette": {"K": 145, "Na": 13, "Cl": 10, "gluconate": 145, "Mg": 1, "HEPES": 5}, "bath": {"K": 2.8, "Na": 145, "Cl": 148.8, "Mg": 2, "Ca": 1, "HEPES": 5}, "temperature": 20, "measured-vm": -48.1}"#),
        Case(command: "ljp", arguments: ["--pipette", "K=140,Cl=140", "--bath", "Na=150,Cl=150", "--method", "henderson", "--measured-vm", "-60",
                                         "--bath-change", "Na=150,Cl=100,gluconate=50", "--reference", "bath-bridge", "--mobilities", "barry"],
             body: #"{"pipette": "K=140,Cl=140", "bath": "Na=150,Cl=150", "method": "henderson", "measured-vm": -60, "bath-change": {"Na": 150, "Cl": 100, "gluconate": 50}, "reference": "bath-bridge", "mobilities": "barry"}"#),
        Case(command: "ljp", arguments: ["--pipette", "K=140,gluconate=130", "--bath", "Na=150,Cl=150", "--electroneutralize", "gluconate",
                                         "--profile", profileFile, "--profile-points", "11"],
             body: #"{"pipette": {"K": 140, "gluconate": 130}, "bath": {"Na": 150, "Cl": 150}, "electroneutralize": "gluconate", "profile-points": 11}"#),
        Case(command: "ljp", arguments: ["--pipette", "K-gluconate 135, KCl 5, HEPES 10, MgATP 4, Na2GTP 0.3, EGTA 0.5, pH 7.3 KOH",
                                         "--bath", "NaCl 125, KCl 2.5, NaHCO3 25, CaCl2 2, MgCl2 1, glucose 25, pH 7.4 NaOH",
                                         "--diffusion", "GTP=0.294e-9", "--activity-model", "davies"],
             body: #"{"pipette": "K-gluconate 135, KCl 5, HEPES 10, MgATP 4, Na2GTP 0.3, EGTA 0.5, pH 7.3 KOH", "bath": "NaCl 125, KCl 2.5, NaHCO3 25, CaCl2 2, MgCl2 1, glucose 25, pH 7.4 NaOH", "diffusion": {"GTP": 0.294e-9}, "activity-model": "davies"}"#),
        Case(command: "ljp", arguments: ["--pipette", "K=140,Cl=140", "--bath", "Na=150,Cl=150", "--method", "npp", "--junction-length-um", "2",
                                         "--grid-intervals", "200"],
             body: #"{"pipette": "K=140,Cl=140", "bath": "Na=150,Cl=150", "method": "npp", "junction-length-um": 2, "grid-intervals": 200}"#),
        Case(command: "activity", arguments: ["--solution", "Na=145, K=5, Cl=120, Ca=2, HCO3=25", "--model", "truesdell-jones", "--temperature", "25"],
             body: #"{"solution": {"Na": 145, "K": 5, "Cl": 120, "Ca": 2, "HCO3": 25}, "model": "truesdell-jones", "temperature": 25}"#),
        Case(command: "osmolarity", arguments: ["--solution", "NaCl 150", "--target-osmolarity", "290±10", "--temperature", "25"],
             body: #"{"solution": "NaCl 150", "target-osmolarity": "290±10", "temperature": 25}"#),
        Case(command: "recipe", arguments: ["K-gluconate 135, KCl 5, HEPES 10, MgATP 4, Na2GTP 0.3, EGTA 0.5, pH 7.3 KOH", "--target-osmolarity", "290±10"],
             body: #"{"recipe": "K-gluconate 135, KCl 5, HEPES 10, MgATP 4, Na2GTP 0.3, EGTA 0.5, pH 7.3 KOH", "target-osmolarity": "290±10"}"#),
        Case(command: "donnan", arguments: ["--outside", "K=100,Cl=100", "--inside-impermeant", "charge=-1.2,concentration=120", "--permeant", "K,Cl"],
             body: #"{"outside": {"K": 100, "Cl": 100}, "inside-impermeant": {"charge": -1.2, "concentration": 120}, "permeant": ["K", "Cl"]}"#),
        Case(command: "donnan", arguments: ["--outside", "K=100,Cl=100,Na=20", "--inside-impermeant", "charge=-1,concentration=50",
                                            "--inside-impermeant", "charge=-2,concentration=10", "--outside-impermeant", "charge=-1,concentration=20",
                                            "--permeant", "K,Cl", "--compartment", "osmotic", "--activity-model", "davies"],
             body: #"{"outside": "K=100,Cl=100,Na=20", "inside-impermeant": ["charge=-1,concentration=50", {"charge": -2, "concentration": 10}], "outside-impermeant": ["charge=-1,concentration=20"], "permeant": "K,Cl", "compartment": "osmotic", "activity-model": "davies"}"#),
        Case(command: "donnan", arguments: ["--outside", "K=100,Cl=100", "--inside-impermeant", "charge=-1,concentration=50", "--permeant", "K,Cl",
                                            "--wall-relative-volume", "1.2", "--wall-modulus-MPa", "5"],
             body: #"{"outside": "K=100,Cl=100", "inside-impermeant": "charge=-1,concentration=50", "permeant": "K,Cl", "wall-relative-volume": 1.2, "wall-modulus-MPa": 5}"#),
        Case(command: "report", arguments: [], body: "{}"),
        Case(command: "report", arguments: ["--preset", "squid-giant-axon", "--activity-model", "davies", "--vm", "-60"],
             body: #"{"preset": "squid-giant-axon", "activity-model": "davies", "vm": -60}"#),
        Case(command: "report", arguments: ["--inside", "K=140,Na=12,Cl=7", "--outside", "K=5,Na=145,Cl=120", "--permeability", "K=1,Na=0.04,Cl=0.45",
                                            "--pump-ratio", "1.5", "--radius-um", "5", "--temperature", "25"],
             body: #"{"inside": {"K": 140, "Na": 12, "Cl": 7}, "outside": {"K": 5, "Na": 145, "Cl": 120}, "permeability": {"K": 1, "Na": 0.04, "Cl": 0.45}, "pump-ratio": 1.5, "radius-um": 5, "temperature": 25}"#),
        Case(command: "presets", arguments: [], body: "{}"),
        Case(command: "ions", arguments: ["--temperature", "25"], body: #"{"temperature": 25}"#),
        Case(command: "steady-state", arguments: ["--preset", "kay-2017"], body: #"{"preset": "kay-2017"}"#),
        Case(command: "steady-state", arguments: ["--preset", "keener-sneyd", "--pump-rate", "3"], body: #"{"preset": "keener-sneyd", "pump-rate": 3}"#),
        Case(command: "steady-state", arguments: ["--preset", "keener-sneyd", "--sweep", "1:15:8"], body: #"{"preset": "keener-sneyd", "sweep": "1:15:8"}"#),
        Case(command: "steady-state", arguments: ["--atp-mM", "0.02", "--adp-mM", "0.05", "--phosphate-mM", "4", "--temperature", "30"],
             body: #"{"atp-mM": 0.02, "adp-mM": 0.05, "phosphate-mM": 4, "temperature": 30}"#),
        Case(command: "steady-state", arguments: ["--config", exampleConfig, "--pump-current-uA-per-cm2", "0.7"],
             body: #"{"config": \#(try! String(contentsOfFile: exampleConfig, encoding: .utf8)), "pump-current-uA-per-cm2": 0.7}"#),
        Case(command: "simulate/pump-leak", arguments: ["--preset", "kay-2017", "--start", "steady-state", "--pump-block-at", "0", "--duration", "600",
                                                        "--method", "bdf", "--rtol", "1e-7"],
             body: #"{"preset": "kay-2017", "start": "steady-state", "pump-block-at": 0, "duration": 600, "method": "bdf", "rtol": 1e-7}"#),
        Case(command: "simulate/pump-leak", arguments: ["--duration", "600", "--pump-block-at", "none", "--pump-release-at", "300", "--interval", "50",
                                                        "--max-step", "20", "--config", exampleConfig],
             body: #"{"duration": 600, "pump-block-at": "none", "pump-release-at": 300, "interval": 50, "max-step": 20, "config": \#(try! String(contentsOfFile: exampleConfig, encoding: .utf8))}"#),
        Case(command: "simulate/hh", arguments: ["--preset", "hodgkin-huxley-1952", "--stimulus-uA-per-cm2", "10", "--duration", "0.1"],
             body: #"{"preset": "hodgkin-huxley-1952", "stimulus-uA-per-cm2": 10, "duration": 0.1}"#),
        Case(command: "simulate/hh", arguments: ["--concentrations", "dynamic", "--extracellular-volume-relative", "0.5", "--stimulus-uA-per-cm2", "10", "--duration", "0.03"],
             body: #"{"concentrations": "dynamic", "extracellular-volume-relative": 0.5, "stimulus-uA-per-cm2": 10, "duration": 0.03}"#),
        Case(command: "simulate/hh", arguments: ["--cells", "5", "--stimulus-uA-per-cm2", "0:20", "--duration", "0.05", "--set", "g_Na=100",
                                                 "--set", "E_L=-60", "--rtol", "1e-6"],
             body: #"{"cells": 5, "stimulus-uA-per-cm2": "0:20", "duration": 0.05, "set": {"g_Na": 100, "E_L": -60}, "rtol": 1e-6}"#),
        Case(command: "microdomain", arguments: ["--current-pA", "0.5", "--distance-nm", "10", "--inside", "100nM", "--outside", "2"],
             body: #"{"current-pA": 0.5, "distance-nm": 10, "inside": "100nM", "outside": 2}"#),
        Case(command: "microdomain", arguments: ["--current-pA", "0.3", "--distance-nm", "20", "--inside", "100nM", "--outside", "2",
                                                 "--buffer", "EGTA=10", "--buffer", "calbindin=0.1", "--diffusion-um2-per-s", "200", "--to-nm", "500"],
             body: #"{"current-pA": 0.3, "distance-nm": 20, "inside": "100nM", "outside": 2, "buffer": ["EGTA=10", {"calbindin": 0.1}], "diffusion-um2-per-s": 200, "to-nm": 500}"#),
        Case(command: "microdomain", arguments: ["--current-pA", "0.2", "--distance-nm", "10", "--inside", "50nM", "--outside", "2", "--channels", "9",
                                                 "--spacing-nm", "30", "--buffer", "BAPTA=1", "--approximation", "rba", "--temperature", "22"],
             body: #"{"current-pA": 0.2, "distance-nm": 10, "inside": "50nM", "outside": 2, "channels": 9, "spacing-nm": 30, "buffer": "BAPTA=1", "approximation": "rba", "temperature": 22}"#),
        Case(command: "microdomain", arguments: ["--current-pA", "0.2", "--distance-nm", "5", "--inside", "50nM", "--outside", "2", "--ion", "Ba",
                                                 "--positions-nm", "0,0; 20,0", "--pore-radius-nm", "0.5"],
             body: #"{"current-pA": 0.2, "distance-nm": 5, "inside": "50nM", "outside": 2, "ion": "Ba", "positions-nm": "0,0; 20,0", "pore-radius-nm": 0.5}"#),
        Case(command: "noise", arguments: ["--conductance-nS", "1", "--bandwidth-Hz", "1000", "--capacitance-pF", "10"],
             body: #"{"conductance-nS": 1, "bandwidth-Hz": 1000, "capacitance-pF": 10}"#),
        Case(command: "noise", arguments: ["--ion", "K", "--inside", "140", "--outside", "5", "--permeability", "1e-6", "--area-um2", "100", "--vm", "-50",
                                           "--channels", "1000", "--open-probability", "0.2", "--unitary-current-pA", "1", "--channel-tau-ms", "5",
                                           "--bandwidth-Hz", "1000", "--temperature", "22"],
             body: #"{"ion": "K", "inside": 140, "outside": 5, "permeability": 1e-6, "area-um2": 100, "vm": "-50mV", "channels": 1000, "open-probability": 0.2, "unitary-current-pA": 1, "channel-tau-ms": 5, "bandwidth-Hz": 1000, "temperature": 22}"#),
        Case(command: "pmf", arguments: ["--delta-psi-mV", "-150", "--ph-inside", "7.8", "--ph-outside", "7.0"],
             body: #"{"delta-psi-mV": -150, "ph-inside": 7.8, "ph-outside": 7.0}"#),
        Case(command: "pmf", arguments: ["--preset", "mitochondrion-state-4", "--atp-mM", "5", "--adp-mM", "0.05", "--phosphate-mM", "5"],
             body: #"{"preset": "mitochondrion-state-4", "atp-mM": 5, "adp-mM": 0.05, "phosphate-mM": 5}"#),
        Case(command: "plant", arguments: ["--preset", "arabidopsis-root"], body: #"{"preset": "arabidopsis-root"}"#),
        Case(command: "hyperkalemia", arguments: ["--preset", "hodgkin-huxley-1952", "--k-o", "2.5:5:2.5", "--stimulus-ms", "0.5"],
             body: #"{"preset": "hodgkin-huxley-1952", "k-o": "2.5:5:2.5", "stimulus-ms": 0.5}"#),
        Case(command: "plant", arguments: ["--vm", "-120", "--ph-inside", "7.3", "--ph-outside", "5.5", "--k-inside", "100", "--k-outside", "1",
                                           "--protons-per-k", "2", "--delta-g-atp-kJ-per-mol", "-55"],
             body: #"{"vm": -120, "ph-inside": 7.3, "ph-outside": 5.5, "k-inside": 100, "k-outside": 1, "protons-per-k": 2, "delta-g-atp-kJ-per-mol": -55}"#),
        Case(command: "lesson/list", arguments: [], body: "{}"),
        Case(command: "lesson/show", arguments: ["driving-force"], body: #"{"name": "driving-force"}"#),
        Case(command: "lesson/key", arguments: ["ljp-correction"], body: #"{"name": "ljp-correction"}"#),
        Case(command: "lesson/grade", arguments: ["nernst-valence", "--answers", answersFile],
             body: #"{"name": "nernst-valence", "answers": {"E_K": -89, "E_Ca": "257 mV", "halving": "half"}}"#),
    ]

    /// An answer file for `lesson grade` (the request carries the object itself).
    static let answersFile: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("equivalence-answers-\(UUID().uuidString).json").path
        try! #"{"E_K": -89, "E_Ca": "257 mV", "halving": "half"}"#.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }()

    /// The wall-clock time of a simulation differs from run to run; every other line must agree.
    static func comparable(_ json: String) -> String {
        json.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("\"wall_time_s\"") }.joined(separator: "\n")
    }

    @Test(arguments: cases)
    func sameJSON(_ c: Case) throws {
        let run = try runMembrane(c.command.split(separator: "/").map(String.init) + c.arguments + ["--json"])
        #expect(run.status == 0, "\(run.stderr)")
        var context = RequestContext()
        let result = try RequestCatalog.run(command: c.command, body: c.body, context: &context)
        #expect(Self.comparable(run.stdout) == Self.comparable(result.json.render() + "\n"))
    }

    /// A recipe's warnings are input warnings of both (`input_warnings`), not output of the calculation.
    @Test func inputWarningsAgree() throws {
        let c = Self.recipeWithWarnings
        var context = RequestContext()
        let result = try RequestCatalog.run(command: c.command, body: c.body, context: &context)
        #expect(result.inputWarnings.contains { $0.contains("(inside recipe)") && $0.contains("no pH or titrant given") })
        #expect(try runMembrane([c.command] + c.arguments + ["--json"]).object?["input_warnings"] as? [String]
                == result.inputWarnings)
    }

    static let typoConfig: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("equivalence-typo-\(UUID().uuidString).json").path
        try! #"{"pump": {"kinetics": "constant"}, "events": [{"time_s": "soon", "action": "block"}]}"#.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }()

    /// Bad input: the command line's `--json` error object and exit status are the request's.
    @Test(arguments: [
        Case(command: "nernst", arguments: ["--ion", "K", "--inside", "-1", "--outside", "5"], body: #"{"ion": "K", "inside": -1, "outside": 5}"#),
        Case(command: "nernst", arguments: ["--ion", "Kalium", "--inside", "140", "--outside", "5"], body: #"{"ion": "Kalium", "inside": 140, "outside": 5}"#),
        Case(command: "nernst", arguments: ["--ion", "glucose", "--inside", "5", "--outside", "5"], body: #"{"ion": "glucose", "inside": 5, "outside": 5}"#),
        Case(command: "ghk", arguments: ["--inside", "K=140,Na=12", "--outside", "K=5", "--permeability", "K=1,Na=0.04"],
             body: #"{"inside": {"K": 140, "Na": 12}, "outside": {"K": 5}, "permeability": {"K": 1, "Na": 0.04}}"#),
        Case(command: "ljp", arguments: ["--pipette", "K=140,gluconate=130", "--bath", "Na=150,Cl=150"],
             body: #"{"pipette": {"K": 140, "gluconate": 130}, "bath": {"Na": 150, "Cl": 150}}"#),
        Case(command: "donnan", arguments: ["--outside", "K=100,Cl=100", "--inside-impermeant", "charge=-1,concentration=50", "--permeant", "K,Cl",
                                            "--compartment", "osmotic"],
             body: #"{"outside": {"K": 100, "Cl": 100}, "inside-impermeant": [{"charge": -1, "concentration": 50}], "permeant": ["K", "Cl"], "compartment": "osmotic"}"#),
        Case(command: "steady-state", arguments: ["--preset", "keener-sneyd", "--pump-rate", "15"], body: #"{"preset": "keener-sneyd", "pump-rate": 15}"#),
        Case(command: "steady-state", arguments: ["--max-iterations", "1"], body: #"{"max-iterations": 1}"#),
        Case(command: "steady-state", arguments: ["--config", typoConfig],
             body: #"{"config": {"pump": {"kinetics": "constant"}, "events": [{"time_s": "soon", "action": "block"}]}}"#),
        Case(command: "simulate/pump-leak", arguments: ["--duration", "10", "--rtol", "2"], body: #"{"duration": 10, "rtol": 2}"#),
        Case(command: "simulate/hh", arguments: ["--preset", "hodgkin-huxley-1953"], body: #"{"preset": "hodgkin-huxley-1953"}"#),
        Case(command: "simulate/hh", arguments: ["--set", "gNa=100"], body: #"{"set": "gNa=100"}"#),
        Case(command: "simulate/hh", arguments: ["--set", "g_Na=-5"], body: #"{"set": {"g_Na": -5}}"#),
        Case(command: "simulate/hh", arguments: ["--duration", "-1"], body: #"{"duration": -1}"#),
        Case(command: "simulate/hh", arguments: ["--cells", "0"], body: #"{"cells": 0}"#),
        Case(command: "simulate/hh", arguments: ["--extracellular-volume-relative", "0.2"], body: #"{"extracellular-volume-relative": 0.2}"#),
        Case(command: "simulate/hh", arguments: ["--cells", "3", "--stimulus-uA-per-cm2", "0:x"], body: #"{"cells": 3, "stimulus-uA-per-cm2": "0:x"}"#),
        Case(command: "steady-state", arguments: ["--set", "g_Na=1"], body: #"{"set": "g_Na=1"}"#),
        Case(command: "microdomain", arguments: ["--current-pA", "-0.5", "--distance-nm", "10", "--inside", "100nM", "--outside", "2"],
             body: #"{"current-pA": -0.5, "distance-nm": 10, "inside": "100nM", "outside": 2}"#),
        Case(command: "microdomain", arguments: ["--current-pA", "0.5", "--distance-nm", "10", "--inside", "100nM", "--outside", "2", "--channels", "4"],
             body: #"{"current-pA": 0.5, "distance-nm": 10, "inside": "100nM", "outside": 2, "channels": 4}"#),
        Case(command: "noise", arguments: ["--conductance-nS", "1"], body: #"{"conductance-nS": 1}"#),
        Case(command: "pmf", arguments: ["--delta-psi-mV", "-150", "--ph-inside", "7.8", "--ph-outside", "7", "--atp-mM", "5"],
             body: #"{"delta-psi-mV": -150, "ph-inside": 7.8, "ph-outside": 7, "atp-mM": 5}"#),
        Case(command: "plant", arguments: ["--preset", "arabidopsis-root", "--k-outside", "-1"], body: #"{"preset": "arabidopsis-root", "k-outside": -1}"#),
        Case(command: "lesson/key", arguments: ["nernst-valance"], body: #"{"name": "nernst-valance"}"#),
    ])
    func sameError(_ c: Case) throws {
        let run = try runMembrane(c.command.split(separator: "/").map(String.init) + c.arguments + ["--json"])
        var context = RequestContext()
        do {
            _ = try RequestCatalog.run(command: c.command, body: c.body, context: &context)
            Issue.record("\(c.body) must fail")
        } catch let e as MembraneError {
            #expect(run.stderr == ErrorDocument.json(for: e).render(pretty: false) + "\n")
            #expect(run.status == ExitStatus(for: e).rawValue)
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func everyCommandIsCovered() {
        let covered = Set(Self.cases.map(\.command))
        for type in RequestCatalog.all { #expect(covered.contains(type.command), "\(type.command) has an equivalence case") }
    }
}
