import MembraneUnits
import MembraneChemistry

/// A plant (or fungal) cell energized by its plasma-membrane H⁺-ATPase: V_m, the cytosolic and apoplastic pH, K⁺ on
/// both sides, and optionally its wall as a Gibbs–Donnan problem (``DonnanProblem`` with a
/// ``DonnanCompartment/walled(maximumRelativeVolume:elasticModulus:)`` compartment), whose turgor the Donnan solver
/// gives. `analyze()` computes E_H, Δp, the pump's work and stall potential, and the K⁺ accumulation limits.
///
/// The Donnan part is the passive reference of the walled cell (impermeant solutes against the apoplast, every
/// permeant ion at equilibrium); the living cell's V_m is set by the pump, which this value takes as given. The pump–leak
/// steady state of the plant cell (V_m and concentrations from an H⁺-ATPase rate law and leaks) is in MembraneDynamics
/// (`PlantSteadyStateSolver`), not in this calculation.
public struct PlantCell: Sendable {
    /// V_m = φ_cytosol − φ_apoplast, set by the pump (taken as given).
    public var vm: Voltage
    /// Cytosolic pH (held at 7.2–7.5 in plant cells; Felle 2001).
    public var pHCytosol: Double
    /// Apoplastic pH (acidic, 5–6; Felle 2001).
    public var pHApoplast: Double
    /// Cytosolic K⁺, for E_K; nil when not given.
    public var potassiumCytosol: Concentration?
    /// Apoplastic (soil-solution) K⁺, for E_K; nil when not given.
    public var potassiumApoplast: Concentration?
    /// H⁺ per K⁺ of the K⁺/H⁺ symporter (1 for Arabidopsis roots; Maathuis & Sanders 1994).
    public var protonsPerPotassium: Int
    /// H⁺ moved per ATP by the P-type H⁺-ATPase (1; Palmgren 2001).
    public var protonsPerATP: Int
    /// ΔG_ATP available to the pump.
    public var atp: ATPHydrolysis
    /// The walled cell as a Gibbs–Donnan problem (its turgor), or nil.
    public var wall: DonnanProblem?
    /// Temperature and constant set of every calculation.
    public var conditions: Conditions

    /// A plant cell from its fields (see each property): by default a 1:1 K⁺/H⁺ symport, 1 H⁺ per ATP, cellular ΔG_ATP,
    /// no wall.
    public init(vm: Voltage, pHCytosol: Double, pHApoplast: Double, potassiumCytosol: Concentration? = nil,
                potassiumApoplast: Concentration? = nil, protonsPerPotassium: Int = 1, protonsPerATP: Int = 1,
                atp: ATPHydrolysis = .cellular, wall: DonnanProblem? = nil, conditions: Conditions = Conditions()) {
        self.vm = vm
        self.pHCytosol = pHCytosol
        self.pHApoplast = pHApoplast
        self.potassiumCytosol = potassiumCytosol
        self.potassiumApoplast = potassiumApoplast
        self.protonsPerPotassium = protonsPerPotassium
        self.protonsPerATP = protonsPerATP
        self.atp = atp
        self.wall = wall
        self.conditions = conditions
    }

    /// E_H and Δp (``ProtonMotiveForce``), the pump's work and stall potential (``ProtonPumpLimit``), the K⁺ accumulation
    /// limit (``PotassiumAccumulation``), E_K when both K⁺ concentrations are given and the wall's Donnan equilibrium when
    /// a wall is given. Throws ``MembraneError`` naming the field (`vm`, `ph-inside`, `ph-outside`, `k-inside`,
    /// `k-outside`) for a value out of range.
    public func analyze() throws -> PlantCellAnalysis {
        let pmf = try ProtonMotiveForce(deltaPsi: vm, pHInside: pHCytosol, pHOutside: pHApoplast, conditions: conditions,
                                        fields: ("vm", "ph-inside", "ph-outside"))
        var analysis = PlantCellAnalysis(cell: self, pmf: pmf,
                                         pump: try ProtonPumpLimit(pmf: pmf, atp: atp, protonsPerATP: protonsPerATP),
                                         potassium: try PotassiumAccumulation(pmf: pmf, protonsPerPotassium: protonsPerPotassium))
        for (field, k) in [("k-inside", potassiumCytosol), ("k-outside", potassiumApoplast)] {
            if let k { try MembraneError.requirePositive(k.millimolar, field: field, allowed: "a K⁺ concentration > 0 mM") }
        }
        if let kIn = potassiumCytosol, let kOut = potassiumApoplast {
            analysis.potassiumReversal = try Nernst.potential(z: 1, inside: kIn, outside: kOut, name: "K", conditions: conditions)
        }
        if var wall {
            wall.conditions = conditions
            analysis.donnan = try Donnan.solve(wall)
        }
        return analysis
    }
}

/// The result of ``PlantCell/analyze()``.
public struct PlantCellAnalysis: Sendable {
    /// The cell analysed.
    public var cell: PlantCell
    /// Δp across the plasma membrane with inside = cytosol (Δψ = V_m): V_m − E_H.
    public var pmf: ProtonMotiveForce
    /// The H⁺-ATPase: its work per cycle against Δp, its efficiency and its stall potential.
    public var pump: ProtonPumpLimit
    /// The thermodynamic ceilings on K⁺ accumulation by uniport (a channel) and by H⁺-coupled symport.
    public var potassium: PotassiumAccumulation
    /// E_K, when both K⁺ concentrations are given.
    public var potassiumReversal: Voltage?
    /// The wall's Gibbs–Donnan equilibrium (turgor), when the cell has a wall.
    public var donnan: DonnanEquilibrium?
    /// The conditions of the calculation (those of ``pmf``).
    public var conditions: Conditions { pmf.conditions }
}

/// Cited plant cells for `membrane plant --preset NAME`.
public struct PlantCellPreset: Sendable {
    /// Command-line name (`arabidopsis-root`).
    public var name: String
    /// One line for listings.
    public var description: String
    /// The cell, its wall included.
    public var cell: PlantCell
    /// The source of each number.
    public var sources: [String]

    /// An Arabidopsis root epidermal/cortical cell in a K⁺-poor soil solution, at 25 °C.
    ///
    /// V_m −150 mV (root cells: −120 to −200 mV; Maathuis & Sanders 1993, Planta 191:302; Hirsch et al. 1998,
    /// Science 280:918); cytosolic pH 7.3 and apoplastic pH 5.5 (Felle 2001, Plant Biol. 3:577, abstract: cytosol held
    /// at 7.2–7.5, apoplast acidic at pH 5–6); cytosolic K⁺ 80 mM (Walker, Leigh & Miller 1996, PNAS 93:10510);
    /// soil-solution K⁺ 0.1 mM (0.1–1 mM in soils; Maathuis 2009, Curr. Opin. Plant Biol. 12:250); 1:1 K⁺/H⁺ symport
    /// (Maathuis & Sanders 1994, PNAS 91:9272, abstract: the K⁺-dependent current of Arabidopsis root protoplasts
    /// reverses where 1 H⁺ per K⁺ predicts, K_m 30 µM); the P-type H⁺-ATPase 1 H⁺/ATP (Palmgren 2001). The wall:
    /// relaxed at the reference volume, volumetric elastic modulus 10 MPa (1–50 MPa in plant cells: Steudle,
    /// Zimmermann & Lüttge 1977, Plant Physiol. 59:285).
    /// Inside, an illustrative impermeant load (not a measured composition): 80 mM organic anions of charge −1
    /// (malate, amino acids…, balancing the cytosolic K⁺) and 150 mM neutral osmolytes (sugars); apoplast 0.1 mM KCl,
    /// K⁺ and Cl⁻ permeant.
    public static let arabidopsisRoot: PlantCellPreset = {
        let conditions = Conditions(temperature: .standard)
        let catalog = IonCatalog.standard
        let wall = DonnanProblem(
            permeants: [DonnanPermeant(ion: catalog.ion(named: "K")!, outside: .millimolar(0.1)),
                        DonnanPermeant(ion: catalog.ion(named: "Cl")!, outside: .millimolar(0.1))],
            insideImpermeants: [ImpermeantSolute(name: "organic anions", charge: -1, concentration: .millimolar(80)),
                                ImpermeantSolute(name: "neutral osmolytes", charge: 0, concentration: .millimolar(150))],
            compartment: .walled(maximumRelativeVolume: 1, elasticModulus: 10e6), conditions: conditions)
        return PlantCellPreset(
            name: "arabidopsis-root",
            description: "Arabidopsis root epidermal/cortical cell in a K⁺-poor soil solution (V_m −150 mV, pH 7.3 | 5.5, K⁺ 80 | 0.1 mM), walled, 25 °C",
            cell: PlantCell(vm: .millivolts(-150), pHCytosol: 7.3, pHApoplast: 5.5, potassiumCytosol: .millimolar(80),
                            potassiumApoplast: .millimolar(0.1), wall: wall, conditions: conditions),
            sources: [
                "V_m −150 mV: root cells −120 to −200 mV (Maathuis & Sanders 1993, Planta 191:302; Hirsch et al. 1998, Science 280:918)",
                "pH cytosol 7.3, apoplast 5.5: Felle 2001, Plant Biol. 3:577",
                "cytosolic K⁺ 80 mM: Walker, Leigh & Miller 1996, PNAS 93:10510",
                "soil-solution K⁺ 0.1 mM (0.1–1 mM): Maathuis 2009, Curr. Opin. Plant Biol. 12:250",
                "K⁺/H⁺ symport 1:1: Maathuis & Sanders 1994, PNAS 91:9272; H⁺-ATPase 1 H⁺/ATP: Palmgren 2001, Annu. Rev. Plant Physiol. Plant Mol. Biol. 52:817",
                "wall modulus 10 MPa (1–50 MPa): Steudle, Zimmermann & Lüttge 1977, Plant Physiol. 59:285",
                "impermeant load (80 mM organic anions, 150 mM neutral osmolytes) and apoplast 0.1 mM KCl: illustrative, not measured",
            ])
    }()

    /// Every plant-cell preset.
    public static let all: [PlantCellPreset] = [.arabidopsisRoot]

    /// The preset called `name` (case-insensitive), or ``MembraneError/unknownName(field:value:suggestions:)`` listing them.
    public static func named(_ name: String) throws -> PlantCellPreset {
        let key = name.lowercased().trimmingWhitespace()
        if let p = all.first(where: { $0.name == key }) { return p }
        throw MembraneError.unknownName(field: "preset", value: name, suggestions: closestNames(to: name, among: all.map(\.name)))
    }
}
