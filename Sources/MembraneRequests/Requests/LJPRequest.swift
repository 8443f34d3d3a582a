import Membrane
import MembraneReport

/// `ljp`: the liquid junction potential of the bath relative to the pipette solution (Barry & Lynch 1991,
/// J. Membr. Biol. 121:101; Neher 1992, Methods Enzymol. 207:123), how to correct a recording with it, the bath
/// change offset, and the other method's value for comparison.
public struct LJPRequest: MembraneRequest {
    public static let command = "ljp"
    public static let defaultMethod = "planck"
    public static let defaultMobilities = "catalog"
    public static let defaultConfiguration = "whole-cell"
    /// The bath reference when the bath changes: a bare Ag/AgCl wire.
    public static let defaultReference = "agcl"
    /// npp: a junction 1 µm long on 400 grid intervals (within µV of planck at that length).
    public static let defaultJunctionLength: Scalar = "1", defaultGridIntervals = 400
    /// Points of the junction profile when one is asked for.
    public static let defaultProfilePoints = 101
    /// The most profile points or npp grid intervals a request may ask for: finer than any plot or µV needs, and a
    /// bound on the memory and time one request can take (a server's, too).
    public static let maximumGridSize = 100_000

    public var pipette: Assignments
    public var bath: Assignments
    public var method: String?
    public var mobilities: String?
    public var measuredVm: Scalar?
    public var configuration: String?
    public var restingPotential: Scalar?
    public var bathChange: Assignments?
    public var reference: String?
    /// The ion whose concentration is adjusted to make each side electroneutral (the change is reported).
    public var electroneutralize: String?
    public var activityModel: String?
    /// Diffusion coefficients (m²/s) that override or add to the catalog's.
    public var diffusion: Assignments?
    public var junctionLengthUm: Scalar?
    public var gridIntervals: Int?
    /// The junction profile with this many points (returned only when given; the command line sets it when
    /// `--profile` or `--plot` asks for a file).
    public var profilePoints: Int?
    public var temperature: Scalar?
    public var constants: String?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case pipette, bath, method, mobilities, configuration, reference, electroneutralize, diffusion, temperature, constants
        case measuredVm = "measured-vm", restingPotential = "resting-potential", bathChange = "bath-change"
        case activityModel = "activity-model", junctionLengthUm = "junction-length-um", gridIntervals = "grid-intervals"
        case profilePoints = "profile-points"
    }

    public init(pipette: Assignments, bath: Assignments) {
        self.pipette = pipette
        self.bath = bath
    }

    public func run(in context: inout RequestContext) throws -> JunctionReport {
        let conditions = try Defaults.conditions(temperature: temperature, constants: constants)
        let methodName = method ?? Self.defaultMethod
        guard let method = JunctionMethod(rawValue: methodName.lowercased()) else {
            throw MembraneError.invalidValue(field: "method", value: methodName, allowed: "planck, henderson or npp")
        }
        let table = try MobilityTable.named(mobilities ?? Self.defaultMobilities)
        let overrides = try diffusion.map { try $0.namedValues(field: "diffusion", example: "GTP=0.3e-9") } ?? []
        var junction = try LiquidJunction(
            pipette: InputParsing.solution(pipette, field: "pipette", context: &context).overridingDiffusion(overrides),
            bath: InputParsing.solution(bath, field: "bath", context: &context).overridingDiffusion(overrides),
            mobilities: table, conditions: conditions)
        var warnings: [String] = []
        if let ion = electroneutralize {
            let (adjusted, changes) = try junction.electroneutralized(by: ion)
            junction = adjusted
            warnings += changes
        } else if method == .henderson {
            let (p, b) = junction.chargeImbalance
            for (side, net) in [("pipette", p), ("bath", b)] where !junction.isRoundOff(net, side: side) {
                warnings.append("the \(side) is not electroneutral (net charge \(net) mM); Henderson computed it as given")
            }
        }
        if let profilePoints, !(2...Self.maximumGridSize).contains(profilePoints) {
            throw MembraneError.invalidValue(field: "profile-points", value: "\(profilePoints)", allowed: "2 to \(Self.maximumGridSize) points")
        }
        if let gridIntervals, !(8...Self.maximumGridSize).contains(gridIntervals) {
            throw MembraneError.invalidValue(field: "grid-intervals", value: "\(gridIntervals)", allowed: "8 to \(Self.maximumGridSize) grid intervals")
        }
        if let profilePoints, method == .henderson {
            throw MembraneError.invalidValue(field: "profile-points", value: "\(profilePoints)",
                                             allowed: "a junction profile of `method` planck or npp (Henderson's equation has none; the command line asks for one with --profile and --plot)")
        }
        let options = PlanckJunction.Options(profilePoints: profilePoints ?? 0)
        let pnp = PoissonNernstPlanckJunction.Options(
            length: .micrometres(try (junctionLengthUm ?? Self.defaultJunctionLength).positive(field: "junction-length-um",
                                                                                                allowed: "a junction length > 0 in µm")),
            intervals: gridIntervals ?? Self.defaultGridIntervals)
        let activity = try ActivityModel.named(activityModel ?? Defaults.potentialActivityModel, field: "activity-model")
        let result = try JunctionSolver.solve(junction, method: method, options: options, pnp: pnp, activity: activity)
        let comparison = try? JunctionSolver.solve(junction, method: method == .henderson ? .planck : .henderson, activity: activity,
                                                   estimateSpread: false)
        let configuration = try RecordingConfiguration.named(self.configuration ?? Self.defaultConfiguration)
        var bathOffset: Voltage? = nil
        var bathOffsetDescription: String? = nil
        if let bathChange {
            let newBath = try InputParsing.solution(bathChange, field: "bath-change", context: &context)
            (bathOffset, bathOffsetDescription) = try Self.bathOffset(from: junction.bath, to: newBath, reference: reference ?? Self.defaultReference,
                                                                      method: method, mobilities: table, conditions: conditions)
        }
        var measured: Voltage? = nil, corrected: Voltage? = nil
        if let measuredVm {
            let m = try measuredVm.voltage(field: "measured-vm")
            let rest = try restingPotential.map { try $0.voltage(field: "resting-potential") }
            corrected = try configuration.correctedPotential(measured: m, ljp: result.potential,
                                                             bathOffset: bathOffset ?? .zero, restingPotential: rest)
            measured = m
        }
        return JunctionReport(junction: junction, result: result, comparison: comparison, configuration: configuration,
                              measured: measured, corrected: corrected, bathOffset: bathOffset,
                              bathOffsetDescription: bathOffsetDescription, warnings: warnings)
    }

    /// The junction profile (potential, then concentrations, against position) when `profile-points` asked for it.
    public func figure(of output: JunctionReport) -> SVGFigure? { output.profileFigure() }

    /// The shift of the bath electrode's potential when the bath is exchanged after zeroing, for each reference:
    /// a bare Ag/AgCl wire follows the chloride activity (Neher 1992); an agar bridge of the original bath sees the
    /// junction of the new bath against the old; a 3 M KCl bridge changes its own junction.
    static func bathOffset(from oldBath: Solution, to newBath: Solution, reference: String, method: JunctionMethod,
                           mobilities table: MobilityTable, conditions: Conditions) throws -> (Voltage, String) {
        switch reference.lowercased() {
        case "agcl", "ag/agcl", "silver":
            return (try SilverChlorideOffset.bathShift(oldChloride: oldBath["Cl"] ?? .zero, newChloride: newBath["Cl"] ?? .zero,
                                                       conditions: conditions),
                    "bare Ag/AgCl bath electrode: (RT/F)·ln(Cl_new/Cl_old)")
        case "bath-bridge":
            let shift = try JunctionSolver.solve(LiquidJunction(pipette: oldBath, bath: newBath, mobilities: table, conditions: conditions),
                                                 method: method)
            return (shift.potential, "agar bridge of the original bath: LJP of the new bath relative to the old")
        case "kcl-bridge":
            let kcl = try Solution(millimolar: ["K": 3000, "Cl": 3000])
            let before = try JunctionSolver.solve(LiquidJunction(pipette: kcl, bath: oldBath, mobilities: table, conditions: conditions), method: method)
            let after = try JunctionSolver.solve(LiquidJunction(pipette: kcl, bath: newBath, mobilities: table, conditions: conditions), method: method)
            return (after.potential - before.potential,
                    "3 M KCl bridge: change of the bridge junction (ideal solutions; activities matter at 3 M)")
        default:
            throw MembraneError.invalidValue(field: "reference", value: reference, allowed: "agcl, bath-bridge or kcl-bridge")
        }
    }
}
