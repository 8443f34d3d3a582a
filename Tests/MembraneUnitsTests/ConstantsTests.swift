import Testing
import MembraneUnits
import MembraneTestSupport

@Suite("Physical constants")
struct ConstantsTests {
    /// CODATA 2018 lists F = 96 485.332 12 C/mol and R = 8.314 462 618 J/(mol·K), both exact
    /// (truncated in the table); our products e·N_A and k_B·N_A must agree to the digits printed.
    @Test func codataDerivedConstantsMatchThePublishedValues() {
        #expect(isClose(CODATA2018.faraday, 96485.33212, within: 0.000005))
        #expect(isClose(CODATA2018.gasConstant, 8.314462618, within: 0.0000000005))
        #expect(ConstantSet.codata2018.faraday == CODATA2018.elementaryCharge * CODATA2018.avogadro)
    }

    /// RT/F at 37 °C is 26.73 mV: the factor every textbook quotes (seed 001: "26.7 mV").
    @Test func thermalVoltageAtBodyTemperature() {
        let vt = Conditions(temperature: .body).thermalVoltage
        #expect(isClose(vt * 1e3, 26.727, within: 0.001))
    }

    /// NEURON < 8 used F = 96485.309 and R = 8.3134 in its ion mechanisms (eion.c).
    @Test func neuronLegacySetHasNeuronsValues() throws {
        let legacy = try ConstantSet.named("neuron-legacy")
        #expect(legacy.faraday == 96485.309)
        #expect(legacy.gasConstant == 8.3134)
        #expect(throws: MembraneError.self) { try ConstantSet.named("codata1998") }
    }
}
