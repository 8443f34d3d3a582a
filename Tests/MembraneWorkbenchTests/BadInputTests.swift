import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MembraneRequests
import MembraneWorkbench
import Testing

/// Bad input answers 400 with the error object naming the field; nothing a client sends answers 500.
@Suite("API: bad input")
struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var command: String
        var body: String
        var field: String
        var testDescription: String { "\(command) \(body) → \(field)" }
    }

    static let cases: [Case] = [
        // malformed JSON (a key twice included), not an object, unknown keys
        Case(command: "nernst", body: #"{"ion": "K", "inside": 140, "outside": 5"#, field: "request"),
        Case(command: "nernst", body: #"[1, 2]"#, field: "request"),
        Case(command: "ghk", body: #"{"inside": "K=140", "outside": "K=5", "permeability": "K=1", "temprature": 37}"#, field: "temprature"),
        Case(command: "nernst", body: #"{"ion": "K", "inside": 140, "outside": 5, "ion": "Na"}"#, field: "request"),
        // wrong types
        Case(command: "nernst", body: #"{"ion": "K", "inside": [140], "outside": 5}"#, field: "inside"),
        Case(command: "ghk", body: #"{"inside": 140, "outside": "K=5", "permeability": "K=1"}"#, field: "inside"),
        Case(command: "nernst", body: #"{"ion": "K", "inside": 140, "outside": 5, "activities": "yes"}"#, field: "activities"),
        Case(command: "microdomain", body: #"{"current-pA": 0.5, "distance-nm": 10, "inside": "100nM", "outside": 2, "channels": 2.5}"#, field: "channels"),
        // missing required fields
        Case(command: "nernst", body: #"{"ion": "K", "inside": 140}"#, field: "outside"),
        Case(command: "ghk", body: #"{"inside": "K=140", "outside": "K=5"}"#, field: "permeability"),
        Case(command: "ghk-current", body: #"{"ion": "K", "inside": 140, "outside": 5}"#, field: "permeability"),
        Case(command: "drive", body: #"{"ion": "Na", "inside": 12, "outside": 145}"#, field: "vm"),
        Case(command: "ljp", body: #"{"pipette": "K=140, Cl=140"}"#, field: "bath"),
        Case(command: "recipe", body: #"{}"#, field: "recipe"),
        Case(command: "noise", body: #"{"bandwidth-Hz": 1000}"#, field: "conductance-nS"),
        // negative numbers
        Case(command: "nernst", body: #"{"ion": "K", "inside": -1, "outside": 5}"#, field: "inside"),
        Case(command: "ghk-current", body: #"{"ion": "K", "inside": 140, "outside": 5, "permeability": -1e-6, "voltage": -20}"#, field: "permeability"),
        Case(command: "charge", body: #"{"vm": -80, "radius-um": -10}"#, field: "radius-um"),
        Case(command: "chord", body: #"{"conductance": {"K": -1}, "reversal": {"K": -89}}"#, field: "conductance.K"),
        Case(command: "microdomain", body: #"{"current-pA": -0.5, "distance-nm": 10, "inside": "100nM", "outside": 2}"#, field: "current-pA"),
        Case(command: "noise", body: #"{"conductance-nS": 1, "bandwidth-Hz": -5}"#, field: "bandwidth-Hz"),
        Case(command: "plant", body: #"{"preset": "arabidopsis-root", "k-outside": -1}"#, field: "k-outside"),
        Case(command: "hyperkalemia", body: #"{"k-o": "12:4:1"}"#, field: "k-o"),
        Case(command: "osmolarity", body: #"{"solution": {"Na": -150, "Cl": 150}}"#, field: "solution.Na"),
        Case(command: "simulate/pump-leak", body: #"{"duration": -10}"#, field: "duration"),
        Case(command: "simulate/hh", body: #"{"cells": 0}"#, field: "cells"),
        Case(command: "simulate/hh", body: #"{"set": {"g_Na": -1}}"#, field: "set"),
        // non-finite numbers (JSON has none; as text, or overflowing)
        Case(command: "nernst", body: #"{"ion": "K", "inside": "inf", "outside": 5}"#, field: "inside"),
        Case(command: "nernst", body: #"{"ion": "K", "inside": 140, "outside": 1e999}"#, field: "outside"),
        Case(command: "pmf", body: #"{"delta-psi-mV": "NaN", "ph-inside": 7.8, "ph-outside": 7}"#, field: "delta-psi-mV"),
        Case(command: "drive", body: #"{"ion": "Na", "inside": 12, "outside": 145, "vm": "-infmV"}"#, field: "vm"),
        Case(command: "ions", body: #"{"temperature": "nan"}"#, field: "temperature"),
        // unknown ions, presets, models, methods
        Case(command: "nernst", body: #"{"ion": "Kalium", "inside": 140, "outside": 5}"#, field: "ion"),
        Case(command: "ghk", body: #"{"inside": {"Kx": 140}, "outside": "K=5", "permeability": "K=1"}"#, field: "inside"),
        Case(command: "activity", body: #"{"solution": "K=140, Xyz=140"}"#, field: "solution"),
        Case(command: "activity", body: #"{"solution": "KCl 140", "model": "debye"}"#, field: "model"),
        Case(command: "report", body: #"{"preset": "martian-neuron"}"#, field: "preset"),
        Case(command: "steady-state", body: #"{"preset": "kay-2018"}"#, field: "preset"),
        Case(command: "simulate/pump-leak", body: #"{"preset": "kay-2017", "method": "euler"}"#, field: "method"),
        Case(command: "pmf", body: #"{"preset": "chloroplast-x"}"#, field: "preset"),
        Case(command: "ljp", body: #"{"pipette": "K=140, Cl=140", "bath": "Na=150, Cl=150", "method": "magic"}"#, field: "method"),
        Case(command: "permeability-ratio", body: #"{"reference": "K", "inside": 140, "test": "Zz", "outside": 140, "reversal": -50}"#, field: "test"),
        Case(command: "donnan", body: #"{"outside": "K=100, Cl=100", "inside-impermeant": "charge=-1,concentration=50", "permeant": ["K", "Qq"]}"#, field: "permeant"),
        Case(command: "microdomain", body: #"{"current-pA": 0.5, "distance-nm": 10, "inside": "100nM", "outside": 2, "buffer": "EGTX=10"}"#, field: "buffer"),
        Case(command: "steady-state", body: #"{"config": {"pump": {"kinetics": "constant"}, "events": [{"time_s": "soon", "action": "block"}]}}"#, field: "config.events[0].time_s"),
        Case(command: "presets", body: #"{"name": "x"}"#, field: "name"),
        // lessons: unknown names and ids, a path where the lesson's text belongs, a lesson file's error at its line
        Case(command: "lesson/list", body: #"{"name": "nernst-valence"}"#, field: "name"),
        Case(command: "lesson/show", body: #"{"name": "nernst-valance"}"#, field: "name"),
        Case(command: "lesson/show", body: #"{"lesson-file": "/etc/passwd"}"#, field: "lesson-file"),
        Case(command: "lesson/show", body: #"{"lesson-file": "title: x\ngoal: y\n"}"#, field: "lesson-file:1:1: misconception"),
        Case(command: "lesson/key", body: #"{"name": "nernst-valence", "lesson-file": "title: x"}"#, field: "name"),
        Case(command: "lesson/grade", body: #"{"name": "nernst-valence", "answers": {"E_X": -89}}"#, field: "answers"),
        Case(command: "lesson/grade", body: #"{"name": "nernst-valence", "answers": {"E_K": "minus 89"}}"#, field: "answers.E_K"),
        // sizes that would take the server's memory or time (bounded in the request layer)
        Case(command: "ljp", body: #"{"pipette": "K=140, Cl=140", "bath": "Na=150, Cl=150", "method": "npp", "grid-intervals": 100000000}"#, field: "grid-intervals"),
        Case(command: "ljp", body: #"{"pipette": "K=140, Cl=140", "bath": "Na=150, Cl=150", "profile-points": 1000000000}"#, field: "profile-points"),
        Case(command: "simulate/pump-leak", body: #"{"duration": 1e6, "interval": 1e-3}"#, field: "interval"),
        Case(command: "ghk-current", body: #"{"ion": "K", "inside": 140, "outside": 5, "permeability": 1e-6, "from": -100, "to": 100, "step": 1e-9}"#, field: "step"),
        Case(command: "microdomain", body: #"{"current-pA": 0.5, "distance-nm": 10, "inside": "100nM", "outside": 2, "channels": 1000000, "spacing-nm": 10}"#, field: "channels"),
    ]

    @Test(arguments: cases)
    func refusedNamingTheField(_ c: Case) async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/\(c.command)", c.body)
            #expect(a.status == .badRequest, "\(a.body)")
            #expect(a.errorField == c.field, "\(a.body)")
            #expect((a.error?["message"] as? String)?.isEmpty == false)
        }
    }

    @Test func everyCommandHasABadInputCase() {
        let covered = Set(Self.cases.map(\.command))
        for type in RequestCatalog.all where type.command != "presets" && type.command != "ions" {
            #expect(covered.contains(type.command), "\(type.command) has a bad-input case")
        }
    }

    /// Every field of every request, sent odd values of every JSON type: the answer is a result or the error object,
    /// never 500, and never a hang.
    @Test func nothingAnswers500() async throws {
        let odd = [#"null"#, #"true"#, #"[]"#, #"{}"#, #""""#, #""x""#, #"-1"#, #"0"#, #"1e308"#, #"-1e-320"#, #""1e999""#,
                   #"[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]"#, #"{"a": {"b": {"c": [null]}}}"#, #""K=1e400""#]
        var limits = WorkbenchLimits()
        limits.timeLimit = .seconds(2)
        try await workbench(limits: limits).test(.router) { client in
            for type in RequestCatalog.all {
                for field in type.fieldNames {
                    for value in odd {
                        let a = try await client.post("/api/\(type.command)", "{\"\(field)\": \(value)}")
                        #expect([.ok, .badRequest, .unprocessableContent, .serviceUnavailable].contains(a.status), "\(type.command) \(field)=\(value): \(a.status) \(a.body)")
                        if a.status != .ok { #expect(a.error?["field"] is String, "\(type.command) \(field)=\(value): \(a.body)") }
                    }
                }
            }
            for body in ["", " ", "null", "\"text\"", "{\"a\":", String(repeating: "[", count: 10_000), "{\"\u{0}\": 1}"] {
                let a = try await client.post("/api/ghk", body)
                #expect([.ok, .badRequest].contains(a.status), "\(body.prefix(20)): \(a.body)")
            }
        }
    }

    @Test func oversizedBodyIs413() async throws {
        try await workbench().test(.router) { client in
            let huge = #"{"recipe": ""# + String(repeating: "KCl 1, ", count: 60_000) + #""}"#
            let a = try await client.post("/api/recipe", huge)
            #expect(a.status == .contentTooLarge)
            #expect(a.errorField == "request")
            #expect(try await client.post("/api/nernst", #"{"ion": "K", "inside": 140, "outside": 5}"#).status == .ok)
        }
    }

    @Test func formBodiesAre415() async throws {
        try await workbench().test(.router) { client in
            for type in ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain;charset=UTF-8"] {
                let a = try await client.post("/api/nernst", #"{"ion": "K", "inside": 140, "outside": 5}"#, headers: [.contentType: type])
                #expect(a.status == .unsupportedMediaType)
                #expect(a.errorField == "Content-Type")
            }
            // No Content-Type at all (curl --data-binary without -H) is JSON by contract.
            #expect(try await client.post("/api/nernst", #"{"ion": "K", "inside": 140, "outside": 5}"#, headers: [:]).status == .ok)
        }
    }

    @Test func plotOfAResultWithoutAFigureIs400() async throws {
        try await workbench().test(.router) { client in
            let a = try await client.post("/api/plot/nernst", #"{"ion": "K", "inside": 140, "outside": 5}"#)
            #expect(a.status == .badRequest)
            #expect(a.errorField == "request")
            let b = try await client.post("/api/plot/ghk-current?format=png", #"{"ion": "K", "inside": 140, "outside": 5, "permeability": 1e-6, "from": -100, "to": 50}"#)
            #expect(b.status == .badRequest)
            #expect(b.errorField == "format")
        }
    }
}
