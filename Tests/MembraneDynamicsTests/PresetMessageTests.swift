import Testing
import MembraneDynamics
import MembraneUnits

/// Issue 14, item 1: `report --temperature 9.3e18` trapped in `CellPreset.formatCelsius` (Int of a huge Double).
/// The parser now refuses such temperatures, and the message code itself no longer converts to Int: a library
/// caller passing any temperature gets a warning, not a trap.
@Suite("Preset messages")
struct PresetMessageTests {
    @Test(arguments: [1e19, 1e300, 233.15])
    func temperatureWarningNeverTraps(kelvin: Double) throws {
        let warning = try #require(CellPreset.defaultPreset.temperatureWarning(at: Temperature(storedValue: kelvin)))
        #expect(warning.contains("°C"))
    }
}
