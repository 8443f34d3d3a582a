import MembraneUnits
import MembraneChemistry

/// A liquid junction between a pipette solution and a bath solution: the system a junction method
/// turns into a potential.
///
/// Sign convention (Barry & Lynch 1991, J. Membr. Biol. 121:101; Neher 1992, Methods Enzymol. 207:123;
/// JPCalc; LJPcalc): the LJP V_L is the potential of the **bath relative to the pipette** solution,
/// V_L = φ_bath − φ_pipette, and a whole-cell reading is corrected as V_m = V_measured − V_L.
/// Some textbooks quote the opposite (pipette relative to bath): that value is −V_L.
public struct LiquidJunction: Sendable {
    /// One charged species with its concentrations on both sides and its diffusion coefficient.
    public struct Species: Sendable, Hashable {
        /// The ion, with its valence.
        public var ion: Ion
        /// Its concentration in the pipette, mM.
        public var pipette: Double
        /// Its concentration in the bath, mM.
        public var bath: Double
        /// D in m²/s (any common scale: only ratios matter).
        public var diffusion: Double
        /// Where D comes from (table and source, or the estimate's method).
        public var diffusionSource: String
        /// For an estimated D, its plausible relative error u (D·(1 ± u)); nil for published or user data.
        public var diffusionUncertainty: Double? = nil
    }

    /// The pipette (internal) solution.
    public var pipette: Solution
    /// The bath (external) solution.
    public var bath: Solution
    /// The table the diffusion coefficients come from.
    public var mobilities: MobilityTable
    /// Temperature (through RT/F) and constants.
    public var conditions: Conditions
    /// The charged species that take part (present on at least one side).
    public private(set) var species: [Species] = []
    /// Neutral species ignored, and other remarks the result should print.
    public private(set) var notes: [String] = []

    /// Builds the junction; throws for an ion without mobility data (naming it), an empty side,
    /// or a side with no charged species.
    public init(pipette: Solution, bath: Solution, mobilities: MobilityTable = .catalog,
                conditions: Conditions) throws {
        self.pipette = pipette
        self.bath = bath
        self.mobilities = mobilities
        self.conditions = conditions
        for (field, s) in [("pipette", pipette), ("bath", bath)] {
            guard s.components.contains(where: { $0.ion.charge != 0 && $0.concentration.millimolar > 0 }) else {
                throw MembraneError.invalidValue(field: field, value: s.isEmpty ? "(empty)" : "no ions",
                                                 allowed: "a solution with at least one charged species at > 0 mM")
            }
        }
        var names: [String] = []
        for ion in pipette.ions + bath.ions where !names.contains(ion.name) { names.append(ion.name) }
        var missing: [String] = []
        var neutral: [String] = []
        for name in names {
            let ion = pipette.ions.first { $0.name == name } ?? bath.ions.first { $0.name == name }!
            let cp = pipette[name]?.millimolar ?? 0, cb = bath[name]?.millimolar ?? 0
            if ion.charge == 0 { neutral.append(name); continue }
            if cp == 0 && cb == 0 { continue }
            guard let (d, source, uncertainty) = mobilities.diffusion(for: ion) else { missing.append(name); continue }
            species.append(Species(ion: ion, pipette: cp, bath: cb, diffusion: d.squareMetresPerSecond,
                                   diffusionSource: source, diffusionUncertainty: uncertainty))
        }
        guard missing.isEmpty else {
            throw MembraneError.invalidValue(
                field: "mobility", value: missing.joined(separator: ", "),
                allowed: "ions with a mobility in the '\(mobilities.name)' table; give D in m²/s in the solution, e.g. \(missing[0])(D=0.5e-9)=\(Format.number((pipette[missing[0]] ?? bath[missing[0]])?.millimolar ?? 1))")
        }
        if !neutral.isEmpty {
            notes.append("neutral species ignored (they carry no current): \(neutral.joined(separator: ", "))")
        }
        let estimated = species.filter { $0.diffusionUncertainty != nil }.map(\.ion.name)
        if !estimated.isEmpty {
            notes.append("no published mobility for \(estimated.joined(separator: ", ")): estimated D used (see diffusion_estimates for the method and how far the LJP moves across its plausible range)")
        }
        if abs(conditions.temperature.kelvin - 298.15) > 0.5 {
            notes.append("mobilities at 25 °C, as JPCalc and LJPcalc use them; temperature enters through RT/F. A Stokes–Einstein–Walden correction to \(Format.number(conditions.temperature.celsius)) °C would scale every D by the same factor and leave the LJP unchanged")
        }
    }

    /// Net charge Σ z·c of the pipette and bath solutions, in mM (both 0 for electroneutral solutions).
    public var chargeImbalance: (pipette: Double, bath: Double) {
        (species.reduce(0) { $0 + Double($1.ion.charge) * $1.pipette },
         species.reduce(0) { $0 + Double($1.ion.charge) * $1.bath })
    }

    /// The same junction with the D of species `index` multiplied by `factor`.
    func scalingDiffusion(of index: Int, by factor: Double) -> LiquidJunction {
        var copy = self
        copy.species[index].diffusion *= factor
        return copy
    }

    /// Throws when either side carries net charge beyond round-off (1e-9 of its ionic content):
    /// the stationary Nernst–Planck junction exists only between electroneutral solutions. The message
    /// gives the imbalance and how to fix it explicitly; nothing is adjusted silently.
    public func requireElectroneutral() throws {
        let (p, b) = chargeImbalance
        for (field, net) in [("pipette", p), ("bath", b)] where !isRoundOff(net, side: field) {
            throw MembraneError.invalidValue(
                field: field, value: "net charge \(net > 0 ? "+" : "")\(net) mM",
                allowed: "an electroneutral solution (Σ z·c = 0): add the missing counter-ion, or name an ion to adjust with `electroneutralize` ION (the change is reported)")
        }
    }

    /// Σ|z|·c of one side, mM: the scale against which a net charge is round-off.
    func totalCharge(side: String) -> Double {
        species.reduce(0) { $0 + Double(abs($1.ion.charge)) * (side == "pipette" ? $1.pipette : $1.bath) }
    }

    /// True when `net` (mM) is below 1e-9 of the side's total charge concentration: round-off of a titration
    /// or of sums of concentrations, not a missing ion.
    public func isRoundOff(_ net: Double, side: String) -> Bool {
        abs(net) <= 1e-9 * max(totalCharge(side: side), 1e-12)
    }

    /// The junction with `ionName`'s concentration on each side that is not electroneutral (beyond round-off,
    /// relative to the side's total charge) changed to cancel that side's net charge; returns the adjusted
    /// junction and a description of each change. Throws if the change would make a concentration negative
    /// or the ion is absent.
    public func electroneutralized(by ionName: String) throws -> (LiquidJunction, [String]) {
        guard let index = species.firstIndex(where: { $0.ion.name == ionName || $0.ion.name.lowercased() == ionName.lowercased() }) else {
            throw MembraneError.invalidValue(field: "electroneutralize", value: ionName,
                                             allowed: "a charged ion present in the junction: \(species.map(\.ion.name).joined(separator: ", "))")
        }
        var copy = self
        var changes: [String] = []
        let (p, b) = chargeImbalance
        let z = Double(species[index].ion.charge)
        for (side, net) in [("pipette", p), ("bath", b)] where !isRoundOff(net, side: side) {
            let old = side == "pipette" ? species[index].pipette : species[index].bath
            let new = old - net / z
            guard new >= 0 else {
                throw MembraneError.invalidValue(field: "electroneutralize", value: ionName,
                                                 allowed: "an ion whose concentration can absorb the \(side)'s net charge of \(net) mM without going negative")
            }
            if side == "pipette" { copy.species[index].pipette = new } else { copy.species[index].bath = new }
            changes.append("\(side) \(species[index].ion.name) changed from \(old) to \(new) mM to cancel a net charge of \(net) mM")
        }
        copy.notes += changes
        return (copy, changes)
    }

    /// Replaces the species' concentrations (e.g. by activities), in species order.
    mutating func replaceConcentrations(pipette p: [Double], bath b: [Double]) {
        for i in species.indices {
            species[i].pipette = p[i]
            species[i].bath = b[i]
        }
    }

    /// The same junction with pipette and bath exchanged (V_L changes sign).
    public var swapped: LiquidJunction {
        var copy = self
        copy.pipette = bath
        copy.bath = pipette
        copy.species = species.map { s in
            var t = s
            t.pipette = s.bath
            t.bath = s.pipette
            return t
        }
        return copy
    }
}
