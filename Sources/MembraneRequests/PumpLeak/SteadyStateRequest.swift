import Membrane
import MembraneReport

/// `steady-state`: the pump–leak steady state (Newton, continuation fallback) with the pump's energy budget and
/// the range of pump rates with a steady state, or a sweep of Keener & Sneyd's dimensionless pump rate P.
public struct SteadyStateRequest: MembraneRequest, PumpLeakInputs {
    public static let command = "steady-state"

    public var preset: String?
    public var config: PumpLeakConfig?
    public var pumpRate: Scalar?
    public var pumpCurrent: Scalar?
    public var atp: Scalar?
    public var adp: Scalar?
    public var phosphate: Scalar?
    /// Sweep P: `FROM:TO:POINTS`.
    public var sweep: String?
    /// A cap on Newton iterations (for diagnosis).
    public var maxIterations: Int?
    public var temperature: Scalar?
    public var constants: String?
    public var set: Assignments?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case preset, config, sweep, temperature, constants, set
        case pumpRate = "pump-rate", pumpCurrent = "pump-current-uA-per-cm2", atp = "atp-mM", adp = "adp-mM"
        case phosphate = "phosphate-mM", maxIterations = "max-iterations"
    }

    public init(preset: String? = nil) { self.preset = preset }

    /// One steady state, or a sweep over P.
    public enum Output: Renderable {
        case single(SteadyStateReport)
        case sweep(SteadyStateSweep)
        public var json: JSONValue {
            switch self { case .single(let r): return r.json; case .sweep(let s): return s.json }
        }
        public var text: String {
            switch self { case .single(let r): return r.text; case .sweep(let s): return s.text }
        }
        /// The sweep as CSV (nil for a single steady state).
        public var csv: String? {
            if case .sweep(let s) = self { return s.csv() }
            return nil
        }
    }

    /// V_m, concentrations and volume against the pump rate of a sweep (none for a single steady state).
    public func figure(of output: Output) -> SVGFigure? {
        if case .sweep(let s) = output { return s.figure() }
        return nil
    }

    public func run(in context: inout RequestContext) throws -> Output {
        let scenario = try scenario()
        var solver = SteadyStateSolver()
        if let maxIterations {
            guard maxIterations >= 1 else {
                throw MembraneError.invalidValue(field: "max-iterations", value: "\(maxIterations)", allowed: "at least 1")
            }
            solver = solver.limited(to: maxIterations)
        }
        if let sweep { return .sweep(try runSweep(sweep, scenario: scenario, solver: solver, context: &context)) }
        let steady = try solver.solve(scenario)
        return .single(SteadyStateReport(steadyState: steady, closedForm: Self.closedForm(scenario, preset: preset ?? Defaults.pumpLeakPreset),
                                         range: Self.existence(scenario, context: context)))
    }

    /// The range of pump rates with a steady state. It does not depend on the pump's own rate
    /// (``SteadyStateExistence/pumpRateRange(_:)``), and `pump-rate` and `pump-current-uA-per-cm2` set nothing else
    /// of the scenario (``PumpLeakInputs/scenario()``; the pump they may add exists at every value), so runs that differ
    /// only in those share it (``RunMemo``): a sweep of the pump rate computes it once.
    static func existence(_ scenario: Scenario, context: RequestContext) -> PumpRateRange? {
        let intervals = context.value("existence", independentOf: [CodingKeys.pumpRate.stringValue, CodingKeys.pumpCurrent.stringValue]) {
            SteadyStateExistence.pumpRateRange(scenario)?.intervals
        }
        return intervals.map { PumpRateRange(scenario: scenario, intervals: $0) }
    }

    /// Keener & Sneyd's closed form (*Mathematical Physiology*, 3rd ed., ch. 2; ``KeenerSneyd``), for the
    /// keener-sneyd preset when its assumptions hold: a constant pump, ohmic Na and K leaks.
    /// `preset` is the request's preset (a configuration renames the scenario).
    static func closedForm(_ s: Scenario, preset: String) -> KeenerSneyd.SteadyState? {
        guard preset == "keener-sneyd", s.pump?.kinetics == .constant, let p = s.dimensionlessPumpRate,
              let na = s.index(of: "Na"), let k = s.index(of: "K"), let gNa = s.sodiumConductance else { return nil }
        var gK = 0.0
        for leak in s.leaks where leak.ion == "K" { if case .ohmic(let g) = leak.kind { gK += g.siemensPerSquareMetre } }
        guard gK > 0 else { return nil }
        return KeenerSneyd.steadyState(pumpRate: p, sodiumOutside: s.outside[na].millimolar, potassiumOutside: s.outside[k].millimolar,
                                       gamma: gNa / gK, impermeantCharge: s.impermeant.charge)
    }

    func runSweep(_ text: String, scenario: Scenario, solver: SteadyStateSolver, context: inout RequestContext) throws -> SteadyStateSweep {
        let parts = text.split(separator: ":").map(String.init)
        guard parts.count == 3, let count = Int(parts[2]), count >= 2, count <= 100_000 else {
            throw MembraneError.invalidValue(field: "sweep", value: text, allowed: "FROM:TO:POINTS with 2 ≤ POINTS ≤ 100000, e.g. 0.1:14:140")
        }
        let from = try QuantityParser.number(parts[0], field: "sweep"), to = try QuantityParser.number(parts[1], field: "sweep")
        guard from >= 0, to > from else {
            throw MembraneError.invalidValue(field: "sweep", value: text, allowed: "0 ≤ FROM < TO")
        }
        var points: [SteadyStateSweep.Point] = []
        var interrupted = false
        for i in 0..<count {
            if context.shouldStop() { interrupted = true; break }
            let p = from + (to - from) * Double(i) / Double(count - 1)
            var s = scenario
            try s.setDimensionlessPumpRate(p)
            do {
                let steady = try solver.solve(s)
                points.append(.init(pumpRate: p, steadyState: steady, closedForm: Self.closedForm(s, preset: preset ?? Defaults.pumpLeakPreset), reason: nil))
            } catch let error as MembraneError {
                if case .undefined = error {
                    points.append(.init(pumpRate: p, steadyState: nil, closedForm: nil, reason: error.message))
                } else { throw error }
            }
            context.progress?(Double(i + 1) / Double(count)) { "P = \(Format.significant(p, 4))" }
        }
        return SteadyStateSweep(scenario: scenario, points: points, range: SteadyStateExistence.pumpRateRange(scenario),
                                interrupted: interrupted)
    }
}
