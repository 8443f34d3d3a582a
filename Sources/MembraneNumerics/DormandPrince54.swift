/// The explicit Runge–Kutta pair of Dormand & Prince (1980), order 5 with an embedded order-4 error estimate, seven
/// stages of which the last is the first of the next step (FSAL), and its continuous extension of order 4:
///
///     kᵢ = f(t + cᵢh, y + h·Σⱼ<ᵢ aᵢⱼkⱼ),   y₁ = y + h·Σ bᵢkᵢ (b = a₇ⱼ, so k₇ = f(t + h, y₁)),
///     error = h·Σ eᵢkᵢ   (e = b − b̂),
///     y(t + θh) = y₀ + θ·(Δ + (1 − θ)·(h·k₁ − Δ + θ·(Δ − h·k₇ − (h·k₁ − Δ) + (1 − θ)·h·Σ dᵢkᵢ))),  Δ = y₁ − y₀.
///
/// Coefficients as in Hairer, Nørsett & Wanner, *Solving Ordinary Differential Equations I*, 2nd ed. (Springer 1993),
/// §II.5 Table 5.2 and §II.6 (dense output, Shampine 1986), and their code DOPRI5 (`dopri5.f`: the dᵢ). Source:
/// J. R. Dormand & P. J. Prince, "A family of embedded Runge–Kutta formulae", J. Comput. Appl. Math. 6:19–26 (1980).
public enum DormandPrince54 {
    /// The nodes cᵢ: stage i is evaluated at t + cᵢh (c₁ = 0, c₆ = c₇ = 1).
    public static let c2 = 1.0 / 5, c3 = 3.0 / 10, c4 = 4.0 / 5, c5 = 8.0 / 9
    /// The coupling coefficients aᵢⱼ of stage 2 (Table 5.2).
    public static let a21 = 1.0 / 5
    /// The coupling coefficients aᵢⱼ of stage 3 (Table 5.2).
    public static let a31 = 3.0 / 40, a32 = 9.0 / 40
    /// The coupling coefficients aᵢⱼ of stage 4 (Table 5.2).
    public static let a41 = 44.0 / 45, a42 = -56.0 / 15, a43 = 32.0 / 9
    /// The coupling coefficients aᵢⱼ of stage 5 (Table 5.2).
    public static let a51 = 19372.0 / 6561, a52 = -25360.0 / 2187, a53 = 64448.0 / 6561, a54 = -212.0 / 729
    /// The coupling coefficients aᵢⱼ of stage 6 (Table 5.2).
    public static let a61 = 9017.0 / 3168, a62 = -355.0 / 33, a63 = 46732.0 / 5247, a64 = 49.0 / 176
    /// The coupling coefficients aᵢⱼ of stage 6, continued (Table 5.2).
    public static let a65 = -5103.0 / 18656
    /// The order-5 weights bᵢ (b₂ = b₇ = 0).
    public static let a71 = 35.0 / 384, a73 = 500.0 / 1113, a74 = 125.0 / 192, a75 = -2187.0 / 6784, a76 = 11.0 / 84
    /// eᵢ = bᵢ − b̂ᵢ (e₂ = 0).
    public static let e1 = 71.0 / 57600, e3 = -71.0 / 16695, e4 = 71.0 / 1920, e5 = -17253.0 / 339200
    /// eᵢ = bᵢ − b̂ᵢ, continued (e₆, e₇).
    public static let e6 = 22.0 / 525, e7 = -1.0 / 40
    /// The dense output's dᵢ (`dopri5.f`, d₂ = 0).
    public static let d1 = -12715105075.0 / 11282082432, d3 = 87487479700.0 / 32700410799
    /// The dense output's dᵢ, continued (d₄, d₅).
    public static let d4 = -10690763975.0 / 1880347072, d5 = 701980252875.0 / 199316789632
    /// The dense output's dᵢ, continued (d₆, d₇).
    public static let d6 = -1453857185.0 / 822651844, d7 = 69997945.0 / 29380423
    /// The order of the solution (the step-size controller's exponent uses the error estimate's, 4, plus one).
    public static let order = 5
}

/// The order-4 dense output of one Dormand–Prince step for one component, as a polynomial in θ = (t − t₀)/h:
/// y(θ) = r₁ + θ·(r₂ + (1 − θ)·(r₃ + θ·(r₄ + (1 − θ)·r₅))) (``DormandPrince54``; `contd5` of DOPRI5).
public struct DormandPrinceInterpolant: Sendable, Equatable {
    /// t₀, the start of the step.
    public var start: Double
    /// h, the step size (θ = (t − t₀)/h).
    public var step: Double
    /// The polynomial's coefficients r₁…r₅ (`rcont1`…`rcont5` of DOPRI5): r₁ = y₀, r₂ = Δ, r₃ = h·k₁ − Δ,
    /// r₄ = Δ − h·k₇ − r₃, r₅ = h·Σ dᵢkᵢ.
    public var r1: Double, r2: Double, r3: Double, r4: Double, r5: Double

    /// From the step's ends y₀, y₁, its size h and the stages k₁, k₃…k₇ of this component.
    @inlinable
    public init(start: Double, step h: Double, y0: Double, y1: Double, k1: Double, k3: Double, k4: Double, k5: Double,
                k6: Double, k7: Double) {
        typealias D = DormandPrince54
        self.start = start
        self.step = h
        let delta = y1 - y0, bspl = h * k1 - delta
        r1 = y0
        r2 = delta
        r3 = bspl
        r4 = delta - h * k7 - bspl
        r5 = h * (D.d1 * k1 + D.d3 * k3 + D.d4 * k4 + D.d5 * k5 + D.d6 * k6 + D.d7 * k7)
    }

    /// y at θ ∈ [0, 1].
    @inlinable
    public func value(atFraction theta: Double) -> Double {
        let u = 1 - theta
        return r1 + theta * (r2 + u * (r3 + theta * (r4 + u * r5)))
    }

    /// y at time t in the step.
    @inlinable
    public func value(at t: Double) -> Double { value(atFraction: step > 0 ? (t - start) / step : 1) }

    /// The time in the step at which y crosses `level` (y − level changes sign over the step), located by Brent's
    /// method to round-off in t; nil when the ends do not bracket it.
    public func crossing(of level: Double) -> Double? {
        guard step > 0 else { return nil }
        // Tolerance in θ: round-off of t, 2 ulp of the step's end time.
        let finder = BrentRootFinder(absoluteTolerance: 2 * Swift.max(abs(start), abs(start + step)).ulp / step,
                                     relativeTolerance: 2 * Double.ulpOfOne)
        guard let r = finder.root(in: 0, 1, of: { value(atFraction: $0) - level }) else { return nil }
        return r.root >= 1 ? start + step : start + r.root * step
    }
}
