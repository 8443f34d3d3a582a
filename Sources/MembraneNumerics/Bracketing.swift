/// Widening of an interval until a continuous function changes sign on it.
///
/// Used where a physical argument guarantees a root exists (e.g. a monotonic sum of
/// GHK currents) but not where: the interval grows geometrically outwards from an
/// initial guess, up to a hard limit, so the search always ends.
public struct BracketExpander: Sendable {
    /// Factor by which the half-width grows each step.
    public var growth: Double
    /// The interval never grows beyond [lowerLimit, upperLimit].
    public var lowerLimit: Double
    /// The largest value the bracket may reach.
    public var upperLimit: Double

    /// An expander that widens the interval by `growth` per step within [lowerLimit, upperLimit].
    public init(growth: Double = 2, lowerLimit: Double, upperLimit: Double) {
        self.growth = growth
        self.lowerLimit = lowerLimit
        self.upperLimit = upperLimit
    }

    /// Returns an interval [a, b] with f(a)·f(b) ≤ 0, or nil if none is found within the limits.
    public func bracket(around lower: Double, _ upper: Double, of f: (Double) -> Double) -> (Double, Double)? {
        var a = max(min(lower, upper), lowerLimit), b = min(max(lower, upper), upperLimit)
        if a == b { a = max(a - 1, lowerLimit); b = min(b + 1, upperLimit) }
        var fa = f(a), fb = f(b)
        while fa.sign == fb.sign && fa != 0 && fb != 0 {
            let lowerStuck = a <= lowerLimit, upperStuck = b >= upperLimit
            if lowerStuck && upperStuck { return nil }
            let width = (b - a) * growth
            // Grow towards the side whose |f| is smaller (the root is more likely there),
            // unless that side has reached its limit.
            if !lowerStuck && (upperStuck || abs(fa) < abs(fb)) {
                a = max(a - width, lowerLimit); fa = f(a)
            } else {
                b = min(b + width, upperLimit); fb = f(b)
            }
        }
        return (a, b)
    }
}
