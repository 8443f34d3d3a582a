import MembraneUnits
import MembraneNumerics
import RealModule

/// The steady Ca²⁺ microdomain of a ``MicrodomainProblem``: the free Ca²⁺ near open channels and the local E_Ca the
/// channel "sees" (seed 003, "The Un-Stirred Cell": from over +130 mV in the bulk to as low as +36 mV at the mouth).
///
/// With σ = i/(zF) per channel and ρ_k the distance to channel k (see ``HalfSpaceSource``):
///
/// - no buffer:        c = c∞ + Σ_k σ/(2π·D·ρ_k)                               (Neher 1986)
/// - EBA:              c = c∞ + Σ_k σ/(2π·D·ρ_k)·e^{−ρ_k/λ},  1/λ² = Σ_j k_on,j·B_free,j(c∞)/D
/// - RBA:              D·c + Σ_j D_j·B_T,j·c/(K_j + c) = D·c∞ + Σ_j D_j·B_T,j·c∞/(K_j + c∞) + Σ_k σ/(2π·ρ_k)
///                     (Smith 1996: the quadratic for one buffer, solved here in its cancellation-free form;
///                     Brent's method on the strictly increasing left side for several)
///
/// Superposition over channels is exact for the first two (the equations are linear) and for the RBA too, whose
/// "transport potential" D·c + Σ D_j·[CaB_j] obeys Laplace's equation. The local E_Ca = (RT/zF)·ln(c_out/c(r)).
public enum Microdomain {
    /// The free Ca²⁺ at depth r below the reference channel.
    public static func concentration(_ problem: MicrodomainProblem, at r: Length) throws -> Concentration {
        try problem.validate()
        try checkDistance(r, problem)
        return .molesPerCubicMetre(Compiled(problem).concentration(at: r.metres))
    }

    /// Everything at `distance`, the profile at `profile` distances and the times to reach `fractions` of the steady
    /// elevation at `distance`.
    public static func solve(_ problem: MicrodomainProblem, distance: Length, profile: [Length] = [],
                             fractions: [Double] = [0.5, 0.9, 0.99]) throws -> MicrodomainResult {
        try problem.validate()
        try checkDistance(distance, problem)
        for f in fractions {
            guard f > 0 && f < 1 else {
                throw MembraneError.invalidValue(field: "fraction", value: "\(f)", allowed: "a fraction of the steady state between 0 and 1")
            }
        }
        let m = Compiled(problem)
        let c = problem.conditions
        func sample(_ r: Length) -> MicrodomainSample {
            let local = m.concentration(at: r.metres)
            return MicrodomainSample(distance: r, concentration: .molesPerCubicMetre(local),
                                     potential: .volts(Nernst.volts(z: problem.valence, inside: local, outside: problem.outside.millimolar,
                                                                    thermalVoltage: c.thermalVoltage)))
        }
        let bulk = Voltage.volts(Nernst.volts(z: problem.valence, inside: problem.inside.millimolar,
                                              outside: problem.outside.millimolar, thermalVoltage: c.thermalVoltage))
        let here = sample(distance)
        var result = MicrodomainResult(problem: problem, point: here,
                                       profile: profile.filter { $0 >= problem.poreRadius }.map(sample),
                                       bulkPotential: bulk)
        result.unbufferedConcentration = .molesPerCubicMetre(m.unbuffered(at: distance.metres))
        let active = m.buffers.filter { $0.total.millimolar > 0 }
        if !active.isEmpty {
            result.lengthConstants = active.map { b in
                (b.name, Length.metres(Double.sqrt(m.d / b.captureRate(bulk: problem.inside))))
            }
            if problem.approximation == .excessBuffer {
                result.combinedLengthConstant = .metres(m.lambda)
                // Free buffer consumed by the EBA's captured Ca²⁺: δB_j = (k_j·λ²/D_j)·Σ_k σ(1 − e^{−ρ_k/λ})/(2π·D·ρ_k).
                func depletion(_ b: CalciumBuffer, _ r: Double) -> Double {
                    let k = b.captureRate(bulk: problem.inside)
                    let s = m.lateral.reduce(0.0) { sum, d2 in
                        let rho = Double.sqrt(d2 + r * r)
                        return sum - m.sigma * Double.expMinusOne(-rho / m.lambda) / (2 * .pi * m.d * rho)
                    }
                    return k * m.lambda * m.lambda / b.diffusivity.squareMetresPerSecond * s / b.free(at: problem.inside).molesPerCubicMetre
                }
                result.bufferDepletion = active.map { ($0.name, depletion($0, distance.metres), depletion($0, problem.poreRadius.metres)) }
                for (name, _, atPore) in result.bufferDepletion where atPore > 0.1 {
                    result.warnings.append("the excess-buffer approximation assumes free \(name) is not depleted, but it loses \(Format.number(100 * atPore)) % at the pore radius: the EBA overestimates the buffering there (try --approximation rba)")
                }
            } else {
                result.bufferSaturation = active.map { b in (b.name, b.bound(at: here.concentration).millimolar / b.total.millimolar) }
                if let shortest = result.lengthConstants.map(\.1).min(), distance < 3 * shortest {
                    result.warnings.append("the rapid-buffer approximation needs r ≫ λ (binding faster than diffusion over r); here r = \(Format.number(distance.metres * 1e9)) nm and λ = \(Format.number(shortest.metres * 1e9)) nm, so it underestimates the concentration (Smith, Wagner & Keizer 1996, Biophys. J. 70:2527)")
                }
            }
        }
        result.transientModel = m.buffered && problem.approximation == .rapidBuffer
            ? "unbuffered, for orientation (the rapid-buffer approximation has no closed-form transient)"
            : (m.buffered ? "excess-buffer approximation (first-order sink)" : "unbuffered")
        if problem.current > 0 {
            result.steadyStateTimes = try fractions.map { ($0, try m.timeToFraction($0, at: distance.metres)) }
        }
        return result
    }

    /// Distances for a profile from the pore radius `from` to `to`: the 1–2–5 series (plus `from` itself), or
    /// `pointsPerDecade` log-spaced points for a plot.
    public static func profileDistances(from: Length, to: Length, pointsPerDecade: Int? = nil) throws -> [Length] {
        // A pore radius that is 0 in metres (5e-324 nm underflows) would make the decade loop below endless.
        try MembraneError.requirePositive(from.metres, field: "pore-radius-nm", scale: 1e9, allowed: "a pore radius > 0 nm (default 0.3)")
        guard to.metres.isFinite, to > from, to.metres <= Domain.maximumRadiusMetres else {
            throw MembraneError.invalidValue(field: "to-nm", value: Format.number(to.metres * 1e9),
                                             allowed: "a largest distance > the pore radius (\(Format.number(from.metres * 1e9)) nm) and ≤ 1e9 nm (1 m, the largest cell)")
        }
        let a = Double.log10(from.metres), b = Double.log10(to.metres)
        if let n = pointsPerDecade {
            let count = max(2, Int(((b - a) * Double(n)).rounded(.up)) + 1)
            return (0..<count).map { .metres(Double.pow(10, a + (b - a) * Double($0) / Double(count - 1))) }
        }
        var out = [from]
        var decade = Double.pow(10, a.rounded(.down))
        while decade <= to.metres {
            for m in [1.0, 2, 5] where m * decade > from.metres * (1 + 1e-12) && m * decade <= to.metres * (1 + 1e-12) {
                out.append(.metres(m * decade))
            }
            decade *= 10
        }
        return out
    }

    static func checkDistance(_ r: Length, _ p: MicrodomainProblem) throws {
        guard r.metres.isFinite, r >= p.poreRadius else {
            throw MembraneError.invalidValue(field: "distance-nm", value: Format.number(r.metres * 1e9),
                allowed: "a distance ≥ the pore radius (\(Format.number(p.poreRadius.metres * 1e9)) nm, `pore-radius-nm`): the point source stands for the pore only outside it")
        }
    }

    /// The problem in SI numbers.
    struct Compiled {
        let sigma: Double, d: Double, cInf: Double
        /// Squared lateral distances of the channels from the reference channel.
        let lateral: [Double]
        let buffers: [CalciumBuffer]
        let approximation: BufferApproximation
        /// Total first-order capture rate Σ k_on·B_free(c∞) (EBA) and λ = √(D/k).
        let capture: Double
        let lambda: Double
        var buffered: Bool { capture > 0 }

        init(_ p: MicrodomainProblem) {
            sigma = p.fluxPerChannel
            d = p.diffusivity.squareMetresPerSecond
            cInf = p.inside.molesPerCubicMetre
            let x0 = p.channels[0].x.metres, y0 = p.channels[0].y.metres
            lateral = p.channels.map { ($0.x.metres - x0) * ($0.x.metres - x0) + ($0.y.metres - y0) * ($0.y.metres - y0) }
            buffers = p.buffers
            approximation = p.approximation
            capture = p.buffers.reduce(0) { $0 + $1.captureRate(bulk: p.inside) }
            lambda = capture > 0 ? Double.sqrt(d / capture) : .infinity
        }

        /// Σ_k σ/(2π·ρ_k) (mol/(m·s)), the source term of the transport potential.
        func source(at r: Double) -> Double {
            lateral.reduce(0) { $0 + sigma / (2 * .pi * Double.sqrt($1 + r * r)) }
        }

        func unbuffered(at r: Double) -> Double { cInf + source(at: r) / d }

        func concentration(at r: Double) -> Double {
            guard buffered else { return unbuffered(at: r) }
            switch approximation {
            case .excessBuffer:
                return cInf + lateral.reduce(0) { $0 + HalfSpaceSource.steady(flux: sigma, diffusivity: d, distance: Double.sqrt($1 + r * r), captureRate: capture) }
            case .rapidBuffer:
                return rapid(source(at: r))
            }
        }

        /// The RBA: the c ≥ c∞ with D·c + Σ D_j·b_j(c) = D·c∞ + Σ D_j·b_j(c∞) + s.
        func rapid(_ s: Double) -> Double {
            let mobile = buffers.filter { $0.total.millimolar > 0 && $0.diffusivity.squareMetresPerSecond > 0 }
            func bound(_ b: CalciumBuffer, _ c: Double) -> Double {
                let k = b.dissociationConstant.molesPerCubicMetre
                return b.diffusivity.squareMetresPerSecond * b.total.molesPerCubicMetre * c / (k + c)
            }
            let total = d * cInf + mobile.reduce(0) { $0 + bound($1, cInf) } + s
            if mobile.isEmpty { return total / d }
            if mobile.count == 1 {
                // D·c² + β·c − S·K = 0 with β = D·K + D_B·B_T − S: the positive root, written without cancellation.
                let b = mobile[0], k = b.dissociationConstant.molesPerCubicMetre
                let beta = d * k + b.diffusivity.squareMetresPerSecond * b.total.molesPerCubicMetre - total
                let disc = Double.sqrt(beta * beta + 4 * d * total * k)
                return beta > 0 ? 2 * total * k / (beta + disc) : (disc - beta) / (2 * d)
            }
            let f = { (c: Double) in d * c + mobile.reduce(0) { $0 + bound($1, c) } - total }
            // f(c∞) = −s ≤ 0 and f(total/D) ≥ 0: the bracket always holds the one root.
            return BrentRootFinder(absoluteTolerance: 0, relativeTolerance: 2 * .ulpOfOne)
                .root(in: cInf, total / d, of: f)?.root ?? total / d
        }

        /// Σ_k Δc_k(t) (linear models: unbuffered, or the EBA's first-order sink).
        func elevation(at r: Double, time t: Double) -> Double {
            let k = approximation == .excessBuffer ? capture : 0
            return lateral.reduce(0) { $0 + HalfSpaceSource.transient(flux: sigma, diffusivity: d, distance: Double.sqrt($1 + r * r), time: t, captureRate: k) }
        }

        func steadyElevation(at r: Double) -> Double {
            let k = approximation == .excessBuffer ? capture : 0
            return lateral.reduce(0) { $0 + HalfSpaceSource.steady(flux: sigma, diffusivity: d, distance: Double.sqrt($1 + r * r), captureRate: k) }
        }

        /// The time after opening at which the elevation at r reaches `fraction` of its steady value (Brent in ln t;
        /// the elevation rises monotonically from 0).
        func timeToFraction(_ fraction: Double, at r: Double) throws -> Double {
            let target = steadyElevation(at: r)
            guard target > 0 else {
                throw MembraneError.undefined(field: "distance-nm",
                    reason: "the steady elevation at this distance is below the smallest representable number (r ≫ λ): no approach time can be given")
            }
            func g(_ u: Double) -> Double { elevation(at: r, time: Double.exp(u)) / target - fraction }
            let scale = (lateral.max() ?? 0) + r * r
            var lo = Double.log(r * r / d) - 10, hi = Double.log(scale / d) + 5
            var guardCount = 0
            while g(lo) > 0 && guardCount < 100 { lo -= 5; guardCount += 1 }
            while g(hi) < 0 && guardCount < 200 { hi += 5; guardCount += 1 }
            guard let root = BrentRootFinder(absoluteTolerance: 1e-13, relativeTolerance: 1e-14).root(in: lo, hi, of: g), root.converged else {
                throw MembraneError.noConvergence(method: "Brent (time to steady state)", iterations: 200, residual: .nan,
                                                  detail: "the approach to steady state could not be bracketed")
            }
            return Double.exp(root.root)
        }
    }
}
