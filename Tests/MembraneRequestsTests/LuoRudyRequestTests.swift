import Testing
import Foundation
import Membrane
import MembraneRequests

/// `simulate hh --preset luo-rudy-1991` and `hyperkalemia` through the request layer (the command line and
/// `POST /api/...`), against Tests/Reference/luo-rudy-1991 (an independent scipy port of Luo & Rudy 1991; README.md).
@Suite("simulate hh --preset luo-rudy-1991, hyperkalemia")
struct LuoRudyRequestTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Reference/luo-rudy-1991")

    static func run(_ command: String, _ body: String, figure: Bool = false) throws -> [String: Any] {
        var context = RequestContext()
        context.wantsFigure = figure
        let result = try RequestCatalog.run(command: command, body: body, context: &context)
        return try JSONSerialization.jsonObject(with: Data(result.json.render().utf8)) as! [String: Any]
    }

    static func error(_ command: String, _ body: String) -> MembraneError? {
        var context = RequestContext()
        do { _ = try RequestCatalog.run(command: command, body: body, context: &context) } catch let e as MembraneError { return e } catch {}
        return nil
    }

    /// The default run: two paced beats from rest (2 s), each with its rest, V̇max and APD90 as the scipy port's
    /// (BDF at rtol 1e-8: V̇max within 0.5 %, APD90 within 0.5 ms), two spikes, the rest as the scipy root.
    @Test func defaultRunPacesTwoBeats() throws {
        let d = try Self.run("simulate/hh", #"{"preset": "luo-rudy-1991"}"#)
        let reference = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.directory.appendingPathComponent("beats_tight.json"))) as! [String: Any]
        #expect(d["termination"] as? String == "finished")
        #expect(d["spike_count"] as? Int == 2)
        let referenceRest = (reference["beats"] as! [[String: Any]])[0]["rest_mV"] as! Double
        #expect(abs((d["rest_mV"] as! Double) - referenceRest) < 1e-8)
        let beats = d["beats"] as! [[String: Any]], expected = reference["beats"] as! [[String: Any]]
        #expect(beats.count == 2)
        for (b, e) in zip(beats, expected) {
            let vmax = e["vmax_V_per_s"] as! Double
            #expect(abs(b["vmax_V_per_s"] as! Double - vmax) < 5e-3 * vmax)
            #expect(abs(b["apd90_ms"] as! Double - (e["apd90_ms"] as! Double)) < 0.5)
            #expect(b["excited"] as? Bool == true)
        }
        let spikes = d["spike_times_ms"] as! [Double], expectedSpikes = reference["spike_times_ms"] as! [Double]
        for (a, e) in zip(spikes, expectedSpikes) { #expect(abs(a - e) < 0.01) }
    }

    /// `--set K_o=8` moves E_K1 to (RT/F)·ln(8/145) and depolarises the rest to the scipy root at 8 mM.
    @Test func raisedPotassiumDepolarisesTheRest() throws {
        let d = try Self.run("simulate/hh", #"{"preset": "luo-rudy-1991", "set": "K_o=8", "duration": 0.5}"#)
        let rest = try String(contentsOf: Self.directory.appendingPathComponent("rest.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",") }.first { $0[0] == "8" }!
        #expect(abs(d["rest_mV"] as! Double - Double(rest[1])!) < 1e-8)
        let rtf = 8.314462618153241 * 310.15 / 96485.33212331001 * 1e3
        #expect(abs((d["reversal_potentials_mV"] as! [String: Double])["E_K1"]! - rtf * log(8.0 / 145)) < 1e-10)
    }

    /// `--stimulus-uA-per-cm2 0` (no stimulus): the cell stays at rest, no spikes; the CSV and figure are drawn.
    @Test func noStimulusNoSpikes() throws {
        var context = RequestContext()
        context.wantsFigure = true
        let result = try RequestCatalog.run(command: "simulate/hh", body: #"{"preset": "luo-rudy-1991", "stimulus-uA-per-cm2": 0, "duration": 0.5, "interval": 0.01}"#,
                                            context: &context)
        let d = try JSONSerialization.jsonObject(with: Data(result.json.render().utf8)) as! [String: Any]
        #expect(d["spike_count"] as? Int == 0)
        #expect((d["beats"] as! [Any]).isEmpty)
        #expect(result.figure != nil)
    }

    @Test func refusals() {
        for (body, field) in [(#"{"preset": "luo-rudy-1991", "cells": 3}"#, "cells"),
                              (#"{"preset": "luo-rudy-1991", "concentrations": "held"}"#, "concentrations"),
                              (#"{"preset": "luo-rudy-1991", "set": "K_o=-1"}"#, "K_o"),
                              (#"{"preset": "luo-rudy-1991", "set": "pacing_cycle_ms=1"}"#, "pacing_cycle_ms"),
                              (#"{"preset": "luo-rudy-1991", "set": "g_Nax=1"}"#, "set"),
                              (#"{"preset": "luo-rudy-1991", "stimulus-uA-per-cm2": -5}"#, "stimulus-uA-per-cm2"),
                              (#"{"preset": "luo-rudy-1991", "stimulus-uA-per-cm2": 20, "set": "stim_amplitude=30"}"#, "stimulus-uA-per-cm2"),
                              (#"{"preset": "luo-rudy-1991", "duration": 1000}"#, "duration"),
                              (#"{"preset": "luo-rudy-1991", "spike-cost": true}"#, "spike-cost"),
                              (#"{"preset": "luo-rudy-1991", "voltage-clamp": "-80:40:10"}"#, "voltage-clamp"),
                              (#"{"preset": "luo-rudy-1991", "stimulus-protocol": "step:start=10,duration=50,amplitude=10"}"#, "stimulus-protocol")] {
            let e = Self.error("simulate/hh", body)
            #expect(e?.field == field, "\(body): \(String(describing: e))")
        }
    }

    /// The hyperkalemia table of the ventricular cell: one row per K_o of 4:12:1, the rest rising monotonically with
    /// K_o and equal to the scipy root, E_K = E_K1, excitable throughout this range, V̇max falling above 5.4 mM.
    @Test func hyperkalemiaTableOfTheVentricularCell() throws {
        let d = try Self.run("hyperkalemia", #"{"k-o": "4:12:1"}"#, figure: true)
        #expect(d["preset"] as? String == "luo-rudy-1991")
        let rows = d["rows"] as! [[String: Any]]
        #expect(rows.map { $0["K_o_mM"] as! Double } == [4, 5, 6, 7, 8, 9, 10, 11, 12])
        let rests = rows.map { $0["rest_mV"] as! Double }
        #expect(zip(rests, rests.dropFirst()).allSatisfy { $0 < $1 })
        let rtf = 8.314462618153241 * 310.15 / 96485.33212331001 * 1e3
        for r in rows {
            #expect(abs(r["E_K_mV"] as! Double - rtf * log((r["K_o_mM"] as! Double) / 145)) < 1e-10)
            #expect(r["excitable"] as? Bool == true)
        }
        let rates = rows.dropFirst(2).map { $0["vmax_V_per_s"] as! Double }
        #expect(zip(rates, rates.dropFirst()).allSatisfy { $0 > $1 }, "\(rates)")
    }

    /// At 16 mM the ventricular cell is inexcitable (the scipy port: peak −6.5 mV). The squid axon (held
    /// concentrations) rests at NEURON's −65 mV at its default 2.5 mM and fires on the pulse; a modest rise (5 mM)
    /// depolarises it into repetitive firing (HH's membrane fires repetitively when depolarised, as under a steady
    /// current); at 10 and 20 mM it is in depolarisation block — a rest that rises with K_o (staying positive to E_K,
    /// the leak's E_L = −54.3 mV pulling it up) and no action potential.
    @Test func lossOfExcitability() throws {
        let lr = try Self.run("hyperkalemia", #"{"k-o": "5.4, 16"}"#)["rows"] as! [[String: Any]]
        #expect(lr[0]["excitable"] as? Bool == true && lr[1]["excitable"] as? Bool == false)
        let hh = try Self.run("hyperkalemia", #"{"preset": "hodgkin-huxley-1952", "k-o": "2.5, 5, 10, 20"}"#)["rows"] as! [[String: Any]]
        #expect(abs(hh[0]["rest_mV"] as! Double - -65) < 0.1)
        #expect(abs(hh[0]["E_K_mV"] as! Double - -77) < 1e-9)
        #expect(hh[0]["excitable"] as? Bool == true && hh[0]["spontaneous_spikes"] as? Int == 0)
        #expect(hh[1]["rest_mV"] is NSNull && (hh[1]["spontaneous_spikes"] as! Int) > 0)
        let blocked = hh[2...].map { ($0["rest_mV"] as! Double, $0["E_K_mV"] as! Double, $0["excitable"] as! Bool) }
        #expect(blocked.allSatisfy { !$0.2 && $0.0 > $0.1 })
        #expect(blocked[0].0 < blocked[1].0)
    }

    @Test func hyperkalemiaRefusals() {
        for (body, field) in [(#"{"k-o": "12:4:1"}"#, "k-o"), (#"{"k-o": "abc"}"#, "k-o"), (#"{"k-o": "0"}"#, "k-o"),
                              (#"{"k-o": "1:1000:1"}"#, "k-o"), (#"{"k-o": "500"}"#, "k-o"),
                              (#"{"set": "K_o=5"}"#, "set"), (#"{"preset": "cressman"}"#, "preset"),
                              (#"{"stimulus-ms": 0}"#, "stimulus-ms"), (#"{"stimulus-uA-per-cm2": "x"}"#, "stimulus-uA-per-cm2")] {
            let e = Self.error("hyperkalemia", body)
            #expect(e?.field == field, "\(body): \(String(describing: e))")
        }
    }
}
