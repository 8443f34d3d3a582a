import Membrane
import MembraneReport

/// `microdomain`: free Ca²⁺ and the local E_Ca near open Ca²⁺ channels, each a point source into the cytosolic
/// half space, c(r) = c∞ + i/(2π·z·F·D·r) (Neher 1986, Exp. Brain Res. Ser. 14:80), with mobile buffers by the
/// excess-buffer or rapid-buffer approximation (Smith 1996, Biophys. J. 71:3064) and clusters by superposition.
public struct MicrodomainRequest: MembraneRequest {
    public static let command = "microdomain"
    /// The permeant divalent cation.
    public static let defaultIon = "Ca"
    /// Excess-buffer approximation.
    public static let defaultApproximation = "eba"
    /// The largest distance of the profile, nm.
    public static let defaultToNm: Scalar = "1000"
    /// Points per decade of distance of the plotted profile (the printed table has fewer).
    public static let plotPointsPerDecade = 40

    /// The magnitude of the inward single-channel current, pA.
    public var currentPA: Scalar
    /// The distance from the pore, nm.
    public var distanceNm: Scalar
    /// Bulk cytosolic free Ca²⁺.
    public var inside: Scalar
    /// Extracellular Ca²⁺.
    public var outside: Scalar
    public var ion: String?
    /// D of free Ca²⁺, µm²/s (default ``MicrodomainProblem/defaultDiffusivity``).
    public var diffusionUm2PerS: Scalar?
    /// Mobile buffers, each `"EGTA=10"`, `"BAPTA=1mM, calbindin=0.1"` or `X(kon=…,kd=…,D=…)=conc`.
    public var buffer: Repeated<Assignments>?
    /// `eba` (excess buffer) or `rba` (rapid buffer).
    public var approximation: String?
    /// Pore radius, nm (default ``MicrodomainProblem/defaultPoreRadius``).
    public var poreRadiusNm: Scalar?
    /// A square cluster of this many channels (with `spacing-nm`).
    public var channels: Int?
    public var spacingNm: Scalar?
    /// Channel positions `"x,y; x,y"` in nm (the first is the reference channel).
    public var positionsNm: String?
    /// The largest distance of the profile, nm.
    public var toNm: Scalar?
    public var temperature: Scalar?
    public var constants: String?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case inside, outside, ion, buffer, approximation, channels, temperature, constants
        case currentPA = "current-pA", distanceNm = "distance-nm", diffusionUm2PerS = "diffusion-um2-per-s"
        case poreRadiusNm = "pore-radius-nm", spacingNm = "spacing-nm", positionsNm = "positions-nm", toNm = "to-nm"
    }

    public init(currentPA: Scalar, distanceNm: Scalar, inside: Scalar, outside: Scalar) {
        self.currentPA = currentPA
        self.distanceNm = distanceNm
        self.inside = inside
        self.outside = outside
    }

    /// The channels, buffers and conditions (validated by ``Microdomain/solve(_:distance:profile:fractions:)``).
    public func problem() throws -> MicrodomainProblem {
        let ion = try InputParsing.ion(self.ion ?? Self.defaultIon, valence: nil)
        var problem = MicrodomainProblem(
            current: try currentPA.number(field: "current-pA") * 1e-12, inside: try inside.concentration(field: "inside"),
            outside: try outside.concentration(field: "outside"), valence: ion.charge,
            conditions: try Defaults.conditions(temperature: temperature, constants: constants))
        if let diffusionUm2PerS {
            problem.diffusivity = .squareMetresPerSecond(try diffusionUm2PerS.number(field: "diffusion-um2-per-s") * 1e-12)
        }
        if let poreRadiusNm { problem.poreRadius = .metres(try poreRadiusNm.number(field: "pore-radius-nm") * 1e-9) }
        problem.buffers = try (buffer?.values ?? []).flatMap { try CalciumBuffer.parseList($0.text, field: "buffer") }
        let approximationName = approximation ?? Self.defaultApproximation
        guard let approximation = BufferApproximation(rawValue: approximationName.lowercased()) else {
            throw MembraneError.invalidValue(field: "approximation", value: approximationName, allowed: "eba or rba")
        }
        problem.approximation = approximation
        switch (channels, spacingNm, positionsNm) {
        case (nil, nil, nil): break
        case (let n?, let s?, nil):
            problem.channels = try MicrodomainProblem.squareCluster(count: n, spacing: .metres(try s.number(field: "spacing-nm") * 1e-9))
        case (nil, nil, let p?): problem.channels = try ChannelPosition.parseList(p, field: "positions-nm")
        default:
            throw MembraneError.invalidValue(field: "channels", value: channels.map(String.init) ?? positionsNm ?? spacingNm?.text ?? "",
                                             allowed: "either `channels` N with `spacing-nm` S, or `positions-nm` \"x,y; x,y\"")
        }
        return problem
    }

    /// The distance and the profile's largest distance.
    func distances() throws -> (distance: Length, to: Length) {
        (.metres(try distanceNm.number(field: "distance-nm") * 1e-9), .metres(try (toNm ?? Self.defaultToNm).number(field: "to-nm") * 1e-9))
    }

    public func run(in context: inout RequestContext) throws -> MicrodomainResult {
        let problem = try problem()
        let (r, to) = try distances()
        return try Microdomain.solve(problem, distance: r, profile: try Microdomain.profileDistances(from: problem.poreRadius, to: to))
    }

    /// Local and bulk E_Ca against distance, on a denser profile than the printed table.
    public func figure(of output: MicrodomainResult) throws -> SVGFigure? {
        let (r, to) = try distances()
        let dense = try Microdomain.profileDistances(from: output.problem.poreRadius, to: to, pointsPerDecade: Self.plotPointsPerDecade)
        return SVGFigure(panels: [try Microdomain.solve(output.problem, distance: r, profile: dense, fractions: []).figure()])
    }
}
