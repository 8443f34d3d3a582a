import Testing
import Foundation
@testable import MembraneDynamics
import MembraneNumerics
import MembraneUnits
import MembraneTestSupport

/// The `hodgkin-huxley-1952` preset: its parameter table against hh.mod and INTERFACE.md, overrides by name, and the
/// errors for unknown names and values out of range.
@Suite("hodgkin-huxley-1952 preset")
struct HodgkinHuxleyPresetTests {
    let preset = ScenarioPreset.hodgkinHuxley1952

    /// The parameters INTERFACE.md fixes (g_Na, g_K, g_L in mS/cm², E_L in mV) with hh.mod's values
    /// (gnabar .12, gkbar .036, gl .0003 S/cm², el −54.3 mV) and NEURON's ena 50, ek −77 mV, C 1 µF/cm².
    @Test func parametersAreNeuronsHH() throws {
        let expected: [(String, Double, String)] = [("g_Na", 120, "mS/cm²"), ("g_K", 36, "mS/cm²"), ("g_L", 0.3, "mS/cm²"),
                                                    ("E_Na", 50, "mV"), ("E_K", -77, "mV"), ("E_L", -54.3, "mV"),
                                                    ("C_m", 1, "µF/cm²")]
        for (name, value, unit) in expected {
            let p = try preset.parameter(named: name)
            #expect(p.value == value, "\(name)")
            #expect(p.unit == unit, "\(name)")
            #expect(p.allowed.contains(value))
        }
        let s = try preset.scenario()
        #expect(s.name == "hodgkin-huxley-1952")
        #expect(isClose(s.conditions.temperature.celsius, 6.3, within: 1e-12))
        #expect(isClose(s.capacitance.microfaradsPerSquareCentimetre, 1, within: 1e-15))
        let model = try CellModel(s)
        // hh.mod in SI: 0.12 S/cm² = 1200 S/m², 0.036 → 360, 0.0003 → 3.
        #expect(isClose(try model.parameter(named: "hh_Na.g"), 1200, within: 1e-9))
        #expect(isClose(try model.parameter(named: "hh_K.g"), 360, within: 1e-9))
        #expect(isClose(try model.parameter(named: "hh_L.g"), 3, within: 1e-12))
        #expect(isClose(try model.parameter(named: "hh_L.E"), -0.0543, within: 1e-15))
        #expect(isClose(model.potential(model.initialState), -0.065, within: 1e-15))
    }

    @Test func overridesSetNamedParameters() throws {
        let s = try preset.scenario(setting: [("g_Na", 60), ("E_L", -60), ("g_K", 0)])
        let model = try CellModel(s)
        #expect(isClose(try model.parameter(named: "hh_Na.g"), 600, within: 1e-9))
        #expect(isClose(try model.parameter(named: "hh_K.g"), 0, within: 0))
        #expect(isClose(try model.parameter(named: "hh_L.E"), -0.060, within: 1e-15))
        #expect(isClose(try model.parameter(named: "hh_L.g"), 3, within: 1e-12))  // untouched
    }

    @Test func unknownNamesAreAnsweredWithTheClosest() {
        for (typed, expected) in [("gNa", "g_Na"), ("G_NA", "g_Na"), ("g_k", "g_K"), ("EL", "E_L")] {
            do {
                _ = try preset.scenario(setting: [(typed, 1)])
                Issue.record("\(typed) was accepted")
            } catch MembraneError.unknownName(let field, let value, let suggestions) {
                #expect(field == "set")
                #expect(value == typed)
                #expect(suggestions.first == expected, "\(typed): \(suggestions)")
            } catch {
                Issue.record("\(error)")
            }
        }
        #expect(throws: MembraneError.self) { _ = try ScenarioPreset.excitable(named: "hodgkin-huxley-1953") }
        #expect((try? ScenarioPreset.excitable(named: "HH"))?.name == "hodgkin-huxley-1952")
    }

    @Test func valuesOutOfRangeAreRefusedWithTheRange() {
        for (name, value) in [("g_Na", -1.0), ("g_L", .nan), ("E_L", 500), ("C_m", 0)] {
            do {
                _ = try preset.scenario(setting: [(name, value)])
                Issue.record("\(name) = \(value) was accepted")
            } catch MembraneError.invalidValue(let field, let typed, let allowed) {
                #expect(field == "set")
                #expect(typed.hasPrefix("\(name)=\(value)"))
                let p = try! preset.parameter(named: name)
                #expect(allowed.contains("\(p.allowed.lowerBound)") && allowed.contains(p.unit), "\(allowed)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    /// Each ion says where its E comes from (``Scenario/reversalPotentialSources``): fixed numbers (NEURON's hh), held
    /// concentrations or changing ones; and
    /// E_Na, E_K start at 50 and −77 mV in every treatment (Nernst at 6.3 °C: RT/F = 24.08 mV).
    @Test func concentrationTreatments() throws {
        let fixed = try CellModel(try preset.scenario())
        #expect(fixed.dimension == 4)
        let sources = fixed.scenario.reversalPotentialSources
        #expect(sources.map(\.ion) == ["Na", "K"])
        #expect(sources[0].source == .fixed(.millivolts(50)) && sources[1].source == .fixed(.millivolts(-77)))
        #expect(ScenarioPreset.hodgkinHuxley1952(concentrations: .held).make(preset.parameters.map(\.value))
            .reversalPotentialSources.allSatisfy { $0.source == .heldConcentrations })
        #expect(ScenarioPreset.hodgkinHuxley1952(concentrations: .dynamic(extracellularVolume: nil)).make(preset.parameters.map(\.value))
            .reversalPotentialSources.allSatisfy { $0.source == .changingConcentrations })
        for treatment in [HodgkinHuxleyConcentrations.held, .dynamic(extracellularVolume: nil), .dynamic(extracellularVolume: 0.2)] {
            let model = try CellModel(try ScenarioPreset.hodgkinHuxley1952(concentrations: treatment).scenario())
            let y = model.initialState
            #expect(isClose(model.observe(try model.observableIndex(named: "E_Na"), at: 0, state: y), 0.050, within: 1e-13))
            #expect(isClose(model.observe(try model.observableIndex(named: "E_K"), at: 0, state: y), -0.077, within: 1e-13))
            #expect(isClose(model.potential(y), -0.065, within: 1e-13))
        }
        let dynamic = try CellModel(try ScenarioPreset.hodgkinHuxley1952(concentrations: .dynamic(extracellularVolume: 0.2)).scenario())
        #expect(dynamic.layout.index(of: "cell.Na") != nil && dynamic.layout.index(of: "bath.K") != nil)
    }
}
