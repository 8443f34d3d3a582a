/// Elementary functions on SIMD vectors of doubles, lane by lane, for integrating many independent systems at once
/// (a population of cells in SIMD lanes). The standard library has no vector `exp`; these are written with the
/// vector operations only (no per-lane calls), so a loop over lanes compiles to vector instructions.
///
/// - ``exp(_:)`` and ``expm1(_:)``: Cody & Waite's reduction x = k·ln 2 + r with ln 2 split in two parts, |r| ≤ ln 2/2,
///   then e^r = 1 + q(r) with q Cephes' rational approximation (`expm1Reduced(_:)`), and
///   e^x = 2^k·(1 + q(r)), e^x − 1 = 2^k·q(r) + (2^k − 1) (exact for k = 0, so e^x − 1 keeps full relative accuracy
///   as x → 0; Tang 1992, "Table-driven implementation of the expm1 function", ACM TOMS 18:211, without the table).
///   On [−708.3, 709.4] e^x is within 2 ulp of the correctly rounded value, e^x − 1 within 4.
/// - ``log(_:)``: x = m·2^e with m ∈ [√½, √2), ln m = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.172, by its series
///   to s¹⁹ (truncation < 10⁻¹⁷), plus e·ln 2: within 3 ulp of the correctly rounded value.
///
/// k is obtained by the "magic number" rounding (adding 1.5·2⁵² rounds to an integer held in the low bits of the
/// significand), 2^k by writing k + 1023 into the exponent field: only additions, multiplications and integer shifts,
/// which SSE2 and every later x86-64 and ARM vector unit provide.
public enum LaneMath {
    @usableFromInline static let log2e = 1.4426950408889634
    /// ln 2 = ln2Hi + ln2Lo, with ln2Hi having 32 significant bits, so k·ln2Hi is exact for |k| < 2²⁰ (fdlibm).
    @usableFromInline static let ln2Hi = 6.93147180369123816490e-01
    @usableFromInline static let ln2Lo = 1.90821492927058770002e-10
    /// 1.5·2⁵²: x + magic rounds x to the nearest integer, which the low bits of the result's significand then hold.
    @usableFromInline static let magic = 6755399441055744.0

    /// q(r) = e^r − 1 for |r| ≤ ln 2/2 by the rational approximation of Cephes' `exp.c` (S. L. Moshier, *Methods
    /// and Programs for Mathematical Functions*, 1989, §4.2): e^r = 1 + 2·r·P(r²)/(Q(r²) − r·P(r²)) with P of degree 2
    /// and Q of degree 3 in r², relative error < 2.2·10⁻¹⁶ on the interval. Shorter chains of dependent operations
    /// than a Taylor polynomial of the same accuracy (degree 13), so several evaluations overlap in the processor.
    @inlinable @inline(__always)
    static func expm1Reduced<V: SIMD>(_ r: V) -> V where V.Scalar == Double {
        let r2 = r * r
        var p = V(repeating: 1.26177193074810590878e-4)
        p = p * r2 + V(repeating: 3.02994407707441961300e-2)
        p = (p * r2 + V(repeating: 9.99999999999999999910e-1)) * r
        var q = V(repeating: 3.00198505138664455042e-6)
        q = q * r2 + V(repeating: 2.52448340349684104192e-3)
        q = q * r2 + V(repeating: 2.27265548208155028766e-1)
        q = q * r2 + V(repeating: 2.00000000000000000009e0)
        return V(repeating: 2) * p / (q - p)
    }

    /// The reduction of x (clamped to [−708.3, 709.4], where e^x and 2^k stay normal): k = round(x/ln 2) and
    /// r = x − k·ln 2, and 2^k.
    @inlinable @inline(__always)
    static func reduce<V: SIMD>(_ x: V) -> (r: V, k: V, scale: V) where V.Scalar == Double {
        let clamped = minimum(maximum(x, V(repeating: -708.3)), V(repeating: 709.4))
        let shifted = clamped * V(repeating: log2e) + V(repeating: magic)
        let k = shifted - V(repeating: magic)
        let r = (clamped - k * V(repeating: ln2Hi)) - k * V(repeating: ln2Lo)
        // The significand of `shifted` holds k in its low bits (two's complement offset from magic's own bits).
        let bits = unsafeBitCast(shifted, to: V.MaskStorage.self)
        let magicBits = unsafeBitCast(V(repeating: magic), to: V.MaskStorage.self)
        let exponent = (bits &- magicBits &+ V.MaskStorage(repeating: 1023)) &<< V.MaskStorage(repeating: 52)
        return (r, k, unsafeBitCast(exponent, to: V.self))
    }

    /// e^x in every lane (see ``LaneMath``). Below −708.3 the result is e^−708.3 ≈ 3·10⁻³⁰⁸ rather than a subnormal,
    /// above 709.4 it is e^709.4 ≈ 1.2·10³⁰⁸ (no overflow to infinity): callers that can reach there must check.
    @inlinable @inline(__always)
    public static func exp<V: SIMD>(_ x: V) -> V where V.Scalar == Double {
        let (r, _, scale) = reduce(x)
        return scale * (expm1Reduced(r) + V(repeating: 1))
    }

    /// e^x − 1 in every lane, accurate relative to the result also as x → 0 (see ``LaneMath``).
    @inlinable @inline(__always)
    public static func expm1<V: SIMD>(_ x: V) -> V where V.Scalar == Double {
        let (r, _, scale) = reduce(x)
        return scale * expm1Reduced(r) + (scale - V(repeating: 1))
    }

    /// ln x in every lane for positive normal x (see ``LaneMath``); no check for 0, negative or non-finite x.
    @inlinable @inline(__always)
    public static func log<V: SIMD>(_ x: V) -> V where V.Scalar == Double {
        typealias I = V.MaskStorage
        let bits = unsafeBitCast(x, to: I.self)
        // e = biased exponent − 1023 and m ∈ [1, 2); then m ≥ √2 moves to m/2 (e + 1).
        let exponentField = (bits &>> I(repeating: 52)) & I(repeating: 0x7ff)
        let mantissaBits = (bits & I(repeating: 0x000f_ffff_ffff_ffff)) | I(repeating: 0x3ff0_0000_0000_0000)
        var m = unsafeBitCast(mantissaBits, to: V.self)
        // e as a double by the magic-number trick in reverse (an integer written into the significand of 1.5·2⁵²).
        let magicBits = unsafeBitCast(V(repeating: magic), to: I.self)
        var e = unsafeBitCast(magicBits &+ exponentField &- I(repeating: 1023), to: V.self) - V(repeating: magic)
        let large = m .>= V(repeating: 1.4142135623730951)
        m.replace(with: m * V(repeating: 0.5), where: large)
        e.replace(with: e + V(repeating: 1), where: large)
        let s = (m - V(repeating: 1)) / (m + V(repeating: 1)), s2 = s * s
        var p = V(repeating: 1.0 / 19)
        p = p * s2 + V(repeating: 1.0 / 17)
        p = p * s2 + V(repeating: 1.0 / 15)
        p = p * s2 + V(repeating: 1.0 / 13)
        p = p * s2 + V(repeating: 1.0 / 11)
        p = p * s2 + V(repeating: 1.0 / 9)
        p = p * s2 + V(repeating: 1.0 / 7)
        p = p * s2 + V(repeating: 1.0 / 5)
        p = p * s2 + V(repeating: 1.0 / 3)
        p = p * s2 + V(repeating: 1)
        return V(repeating: 2) * s * p + e * V(repeating: ln2Hi) + e * V(repeating: ln2Lo)
    }

    /// The smaller of a and b in every lane (b where either is NaN). The standard library's `pointwiseMin` is not
    /// inlined into generic code and costs a call per use.
    @inlinable @inline(__always)
    public static func minimum<V: SIMD>(_ a: V, _ b: V) -> V where V.Scalar == Double { a.replacing(with: b, where: .!(a .< b)) }

    /// The larger of a and b in every lane (b where either is NaN).
    @inlinable @inline(__always)
    public static func maximum<V: SIMD>(_ a: V, _ b: V) -> V where V.Scalar == Double { a.replacing(with: b, where: .!(a .> b)) }

    /// |x| in every lane (the sign bit cleared).
    @inlinable @inline(__always)
    public static func magnitude<V: SIMD>(_ x: V) -> V where V.Scalar == Double {
        unsafeBitCast(unsafeBitCast(x, to: V.MaskStorage.self) & V.MaskStorage(repeating: 0x7fff_ffff_ffff_ffff), to: V.self)
    }
}
