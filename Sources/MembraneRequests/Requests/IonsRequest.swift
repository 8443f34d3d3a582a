import Membrane
import MembraneReport

/// `ions`: the ion catalog — charge, limiting conductivity, D, mobility, ion size, and the source of each — with
/// D also at `temperature` when given (Stokes–Einstein with water's viscosity).
public struct IonsRequest: MembraneRequest {
    public static let command = "ions"

    public var temperature: Scalar?

    public enum CodingKeys: String, CodingKey, CaseIterable { case temperature }

    public init() {}

    public func run(in context: inout RequestContext) throws -> IonList {
        IonList(catalog: .standard, temperature: try temperature.map { try $0.temperature() })
    }
}
