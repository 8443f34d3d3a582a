import MembraneUnits
import MembraneChemistry
import RealModule

/// The current noise of a population of GHK channels (or a GHK-permeable patch of membrane) at V_m, from its two
/// unidirectional fluxes, and the thermal noise of its slope conductance beside it.
///
/// The GHK current splits into independent one-way fluxes (per area; u = z·F·V/RT, g(u) = u/(1 − e^{−u})):
///
///     J_out = P·c_in·g(u),   J_in = P·c_out·g(−u),   I = z·F·(J_out − J_in)·A          (outward positive)
///
/// Ions crossing each way as independent (Poisson) events of charge z·e give Schottky's shot noise
/// (Schottky 1918, Ann. Phys. 57:541; for membranes DeFelice 1981, *Introduction to Membrane Noise*, ch. 8):
///
///     S_shot = 2·(z·e)²·N_A·(J_in + J_out)·A                                          (A²/Hz, one-sided)
///
/// and the thermal noise of the slope conductance G = dI/dV at that V_m is 4·k_B·T·G with
///
///     G = (z²F²/RT)·P·A·[c_in·g′(u) + c_out·g′(−u)].
///
/// At the reversal potential the two are equal for every valence and concentration (detailed balance: the
/// fluctuation–dissipation theorem, Nyquist 1928): with c_out = c_in·e^{u} there, g′(u) + e^{u}·g′(−u) = g(u), so
/// 4kT·G = 2(ze)²N_A·2P·c_in·g(u)·A = S_shot. Away from it S_shot/(2·|z|·e·|I|) = (J_in + J_out)/|J_out − J_in|
/// = coth(|z|·|V − E|/(2·RT/F)) → 1: far from equilibrium the noise is that of a one-way current, 2q|I| (Schottky).
public struct GHKNoise: Sendable, Hashable {
    /// The permeant ion (z ≠ 0).
    public var ion: Ion
    /// P of the membrane to the ion.
    public var permeability: Permeability
    /// c_in.
    public var inside: Concentration
    /// c_out.
    public var outside: Concentration
    /// Membrane area in m².
    public var area: Double
    /// V_m.
    public var voltage: Voltage
    /// B in Hz (nil: no RMS values).
    public var bandwidth: Double?
    /// Temperature and constant set (RT/F, F, e, N_A, k_B).
    public var conditions: Conditions

    /// The noise of the GHK flux of `ion`; throws ``MembraneError`` for a neutral ion, P ≤ 0, a concentration out of range
    /// or zero on both sides, an area ≤ 0, V_m outside the membrane-potential range or B ≤ 0.
    public init(ion: Ion, permeability: Permeability, inside: Concentration, outside: Concentration, area: Double,
                voltage: Voltage, bandwidth: Double? = nil, conditions: Conditions = Conditions()) throws {
        guard ion.charge != 0 else {
            throw MembraneError.undefined(field: "ion", reason: "\(ion.name) is neutral (z = 0): it carries no current, so it makes no current noise")
        }
        try MembraneError.requirePositive(permeability.metresPerSecond, field: "permeability", scale: 100, allowed: "a permeability > 0 in cm/s, e.g. 1e-6")
        try MembraneError.requireConcentration(inside.millimolar, field: "inside")
        try MembraneError.requireConcentration(outside.millimolar, field: "outside")
        guard inside.millimolar > 0 || outside.millimolar > 0 else {
            throw MembraneError.invalidValue(field: "inside", value: "0", allowed: "the ion present on at least one side")
        }
        try MembraneError.requirePositive(area, field: "area-um2", scale: 1e12, allowed: "a membrane area > 0 µm²")
        try MembraneError.requireMembranePotential(voltage, field: "vm")
        if let bandwidth {
            try MembraneError.requirePositive(bandwidth, field: "bandwidth-Hz", allowed: "a bandwidth > 0 Hz (an RMS over zero bandwidth is zero by definition)")
        }
        self.ion = ion
        self.permeability = permeability
        self.inside = inside
        self.outside = outside
        self.area = area
        self.voltage = voltage
        self.bandwidth = bandwidth
        self.conditions = conditions
    }

    var u: Double { Double(ion.charge) * voltage.volts / conditions.thermalVoltage }

    /// J_out = P·c_in·g(u), mol/(m²·s).
    public var efflux: Double { permeability.metresPerSecond * inside.molesPerCubicMetre * GHKCurrent.kernel(u) }
    /// J_in = P·c_out·g(−u), mol/(m²·s).
    public var influx: Double { permeability.metresPerSecond * outside.molesPerCubicMetre * GHKCurrent.kernel(-u) }
    /// The net current z·F·(J_out − J_in)·A in A, outward positive.
    public var current: Double { Double(ion.charge) * conditions.faraday * (efflux - influx) * area }
    /// 2·(z·e)²·N_A·(J_in + J_out)·A in A²/Hz.
    public var shotSpectralDensity: Double {
        let q = Double(ion.charge) * conditions.constants.elementaryCharge
        return 2 * q * q * conditions.constants.avogadro * (influx + efflux) * area
    }
    /// dI/dV in S.
    public var slopeConductance: Double {
        let z = Double(ion.charge)
        return z * z * conditions.faraday / conditions.thermalVoltage * permeability.metresPerSecond * area
            * (inside.molesPerCubicMetre * GHKCurrent.kernelDerivative(u) + outside.molesPerCubicMetre * GHKCurrent.kernelDerivative(-u))
    }
    /// 4·k_B·T·G_slope in A²/Hz.
    public var thermalSpectralDensity: Double { 4 * conditions.kT * slopeConductance }
    /// S_shot/(2·|z|·e·|I|) = (J_in + J_out)/|J_out − J_in| (nil at the reversal potential, where I = 0).
    public var shotToOneWayRatio: Double? {
        let net = abs(efflux - influx)
        return net > 0 ? (influx + efflux) / net : nil
    }
    /// The Nernst potential, where the ion is present on both sides.
    public var reversal: Voltage? {
        guard inside.millimolar > 0, outside.millimolar > 0 else { return nil }
        return .volts(Nernst.volts(z: ion.charge, inside: inside.millimolar, outside: outside.millimolar, thermalVoltage: conditions.thermalVoltage))
    }
    /// √(S_shot·B) in A (nil without a bandwidth).
    public var shotRMS: Double? { bandwidth.map { Double.sqrt(shotSpectralDensity * $0) } }
    /// √(4·k_B·T·G_slope·B) in A (nil without a bandwidth).
    public var thermalRMS: Double? { bandwidth.map { Double.sqrt(thermalSpectralDensity * $0) } }
}
