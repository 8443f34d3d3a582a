import Membrane

/// The defaults that several commands share, each resolved here and nowhere else. (A command's own defaults —
/// the LJP method, the simulation tolerances — are static constants of its request.)
public enum Defaults {
    /// 37 °C: every command without a temperature (INTERFACE.md), unless its preset has one.
    public static let temperature = Temperature.body
    /// 25 °C for `recipe`: pH is adjusted at room temperature, where the recipe's pKa's are evaluated.
    public static let recipeTemperature = Temperature.standard
    /// The constant set: CODATA 2018 exact.
    public static let constants = "codata2018"
    /// The pump–leak model of `steady-state` and `simulate pump-leak` when none is named: Kay 2017.
    public static let pumpLeakPreset = "kay-2017"
    /// Potentials from concentrations (γ = 1) unless an activity model is named.
    public static let potentialActivityModel = "ideal"

    /// The conditions of a run: `temperature` if given, else `fallback` (37 °C, or a preset's or the recipe
    /// temperature); `constants` if given, else CODATA 2018.
    public static func conditions(temperature: Scalar?, constants: String?, fallback: Temperature = Defaults.temperature) throws -> Conditions {
        let t = try temperature.map { try $0.temperature() } ?? fallback
        return Conditions(temperature: t, constants: try ConstantSet.named(constants ?? Defaults.constants))
    }
}
