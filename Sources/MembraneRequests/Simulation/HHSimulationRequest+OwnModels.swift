import Membrane

extension HHSimulationRequest {
    /// The options only the Hodgkin–Huxley-type presets (``ScenarioPreset``) take, each with its value as given (nil:
    /// not given): the presets that reproduce a published model as its own ``SimulationModel`` (`hubel-ullah-2016`,
    /// `cressman-2009`, `luo-rudy-1991`, `wei-ullah-schiff-2014`) refuse them.
    var hodgkinHuxleyOnlyOptions: [(field: String, value: String?)] {
        [("stimulus-uA-per-cm2", stimulus?.text), ("cells", cells.map { "\($0)" }), ("concentrations", concentrations),
         ("extracellular-volume-relative", extracellularVolume?.text), ("spike-cost", spikeCost == true ? "true" : nil),
         ("stimulus-protocol", stimulusProtocol), ("voltage-clamp", voltageClamp), ("permeation", permeation?.text)]
    }

    /// Throws ``MembraneError/invalidValue(field:value:allowed:)`` naming the first option of
    /// ``hodgkinHuxleyOnlyOptions`` given (other than those in `accepted`), quoting its value, with `allowed` saying
    /// what the preset takes instead.
    func refuseHodgkinHuxleyOptions(accepting accepted: Set<String> = [], allowed: String) throws {
        if let (field, value) = hodgkinHuxleyOnlyOptions.first(where: { $0.value != nil && !accepted.contains($0.field) }) {
            throw MembraneError.invalidValue(field: field, value: value ?? "", allowed: allowed)
        }
    }
}
