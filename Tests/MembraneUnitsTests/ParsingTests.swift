import Testing
import MembraneUnits
import MembraneTestSupport

@Suite("Parsing quantities at the edge")
struct ParsingTests {
    @Test(arguments: [("140", 140.0), ("140mM", 140), ("140 mM", 140), ("100nM", 1e-4), ("1.5uM", 1.5e-3),
                      ("1.5µM", 1.5e-3), ("0.15M", 150), ("1e-4", 1e-4), ("0", 0)])
    func concentrationsWithUnits(text: String, millimolar: Double) throws {
        let c = try QuantityParser.concentration(text, field: "inside")
        #expect(isRelativelyClose(c.millimolar, millimolar, relative: 1e-12))
    }

    @Test(arguments: ["-1", "nan", "NaN", "inf", "-inf", "1e400", "abc", "", "12 furlongs", "0x10", "1..2"])
    func badConcentrationsAreRejectedWithTheFieldName(text: String) {
        do {
            _ = try QuantityParser.concentration(text, field: "inside")
            Issue.record("accepted \(text)")
        } catch let error as MembraneError {
            #expect(error.field == "inside")
            #expect(error.message.contains("inside"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func temperaturesInCelsiusAndKelvin() throws {
        #expect(try QuantityParser.temperature("37").kelvin == 310.15)
        #expect(try QuantityParser.temperature("310.15K").kelvin == 310.15)
        #expect(try QuantityParser.temperature("20 °C").kelvin == 293.15)
        #expect(isClose(try QuantityParser.temperature("-5").celsius, -5, within: 1e-12))
    }

    @Test(arguments: ["-300", "-273.15", "0K", "-1K", "nan", "warm"])
    func temperaturesAtOrBelowAbsoluteZeroAreRejected(text: String) {
        #expect(throws: MembraneError.self) { try QuantityParser.temperature(text) }
    }

    @Test func voltages() throws {
        #expect(isClose(try QuantityParser.voltage("-70", field: "vm").millivolts, -70, within: 1e-12))
        #expect(isClose(try QuantityParser.voltage("-0.07V", field: "vm").millivolts, -70, within: 1e-12))
        #expect(throws: MembraneError.self) { try QuantityParser.voltage("-70 furlongs", field: "vm") }
    }

    @Test func quantitiesOfOneDimensionAddAndCompare() {
        let a = Voltage.millivolts(-70), b = Voltage.millivolts(-89)
        #expect(isClose((a - b).millivolts, 19, within: 1e-12))
        #expect(b < a)
        #expect(isClose(Concentration.millimolar(140) / Concentration.millimolar(5), 28, within: 1e-12))
        #expect(isClose(Permeability.centimetresPerSecond(1e-6).metresPerSecond, 1e-8, within: 1e-22))
        #expect(isClose(SpecificCapacitance.biological.faradsPerSquareMetre, 0.01, within: 1e-15))
    }
}
