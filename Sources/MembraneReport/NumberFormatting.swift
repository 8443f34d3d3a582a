import Foundation

/// Number formatting for human-readable output (JSON output uses full precision).
public enum Format {
    /// Fixed decimals: `fixed(-89.01234, 2)` → "-89.01".
    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        let s = String(format: "%.\(decimals)f", x)
        return s == "-0" || s.hasPrefix("-0.") && Double(s) == 0 ? String(s.dropFirst()) : s
    }

    /// Signed fixed decimals: "+24.0", "-131.2".
    public static func signed(_ x: Double, _ decimals: Int) -> String {
        let s = fixed(x, decimals)
        return x > 0 && !s.hasPrefix("+") && Double(s) != 0 ? "+" + s : s
    }

    /// Significant digits in general notation: `significant(2.0123e6, 3)` → "2.01e+06".
    public static func significant(_ x: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)g", x)
    }

    /// A millimolar concentration in a natural unit: "140 mM", "100 nM", "1.5 µM".
    public static func concentration(_ mM: Double) -> String {
        if mM == 0 { return "0" }
        if mM >= 0.1 { return String(format: "%.4g", mM) + " mM" }
        if mM >= 1e-4 { return String(format: "%.4g", mM * 1e3) + " µM" }
        return String(format: "%.4g", mM * 1e6) + " nM"
    }
}
