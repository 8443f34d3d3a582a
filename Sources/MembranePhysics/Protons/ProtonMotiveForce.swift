import MembraneUnits
import RealModule

/// The proton-motive force across an energy-transducing membrane (Mitchell 1961, Nature 191:144; 1966,
/// Biol. Rev. 41:445):
///
///     Δp = Δψ − (ln 10·RT/F)·ΔpH,      Δψ = ψ_in − ψ_out,   ΔpH = pH_in − pH_out
///
/// "Inside" is the N-side, where the ATP synthase makes ATP: the mitochondrial matrix (outside: intermembrane space,
/// continuous with the cytosol), the chloroplast stroma (outside: thylakoid lumen), or the cytosol of a bacterium or a
/// plant cell (outside: the medium or apoplast). With these signs Δp is the electrochemical potential of H⁺ inside
/// relative to outside in volts, and
///
///     ΔG(H⁺ out → in) = F·Δp = RT·ln(a_H,in/a_H,out) + F·Δψ          (J per mole of H⁺)
///
/// is negative when H⁺ entry is downhill (energized mitochondria: Δψ ≈ −150 to −180 mV, matrix alkaline by
/// 0.5–1 pH unit, Δp ≈ −180 to −220 mV; Nicholls & Ferguson, *Bioenergetics 4*, 2013, ch. 4). Many texts quote
/// |Δp| with the opposite sign ("Δp = 200 mV" meaning matrix negative); the JSON and text say which side is which.
/// With E_H = (ln 10·RT/F)·ΔpH (the Nernst potential of H⁺), Δp = Δψ − E_H: the driving force on H⁺.
public struct ProtonMotiveForce: Sendable, Hashable {
    /// Δψ = ψ_in − ψ_out (inside: the N-side, matrix, stroma or cytosol).
    public var deltaPsi: Voltage
    /// pH on the N-side (matrix, stroma, bacterial or plant cytosol).
    public var pHInside: Double
    /// pH on the P-side (intermembrane space, thylakoid lumen, medium or apoplast).
    public var pHOutside: Double
    /// Temperature and constant set (RT/F).
    public var conditions: Conditions

    /// Δp from Δψ and the two pH values; throws ``MembraneError`` naming `fields` (the CLI's option names by default) for
    /// a Δψ outside the membrane-potential range or a pH outside 0…14.
    public init(deltaPsi: Voltage, pHInside: Double, pHOutside: Double, conditions: Conditions = Conditions(),
                fields: (deltaPsi: String, inside: String, outside: String) = ("delta-psi-mV", "ph-inside", "ph-outside")) throws {
        try MembraneError.requireMembranePotential(deltaPsi, field: fields.deltaPsi)
        for (field, pH) in [(fields.inside, pHInside), (fields.outside, pHOutside)] {
            guard pH.isFinite, (0...14).contains(pH) else {
                throw MembraneError.invalidValue(field: field, value: Format.number(pH), allowed: "a pH from 0 to 14")
            }
        }
        self.deltaPsi = deltaPsi
        self.pHInside = pHInside
        self.pHOutside = pHOutside
        self.conditions = conditions
    }

    /// pH_in − pH_out.
    public var deltaPH: Double { pHInside - pHOutside }
    /// ln 10·RT/F in volts (59.16 mV at 25 °C, 61.54 mV at 37 °C).
    public var nernstSlope: Double { Double.log(10) * conditions.thermalVoltage }
    /// −(ln 10·RT/F)·ΔpH: the chemical part of Δp, as a voltage.
    public var chemicalTerm: Voltage { .volts(-nernstSlope * deltaPH) }
    /// Δp = Δψ − (ln 10·RT/F)·ΔpH.
    public var value: Voltage { deltaPsi + chemicalTerm }
    /// E_H = (RT/F)·ln(a_H,out/a_H,in) = (ln 10·RT/F)·ΔpH, the Nernst potential of H⁺ (a_H = 10^−pH).
    public var protonEquilibriumPotential: Voltage { .volts(nernstSlope * deltaPH) }
    /// ΔG of moving one mole of H⁺ from outside to inside (``ElectrochemicalPotential``'s split), with
    /// RT·ln(a_in/a_out) = −ln 10·RT·ΔpH written without the round trip through 10^−pH.
    public var transfer: TransferEnergy {
        TransferEnergy(chemical: MolarEnergy(joulesPerMole: -Double.log(10) * conditions.rt * deltaPH),
                       electrical: MolarEnergy(joulesPerMole: conditions.faraday * deltaPsi.volts), conditions: conditions)
    }
    /// The share of Δp carried by ΔpH (chemicalTerm/Δp; nil when Δp = 0).
    public var pHShare: Double? { value.volts == 0 ? nil : chemicalTerm / value }
}
