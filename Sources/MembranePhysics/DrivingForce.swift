import MembraneUnits
import MembraneChemistry
import RealModule

/// The electrochemical driving force on an ion and what it makes the ion do.
///
///     DF = V_m − E
///
/// DF > 0 drives an outward current (cation efflux, anion influx); DF < 0 an inward current
/// (cation influx, anion efflux); DF = 0 none (Hille 2001, ch. 1).
/// The Ussing (1949) flux ratio for independent passive movement is
///
///     J_efflux / J_influx = (a_in / a_out)·exp(zF·V_m / RT) = exp(zF·(V_m − E) / RT)
///
/// (Ussing, Acta Physiol. Scand. 19:43, 1949; Hille 2001, eq. 14-8), equal to 1 at V_m = E.
public struct DrivingForce: Sendable, Hashable {
    /// The ion (its valence sets the directions).
    public var ion: Ion
    /// The membrane potential V_m = φ_in − φ_out.
    public var vm: Voltage
    /// The ion's reversal (Nernst) potential E.
    public var reversal: Voltage
    /// Temperature and constants (for the Ussing flux ratio).
    public var conditions: Conditions

    /// The driving force on `ion` at `vm`, with reversal potential `reversal`.
    public init(ion: Ion, vm: Voltage, reversal: Voltage, conditions: Conditions) {
        self.ion = ion
        self.vm = vm
        self.reversal = reversal
        self.conditions = conditions
    }

    /// V_m − E.
    public var force: Voltage { vm - reversal }

    /// |V_m − E| below this is treated as zero (1 nV): the direction is then `none`.
    public static let zeroThreshold = Voltage.volts(1e-12)

    /// The direction of the ion's current.
    public var currentDirection: CurrentDirection {
        if force.magnitude <= DrivingForce.zeroThreshold || ion.charge == 0 { return .none }
        return force.volts > 0 ? .outward : .inward
    }

    /// The direction of the ion's net movement.
    public var fluxDirection: FluxDirection {
        switch currentDirection {
        case .none: return .none
        case .outward: return ion.charge > 0 ? .efflux : .influx
        case .inward: return ion.charge > 0 ? .influx : .efflux
        }
    }

    /// The Ussing flux ratio J_efflux/J_influx = exp(zF(V_m − E)/RT), or nil when it is beyond the range of
    /// a Double (above 1.8e308 or below 2.2e-308: one of the two fluxes is then negligible to any precision);
    /// ``log10UssingFluxRatio`` is always finite.
    public var ussingFluxRatio: Double? {
        let r = Double.exp(Double(ion.charge) * force.volts / conditions.thermalVoltage)
        return r.isNormal && r.isFinite ? r : nil
    }

    /// log₁₀ of the Ussing flux ratio, zF(V_m − E)/(RT·ln 10): finite for every finite V_m and E.
    public var log10UssingFluxRatio: Double {
        Double(ion.charge) * force.volts / (conditions.thermalVoltage * Double.log(10))
    }
}
