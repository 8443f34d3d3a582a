import MembraneUnits
import MembraneChemistry
import MembranePhysics

/// A cell and its bath, everything that moves ions and water across the membrane between them, and the
/// protocol of a run: a plain value describing the system (DESIGN.md). ``CellModel`` compiles it into equations on a
/// flat state; ``SteadyStateSolver`` and ``solve(_:using:from:stateEvents:recording:)`` turn those into results.
///
/// The membrane's mechanisms are the ``leaks``, the ``pump``, the ``cotransporters`` (the pump–leak cell's knobs,
/// which its presets and config file set) and any further ``mechanisms`` of the catalogue (gated channels,
/// passive currents…); ``stimuli`` are applied to it.
///
/// Inside concentrations are given at the reference volume (``CellGeometry/volume``): they fix the
/// amounts of each ion in the cell. With instantaneous water the cell takes its osmotic volume at t = 0.
public struct Scenario: Sendable {
    /// Preset name (`kay2017`).
    public var name: String
    /// One line on what the scenario models and its source.
    public var summary: String
    /// Temperature and constants.
    public var conditions: Conditions
    /// Membrane area and reference volume.
    public var geometry: CellGeometry
    /// Specific membrane capacitance (charge-difference voltage model).
    public var capacitance: SpecificCapacitance
    /// The mobile ions, in state order.
    public var ions: [Ion]
    /// Initial inside concentrations at the reference volume, one per ion.
    public var inside: [Concentration]
    /// Bath concentrations (initial, for a finite bath), one per ion.
    public var outside: [Concentration]
    /// The impermeant solute inside: mean valence and concentration at the reference volume.
    public var impermeant: ImpermeantSolute
    /// Impermeant solute of the bath (a concentration of 0 when there is none).
    public var outsideImpermeant: ImpermeantSolute
    /// The bath: infinite (fixed concentrations) or finite.
    public var bath: Bath
    /// What the finite bath (the extracellular space) exchanges with the world outside it beside the cell: diffusion
    /// to a bath of fixed concentration and glial K⁺ uptake (none by default; needs a finite bath).
    public var extracellularExchange = ExtracellularExchange()
    /// Passive leaks (ohmic or GHK), each carrying one ion.
    public var leaks: [Leak]
    /// The Na⁺/K⁺-ATPase (3 Na⁺ out, 2 K⁺ in per cycle), or nil.
    public var pump: NaKPump?
    /// Electroneutral cotransporters (KCC2, NKCC1).
    public var cotransporters: [any Cotransporter]
    /// Further mechanisms on the cell membrane (gated channels, passive currents, …).
    public var mechanisms: [any Mechanism]
    /// How water crosses: instantaneous osmotic balance, a water permeability, or none.
    public var water: WaterTransport
    /// How V_m follows from the state: charge difference (C·A·V = Q) or electroneutral.
    public var voltageModel: VoltageModel
    /// Ions whose concentrations are held on both sides (NEURON without an accumulation mechanism): their currents
    /// charge the membrane but change no amount. They need ``WaterTransport/impermeable``.
    public var fixedIons: [String]
    /// Currents and voltage clamps applied to the cell.
    public var stimuli: [Stimulus]
    /// V_m at t = 0 when the cell carries charge its modelled ions do not account for (fixed ions, nonspecific
    /// currents, stimuli); nil: V_m from the ions' charge (the charge-difference model).
    public var initialPotential: Voltage?
    /// Timed events (pump block at 5000 s in ``kay2017``).
    public var events: [ScenarioEvent]
    /// Length of a simulation, in seconds.
    public var duration: Double
    /// The free energy of ATP hydrolysis for the energy budget.
    public var atp: ATPHydrolysis
    /// Source of each group of parameters.
    public var sources: [(field: String, source: String)]
    /// Deviations from the source and caveats.
    public var notes: [String]

    /// A scenario from its parts; ``validate()`` checks it before a run.
    public init(name: String, summary: String, conditions: Conditions, geometry: CellGeometry,
                capacitance: SpecificCapacitance = .biological, ions: [Ion], inside: [Concentration],
                outside: [Concentration], impermeant: ImpermeantSolute,
                outsideImpermeant: ImpermeantSolute = ImpermeantSolute(name: "X_out", charge: -1, concentration: .zero),
                bath: Bath = .infinite, leaks: [Leak], pump: NaKPump?, cotransporters: [any Cotransporter] = [],
                water: WaterTransport = .instantaneous, voltageModel: VoltageModel = .chargeDifference,
                pumpActivity: Double? = nil, events: [ScenarioEvent] = [], duration: Double = 3600,
                atp: ATPHydrolysis = .cellular, sources: [(field: String, source: String)] = [], notes: [String] = [],
                mechanisms: [any Mechanism] = [], fixedIons: [String] = [], stimuli: [Stimulus] = [],
                initialPotential: Voltage? = nil) {
        self.name = name
        self.summary = summary
        self.conditions = conditions
        self.geometry = geometry
        self.capacitance = capacitance
        self.ions = ions
        self.inside = inside
        self.outside = outside
        self.impermeant = impermeant
        self.outsideImpermeant = outsideImpermeant
        self.bath = bath
        self.leaks = leaks
        self.pump = pump
        self.cotransporters = cotransporters
        self.mechanisms = mechanisms
        self.water = water
        self.voltageModel = voltageModel
        self.fixedIons = fixedIons
        self.stimuli = stimuli
        self.initialPotential = initialPotential
        self.events = events
        self.duration = duration
        self.atp = atp
        self.sources = sources
        self.notes = notes
        if let pumpActivity { self.pumpActivity = pumpActivity }
    }

    /// The pump's activity at t = 0 (1 = running, 0 = blocked): ``NaKPump/activity`` (0 without a pump; setting it
    /// without a pump does nothing).
    public var pumpActivity: Double {
        get { pump?.activity ?? 0 }
        set { pump?.activity = newValue }
    }

    /// Every mechanism on the cell membrane, as the model compiles them: leaks, pump, cotransporters, the further
    /// mechanisms, and osmotic water.
    public var membraneMechanisms: [any Mechanism] {
        struct Collector: MechanismVisitor {
            var list: [any Mechanism] = []
            mutating func visit<M: Mechanism>(_ mechanism: M) { list.append(mechanism) }
        }
        var collector = Collector()
        visitMembraneMechanisms(&collector)
        return collector.list
    }

    /// Gives `visitor` every mechanism of ``membraneMechanisms``, in that order, each as its own type.
    func visitMembraneMechanisms<V: MechanismVisitor>(_ visitor: inout V) {
        for leak in leaks { visitor.visit(leak) }
        if let pump { visitor.visit(pump) }
        for cotransporter in cotransporters { visitor.visit(cotransporter) }
        for mechanism in mechanisms { visitor.visit(mechanism) }
        if case .osmotic(let p) = water { visitor.visit(OsmoticWater(permeability: p)) }
    }

    /// Index of the ion called `name` (canonical), or nil.
    public func index(of name: String) -> Int? { ions.firstIndex { $0.name == name } }

    /// The ohmic Na⁺ conductance (S/m²), if the Na leak is ohmic: the scale of Keener & Sneyd's pump rate.
    public var sodiumConductance: Double? {
        var g = 0.0, found = false
        for leak in leaks where leak.ion == "Na" {
            guard case .ohmic(let c) = leak.kind else { return nil }
            g += c.siemensPerSquareMetre; found = true
        }
        return found && g > 0 ? g : nil
    }

    /// Keener & Sneyd's dimensionless pump rate P = F·J_max/(g_Na·RT/F) (pump current over the Na
    /// conductance times the thermal voltage; Mathematical Physiology ch. 2, `pump_leak_ex.m`).
    public var dimensionlessPumpRate: Double? {
        guard let pump, let g = sodiumConductance else { return nil }
        return conditions.faraday * pump.maximalRate / (g * conditions.thermalVoltage)
    }

    /// Sets the pump's rate from Keener & Sneyd's dimensionless P (needs an ohmic Na leak).
    public mutating func setDimensionlessPumpRate(_ p: Double) throws {
        try MembraneError.requireNonNegative(p, field: "pump-rate", allowed: "a dimensionless pump rate P ≥ 0")
        guard let g = sodiumConductance else {
            throw MembraneError.invalidValue(field: "pump-rate", value: "\(p)",
                allowed: "a scenario with an ohmic Na leak (P = F·J/(g_Na·RT/F)); use `pump-current-uA-per-cm2` otherwise")
        }
        guard pump != nil else {
            throw MembraneError.invalidValue(field: "pump-rate", value: "\(p)", allowed: "a scenario with a Na/K pump")
        }
        pump!.maximalRate = p * g * conditions.thermalVoltage / conditions.faraday
    }
}
