import Membrane
import MembraneReport

/// `drive`: the driving force V_m − E, current and flux direction, the Ussing flux ratio and ΔG of moving one
/// mole of the ion from outside to inside, ΔG = RT·ln(a_in/a_out) + zF·V_m (Hille 2001, ch. 1).
public struct DriveRequest: MembraneRequest {
    public static let command = "drive"

    public var ion: String
    public var inside: Scalar
    public var outside: Scalar
    public var vm: Scalar
    public var valence: Int?
    public var gammaInside: Scalar?
    public var gammaOutside: Scalar?
    public var activityModel: String?
    public var insideSolution: Assignments?
    public var outsideSolution: Assignments?
    public var temperature: Scalar?
    public var constants: String?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case ion, inside, outside, vm, valence, temperature, constants
        case gammaInside = "gamma-inside", gammaOutside = "gamma-outside", activityModel = "activity-model"
        case insideSolution = "inside-solution", outsideSolution = "outside-solution"
    }

    public init(ion: String, inside: Scalar, outside: Scalar, vm: Scalar) {
        self.ion = ion
        self.inside = inside
        self.outside = outside
        self.vm = vm
    }

    public func run(in context: inout RequestContext) throws -> ActivityAnnotated {
        let ion = try InputParsing.ion(self.ion, valence: valence)
        let conditions = try Defaults.conditions(temperature: temperature, constants: constants)
        var gIn = try gammaInside.map { try $0.number(field: "gamma-inside") } ?? 1
        var gOut = try gammaOutside.map { try $0.number(field: "gamma-outside") } ?? 1
        let cIn = try inside.concentration(field: "inside"), cOut = try outside.concentration(field: "outside")
        let activity = ActivityInputs(activityModel: activityModel, insideSolution: insideSolution, outsideSolution: outsideSolution)
        let model = try activity.singleIon(ion, inside: cIn, outside: cOut, conditions: conditions,
                                           explicitGammas: gammaInside != nil || gammaOutside != nil)
        if let model { gIn = model.gammaInside; gOut = model.gammaOutside }
        let nernst = try Nernst.calculate(ion: ion, inside: cIn, outside: cOut, gammaInside: gIn, gammaOutside: gOut, conditions: conditions)
        let vm = try self.vm.voltage(field: "vm")
        let df = DrivingForce(ion: ion, vm: vm, reversal: nernst.potential, conditions: conditions)
        let transfer = try ElectrochemicalPotential.transfer(charge: ion.charge, activityInside: nernst.activityInside,
                                                             activityOutside: nernst.activityOutside, vm: vm, conditions: conditions)
        return try activity.annotate(DriveReport(nernst: nernst, drivingForce: df, transfer: transfer),
                                     inside: model?.inside, outside: model?.outside,
                                     backgrounds: model.map { ($0.insideBackground, $0.outsideBackground) })
    }
}
