import Membrane

/// A GHK I–V curve of one ion, with the single-point result it was asked with.
public struct IVCurve: Renderable {
    public var point: GHKCurrentResult
    public var voltages: [Voltage]
    public var currents: [CurrentDensity]

    public init(point: GHKCurrentResult, voltages: [Voltage], currents: [CurrentDensity]) {
        self.point = point
        self.voltages = voltages
        self.currents = currents
    }

    public var json: JSONValue {
        guard case .object(var pairs) = point.json else { return point.json }
        pairs.append(("curve", .array(zip(voltages, currents).map { v, i in
            .object([("voltage_mV", .number(v.millivolts)), ("current_density_A_per_m2", .number(i.amperesPerSquareMetre))])
        })))
        return .object(pairs)
    }

    public var text: String {
        var table = TextTable(headers: ["V (mV)", "I (A/m²)", "I (µA/cm²)"])
        for (v, i) in zip(voltages, currents) {
            table.add([Format.fixed(v.millivolts, 2), Format.significant(i.amperesPerSquareMetre, 5),
                       Format.significant(i.microamperesPerSquareCentimetre, 5)])
        }
        return point.text + "\n\n" + table.render()
    }

    /// The I–V plot (what `--plot` draws).
    public func figure() -> SVGPlot {
        var plot = SVGPlot(title: "GHK current of \(point.ion.chargeLabel)", xLabel: "V_m (mV)",
                           yLabel: "I (µA/cm², outward +)",
                           series: [.init(name: point.ion.chargeLabel, x: voltages.map(\.millivolts),
                                          y: currents.map(\.microamperesPerSquareCentimetre))])
        plot.horizontalLines = [0]
        return plot
    }
}
