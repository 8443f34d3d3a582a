import Membrane

/// Tutorial step 3: the GHK resting potential of the mammalian neuron preset at 37 °C,
/// V_m = (RT/F)·ln[(P_K·K_o + P_Na·Na_o + P_Cl·Cl_i) / (P_K·K_i + P_Na·Na_i + P_Cl·Cl_o)]
/// (Goldman 1943; Hodgkin & Katz 1949).
func neuronRestingPotential() throws -> GHKVoltageResult {
    let cell = CellPreset.mammalianNeuron
    let permeants = try Permeant.list(inside: cell.inside, outside: cell.outside,
                                      permeabilities: cell.permeabilities)
    return try GHKVoltage.potential(permeants, conditions: Conditions(temperature: cell.temperature))
}
