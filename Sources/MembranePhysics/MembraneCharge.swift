import MembraneUnits
import RealModule

/// The charge a membrane holds at a given potential, and what it means in ions.
///
///     Q = C_m·A·V_m,     N = |Q| / (|z|·e),     fraction = N / (c·Vol·N_A)
///
/// for a spherical cell of radius r (A = 4πr², Vol = 4/3·πr³), so fraction = 3·C_m·|V_m| / (|z|·F·c·r).
/// The membrane as a capacitor (Hille, *Ion Channels of Excitable Membranes*, 3rd ed. 2001, ch. 1): the charge
/// that sets V_m is a tiny fraction of the cell's ions.
public struct MembraneCharge: Sendable, Hashable {
    /// The membrane potential V_m.
    public var vm: Voltage
    /// The radius r of the spherical cell.
    public var radius: Length
    /// The specific capacitance C_m (1 µF/cm² by default).
    public var specificCapacitance: SpecificCapacitance
    /// The valence z of the ion whose numbers are counted.
    public var charge: Int
    /// The concentration c of that ion inside, for the fraction moved; nil for none.
    public var insideConcentration: Concentration?
    /// Temperature and constants (e and N_A).
    public var conditions: Conditions

    /// The charge held at `vm` by a spherical cell of `radius`.
    public init(vm: Voltage, radius: Length, specificCapacitance: SpecificCapacitance = .biological,
                charge: Int = 1, insideConcentration: Concentration? = nil,
                conditions: Conditions = Conditions()) throws {
        try MembraneError.requireMembranePotential(vm, field: "vm")
        guard radius.metres.isFinite, radius.metres > 0, radius.metres <= Domain.maximumRadiusMetres else {
            throw MembraneError.invalidValue(field: "radius-um", value: "\(radius.micrometres)",
                                             allowed: "a cell radius > 0 and ≤ 1e6 µm (1 m; the largest single cells measure tens of centimetres)")
        }
        let cm = specificCapacitance.faradsPerSquareMetre
        guard cm.isFinite, cm > 0, cm <= Domain.maximumSpecificCapacitance else {
            throw MembraneError.invalidValue(field: "capacitance-uF-per-cm2", value: "\(specificCapacitance.microfaradsPerSquareCentimetre)",
                                             allowed: "a specific capacitance > 0 and ≤ 100 µF/cm² (biological membranes: about 1 µF/cm²)")
        }
        guard charge != 0 else {
            throw MembraneError.undefined(field: "ion", reason: "a neutral species (z = 0) carries no charge, so no number of it sets a voltage")
        }
        if let c = insideConcentration {
            try MembraneError.requireConcentration(c.millimolar, field: "inside")
        }
        self.vm = vm
        self.radius = radius
        self.specificCapacitance = specificCapacitance
        self.charge = charge
        self.insideConcentration = insideConcentration
        self.conditions = conditions
    }

    /// Membrane area 4πr², in m².
    public var area: Double { 4 * Double.pi * radius.metres * radius.metres }
    /// Cell volume 4/3·πr³, in litres.
    public var volumeLitres: Double { 4.0 / 3.0 * Double.pi * Double.pow(radius.metres, 3) * 1e3 }
    /// Total capacitance C_m·A, in farads.
    public var capacitance: Double { specificCapacitance.faradsPerSquareMetre * area }
    /// Q = C·V_m (signed: negative inside for negative V_m), in coulombs.
    public var chargeHeld: Charge { .coulombs(capacitance * vm.volts) }
    /// Number of ions of valence z whose net transfer sets V_m.
    public var ionsMoved: Double { abs(chargeHeld.coulombs) / (Double(abs(charge)) * conditions.constants.elementaryCharge) }
    /// Number of ions of that species in the cell, c·Vol·N_A (nil without a concentration).
    public var ionsInCell: Double? {
        insideConcentration.map { $0.molar * volumeLitres * conditions.constants.avogadro }
    }
    /// ionsMoved / ionsInCell (nil without a concentration, or when the cell holds none).
    public var fractionOfIons: Double? {
        guard let n = ionsInCell, n > 0 else { return nil }
        return ionsMoved / n
    }
}
