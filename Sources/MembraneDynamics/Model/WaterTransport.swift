import MembraneUnits

/// How water crosses the membrane, and so how the cell volume follows its solutes.
public enum WaterTransport: Sendable, Hashable {
    /// Water equilibrates instantly: the volume is always the one at which Osm_in = Osm_out
    /// (Kay 2017's `PLM_CD.m` rescales the volume this way after every step; Keener & Sneyd's analytic
    /// steady state assumes it).
    case instantaneous
    /// Water flux J_v = P_f·V̄_w·(Osm_in − Osm_out) through the membrane (the ``OsmoticWater`` mechanism): the
    /// volume is integrated.
    case osmotic(permeability: Permeability)
    /// The membrane passes no water: the cell keeps its reference volume (models with fixed volumes, e.g. a cell
    /// whose concentrations are held: ``Scenario/fixedIons``).
    case impermeable

    /// Partial molar volume of water, 18.07·10⁻⁶ m³/mol: M = 18.015 g/mol over ρ = 0.99705 g/cm³ at 25 °C
    /// (CRC Handbook of Chemistry and Physics, "Properties of water in the range 0–100 °C").
    public static let molarVolumeOfWater = 18.07e-6
}

/// The extracellular space the cell exchanges ions with.
public enum Bath: Sendable, Hashable {
    /// A bath so large its concentrations never change (the usual idealisation; Kay 2017, Keener & Sneyd).
    case infinite
    /// A finite bath of the given volume relative to the cell's reference volume: its concentrations
    /// change as ions leave or enter the cell, and the water of cell + bath is conserved.
    case finite(relativeVolume: Double)
}

/// How the membrane potential is obtained.
public enum VoltageModel: String, Sendable, Hashable {
    /// V = Q/(C·A): the net charge of the cell over its capacitance (the charge-difference method,
    /// Fraser & Huang 2004, Biophys. J. 86:3380; Kay 2017's `PLM_CD.m`). A stiff but exact formulation.
    case chargeDifference = "charge-difference"
    /// The limit C → 0: the cell stays electroneutral and V is the potential at which the total membrane
    /// current vanishes (Keener & Sneyd's analytic pump–leak steady state).
    case electroneutral
}

/// Something that happens at a given time in a simulation: a parameter of the model changes (a pump blocked, a
/// drug applied, the bath changed).
public struct ScenarioEvent: Sendable, Hashable {
    /// What a timed event does.
    public enum Action: Sendable, Hashable {
        /// The pump stops (ouabain, ATP depletion in ischaemia): `pump.activity` = 0.
        case blockPump
        /// The pump runs again at full activity: `pump.activity` = 1.
        case releasePump
        /// The pump runs at a fraction of its rate (0…1).
        case setPumpActivity(Double)
        /// A named parameter of the model takes a value (SI units; ``CellModel/parameterNames``), e.g.
        /// `("hh_Na.block", 1)` for TTX or `("outside.K", 10)` for a bath with 10 mM K⁺.
        case set(parameter: String, to: Double)
    }
    /// When it happens, s from the start.
    public var time: Double
    /// What it does.
    public var action: Action

    /// An event doing `action` at `time` (s).
    public init(time: Double, _ action: Action) {
        self.time = time
        self.action = action
    }

    /// The event in words ("pump blocked").
    public var description: String {
        switch action {
        case .blockPump: return "pump blocked"
        case .releasePump: return "pump released"
        case .setPumpActivity(let a): return "pump activity set to \(a)"
        case .set(let p, let v): return "\(p) set to \(v)"
        }
    }

    /// The parameter the event changes and its new value.
    public var assignment: (parameter: String, value: Double) {
        switch action {
        case .blockPump: return ("pump.activity", 0)
        case .releasePump: return ("pump.activity", 1)
        case .setPumpActivity(let a): return ("pump.activity", a)
        case .set(let p, let v): return (p, v)
        }
    }
}
