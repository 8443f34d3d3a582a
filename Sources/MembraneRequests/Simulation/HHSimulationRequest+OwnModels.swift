import Membrane

extension HHSimulationRequest {
    /// The options only the Hodgkin–Huxley-type presets (``ScenarioPreset``) take, each with its value as given (nil:
    /// not given): the presets that reproduce a published model as its own ``SimulationModel`` (`hubel-ullah-2016`,
    /// `cressman-2009`, `luo-rudy-1991`, `wei-ullah-schiff-2014`) refuse them.
    var hodgkinHuxleyOnlyOptions: [(field: String, value: String?)] {
        [("stimulus-uA-per-cm2", stimulus?.text), ("cells", cells.map { "\($0)" }), ("concentrations", concentrations),
         ("extracellular-volume-relative", extracellularVolume?.text), ("spike-cost", spikeCost == true ? "true" : nil),
         ("stimulus-protocol", stimulusProtocol), ("voltage-clamp", voltageClamp), ("permeation", permeation?.text),
         ("pump-uA-per-cm2", pump?.text)]
            + exchangeOptions
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

extension HHSimulationRequest {
    /// The integration method of a preset with its own model: `method` (rodas4, bdf or auto), by default
    /// `preferred`: `auto` (``SwitchingIntegrator``: Dormand–Prince through spikes and bursts, BDF through rest, block
    /// and slow drift) for the bursting neurons, where it is 1.6–3.5× faster than BDF alone at the same tolerance
    /// (BENCHMARKS.md "Switching between Dormand–Prince and BDF"); BDF for the paced heart cell, whose plateau is stiff.
    func ownModelMethod(preferred: IntegrationMethod = .auto) throws -> IntegrationMethod {
        try method.map { try InputParsing.integrationMethod($0) } ?? preferred
    }

    /// The checked integration inputs of a preset with its own model: `duration` in seconds (`seconds` when not
    /// given), `rtol` in (0, 1) (default 1e-8), `interval` (> 0 s, at most 10⁶ samples over the run) and `method`
    /// (``ownModelMethod``, by default `preferredMethod`), each refused with its field named.
    func ownModelIntegration(defaultDuration seconds: Double, preferredMethod: IntegrationMethod = .auto) throws
        -> (duration: Double, tolerance: Double, interval: Double?, method: IntegrationMethod) {
        let method = try ownModelMethod(preferred: preferredMethod)
        let duration = try durationSeconds(default: seconds)
        let allowed = "a relative tolerance in (0, 1), e.g. 1e-8"
        let tolerance = try rtol.map { try $0.positive(field: "rtol", allowed: allowed) } ?? 1e-8
        guard tolerance < 1 else { throw MembraneError.invalidValue(field: "rtol", value: rtol?.text ?? "", allowed: allowed) }
        let interval = try interval.map { try $0.positive(field: "interval", allowed: "a sampling interval > 0 s") }
        if let interval {
            try SimulationDefaults.checkSampleCount(interval: interval, typed: self.interval?.text ?? "", duration: duration)
        }
        return (duration, tolerance, interval, method)
    }
}
