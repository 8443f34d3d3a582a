import RealModule

/// Gauss–Legendre quadrature nodes and weights on [−1, 1].
///
/// The n nodes are the roots of the Legendre polynomial P_n, found by Newton's method from the
/// Tricomi initial guesses cos(π(i − ¼)/(n + ½)); the weights are w = 2/((1 − x²) P_n'(x)²)
/// (Abramowitz & Stegun 1964, 25.4.29; Press et al., *Numerical Recipes*, 3rd ed., §4.6, `gauleg`).
/// The rule integrates polynomials of degree 2n − 1 exactly.
public enum GaussLegendre {
    /// (node, weight) pairs for an n-point rule.
    public static func nodes(_ n: Int) -> [(Double, Double)] {
        precondition(n >= 1)
        var result = [(Double, Double)](repeating: (0, 0), count: n)
        let m = (n + 1) / 2
        for i in 0..<m {
            var x = Double.cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
            var dp = 0.0
            for _ in 0..<100 {
                var p0 = 1.0, p1 = 0.0
                for j in 0..<n {
                    let p2 = p1
                    p1 = p0
                    p0 = ((2 * Double(j) + 1) * x * p1 - Double(j) * p2) / Double(j + 1)
                }
                dp = Double(n) * (x * p0 - p1) / (x * x - 1)
                let dx = p0 / dp
                x -= dx
                if abs(dx) < 1e-15 { break }
            }
            let w = 2 / ((1 - x * x) * dp * dp)
            result[i] = (-x, w)
            result[n - 1 - i] = (x, w)
        }
        return result
    }

    /// The 24-point rule.
    public static let nodes24 = nodes(24)
}
