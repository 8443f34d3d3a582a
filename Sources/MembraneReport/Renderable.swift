import Membrane

/// Something the CLI and the server can print: exactly one JSON document (`--json`) or readable text.
public protocol Renderable {
    var json: JSONValue { get }
    var text: String { get }
}

/// JSON fields every result carries: the temperature (K and °C) and the constant set.
func conditionsFields(_ c: Conditions) -> [(String, JSONValue)] {
    [("temperature_K", .number(c.temperature.kelvin)),
     ("temperature_C", .number(c.temperature.celsius)),
     ("constants", .string(c.constants.name))]
}

/// The line every text result ends with: "at 37 °C (310.15 K), constants codata2018".
func conditionsLine(_ c: Conditions) -> String {
    "at \(Format.fixed(c.temperature.celsius, 2)) °C (\(Format.fixed(c.temperature.kelvin, 2)) K), constants \(c.constants.name)"
}
