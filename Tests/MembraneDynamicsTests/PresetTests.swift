import Testing
import Foundation
import MembraneDynamics
import MembranePhysics
import MembraneChemistry
import MembraneUnits
import MembraneTestSupport

@Suite("Cell presets")
struct PresetTests {
    static let required = ["mammalian-neuron", "squid-giant-axon", "frog-skeletal-muscle", "ventricular-myocyte",
                           "red-blood-cell", "plant-cell", "mitochondrion"]

    @Test(arguments: required)
    func presetExistsCitesItsSourcesAndAnalyses(name: String) throws {
        let preset = try CellPreset.named(name)
        #expect(!preset.description.isEmpty)
        for field in ["concentrations", "resting potential", "permeabilities"] {
            #expect(preset.sources.contains { $0.field == field && !$0.source.isEmpty }, "\(name) cites its \(field)")
        }
        let analysis = try RestingAnalysis(preset: preset)
        #expect(analysis.warnings.isEmpty, "no warning at the preset's own temperature")
        #expect(analysis.rows.contains { $0.nernst != nil })
        #expect(analysis.vm.isFinite)
    }

    /// Where passive permeabilities set V_m, GHK lands near the measured resting potential (within 10 mV);
    /// where a pump sets it (plant H⁺-ATPase, mitochondrial respiration) it does not, as the notes say.
    @Test(arguments: ["mammalian-neuron", "squid-giant-axon", "frog-skeletal-muscle", "red-blood-cell"])
    func passiveCellsRestNearTheirMeasuredPotential(name: String) throws {
        let preset = try CellPreset.named(name)
        let analysis = try RestingAnalysis(preset: preset)
        #expect(isClose(analysis.vm.millivolts, preset.restingPotential.millivolts, within: 10))
    }

    @Test func plantCellRestsFarBelowEveryPassivePotential() throws {
        let preset = try CellPreset.named("plant-cell")
        let analysis = try RestingAnalysis(preset: preset)
        let mostNegative = analysis.rows.compactMap(\.nernst).map(\.millivolts).min()!
        #expect(preset.restingPotential.millivolts < mostNegative)
    }

    /// A mitochondrial matrix 0.6 pH units more alkaline than the cytosol gives E_H = +0.6·2.303·RT/F ≈ +36.9 mV at 37 °C.
    @Test func mitochondrialProtonGradient() throws {
        let analysis = try RestingAnalysis(preset: try CellPreset.named("mitochondrion"))
        let eH = try #require(analysis.rows.first { $0.ion.name == "H" }?.nernst)
        #expect(isClose(eH.millivolts, 0.6 * log(10) * 26.727, within: 0.01))
    }

    @Test func squidAxonAtBodyTemperatureWarns() throws {
        let analysis = try RestingAnalysis(preset: try CellPreset.named("squid-giant-axon"), temperature: .body)
        #expect(analysis.warnings.count == 1)
        #expect(analysis.warnings[0].contains("6.3 °C"))
    }

    @Test func unknownPresetListsTheKnownOnes() {
        do {
            _ = try CellPreset.named("octopus")
            Issue.record("accepted an unknown preset")
        } catch MembraneError.unknownName(_, _, let suggestions) {
            #expect(suggestions.contains("squid-giant-axon"))
        } catch { Issue.record("unexpected \(error)") }
    }
}
