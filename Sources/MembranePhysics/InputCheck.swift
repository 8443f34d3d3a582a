import MembraneUnits

/// Range checks for inputs stored in SI but typed by users in another unit (pA, nS, pF, nm, µm², µm²/s): the
/// error shows the value in the unit of the field (`current-pA: '-0.5' …`), not in amperes.
enum InputCheck {
    /// Throws unless x is finite and > 0 (≥ 0 with `allowZero`); `scale` converts x to the field's unit.
    static func positive(_ x: Double, field: @autoclosure () -> String, scale: Double = 1, allowZero: Bool = false,
                         allowed: @autoclosure () -> String) throws {
        guard x.isFinite, x > 0 || (allowZero && x == 0) else {
            throw MembraneError.invalidValue(field: field(), value: Format.number(x * scale), allowed: allowed())
        }
    }
}
