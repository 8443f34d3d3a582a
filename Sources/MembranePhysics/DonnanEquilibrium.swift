import MembraneUnits
import MembraneChemistry
import RealModule

/// The solution of a ``DonnanProblem``.
public struct DonnanEquilibrium: Sendable {
    /// The problem this equilibrium solves.
    public var problem: DonnanProblem
    /// V_D = φ_in − φ_out.
    public var potential: Voltage
    /// ln r, r = e^{−FV/RT}.
    public var logRatio: Double
    /// Permeant concentrations inside, in the order of `problem.permeants`.
    public var inside: [Concentration]
    /// Impermeant concentrations inside at the equilibrium volume.
    public var insideImpermeants: [ImpermeantSolute]
    /// Volume relative to the reference volume (1 for a rigid compartment).
    public var relativeVolume: Double
    /// Σ c inside and outside, mOsm/L (ideal, φ = 1).
    public var osmolarityInside: Double
    /// Σ c outside, mOsm/L (ideal, φ = 1).
    public var osmolarityOutside: Double
    /// R·T·(φ_in·Osm_in − φ_out·Osm_out) in Pa (φ = 1 for ideal solutions): positive means water would enter (the
    /// inside is hyperosmotic).
    public var osmoticPressureDifference: Double
    /// Wall pressure in Pa for a walled compartment (nil otherwise).
    public var turgor: Double?
    /// Σ z·c inside in mM at the solution (zero to round-off).
    public var insideChargeResidual: Double
    /// A remark the result should print (for example when no finite volume balances the osmoles), or nil.
    public var note: String?
    /// The activity model of the solution (`ideal`: concentrations).
    public var activityModel = "ideal"
    /// Activity coefficients of the permeants inside and outside (empty when ideal).
    public var gammaInside: [Double] = []
    /// Activity coefficients of the permeants outside (empty when ideal).
    public var gammaOutside: [Double] = []
    /// Osmotic deficits Σc·(1 − φ) inside and outside in mM (0 for ideal solutions; see
    /// ``Donnan/solve(_:activityModel:)``).
    public var osmoticDeficitInside = 0.0
    /// Osmotic deficit Σc·(1 − φ) of the bath in mM.
    public var osmoticDeficitOutside = 0.0
    /// φ·Σc, the osmolarity water sees (mOsm/L).
    public var effectiveOsmolarityInside: Double { osmolarityInside - osmoticDeficitInside }
    /// φ·Σc of the bath (mOsm/L).
    public var effectiveOsmolarityOutside: Double { osmolarityOutside - osmoticDeficitOutside }
    /// The osmotic coefficients φ = 1 − D/Σc of the inside and the bath (1 for ideal solutions).
    public var osmoticCoefficientInside: Double { osmolarityInside > 0 ? 1 - osmoticDeficitInside / osmolarityInside : 1 }
    /// The osmotic coefficient φ of the bath (1 for ideal solutions).
    public var osmoticCoefficientOutside: Double { osmolarityOutside > 0 ? 1 - osmoticDeficitOutside / osmolarityOutside : 1 }

    /// The temperature and constants of the problem.
    public var conditions: Conditions { problem.conditions }

    /// Activity of permeant `j` inside and outside (= concentration when ideal).
    func activities(_ j: Int) -> (inside: Double, outside: Double) {
        let gi = gammaInside.isEmpty ? 1 : gammaInside[j], go = gammaOutside.isEmpty ? 1 : gammaOutside[j]
        return (gi * inside[j].millimolar, go * problem.permeants[j].outside.millimolar)
    }

    /// The Donnan ratio r = e^{−FV/RT}: c_in/c_out = r^z (r = K_in/K_out = Cl_out/Cl_in).
    public var ratio: Double { Double.exp(logRatio) }

    /// The product rule for one cation–anion pair: (c⁺_in)^{|z⁻|}(c⁻_in)^{|z⁺|} = (c⁺_out)^{|z⁻|}(c⁻_out)^{|z⁺|}
    /// (K_in·Cl_in = K_out·Cl_out for monovalent ions; Donnan 1911; Keener & Sneyd 2009 §2.6.3), in activities
    /// when an activity model was used.
    public struct ProductRule: Sendable {
        /// The cation of the pair.
        public var cation: Ion
        /// The anion of the pair.
        public var anion: Ion
        /// (c⁺_in)^{|z⁻|}·(c⁻_in)^{|z⁺|}, in mM to the power |z⁺| + |z⁻|.
        public var inside: Double
        /// (c⁺_out)^{|z⁻|}·(c⁻_out)^{|z⁺|}, the same product outside; equal to `inside` at equilibrium.
        public var outside: Double
        /// |inside/outside − 1|.
        public var relativeDeviation: Double { abs(inside / outside - 1) }
    }

    /// The product rule for every pair of a permeant cation and a permeant anion present on both sides.
    public var productRules: [ProductRule] {
        var rules: [ProductRule] = []
        let ps = problem.permeants
        for a in ps.indices where ps[a].ion.charge > 0 && ps[a].outside.millimolar > 0 {
            for b in ps.indices where ps[b].ion.charge < 0 && ps[b].outside.millimolar > 0 {
                let za = Double(abs(ps[a].ion.charge)), zb = Double(abs(ps[b].ion.charge))
                // In logarithms, to stay finite for any valence.
                let (ain, aout) = activities(a), (bin, bout) = activities(b)
                let lin = zb * Double.log(ain) + za * Double.log(bin)
                let lout = zb * Double.log(aout) + za * Double.log(bout)
                rules.append(ProductRule(cation: ps[a].ion, anion: ps[b].ion, inside: Double.exp(lin), outside: Double.exp(lout)))
            }
        }
        return rules
    }

    /// The largest deviation of (a_in/a_out)^{1/z} from r over the permeant ions (0 up to round-off).
    public var ratioConsistency: Double {
        var worst = 0.0
        for (j, q) in problem.permeants.enumerated() where q.outside.millimolar > 0 {
            let (ain, aout) = activities(j)
            let r = Double.exp(Double.log(ain / aout) / Double(q.ion.charge))
            worst = max(worst, abs(r / ratio - 1))
        }
        return worst
    }
}
