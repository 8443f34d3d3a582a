import MembraneUnits

/// The Na⁺/K⁺-ATPase as a mechanism: 3 Na⁺ out and 2 K⁺ in per cycle at the cycle flux a·J_p of its kinetic law
/// (``NaKPump/cycleFlux(sodiumInside:sodiumOutside:potassiumOutside:potential:thermalVoltage:)``), a the
/// ``NaKPump/activity``; its derivatives from the law's closed-form gradient. Slots: Na, K. Parameters: `activity`
/// (0…1), `rate` (J_max, mol·m⁻²·s⁻¹).
extension NaKPump: Mechanism {
    public var name: String { "pump" }
    public var ions: [String] { ["Na", "K"] }
    public var parameterNames: [String] { ["activity", "rate"] }
    public func parameter(_ index: Int) -> Double { index == 0 ? activity : maximalRate }

    public mutating func setParameter(_ index: Int, to value: Double) throws {
        if index == 0 {
            try requireNonNegative(value, parameter: "activity", unit: "1 = running, 0 = blocked")
            activity = value
        } else {
            try requireNonNegative(value, parameter: "rate", unit: "mol/(m²·s)")
            maximalRate = value
        }
    }

    public func contribute(at site: MembraneSite) {
        guard activity > 0 else { return }
        let jp = activity * cycleFlux(sodiumInside: site.inside(0), sodiumOutside: site.outside(0),
                                      potassiumOutside: site.outside(1), potential: site.potential,
                                      thermalVoltage: site.thermalVoltage)
        site.addFlux(0, Self.sodiumPerCycle * jp)
        site.addFlux(1, -Self.potassiumPerCycle * jp)
    }

    public func contributeDerivatives(at site: MembraneSite) {
        guard activity > 0 else { return }
        let g = cycleFluxGradient(sodiumInside: site.inside(0), sodiumOutside: site.outside(0),
                                  potassiumOutside: site.outside(1), potential: site.potential,
                                  thermalVoltage: site.thermalVoltage)
        func add(_ slot: Int, _ count: Double) {
            let s = count * activity
            site.addDerivative(of: .flux(slot), withRespectTo: .inside(0), s * g.sodiumInside)
            site.addDerivative(of: .flux(slot), withRespectTo: .outside(0), s * g.sodiumOutside)
            site.addDerivative(of: .flux(slot), withRespectTo: .outside(1), s * g.potassiumOutside)
            site.addDerivative(of: .flux(slot), withRespectTo: .potential, s * g.potential)
        }
        add(0, Self.sodiumPerCycle)
        add(1, -Self.potassiumPerCycle)
    }

    /// 3·a·J_max for Na, 2·a·J_max for K.
    public func characteristicFlux(at site: MembraneSite, slot: Int) -> Double {
        let active = maximalRate * activity
        guard active > 0 else { return 0 }
        return (slot == 0 ? Self.sodiumPerCycle : Self.potassiumPerCycle) * active
    }

    public var isAffineInPotential: Bool { !dependsOnVoltage }
    public var isActiveTransport: Bool { true }
}
