/// The thermodynamic conditions of a calculation: temperature and the constant set.
///
/// Every result carries its conditions so that output can state both.
public struct Conditions: Sendable, Hashable {
    /// The absolute temperature T of the calculation.
    public var temperature: Temperature
    /// The physical constants F, R, e, N_A (CODATA 2018 unless a legacy set is asked for).
    public var constants: ConstantSet

    /// Conditions at `temperature` (default 37 °C) with `constants` (default ``ConstantSet/codata2018``).
    public init(temperature: Temperature = .body, constants: ConstantSet = .codata2018) {
        self.temperature = temperature
        self.constants = constants
    }

    /// The thermal voltage V_T = RT/F in volts (26.73 mV at 37 °C with CODATA 2018).
    @inlinable public var thermalVoltage: Double {
        constants.gasConstant * temperature.kelvin / constants.faraday
    }

    /// RT in J/mol.
    @inlinable public var rt: Double { constants.gasConstant * temperature.kelvin }

    /// F in C/mol.
    @inlinable public var faraday: Double { constants.faraday }

    /// k_B·T in joules (per particle).
    @inlinable public var kT: Double { constants.boltzmann * temperature.kelvin }
}
