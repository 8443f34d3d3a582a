/// The coefficients of an s-stage Rosenbrock method in the form of Hairer & Wanner that needs no
/// matrix–vector products:
///
///     (I/(hγ) − J)·kᵢ = f(t + cᵢh, y + Σⱼ<ᵢ aᵢⱼ kⱼ) + Σⱼ<ᵢ (Cᵢⱼ/h)·kⱼ + h·dᵢ·∂f/∂t
///     y₁ = y + Σ mᵢ kᵢ,        error estimate  Σ eᵢ kᵢ
///
/// (E. Hairer & G. Wanner, *Solving Ordinary Differential Equations II: Stiff and
/// Differential-Algebraic Problems*, 2nd ed. 1996, §IV.7, eq. (7.25), and their code RODAS).
public struct RosenbrockTableau: Sendable {
    /// The method's name (`rodas4`).
    public let name: String
    /// Number of stages s.
    public let stages: Int
    /// Order of the solution y₁ (the error estimate is one order lower).
    public let order: Int
    /// The diagonal coefficient γ of the iteration matrix I/(h·γ) − J.
    public let gamma: Double
    /// aᵢⱼ, row-major s × s (strictly lower triangular).
    public let a: [Double]
    /// Cᵢⱼ, row-major s × s (strictly lower triangular).
    public let c: [Double]
    /// Stage times cᵢ (αᵢ in Hairer & Wanner).
    public let times: [Double]
    /// dᵢ = γᵢ, the coefficients of h·∂f/∂t.
    public let d: [Double]
    /// Solution weights mᵢ.
    public let m: [Double]
    /// Error weights eᵢ.
    public let e: [Double]

    /// RODAS4: Hairer & Wanner's 6-stage, order 4(3), L-stable and stiffly accurate method
    /// (Solving ODEs II, §IV.7, Table 7.2 "RODAS"; the coefficients of their Fortran code `rodas.f`,
    /// METH = 1, as also used by OrdinaryDiffEq.jl's `Rodas4`). Stiff accuracy (y₁ is the last stage's
    /// input plus k₆) makes it exact on the algebraic limit of a fast variable, which is what a
    /// membrane's capacitive time scale becomes next to minutes of volume change.
    public static let rodas4: RosenbrockTableau = {
        let s = 6
        var a = [Double](repeating: 0, count: s * s)
        var c = [Double](repeating: 0, count: s * s)
        func set(_ m: inout [Double], _ i: Int, _ j: Int, _ v: Double) { m[(i - 1) * s + (j - 1)] = v }
        set(&a, 2, 1, 1.544)
        set(&a, 3, 1, 0.9466785280815826); set(&a, 3, 2, 0.2557011698983284)
        set(&a, 4, 1, 3.314825187068521); set(&a, 4, 2, 2.896124015972201); set(&a, 4, 3, 0.9986419139977817)
        set(&a, 5, 1, 1.221224509226641); set(&a, 5, 2, 6.019134481288629); set(&a, 5, 3, 12.53708332932087)
        set(&a, 5, 4, -0.6878860361058950)
        set(&a, 6, 1, 1.221224509226641); set(&a, 6, 2, 6.019134481288629); set(&a, 6, 3, 12.53708332932087)
        set(&a, 6, 4, -0.6878860361058950); set(&a, 6, 5, 1)
        set(&c, 2, 1, -5.6688)
        set(&c, 3, 1, -2.430093356833875); set(&c, 3, 2, -0.2063599157091915)
        set(&c, 4, 1, -0.1073529058151375); set(&c, 4, 2, -9.594562251023355); set(&c, 4, 3, -20.47028614809616)
        set(&c, 5, 1, 7.496443313967647); set(&c, 5, 2, -10.24680431464352); set(&c, 5, 3, -33.99990352819905)
        set(&c, 5, 4, 11.70890893206160)
        set(&c, 6, 1, 8.083246795921522); set(&c, 6, 2, -7.981132988064893); set(&c, 6, 3, -31.52159432874371)
        set(&c, 6, 4, 16.31930543123136); set(&c, 6, 5, -6.058818238834054)
        return RosenbrockTableau(
            name: "Rodas4", stages: s, order: 4, gamma: 0.25, a: a, c: c,
            times: [0, 0.386, 0.21, 0.63, 1, 1],
            d: [0.25, -0.1043, 0.1035, -0.0362, 0, 0],
            m: [1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950, 1, 1],
            e: [0, 0, 0, 0, 0, 1])
    }()
}
