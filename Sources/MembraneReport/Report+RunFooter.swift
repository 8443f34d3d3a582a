/// What every report of one simulated run ends with, written once: the run's method, statistics, notes and files in
/// the JSON and the text, the published constants of a model that hard-codes its own (RT/F = 26.64 mV), and the
/// sample times of its CSV. Used by the reports of the presets with their own models (Hübel–Ullah, Cressman,
/// Wei–Ullah–Schiff, Luo–Rudy), the voltage clamp and the spiking run.
enum RunFooter {
    /// The times a CSV samples: every record, or every `interval` seconds from 0 through the last record (the last
    /// sample clamped to it).
    static func sampledTimes(_ times: [Double], every interval: Double?) -> [Double] {
        guard let interval, let end = times.last else { return times }
        return stride(from: 0, through: end + interval * 1e-9, by: interval).map { min($0, end) }
    }

    /// The JSON members `method`, `statistics`, `notes`, `csv` and `plot`, in that order.
    static func jsonPairs(method: String, statistics: JSONValue, notes: [String], csv: String?, plot: String?)
        -> [(String, JSONValue)] {
        [("method", .string(method)), ("statistics", statistics), ("notes", .array(notes.map { JSONValue.string($0) })),
         ("csv", csv.map { JSONValue.string($0) } ?? .null), ("plot", plot.map { JSONValue.string($0) } ?? .null)]
    }

    /// The JSON members of a model with hard-coded constants: `sources` (the model's), `thermal_voltage_mV`,
    /// `temperature_K` and `temperature_C` (the temperature that RT/F implies) and `constants` (what it hard-codes).
    static func publishedConstantsPairs(source: String, thermalVoltage: Double, kelvin: Double, constants: String)
        -> [(String, JSONValue)] {
        [("sources", .object([("model", .string(source))])), ("thermal_voltage_mV", .number(thermalVoltage)),
         ("temperature_K", .number(kelvin)), ("temperature_C", .number(kelvin - 273.15)), ("constants", .string(constants))]
    }

    /// The text's last lines: each note, the method with the wall time, and the files written.
    static func textLines(notes: [String], method: String, wallTime: Double?, csv: String?, plot: String?) -> [String] {
        var lines = notes.map { "note: " + $0 }
        lines.append(method + (wallTime.map { ", \(Format.significant($0 * 1000, 3)) ms" } ?? ""))
        if let csv { lines.append("time series written to \(csv)") }
        if let plot { lines.append("plot written to \(plot)") }
        return lines
    }
}
