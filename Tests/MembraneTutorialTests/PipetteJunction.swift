import Membrane

/// Tutorial step 2: the liquid junction potential between a K-gluconate pipette solution and ACSF.
///
/// The ion sets are LJPcalc's "Patch Clamp (K-glu)" pair (after Watz & Wolfgang 2007, *Patch-Clamp
/// Analysis*, p. 191). V_L is the bath relative to the pipette (Barry & Lynch 1991), so the membrane
/// potential is V_m = V_measured − V_L.
func pipetteJunction() throws -> JunctionResult {
    let pipette = try Solution(millimolar: ["K": 125, "gluconate": 125, "Cl": 2, "Mg": 1, "HEPES": 10, "Na": 10])
    let bath = try Solution(millimolar: ["Na": 152.2, "K": 3, "Ca": 2.4, "Mg": 1.5, "Cl": 133.8,
                                         "H2PO4": 1.2, "HCO3": 25, "SO4": 1.5])
    let junction = try LiquidJunction(pipette: pipette, bath: bath,
                                      conditions: Conditions(temperature: .celsius(25)))
    return try JunctionSolver.solve(junction, method: .planck)
}

/// The membrane potential once the junction is corrected for: V_m = V_measured − V_L.
func correctedPotential(measured: Voltage, junction: JunctionResult) -> Voltage {
    .millivolts(measured.millivolts - junction.potential.millivolts)
}
