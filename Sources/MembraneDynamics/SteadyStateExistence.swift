import MembraneUnits
import MembraneNumerics
import MembranePhysics
import RealModule

/// Whether a pump–leak cell in an infinite bath can reach a finite volume, and for which pump rates.
///
/// As the volume grows without bound the impermeant solute is diluted to nothing, so the cell approaches
/// the *impermeant-free* pump–leak state: fluxes balanced and Σ zⱼcⱼ = 0 with no N_X (the capacitive
/// charge vanishes relative to the contents, so that limit is electroneutral). If that state is already
/// at least as concentrated as the bath, any impermeant makes the cell hyperosmotic at every volume and it
/// swells without bound; if it is hypo-osmotic, the impermeant fills the gap at a finite volume. For
/// Keener & Sneyd's model this criterion is exactly α(P) < 1 (its impermeant-free osmolarity is
/// 2·C_e·√α); with the pump stopped it reduces to the Donnan catastrophe (the impermeant-free state is
/// the bath itself). For other kinetic laws it is used as stated, and Newton's method still decides.
public enum SteadyStateExistence {
    /// Osm(impermeant-free state) − Osm_out in mOsm/L, or nil if that state could not be computed
    /// (e.g. permeant ions of only one sign, when the cell cannot swell without bound anyway).
    public static func excessOsmolarity(_ system: CellModel, warmStart: inout [Double]?) -> Double? {
        let n = system.n
        let equations = SteadyStateEquations(system)
        let ions = (0..<n).filter { equations.pathway[$0] }
        let hasCation = ions.contains { system.z[$0] > 0 }, hasAnion = ions.contains { system.z[$0] < 0 }
        guard hasCation && hasAnion else { return nil }
        let m = ions.count
        func residual(_ x: [Double], _ f: inout [Double]) {
            let potential = x[0] * system.vt
            system.withWorkspace { ws in
                let ci = ws.ci, co = ws.co, phi = ws.phi
                for j in 0..<n { ci[j] = 0; co[j] = system.outsideFixed[j] }
                var charge = 0.0
                for (i, j) in ions.enumerated() { ci[j] = Double.exp(x[1 + i]); charge += system.z[j] * ci[j] }
                system.evaluateMembrane(system.natural(volume: 1), potential: potential, states: ws.rates, ws, rates: ws.rates)
                for (i, j) in ions.enumerated() { f[1 + i] = phi[j] / equations.fluxScale[j] }
                f[0] = charge / system.osmOutFixed
            }
        }
        let cold: [Double] = [0.0] + ions.map { Double.log(system.outsideFixed[$0]) }
        var x0: [Double] = warmStart ?? cold
        if x0.count != m + 1 { x0 = cold }
        let newton = NewtonSolver(tolerance: 1e-12, maximumIterations: 80, maximumStep: 4)
        var r = newton.solve(from: x0, residual: residual)
        if !r.converged && x0 != cold { r = newton.solve(from: cold, residual: residual) }
        guard r.converged else { return nil }
        warmStart = r.x
        var osm = 0.0
        for i in 0..<m { osm += Double.exp(r.x[1 + i]) }
        return osm - system.osmOutFixed
    }

    /// true / false when decidable; nil when the criterion does not apply.
    public static func finiteVolumeExists(_ system: CellModel) -> Bool? {
        var warm: [Double]? = nil
        guard let excess = excessOsmolarity(system, warmStart: &warm) else { return nil }
        return excess < -1e-9 * system.osmOutFixed
    }

    /// The pump rates for which a finite-volume steady state exists, found on a logarithmic grid from 10⁻⁴ to 10³
    /// times `referenceRate(_:)` and refined by Brent's method. The result does not depend on the scenario's own
    /// pump rate (`pump.maximalRate`) nor on `pumpActivity`: every rate tried replaces both.
    public static func pumpRateRange(_ scenario: Scenario) -> PumpRateRange? {
        guard var pump = scenario.pump, case .infinite = scenario.bath else { return nil }
        let reference = referenceRate(scenario)
        var warm: [Double]? = nil
        func excess(_ rate: Double) -> Double? {
            var s = scenario
            pump.maximalRate = rate
            s.pump = pump
            s.pumpActivity = 1
            guard let system = try? CellModel(s) else { return nil }
            return excessOsmolarity(system, warmStart: &warm)
        }
        var grid: [Double] = [0]
        for i in 0...140 { grid.append(reference * Double.exp10(-4 + Double(i) * 0.05)) }
        let tiny = 1e-9 * scenario.outside.reduce(0) { $0 + $1.millimolar }
        var values: [Double?] = []
        for r in grid { values.append(r == 0 ? excess(0).map { abs($0) <= tiny ? 0 : $0 } : excess(r)) }
        var intervals: [(Double, Double?)] = []
        var start: Double? = nil
        let zeroIncluded = (values[0] ?? 0) < -tiny
        for i in grid.indices {
            guard let v = values[i] else { continue }
            let inside = v < -tiny
            if inside && start == nil {
                // The pump stopped is the Donnan boundary itself (excess exactly 0): the range starts at 0.
                let atZero = i == 1 && values[0] == 0
                start = i == 0 || atZero ? 0 : refine(grid[i - 1], grid[i], values[i - 1], excess)
            } else if !inside, let s = start {
                intervals.append((s, refine(grid[i - 1], grid[i], values[i - 1], excess)))
                start = nil
            }
        }
        if let s = start { intervals.append((s, nil)) }
        return PumpRateRange(scenario: scenario, intervals: intervals.map {
            .init(lower: $0.0, upper: $0.1, includesLower: $0.0 == 0 && zeroIncluded)
        })
    }

    /// The scale of the grid of ``pumpRateRange(_:)``, in mol·m⁻²·s⁻¹: the Na⁺ leak's natural flux, Σ g·(RT/F)/F
    /// over ohmic Na⁺ leaks (Keener & Sneyd's P = 1) plus Σ P·[Na⁺]_out over GHK Na⁺ leaks; 10⁻⁷ (≈ 1 µA/cm² of pump
    /// current) when there is none. A property of the cell and its bath, never of the pump's own rate.
    static func referenceRate(_ scenario: Scenario) -> Double {
        var rate = 0.0
        let na = scenario.index(of: "Na")
        for leak in scenario.leaks where leak.ion == "Na" {
            switch leak.kind {
            case .ohmic(let g): rate += g.siemensPerSquareMetre * scenario.conditions.thermalVoltage / scenario.conditions.faraday
            case .ghk(let p): rate += p.metresPerSecond * (na.map { scenario.outside[$0].millimolar } ?? 0)
            }
        }
        return rate > 0 && rate.isFinite ? rate : 1e-7
    }

    static func refine(_ a: Double, _ b: Double, _ fa: Double?, _ f: (Double) -> Double?) -> Double {
        guard fa != nil else { return a }
        let r = BrentRootFinder(absoluteTolerance: 1e-14 * b, relativeTolerance: 1e-13).root(in: a, b) { f($0) ?? .nan }
        return r?.root ?? 0.5 * (a + b)
    }

    /// A sentence saying why there is no steady state and where there is one.
    static func explanation(_ scenario: Scenario, range: PumpRateRange?) -> String {
        var text: String
        if scenario.pump == nil || scenario.pumpActivity == 0 || scenario.pump!.maximalRate == 0 {
            text = "no steady state: with the pump stopped the cell tends to the Gibbs–Donnan equilibrium, and with no impermeant solute in the bath that state has no finite volume: the cell swells without bound (the Donnan catastrophe; Kay 2017, Keener & Sneyd ch. 2)"
        } else {
            let p = scenario.dimensionlessPumpRate.map { "P = \(Format.number($0)) (\(Format.number(scenario.pumpCurrentDensity)) µA/cm²)" }
                ?? "\(Format.number(scenario.pumpCurrentDensity)) µA/cm²"
            text = "no steady state at pump rate \(p): the impermeant-free pump–leak state is at least as concentrated as the bath, so the cell swells without bound"
        }
        if let range, !range.intervals.isEmpty {
            text += "; steady states exist for " + range.describe()
        } else if range != nil {
            text += "; no pump rate gives a steady state for this cell"
        }
        return text
    }
}

/// The pump rates for which a finite-volume steady state exists, as open intervals of the pump's rate.
public struct PumpRateRange: Sendable {
    /// One open interval (lower, upper) of J_max with a finite-volume steady state.
    public struct Interval: Sendable, Hashable {
        /// Maximal cycle flux J_max (mol·m⁻²·s⁻¹) at the ends; `upper` nil means unbounded.
        public var lower: Double
        /// The upper end, J_max in mol·m⁻²·s⁻¹; nil: unbounded.
        public var upper: Double?
        /// True when a steady state exists at `lower` itself (a pump rate of 0 with impermeant in the bath).
        public var includesLower = false
    }
    /// The scenario whose pump rate was varied.
    public var scenario: Scenario
    /// The intervals of J_max with a steady state, in increasing order.
    public var intervals: [Interval]

    /// The range `intervals` found for `scenario`.
    public init(scenario: Scenario, intervals: [Interval]) {
        self.scenario = scenario
        self.intervals = intervals
    }

    /// A rate J (mol·m⁻²·s⁻¹) as Keener & Sneyd's dimensionless P (nil without an ohmic Na leak).
    public func dimensionless(_ rate: Double) -> Double? {
        scenario.sodiumConductance.map { scenario.conditions.faraday * rate / ($0 * scenario.conditions.thermalVoltage) }
    }

    /// A rate as a maximal pump current density in µA/cm².
    public func microamperes(_ rate: Double) -> Double { scenario.conditions.faraday * rate * 100 }

    /// The largest pump rate with a steady state (the limiting rate), if bounded.
    public var limitingRate: Double? { intervals.compactMap(\.upper).max() }

    /// The intervals in words, as Keener & Sneyd's dimensionless P when the scenario has an ohmic Na⁺ leak, else as pump
    /// current densities in µA/cm² ("0 < P < 14.22 (limiting pump rate P_max = 14.22, … µA/cm²)").
    public func describe() -> String {
        let dimensionlessAvailable = dimensionless(1) != nil
        func fmt(_ r: Double) -> String {
            if let p = dimensionless(r) { return Format.number(p) }
            return "\(Format.number(microamperes(r))) µA/cm²"
        }
        let unit = dimensionlessAvailable ? "P" : "I_pump"
        return intervals.map { i in
            let lower = "\(fmt(i.lower)) \(i.includesLower ? "≤" : "<") \(unit)"
            guard let u = i.upper else { return unit + (i.includesLower ? " ≥ " : " > ") + fmt(i.lower) }
            let limit = dimensionlessAvailable
                ? " (limiting pump rate P_max = \(fmt(u)), \(Format.number(microamperes(u))) µA/cm²)"
                : " (limiting pump current)"
            return "\(lower) < \(fmt(u))\(limit)"
        }.joined(separator: " and ")
    }
}

extension Scenario {
    /// The pump's maximal net current density in µA/cm² (F·J_max).
    public var pumpCurrentDensity: Double { conditions.faraday * (pump?.maximalRate ?? 0) * 100 }
}

/// Number formatting for messages (no Foundation): 6 significant digits.
enum Format {
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        if x == 0 { return "0" }
        let magnitude = abs(x)
        let digits = magnitude >= 1 ? max(0, 5 - Int(Double.log10(magnitude).rounded(.down))) : 6 - Int(Double.log10(magnitude).rounded(.down))
        var scale = 1.0
        for _ in 0..<min(digits, 15) { scale *= 10 }
        let rounded = (x * scale).rounded() / scale
        var s = "\(rounded)"
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }
}
