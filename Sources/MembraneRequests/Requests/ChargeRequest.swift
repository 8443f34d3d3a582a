import Membrane
import MembraneReport

/// `charge`: the charge that holds V_m on a spherical cell, Q = C_m·4πr²·V_m, in coulombs and in ions
/// (Hille 2001, ch. 1).
public struct ChargeRequest: MembraneRequest {
    public static let command = "charge"
    /// 1 µF/cm², the specific capacitance of biological membranes (Hille 2001, ch. 1).
    public static let defaultCapacitance: Scalar = "1"
    /// The ion that moves: K⁺.
    public static let defaultIon = "K"

    public var vm: Scalar
    public var radiusUm: Scalar
    public var capacitance: Scalar?
    public var ion: String?
    /// The ion's concentration inside, for the fraction of the cell's ions moved.
    public var inside: Scalar?
    public var temperature: Scalar?
    public var constants: String?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case vm, ion, inside, temperature, constants
        case radiusUm = "radius-um", capacitance = "capacitance-uF-per-cm2"
    }

    public init(vm: Scalar, radiusUm: Scalar) {
        self.vm = vm
        self.radiusUm = radiusUm
    }

    public func run(in context: inout RequestContext) throws -> MembraneCharge {
        let ion = try InputParsing.ion(self.ion ?? Self.defaultIon, valence: nil)
        return try MembraneCharge(
            vm: vm.voltage(field: "vm"),
            radius: .micrometres(radiusUm.positive(field: "radius-um", allowed: "a radius > 0 in µm")),
            specificCapacitance: .microfaradsPerSquareCentimetre((capacitance ?? Self.defaultCapacitance)
                .positive(field: "capacitance-uF-per-cm2", allowed: "a specific capacitance > 0 in µF/cm²")),
            charge: ion.charge,
            insideConcentration: inside.map { try $0.concentration(field: "inside") },
            conditions: Defaults.conditions(temperature: temperature, constants: constants))
    }
}
