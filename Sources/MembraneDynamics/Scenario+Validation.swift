import MembraneUnits
import MembraneChemistry
import MembranePhysics

extension Scenario {
    /// Checks every input, throwing ``MembraneError/invalidValue(field:value:allowed:)`` naming the field.
    /// Called by ``CellModel/init(_:)``, so no solver ever sees an invalid scenario.
    public func validate() throws {
        guard !ions.isEmpty else {
            throw MembraneError.invalidValue(field: "ions", value: "none", allowed: "at least one mobile ion, e.g. Na, K, Cl")
        }
        guard inside.count == ions.count, outside.count == ions.count else {
            throw MembraneError.invalidValue(field: "inside", value: "\(inside.count)/\(outside.count) values",
                                             allowed: "one inside and one outside concentration per ion (\(ions.count))")
        }
        for (i, ion) in ions.enumerated() {
            guard !ions[..<i].contains(where: { $0.name == ion.name }) else {
                throw MembraneError.invalidValue(field: "ions", value: ion.name, allowed: "each ion once")
            }
            guard ion.charge != 0 else {
                throw MembraneError.invalidValue(field: "ions", value: ion.name, allowed: "charged ions (neutral solutes are not modelled)")
            }
            try MembraneError.requirePositive(inside[i].millimolar, field: "inside.\(ion.name)",
                allowed: "an amount > 0 (a concentration > 0 mM; the model takes logarithms of concentrations)")
            try MembraneError.requirePositive(outside[i].millimolar, field: "outside.\(ion.name)",
                allowed: "a concentration > 0 mM (the model takes logarithms of concentrations)")
        }
        try MembraneError.requireFinite(impermeant.charge, field: "impermeant.charge", allowed: "a finite mean valence, e.g. -1")
        try MembraneError.requireNonNegative(impermeant.concentration.millimolar, field: "impermeant.concentration",
                                             allowed: "an amount ≥ 0 (concentration at the reference volume, mM)")
        try MembraneError.requireFinite(outsideImpermeant.charge, field: "outside_impermeant.charge", allowed: "a finite mean valence")
        try MembraneError.requireNonNegative(outsideImpermeant.concentration.millimolar, field: "outside_impermeant.concentration",
                                             allowed: "a concentration ≥ 0 mM")
        try MembraneError.requirePositive(geometry.area, field: "area", allowed: "a membrane area > 0")
        try MembraneError.requirePositive(geometry.volume, field: "volume", allowed: "a cell volume > 0")
        if voltageModel == .chargeDifference {
            try MembraneError.requirePositive(capacitance.faradsPerSquareMetre, field: "capacitance",
                                              allowed: "a specific capacitance > 0 (µF/cm²), or the electroneutral voltage model")
        }
        if case .finite(let v) = bath {
            try MembraneError.requirePositive(v, field: "bath_volume_relative", allowed: "a bath volume > 0 relative to the cell")
        }
        if case .osmotic(let p) = water {
            try MembraneError.requirePositive(p.metresPerSecond, field: "water.osmotic_permeability",
                                              allowed: "an osmotic permeability > 0 (µm/s), or instantaneous water")
        }
        for leak in leaks {
            guard index(of: leak.ion) != nil else {
                throw MembraneError.invalidValue(field: "leaks", value: leak.ion,
                                                 allowed: "one of the scenario's ions (\(ions.map(\.name).joined(separator: ", ")))")
            }
            switch leak.kind {
            case .ohmic(let g):
                try MembraneError.requireNonNegative(g.siemensPerSquareMetre, field: "conductance.\(leak.ion)",
                                                     allowed: "a conductance ≥ 0 (mS/cm²)")
            case .ghk(let p):
                try MembraneError.requireNonNegative(p.metresPerSecond, field: "permeability.\(leak.ion)",
                                                     allowed: "a permeability ≥ 0 (cm/s)")
            }
        }
        if let pump {
            try MembraneError.requireNonNegative(pump.maximalRate, field: "pump.rate", allowed: "a pump rate ≥ 0")
            try pump.nucleotides?.validate()
            for name in ["Na", "K"] where index(of: name) == nil {
                throw MembraneError.invalidValue(field: "pump", value: "no \(name) in the scenario",
                                                 allowed: "a scenario with both Na and K for the Na/K pump")
            }
        }
        for t in cotransporters {
            try MembraneError.requireNonNegative(t.strength, field: "\(t.name).strength", allowed: "a strength ≥ 0 (mol/(m²·s))")
            for (name, _) in t.stoichiometry where index(of: name) == nil {
                throw MembraneError.invalidValue(field: t.name, value: "no \(name) in the scenario",
                                                 allowed: "a scenario with \(t.stoichiometry.map(\.ion).joined(separator: ", "))")
            }
        }
        for m in mechanisms {
            for ion in m.ions where index(of: ion) == nil {
                throw MembraneError.invalidValue(field: m.name, value: "no \(ion) in the scenario",
                                                 allowed: "mechanisms on the scenario's ions (\(ions.map(\.name).joined(separator: ", ")))")
            }
            // Each parameter through its own setter, which checks its range.
            var copy = m
            for k in m.parameterNames.indices { try copy.setParameter(k, to: m.parameter(k)) }
        }
        try validateDynamics()
        try validateExtracellularExchange()
        guard pumpActivity.isFinite, pumpActivity >= 0 else {
            throw MembraneError.invalidValue(field: "pump_activity", value: "\(pumpActivity)", allowed: "an activity ≥ 0 (1 = running)")
        }
        try MembraneError.requirePositive(duration, field: "duration", allowed: "a duration > 0 in seconds")
        for e in events {
            guard e.time.isFinite, e.time >= 0 else {
                throw MembraneError.invalidValue(field: "event time", value: "\(e.time)", allowed: "a time ≥ 0 in seconds")
            }
            if case .setPumpActivity(let a) = e.action, !(a.isFinite && a >= 0) {
                throw MembraneError.invalidValue(field: "pump activity", value: "\(a)", allowed: "an activity ≥ 0")
            }
        }
        // The bath must be electroneutral: its charge has nowhere to go (when concentrations move).
        guard fixedIons.count < ions.count else { return }
        let bathCharge = zip(ions, outside).reduce(0) { $0 + Double($1.0.charge) * $1.1.millimolar }
            + outsideImpermeant.charge * outsideImpermeant.concentration.millimolar
        let bathScale = zip(ions, outside).reduce(0) { $0 + abs(Double($1.0.charge)) * $1.1.millimolar }
        if abs(bathCharge) > 1e-9 * bathScale {
            throw MembraneError.invalidValue(field: "outside", value: "net charge \(bathCharge) mM",
                allowed: "an electroneutral bath (Σ z·c = 0 including the outside impermeant)")
        }
        if voltageModel == .electroneutral {
            let q = initialChargeDensity
            let scale = zip(ions, inside).reduce(0) { $0 + abs(Double($1.0.charge)) * $1.1.millimolar }
            if abs(q) > 1e-9 * scale {
                throw MembraneError.invalidValue(field: "inside", value: "net charge \(q) mM",
                    allowed: "an electroneutral initial state for the electroneutral voltage model (Σ z·c + z_X·X = 0), or the charge-difference model, which discharges the excess through the leaks")
            }
            if leaks.allSatisfy({ leak in
                switch leak.kind { case .ohmic(let g): return g.siemensPerSquareMetre == 0; case .ghk(let p): return p.metresPerSecond == 0 }
            }) {
                throw MembraneError.invalidValue(field: "leaks", value: "no conductance",
                    allowed: "at least one ion with a leak: the electroneutral potential is where the leak currents balance")
            }
        }
    }

    /// Held ions, stimuli and the initial potential: consistent with the water and voltage models.
    func validateDynamics() throws {
        for (i, name) in fixedIons.enumerated() {
            guard index(of: name) != nil, !fixedIons[..<i].contains(name) else {
                throw MembraneError.invalidValue(field: "fixed_ions", value: name,
                                                 allowed: "each of the scenario's ions at most once (\(ions.map(\.name).joined(separator: ", ")))")
            }
        }
        if !fixedIons.isEmpty, water != .impermeable {
            throw MembraneError.invalidValue(field: "water", value: "\(water)",
                                             allowed: "impermeable water when concentrations are held (fixed_ions): a held concentration has no amount for water to dilute")
        }
        for (k, s) in stimuli.enumerated() {
            try s.waveform.validate(field: "stimulus[\(k)]")
            if case .voltageClamp(_, let g) = s {
                try MembraneError.requireNonNegative(g.siemensPerSquareMetre, field: "stimulus[\(k)].conductance",
                                                     allowed: "a series conductance ≥ 0 (S/m²)")
            }
        }
        if let v = initialPotential {
            try MembraneError.requireFinite(v.volts, field: "initial_potential", allowed: "a potential in volts")
        }
        if voltageModel == .electroneutral {
            let gated = mechanisms.contains { !$0.stateNames.isEmpty }
            let nonspecific = mechanisms.contains { $0.carriesNonspecificCurrent }
            if !fixedIons.isEmpty || !stimuli.isEmpty || gated || nonspecific || initialPotential != nil {
                throw MembraneError.invalidValue(field: "voltage_model", value: "electroneutral",
                    allowed: "the charge-difference model for cells with held ions, stimuli, gated channels, nonspecific currents or an initial potential (the electroneutral limit has no capacitance to charge)")
            }
        }
    }

    /// Σ z·c + z_X·X inside at the reference volume (mM), over the ions whose amounts change (not the held ones):
    /// zero for an electroneutral initial state.
    public var initialChargeDensity: Double {
        zip(ions, inside).reduce(0) { $0 + (fixedIons.contains($1.0.name) ? 0 : Double($1.0.charge) * $1.1.millimolar) }
            + impermeant.charge * impermeant.concentration.millimolar
    }
}

extension Scenario {
    /// Things a user should know about this scenario's starting point (reported, not errors).
    public var warnings: [String] {
        var out: [String] = []
        let q = initialChargeDensity
        let scale = zip(ions, inside).reduce(0) { $0 + abs(Double($1.0.charge)) * $1.1.millimolar }
        if voltageModel == .chargeDifference && initialPotential == nil && abs(q) > 1e-9 * scale {
            let kappa = conditions.faraday * geometry.volume / (capacitance.faradsPerSquareMetre * geometry.area)
            out.append("the initial state is not electroneutral: it carries \(Format.number(q)) mM of net charge, which holds V₀ = \(Format.number(kappa * q)) V on the membrane capacitance; the charge-difference model discharges it through the leaks within a few C/g")
        }
        if case .instantaneous = water, case .infinite = bath {
            let osmIn = inside.reduce(0) { $0 + $1.millimolar } + impermeant.concentration.millimolar
            let osmOut = outside.reduce(0) { $0 + $1.millimolar } + outsideImpermeant.concentration.millimolar
            if abs(osmIn / osmOut - 1) > 1e-9 {
                out.append("the initial amounts are not in osmotic balance at the reference volume (\(Format.number(osmIn)) vs \(Format.number(osmOut)) mOsm/L): with instantaneous water the cell takes \(Format.number(osmIn / osmOut)) × the reference volume at t = 0")
            }
        }
        return out
    }
}
