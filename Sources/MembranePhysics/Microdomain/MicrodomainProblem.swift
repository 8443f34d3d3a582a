import MembraneUnits
import RealModule

/// How mobile buffers are treated near the pore.
public enum BufferApproximation: String, Sendable, CaseIterable {
    /// Excess-buffer approximation (Neher 1986): free buffer stays at its bulk value B_free(c∞), so buffering is a
    /// first-order sink and Δc = σ/(2πDr)·e^{−r/λ}, λ = √(D/Σk_on·B_free). Valid while the buffer is not depleted.
    case excessBuffer = "eba"
    /// Rapid-buffer approximation (Wagner & Keizer 1994, Biophys. J. 67:447; Smith 1996, Biophys. J. 71:3064):
    /// binding is at equilibrium everywhere, so D_Ca·c + Σ D_B·[CaB](c) obeys Laplace's equation; valid where binding
    /// is fast compared with diffusion over the distance of interest (r ≫ λ).
    case rapidBuffer = "rba"

    /// The approximation's name for reports ("excess-buffer approximation (EBA)").
    public var label: String {
        switch self {
        case .excessBuffer: return "excess-buffer approximation (EBA)"
        case .rapidBuffer: return "rapid-buffer approximation (RBA)"
        }
    }
}

/// A channel's position in the plane of the membrane.
public struct ChannelPosition: Sendable, Hashable {
    /// Position along the first axis of the membrane plane.
    public var x: Length
    /// Position along the second axis of the membrane plane.
    public var y: Length
    /// The position (x, y).
    public init(x: Length, y: Length) {
        self.x = x
        self.y = y
    }
    /// (0, 0): the reference channel's usual place.
    public static let origin = ChannelPosition(x: .zero, y: .zero)

    /// Parses `"x,y; x,y; …"` in nanometres (the first position is the reference channel).
    public static func parseList(_ text: String, field: String) throws -> [ChannelPosition] {
        let allowed = "positions in nm as \"x,y; x,y; …\", e.g. \"0,0; 20,0; 0,20\" (the first is the reference channel)"
        let points = text.split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !points.isEmpty else { throw MembraneError.invalidValue(field: field, value: text, allowed: allowed) }
        return try points.map { point in
            let xy = point.split(separator: ",").map { String($0) }
            guard xy.count == 2 else { throw MembraneError.invalidValue(field: field, value: point, allowed: allowed) }
            return ChannelPosition(x: .metres(try QuantityParser.number(xy[0], field: field, allowed: allowed) * 1e-9),
                                   y: .metres(try QuantityParser.number(xy[1], field: field, allowed: allowed) * 1e-9))
        }
    }
}

/// Open Ca²⁺ channels in a flat membrane pouring Ca²⁺ into the cytosol, and the steady microdomain they make.
///
/// Each channel is a point source of σ = i/(z·F) mol/s (i the magnitude of its inward unitary current) into the
/// half space of the cytosol. Concentrations are evaluated at depth r into the cytosol straight below the
/// *reference* channel (the first position), so that the distance to channel k is √(d_k² + r²) with d_k its lateral
/// offset; for one channel this is the hemispherical distance r.
public struct MicrodomainProblem: Sendable {
    /// |i|, the inward single-channel current in A (the same for every channel).
    public var current: Double
    /// Channel positions; the first is the reference channel.
    public var channels: [ChannelPosition]
    /// Free Ca²⁺ in the bulk cytosol (c∞).
    public var inside: Concentration
    /// Free Ca²⁺ outside (for E_Ca).
    public var outside: Concentration
    /// D of free Ca²⁺ in the cytosol.
    public var diffusivity: Diffusivity
    /// The mobile Ca²⁺ buffers of the cytosol, one per site type.
    public var buffers: [CalciumBuffer]
    /// How the buffers are treated near the pore: EBA or RBA.
    public var approximation: BufferApproximation
    /// The radius of the pore mouth: the point source stands for the pore only at r ≥ this.
    public var poreRadius: Length
    /// The permeant ion's valence (2 for Ca²⁺).
    public var valence: Int
    /// Temperature and constant set (F, RT/F).
    public var conditions: Conditions

    /// D(Ca²⁺) = 220 µm²/s: Allbritton, Meyer & Stryer 1992 (Science 258:1812) measured 223 µm²/s for free Ca²⁺ in
    /// cytosolic extract of Xenopus oocytes (buffers saturated; quoted as 223 µm²/s in Table 2 of Schmidt et al. 2003,
    /// J. Physiol. 551:13, and as 0.223 µm²/ms in Table 1 of Kobbersmed et al. 2020, eLife 9:e51032); 220 µm²/s is
    /// the rounded value of microdomain models (Naraghi & Neher 1997; Eggermann et al. 2012) and INTERFACE.md's
    /// default.
    public static let defaultDiffusivity = Diffusivity.squareMetresPerSecond(220e-12)

    /// 0.3 nm: the lower bound on the narrowest radius of the Ca²⁺ channel pore (McCleskey & Almers 1985, PNAS
    /// 82:7149, abstract: tetramethylammonium, the largest permeant cation, is about 6 Å across, so the aqueous pore
    /// is at least that wide at its narrowest point). Below it the point source is meaningless.
    public static let defaultPoreRadius = Length.metres(0.3e-9)

    /// A problem from its fields (see each property): by default one channel, D = 220 µm²/s, no buffers, EBA, a pore
    /// radius of 0.3 nm and Ca²⁺ (z = 2).
    public init(current: Double, channels: [ChannelPosition] = [.origin], inside: Concentration, outside: Concentration,
                diffusivity: Diffusivity = MicrodomainProblem.defaultDiffusivity, buffers: [CalciumBuffer] = [],
                approximation: BufferApproximation = .excessBuffer,
                poreRadius: Length = MicrodomainProblem.defaultPoreRadius, valence: Int = 2,
                conditions: Conditions = Conditions()) {
        self.current = current
        self.channels = channels
        self.inside = inside
        self.outside = outside
        self.diffusivity = diffusivity
        self.buffers = buffers
        self.approximation = approximation
        self.poreRadius = poreRadius
        self.valence = valence
        self.conditions = conditions
    }

    /// σ = |i|/(z·F), mol/s per channel.
    public var fluxPerChannel: Double { current / (Double(valence) * conditions.faraday) }

    /// `count` channels on a square lattice of pitch `spacing` (⌈√count⌉ per row, filled row by row); the channel
    /// nearest the lattice's centre comes first, so that it is the reference channel.
    public static func squareCluster(count: Int, spacing: Length) throws -> [ChannelPosition] {
        guard count >= 1, count <= 10_000 else {
            throw MembraneError.invalidValue(field: "channels", value: "\(count)", allowed: "a number of channels from 1 to 10000")
        }
        try MembraneError.requirePositive(spacing.metres, field: "spacing-nm", scale: 1e9, allowed: "a channel spacing > 0 nm")
        let side = Int(Double.sqrt(Double(count)).rounded(.up))
        var points = (0..<count).map { ChannelPosition(x: Double($0 % side) * spacing, y: Double($0 / side) * spacing) }
        let cx = points.reduce(0) { $0 + $1.x.metres } / Double(count), cy = points.reduce(0) { $0 + $1.y.metres } / Double(count)
        let centre = points.indices.min { a, b in
            let da = (points[a].x.metres - cx) * (points[a].x.metres - cx) + (points[a].y.metres - cy) * (points[a].y.metres - cy)
            let db = (points[b].x.metres - cx) * (points[b].x.metres - cx) + (points[b].y.metres - cy) * (points[b].y.metres - cy)
            return da < db
        }!
        points.swapAt(0, centre)
        return points
    }

    func validate() throws {
        try MembraneError.requireNonNegative(current, field: "current-pA", scale: 1e12,
            allowed: "the magnitude of the inward single-channel current, ≥ 0 pA (e.g. 0.5)")
        try MembraneError.requirePositive(inside.millimolar, field: "inside",
            allowed: "a bulk cytosolic Ca²⁺ concentration > 0 (e.g. 100nM): E_Ca needs both bulk concentrations")
        try MembraneError.requirePositive(outside.millimolar, field: "outside",
            allowed: "an extracellular Ca²⁺ concentration > 0 (e.g. 2): E_Ca needs both bulk concentrations")
        try MembraneError.requirePositive(diffusivity.squareMetresPerSecond, field: "diffusion-um2-per-s", scale: 1e12,
            allowed: "a diffusion coefficient > 0 µm²/s (cytosol: 220)")
        try MembraneError.requirePositive(poreRadius.metres, field: "pore-radius-nm", scale: 1e9, allowed: "a pore radius > 0 nm (default 0.3)")
        guard valence > 0 else {
            throw MembraneError.invalidValue(field: "ion", value: "z = \(valence)", allowed: "a cation (z > 0) entering through the channel, e.g. Ca, Ba, Sr")
        }
        guard !channels.isEmpty else {
            throw MembraneError.invalidValue(field: "channels", value: "0", allowed: "at least one channel")
        }
        for c in channels {
            try MembraneError.requireFinite(c.x.metres, field: "positions-nm")
            try MembraneError.requireFinite(c.y.metres, field: "positions-nm")
        }
        for b in buffers {
            try b.validate(field: "buffer.\(b.name)")
            if approximation == .excessBuffer && b.diffusivity.squareMetresPerSecond == 0 && b.total.millimolar > 0 {
                throw MembraneError.invalidValue(field: "buffer.\(b.name).D", value: "0",
                    allowed: "a mobile buffer (D > 0) under the excess-buffer approximation: an immobile buffer equilibrates and leaves the steady microdomain unbuffered (use `approximation` rba)")
            }
        }
    }
}
