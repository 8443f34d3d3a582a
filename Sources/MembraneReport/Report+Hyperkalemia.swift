import Membrane

/// `membrane hyperkalemia`: rest and excitability against the bath's K⁺ (``Hyperkalemia``), one row per K_o — the
/// resting potential, E_K, whether a test pulse from rest evokes an action potential, its peak, V̇max and APD90.
public struct HyperkalemiaReport: Renderable {
    /// `luo-rudy-1991` or `hodgkin-huxley-1952`.
    public var preset: String
    /// One row per K_o, in the order asked.
    public var rows: [HyperkalemiaRow]
    /// The test pulse: amplitude (µA/cm², depolarising) and duration (ms).
    public var amplitude: Double, width: Double
    /// The model's source.
    public var source: String
    public var wallTime: Double?

    /// A table of `rows` of `preset`, with the test pulse and the model's source.
    public init(preset: String, rows: [HyperkalemiaRow], amplitude: Double, width: Double, source: String, wallTime: Double? = nil) {
        self.preset = preset
        self.rows = rows
        self.amplitude = amplitude
        self.width = width
        self.source = source
        self.wallTime = wallTime
    }

    var isLuoRudy: Bool { preset == LuoRudy1991.preset.name }

    /// How each column is obtained.
    var notes: [String] {
        var notes = [
            "test pulse \(Format.significant(amplitude, 6)) µA/cm² (depolarising) for \(Format.significant(width, 6)) ms from rest; excitable: V rises through 0 mV after it, the membrane's own current inward there (−I_ion/C > 0)",
            "V̇max: the largest dV/dt within 20 ms of the pulse (stimulus included); APD90: from the time of V̇max to 90 % repolarisation",
        ]
        if isLuoRudy {
            notes.append("rest: the zero of the total ionic current with every gate and [Ca]ᵢ at steady state (the lowest between −120 and 60 mV); the run starts there")
            notes.append("E_K: E_K1 = (RT/F)·ln(K_o/K_i), the reversal of I_K1 and I_Kp; E_K_IK: the reversal of I_K with PR_NaK = 0.01833; g_K, g_K1 ∝ √(K_o/5.4)")
        } else {
            notes.append("concentrations held (E_K = (RT/F)·ln(K_o/K_i), K_i fixed by E_K = −77 mV at 2.5 mM, 6.3 °C); rest: V after \(Format.significant(Hyperkalemia.settleTime * 1e3, 4)) ms without stimulus from NEURON's start (none if it keeps firing)")
        }
        return notes
    }

    public var json: JSONValue {
        .object([
            ("preset", .string(preset)),
            ("stimulus_uA_per_cm2", .number(amplitude)),
            ("stimulus_ms", .number(width)),
            ("rows", .array(rows.map { r in
                var pairs: [(String, JSONValue)] = [
                    ("K_o_mM", .number(r.potassiumOutside)),
                    ("rest_mV", r.rest.map { JSONValue.number($0) } ?? .null),
                    ("E_K_mV", .number(r.eK)),
                ]
                if let e = r.eKWithSodium { pairs.append(("E_K_IK_mV", .number(e))) }
                pairs += [
                    ("excitable", .bool(r.beat.excited)),
                    ("peak_mV", .number(r.beat.peak)),
                    ("vmax_V_per_s", .number(r.beat.maximalRate)),
                    ("apd90_ms", r.beat.apd90.map { JSONValue.number($0) } ?? .null),
                    ("spontaneous_spikes", .integer(r.spontaneousSpikes)),
                ]
                return .object(pairs)
            })),
            ("notes", .array(notes.map { JSONValue.string($0) })),
            ("sources", .object([("model", .string(source))])),
            ("constants", .string("codata2018")),
            ("wall_time_s", wallTime.map { JSONValue.number($0) } ?? .null),
        ])
    }

    public var text: String {
        var table = TextTable(headers: ["K_o (mM)", "rest (mV)", isLuoRudy ? "E_K1 (mV)" : "E_K (mV)", "AP", "peak (mV)", "V̇max (V/s)", "APD90 (ms)"],
                              alignments: [.right, .right, .right, .left, .right, .right, .right])
        for r in rows {
            table.add([Format.significant(r.potassiumOutside, 6), r.rest.map { Format.fixed($0, 2) } ?? "fires",
                       Format.fixed(r.eK, 2), r.beat.excited ? "yes" : "no", Format.fixed(r.beat.peak, 2),
                       Format.fixed(r.beat.maximalRate, 1), r.beat.apd90.map { Format.fixed($0, 1) } ?? "—"])
        }
        var lines = ["\(preset): rest and excitability against K_o", table.render()]
        lines += notes.map { "note: " + $0 }
        return lines.joined(separator: "\n")
    }

    /// Rest and E_K against K_o (log axis would hide the linear range: linear), and V̇max against K_o.
    public var figure: SVGFigure {
        let k = rows.map(\.potassiumOutside)
        let rested = rows.filter { $0.rest != nil }
        var series: [SVGPlot.Series] = [
            .init(name: "rest", x: rested.map(\.potassiumOutside), y: rested.map { $0.rest! }),
            .init(name: isLuoRudy ? "E_K1" : "E_K", x: k, y: rows.map(\.eK)),
        ]
        if isLuoRudy { series.append(.init(name: "E_K (I_K)", x: k, y: rows.compactMap(\.eKWithSodium))) }
        let v = SVGPlot(title: "\(preset): resting potential and E_K against K_o", xLabel: "K_o (mM)", yLabel: "mV", series: series)
        let rate = SVGPlot(title: "V̇max after the test pulse", xLabel: "K_o (mM)", yLabel: "V/s",
                           series: [.init(name: "V̇max", x: k, y: rows.map(\.beat.maximalRate))])
        return SVGFigure(panels: [v, rate])
    }
}
