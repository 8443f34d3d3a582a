import Foundation
import Membrane

/// The stimulus protocols of `simulate hh`, as typed: items separated by `;`, each `KIND:KEY=VALUE,…` (times in ms,
/// current densities in µA/cm², potentials in mV).
///
/// Current clamp (`stimulus-protocol`), summed (NEURON's IClamp, NeuroML's pulseGenerator and rampGenerator):
/// `step:start=10,duration=50,amplitude=10`, `train:start=0,period=20,width=1,count=10,amplitude=20`,
/// `ramp:start=0,duration=500,from=0,to=20`, `constant:amplitude=5`.
///
/// Voltage clamp (`voltage-clamp`): `hold=-65` (the holding potential; default the preset's resting −65 mV), then
/// segments replacing it: `step:start=5,duration=20,to=0` and `ramp:start=0,duration=100,from=-100,to=40`. One step
/// may give a family, `to=FROM:TO:STEP` (`to=-80:40:10`: one sweep per level, Hodgkin & Huxley's I–V experiment);
/// a bare family `-80:40:10` is `step:start=5,duration=20,to=-80:40:10`.
public enum StimulusProtocol {
    /// At most this many sweeps in one voltage-clamp family.
    public static let maxSweeps = 200

    static let currentClampForms = "step:start=MS,duration=MS,amplitude=UA_PER_CM2; train:start=MS,period=MS,width=MS,count=N,amplitude=UA_PER_CM2; ramp:start=MS,duration=MS,from=UA_PER_CM2,to=UA_PER_CM2; constant:amplitude=UA_PER_CM2 (items separated by ;)"
    static let voltageClampForms = "hold=MV; step:start=MS,duration=MS,to=MV (or to=FROM:TO:STEP, one sweep per level); ramp:start=MS,duration=MS,from=MV,to=MV (items separated by ;), or a bare family FROM:TO:STEP"

    /// One item split into its kind and its keys (values as typed).
    struct Item {
        var kind: String
        var values: [String: String]
        var typed: String
    }

    static func items(_ text: String, field: String, forms: String) throws -> [Item] {
        let pieces = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !pieces.isEmpty else { throw MembraneError.invalidValue(field: field, value: text, allowed: forms) }
        return try pieces.map { piece in
            let parts = piece.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let kind = parts[0].lowercased()
            var values: [String: String] = [:]
            if parts.count == 2 {
                for pair in parts[1].split(separator: ",") {
                    let kv = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard kv.count == 2, !kv[0].isEmpty, values[kv[0].lowercased()] == nil else {
                        throw MembraneError.invalidValue(field: field, value: piece, allowed: forms)
                    }
                    values[kv[0].lowercased()] = kv[1]
                }
            }
            return Item(kind: kind, values: values, typed: piece)
        }
    }

    /// The number under `key` of `item`, checking that its keys are exactly `keys`.
    static func number(_ item: Item, _ key: String, keys: [String], field: String, forms: String) throws -> Double {
        let extra = Set(item.values.keys).subtracting(keys)
        guard extra.isEmpty, let text = item.values[key] else {
            let what = extra.isEmpty ? "\(item.kind) needs \(keys.joined(separator: ", "))" : "\(item.kind) takes \(keys.joined(separator: ", ")), not \(extra.sorted().joined(separator: ", "))"
            throw MembraneError.invalidValue(field: field, value: item.typed, allowed: "\(what): \(forms)")
        }
        do {
            return try QuantityParser.number(text, field: field)
        } catch {
            throw MembraneError.invalidValue(field: field, value: item.typed, allowed: "numbers in \(forms)")
        }
    }

    /// The current-clamp waveforms of `text` (SI: seconds, A/m²), each checked.
    public static func currentClamp(_ text: String, field: String = "stimulus-protocol") throws -> [Waveform] {
        let forms = currentClampForms
        return try items(text, field: field, forms: forms).map { item in
            func x(_ key: String, _ keys: [String]) throws -> Double { try number(item, key, keys: keys, field: field, forms: forms) }
            let ms = 1e-3, density = 1e-2  // µA/cm² → A/m²
            let waveform: Waveform
            switch item.kind {
            case "step":
                let k = ["start", "duration", "amplitude"]
                waveform = .step(start: try x("start", k) * ms, duration: try x("duration", k) * ms, amplitude: try x("amplitude", k) * density)
            case "train":
                let k = ["start", "period", "width", "count", "amplitude"]
                let count = try x("count", k)
                guard count >= 0, count <= 1e6, count == count.rounded() else {
                    throw MembraneError.invalidValue(field: field, value: item.typed, allowed: "count: a whole number of pulses from 0 to 1000000")
                }
                waveform = .train(start: try x("start", k) * ms, period: try x("period", k) * ms, width: try x("width", k) * ms,
                                  count: Int(count), amplitude: try x("amplitude", k) * density)
            case "ramp":
                let k = ["start", "duration", "from", "to"]
                waveform = .ramp(start: try x("start", k) * ms, duration: try x("duration", k) * ms,
                                 from: try x("from", k) * density, to: try x("to", k) * density)
            case "constant":
                waveform = .constant(try x("amplitude", ["amplitude"]) * density)
            default:
                throw MembraneError.invalidValue(field: field, value: item.typed, allowed: forms)
            }
            do { try waveform.validate(field: field) } catch {
                throw MembraneError.invalidValue(field: field, value: item.typed, allowed: "start ≥ 0, durations and periods > 0, 0 < width ≤ period, finite amplitudes: \(forms)")
            }
            return waveform
        }
    }

    /// A voltage-clamp protocol: one command per sweep (SI: seconds, volts), the level of each sweep's test step and
    /// the test window (the family's step, else the last step; nil: none, the whole run is measured).
    public struct VoltageClampProtocol: Sendable {
        /// One command per sweep.
        public var commands: [VoltageClampCommand]
        /// The test step's level in each sweep, V (the holding potential when there is no step).
        public var levels: [Double]
        /// The test step's [start, end], s; nil when there is no step.
        public var window: ClosedRange<Double>?
    }

    /// The voltage-clamp protocol of `text`; `holding` (V) when it sets none.
    public static func voltageClamp(_ text: String, holding defaultHolding: Double, field: String = "voltage-clamp") throws -> VoltageClampProtocol {
        let forms = voltageClampForms
        var text = text.trimmingCharacters(in: .whitespaces)
        if text.split(separator: ":").count == 3, !text.contains("="), !text.contains(";") {
            text = "step:start=5,duration=20,to=\(text)"
        }
        var holding = defaultHolding
        var segments: [VoltageClampCommand.Segment] = []
        var family: (segment: Int, levels: [Double])?
        let ms = 1e-3, mV = 1e-3
        for item in try items(text, field: field, forms: forms) {
            func x(_ key: String, _ keys: [String]) throws -> Double { try number(item, key, keys: keys, field: field, forms: forms) }
            if item.values.isEmpty, item.kind.hasPrefix("hold=") {
                let value = String(item.kind.dropFirst(5))
                guard let v = try? QuantityParser.number(value, field: field) else {
                    throw MembraneError.invalidValue(field: field, value: item.typed, allowed: "hold=MV, a holding potential in mV: \(forms)")
                }
                holding = v * mV
                continue
            }
            switch item.kind {
            case "step":
                let k = ["start", "duration", "to"]
                let start = try x("start", k) * ms, duration = try x("duration", k) * ms
                let typed = item.values["to"] ?? ""
                if typed.split(separator: ":", omittingEmptySubsequences: false).count == 3 {
                    guard family == nil else {
                        throw MembraneError.invalidValue(field: field, value: item.typed, allowed: "one step with a family of levels FROM:TO:STEP")
                    }
                    family = (segments.count, try levels(typed, item: item, field: field).map { $0 * mV })
                    segments.append(.step(start: start, duration: duration, level: family!.levels[0]))
                } else {
                    segments.append(.step(start: start, duration: duration, level: try x("to", k) * mV))
                }
            case "ramp":
                let k = ["start", "duration", "from", "to"]
                segments.append(.ramp(start: try x("start", k) * ms, duration: try x("duration", k) * ms,
                                      from: try x("from", k) * mV, to: try x("to", k) * mV))
            default:
                throw MembraneError.invalidValue(field: field, value: item.typed, allowed: forms)
            }
        }
        // The measured step: the family's, else the last step.
        let test = family?.segment ?? segments.lastIndex { if case .step = $0 { return true }; return false }
        let levels = family?.levels ?? [test.map { i -> Double in
            if case .step(_, _, let level) = segments[i] { return level }
            return holding
        } ?? holding]
        var commands: [VoltageClampCommand] = []
        for level in levels {
            var list = segments
            if let i = family?.segment, case .step(let s, let d, _) = segments[i] { list[i] = .step(start: s, duration: d, level: level) }
            let command = VoltageClampCommand(holding: holding, segments: list)
            do { try command.validate(field: field) } catch let MembraneError.invalidValue(name, _, allowed) {
                throw MembraneError.invalidValue(field: name, value: text, allowed: allowed)  // the protocol as typed
            }
            commands.append(command)
        }
        let window = test.map { segments[$0].start...segments[$0].end }
        return VoltageClampProtocol(commands: commands, levels: levels, window: window)
    }

    /// FROM:TO:STEP in mV: FROM, FROM ± STEP, … up to TO (STEP > 0, towards TO), at most ``maxSweeps`` levels.
    static func levels(_ typed: String, item: Item, field: String) throws -> [Double] {
        let allowed = "to=FROM:TO:STEP in mV, STEP > 0 (-80:40:10), at most \(maxSweeps) levels"
        let parts = typed.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let a = try? QuantityParser.number(parts[0], field: field),
              let b = try? QuantityParser.number(parts[1], field: field),
              let step = try? QuantityParser.number(parts[2], field: field), step > 0 else {
            throw MembraneError.invalidValue(field: field, value: item.typed, allowed: allowed)
        }
        let count = Int(((abs(b - a) / step) + 1e-9).rounded(.down)) + 1
        guard count <= maxSweeps else { throw MembraneError.invalidValue(field: field, value: item.typed, allowed: allowed) }
        let direction: Double = b >= a ? 1 : -1
        return (0..<count).map { a + direction * Double($0) * step }
    }
}
