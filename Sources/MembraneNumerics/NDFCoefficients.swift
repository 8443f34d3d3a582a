/// The numerical differentiation formulas (NDF) of orders 1–5 in backward-difference form, and the
/// rescaling of the differences when the step size changes.
///
/// L. F. Shampine & M. W. Reichelt, "The MATLAB ODE Suite", SIAM J. Sci. Comput. 18:1–22 (1997), §2: the
/// NDF of order k with step h and predictor y⁽⁰⁾ₙ₊₁ = Σₘ₌₀ᵏ ∇ᵐyₙ is
///
///     Σₘ₌₁ᵏ (1/m)·∇ᵐyₙ₊₁ − h·f(tₙ₊₁, yₙ₊₁) − κₖ·γₖ·(yₙ₊₁ − y⁽⁰⁾ₙ₊₁) = 0,       γₖ = Σⱼ₌₁ᵏ 1/j,
///
/// which with d = yₙ₊₁ − y⁽⁰⁾ₙ₊₁ (so that ∇ᵏ⁺¹yₙ₊₁ = d) becomes
///
///     (1 − κₖ)·γₖ·d + Σₘ₌₁ᵏ γₘ·∇ᵐyₙ = h·f(tₙ₊₁, y⁽⁰⁾ₙ₊₁ + d),
///
/// solved for d by a simplified Newton iteration; the local error is (κₖγₖ + 1/(k+1))·d. κ = 0 gives the BDFs.
/// The κₖ are their Table 1 (chosen for a 26 %, 26 %, 16 %, 10 % larger step at orders 1–4 with little loss of
/// stability; κ₅ = 0 keeps BDF5). Coefficients as scipy's `scipy/integrate/_ivp/bdf.py` (`kappa`, `gamma`,
/// `alpha`, `error_const`), which implements the same quasi-constant-step scheme.
public enum NDFCoefficients {
    /// Highest order (as MATLAB's ode15s and scipy's BDF).
    public static let maximumOrder = 5
    /// κₖ, k = 0…5 (Shampine & Reichelt 1997, Table 1; κ₀ unused).
    public static let kappa: [Double] = [0, -0.1850, -1.0 / 9, -0.0823, -0.0415, 0]
    /// γₖ = Σⱼ₌₁ᵏ 1/j, k = 0…5.
    public static let gamma: [Double] = {
        var g = [0.0]
        for k in 1...maximumOrder { g.append(g[k - 1] + 1 / Double(k)) }
        return g
    }()
    /// αₖ = (1 − κₖ)·γₖ, the coefficient of d.
    public static let alpha: [Double] = (0...maximumOrder).map { (k: Int) -> Double in (1 - kappa[k]) * gamma[k] }
    /// Error constants κₖγₖ + 1/(k+1), k = 0…5: the local error of order k is errorConstant[k]·∇ᵏ⁺¹y.
    public static let errorConstant: [Double] = (0...maximumOrder).map { (k: Int) -> Double in
        let modification: Double = kappa[k] * gamma[k]
        return modification + 1 / Double(k + 1)
    }

    /// Scratch size (in Doubles) that `rescale(_:dimension:order:factor:scratch:)` needs.
    @inlinable public static func scratchSize(dimension n: Int) -> Int { 3 * 36 + 6 * n }

    /// U = R(1) for orders 1…5, each (k+1)×(k+1) row-major, concatenated (offset of order k: Σⱼ₌₁ᵏ⁻¹ (j+1)²).
    public static let unitR: [Double] = {
        var all: [Double] = []
        for k in 1...maximumOrder {
            var u = [Double](repeating: 0, count: (k + 1) * (k + 1))
            u.withUnsafeMutableBufferPointer { fillR($0.baseAddress!, order: k, factor: 1) }
            all += u
        }
        return all
    }()

    /// Offset of order k's U in ``unitR``.
    @inlinable public static func unitROffset(order k: Int) -> Int {
        var o = 0
        for j in 1..<k { o += (j + 1) * (j + 1) }
        return o
    }

    /// Fills the (k+1)×(k+1) matrix R(r)ᵢⱼ = Πₗ₌₁ⁱ (l − 1 − r·j)/l (R₀ⱼ = 1, Rᵢ₀ = 0 for i ≥ 1): scipy's `compute_R`.
    @inlinable
    static func fillR(_ out: UnsafeMutablePointer<Double>, order k: Int, factor r: Double) {
        let m = k + 1
        for j in 0..<m { out[j] = 1 }
        var i = 1
        while i < m {
            out[i * m] = 0
            let di = Double(i), inverse = 1 / di  // one division per row (a division per element costs more than the rest)
            var j = 1
            while j < m {
                out[i * m + j] = out[(i - 1) * m + j] * (di - 1 - r * Double(j)) * inverse
                j += 1
            }
            i += 1
        }
    }

    /// Rescales the backward differences ∇⁰…∇ᵏ (rows 0…k of `d`, row-major with `n` columns) from step h to
    /// factor·h: the interpolating polynomial through the last k+1 points is re-sampled at spacing factor·h
    /// (Shampine & Reichelt 1997, §2, the "quasi-constant step size" change by interpolation; the matrices R
    /// and U of scipy's `compute_R`/`change_D`): D ← (R(factor)·U)ᵀ·D with U = R(1) (`unit`, the order's block of
    /// ``unitR``, or computed). No allocation: `scratch` holds ``scratchSize(dimension:)`` values.
    @inlinable
    public static func rescale(_ d: UnsafeMutablePointer<Double>, dimension n: Int, order k: Int, factor: Double,
                               scratch: UnsafeMutablePointer<Double>, unit: UnsafePointer<Double>? = nil) {
        let m = k + 1
        let r = scratch, ru = scratch + 72, tmp = scratch + 108
        fillR(r, order: k, factor: factor)
        let u: UnsafePointer<Double>
        if let unit {
            u = unit
        } else {
            fillR(scratch + 36, order: k, factor: 1)
            u = UnsafePointer(scratch + 36)
        }
        // RU = R·U. Each sum is accumulated in a register, in the order l = 0…k (a store and reload per term, as
        // `out[j] += …` over l would do, chains through store forwarding: several times slower for these sizes).
        for i in 0..<m {
            let out = ru + i * m, rRow = r + i * m
            for j in 0..<m {
                var sum = 0.0
                for l in 0..<m { sum += rRow[l] * u[l * m + j] }
                out[j] = sum
            }
        }
        // tmp[j] = Σᵢ RU[i][j]·D[i] (summed over i = 0…k in a register), then copied back.
        for j in 0..<m {
            let out = tmp + j * n
            for c in 0..<n {
                var sum = 0.0
                for i in 0..<m { sum += ru[i * m + j] * d[i * n + c] }
                out[c] = sum
            }
        }
        d.update(from: tmp, count: m * n)
    }
}
