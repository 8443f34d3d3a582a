import MembraneUnits
import MembraneNumerics

/// The ionic cost of one action potential (Hodgkin 1975, Phil. Trans. R. Soc. B 270:297; Crotty, Sangrey & Levy 2006,
/// J. Neurophysiol. 96:1237; Carter & Bean 2009, Neuron 64:898): over a stretch [t₀, t₁] of a run,
///
///     Q_Na = ∫ −Σ_passive z·F·Φ_Na dt          the Na⁺ charge entering through channels and leaks (C/m²)
///     Q_min = C·ΔV,  ΔV = V_peak − V_trough    the least charge that can carry the membrane through the spike
///     overlap factor = Q_Na/Q_min              (1 if Na⁺ entry and K⁺ exit never overlapped)
///     Na⁺ ions = Q_Na·A/e,  minimum = Q_min·A/e,  ATP = Na⁺ ions/3   (the Na/K pump exports 3 Na⁺ per ATP)
///
/// Active transporters (the pump) are left out of Q_Na: it is what they must pay back. The factor depends on the
/// window: Hodgkin & Huxley's space-clamped membrane at 6.3 °C, firing at 10 µA/cm², lets in about 11 times C·ΔV per
/// trough-to-trough cycle, most of it the Na⁺ window current between spikes and at rest.
public struct ActionPotentialCost: Sendable, Hashable {
    /// The stretch of the run, seconds.
    public var start: Double
    /// The end t₁ of the stretch, seconds.
    public var end: Double
    /// Na⁺ charge entering per membrane area, C/m² (net over the stretch, inward positive).
    public var sodiumCharge: Double
    /// V_peak: the highest V_m over the stretch (records and quadrature nodes).
    public var peak: Voltage
    /// V_trough: the lowest V_m over the stretch (records and quadrature nodes).
    public var trough: Voltage
    /// C, F/m², and the membrane area, m².
    public var capacitance: Double
    /// The membrane area A, m².
    public var area: Double
    /// The elementary charge e, C (the scenario's constant set, CODATA 2018 exact by default).
    public var elementaryCharge: Double

    /// ΔV = V_peak − V_trough.
    public var amplitude: Voltage { .volts(peak.volts - trough.volts) }
    /// C·ΔV, C/m².
    public var capacitiveCharge: Double { capacitance * amplitude.volts }
    /// Q_Na/(C·ΔV).
    public var overlapFactor: Double { sodiumCharge / capacitiveCharge }
    /// Na⁺ ions entering the cell.
    public var sodiumIons: Double { sodiumCharge * area / elementaryCharge }
    /// The fewest Na⁺ ions that could charge the membrane by ΔV: C·ΔV·A/e.
    public var minimumIons: Double { capacitiveCharge * area / elementaryCharge }
    /// ATP molecules the Na/K pump spends exporting them again (3 Na⁺ per ATP).
    public var atp: Double { sodiumIons / 3 }
}

extension Trajectory where Model == CellModel {
    /// The cost of the stretch [t₀, t₁] (``ActionPotentialCost``): Q_Na by 5-point Gauss–Legendre quadrature of the
    /// passive mechanisms' Na⁺ current over each interval between records (on the cubic Hermite dense output: record
    /// every step, ``Recording/everyStep``, for accuracy), peak and trough over the records and quadrature nodes.
    public func actionPotentialCost(from t0: Double, to t1: Double, ion: String = "Na") throws -> ActionPotentialCost {
        guard let j = scenario.index(of: ion) else {
            throw MembraneError.invalidValue(field: "ion", value: ion, allowed: "one of the scenario's ions (\(scenario.ions.map(\.name).joined(separator: ", ")))")
        }
        guard count >= 2, t0 >= times[0], t1 <= times[count - 1], t1 > t0 else {
            throw MembraneError.invalidValue(field: "window", value: "\(t0)…\(t1) s",
                                             allowed: "a stretch inside the recorded run (\(times.first ?? 0)…\(times.last ?? 0) s)")
        }
        let z = Double(scenario.ions[j].charge), faraday = scenario.conditions.faraday
        var charge = 0.0, peak = -Double.infinity, trough = Double.infinity
        func visit(_ t: Double) -> (v: Double, entry: Double) {
            let (m, y) = interpolatedState(at: t)
            var entry = 0.0
            for f in m.mechanismFluxes(state: y) where !f.isActiveTransport { entry -= z * faraday * f.fluxes[j] }
            return (m.potential(y), entry)
        }
        let nodes = GaussLegendre.nodes(5)
        // Integration intervals: the records inside the window, plus its ends.
        var cuts = [t0] + times.filter { $0 > t0 && $0 < t1 } + [t1]
        cuts = cuts.enumerated().filter { $0.offset == 0 || $0.element > cuts[$0.offset - 1] }.map(\.element)
        for (a, b) in zip(cuts, cuts.dropFirst()) {
            let half = (b - a) / 2, mid = (a + b) / 2
            for (x, w) in nodes {
                let (v, entry) = visit(mid + half * x)
                charge += w * half * entry
                peak = max(peak, v); trough = min(trough, v)
            }
        }
        for t in cuts {
            let v = visit(t).v
            peak = max(peak, v); trough = min(trough, v)
        }
        return ActionPotentialCost(start: t0, end: t1, sodiumCharge: charge, peak: .volts(peak), trough: .volts(trough),
                                   capacitance: scenario.capacitance.faradsPerSquareMetre, area: scenario.geometry.area,
                                   elementaryCharge: scenario.conditions.constants.elementaryCharge)
    }

    /// The cost of each full cycle of repetitive firing: from the trough before a spike to the trough after it (the
    /// lowest recorded V between successive crossings of the state event `event`), for every spike with a spike on
    /// either side.
    public func actionPotentialCosts(event: String = "spike", ion: String = "Na") throws -> [ActionPotentialCost] {
        let spikes = crossingTimes(of: event)
        guard spikes.count >= 3 else { return [] }
        let v = (0..<count).map { model(at: $0).potential(stateVector(at: $0)) }
        let troughs: [Double] = zip(spikes, spikes.dropFirst()).map { a, b in
            var best = a, lowest = Double.infinity
            for i in 0..<count where times[i] > a && times[i] < b && v[i] < lowest { lowest = v[i]; best = times[i] }
            return best
        }
        return try zip(troughs, troughs.dropFirst()).map { try actionPotentialCost(from: $0, to: $1, ion: ion) }
    }
}
