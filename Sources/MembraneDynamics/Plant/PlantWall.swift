import MembraneUnits
import MembranePhysics
import MembraneNumerics

/// The cell wall of a plant cell at steady state: the protoplast swells until the wall's elastic pressure balances
/// the osmotic excess of the cytosol, with the same law as the Donnan solver's walled compartment
/// (``DonnanCompartment/walled(maximumRelativeVolume:elasticModulus:)``):
///
///     P = ε·max(0, V/V_wall − 1) = R·T·(Osm_in(V) − Osm_out)          (van 't Hoff, ``VantHoff``)
///
/// Inside, the ions' concentrations are fixed by transport (intensive) while the neutral osmolytes (sugars…) are a
/// fixed amount, c_N = c_N,wall·V_wall/V; Osm_in decreases and the wall pressure increases with V, so the balance has
/// one root (Brent). Below the wall's relaxed volume the wall is slack and P = 0 (the osmotic volume). ε is the
/// volumetric elastic modulus, 1–50 MPa in plant cells (Steudle, Zimmermann & Lüttge 1977, Plant Physiol. 59:285).
public struct PlantWall: Sendable, Hashable {
    /// V_wall, the relaxed volume of the wall relative to the reference volume.
    public var relaxedVolume: Double
    /// ε in Pa.
    public var elasticModulus: Double
    /// Neutral osmolytes (mM) at the reference volume.
    public var neutralOsmolytes: Concentration

    /// A wall with the given relaxed volume, modulus ε (Pa) and neutral osmolyte load.
    public init(relaxedVolume: Double = 1, elasticModulus: Double, neutralOsmolytes: Concentration) {
        self.relaxedVolume = relaxedVolume
        self.elasticModulus = elasticModulus
        self.neutralOsmolytes = neutralOsmolytes
    }

    /// The balance of a walled cell.
    public struct Balance: Sendable, Hashable {
        /// V/V_reference.
        public var relativeVolume: Double
        /// Turgor P in Pa.
        public var turgor: Double
        /// Osm_in at that volume (mOsm/L, ideal).
        public var osmolarityInside: Double
        /// Osm_out (mOsm/L).
        public var osmolarityOutside: Double
    }

    /// Solves the balance for ions that contribute `ionOsmolarity` (mOsm/L, volume-independent) against `outside`.
    public func balance(ionOsmolarity: Double, outside: Double, conditions: Conditions) throws -> Balance {
        let n0 = neutralOsmolytes.millimolar, rt = conditions.rt, eps = elasticModulus, vw = relaxedVolume
        func residual(_ v: Double) -> Double {
            rt * (ionOsmolarity + n0 / v - outside) - eps * max(0, v / vw - 1)
        }
        let atWall = residual(vw)
        let brent = BrentRootFinder(absoluteTolerance: 1e-14, relativeTolerance: 4 * .ulpOfOne)
        let v: Double
        if atWall <= 0 {
            // Slack wall: the osmotic volume n0/(Osm_out − ions) ≤ V_wall.
            guard n0 > 0, outside > ionOsmolarity else {
                throw MembraneError.undefined(field: "outside",
                    reason: "the protoplast has no volume: with no neutral osmolyte inside and a bath at least as concentrated as the cytosol's ions it shrinks without limit (plasmolysis)")
            }
            v = n0 / (outside - ionOsmolarity)
        } else {
            let hi = vw * (1 + rt * (ionOsmolarity + n0 / vw - outside) / eps) * 1.000001 + 1e-12
            guard let r = brent.root(in: vw, hi, of: residual), r.converged else {
                throw MembraneError.noConvergence(method: "Brent (plant wall)", iterations: brent.maximumIterations,
                                                  residual: .nan, detail: "no volume balances osmotic pressure and turgor")
            }
            v = r.root
        }
        return Balance(relativeVolume: v, turgor: eps * max(0, v / vw - 1), osmolarityInside: ionOsmolarity + n0 / v,
                       osmolarityOutside: outside)
    }
}
