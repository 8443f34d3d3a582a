import MembraneUnits

/// How water crosses the membrane, and so how the cell volume follows its solutes.
public enum WaterTransport: Sendable, Hashable {
    /// Water equilibrates instantly: the volume is always the one at which Osm_in = Osm_out
    /// (Kay 2017's `PLM_CD.m` rescales the volume this way after every step; Keener & Sneyd's analytic
    /// steady state assumes it).
    case instantaneous
    /// Water flux J_v = P_f·V̄_w·(Osm_in − Osm_out) (m³·m⁻²·s⁻¹, inward positive), with the osmotic
    /// permeability P_f (m/s) and the partial molar volume of water V̄_w (Finkelstein, *Water Movement
    /// Through Lipid Bilayers, Pores, and Plasma Membranes*, 1987, ch. 2; Keener & Sneyd's dμ/dt = Q/τ_w).
    case osmotic(permeability: Permeability)

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

/// Something that happens at a given time in a simulation.
public struct ScenarioEvent: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        /// The pump stops (ouabain, ATP depletion in ischaemia).
        case blockPump
        /// The pump runs again at full activity.
        case releasePump
        /// The pump runs at a fraction of its rate (0…1).
        case setPumpActivity(Double)
    }
    public var time: Double
    public var action: Action

    public init(time: Double, _ action: Action) {
        self.time = time
        self.action = action
    }

    public var description: String {
        switch action {
        case .blockPump: return "pump blocked"
        case .releasePump: return "pump released"
        case .setPumpActivity(let a): return "pump activity set to \(a)"
        }
    }

    /// The pump activity after this event.
    public func activity(after previous: Double) -> Double {
        switch action {
        case .blockPump: return 0
        case .releasePump: return 1
        case .setPumpActivity(let a): return a
        }
    }
}
