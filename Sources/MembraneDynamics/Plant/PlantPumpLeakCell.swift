import MembraneUnits
import MembraneChemistry
import MembranePhysics

/// A plant (or fungal) cell for the pump–leak steady state: the apoplast (or medium) is fixed — K⁺, Cl⁻ and pH — the
/// cytosolic pH is clamped (buffered and regulated: an input), and the plasma membrane holds the H⁺-ATPase
/// (``PlasmaMembraneHATPase``), a K⁺/H⁺ symporter (``ProtonCoupledSymporter``) and K⁺, Cl⁻ and H⁺ leaks
/// (``PlantLeaks``); optionally a wall (``PlantWall``). ``PlantSteadyStateSolver`` finds V_m, K⁺_in and Cl⁻_in.
public struct PlantPumpLeakCell: Sendable, Hashable {
    /// Cytosolic pH (clamped).
    public var pHCytosol: Double
    /// Apoplastic (medium) pH.
    public var pHApoplast: Double
    /// K⁺ outside.
    public var potassiumOutside: Concentration
    /// Cl⁻ outside.
    public var chlorideOutside: Concentration
    /// The H⁺-ATPase.
    public var pump: PlasmaMembraneHATPase
    /// The K⁺/H⁺ symporter.
    public var symporter: ProtonCoupledSymporter
    /// An optional Cl⁻/2 H⁺ symporter (``ProtonCoupledSymporter/chloride(maximumFlux:halfSaturation:)``); nil: Cl⁻ has
    /// only its leak and sits at its Nernst potential.
    public var chlorideSymporter: ProtonCoupledSymporter?
    /// The leaks.
    public var leaks: PlantLeaks
    /// ΔG of ATP hydrolysis that drives the pump.
    public var atp: ATPHydrolysis
    /// The wall, for turgor (nil: no wall, no turgor).
    public var wall: PlantWall?
    /// Temperature and constants.
    public var conditions: Conditions

    /// A cell with the given bath, cytosolic pH and transporters (defaults: the plant-root values, cited on each type).
    public init(pHCytosol: Double, pHApoplast: Double, potassiumOutside: Concentration, chlorideOutside: Concentration,
                pump: PlasmaMembraneHATPase = .plantRoot, symporter: ProtonCoupledSymporter = .arabidopsisPotassium,
                chlorideSymporter: ProtonCoupledSymporter? = nil, leaks: PlantLeaks = .plantRoot,
                atp: ATPHydrolysis = .cellular, wall: PlantWall? = nil, conditions: Conditions = Conditions()) {
        self.pHCytosol = pHCytosol
        self.pHApoplast = pHApoplast
        self.potassiumOutside = potassiumOutside
        self.chlorideOutside = chlorideOutside
        self.pump = pump
        self.symporter = symporter
        self.chlorideSymporter = chlorideSymporter
        self.leaks = leaks
        self.atp = atp
        self.wall = wall
        self.conditions = conditions
    }

    /// The steady-state cell of a ``PlantCellPreset``: its pH on both sides, ΔG_ATP, n H⁺ per K⁺ and conditions; the
    /// apoplast's K⁺ and Cl⁻ and the wall (relaxed volume, ε, neutral osmolytes) from its Donnan wall problem; the
    /// transporters' defaults (``PlasmaMembraneHATPase/plantRoot``, ``ProtonCoupledSymporter/arabidopsisPotassium``,
    /// ``PlantLeaks/plantRoot``). Returns nil when the preset has no walled Donnan problem with K⁺ outside.
    public init?(preset: PlantCellPreset) {
        let cell = preset.cell
        guard let problem = cell.wall,
              let k = problem.permeants.first(where: { $0.ion.name == "K" })?.outside else { return nil }
        let cl = problem.permeants.first(where: { $0.ion.name == "Cl" })?.outside ?? .millimolar(0)
        var wall: PlantWall? = nil
        if case .walled(let vMax, let modulus?) = problem.compartment {
            let neutral = problem.insideImpermeants.filter { $0.charge == 0 }.reduce(0) { $0 + $1.concentration.millimolar }
            wall = PlantWall(relaxedVolume: vMax, elasticModulus: modulus, neutralOsmolytes: .millimolar(neutral))
        }
        var symporter = ProtonCoupledSymporter.arabidopsisPotassium
        symporter.protonsPerSubstrate = cell.protonsPerPotassium
        var pump = PlasmaMembraneHATPase.plantRoot
        pump.protonsPerATP = cell.protonsPerATP
        self.init(pHCytosol: cell.pHCytosol, pHApoplast: cell.pHApoplast, potassiumOutside: k, chlorideOutside: cl,
                  pump: pump, symporter: symporter, atp: cell.atp, wall: wall, conditions: cell.conditions)
    }

    /// E_H = (RT/F)·ln(H_out/H_in) = (ln 10·RT/F)·(pH_in − pH_out).
    public var protonPotential: Voltage {
        .volts(conditions.thermalVoltage * Double.log(10) * (pHCytosol - pHApoplast))
    }

    /// Checks every input, naming the field.
    public func validate() throws {
        for (field, pH) in [("ph-inside", pHCytosol), ("ph-outside", pHApoplast)] {
            guard pH.isFinite, (0...14).contains(pH) else {
                throw MembraneError.invalidValue(field: field, value: "\(pH)", allowed: "a pH from 0 to 14")
            }
        }
        try MembraneError.requirePositive(potassiumOutside.millimolar, field: "k-outside", allowed: "a K⁺ concentration > 0 mM")
        try MembraneError.requireNonNegative(chlorideOutside.millimolar, field: "cl-outside", allowed: "a Cl⁻ concentration ≥ 0 mM")
        try pump.validate()
        try symporter.validate()
        try chlorideSymporter?.validate(fields: ("cl-symport-max-pmol-per-cm2-s", "cl-symport-km", "cl-symport-protons"))
        if let cs = chlorideSymporter, cs.substrateCharge != -1 {
            throw MembraneError.invalidValue(field: "cl-symport", value: "charge \(cs.substrateCharge)", allowed: "a Cl⁻ symporter (substrate charge −1)")
        }
        try leaks.validate()
        guard atp.deltaG.joulesPerMole.isFinite, atp.deltaG.joulesPerMole < 0 else {
            throw MembraneError.invalidValue(field: "delta-g-atp-kJ-per-mol", value: "\(atp.deltaG.kilojoulesPerMole)",
                                             allowed: "a ΔG of ATP hydrolysis < 0 kJ/mol (cellular: about −50)")
        }
        if let wall {
            try MembraneError.requirePositive(wall.elasticModulus, field: "wall-modulus-MPa", scale: 1e-6,
                                              allowed: "an elastic modulus > 0 MPa")
            try MembraneError.requirePositive(wall.relaxedVolume, field: "wall-relative-volume", allowed: "a relative volume > 0")
            try MembraneError.requireNonNegative(wall.neutralOsmolytes.millimolar, field: "neutral-osmolytes",
                                                 allowed: "a concentration ≥ 0 mM")
        }
        if pump.saturationCurrent.amperesPerSquareMetre == 0, leaks.proton.metresPerSecond == 0,
           symporter.maximumFlux.molesPerSquareMetreSecond == 0,
           (chlorideSymporter?.maximumFlux.molesPerSquareMetreSecond ?? 0) == 0 {
            throw MembraneError.undefined(field: "p-h-cm-per-s",
                reason: "with the pump off and neither an H⁺ leak nor an H⁺-coupled symporter, no current sets V_m at the steady state (every V_m with K⁺ and Cl⁻ at their Nernst potentials is one); give an H⁺ permeability > 0")
        }
    }
}
